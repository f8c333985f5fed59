-- What an adversarial probe found (issue 13), each now a rule of DESIGN.md §3, held here by
-- row-level security behind the API's filters and scopes. Roles named in SQL mirror
-- packages/domain/src/permissions.ts (W = OUTREACH_WORKER, N = NURSE, C = COORDINATOR).

-- ───────────── the free-text reason of a visit: the organisations taking part in it ─────────────
-- A consented partner sees a visit's logistics; its reason ("… (pregnancy test?)") stays with
-- the visit's organisation and the co-visiting worker's. A column cannot be hidden from a row
-- that a policy lets through, so the reason moves to its own table (as legal names did).

CREATE TABLE "nurse_visit_reasons" (
    "nurse_visit_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "worker_organisation_id" UUID NOT NULL,
    "body" VARCHAR(500) NOT NULL,

    CONSTRAINT "nurse_visit_reasons_pkey" PRIMARY KEY ("nurse_visit_id")
);
CREATE INDEX "nurse_visit_reasons_organisation_id_idx" ON "nurse_visit_reasons"("organisation_id");
CREATE INDEX "nurse_visit_reasons_worker_organisation_id_idx" ON "nurse_visit_reasons"("worker_organisation_id");
ALTER TABLE "nurse_visit_reasons" ADD CONSTRAINT "nurse_visit_reasons_nurse_visit_id_fkey" FOREIGN KEY ("nurse_visit_id") REFERENCES "nurse_visits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO nurse_visit_reasons (nurse_visit_id, organisation_id, worker_organisation_id, body)
  SELECT id, organisation_id, worker_organisation_id, reason
    FROM nurse_visits
   WHERE reason IS NOT NULL AND reason <> '';
ALTER TABLE "nurse_visits" DROP COLUMN "reason";

GRANT SELECT, INSERT, UPDATE, DELETE ON nurse_visit_reasons TO maillage_app;
ALTER TABLE nurse_visit_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE nurse_visit_reasons FORCE ROW LEVEL SECURITY;
-- The participating organisations, as far as they see the visit itself (team visibility).
CREATE POLICY nurse_visit_reasons_participating_organisations ON nurse_visit_reasons TO maillage_app
  USING ((organisation_id = app.org_id() OR worker_organisation_id = app.org_id())
         AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id))
  WITH CHECK ((organisation_id = app.org_id() OR worker_organisation_id = app.org_id())
              AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM nurse_visits v
                           WHERE v.id = nurse_visit_id
                             AND v.organisation_id = nurse_visit_reasons.organisation_id
                             AND v.worker_organisation_id = nurse_visit_reasons.worker_organisation_id));

-- ───────────── a partnership: its member organisations and its committee ─────────────
-- The unrelated organisation sees nothing of a partnership, not even its name or members.

CREATE FUNCTION app.viewer_partnership_ids()
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT pm.partnership_id FROM partnership_members pm WHERE pm.organisation_id = app.org_id()
  UNION
  SELECT cs.partnership_id FROM committee_seats cs WHERE cs.user_id = app.user_id()
$$;
REVOKE ALL ON FUNCTION app.viewer_partnership_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.viewer_partnership_ids() TO maillage_app;

-- Enabled, not forced: like memberships and committee seats, these directory tables are read by
-- the SECURITY DEFINER functions above (sharing, commitments, indicators) as their owner.
ALTER TABLE partnerships ENABLE ROW LEVEL SECURITY;
CREATE POLICY partnerships_members_and_committee ON partnerships FOR SELECT TO maillage_app
  USING (id IN (SELECT app.viewer_partnership_ids()));

ALTER TABLE partnership_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY partnership_members_members_and_committee ON partnership_members FOR SELECT TO maillage_app
  USING (partnership_id IN (SELECT app.viewer_partnership_ids()));

DROP POLICY sharing_agreements_read ON sharing_agreements;
CREATE POLICY sharing_agreements_members_and_committee ON sharing_agreements FOR SELECT TO maillage_app
  USING (partnership_id IN (SELECT app.viewer_partnership_ids()));
-- The sign-in role holds SELECT on partnerships (row_level_security) but no flow of it reads
-- them: with no policy of its own it now reads none.

-- ───────────── notices: only to members whose role can act on them ─────────────
-- A referral or a joint visit is acted on by W, N and C (its writers); a committee member or an
-- admin without a working role receives no notice and marks none read. Unknown kinds: nobody.

CREATE FUNCTION app.acts_on_notice(p_kind text)
  RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_kind LIKE 'REFERRAL\_%' THEN app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
    WHEN p_kind LIKE 'NURSE\_VISIT\_%' THEN app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
    ELSE false
  END
