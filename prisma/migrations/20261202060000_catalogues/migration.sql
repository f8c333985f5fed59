-- Each organisation's own catalogues (issue 15): the material items it hands out, the services it
-- offers and the online platforms it covers, edited by its coordinators in French and English.
-- Records point at an entry by (organisation, code); the code is what indicators group by across
-- a partnership. An entry in use cannot be deleted (the foreign keys restrict it): it is retired.

-- CreateEnum
CREATE TYPE "CatalogueList" AS ENUM ('MATERIAL', 'SERVICE', 'PLATFORM');

-- CreateEnum
CREATE TYPE "MaterialCategory" AS ENUM ('PREVENTION', 'DRUG_USE', 'NALOXONE', 'FOOD', 'FOOD_VOUCHERS', 'CLOTHING', 'HYGIENE', 'OTHER');

-- CreateEnum
CREATE TYPE "MaterialUnit" AS ENUM ('UNIT', 'KIT', 'BOX', 'PACK', 'PARCEL', 'VOUCHER', 'MEAL');

-- CreateTable
CREATE TABLE "catalogue_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "list" "CatalogueList" NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "label_fr" VARCHAR(120) NOT NULL,
    "label_en" VARCHAR(120) NOT NULL,
    "category" "MaterialCategory",
    "unit" "MaterialUnit",
    "position" SMALLINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),
    "retired_by_id" UUID,

    CONSTRAINT "catalogue_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "catalogue_entries_organisation_id_list_position_idx" ON "catalogue_entries"("organisation_id", "list", "position");

-- CreateIndex
CREATE UNIQUE INDEX "catalogue_entries_organisation_id_code_key" ON "catalogue_entries"("organisation_id", "code");

-- AddForeignKey
ALTER TABLE "catalogue_entries" ADD CONSTRAINT "catalogue_entries_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE catalogue_entries ADD CONSTRAINT catalogue_entries_code_shape
  CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$');
ALTER TABLE catalogue_entries ADD CONSTRAINT catalogue_entries_material_fields
  CHECK ((list = 'MATERIAL') = (category IS NOT NULL AND unit IS NOT NULL));

