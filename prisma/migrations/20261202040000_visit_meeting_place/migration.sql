-- Where the nurse meets the worker and the person, and how to find them ("side door, ring
-- twice", issue 14): free text like the visit's reason, so it stays with the two organisations
-- taking part in the visit — never a partner who sees the logistics through a consent. A column
-- cannot be hidden from a row that a policy lets through, so it has its own table, held by the
-- same rule as nurse_visit_reasons (20261201203350_probe_findings_access_rules).

CREATE TABLE "nurse_visit_meeting_places" (
    "nurse_visit_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "worker_organisation_id" UUID NOT NULL,
    "body" VARCHAR(500) NOT NULL,

    CONSTRAINT "nurse_visit_meeting_places_pkey" PRIMARY KEY ("nurse_visit_id")
);
CREATE INDEX "nurse_visit_meeting_places_organisation_id_idx" ON "nurse_visit_meeting_places"("organisation_id");
CREATE INDEX "nurse_visit_meeting_places_worker_organisation_id_idx" ON "nurse_visit_meeting_places"("worker_organisation_id");
ALTER TABLE "nurse_visit_meeting_places" ADD CONSTRAINT "nurse_visit_meeting_places_nurse_visit_id_fkey" FOREIGN KEY ("nurse_visit_id") REFERENCES "nurse_visits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written once, with the proposal (proposeNurseVisit); no mutation changes or removes it (the
-- row goes with its visit, by the foreign key's cascade).
GRANT SELECT, INSERT ON nurse_visit_meeting_places TO maillage_app;
ALTER TABLE nurse_visit_meeting_places ENABLE ROW LEVEL SECURITY;
ALTER TABLE nurse_visit_meeting_places FORCE ROW LEVEL SECURITY;
-- The participating organisations, as far as they see the visit itself (team visibility).
CREATE POLICY nurse_visit_meeting_places_participating_organisations ON nurse_visit_meeting_places TO maillage_app
  USING ((organisation_id = app.org_id() OR worker_organisation_id = app.org_id())
         AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM nurse_visits v WHERE v.id = nurse_visit_id))
  WITH CHECK ((organisation_id = app.org_id() OR worker_organisation_id = app.org_id())
              AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM nurse_visits v
                           WHERE v.id = nurse_visit_id
                             AND v.organisation_id = nurse_visit_meeting_places.organisation_id
                             AND v.worker_organisation_id = nurse_visit_meeting_places.worker_organisation_id));
