// The demo seed: realistic volumes and distributions, and deterministic, on a database of its
// own (a second in-memory PGlite, or a scratch database on the server of DATABASE_URL).
import "../../testing/provided-context.ts";
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedPostgres } from "../../embedded.ts";
import { createDatabase, dropDatabase, prepareDatabase } from "../index.ts";
import { type SeedSummary, seedDemo } from "./index.ts";

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
            (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM referrals) ||
            (SELECT string_agg(id::text || evening_on, ',' ORDER BY id) FROM night_centre_evenings) ||
            (SELECT string_agg(id::text || person_id, ',' ORDER BY id) FROM intake_assessments) ||
            (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM material_deliveries) ||
            (SELECT string_agg(id::text, ',' ORDER BY id) FROM shift_reports) ||
            (SELECT string_agg(id::text, ',' ORDER BY id) FROM workshops) ||
            (SELECT string_agg(item || counted_quantity, ',' ORDER BY organisation_id, item) FROM material_stocks) AS ids`,
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
    expect(first.summary).toMatchObject({ referrals: 120, nurseVisits: 250 });
    const { rows: totals } = await first.client.query<{ persons: number; encounters: number }>(
      "SELECT (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM encounters) AS encounters",
    );
    expect(first.summary).toMatchObject(totals[0] ?? {});
    expect(first.summary.persons).toBeGreaterThan(300);
    expect(first.summary.encounters).toBeGreaterThan(8000);
    // A few thousand rows for the programmes, on top of the 8,000 encounters and their parts.
    expect(first.summary.encounters).toBeLessThan(11_000);
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
    await expectProgrammeShapes(first.client, now, first.summary);

    const second = await seeded(`maillage_seed_b_${process.pid}`, now);
    expect(await fingerprint(second.client)).toBe(await fingerprint(first.client));
  });
});

/** One row of a query that answers one (an aggregate, a count). */
async function one<T extends pg.QueryResultRow>(
  client: pg.Client,
  sql: string,
  params: unknown[] = [],
): Promise<T> {
  const { rows } = await client.query<T>(sql, params);
  const [row] = rows;
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

const organisationNamed = (client: pg.Client, prefix: string) =>
  one<{ id: string }>(client, "SELECT id FROM organisations WHERE name LIKE $1", [`${prefix}%`]).then(
    (r) => r.id,
  );

/** The four shapes of programme (issue 15, item 10), as their screens will read them. */
async function expectProgrammeShapes(client: pg.Client, now: Date, summary: SeedSummary) {
  const night = await organisationNamed(client, "La Halte");
  const line = await organisationNamed(client, "Ligne Alternative");
  const horizon = await organisationNamed(client, "Groupe Horizon");
  const street = await organisationNamed(client, "Réseau Ancrage");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(now);

  // 1. The night centre: four evenings a week for eight weeks at its confidential centre, all
  // closed but tonight's; 15 to 20 check-ins an evening, each an encounter of it there.
  const evenings = await client.query<{
    evening_on: string;
    open: boolean;
    check_ins: number;
    known: number;
    anonymous: number;
    elsewhere: number;
    handover: boolean;
    confidential: boolean;
  }>(
    `SELECT to_char(v.evening_on, 'YYYY-MM-DD') AS evening_on, v.closed_at IS NULL AS open,
            count(e.id)::int AS check_ins, count(e.person_id)::int AS known,
            count(e.id) FILTER (WHERE e.person_id IS NULL AND e.anonymous_gender IS NOT NULL)::int AS anonymous,
            count(e.id) FILTER (WHERE e.venue_id <> v.venue_id OR e.place_type <> 'NIGHT_CENTRE'
                                   OR e.channel <> 'IN_PERSON')::int AS elsewhere,
            EXISTS (SELECT 1 FROM night_centre_handover_notes h WHERE h.evening_id = v.id) AS handover,
            c.confidential AND c.kind = 'NIGHT_CENTRE' AS confidential
       FROM night_centre_evenings v JOIN venues c ON c.id = v.venue_id
       LEFT JOIN encounters e ON e.evening_id = v.id
      WHERE v.organisation_id = $1 GROUP BY v.id, c.id ORDER BY v.evening_on`,
    [night],
  );
  expect(evenings.rows).toHaveLength(32);
  expect(summary.nightCentreEvenings).toBe(32);
  const open = evenings.rows.filter((e) => e.open);
  expect(open.map((e) => e.evening_on)).toEqual([today]);
  expect(open[0]?.check_ins).toBeGreaterThanOrEqual(3);
  const closed = evenings.rows.filter((e) => !e.open);
  for (const evening of closed) {
    expect(evening.check_ins).toBeGreaterThanOrEqual(15);
    expect(evening.check_ins).toBeLessThanOrEqual(20);
    expect(evening.known).toBeGreaterThan(0);
  }
  expect(closed.reduce((sum, e) => sum + e.anonymous, 0)).toBeGreaterThan(100);
  expect(evenings.rows.every((e) => e.elsewhere === 0 && e.confidential)).toBe(true);
  expect(closed.filter((e) => e.handover).length).toBeGreaterThan(closed.length * 0.7);
  expect(open[0]?.handover).toBe(false);
  // What visitors received is the visits' materials and services (the stock counts them once).
  const received = await one<{ materials: number; services: number }>(
    client,
    `SELECT (SELECT count(*)::int FROM encounter_materials m JOIN encounters e ON e.id = m.encounter_id
              WHERE e.evening_id IS NOT NULL) AS materials,
            (SELECT count(*)::int FROM encounter_services s JOIN encounters e ON e.id = s.encounter_id
              WHERE e.evening_id IS NOT NULL AND s.service = 'MEAL') AS services`,
  );
  expect(received.materials).toBeGreaterThan(300);
  expect(received.services).toBeGreaterThan(300);
  // The centre's plain visits are all before its first evening.
  expect(
    (
      await one<{ n: number }>(
        client,
        `SELECT count(*)::int AS n FROM encounters
          WHERE organisation_id = $1 AND place_type = 'NIGHT_CENTRE' AND evening_id IS NULL
            AND occurred_at >= (SELECT min(opened_at) FROM night_centre_evenings)`,
        [night],
      )
    ).n,
  ).toBe(0);
  // An intake made at an evening is the person's first evening visit; tonight a newcomer's
  // first visit waits for hers.
  const intakes = await one<{ at_evenings: number; not_first: number; due_tonight: number; all: number }>(
    client,
    `SELECT count(*) FILTER (WHERE v.evening_id IS NOT NULL)::int AS at_evenings,
            count(*) FILTER (WHERE v.evening_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM encounters p WHERE p.person_id = i.person_id AND p.evening_id IS NOT NULL
                 AND (p.occurred_at, p.id) < (v.occurred_at, v.id)))::int AS not_first,
            (SELECT count(*)::int FROM encounters e JOIN night_centre_evenings n ON n.id = e.evening_id
              WHERE n.closed_at IS NULL AND e.person_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM intake_assessments x WHERE x.person_id = e.person_id)
                AND NOT EXISTS (SELECT 1 FROM encounters p WHERE p.person_id = e.person_id
                                   AND p.evening_id IS NOT NULL AND p.occurred_at < e.occurred_at)) AS due_tonight,
            count(*)::int AS all
       FROM intake_assessments i LEFT JOIN encounters v ON v.id = i.visit_id WHERE i.organisation_id = $1`,
    [night],
  );
  expect(intakes.at_evenings).toBeGreaterThan(10);
  expect(intakes.not_first).toBe(0);
  expect(intakes.due_tonight).toBeGreaterThanOrEqual(1);
  expect(summary.intakes).toBe(intakes.all);

  // 2. The line: calls and texts from the office, online contacts naming a platform of its
  // catalogue; deliveries in every state, a delivered one's items handed out by its one encounter.
  const channels = await client.query<{ channel: string; place_type: string; platforms: number; n: number }>(
    `SELECT e.channel, e.place_type, count(c.code)::int AS platforms, count(*)::int AS n FROM encounters e
       LEFT JOIN catalogue_entries c ON c.organisation_id = e.organisation_id AND c.code = e.platform
                                    AND c.list = 'PLATFORM'
      WHERE e.organisation_id = $1 AND e.channel <> 'IN_PERSON' GROUP BY 1, 2 ORDER BY e.channel::text`,
    [line],
  );
  expect(channels.rows.map((r) => `${r.channel}:${r.place_type}`)).toEqual([
    "ONLINE_PLATFORM:ONLINE",
    "PHONE:OFFICE",
    "SMS:OFFICE",
    "VIDEO:ONLINE",
  ]);
  for (const row of channels.rows)
    expect(row.platforms).toBe(row.channel === "PHONE" || row.channel === "SMS" ? 0 : row.n);
  const thisWeek = await one<{ n: number }>(
    client,
    "SELECT count(*)::int AS n FROM encounters WHERE organisation_id = $1 AND occurred_at > $2::timestamptz - interval '7 days'",
    [line, now],
  );
  expect(thisWeek.n).toBeGreaterThan(25);
  const deliveries = await client.query<{
    status: string;
    n: number;
    with_encounter: number;
    items_as_materials: number;
    steps_as_version: number;
    chained: number;
  }>(
    `SELECT d.status, count(*)::int AS n, count(d.encounter_id)::int AS with_encounter,
            count(*) FILTER (WHERE d.encounter_id IS NOT NULL AND e.channel = 'IN_PERSON'
              AND e.place_type = d.place_type AND e.person_id IS NOT DISTINCT FROM d.person_id
              AND (SELECT string_agg(item || quantity, ',' ORDER BY item) FROM material_delivery_items i WHERE i.delivery_id = d.id)
                = (SELECT string_agg(item || quantity, ',' ORDER BY item) FROM encounter_materials m WHERE m.encounter_id = e.id)
            )::int AS items_as_materials,
            count(*) FILTER (WHERE d.version = (SELECT count(*) FROM material_delivery_transitions t WHERE t.delivery_id = d.id))::int
              AS steps_as_version,
            -- Each step from the state the one before left it in, the last one its state now, and
            -- the delivery last changed by it, in the past.
            count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM (SELECT t.from_status, lag(t.to_status) OVER (ORDER BY t.at) AS before
                                 FROM material_delivery_transitions t WHERE t.delivery_id = d.id) s
                 WHERE s.from_status IS DISTINCT FROM s.before)
              AND (SELECT t.to_status FROM material_delivery_transitions t WHERE t.delivery_id = d.id
                    ORDER BY t.at DESC LIMIT 1) = d.status
              AND (SELECT max(t.at) FROM material_delivery_transitions t WHERE t.delivery_id = d.id) = d.updated_at
              AND d.updated_at <= $2)::int AS chained
       FROM material_deliveries d LEFT JOIN encounters e ON e.id = d.encounter_id
      WHERE d.organisation_id = $1 GROUP BY 1 ORDER BY d.status::text`,
    [line, now],
  );
  expect(deliveries.rows.map((r) => r.status)).toEqual([
    "CANCELLED",
    "DELIVERED",
    "NOT_REACHED",
    "REQUESTED",
    "SCHEDULED",
  ]);
  for (const row of deliveries.rows) {
    expect(row.with_encounter).toBe(row.status === "DELIVERED" ? row.n : 0);
    expect(row.items_as_materials).toBe(row.with_encounter);
    expect(row.steps_as_version).toBe(row.n);
    expect(row.chained).toBe(row.n);
  }
  expect(summary.deliveries).toBe(deliveries.rows.reduce((sum, r) => sum + r.n, 0));
  // The line is a member of the partnership, with a worker and a coordinator.
  expect(
    (
      await one<{ roles: string }>(
        client,
        `SELECT string_agg(r::text, ',' ORDER BY r::text) AS roles FROM memberships m, unnest(m.roles) r
          WHERE m.organisation_id = $1 AND EXISTS (SELECT 1 FROM partnership_members p WHERE p.organisation_id = $1)`,
        [line],
      )
    ).roles,
  ).toBe("COORDINATOR,OUTREACH_WORKER");

  // 3. Online outreach with food aid: ad sites and OnlyFans named, webcam work and food aid
  // among the themes, grocery baskets of its own catalogue handed out with food vouchers.
  const online = await one<{ platforms: string; food_aid: number; webcam: number }>(
    client,
    `SELECT string_agg(DISTINCT platform, ',' ORDER BY platform) FILTER (WHERE platform IN ('LEOLIST', 'ONLYFANS')) AS platforms,
            count(*) FILTER (WHERE 'FOOD_AID' = ANY (themes))::int AS food_aid,
            count(*) FILTER (WHERE 'WEBCAM_WORK' = ANY (themes) AND platform = 'ONLYFANS')::int AS webcam
       FROM encounters WHERE organisation_id = $1`,
    [horizon],
  );
  expect(online).toMatchObject({ platforms: "LEOLIST,ONLYFANS" });
  expect(online.food_aid).toBeGreaterThan(100);
  expect(online.webcam).toBeGreaterThan(10);
  const baskets = await client.query<{
    item: string;
    label_en: string | null;
    category: string | null;
    n: number;
  }>(
    `SELECT m.item, c.label_en, c.category::text, sum(m.quantity)::int AS n FROM encounter_materials m
       JOIN catalogue_entries c ON c.organisation_id = m.organisation_id AND c.code = m.item
      WHERE m.organisation_id = $1 AND m.item IN ('GROCERY_BASKETS', 'FOOD_VOUCHERS') GROUP BY 1, 2, 3 ORDER BY 1`,
    [horizon],
  );
  expect(baskets.rows.map((r) => [r.item, r.label_en, r.category])).toEqual([
    ["FOOD_VOUCHERS", "Food vouchers", "FOOD_VOUCHERS"],
    ["GROCERY_BASKETS", "Grocery baskets", "FOOD"],
  ]);

  // 4. The street team: Marie L.'s dozen workshops and kiosks of the last twelve months, the
  // shift reports with their venues and handover notes, the last one yesterday evening.
  const workshops = await one<{ last_year: number; kiosks: number; marie: number }>(
    client,
    `SELECT count(*) FILTER (WHERE held_on > ($2::timestamptz - interval '365 days')::date)::int AS last_year,
            count(*) FILTER (WHERE kind = 'KIOSK')::int AS kiosks,
            count(*) FILTER (WHERE (SELECT id FROM users WHERE email = 'marie.rue@ancrage.demo') = ANY (facilitator_ids))::int AS marie
       FROM workshops WHERE organisation_id = $1 AND held_on <= $2::date`,
    [street, now],
  );
  expect(workshops.last_year).toBe(12);
  expect(workshops.kiosks).toBeGreaterThan(0);
  expect(workshops.marie).toBe(summary.workshops);
  const shifts = await one<{
    n: number;
    last_days_ago: number;
    with_venues: number;
    with_notes: number;
    hotel: number;
  }>(
    client,
    `SELECT count(*)::int AS n,
            min($2::date - (r.starts_at AT TIME ZONE 'America/Toronto')::date)::int AS last_days_ago,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM shift_report_venues v WHERE v.shift_report_id = r.id))::int AS with_venues,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM shift_handover_notes h WHERE h.shift_report_id = r.id))::int AS with_notes,
            (SELECT count(*)::int FROM shift_report_venues v JOIN venues x ON x.id = v.venue_id WHERE x.name = 'Hôtel Le Relais') AS hotel
       FROM shift_reports r WHERE r.organisation_id = $1 AND r.ends_at < $3`,
    [street, today, now],
  );
  expect(shifts.n).toBe(summary.shiftReports);
  expect(shifts.n).toBeGreaterThan(50);
  expect(shifts.last_days_ago).toBe(1);
  expect(shifts.with_venues).toBe(shifts.n);
  expect(shifts.with_notes).toBeGreaterThan(shifts.n * 0.7);
  // The hotel newly covered is still never visited (the worker's home screen says so).
  expect(shifts.hotel).toBe(0);

  // Stock: on hand as the API reads it (material-stock.ts), never below nothing, some items low
  // at the night centre and at the line, not all.
  const stock = await client.query<{ organisation_id: string; low: number; kept: number; negative: number }>(
    `SELECT s.organisation_id, count(*) FILTER (WHERE on_hand <= s.low_threshold)::int AS low,
            count(*)::int AS kept, count(*) FILTER (WHERE on_hand < 0)::int AS negative
       FROM material_stocks s, LATERAL (SELECT s.counted_quantity
              + coalesce((SELECT sum(r.quantity) FROM material_receipts r WHERE r.organisation_id = s.organisation_id
                            AND r.item = s.item AND r.received_at >= s.counted_at), 0)
              - coalesce((SELECT sum(m.quantity) FROM encounter_materials m JOIN encounters e ON e.id = m.encounter_id
                           WHERE m.organisation_id = s.organisation_id AND m.item = s.item
                             AND e.occurred_at >= s.counted_at), 0) AS on_hand) x
      GROUP BY 1`,
  );
  const byOrganisation = new Map(stock.rows.map((r) => [r.organisation_id, r]));
  for (const kept of [night, line]) {
    const level = byOrganisation.get(kept);
    expect(level?.low).toBeGreaterThan(0);
    expect(level?.low).toBeLessThan(level?.kept ?? 0);
    expect(level?.negative).toBe(0);
  }
  expect(stock.rows.reduce((sum, r) => sum + r.low, 0)).toBe(summary.lowStockItems);
  const receipts = await one<{ n: number }>(
    client,
    "SELECT count(DISTINCT organisation_id)::int AS n FROM material_receipts WHERE organisation_id IN ($1, $2)",
    [night, line],
  );
  expect(receipts.n).toBe(2);
}
