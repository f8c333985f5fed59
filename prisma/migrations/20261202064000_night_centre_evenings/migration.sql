-- Night-centre evenings (issue 15, item 2): a drop-in at a confidential address (a venue of kind
-- NIGHT_CENTRE) opens an evening with its staff on duty and the partner services present; each
-- visitor's check-in is an encounter of the evening (encounters.evening_id: place NIGHT_CENTRE,
-- the centre as venue), what they received its materials and services — so the indicators count
-- the visits and the stock counts what was handed out once, and a partner sees a person's visits
-- only as it sees her encounters (a consent naming ENCOUNTERS_SUMMARY). A person's first evening
-- visit at the organisation brings an intake form (intake_assessments, one per person and
-- organisation), counted in the indicators by app.intake_indicators. The evening's log for the next
-- shift (night_centre_handover_notes) is organisation-private free text. The evening is closed
-- once; its totals are computed from its visits (app.night_centre_evening_totals), so a later
-- correction of a visit is in them.

-- CreateEnum
CREATE TYPE "IntakeNeedLevel" AS ENUM ('NONE', 'LONG_TERM', 'IMMEDIATE');

-- AlterTable
ALTER TABLE "encounters" ADD COLUMN     "evening_id" UUID;

-- CreateTable
CREATE TABLE "night_centre_evenings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "evening_on" DATE NOT NULL,
    "staff_ids" UUID[],
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_by_id" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "night_centre_evenings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "night_centre_evening_partners" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "evening_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "partner_organisation_id" UUID,
    "name" VARCHAR(120),
    "service" VARCHAR(40),

    CONSTRAINT "night_centre_evening_partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "night_centre_handover_notes" (
    "evening_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "written_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "night_centre_handover_notes_pkey" PRIMARY KEY ("evening_id")
);

-- CreateTable
CREATE TABLE "intake_assessments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "visit_id" UUID,
    "assessed_by_id" UUID NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "housing" "IntakeNeedLevel",
    "health" "IntakeNeedLevel",
    "substance_use" "IntakeNeedLevel",
    "justice" "IntakeNeedLevel",
    "income" "IntakeNeedLevel",
    "employment" "IntakeNeedLevel",
    "safety" "IntakeNeedLevel",
    "comment" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intake_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "night_centre_evenings_organisation_id_evening_on_idx" ON "night_centre_evenings"("organisation_id", "evening_on" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "night_centre_evenings_id_organisation_id_key" ON "night_centre_evenings"("id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "night_centre_evenings_venue_id_evening_on_key" ON "night_centre_evenings"("venue_id", "evening_on");

-- CreateIndex
CREATE INDEX "night_centre_evening_partners_evening_id_idx" ON "night_centre_evening_partners"("evening_id");

-- CreateIndex
CREATE INDEX "night_centre_evening_partners_partner_organisation_id_idx" ON "night_centre_evening_partners"("partner_organisation_id");

-- CreateIndex
CREATE INDEX "night_centre_handover_notes_organisation_id_idx" ON "night_centre_handover_notes"("organisation_id");

-- CreateIndex
CREATE INDEX "intake_assessments_person_id_idx" ON "intake_assessments"("person_id");

-- CreateIndex
CREATE INDEX "intake_assessments_organisation_id_assessed_at_idx" ON "intake_assessments"("organisation_id", "assessed_at");

-- CreateIndex
CREATE UNIQUE INDEX "intake_assessments_organisation_id_person_id_key" ON "intake_assessments"("organisation_id", "person_id");

-- CreateIndex
CREATE INDEX "encounters_evening_id_idx" ON "encounters"("evening_id");

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_evening_id_organisation_id_fkey" FOREIGN KEY ("evening_id", "organisation_id") REFERENCES "night_centre_evenings"("id", "organisation_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_centre_evenings" ADD CONSTRAINT "night_centre_evenings_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_centre_evenings" ADD CONSTRAINT "night_centre_evenings_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_centre_evening_partners" ADD CONSTRAINT "night_centre_evening_partners_evening_id_fkey" FOREIGN KEY ("evening_id") REFERENCES "night_centre_evenings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_centre_evening_partners" ADD CONSTRAINT "night_centre_evening_partners_partner_organisation_id_fkey" FOREIGN KEY ("partner_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_centre_evening_partners" ADD CONSTRAINT "night_centre_evening_partners_organisation_id_service_fkey" FOREIGN KEY ("organisation_id", "service") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "night_centre_handover_notes" ADD CONSTRAINT "night_centre_handover_notes_evening_id_fkey" FOREIGN KEY ("evening_id") REFERENCES "night_centre_evenings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_assessments" ADD CONSTRAINT "intake_assessments_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_assessments" ADD CONSTRAINT "intake_assessments_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_assessments" ADD CONSTRAINT "intake_assessments_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "encounters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An evening has someone on duty; a partner present is an organisation of the partnerships or
-- one named, not both, and/or the service it offered.
ALTER TABLE night_centre_evenings ADD CONSTRAINT night_centre_evenings_staffed
  CHECK (cardinality(staff_ids) >= 1 AND (closed_at IS NULL) = (closed_by_id IS NULL) AND version >= 1);
ALTER TABLE night_centre_evening_partners ADD CONSTRAINT night_centre_evening_partners_named
  CHECK (num_nonnulls(partner_organisation_id, name) <= 1
         AND num_nonnulls(partner_organisation_id, name, service) >= 1);

-- ───────────── row-level security: the owning organisation's team only ─────────────
-- ownOrganisationReaders/Writers.NIGHT_CENTRE_EVENING, EVENING_HANDOVER_NOTE and
-- INTAKE_ASSESSMENT: the organisation's outreach workers and coordinators. Never a partner (no
-- partnerSharing), never a committee member (aggregates only, through the functions below). An
-- evening names no person (its visits are encounters, under their own policies), so a restricted
-- team visibility does not narrow it; an intake is about a person, so it does.

-- The evening: opened as oneself at one of the organisation's night centres, its staff members
-- of the organisation; changed (staff, closing) while open only, so a closed evening stays closed.
GRANT SELECT, INSERT ON night_centre_evenings TO maillage_app;
GRANT UPDATE (staff_ids, closed_at, closed_by_id, version, updated_at) ON night_centre_evenings TO maillage_app;
ALTER TABLE night_centre_evenings ENABLE ROW LEVEL SECURITY;
ALTER TABLE night_centre_evenings FORCE ROW LEVEL SECURITY;
CREATE POLICY night_centre_evenings_read_by_the_team ON night_centre_evenings FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY night_centre_evenings_opened_by_the_team ON night_centre_evenings FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND opened_by_id = app.user_id() AND closed_at IS NULL
              AND EXISTS (SELECT 1 FROM venues v
                           WHERE v.id = night_centre_evenings.venue_id
                             AND v.organisation_id = night_centre_evenings.organisation_id
                             AND v.kind = 'NIGHT_CENTRE')
              AND staff_ids <@ ARRAY(SELECT m.user_id FROM memberships m
                                      WHERE m.organisation_id = night_centre_evenings.organisation_id));
