-- Material deliveries (issue 15, the confidential line and online outreach): a person — or an
-- anonymous caller, by a text to the line — asks for items to be brought to a discreet place; a
-- worker of the organisation brings them. REQUESTED → SCHEDULED → DELIVERED | NOT_REACHED |
-- CANCELLED (a request may also close at once), every step in material_delivery_transitions with
-- who and when, optimistic locking on `version` (packages/domain deliveries.ts). Delivering
-- creates ONE encounter (material_deliveries.encounter_id, unique) whose materials are the items
-- handed out: the stock counts encounters' materials, so a delivery decreases it once. The
-- window and place are free text in their own table (like nurse_visit_meeting_places).

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('REQUESTED', 'SCHEDULED', 'DELIVERED', 'NOT_REACHED', 'CANCELLED');

-- CreateTable
CREATE TABLE "material_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "person_id" UUID,
    "anonymous_gender" "Gender",
    "anonymous_age_bracket" "AgeBracket",
    "place_type" "PlaceType" NOT NULL DEFAULT 'PUBLIC_PLACE',
    "requested_by_id" UUID NOT NULL,
    "assigned_to_id" UUID NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'REQUESTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "encounter_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "material_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_delivery_items" (
    "delivery_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "item" VARCHAR(40) NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "material_delivery_items_pkey" PRIMARY KEY ("delivery_id","item")
);

-- CreateTable
CREATE TABLE "material_delivery_places" (
    "delivery_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "time_window" VARCHAR(200),
    "place" VARCHAR(300),

    CONSTRAINT "material_delivery_places_pkey" PRIMARY KEY ("delivery_id")
);

-- CreateTable
CREATE TABLE "material_delivery_transitions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "delivery_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "from_status" "DeliveryStatus",
    "to_status" "DeliveryStatus" NOT NULL,
    "by_user_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "material_delivery_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "material_deliveries_encounter_id_key" ON "material_deliveries"("encounter_id");

-- CreateIndex
CREATE INDEX "material_deliveries_organisation_id_status_created_at_idx" ON "material_deliveries"("organisation_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "material_deliveries_assigned_to_id_status_idx" ON "material_deliveries"("assigned_to_id", "status");

-- CreateIndex
CREATE INDEX "material_deliveries_person_id_idx" ON "material_deliveries"("person_id");

-- CreateIndex
CREATE INDEX "material_delivery_items_organisation_id_item_idx" ON "material_delivery_items"("organisation_id", "item");

-- CreateIndex
CREATE INDEX "material_delivery_places_organisation_id_idx" ON "material_delivery_places"("organisation_id");

-- CreateIndex
CREATE INDEX "material_delivery_transitions_delivery_id_at_idx" ON "material_delivery_transitions"("delivery_id", "at");

-- AddForeignKey
ALTER TABLE "material_deliveries" ADD CONSTRAINT "material_deliveries_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_deliveries" ADD CONSTRAINT "material_deliveries_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_deliveries" ADD CONSTRAINT "material_deliveries_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_deliveries" ADD CONSTRAINT "material_deliveries_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_delivery_items" ADD CONSTRAINT "material_delivery_items_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "material_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_delivery_items" ADD CONSTRAINT "material_delivery_items_organisation_id_item_fkey" FOREIGN KEY ("organisation_id", "item") REFERENCES "catalogue_entries"("organisation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_delivery_places" ADD CONSTRAINT "material_delivery_places_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "material_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_delivery_transitions" ADD CONSTRAINT "material_delivery_transitions_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "material_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A file or an anonymous contact, never both; the encounter only once delivered (a deleted
-- encounter leaves the delivery delivered, without it); at least one of each item asked for; a
-- window or a place when the row is there at all.
ALTER TABLE material_deliveries ADD CONSTRAINT material_deliveries_person_or_anonymous
  CHECK (person_id IS NULL OR (anonymous_gender IS NULL AND anonymous_age_bracket IS NULL));
ALTER TABLE material_deliveries ADD CONSTRAINT material_deliveries_encounter_when_delivered
  CHECK (encounter_id IS NULL OR status = 'DELIVERED');
ALTER TABLE material_deliveries ADD CONSTRAINT material_deliveries_version_positive CHECK (version >= 1);
ALTER TABLE material_delivery_items ADD CONSTRAINT material_delivery_items_quantity_positive
  CHECK (quantity >= 1);
ALTER TABLE material_delivery_places ADD CONSTRAINT material_delivery_places_window_or_place
  CHECK (time_window IS NOT NULL OR place IS NOT NULL);

-- ───────────── row-level security: the owning organisation's team only ─────────────
-- Read and written by the organisation's outreach workers and coordinators
-- (ownOrganisationReaders/Writers.MATERIAL_DELIVERY and MATERIAL_DELIVERY_PLACE); never a
-- partner, whatever the consents (no shared kind opens it), never a committee member, never a
-- nurse or an admin without a working role. A restricted team visibility shows a worker the
-- deliveries assigned to her, those she logged and those of her caseload's persons. A delivery
-- is cancelled, never removed (no DELETE grant); its items, place and steps are written once.

GRANT SELECT, INSERT, UPDATE ON material_deliveries TO maillage_app;
GRANT SELECT, INSERT ON material_delivery_items, material_delivery_places, material_delivery_transitions
TO maillage_app;

ALTER TABLE material_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE material_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY material_deliveries_own_organisation ON material_deliveries FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'));
CREATE POLICY material_deliveries_team_visibility ON material_deliveries AS RESTRICTIVE FOR SELECT
  TO maillage_app
  USING (organisation_id IS DISTINCT FROM app.org_id() OR (SELECT app.sees_team_records())
         OR assigned_to_id = app.user_id() OR requested_by_id = app.user_id()
         OR (person_id IS NOT NULL AND app.in_caseload(person_id)));
-- Logged as the viewer, requested, for a person of the organisation (or nobody) and a member of
-- it who hands material out.
CREATE POLICY material_deliveries_requested_by_the_team ON material_deliveries FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND requested_by_id = app.user_id()
              AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND status = 'REQUESTED' AND encounter_id IS NULL
              AND (person_id IS NULL OR EXISTS (SELECT 1 FROM persons p
                                                 WHERE p.id = material_deliveries.person_id
                                                   AND p.organisation_id = material_deliveries.organisation_id))
              AND EXISTS (SELECT 1 FROM memberships m
                           WHERE m.user_id = material_deliveries.assigned_to_id
                             AND m.organisation_id = material_deliveries.organisation_id
                             AND m.ended_at IS NULL
                             AND m.roles && '{OUTREACH_WORKER,COORDINATOR}'::"Role"[]));
