-- Material stock (issue 14): the coordinator's last count of each item handed out, and the
-- level under which her home screen says the stock is low.

-- CreateTable
CREATE TABLE "material_stocks" (
    "organisation_id" UUID NOT NULL,
    "item" "MaterialItem" NOT NULL,
    "counted_quantity" INTEGER NOT NULL,
    "counted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "low_threshold" INTEGER NOT NULL,
    "counted_by_id" UUID NOT NULL,

    CONSTRAINT "material_stocks_pkey" PRIMARY KEY ("organisation_id","item")
);

ALTER TABLE material_stocks ADD CONSTRAINT material_stocks_counts_not_negative
  CHECK (counted_quantity >= 0 AND low_threshold >= 0);

-- Kept by the organisation's coordinators, as themselves; replaced by each count, never removed.
GRANT SELECT, INSERT, UPDATE ON material_stocks TO maillage_app;
ALTER TABLE material_stocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE material_stocks FORCE ROW LEVEL SECURITY;
CREATE POLICY material_stocks_kept_by_coordinators ON material_stocks TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND counted_by_id = app.user_id());