CREATE POLICY night_centre_evenings_changed_while_open ON night_centre_evenings FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
         AND closed_at IS NULL)
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND (closed_by_id IS NULL OR closed_by_id = app.user_id())
              AND staff_ids <@ ARRAY(SELECT m.user_id FROM memberships m
                                      WHERE m.organisation_id = night_centre_evenings.organisation_id));

-- The partners present: written with their evening while it is open; an organisation sharing a
-- partnership with the owner (never itself), or one named.
GRANT SELECT, INSERT, UPDATE, DELETE ON night_centre_evening_partners TO maillage_app;
ALTER TABLE night_centre_evening_partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE night_centre_evening_partners FORCE ROW LEVEL SECURITY;
CREATE POLICY night_centre_evening_partners_read_by_the_team ON night_centre_evening_partners
  FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY night_centre_evening_partners_written_while_open ON night_centre_evening_partners TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM night_centre_evenings v
                      WHERE v.id = night_centre_evening_partners.evening_id AND v.closed_at IS NULL))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM night_centre_evenings v
                           WHERE v.id = night_centre_evening_partners.evening_id
                             AND v.organisation_id = night_centre_evening_partners.organisation_id
                             AND v.closed_at IS NULL)
              AND (partner_organisation_id IS NULL
                   OR (partner_organisation_id <> organisation_id
                       AND partner_organisation_id IN (SELECT app.partner_organisation_ids()))));

-- The handover for the next shift: the team's, written as oneself on an evening of the
-- organisation (open or closed: it is often written last); rewritten, never removed.
GRANT SELECT, INSERT ON night_centre_handover_notes TO maillage_app;
GRANT UPDATE (body, written_by_id, updated_at) ON night_centre_handover_notes TO maillage_app;
ALTER TABLE night_centre_handover_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE night_centre_handover_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY night_centre_handover_notes_kept_by_the_team ON night_centre_handover_notes TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND written_by_id = app.user_id()
              AND EXISTS (SELECT 1 FROM night_centre_evenings v
                           WHERE v.id = night_centre_handover_notes.evening_id
                             AND v.organisation_id = night_centre_handover_notes.organisation_id));

