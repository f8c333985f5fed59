-- Street teams' daily log (issue 15, item 6): a team's shift report — when it went out, who was
-- on the shift, the venues it visited, the partners who worked alongside it (a count of
-- co-interventions) — and its handover notes for the next shift, organisation-private free text
-- in their own table like encounter_notes. A visited venue's last visit is the later of its last
-- encounter and the start of the last shift that visited it (apps/api modules/venues/last-visits.ts),
-- so the weekly cadence and the overdue list follow from the logs.

-- CreateTable
CREATE TABLE "shift_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shift_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shift_report_members" (
    "shift_report_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "shift_report_members_pkey" PRIMARY KEY ("shift_report_id","user_id")
);

-- CreateTable
CREATE TABLE "shift_report_venues" (
    "shift_report_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,

    CONSTRAINT "shift_report_venues_pkey" PRIMARY KEY ("shift_report_id","venue_id")
);

-- CreateTable
CREATE TABLE "shift_report_partners" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shift_report_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "partner_organisation_id" UUID,
    "name" VARCHAR(120),
    "interventions" SMALLINT NOT NULL DEFAULT 1,

    CONSTRAINT "shift_report_partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shift_handover_notes" (
    "shift_report_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "body" VARCHAR(4000) NOT NULL,

    CONSTRAINT "shift_handover_notes_pkey" PRIMARY KEY ("shift_report_id")
);

-- CreateIndex
CREATE INDEX "shift_reports_organisation_id_starts_at_idx" ON "shift_reports"("organisation_id", "starts_at" DESC);

-- CreateIndex
CREATE INDEX "shift_report_members_user_id_idx" ON "shift_report_members"("user_id");

-- CreateIndex
CREATE INDEX "shift_report_venues_venue_id_idx" ON "shift_report_venues"("venue_id");

-- CreateIndex
CREATE INDEX "shift_report_partners_shift_report_id_idx" ON "shift_report_partners"("shift_report_id");

-- CreateIndex
CREATE INDEX "shift_report_partners_partner_organisation_id_idx" ON "shift_report_partners"("partner_organisation_id");

-- AddForeignKey
ALTER TABLE "shift_reports" ADD CONSTRAINT "shift_reports_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_reports" ADD CONSTRAINT "shift_reports_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_report_members" ADD CONSTRAINT "shift_report_members_shift_report_id_fkey" FOREIGN KEY ("shift_report_id") REFERENCES "shift_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_report_members" ADD CONSTRAINT "shift_report_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_report_venues" ADD CONSTRAINT "shift_report_venues_shift_report_id_fkey" FOREIGN KEY ("shift_report_id") REFERENCES "shift_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_report_venues" ADD CONSTRAINT "shift_report_venues_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_report_partners" ADD CONSTRAINT "shift_report_partners_shift_report_id_fkey" FOREIGN KEY ("shift_report_id") REFERENCES "shift_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_report_partners" ADD CONSTRAINT "shift_report_partners_partner_organisation_id_fkey" FOREIGN KEY ("partner_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_handover_notes" ADD CONSTRAINT "shift_handover_notes_shift_report_id_fkey" FOREIGN KEY ("shift_report_id") REFERENCES "shift_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A shift ends after it starts; a co-intervention names a member organisation or another by name.
ALTER TABLE shift_reports ADD CONSTRAINT shift_reports_ends_after_start CHECK (ends_at > starts_at);
ALTER TABLE shift_report_partners ADD CONSTRAINT shift_report_partners_organisation_or_name
  CHECK ((partner_organisation_id IS NULL) <> (name IS NULL) AND interventions >= 1);

-- ───────────── row-level security: the owning organisation's team only ─────────────
-- Read by the organisation's outreach workers and coordinators (ownOrganisationReaders.SHIFT_REPORT
-- and SHIFT_HANDOVER_NOTE), whoever wrote the report: the handover is for the next shift, and the
-- report names no person, so a restricted team visibility does not narrow it. Never a partner,
-- never a committee member. Written as the viewer; changed or removed by its author or a
-- coordinator (packages/domain mayChangeShiftReport), its parts with it.

GRANT SELECT, INSERT, UPDATE, DELETE ON
  shift_reports, shift_report_members, shift_report_venues, shift_report_partners, shift_handover_notes
