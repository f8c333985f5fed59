-- Joint-visit scheduling across organisations of a partnership.

-- Organisations that share a partnership with the viewer's (the viewer's own included).
CREATE FUNCTION app.partner_organisation_ids()
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.org_id() WHERE app.org_id() IS NOT NULL
  UNION
  SELECT other.organisation_id
    FROM partnership_members mine
    JOIN partnership_members other ON other.partnership_id = mine.partnership_id
   WHERE mine.organisation_id = app.org_id()
$$;
REVOKE ALL ON FUNCTION app.partner_organisation_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.partner_organisation_ids() TO maillage_app;

-- Colleagues across the partnership are known by name (to book a visit with a nurse).
CREATE POLICY users_partnership_colleagues ON users FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM memberships m
                      WHERE m.user_id = users.id AND m.ended_at IS NULL
                        AND m.organisation_id IN (SELECT app.partner_organisation_ids())));
CREATE POLICY memberships_partnership_colleagues ON memberships FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND organisation_id IN (SELECT app.partner_organisation_ids()));

-- Weekly availability is readable across the partnership (times only, no reason).
CREATE POLICY availability_slots_partnership ON availability_slots FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND organisation_id IN (SELECT app.partner_organisation_ids()));
CREATE POLICY availability_slots_removed_by_owner ON availability_slots FOR DELETE TO maillage_app
  USING (user_id = app.user_id());
CREATE POLICY availability_exceptions_removed_by_owner ON availability_exceptions FOR DELETE TO maillage_app
  USING (user_id = app.user_id());

-- When people of the partnership are already committed: absences, joint visits in play and
-- planned accompaniments — intervals only, never who or why.
CREATE FUNCTION app.commitments(p_user_ids uuid[], p_from timestamptz, p_to timestamptz)
  RETURNS TABLE (user_id uuid, starts_at timestamptz, ends_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH allowed AS (
    SELECT DISTINCT m.user_id FROM memberships m
     WHERE m.user_id = ANY (p_user_ids) AND m.ended_at IS NULL
       AND m.organisation_id IN (SELECT app.partner_organisation_ids())
  )
  SELECT e.user_id, e.starts_at, e.ends_at FROM availability_exceptions e
   WHERE e.user_id IN (SELECT user_id FROM allowed) AND e.starts_at < p_to AND e.ends_at > p_from
  UNION ALL
  SELECT u.user_id, v.planned_start, v.planned_end
    FROM nurse_visits v
    CROSS JOIN LATERAL (VALUES (v.nurse_id), (v.worker_id)) AS u(user_id)
   WHERE u.user_id IN (SELECT user_id FROM allowed)
     AND v.status IN ('PROPOSED', 'ACCEPTED', 'COUNTER_PROPOSED')
     AND v.planned_start < p_to AND v.planned_end > p_from
  UNION ALL
  SELECT a.worker_id, a.planned_at, a.planned_at + interval '2 hours' FROM accompaniments a
   WHERE a.worker_id IN (SELECT user_id FROM allowed) AND a.status = 'PLANNED'
     AND a.planned_at < p_to AND a.planned_at + interval '2 hours' > p_from
$$;
REVOKE ALL ON FUNCTION app.commitments(uuid[], timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.commitments(uuid[], timestamptz, timestamptz) TO maillage_app;

-- The iCalendar feed: a secret URL, no session. Times, place type and status only — never a
-- person, an alias or a note.
CREATE FUNCTION app.calendar_feed(p_token_hash text)
  RETURNS TABLE (record_id uuid, kind text, starts_at timestamptz, ends_at timestamptz,
                 place text, status text, updated_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH owner AS (
    SELECT id FROM users WHERE calendar_feed_token_hash = p_token_hash AND disabled_at IS NULL
  )
  SELECT v.id, 'JOINT_VISIT', v.planned_start, v.planned_end, v.place_type::text, v.status::text, v.updated_at
    FROM nurse_visits v
   WHERE (v.nurse_id IN (SELECT id FROM owner) OR v.worker_id IN (SELECT id FROM owner))
     AND v.status IN ('PROPOSED', 'ACCEPTED', 'COUNTER_PROPOSED', 'COMPLETED')
     AND v.planned_start > now() - interval '60 days'
  UNION ALL
  SELECT a.id, 'ACCOMPANIMENT', a.planned_at, a.planned_at + interval '2 hours', a.destination::text, a.status::text, a.updated_at
    FROM accompaniments a
   WHERE a.worker_id IN (SELECT id FROM owner) AND a.status IN ('PLANNED', 'DONE')
     AND a.planned_at > now() - interval '60 days'
$$;
REVOKE ALL ON FUNCTION app.calendar_feed(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.calendar_feed(text) TO maillage_app;

-- Rotating one's own feed secret (the app role cannot write users otherwise).
CREATE FUNCTION app.set_calendar_feed_token(p_token_hash text)
  RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  UPDATE users SET calendar_feed_token_hash = p_token_hash WHERE id = app.user_id();
$$;
REVOKE ALL ON FUNCTION app.set_calendar_feed_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.set_calendar_feed_token(text) TO maillage_app;

-- Whether a feed secret is known (so an empty feed differs from a rotated or unknown one).
CREATE FUNCTION app.calendar_feed_owner(p_token_hash text)
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT id FROM users WHERE calendar_feed_token_hash = p_token_hash AND disabled_at IS NULL
$$;
REVOKE ALL ON FUNCTION app.calendar_feed_owner(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.calendar_feed_owner(text) TO maillage_app;
