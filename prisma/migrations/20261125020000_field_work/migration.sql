-- Field work: an encounter is changed or deleted by its author or a coordinator of the owning
-- organisation (the API checks the same rule, packages/domain mayChangeEncounter).
DROP POLICY encounters_own_organisation ON encounters;
CREATE POLICY encounters_own_organisation ON encounters FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY encounters_recorded_by_workers ON encounters FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND author_id = app.user_id()
              AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY encounters_changed_by_author_or_coordinator ON encounters FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id()
         AND (author_id = app.user_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              OR app.has_any_role('{COORDINATOR}')))
  WITH CHECK (organisation_id = app.org_id());
CREATE POLICY encounters_deleted_by_author_or_coordinator ON encounters FOR DELETE TO maillage_app
  USING (organisation_id = app.org_id()
         AND (author_id = app.user_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              OR app.has_any_role('{COORDINATOR}')));