-- The defaults every organisation starts with (its coordinator renames, retires or adds).
CREATE FUNCTION app.seed_default_catalogue(p_organisation_id uuid) RETURNS void
  LANGUAGE sql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  INSERT INTO catalogue_entries (organisation_id, list, code, label_fr, label_en, category, unit, position)
  SELECT p_organisation_id, d.list::"CatalogueList", d.code, d.label_fr, d.label_en,
         d.category::"MaterialCategory", d.unit::"MaterialUnit", d.position
    FROM (VALUES
      ('MATERIAL', 'CONDOMS', 'Condoms', 'Condoms', 'PREVENTION', 'UNIT', 10),
      ('MATERIAL', 'LUBRICANT', 'Lubrifiant', 'Lubricant', 'PREVENTION', 'UNIT', 20),
      ('MATERIAL', 'PREGNANCY_TESTS', 'Tests de grossesse', 'Pregnancy tests', 'PREVENTION', 'UNIT', 30),
      ('MATERIAL', 'SYRINGES', 'Seringues', 'Syringes', 'DRUG_USE', 'UNIT', 40),
      ('MATERIAL', 'CRACK_KITS', 'Trousses d''inhalation', 'Crack kits', 'DRUG_USE', 'KIT', 50),
      ('MATERIAL', 'NALOXONE_KITS', 'Trousses de naloxone', 'Naloxone kits', 'NALOXONE', 'KIT', 60),
      ('MATERIAL', 'FOOD', 'Denrées', 'Food', 'FOOD', 'PARCEL', 70),
      ('MATERIAL', 'FOOD_VOUCHERS', 'Bons alimentaires', 'Food vouchers', 'FOOD_VOUCHERS', 'VOUCHER', 80),
      ('MATERIAL', 'CLOTHING', 'Vêtements', 'Clothing', 'CLOTHING', 'UNIT', 90),
      ('MATERIAL', 'HYGIENE_KITS', 'Trousses d''hygiène', 'Hygiene kits', 'HYGIENE', 'KIT', 100),
      ('SERVICE', 'MEAL', 'Repas', 'Meal', NULL, NULL, 10),
      ('SERVICE', 'CLOTHING_BANK', 'Vestiaire', 'Clothing bank', NULL, NULL, 20),
      ('SERVICE', 'HYGIENE_PRODUCTS', 'Produits d''hygiène', 'Hygiene products', NULL, NULL, 30),
      ('SERVICE', 'SHOWER', 'Douche', 'Shower', NULL, NULL, 40),
      ('SERVICE', 'STBBI_TESTING', 'Dépistage ITSS', 'STBBI testing', NULL, NULL, 50),
      ('SERVICE', 'VACCINATION', 'Vaccination', 'Vaccination', NULL, NULL, 60),
      ('SERVICE', 'DENTAL_CARE', 'Soins dentaires', 'Dental care', NULL, NULL, 70),
      ('SERVICE', 'CASE_MANAGEMENT_TALK', 'Intervention individuelle', 'Case-management talk', NULL, NULL, 80),
      ('SERVICE', 'JOB_SEARCH_HELP', 'Aide à la recherche d''emploi', 'Job-search help', NULL, NULL, 90),
      ('SERVICE', 'COMPUTER_AND_PHONE', 'Ordinateur et téléphone', 'Computer and phone use', NULL, NULL, 100),
      ('PLATFORM', 'LEOLIST', 'LeoList', 'LeoList', NULL, NULL, 10),
      ('PLATFORM', 'ONLYFANS', 'OnlyFans', 'OnlyFans', NULL, NULL, 20),
      ('PLATFORM', 'FACEBOOK', 'Facebook', 'Facebook', NULL, NULL, 30),
      ('PLATFORM', 'INSTAGRAM', 'Instagram', 'Instagram', NULL, NULL, 40),
      ('PLATFORM', 'SNAPCHAT', 'Snapchat', 'Snapchat', NULL, NULL, 50),
      ('PLATFORM', 'WHATSAPP', 'WhatsApp', 'WhatsApp', NULL, NULL, 60),
      ('PLATFORM', 'TEAMS', 'Teams', 'Teams', NULL, NULL, 70),
      ('PLATFORM', 'ZOOM', 'Zoom', 'Zoom', NULL, NULL, 80)
    ) AS d(list, code, label_fr, label_en, category, unit, position)
  ON CONFLICT (organisation_id, code) DO NOTHING
$$;

CREATE FUNCTION app.seed_catalogue_of_new_organisation() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM app.seed_default_catalogue(NEW.id);
  RETURN NEW;
END
$$;
CREATE TRIGGER organisations_seed_catalogue AFTER INSERT ON organisations
  FOR EACH ROW EXECUTE FUNCTION app.seed_catalogue_of_new_organisation();
REVOKE ALL ON FUNCTION app.seed_default_catalogue(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.seed_catalogue_of_new_organisation() FROM PUBLIC;

SELECT app.seed_default_catalogue(id) FROM organisations;

-- Materials and stock counts keep their items: the enum's values are the default codes.
DROP INDEX "encounter_materials_organisation_id_idx";
ALTER TABLE "encounter_materials" ALTER COLUMN "item" SET DATA TYPE VARCHAR(40) USING "item"::text;
ALTER TABLE "material_stocks" ALTER COLUMN "item" SET DATA TYPE VARCHAR(40) USING "item"::text;
DROP TYPE "MaterialItem";

-- CreateIndex
CREATE INDEX "encounter_materials_organisation_id_item_idx" ON "encounter_materials"("organisation_id", "item");

-- AlterTable
ALTER TABLE "encounters" ADD COLUMN     "platform" VARCHAR(40);

-- CreateTable
CREATE TABLE "encounter_services" (
    "encounter_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "service" VARCHAR(40) NOT NULL,

    CONSTRAINT "encounter_services_pkey" PRIMARY KEY ("encounter_id","service")
);

-- CreateIndex
CREATE INDEX "encounter_services_organisation_id_service_idx" ON "encounter_services"("organisation_id", "service");

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_organisation_id_platform_fkey" FOREIGN KEY ("organisation_id", "platform") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_materials" ADD CONSTRAINT "encounter_materials_organisation_id_item_fkey" FOREIGN KEY ("organisation_id", "item") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_services" ADD CONSTRAINT "encounter_services_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_services" ADD CONSTRAINT "encounter_services_organisation_id_service_fkey" FOREIGN KEY ("organisation_id", "service") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_stocks" ADD CONSTRAINT "material_stocks_organisation_id_item_fkey" FOREIGN KEY ("organisation_id", "item") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Catalogue entries: read by the organisation's members and by its partners (an item's name is
-- what a partner's consented encounter summary and the partnership's indicators are labelled
-- with; it names no person); written by its coordinators only. Unrelated organisations: nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON catalogue_entries TO maillage_app;
ALTER TABLE catalogue_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalogue_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY catalogue_entries_read_by_members_and_partners ON catalogue_entries FOR SELECT TO maillage_app
  USING (organisation_id IN (SELECT app.partner_organisation_ids()));
