-- Row-level security: the last line of Maillage's access model (DESIGN.md §3).
--
-- The API never queries as the table owner. Every transaction starts with
-- `SET LOCAL ROLE maillage_app` (or `maillage_auth` for sign-in), then calls
-- app.begin_request(token_hash), which checks the session and sets the viewer
-- (app.user_id, app.org_id, app.roles) for this transaction only. With no viewer set,
-- every policy below returns no row (fail closed).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'maillage_app') THEN
    CREATE ROLE maillage_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'maillage_auth') THEN
    CREATE ROLE maillage_auth NOLOGIN;
  END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS app;
GRANT USAGE ON SCHEMA app TO maillage_app, maillage_auth;
GRANT USAGE ON SCHEMA public TO maillage_app, maillage_auth;

-- ───────────── the viewer, as set for the current transaction ─────────────

CREATE FUNCTION app.user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

CREATE FUNCTION app.org_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

-- Roles the viewer holds in the acting organisation, e.g. '{OUTREACH_WORKER,COORDINATOR}'.
CREATE FUNCTION app.roles() RETURNS text[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(nullif(current_setting('app.roles', true), ''), '{}')::text[] $$;

CREATE FUNCTION app.has_any_role(wanted text[]) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT app.roles() && wanted $$;

-- Validates a session and sets the viewer for the rest of the transaction.
-- SECURITY DEFINER: the app role cannot read the sessions table itself.
CREATE FUNCTION app.begin_request(p_token_hash text)
  RETURNS TABLE (
    session_id uuid,
    user_id uuid,
    organisation_id uuid,
    roles text[],
    csrf_token text,
    committee_partnership_ids uuid[]
  )
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  s record;
  r text[];
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
  IF s.acting_organisation_id IS NOT NULL THEN
    SELECT m.roles::text[] INTO r
      FROM memberships m
     WHERE m.user_id = s.user_id
       AND m.organisation_id = s.acting_organisation_id
       AND m.ended_at IS NULL;
    IF NOT FOUND THEN
      -- The membership ended since the session chose it: act as no organisation.
      s.acting_organisation_id := NULL;
      r := '{}';
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
    SELECT s.id, s.user_id, s.acting_organisation_id, r, s.csrf_token::text,
           coalesce((SELECT array_agg(cs.partnership_id) FROM committee_seats cs
                      WHERE cs.user_id = s.user_id), '{}');
END
$$;
REVOKE ALL ON FUNCTION app.begin_request(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.begin_request(text) TO maillage_app;

-- ───────────── grants ─────────────

-- Directory tables: readable by the app role (names of organisations and partnerships).
GRANT SELECT ON organisations, partnerships, partnership_members, sharing_agreements TO maillage_app;
GRANT SELECT ON committee_seats, memberships TO maillage_app;
-- Users: never the password hash or the calendar secret.
GRANT SELECT (id, email, display_name, locale, created_at, disabled_at) ON users TO maillage_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON
  persons, person_legal_names, consents, venues, encounters, encounter_materials,
  encounter_notes, accompaniments, accompaniment_notes, availability_slots,
  availability_exceptions, nurse_visits, nurse_visit_persons, clinical_acts,
  clinical_notes, referrals, referral_transitions, safety_alerts, notifications
TO maillage_app;
-- Audit events are append-only for the app.
GRANT SELECT, INSERT ON audit_events TO maillage_app;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO maillage_app;

-- The sign-in role: credentials and sessions, no person-level table.
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO maillage_auth;
GRANT SELECT, INSERT, DELETE ON sign_in_attempts TO maillage_auth;
GRANT USAGE ON SEQUENCE sign_in_attempts_id_seq TO maillage_auth;
GRANT SELECT ON users, memberships, organisations, committee_seats, partnerships TO maillage_auth;
GRANT INSERT ON audit_events TO maillage_auth;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO maillage_auth;

-- ───────────── policies: rule 1, the owning organisation, by role ─────────────
-- A working role is OUTREACH_WORKER, NURSE or COORDINATOR: an ORG_ADMIN alone sees no
-- person's file (least privilege), and a committee seat gives no person-level row.

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
CREATE POLICY memberships_app ON memberships FOR SELECT TO maillage_app
  USING (user_id = app.user_id() OR organisation_id = app.org_id());
CREATE POLICY memberships_auth ON memberships FOR SELECT TO maillage_auth USING (true);

ALTER TABLE committee_seats ENABLE ROW LEVEL SECURITY;
CREATE POLICY committee_seats_app ON committee_seats FOR SELECT TO maillage_app
  USING (user_id = app.user_id());
CREATE POLICY committee_seats_auth ON committee_seats FOR SELECT TO maillage_auth USING (true);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
-- Colleagues: oneself and the members of the acting organisation.
CREATE POLICY users_app ON users FOR SELECT TO maillage_app
  USING (
    id = app.user_id()
    OR EXISTS (SELECT 1 FROM memberships m
                WHERE m.user_id = users.id AND m.organisation_id = app.org_id())
  );
CREATE POLICY users_auth ON users FOR SELECT TO maillage_auth USING (true);

ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
CREATE POLICY persons_own_organisation ON persons TO maillage_app
  USING (organisation_id = app.org_id()
         AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id()
              AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE person_legal_names ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_legal_names FORCE ROW LEVEL SECURITY;
CREATE POLICY person_legal_names_own_organisation ON person_legal_names TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE consents FORCE ROW LEVEL SECURITY;
CREATE POLICY consents_own_organisation ON consents TO maillage_app
  USING (organisation_id = app.org_id()
         AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id()
              AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE venues ENABLE ROW LEVEL SECURITY;
ALTER TABLE venues FORCE ROW LEVEL SECURITY;
CREATE POLICY venues_own_organisation ON venues TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE encounters ENABLE ROW LEVEL SECURITY;
ALTER TABLE encounters FORCE ROW LEVEL SECURITY;
CREATE POLICY encounters_own_organisation ON encounters TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE encounter_materials ENABLE ROW LEVEL SECURITY;
ALTER TABLE encounter_materials FORCE ROW LEVEL SECURITY;
CREATE POLICY encounter_materials_own_organisation ON encounter_materials TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE encounter_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE encounter_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY encounter_notes_own_organisation ON encounter_notes TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE accompaniments ENABLE ROW LEVEL SECURITY;
ALTER TABLE accompaniments FORCE ROW LEVEL SECURITY;
CREATE POLICY accompaniments_own_organisation ON accompaniments TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE accompaniment_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE accompaniment_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY accompaniment_notes_own_organisation ON accompaniment_notes TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

ALTER TABLE availability_slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE availability_slots FORCE ROW LEVEL SECURITY;
CREATE POLICY availability_slots_own_organisation ON availability_slots TO maillage_app
  USING (organisation_id = app.org_id())
  WITH CHECK (organisation_id = app.org_id() AND user_id = app.user_id());

ALTER TABLE availability_exceptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE availability_exceptions FORCE ROW LEVEL SECURITY;
CREATE POLICY availability_exceptions_own_organisation ON availability_exceptions TO maillage_app
  USING (organisation_id = app.org_id())
  WITH CHECK (organisation_id = app.org_id() AND user_id = app.user_id());

-- A joint visit belongs to the public-health organisation; the co-visiting worker's
-- organisation sees its logistics too.
ALTER TABLE nurse_visits ENABLE ROW LEVEL SECURITY;
ALTER TABLE nurse_visits FORCE ROW LEVEL SECURITY;
CREATE POLICY nurse_visits_participating_organisations ON nurse_visits TO maillage_app
  USING ((organisation_id = app.org_id() OR worker_organisation_id = app.org_id())
         AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'))
  WITH CHECK ((organisation_id = app.org_id() OR worker_organisation_id = app.org_id())
              AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'));

ALTER TABLE nurse_visit_persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE nurse_visit_persons FORCE ROW LEVEL SECURITY;
CREATE POLICY nurse_visit_persons_with_visit ON nurse_visit_persons TO maillage_app
  USING (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id))
  WITH CHECK (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id));

ALTER TABLE clinical_acts ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinical_acts FORCE ROW LEVEL SECURITY;
CREATE POLICY clinical_acts_with_visit ON clinical_acts FOR SELECT TO maillage_app
  USING (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id));
CREATE POLICY clinical_acts_recorded_by_nurses ON clinical_acts FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{NURSE}'));
CREATE POLICY clinical_acts_changed_by_nurses ON clinical_acts FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{NURSE}'));
CREATE POLICY clinical_acts_deleted_by_nurses ON clinical_acts FOR DELETE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{NURSE}'));

-- Rule 3: clinical notes and results, nurses of the owning organisation only.
ALTER TABLE clinical_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinical_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY clinical_notes_nurses_of_owner ON clinical_notes TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{NURSE}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{NURSE}'));

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY referrals_sender_and_receiver ON referrals TO maillage_app
  USING ((from_organisation_id = app.org_id() OR to_organisation_id = app.org_id())
         AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'))
  WITH CHECK ((from_organisation_id = app.org_id() OR to_organisation_id = app.org_id())
              AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'));

ALTER TABLE referral_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_transitions_with_referral ON referral_transitions TO maillage_app
  USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id))
  WITH CHECK (by_organisation_id = app.org_id()
              AND EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));

-- Safety alerts: every working member of every organisation of the partnership.
ALTER TABLE safety_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE safety_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY safety_alerts_partnership_members ON safety_alerts FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM partnership_members pm
                      WHERE pm.partnership_id = safety_alerts.partnership_id
                        AND pm.organisation_id = app.org_id()));
