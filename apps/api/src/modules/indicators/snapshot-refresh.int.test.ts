// The nightly refresh computes a partnership's snapshots ahead (the current fiscal year and the
// two before), once per day: a second run finds them fresh, and a committee member's first read
// of the day answers the stored snapshot instead of counting again.
import { connectDatabase, type Database } from "@maillage/db";
import { createUser } from "@maillage/db/factories";
import { dayInZone, defaultProgrammeSettings, fiscalYearOf } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { readPartnership } from "../../testing/published-indicators.ts";
import { refreshPartnershipSnapshots } from "./snapshot-refresh.ts";

const world = usePartnershipWorld();
let db: Database;
const errors: unknown[] = [];
const log = (_message: string, error: unknown) => errors.push(error);

beforeAll(() => {
  db = connectDatabase(inject("databaseUrl"), { poolSize: 2 });
});
afterAll(async () => {
  await db.close();
});

async function storedSnapshots() {
  const { rows } = await world.pool.query<{ fiscal_year: number; computed_on: string; computed_at: Date }>(
    `SELECT fiscal_year, to_char(computed_on, 'YYYY-MM-DD') AS computed_on, computed_at
       FROM indicator_snapshots WHERE partnership_id = $1 ORDER BY fiscal_year DESC`,
    [world.partnershipId],
  );
  return rows;
}

describe("the nightly refresh of the partnerships' snapshots", () => {
  it("computes the current fiscal year and the two before once a day; a committee's read then answers them", async () => {
    const now = new Date();
    const current = fiscalYearOf(now, defaultProgrammeSettings);
    const today = dayInZone(now, defaultProgrammeSettings.timeZone);

    const first = await refreshPartnershipSnapshots(db, now, log, [world.partnershipId]);
    expect(errors).toEqual([]);
    expect(first).toEqual({ computed: 3, fresh: 0, failed: 0 });
    const stored = await storedSnapshots();
    expect(stored.map((row) => [row.fiscal_year, row.computed_on])).toEqual([
      [current, today],
      [current - 1, today],
      [current - 2, today],
    ]);

    const second = await refreshPartnershipSnapshots(db, now, log, [world.partnershipId]);
    expect(second).toEqual({ computed: 0, fresh: 3, failed: 0 });
    expect(await storedSnapshots()).toEqual(stored);

    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const client = await world.signIn(member);
    const indicators = await readPartnership(client, encodeGlobalID("Partnership", world.partnershipId), {
      fiscalYear: current - 1,
    });
    const lastYear = stored.find((row) => row.fiscal_year === current - 1);
    expect(indicators.asOf).toBe(lastYear?.computed_at.toISOString());
    // Nothing was computed again by the read.
    expect(await storedSnapshots()).toEqual(stored);
  });
});