$$;

DROP POLICY notifications_addressee ON notifications;
CREATE POLICY notifications_addressee ON notifications FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND (user_id IS NULL OR user_id = app.user_id())
         AND app.acts_on_notice(kind));
DROP POLICY notifications_mark_read ON notifications;
CREATE POLICY notifications_mark_read ON notifications FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND (user_id IS NULL OR user_id = app.user_id())
         AND app.acts_on_notice(kind));

-- ───────────── only the visit's nurse completes it and writes its clinical notes ─────────────
-- Other nurses of her organisation still read the notes (rule 3); a coordinator of the
-- organisation that owns the visit hands it to another nurse.

-- The visit's nurse as it stands before the statement (a policy on nurse_visits cannot read
-- nurse_visits itself: PostgreSQL refuses the recursion).
CREATE FUNCTION app.nurse_of_visit(p_visit_id uuid)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT nurse_id FROM nurse_visits WHERE id = p_visit_id
$$;
REVOKE ALL ON FUNCTION app.nurse_of_visit(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.nurse_of_visit(uuid) TO maillage_app;

CREATE POLICY nurse_visits_completed_by_its_nurse ON nurse_visits AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (true)
  WITH CHECK (status <> 'COMPLETED' OR nurse_id = app.user_id());
CREATE POLICY nurse_visits_handed_over_by_owner_coordinators ON nurse_visits AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (true)
  WITH CHECK (nurse_id IS NOT DISTINCT FROM app.nurse_of_visit(id)
              OR (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')));

CREATE POLICY clinical_notes_written_by_the_visit_nurse ON clinical_notes AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (author_id = app.user_id()
              AND EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id AND v.nurse_id = app.user_id()));
CREATE POLICY clinical_notes_changed_by_their_author ON clinical_notes AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (author_id = app.user_id())
  WITH CHECK (author_id = app.user_id());
CREATE POLICY clinical_acts_recorded_by_the_visit_nurse ON clinical_acts AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id AND v.nurse_id = app.user_id()));

-- ───────────── nobody grants a role to itself ─────────────
-- An org admin sets any role of another member; a coordinator sets working roles (ORG_ADMIN is
-- neither given nor taken by one); a member's own roles only shrink
-- (packages/domain mayChangeMemberRoles).

-- A member's roles as they stand before the statement (same recursion as above).
CREATE FUNCTION app.held_roles(p_user_id uuid, p_organisation_id uuid)
  RETURNS text[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT coalesce((SELECT m.roles::text[] FROM memberships m
                    WHERE m.user_id = p_user_id AND m.organisation_id = p_organisation_id), '{}')
$$;
REVOKE ALL ON FUNCTION app.held_roles(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.held_roles(uuid, uuid) TO maillage_app;

CREATE POLICY memberships_changed_by_coordinators ON memberships FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND ('ORG_ADMIN' = ANY (roles::text[]))
                  = ('ORG_ADMIN' = ANY (app.held_roles(user_id, organisation_id))));
CREATE POLICY memberships_never_self_granted ON memberships AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (true)
  WITH CHECK (user_id IS DISTINCT FROM app.user_id()
              OR roles::text[] <@ app.held_roles(user_id, organisation_id));

-- ───────────── restricted team visibility ─────────────
-- Rule 1: an organisation that restricts team visibility shows a worker (and a nurse) only her
-- own records and those of the persons in her caseload — the persons she follows and those
-- whose file she opened; a coordinator still sees the team's. Added as RESTRICTIVE read
-- policies: they narrow the owner's side only (another organisation's rows, shared under rule
-- 2, pass them untouched), and cost nothing where the team is visible.

CREATE TABLE "person_followers" (
    "person_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_followers_pkey" PRIMARY KEY ("person_id","user_id")
);
CREATE INDEX "person_followers_user_id_person_id_idx" ON "person_followers"("user_id", "person_id");
CREATE INDEX "person_followers_organisation_id_idx" ON "person_followers"("organisation_id");
ALTER TABLE "person_followers" ADD CONSTRAINT "person_followers_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "person_followers" ADD CONSTRAINT "person_followers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, DELETE ON person_followers TO maillage_app;
ALTER TABLE person_followers ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_followers FORCE ROW LEVEL SECURITY;
-- One's own follows; a coordinator the organisation's (she sets them).
CREATE POLICY person_followers_own_organisation ON person_followers FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id()
         AND (user_id = app.user_id() OR app.has_any_role('{COORDINATOR}')));
