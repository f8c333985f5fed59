-- The free-text outcome of an accompaniment ("hearing postponed, she is afraid of her ex") is read
-- like its note: the owning organisation's workers and coordinators only (DESIGN.md §3: a partner
-- sees the accompaniment without its note; safe-contact preferences are the only free text a
-- partner gets). A consented partner reads the accompaniment's row, and a column cannot be hidden
-- from a row that a policy lets through, so the outcome moves to its own table (as the visit's
-- reason did). Roles named here mirror packages/domain/src/permissions.ts
-- (ownOrganisationReaders/Writers.ACCOMPANIMENT_NOTE: W = OUTREACH_WORKER, C = COORDINATOR).

CREATE TABLE "accompaniment_outcomes" (
    "accompaniment_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "body" VARCHAR(1000) NOT NULL,

    CONSTRAINT "accompaniment_outcomes_pkey" PRIMARY KEY ("accompaniment_id")
);
CREATE INDEX "accompaniment_outcomes_organisation_id_idx" ON "accompaniment_outcomes"("organisation_id");
ALTER TABLE "accompaniment_outcomes" ADD CONSTRAINT "accompaniment_outcomes_accompaniment_id_fkey" FOREIGN KEY ("accompaniment_id") REFERENCES "accompaniments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO accompaniment_outcomes (accompaniment_id, organisation_id, body)
  SELECT id, organisation_id, outcome
    FROM accompaniments
   WHERE outcome IS NOT NULL AND outcome <> '';
ALTER TABLE "accompaniments" DROP COLUMN "outcome";

GRANT SELECT, INSERT, UPDATE, DELETE ON accompaniment_outcomes TO maillage_app;
ALTER TABLE accompaniment_outcomes ENABLE ROW LEVEL SECURITY;
ALTER TABLE accompaniment_outcomes FORCE ROW LEVEL SECURITY;
-- As accompaniment_notes_own_organisation, and stricter on write: the row names the organisation
-- of an accompaniment the writer sees (no outcome filed under another organisation's record).
CREATE POLICY accompaniment_outcomes_own_organisation ON accompaniment_outcomes TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM accompaniments a
                           WHERE a.id = accompaniment_id
                             AND a.organisation_id = accompaniment_outcomes.organisation_id));
-- Restricted team visibility (rule 1), as accompaniment_notes_team_visibility: the outcome follows
-- the accompaniment.
CREATE POLICY accompaniment_outcomes_team_visibility ON accompaniment_outcomes AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR EXISTS (SELECT 1 FROM accompaniments a WHERE a.id = accompaniment_id));
