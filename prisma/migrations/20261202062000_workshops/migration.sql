-- Workshops and prevention kiosks (issue 15, item 4): what an organisation holds at a partner's
-- request (a school, a youth centre, another group), counted apart from the work with persons —
-- how many took part, never who. The organisation's outreach workers, nurses and coordinators
-- keep them; no partner ever reads them; a committee reads their aggregates only, suppressed
-- (app.partnership_workshop_indicators, then the API's suppressSmallCells).

-- CreateEnum
CREATE TYPE "WorkshopKind" AS ENUM ('WORKSHOP', 'KIOSK');

-- CreateEnum
CREATE TYPE "WorkshopTopic" AS ENUM ('SEXUAL_HEALTH', 'CONSENT_AND_RELATIONSHIPS', 'SEXUAL_EXPLOITATION_PREVENTION', 'STBBI_PREVENTION', 'SUBSTANCE_USE', 'OVERDOSE_PREVENTION_NALOXONE', 'HARM_REDUCTION', 'ONLINE_SAFETY', 'SERVICES_PRESENTATION', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkshopAudience" AS ENUM ('YOUTH_SECONDARY_SCHOOL', 'YOUTH_CENTRE', 'POST_SECONDARY_STUDENTS', 'ADULTS', 'PARENTS', 'PROFESSIONALS', 'COMMUNITY_GROUP_MEMBERS', 'GENERAL_PUBLIC', 'OTHER');

-- CreateTable
CREATE TABLE "workshops" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "kind" "WorkshopKind" NOT NULL,
    "topic" "WorkshopTopic" NOT NULL,
    "audience" "WorkshopAudience" NOT NULL,
    "place" VARCHAR(200) NOT NULL,
    "held_on" DATE NOT NULL,
    "duration_minutes" SMALLINT,
    "participants" SMALLINT NOT NULL,
    "requested_by" VARCHAR(200) NOT NULL,
    "facilitator_ids" UUID[],
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workshops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshop_notes" (
    "workshop_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "body" VARCHAR(2000) NOT NULL,

    CONSTRAINT "workshop_notes_pkey" PRIMARY KEY ("workshop_id")
);

-- CreateIndex
CREATE INDEX "workshops_organisation_id_held_on_idx" ON "workshops"("organisation_id", "held_on" DESC);

-- CreateIndex
CREATE INDEX "workshop_notes_organisation_id_idx" ON "workshop_notes"("organisation_id");

-- AddForeignKey
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_notes" ADD CONSTRAINT "workshop_notes_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The input's bounds (packages/domain workshopLimits), kept by the table too: a count, 1 to 5,000.
ALTER TABLE workshops ADD CONSTRAINT workshops_counts_in_bounds
  CHECK (participants BETWEEN 1 AND 5000 AND (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 720)
         AND cardinality(facilitator_ids) >= 1);

-- Kept by the organisation's working roles (ownOrganisationReaders/Writers.WORKSHOP), recorded as
-- oneself; the owner, the recorder and the creation time never change (no UPDATE grant on them).
GRANT SELECT, INSERT, DELETE ON workshops TO maillage_app;
GRANT UPDATE (kind, topic, audience, place, held_on, duration_minutes, participants, requested_by,
              facilitator_ids, updated_at) ON workshops TO maillage_app;
ALTER TABLE workshops ENABLE ROW LEVEL SECURITY;
ALTER TABLE workshops FORCE ROW LEVEL SECURITY;
CREATE POLICY workshops_own_organisation ON workshops TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'));
CREATE POLICY workshops_recorded_as_oneself ON workshops AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (recorded_by_id = app.user_id());

-- The note: free text, the organisation's own like the workshop, on a workshop of the same
-- organisation that the viewer sees; its body alone changes.
GRANT SELECT, INSERT, DELETE ON workshop_notes TO maillage_app;
GRANT UPDATE (body) ON workshop_notes TO maillage_app;
ALTER TABLE workshop_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE workshop_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY workshop_notes_own_organisation ON workshop_notes TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,NURSE,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM workshops w
                           WHERE w.id = workshop_notes.workshop_id
                             AND w.organisation_id = workshop_notes.organisation_id));

-- Aggregates of the workshops held by some organisations on the days [p_from, p_to): how many of
-- each kind, the participants, by topic, by audience. Counts only, never a place, a requester
-- or a facilitator. Called only by the two functions below (no EXECUTE for the app role).
CREATE FUNCTION app.workshop_indicators(p_organisation_ids uuid[], p_from date, p_to date)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH w AS (
    SELECT kind, topic, audience, participants
      FROM workshops
     WHERE organisation_id = ANY (p_organisation_ids) AND held_on >= p_from AND held_on < p_to
  )
  SELECT jsonb_build_object(
    'byKind', (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (SELECT kind, count(*) n FROM w GROUP BY 1) x),
    'participants', (SELECT coalesce(sum(participants), 0) FROM w),
    'byTopic', (SELECT coalesce(jsonb_object_agg(topic, n), '{}') FROM (SELECT topic, count(*) n FROM w GROUP BY 1) x),
    'byAudience', (SELECT coalesce(jsonb_object_agg(audience, n), '{}') FROM (SELECT audience, count(*) n FROM w GROUP BY 1) x)
  )
$$;
REVOKE ALL ON FUNCTION app.workshop_indicators(uuid[], date, date) FROM PUBLIC;

-- A committee member of the partnership gets its members' figures (the API suppresses small
-- cells); anyone else NULL — as app.partnership_indicators.
CREATE FUNCTION app.partnership_workshop_indicators(p_partnership_id uuid, p_from date, p_to date)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.workshop_indicators(
           (SELECT array_agg(organisation_id) FROM partnership_members WHERE partnership_id = p_partnership_id),
           p_from, p_to)
   WHERE EXISTS (SELECT 1 FROM committee_seats s WHERE s.partnership_id = p_partnership_id AND s.user_id = app.user_id())
$$;
REVOKE ALL ON FUNCTION app.partnership_workshop_indicators(uuid, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.partnership_workshop_indicators(uuid, date, date) TO maillage_app;

-- A coordinator's own organisation, exact (organisationActions.READ_ORGANISATION_DASHBOARD).
CREATE FUNCTION app.organisation_workshop_indicators(p_from date, p_to date)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.workshop_indicators(ARRAY[app.org_id()], p_from, p_to)
   WHERE app.org_id() IS NOT NULL AND app.has_any_role('{COORDINATOR}')
$$;
REVOKE ALL ON FUNCTION app.organisation_workshop_indicators(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.organisation_workshop_indicators(date, date) TO maillage_app;
