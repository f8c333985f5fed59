-- Issue 17: the old dashboard API (organisationDashboard, partnershipDashboard and their workshop
-- and intake parts) is retired: its small-cell suppression could be undone and its committee
-- figures were live. Its SQL functions go with it. The new indicators read app.indicator_figures,
-- app.organisation_indicator_figures, app.intake_indicators and app.organisation_intake_indicators
-- (kept); none of them calls a function dropped here (checked against pg_proc.prosrc and pg_depend).

-- The wrappers first, then what only they called.
DROP FUNCTION app.partnership_indicators(uuid, timestamptz, timestamptz);
DROP FUNCTION app.organisation_indicators(timestamptz, timestamptz);
DROP FUNCTION app.partnership_workshop_indicators(uuid, date, date);
DROP FUNCTION app.organisation_workshop_indicators(date, date);
DROP FUNCTION app.partnership_intake_indicators(uuid, timestamptz, timestamptz);
DROP FUNCTION app.indicator_counts(uuid[], timestamptz, timestamptz);
DROP FUNCTION app.workshop_indicators(uuid[], date, date);