CREATE POLICY catalogue_entries_added_by_coordinators ON catalogue_entries FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'));
CREATE POLICY catalogue_entries_edited_by_coordinators ON catalogue_entries FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'));
CREATE POLICY catalogue_entries_removed_by_coordinators ON catalogue_entries FOR DELETE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'));

-- An encounter's services follow its materials' rules exactly.
GRANT SELECT, INSERT, UPDATE, DELETE ON encounter_services TO maillage_app;
ALTER TABLE encounter_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE encounter_services FORCE ROW LEVEL SECURITY;
CREATE POLICY encounter_services_own_organisation ON encounter_services TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY encounter_services_with_encounter ON encounter_services FOR SELECT TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_services.encounter_id));
CREATE POLICY encounter_services_team_visibility ON encounter_services AS RESTRICTIVE FOR SELECT TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_services.encounter_id));
CREATE POLICY encounter_services_written_with_their_encounter ON encounter_services AS RESTRICTIVE FOR INSERT
  TO maillage_app
  WITH CHECK (EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_services.encounter_id
                      AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_services_changed_with_their_encounter ON encounter_services AS RESTRICTIVE FOR UPDATE
  TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_services.encounter_id
                 AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));
CREATE POLICY encounter_services_removed_with_their_encounter ON encounter_services AS RESTRICTIVE FOR DELETE
  TO maillage_app
  USING (EXISTS (SELECT 1 FROM encounters e WHERE e.id = encounter_services.encounter_id
                 AND (e.author_id = app.user_id() OR app.has_any_role('{COORDINATOR}'))));

-- Stock received: a purchase, a donation, a public-health supply (coordinators, as themselves).
-- CreateEnum
CREATE TYPE "StockSource" AS ENUM ('PURCHASE', 'DONATION', 'PUBLIC_HEALTH_SUPPLY', 'OTHER');

-- CreateTable
CREATE TABLE "material_receipts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "item" VARCHAR(40) NOT NULL,
    "quantity" INTEGER NOT NULL,
    "source" "StockSource" NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by_id" UUID NOT NULL,

    CONSTRAINT "material_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "material_receipts_organisation_id_item_received_at_idx" ON "material_receipts"("organisation_id", "item", "received_at");

-- AddForeignKey
ALTER TABLE "material_receipts" ADD CONSTRAINT "material_receipts_organisation_id_item_fkey" FOREIGN KEY ("organisation_id", "item") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE material_receipts ADD CONSTRAINT material_receipts_quantity_positive CHECK (quantity > 0);

GRANT SELECT, INSERT ON material_receipts TO maillage_app;
ALTER TABLE material_receipts ENABLE ROW LEVEL SECURITY;
ALTER TABLE material_receipts FORCE ROW LEVEL SECURITY;
CREATE POLICY material_receipts_kept_by_coordinators ON material_receipts TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND recorded_by_id = app.user_id());