CREATE POLICY safety_alerts_published_by_coordinators ON safety_alerts FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND EXISTS (SELECT 1 FROM partnership_members pm
                           WHERE pm.partnership_id = safety_alerts.partnership_id
                             AND pm.organisation_id = app.org_id()));
CREATE POLICY safety_alerts_withdrawn_by_publisher ON safety_alerts FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'));

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_addressee ON notifications FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND (user_id IS NULL OR user_id = app.user_id()));
CREATE POLICY notifications_mark_read ON notifications FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND (user_id IS NULL OR user_id = app.user_id()));
-- Any participant may notify another organisation's member of a shared record.
CREATE POLICY notifications_sent ON notifications FOR INSERT TO maillage_app
  WITH CHECK (app.user_id() IS NOT NULL);

-- Audit log: org admins and coordinators read their organisation's; everybody appends
-- as themselves; nobody updates or deletes (no grant, no policy).
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_events_read_by_admins ON audit_events FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{ORG_ADMIN,COORDINATOR}'));
CREATE POLICY audit_events_appended_as_viewer ON audit_events FOR INSERT TO maillage_app
  WITH CHECK (user_id = app.user_id()
              AND organisation_id IS NOT DISTINCT FROM app.org_id());
CREATE POLICY audit_events_appended_at_sign_in ON audit_events FOR INSERT TO maillage_auth
  WITH CHECK (true);

-- Sessions and sign-in attempts belong to the sign-in role only (no app grant).
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_auth ON sessions TO maillage_auth USING (true) WITH CHECK (true);
