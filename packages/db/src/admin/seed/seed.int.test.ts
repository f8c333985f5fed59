// The demo seed: realistic volumes and distributions, and deterministic, on a database of its
// own (a second in-memory PGlite, or a scratch database on the server of DATABASE_URL).
import "../../testing/provided-context.ts";
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedPostgres } from "../../embedded.ts";
import { createDatabase, dropDatabase, prepareDatabase } from "../index.ts";
import { seedDemo } from "./index.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freshDatabase(name: string): Promise<string> {
  if (inject("databaseKind") === "server") {
    const admin = new URL(inject("databaseUrl"));
    admin.pathname = "/postgres";
    const url = await createDatabase(admin.toString(), name);
    cleanups.push(() => dropDatabase(admin.toString(), name));
    return url;
  }
  const embedded = await startEmbeddedPostgres({ maxConnections: 5 });
  cleanups.push(() => embedded.stop());
  return embedded.connectionString;
}

async function seeded(name: string, now: Date) {
  const url = await freshDatabase(name);
  await prepareDatabase(url, { seedIfEmpty: false });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  const summary = await seedDemo(client, { seed: 7, now });
  return { client, summary };
}

const fingerprint = async (client: pg.Client) => {
  const { rows } = await client.query<{ ids: string }>(
    `SELECT (SELECT string_agg(id::text, ',' ORDER BY id) FROM encounters) ||
            (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM referrals) AS ids`,
  );
  const [row] = rows;
  if (!row) throw new Error("an aggregate without GROUP BY returned no row");
  return createHash("sha256").update(row.ids).digest("hex");
};

describe("demo seed", () => {
  const now = new Date("2026-11-20T15:00:00Z");
  // Two databases migrated and seeded with 8,000 encounters each: ~10 s alone, three times that on
  // a busy machine, so the 30 s default would fail it under load, not for a fault.
  it("looks like the programmes it is modelled on, and is the same twice", { timeout: 180_000 }, async () => {
    const first = await seeded(`maillage_seed_a_${process.pid}`, now);
    expect(first.summary).toMatchObject({ persons: 300, encounters: 8000, referrals: 120, nurseVisits: 250 });
    const { rows: places } = await first.client.query<{ place_type: string; share: number }>(
      `SELECT place_type, 100.0 * count(*) / sum(count(*)) OVER () AS share FROM encounters e
         JOIN organisations o ON o.id = e.organisation_id AND o.name LIKE 'Réseau%' GROUP BY 1`,
    );
    const workplace = Number(places.find((p) => p.place_type === "WORKPLACE")?.share);
    expect(workplace).toBeGreaterThan(60);
    expect(workplace).toBeLessThan(70);
    const { rows: statuses } = await first.client.query("SELECT DISTINCT status FROM referrals");
    expect(statuses).toHaveLength(7);
    const { rows: women } = await first.client.query<{ share: number }>(
      "SELECT 100.0 * count(*) FILTER (WHERE gender = 'WOMAN') / count(*) AS share FROM persons",
    );
    expect(Number(women[0]?.share)).toBeGreaterThan(93);
    await expect(seedDemo(first.client, { now })).rejects.toThrow(/empty/);

    const second = await seeded(`maillage_seed_b_${process.pid}`, now);
    expect(await fingerprint(second.client)).toBe(await fingerprint(first.client));
  });
});
