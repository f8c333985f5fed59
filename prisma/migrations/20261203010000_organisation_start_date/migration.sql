-- The first day an organisation's records may be dated (issue 16: its history is entered back to
-- it). Until its coordinators set it, 1 January 2000.
ALTER TABLE "organisations" ADD COLUMN "started_on" DATE NOT NULL DEFAULT '2000-01-01'::date;
ALTER TABLE organisations ADD CONSTRAINT organisations_started_on_range
  CHECK (started_on >= DATE '1970-01-01');

-- Set by the organisation's coordinators, like its other settings (policy
-- organisations_settings_by_coordinators already limits the rows to the acting organisation).
GRANT UPDATE (started_on) ON organisations TO maillage_app;
