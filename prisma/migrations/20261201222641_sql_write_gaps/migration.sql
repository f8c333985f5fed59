-- What the write matrix (apps/api/src/access/write-matrix.int.test.ts) found where row-level
-- security let the app role write more than DESIGN.md §3 and the API allow. Stricter only: every
-- rule is RESTRICTIVE (ANDed with the permissive policies) or a narrowed grant.

-- Only the visit's nurse records its acts (clinical_acts_recorded_by_the_visit_nurse); any nurse
-- of the organisation changed or removed them. Same rule as the clinical notes.
CREATE POLICY clinical_acts_changed_by_the_visit_nurse ON clinical_acts AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id AND v.nurse_id = app.user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id AND v.nurse_id = app.user_id()));
CREATE POLICY clinical_acts_removed_by_the_visit_nurse ON clinical_acts AS RESTRICTIVE FOR DELETE TO maillage_app
  USING (EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id AND v.nurse_id = app.user_id()));

-- A person goes on a visit the way proposeNurseVisit books her, never wider: by the co-visiting
-- worker's organisation, a person of its own (visible to the viewer: the persons policies), with
-- a consent in force of hers, recorded by that organisation, naming the visit's (nurse's)
-- organisation — or a partnership holding it whose agreement shares the profile — for the profile
-- (apps/api/src/access/consent-checks.ts consentCoveringReceiver). Either organisation of the
-- visit attached anyone's person, another organisation's included.
CREATE POLICY nurse_visit_persons_booked_with_consent ON nurse_visit_persons AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (EXISTS (
    SELECT 1
      FROM nurse_visits v
      JOIN persons p ON p.id = nurse_visit_persons.person_id AND p.organisation_id = app.org_id()
     WHERE v.id = nurse_visit_persons.nurse_visit_id
       AND v.worker_organisation_id = app.org_id()
       AND EXISTS (
         SELECT 1 FROM consents c
          WHERE c.person_id = p.id
            AND c.organisation_id = app.org_id()
            AND 'PROFILE' = ANY (c.record_kinds::text[])
            AND c.withdrawn_at IS NULL
            AND c.starts_at <= now()
            AND (c.expires_at IS NULL OR c.expires_at > now())
            AND (c.grantee_organisation_id = v.organisation_id
                 OR c.grantee_partnership_id IN (
                      SELECT pm.partnership_id FROM partnership_members pm
                        JOIN sharing_agreements sa ON sa.partnership_id = pm.partnership_id
                       WHERE pm.organisation_id = v.organisation_id
                         AND 'PROFILE' = ANY (sa.record_kinds::text[])))
            AND EXISTS (
              SELECT 1 FROM partnership_members own_pm
                JOIN partnership_members their_pm ON their_pm.partnership_id = own_pm.partnership_id
                JOIN sharing_agreements sa ON sa.partnership_id = own_pm.partnership_id
               WHERE own_pm.organisation_id = p.organisation_id
                 AND their_pm.organisation_id = v.organisation_id
                 AND 'PROFILE' = ANY (sa.record_kinds::text[])))));
-- No mutation moves a person from one visit to another or takes her off one (a visit is
-- cancelled instead); an UPDATE could have swapped anyone in.
REVOKE UPDATE, DELETE ON nurse_visit_persons FROM maillage_app;

-- A consent is never overwritten (its kinds, grantee, dates): withdrawConsent only sets
-- withdrawn_at and withdrawn_by_id, once, as the viewer; a withdrawal is never undone.
REVOKE UPDATE ON consents FROM maillage_app;
GRANT UPDATE (withdrawn_at, withdrawn_by_id) ON consents TO maillage_app;
CREATE POLICY consents_withdrawn_once ON consents AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (withdrawn_at IS NULL)
  WITH CHECK (withdrawn_at IS NOT NULL AND withdrawn_by_id = app.user_id());
