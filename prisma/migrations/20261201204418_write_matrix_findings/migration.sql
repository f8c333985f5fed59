-- What the write matrix (apps/api/src/access/write-matrix.int.test.ts) found where row-level
-- security let the app role write more than DESIGN.md §3 and the API allow. Each rule below is
-- RESTRICTIVE (ANDed with the permissive policies, whoever later rewrites those) or a revoked
-- grant; none widens anything. Roles named here mirror packages/domain/src/permissions.ts and are
-- compared with it by packages/db/src/rls-coverage.int.test.ts.

-- A nurse read persons' files and, through the read policy (USING applies to DELETE), removed
-- them. Removing a file is writing it: outreach workers and coordinators only.
CREATE POLICY persons_removed_by_writers ON persons AS RESTRICTIVE FOR DELETE TO maillage_app
  USING (app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));

-- An encounter's note and materials are part of it: changed by its author or a coordinator, as
-- the encounter itself (encounters_changed_by_author_or_coordinator; packages/domain
-- mayChangeEncounter). Any worker of the organisation rewrote a colleague's note.
CREATE POLICY encounter_notes_written_with_their_encounter ON encounter_notes AS RESTRICTIVE FOR INSERT
  TO maillage_app
  WITH CHECK (EXISTS (SELECT 1 FROM encounters e
                       WHERE e.id = encounter_id
                         AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_notes_changed_with_their_encounter ON encounter_notes AS RESTRICTIVE FOR UPDATE
  TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e
                  WHERE e.id = encounter_id
                    AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_notes_removed_with_their_encounter ON encounter_notes AS RESTRICTIVE FOR DELETE
  TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e
                  WHERE e.id = encounter_id
                    AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_materials_written_with_their_encounter ON encounter_materials AS RESTRICTIVE FOR INSERT
  TO maillage_app
  WITH CHECK (EXISTS (SELECT 1 FROM encounters e
                       WHERE e.id = encounter_id
                         AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_materials_changed_with_their_encounter ON encounter_materials AS RESTRICTIVE FOR UPDATE
  TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e
                  WHERE e.id = encounter_id
                    AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_materials_removed_with_their_encounter ON encounter_materials AS RESTRICTIVE FOR DELETE
  TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e
                  WHERE e.id = encounter_id
                    AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));

-- A joint visit is answered by its two people (the API: respondToNurseVisit, completeNurseVisit)
-- and handed over by a coordinator of the organisation that owns it (reassignNurseVisit); any
-- other member of either organisation cancelled or moved it.
CREATE POLICY nurse_visits_changed_by_its_people ON nurse_visits AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (nurse_id = app.user_id() OR worker_id = app.user_id()
         OR (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')));

-- A joint visit is booked between organisations of one partnership (it rests on a consent naming
-- the nurse's organisation, DESIGN.md §3): any organisation put visits into any other's calendar
-- by naming itself as the co-visiting worker's.
CREATE POLICY nurse_visits_booked_within_partnerships ON nurse_visits AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (organisation_id IN (SELECT app.partner_organisation_ids())
              AND worker_organisation_id IN (SELECT app.partner_organisation_ids()));

-- A visit is cancelled, never removed: removing it took its clinical notes and acts with it
-- (ON DELETE CASCADE runs as the owner), notes that only the visit's nurse writes.
REVOKE DELETE ON nurse_visits FROM maillage_app;

-- Clinical notes are the visit's nurse's (DESIGN.md §3): removed by their author only, as they
-- are changed (clinical_notes_changed_by_their_author). Any nurse of the organisation removed them.
CREATE POLICY clinical_notes_removed_by_their_author ON clinical_notes AS RESTRICTIVE FOR DELETE TO maillage_app
  USING (author_id = app.user_id());

-- A referral is sent by the viewer's organisation, as the viewer: the receiver wrote referrals
-- "from" the sender to itself (the policy let either side write any row naming it).
CREATE POLICY referrals_sent_as_the_viewer ON referrals AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (from_organisation_id = app.org_id() AND from_user_id = app.user_id());

-- The closed loop: a referral is withdrawn, declined or closed, never removed, so that the sender
-- always learns the outcome; either side removed it (and its history, by cascade).
REVOKE DELETE ON referrals FROM maillage_app;