TO maillage_app;

ALTER TABLE shift_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE shift_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY shift_reports_read_by_the_team ON shift_reports FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY shift_reports_written_by_the_team ON shift_reports FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND author_id = app.user_id()
              AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
-- The row after the change is still the author's or a coordinator's to change: a worker cannot
-- hand her report to someone else.
CREATE POLICY shift_reports_changed_by_author_or_coordinator ON shift_reports FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id()
         AND ((author_id = app.user_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
              OR app.has_any_role('{COORDINATOR}')))
  WITH CHECK (organisation_id = app.org_id()
              AND ((author_id = app.user_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
                   OR app.has_any_role('{COORDINATOR}')));
CREATE POLICY shift_reports_removed_by_author_or_coordinator ON shift_reports FOR DELETE TO maillage_app
  USING (organisation_id = app.org_id()
         AND ((author_id = app.user_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
              OR app.has_any_role('{COORDINATOR}')));

-- Whether the viewer changes the shift report `p_id` (its author or a coordinator of its
-- organisation): the rule of its parts' writes. Security invoker: the report is read under its
-- own policies.
CREATE FUNCTION app.may_change_shift_report(p_id uuid)
  RETURNS boolean
  LANGUAGE sql STABLE
AS $$
  SELECT EXISTS (SELECT 1 FROM shift_reports r
                  WHERE r.id = p_id AND r.organisation_id = app.org_id()
                    AND ((r.author_id = app.user_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
                         OR app.has_any_role('{COORDINATOR}')))
$$;
REVOKE ALL ON FUNCTION app.may_change_shift_report(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.may_change_shift_report(uuid) TO maillage_app;

-- Who was on the shift: members of the organisation.
ALTER TABLE shift_report_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE shift_report_members FORCE ROW LEVEL SECURITY;
CREATE POLICY shift_report_members_read_by_the_team ON shift_report_members FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY shift_report_members_written_with_their_report ON shift_report_members TO maillage_app
  USING (app.may_change_shift_report(shift_report_id))
  WITH CHECK (organisation_id = app.org_id() AND app.may_change_shift_report(shift_report_id)
              AND EXISTS (SELECT 1 FROM memberships m
                           WHERE m.user_id = shift_report_members.user_id
                             AND m.organisation_id = shift_report_members.organisation_id));

-- The venues visited: the organisation's own.
ALTER TABLE shift_report_venues ENABLE ROW LEVEL SECURITY;
ALTER TABLE shift_report_venues FORCE ROW LEVEL SECURITY;
CREATE POLICY shift_report_venues_read_by_the_team ON shift_report_venues FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY shift_report_venues_written_with_their_report ON shift_report_venues TO maillage_app
  USING (app.may_change_shift_report(shift_report_id))
  WITH CHECK (organisation_id = app.org_id() AND app.may_change_shift_report(shift_report_id)
              AND EXISTS (SELECT 1 FROM venues v
                           WHERE v.id = shift_report_venues.venue_id
                             AND v.organisation_id = shift_report_venues.organisation_id));

-- The partners alongside: an organisation sharing a partnership with the owner (never itself),
-- or one named.
ALTER TABLE shift_report_partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE shift_report_partners FORCE ROW LEVEL SECURITY;
CREATE POLICY shift_report_partners_read_by_the_team ON shift_report_partners FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY shift_report_partners_written_with_their_report ON shift_report_partners TO maillage_app
  USING (app.may_change_shift_report(shift_report_id))
  WITH CHECK (organisation_id = app.org_id() AND app.may_change_shift_report(shift_report_id)
              AND (partner_organisation_id IS NULL
                   OR (partner_organisation_id <> organisation_id
                       AND partner_organisation_id IN (SELECT app.partner_organisation_ids()))));

-- The handover notes: the team's readers of SHIFT_HANDOVER_NOTE, written with their report.
ALTER TABLE shift_handover_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE shift_handover_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY shift_handover_notes_read_by_the_team ON shift_handover_notes FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY shift_handover_notes_written_with_their_report ON shift_handover_notes TO maillage_app
  USING (app.may_change_shift_report(shift_report_id))
  WITH CHECK (organisation_id = app.org_id() AND app.may_change_shift_report(shift_report_id));