-- Moved along while open only: a closed delivery (delivered, not reached, cancelled) never moves
-- again, so its items are handed out once. Its encounter is one of the organisation's.
CREATE POLICY material_deliveries_moved_by_the_team ON material_deliveries FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
         AND status IN ('REQUESTED', 'SCHEDULED'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND (person_id IS NULL OR EXISTS (SELECT 1 FROM persons p
                                                 WHERE p.id = material_deliveries.person_id
                                                   AND p.organisation_id = material_deliveries.organisation_id))
              AND (encounter_id IS NULL OR EXISTS (SELECT 1 FROM encounters e
                                                    WHERE e.id = material_deliveries.encounter_id
                                                      AND e.organisation_id = material_deliveries.organisation_id))
              AND EXISTS (SELECT 1 FROM memberships m
                           WHERE m.user_id = material_deliveries.assigned_to_id
                             AND m.organisation_id = material_deliveries.organisation_id
                             AND m.ended_at IS NULL
                             AND m.roles && '{OUTREACH_WORKER,COORDINATOR}'::"Role"[]));

-- The items asked for: with their delivery, while it is requested.
ALTER TABLE material_delivery_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE material_delivery_items FORCE ROW LEVEL SECURITY;
CREATE POLICY material_delivery_items_own_organisation ON material_delivery_items TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM material_deliveries d WHERE d.id = material_delivery_items.delivery_id))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM material_deliveries d
                           WHERE d.id = material_delivery_items.delivery_id
                             AND d.organisation_id = material_delivery_items.organisation_id
                             AND d.status = 'REQUESTED'));

-- The window and place: free text, the team's own, written with the request.
ALTER TABLE material_delivery_places ENABLE ROW LEVEL SECURITY;
ALTER TABLE material_delivery_places FORCE ROW LEVEL SECURITY;
CREATE POLICY material_delivery_places_own_organisation ON material_delivery_places TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM material_deliveries d WHERE d.id = material_delivery_places.delivery_id))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM material_deliveries d
                           WHERE d.id = material_delivery_places.delivery_id
                             AND d.organisation_id = material_delivery_places.organisation_id
                             AND d.status = 'REQUESTED'));

-- Every step, as the viewer, naming the status the delivery now has: append-only.
ALTER TABLE material_delivery_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE material_delivery_transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY material_delivery_transitions_own_organisation ON material_delivery_transitions TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
         AND EXISTS (SELECT 1 FROM material_deliveries d WHERE d.id = material_delivery_transitions.delivery_id))
  WITH CHECK (organisation_id = app.org_id() AND by_user_id = app.user_id()
              AND app.has_any_role('{OUTREACH_WORKER,COORDINATOR}')
              AND EXISTS (SELECT 1 FROM material_deliveries d
                           WHERE d.id = material_delivery_transitions.delivery_id
                             AND d.organisation_id = material_delivery_transitions.organisation_id
                             AND d.status = material_delivery_transitions.to_status));