-- Indicators group materials, services and platforms by code across the organisations counted,
-- with the names the codes go by. The rest is unchanged.
CREATE OR REPLACE FUNCTION app.indicator_counts(p_organisation_ids uuid[], p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH e AS (
    SELECT id, person_id, channel, place_type, platform, themes, head_count
      FROM encounters
     WHERE organisation_id = ANY (p_organisation_ids) AND occurred_at >= p_from AND occurred_at < p_to
  ),
  met AS (
    SELECT DISTINCT p.id, p.gender, p.birth_year FROM e JOIN persons p ON p.id = e.person_id
  ),
  visits AS (
    SELECT v.id FROM nurse_visits v
     WHERE (v.organisation_id = ANY (p_organisation_ids) OR v.worker_organisation_id = ANY (p_organisation_ids))
       AND v.status = 'COMPLETED' AND v.planned_start >= p_from AND v.planned_start < p_to
  )
  SELECT jsonb_build_object(
    'encounters', (SELECT count(*) FROM e),
    'contacts', (SELECT coalesce(sum(head_count), 0) FROM e),
    'personsMet', (SELECT count(*) FROM met),
    'byPlace', (SELECT coalesce(jsonb_object_agg(place_type, n), '{}') FROM (SELECT place_type, count(*) n FROM e GROUP BY 1) x),
    'byChannel', (SELECT coalesce(jsonb_object_agg(channel, n), '{}') FROM (SELECT channel, count(*) n FROM e GROUP BY 1) x),
    'byTheme', (SELECT coalesce(jsonb_object_agg(theme, n), '{}') FROM (SELECT unnest(themes) theme, count(*) n FROM e GROUP BY 1) x),
    'materials', (SELECT coalesce(jsonb_object_agg(item, n), '{}') FROM (
        SELECT m.item, sum(m.quantity) n FROM encounter_materials m JOIN e ON e.id = m.encounter_id
         WHERE m.organisation_id = ANY (p_organisation_ids) GROUP BY 1) x),
    'services', (SELECT coalesce(jsonb_object_agg(service, n), '{}') FROM (
        SELECT s.service, count(*) n FROM encounter_services s JOIN e ON e.id = s.encounter_id
         WHERE s.organisation_id = ANY (p_organisation_ids) GROUP BY 1) x),
    'byPlatform', (SELECT coalesce(jsonb_object_agg(platform, n), '{}') FROM (
        SELECT platform, count(*) n FROM e WHERE platform IS NOT NULL GROUP BY 1) x),
    -- What the codes are called (the first organisation's names when two differ): no count.
    'catalogueLabels', (SELECT coalesce(jsonb_object_agg(code, jsonb_build_array(label_fr, label_en)), '{}') FROM (
        SELECT DISTINCT ON (code) code, label_fr, label_en FROM catalogue_entries
         WHERE organisation_id = ANY (p_organisation_ids) ORDER BY code, created_at, organisation_id) x),
    'personsByGender', (SELECT coalesce(jsonb_object_agg(gender, n), '{}') FROM (SELECT gender, count(*) n FROM met GROUP BY 1) x),
    'personsByAge', (SELECT coalesce(jsonb_object_agg(bracket, n), '{}') FROM (
        SELECT CASE WHEN birth_year IS NULL THEN 'UNKNOWN'
                    WHEN extract(year FROM p_to) - birth_year < 18 THEN 'UNDER_18'
                    WHEN extract(year FROM p_to) - birth_year <= 25 THEN 'AGE_18_25'
                    WHEN extract(year FROM p_to) - birth_year <= 35 THEN 'AGE_26_35'
                    ELSE 'AGE_36_PLUS' END AS bracket, count(*) n
          FROM met GROUP BY 1) x),
    'visitsCompleted', (SELECT count(*) FROM visits),
    'acts', (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (
        SELECT a.kind, sum(a.count) n FROM clinical_acts a JOIN visits v ON v.id = a.nurse_visit_id GROUP BY 1) x),
    'accompaniments', (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (
        SELECT status, count(*) n FROM accompaniments
         WHERE organisation_id = ANY (p_organisation_ids) AND planned_at >= p_from AND planned_at < p_to GROUP BY 1) x),
    'referrals', (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (
        SELECT status, count(*) n FROM referrals
         WHERE from_organisation_id = ANY (p_organisation_ids) AND created_at >= p_from AND created_at < p_to GROUP BY 1) x)
  )
$$;
