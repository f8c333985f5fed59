-- Rule 2 of the access model: a partner organisation sees a person, and only the record kinds
-- named, while an active consent covers it — within what a sharing agreement of a partnership
-- both organisations belong to allows (a consent never widens the agreement). Expired or
-- withdrawn consent hides everything again at once (the next statement).
--
-- The same functions serve the API (which builds its Prisma filters from their result) and
-- the policies below, so the two enforcement layers cannot drift apart.

-- Persons owned by another organisation that are shared with the viewer's organisation for
-- `kind`. SECURITY DEFINER: consents and the other organisation's persons are not readable
-- by the viewer; only the resulting ids leave the function.
CREATE FUNCTION app.shared_person_ids(kind "SharedRecordKind")
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT DISTINCT c.person_id
    FROM consents c
    JOIN persons p ON p.id = c.person_id AND p.organisation_id = c.organisation_id
   WHERE app.org_id() IS NOT NULL
     AND p.organisation_id <> app.org_id()
     AND c.withdrawn_at IS NULL
     AND c.starts_at <= now()
     AND (c.expires_at IS NULL OR c.expires_at > now())
     AND kind = ANY (c.record_kinds)
     AND EXISTS (
       SELECT 1
         FROM partnership_members owner_member
         JOIN partnership_members viewer_member
           ON viewer_member.partnership_id = owner_member.partnership_id
         JOIN sharing_agreements agreement
           ON agreement.partnership_id = owner_member.partnership_id
        WHERE owner_member.organisation_id = p.organisation_id
          AND viewer_member.organisation_id = app.org_id()
          AND kind = ANY (agreement.record_kinds)
          AND (c.grantee_organisation_id = app.org_id()
               OR c.grantee_partnership_id = owner_member.partnership_id)
     )
$$;
REVOKE ALL ON FUNCTION app.shared_person_ids("SharedRecordKind") FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.shared_person_ids("SharedRecordKind") TO maillage_app;

-- Joint visits of another organisation in which a person shared with the viewer for
-- NURSE_VISIT_LOGISTICS takes part (a function, so that nurse_visits' policy does not read
-- nurse_visit_persons, whose own policy reads nurse_visits).
CREATE FUNCTION app.shared_nurse_visit_ids()
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT DISTINCT vp.nurse_visit_id
    FROM nurse_visit_persons vp
   WHERE vp.person_id IN (SELECT app.shared_person_ids('NURSE_VISIT_LOGISTICS'))
$$;
REVOKE ALL ON FUNCTION app.shared_nurse_visit_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.shared_nurse_visit_ids() TO maillage_app;

-- Whether a consent is in force now (for a referral's receiver, who cannot read consents).
CREATE FUNCTION app.consent_in_force(consent uuid)
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM consents c
     WHERE c.id = consent
       AND c.withdrawn_at IS NULL
       AND c.starts_at <= now()
       AND (c.expires_at IS NULL OR c.expires_at > now()))
$$;
REVOKE ALL ON FUNCTION app.consent_in_force(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.consent_in_force(uuid) TO maillage_app;

-- ───────────── policies widened to consented partners (reads only) ─────────────

CREATE POLICY persons_consented_partner ON persons FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND id IN (SELECT app.shared_person_ids('PROFILE')));

CREATE POLICY encounters_consented_partner ON encounters FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND person_id IN (SELECT app.shared_person_ids('ENCOUNTERS_SUMMARY')));

-- Materials follow their encounter (whatever makes it visible).
CREATE POLICY encounter_materials_with_encounter ON encounter_materials FOR SELECT TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_id));

CREATE POLICY accompaniments_consented_partner ON accompaniments FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND person_id IN (SELECT app.shared_person_ids('ACCOMPANIMENTS')));

CREATE POLICY nurse_visits_consented_partner ON nurse_visits FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND id IN (SELECT app.shared_nurse_visit_ids()));

-- A shared visit's other participants stay hidden unless shared too.
DROP POLICY nurse_visit_persons_with_visit ON nurse_visit_persons;
CREATE POLICY nurse_visit_persons_participating ON nurse_visit_persons TO maillage_app
  USING (EXISTS (SELECT 1 FROM nurse_visits v
                  WHERE v.id = nurse_visit_id
                    AND (v.organisation_id = app.org_id() OR v.worker_organisation_id = app.org_id())))
  WITH CHECK (EXISTS (SELECT 1 FROM nurse_visits v
                       WHERE v.id = nurse_visit_id
                         AND (v.organisation_id = app.org_id() OR v.worker_organisation_id = app.org_id())));
CREATE POLICY nurse_visit_persons_consented_partner ON nurse_visit_persons FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND person_id IN (SELECT app.shared_person_ids('NURSE_VISIT_LOGISTICS')));

-- Sharing agreements: coordinators of a member organisation change them (audited by the API).
GRANT UPDATE ON sharing_agreements TO maillage_app;
ALTER TABLE sharing_agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE sharing_agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY sharing_agreements_read ON sharing_agreements FOR SELECT TO maillage_app
  USING (true);
CREATE POLICY sharing_agreements_changed_by_member_coordinators ON sharing_agreements
  FOR UPDATE TO maillage_app
  USING (app.has_any_role('{COORDINATOR}')
         AND EXISTS (SELECT 1 FROM partnership_members pm
                      WHERE pm.partnership_id = sharing_agreements.partnership_id
                        AND pm.organisation_id = app.org_id()))
  WITH CHECK (app.has_any_role('{COORDINATOR}')
              AND EXISTS (SELECT 1 FROM partnership_members pm
                           WHERE pm.partnership_id = sharing_agreements.partnership_id
                             AND pm.organisation_id = app.org_id()));

-- Consents are recorded and withdrawn, never deleted (history is kept).
REVOKE DELETE ON consents FROM maillage_app;

-- Index for the consent lookups above.
CREATE INDEX consents_person_in_force ON consents (person_id) WHERE withdrawn_at IS NULL;

-- A partner reads the consents that name it (what it is allowed to see, and until when), so
-- that the API can build its filters from them; the note stays the owner's (the API never
-- exposes it to a partner).
CREATE POLICY consents_named_grantee ON consents FOR SELECT TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND (grantee_organisation_id = app.org_id()
              OR grantee_partnership_id IN (SELECT pm.partnership_id FROM partnership_members pm
                                             WHERE pm.organisation_id = app.org_id())));

-- Org admins change the roles of their organisation's members (audited by the API).
GRANT UPDATE (roles, ended_at) ON memberships TO maillage_app;
CREATE POLICY memberships_changed_by_org_admins ON memberships FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{ORG_ADMIN}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{ORG_ADMIN}'));