-- The intake: about a person of the organisation, assessed as oneself; its answers corrected,
-- never removed (it goes with the file when the file is removed). Where the organisation restricts
-- team visibility, a worker sees the intakes she made and those of her caseload, like encounters.
GRANT SELECT, INSERT ON intake_assessments TO maillage_app;
GRANT UPDATE (housing, health, substance_use, justice, income, employment, safety, comment, version, updated_at)
  ON intake_assessments TO maillage_app;
ALTER TABLE intake_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE intake_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY intake_assessments_own_organisation ON intake_assessments TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM persons p
                           WHERE p.id = intake_assessments.person_id
                             AND p.organisation_id = intake_assessments.organisation_id));
CREATE POLICY intake_assessments_assessed_as_oneself ON intake_assessments AS RESTRICTIVE FOR INSERT
  TO maillage_app
  WITH CHECK (assessed_by_id = app.user_id());
CREATE POLICY intake_assessments_team_visibility ON intake_assessments AS RESTRICTIVE FOR SELECT
  TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR assessed_by_id = app.user_id() OR app.in_caseload(person_id));

-- A check-in is made at an open evening (of the encounter's own organisation: the foreign key
-- holds both columns): none on a closed one, in SQL too.
CREATE POLICY encounters_checked_in_while_open ON encounters AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (evening_id IS NULL
              OR EXISTS (SELECT 1 FROM night_centre_evenings v
                          WHERE v.id = encounters.evening_id AND v.closed_at IS NULL));

-- ───────────── what the evening screen counts ─────────────

-- For each visit of the evening `p_evening_id`: whether it is the person's first evening visit at
-- the organisation (none earlier, at any of its centres) and whether the person already has an
-- intake. Read across the team (a restricted team's worker must not be offered an intake the
-- person already gave a colleague), answering ids and booleans only, to the evening's readers.
CREATE FUNCTION app.night_centre_visit_flags(p_evening_id uuid)
  RETURNS TABLE (encounter_id uuid, first_visit boolean, intake_recorded boolean)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT e.id,
         e.person_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM encounters p
            WHERE p.organisation_id = e.organisation_id AND p.person_id = e.person_id
              AND p.evening_id IS NOT NULL AND (p.occurred_at, p.id) < (e.occurred_at, e.id)),
         e.person_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM intake_assessments i
            WHERE i.organisation_id = e.organisation_id AND i.person_id = e.person_id)
    FROM encounters e
    JOIN night_centre_evenings v ON v.id = e.evening_id AND v.organisation_id = e.organisation_id
   WHERE v.id = p_evening_id AND v.organisation_id = app.org_id()
     AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
$$;
REVOKE ALL ON FUNCTION app.night_centre_visit_flags(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.night_centre_visit_flags(uuid) TO maillage_app;

-- The evening's totals, from its visits as they are now: check-ins, visits (head counts summed:
-- a group of four is four visits), distinct visitors (persons once each, plus anonymous head
-- counts), first visits, items handed out (quantity by catalogue code) and services given (count
-- by code), with the codes' names [fr, en]. Counts only, to the evening's readers; NULL otherwise.
CREATE FUNCTION app.night_centre_evening_totals(p_evening_id uuid)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH evening AS (
    SELECT v.id, v.organisation_id FROM night_centre_evenings v
     WHERE v.id = p_evening_id AND v.organisation_id = app.org_id()
       AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
  ), visit AS (
    SELECT e.id, e.person_id, e.head_count FROM encounters e JOIN evening v ON e.evening_id = v.id
  ), items AS (
    SELECT m.item AS code, sum(m.quantity)::int AS n FROM encounter_materials m JOIN visit ON visit.id = m.encounter_id
     GROUP BY m.item
  ), services AS (
    SELECT s.service AS code, count(*)::int AS n FROM encounter_services s JOIN visit ON visit.id = s.encounter_id
     GROUP BY s.service
  ), labelled AS (
    SELECT 'items' AS list, x.code, x.n, c.label_fr, c.label_en
      FROM items x JOIN evening v ON true
      JOIN catalogue_entries c ON c.organisation_id = v.organisation_id AND c.code = x.code
    UNION ALL
    SELECT 'services', x.code, x.n, c.label_fr, c.label_en
      FROM services x JOIN evening v ON true
      JOIN catalogue_entries c ON c.organisation_id = v.organisation_id AND c.code = x.code
  )
  SELECT jsonb_build_object(
    'checkIns', (SELECT count(*) FROM visit),
    'visits', (SELECT coalesce(sum(head_count), 0) FROM visit),
    'distinctVisitors', (SELECT count(DISTINCT person_id) + coalesce(sum(head_count) FILTER (WHERE person_id IS NULL), 0)
                           FROM visit),
    'firstVisits', (SELECT count(*) FROM app.night_centre_visit_flags(p_evening_id) f WHERE f.first_visit),
    'items', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'count', n, 'labels', jsonb_build_array(label_fr, label_en))
                                        ORDER BY code), '[]') FROM labelled WHERE list = 'items'),
    'services', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'count', n, 'labels', jsonb_build_array(label_fr, label_en))
                                           ORDER BY code), '[]') FROM labelled WHERE list = 'services'))
   WHERE EXISTS (SELECT 1 FROM evening)
