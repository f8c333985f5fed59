-- Imports from spreadsheets (issue 16 item 3): the uploaded files (kept 24 hours at most, erased
-- once imported), each committed import, and the record each imported row became, keyed by the
-- row's stable source reference so that a second import of the same file adds nothing.
-- Coordinators of the acting organisation only (organisationActions.IMPORT_RECORDS).

-- CreateTable
CREATE TABLE "import_files" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "imported_by_id" UUID NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "shape" VARCHAR(30) NOT NULL,
    "row_count" INTEGER NOT NULL,
    "created_count" INTEGER NOT NULL,
    "already_imported" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imported_records" (
    "organisation_id" UUID NOT NULL,
    "shape" VARCHAR(30) NOT NULL,
    "source_ref" VARCHAR(200) NOT NULL,
    "record_id" UUID NOT NULL,
    "import_id" UUID NOT NULL,

    CONSTRAINT "imported_records_pkey" PRIMARY KEY ("organisation_id","shape","source_ref")
);

-- CreateIndex
CREATE INDEX "import_files_organisation_id_created_at_idx" ON "import_files"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "imports_organisation_id_created_at_idx" ON "imports"("organisation_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "imported_records_organisation_id_shape_record_id_idx" ON "imported_records"("organisation_id", "shape", "record_id");

-- CreateIndex
CREATE INDEX "imported_records_import_id_idx" ON "imported_records"("import_id");

-- AddForeignKey
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_records" ADD CONSTRAINT "imported_records_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE import_files ADD CONSTRAINT import_files_size
  CHECK (byte_size = octet_length(bytes) AND byte_size <= 10485760);
ALTER TABLE imports ADD CONSTRAINT imports_shape
  CHECK (shape IN ('PERSONS', 'ENCOUNTERS', 'VENUES', 'MATERIAL_RECEIPTS', 'WORKSHOPS'));
ALTER TABLE imported_records ADD CONSTRAINT imported_records_shape
  CHECK (shape IN ('PERSONS', 'ENCOUNTERS', 'VENUES', 'MATERIAL_RECEIPTS', 'WORKSHOPS'));

-- The uploaded file: its uploader's organisation's coordinators read it and erase it (at commit,
-- or when older than 24 hours); uploaded as oneself; never changed.
GRANT SELECT, INSERT, DELETE ON import_files TO maillage_app;
ALTER TABLE import_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_files FORCE ROW LEVEL SECURITY;
CREATE POLICY import_files_kept_by_coordinators ON import_files TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND uploaded_by_id = app.user_id());

-- A committed import: recorded as oneself, read by the organisation's coordinators, never
-- changed or removed (an append-only log beside the audit event).
GRANT SELECT, INSERT ON imports TO maillage_app;
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
CREATE POLICY imports_kept_by_coordinators ON imports TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND imported_by_id = app.user_id());

-- Which record a row became: written with its import (of the same organisation), read by the
-- organisation's coordinators (the import's duplicate check, the export's references).
GRANT SELECT, INSERT ON imported_records TO maillage_app;
ALTER TABLE imported_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE imported_records FORCE ROW LEVEL SECURITY;
CREATE POLICY imported_records_kept_by_coordinators ON imported_records TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR}')
              AND EXISTS (SELECT 1 FROM imports i
                           WHERE i.id = imported_records.import_id
                             AND i.organisation_id = imported_records.organisation_id));
