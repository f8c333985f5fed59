-- A partnership's protected figures (issue 17 item 2): committees read snapshots, computed once a
-- day per fiscal year with every range and month of the year protected together, never live
-- counts. The app role holds no grant on the table: the API writes it as the owner (after the
-- request's viewer was found entitled) and reads it through app.partnership_indicator_snapshot.

-- CreateTable
CREATE TABLE "indicator_snapshots" (
    "partnership_id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "computed_on" DATE NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published" JSONB NOT NULL,

    CONSTRAINT "indicator_snapshots_pkey" PRIMARY KEY ("partnership_id","fiscal_year")
);

-- AddForeignKey
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE indicator_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator_snapshots FORCE ROW LEVEL SECURITY;
-- No policy and no grant for maillage_app or maillage_auth: the owner only.

-- Who may read a partnership's figures: its committee's members, and coordinators acting as a
-- member organisation. Everyone else: false (the partnership is not found).
CREATE FUNCTION app.may_read_partnership_indicators(p_partnership_id uuid)
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM committee_seats s
                  WHERE s.partnership_id = p_partnership_id AND s.user_id = app.user_id())
      OR (app.org_id() IS NOT NULL AND app.has_any_role('{COORDINATOR}')
          AND EXISTS (SELECT 1 FROM partnership_members m
                       WHERE m.partnership_id = p_partnership_id AND m.organisation_id = app.org_id()))
$$;
REVOKE ALL ON FUNCTION app.may_read_partnership_indicators(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.may_read_partnership_indicators(uuid) TO maillage_app;

-- A snapshot's protected figures, with when it was computed and with what settings, to whoever
-- may read the partnership's figures; nothing to anyone else.
CREATE FUNCTION app.partnership_indicator_snapshot(p_partnership_id uuid, p_fiscal_year int)
  RETURNS TABLE (settings jsonb, computed_on date, computed_at timestamptz, published jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT s.settings, s.computed_on, s.computed_at, s.published
    FROM indicator_snapshots s
   WHERE s.partnership_id = p_partnership_id AND s.fiscal_year = p_fiscal_year
     AND app.may_read_partnership_indicators(p_partnership_id)
$$;
REVOKE ALL ON FUNCTION app.partnership_indicator_snapshot(uuid, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.partnership_indicator_snapshot(uuid, int) TO maillage_app;