CREATE POLICY person_followers_set_by_coordinators ON person_followers FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND EXISTS (SELECT 1 FROM persons p WHERE p.id = person_id AND p.organisation_id = app.org_id())
              AND EXISTS (SELECT 1 FROM memberships m
                           WHERE m.user_id = person_followers.user_id
                             AND m.organisation_id = app.org_id() AND m.ended_at IS NULL));
CREATE POLICY person_followers_removed_by_coordinators ON person_followers FOR DELETE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'));

-- Whether the viewer sees her organisation's whole team's records. The policies call it as
-- `(SELECT app.sees_team_records())`: an initplan, evaluated once per statement, not per row.
CREATE FUNCTION app.sees_team_records()
  RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT app.has_any_role('{COORDINATOR}')
      OR NOT coalesce((SELECT o.restrict_team_visibility FROM organisations o WHERE o.id = app.org_id()), true)
$$;

-- Whether a person is in the viewer's caseload. SECURITY DEFINER: the policies of persons call
-- it for their sub-records without recursing into their own policies.
CREATE FUNCTION app.in_caseload(p_person_id uuid)
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM person_followers f WHERE f.person_id = p_person_id AND f.user_id = app.user_id())
      OR EXISTS (SELECT 1 FROM persons p WHERE p.id = p_person_id AND p.created_by_id = app.user_id())
$$;
REVOKE ALL ON FUNCTION app.in_caseload(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.in_caseload(uuid) TO maillage_app;

-- Whether a joint visit involves a person of the viewer's caseload (nurse_visit_persons' own
-- policies read nurse_visits: a function keeps nurse_visits' policy from recursing).
CREATE FUNCTION app.visit_in_caseload(p_visit_id uuid)
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM nurse_visit_persons vp
                  WHERE vp.nurse_visit_id = p_visit_id AND app.in_caseload(vp.person_id))
$$;
REVOKE ALL ON FUNCTION app.visit_in_caseload(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.visit_in_caseload(uuid) TO maillage_app;

-- The person itself: the check is written on the row (its creator), not through in_caseload,
-- so that a worker's new file passes at once (an INSERT … RETURNING reads the new row before
-- any function could see it).
CREATE POLICY persons_team_visibility ON persons AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id()
         OR (SELECT app.sees_team_records())
         OR created_by_id = app.user_id()
         OR EXISTS (SELECT 1 FROM person_followers f WHERE f.person_id = persons.id AND f.user_id = app.user_id()));

CREATE POLICY person_legal_names_team_visibility ON person_legal_names AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records()) OR app.in_caseload(person_id));

CREATE POLICY consents_team_visibility ON consents AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR recorded_by_id = app.user_id() OR app.in_caseload(person_id));

CREATE POLICY encounters_team_visibility ON encounters AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR author_id = app.user_id() OR app.user_id() = ANY (co_worker_ids)
         OR (person_id IS NOT NULL AND app.in_caseload(person_id)));

CREATE POLICY encounter_materials_team_visibility ON encounter_materials AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_id));

CREATE POLICY encounter_notes_team_visibility ON encounter_notes AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_id));

CREATE POLICY accompaniments_team_visibility ON accompaniments AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR worker_id = app.user_id() OR app.in_caseload(person_id));

CREATE POLICY accompaniment_notes_team_visibility ON accompaniment_notes AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR EXISTS (SELECT 1 FROM accompaniments a WHERE a.id = accompaniment_id));

-- Either side of a joint visit: the owner's and the co-visiting worker's organisation.
-- (Its persons, acts and reason follow the visit through their own policies.)
CREATE POLICY nurse_visits_team_visibility ON nurse_visits AS RESTRICTIVE FOR SELECT TO maillage_app
  USING ((organisation_id IS DISTINCT FROM app.org_id() AND worker_organisation_id IS DISTINCT FROM app.org_id())
         OR (SELECT app.sees_team_records())
         OR nurse_id = app.user_id() OR worker_id = app.user_id()
         OR app.visit_in_caseload(id));

CREATE POLICY clinical_notes_team_visibility ON clinical_notes AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR author_id = app.user_id()
         OR EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id));

-- Referrals sent by the organisation; those it received are its inbox, whoever follows whom.
CREATE POLICY referrals_team_visibility ON referrals AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (from_organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR from_user_id = app.user_id() OR app.in_caseload(person_id));

-- ───────────── the viewer learns her organisation's team visibility ─────────────
-- app.begin_request also returns whether the acting organisation restricts team visibility, so
-- that the API builds the same filters without another query.