$$;
REVOKE ALL ON FUNCTION app.night_centre_evening_totals(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.night_centre_evening_totals(uuid) TO maillage_app;

-- ───────────── intake answers in the indicators ─────────────

-- The intakes made by some organisations in [p_from, p_to): how many, and for each domain how
-- many persons at each need level (a domain left empty is not counted in it). Counts only.
-- Called only by the two functions below (no EXECUTE for the app role).
CREATE FUNCTION app.intake_indicators(p_organisation_ids uuid[], p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH i AS (
    SELECT * FROM intake_assessments
     WHERE organisation_id = ANY (p_organisation_ids) AND assessed_at >= p_from AND assessed_at < p_to
  ), answer AS (
    SELECT d.domain, d.level
      FROM i, LATERAL (VALUES ('HOUSING', i.housing), ('HEALTH', i.health), ('SUBSTANCE_USE', i.substance_use),
                              ('JUSTICE', i.justice), ('INCOME', i.income), ('EMPLOYMENT', i.employment),
                              ('SAFETY', i.safety)) AS d(domain, level)
     WHERE d.level IS NOT NULL
  )
  SELECT jsonb_build_object(
    'assessed', (SELECT count(*) FROM i),
    'needs', (SELECT coalesce(jsonb_object_agg(domain, levels), '{}')
                FROM (SELECT domain, jsonb_object_agg(level, n) AS levels
                        FROM (SELECT domain, level, count(*) AS n FROM answer GROUP BY 1, 2) x
                       GROUP BY domain) y))
$$;
REVOKE ALL ON FUNCTION app.intake_indicators(uuid[], timestamptz, timestamptz) FROM PUBLIC;

-- A committee member of the partnership gets its members' figures (the API suppresses small
-- cells); anyone else NULL — as app.partnership_indicators.
CREATE FUNCTION app.partnership_intake_indicators(p_partnership_id uuid, p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.intake_indicators(
           (SELECT array_agg(organisation_id) FROM partnership_members WHERE partnership_id = p_partnership_id),
           p_from, p_to)
   WHERE EXISTS (SELECT 1 FROM committee_seats s WHERE s.partnership_id = p_partnership_id AND s.user_id = app.user_id())
$$;
REVOKE ALL ON FUNCTION app.partnership_intake_indicators(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.partnership_intake_indicators(uuid, timestamptz, timestamptz) TO maillage_app;

-- A coordinator's own organisation, exact (organisationActions.READ_ORGANISATION_DASHBOARD).
CREATE FUNCTION app.organisation_intake_indicators(p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.intake_indicators(ARRAY[app.org_id()], p_from, p_to)
   WHERE app.org_id() IS NOT NULL AND app.has_any_role('{COORDINATOR}')
$$;
REVOKE ALL ON FUNCTION app.organisation_intake_indicators(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.organisation_intake_indicators(timestamptz, timestamptz) TO maillage_app;

-- ───────────── merged files ─────────────

-- Two files merged (apps/api modules/persons/merge.ts marks the merged one): its intake goes to
-- the kept file when that one has none; when both have one, the kept file's stays its intake and
-- the merged file's stays with the merged file (hidden with it), never two for one person.
CREATE FUNCTION app.move_merged_intake()
  RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  UPDATE intake_assessments SET person_id = NEW.merged_into_id
   WHERE person_id = NEW.id AND organisation_id = NEW.organisation_id
     AND NOT EXISTS (SELECT 1 FROM intake_assessments k
                      WHERE k.person_id = NEW.merged_into_id AND k.organisation_id = NEW.organisation_id);
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app.move_merged_intake() FROM PUBLIC;
CREATE TRIGGER persons_merged_intake_moves AFTER UPDATE OF merged_into_id ON persons
  FOR EACH ROW WHEN (OLD.merged_into_id IS NULL AND NEW.merged_into_id IS NOT NULL)
  EXECUTE FUNCTION app.move_merged_intake();
