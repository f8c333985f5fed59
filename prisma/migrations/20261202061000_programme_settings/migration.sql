-- Programmes outside Québec (issue 15 item 8): a partnership's and each organisation's time zone,
-- fiscal-year start month and locale become settings (packages/domain programme-settings.ts);
-- venue kinds for the programmes' places and themes for webcam work and food aid.

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Theme" ADD VALUE 'WEBCAM_WORK';
ALTER TYPE "Theme" ADD VALUE 'FOOD_AID';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "VenueKind" ADD VALUE 'BAR';
ALTER TYPE "VenueKind" ADD VALUE 'HOURLY_HOTEL';
ALTER TYPE "VenueKind" ADD VALUE 'PEEP_SHOW';
ALTER TYPE "VenueKind" ADD VALUE 'STRIP_CLUB';

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "fiscal_year_start_month" SMALLINT NOT NULL DEFAULT 4,
ADD COLUMN     "locale" VARCHAR(35) NOT NULL DEFAULT 'fr-CA',
ADD COLUMN     "time_zone" VARCHAR(64) NOT NULL DEFAULT 'America/Toronto';

-- AlterTable
ALTER TABLE "partnerships" ADD COLUMN     "fiscal_year_start_month" SMALLINT NOT NULL DEFAULT 4,
ADD COLUMN     "locale" VARCHAR(35) NOT NULL DEFAULT 'fr-CA',
ADD COLUMN     "time_zone" VARCHAR(64) NOT NULL DEFAULT 'America/Toronto';

-- The month's range in the database too (the zone and the locale are checked by the API's input:
-- PostgreSQL's own zone list is not the runtime's).
ALTER TABLE organisations ADD CONSTRAINT organisations_fiscal_year_start_month_range
  CHECK (fiscal_year_start_month BETWEEN 1 AND 12);
ALTER TABLE partnerships ADD CONSTRAINT partnerships_fiscal_year_start_month_range
  CHECK (fiscal_year_start_month BETWEEN 1 AND 12);

-- A partnership's settings: changed by coordinators of its member organisations (like its sharing
-- agreement, organisationActions.EDIT_PROGRAMME_SETTINGS), and nothing else of the partnership.
GRANT UPDATE (time_zone, fiscal_year_start_month, locale) ON partnerships TO maillage_app;
CREATE POLICY partnerships_settings_by_member_coordinators ON partnerships FOR UPDATE TO maillage_app
  USING (app.has_any_role('{COORDINATOR}') AND EXISTS (
    SELECT 1 FROM partnership_members pm WHERE pm.partnership_id = partnerships.id AND pm.organisation_id = app.org_id()))
  WITH CHECK (app.has_any_role('{COORDINATOR}') AND EXISTS (
    SELECT 1 FROM partnership_members pm WHERE pm.partnership_id = partnerships.id AND pm.organisation_id = app.org_id()));

-- An organisation's own settings: its coordinators only. The directory stays readable by both
-- request roles as before (names and kinds to act as one, to name a partner); row-level security
-- is now on so that the one column grant reaches the acting organisation's row only. Not forced:
-- app.begin_request and the sharing functions read it as the owner.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY organisations_directory ON organisations FOR SELECT TO maillage_app, maillage_auth
  USING (true);
GRANT UPDATE (time_zone, fiscal_year_start_month, locale) ON organisations TO maillage_app;
CREATE POLICY organisations_settings_by_coordinators ON organisations FOR UPDATE TO maillage_app
  USING (id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (id = app.org_id() AND app.has_any_role('{COORDINATOR}'));