DROP FUNCTION app.begin_request(text);
CREATE FUNCTION app.begin_request(p_token_hash text)
  RETURNS TABLE (
    session_id uuid,
    user_id uuid,
    organisation_id uuid,
    roles text[],
    team_visibility_restricted boolean,
    csrf_token text,
    committee_partnership_ids uuid[]
  )
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  s record;
  r text[];
  restricted boolean;
BEGIN
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.org_id', '', true);
  PERFORM set_config('app.roles', '', true);
  SELECT se.id, se.user_id, se.acting_organisation_id, se.csrf_token, se.last_seen_at
    INTO s
    FROM sessions se
    JOIN users u ON u.id = se.user_id
   WHERE se.token_hash = p_token_hash
     AND se.expires_at > now()
     AND u.disabled_at IS NULL;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  r := '{}';
  restricted := false;
  IF s.acting_organisation_id IS NOT NULL THEN
    SELECT m.roles::text[], o.restrict_team_visibility INTO r, restricted
      FROM memberships m
      JOIN organisations o ON o.id = m.organisation_id
     WHERE m.user_id = s.user_id
       AND m.organisation_id = s.acting_organisation_id
       AND m.ended_at IS NULL;
    IF NOT FOUND THEN
      -- The membership ended since the session chose it: act as no organisation.
      s.acting_organisation_id := NULL;
      r := '{}';
      restricted := false;
    END IF;
  END IF;
  PERFORM set_config('app.user_id', s.user_id::text, true);
  PERFORM set_config('app.org_id', coalesce(s.acting_organisation_id::text, ''), true);
  PERFORM set_config('app.roles', r::text, true);
  -- Sliding expiry, written at most every five minutes to keep reads read-only.
  IF s.last_seen_at < now() - interval '5 minutes' THEN
    UPDATE sessions
       SET last_seen_at = now(),
           expires_at = greatest(expires_at, now() + interval '12 hours')
     WHERE id = s.id;
  END IF;
  RETURN QUERY
    SELECT s.id, s.user_id, s.acting_organisation_id, r, restricted, s.csrf_token::text,
           coalesce((SELECT array_agg(cs.partnership_id) FROM committee_seats cs
                      WHERE cs.user_id = s.user_id), '{}');
END
$$;
REVOKE ALL ON FUNCTION app.begin_request(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.begin_request(text) TO maillage_app;

-- ───────────── the calendar feed: the owner's memberships in force, through the same filters ─────────────
-- The feed has no session: its secret names a user. For each membership still in force the
-- API sets that membership as the viewer (below) and reads the visits and accompaniments
-- through the same visibility filters and policies as any request — times and status only, an
-- accompaniment never its destination. No membership in force: no feed.

DROP FUNCTION app.calendar_feed(text);
DROP FUNCTION app.calendar_feed_owner(text);

CREATE FUNCTION app.calendar_feed_organisations(p_token_hash text)
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT m.organisation_id
    FROM users u
    JOIN memberships m ON m.user_id = u.id AND m.ended_at IS NULL
   WHERE u.calendar_feed_token_hash = p_token_hash AND u.disabled_at IS NULL
   ORDER BY m.created_at
$$;
REVOKE ALL ON FUNCTION app.calendar_feed_organisations(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.calendar_feed_organisations(text) TO maillage_app;

-- Sets the feed owner, acting as one of her memberships in force, as the viewer for the rest of
-- the transaction (like app.begin_request for a session); nothing is set for a rotated secret or
-- an ended membership.
CREATE FUNCTION app.begin_calendar_feed(p_token_hash text, p_organisation_id uuid)
  RETURNS TABLE (user_id uuid, organisation_id uuid, roles text[], team_visibility_restricted boolean)
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  found_row record;
BEGIN
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.org_id', '', true);
  PERFORM set_config('app.roles', '', true);
  SELECT u.id AS user_id, m.organisation_id, m.roles::text[] AS roles, o.restrict_team_visibility
    INTO found_row
    FROM users u
    JOIN memberships m ON m.user_id = u.id AND m.ended_at IS NULL AND m.organisation_id = p_organisation_id
    JOIN organisations o ON o.id = m.organisation_id
   WHERE u.calendar_feed_token_hash = p_token_hash AND u.disabled_at IS NULL;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM set_config('app.user_id', found_row.user_id::text, true);
  PERFORM set_config('app.org_id', found_row.organisation_id::text, true);
  PERFORM set_config('app.roles', found_row.roles::text, true);
  RETURN QUERY SELECT found_row.user_id, found_row.organisation_id, found_row.roles, found_row.restrict_team_visibility;
END
$$;
REVOKE ALL ON FUNCTION app.begin_calendar_feed(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.begin_calendar_feed(text, uuid) TO maillage_app;
