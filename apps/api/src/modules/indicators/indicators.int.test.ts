// Indicators through the API (issue 17): who reads a partnership's and an organisation's figures,
// that no count from 1 to 4 reaches a partnership's reader in any field, that the figures come
// from the day's snapshot (a new record changes nothing until the next day's), the issue's
// 300 / 1 / 1 case, and the PDF and CSV downloads with their audit.
import { createPartnership, createUser } from "@maillage/db/factories";
import { defaultProgrammeSettings, fiscalYearOf } from "@maillage/domain";
import { quarterBounds } from "@maillage/domain/indicators";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();
// Last fiscal year: closed, so every quarter of it is offered.
const fiscalYear = fiscalYearOf(new Date(), defaultProgrammeSettings) - 1;
const q2 = quarterBounds(fiscalYear, 2, 2, defaultProgrammeSettings);

const fields = `
  scopeKind suppressed threshold asOf years followUpMinEncounters
  period { label fiscalYear firstQuarter lastQuarter from to }
  previous { label fiscalYear }
  figures { name title definition value previousValue }
  tables { name title definition denominator denominatorCount overlapping
           cells { key label count share previousCount previousShare } }
  monthly { month encounters contacts personsMet }`;
const partnershipQuery = `query ($id: ID!, $period: IndicatorPeriodInput!) {
  partnershipIndicators(partnershipId: $id, period: $period) {
    __typename
    ... on PartnershipIndicatorsSuccess { indicators { ${fields} } }
    ... on AppError { code }
  }
}`;
const organisationQuery = `query ($period: IndicatorPeriodInput!) {
  organisationIndicators(period: $period) {
    __typename
    ... on OrganisationIndicatorsSuccess { indicators { ${fields} } }
    ... on AppError { code }
  }
}`;

let committee: TestClient;
const partnershipGlobalId = () => encodeGlobalID("Partnership", world.partnershipId);

/** Every count of an answer: figures, cells (this and the previous period), denominators, months. */
function everyCount(indicators: any): number[] {
  return [
    ...indicators.figures.flatMap((f: any) => [f.value, f.previousValue]),
    ...indicators.tables.flatMap((t: any) => [
      t.denominatorCount,
      ...t.cells.flatMap((c: any) => [c.count, c.previousCount]),
    ]),
    ...indicators.monthly.flatMap((m: any) => [m.encounters, m.contacts, m.personsMet]),
  ].filter((value): value is number => typeof value === "number");
}

async function readPartnership(client: TestClient, period: Record<string, unknown> = { fiscalYear }) {
  const result = await client.request<any>(partnershipQuery, { id: partnershipGlobalId(), period });
  return result.data?.partnershipIndicators;
}

beforeAll(async () => {
  const insert = (organisationId: string, authorId: string, place: string, count: number, at: Date) =>
    world.pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes, head_count)
       SELECT $1, $2, $3::timestamptz + make_interval(hours => g), 'IN_PERSON', $4::"PlaceType", '{SEXUALITY}', 1
         FROM generate_series(1, $5) g`,
      [organisationId, authorId, at, place, count],
    );
  await insert(world.owner.id, world.owner.users.worker.id, "WORKPLACE", 40, q2.from);
  await insert(world.owner.id, world.owner.users.worker.id, "BAR", 3, q2.from);
  await insert(world.partner.id, world.partner.users.worker.id, "HOME", 9, q2.from);
  // The case: one encounter with 300 condoms, 1 lubricant and 1 pregnancy test.
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
     VALUES ($1, $2, $3::timestamptz + interval '3 days', 'IN_PERSON', 'WORKPLACE', '{}') RETURNING id`,
    [world.partner.id, world.partner.users.worker.id, q2.from],
  );
  await world.pool.query(
    `INSERT INTO encounter_materials (encounter_id, organisation_id, item, quantity)
     VALUES ($1, $2, 'CONDOMS', 300), ($1, $2, 'LUBRICANT', 1), ($1, $2, 'PREGNANCY_TESTS', 1)`,
    [rows[0]?.id, world.partner.id],
  );
  // What made the year's relations false before (its snapshot refused): a person met twice in Q3
  // and twice in Q4 is in regular follow-up (3 times) over Q3–Q4 and in neither quarter; aged 17
  // at her first encounter of Q3–Q4 and 18 at her first of Q4 alone.
  const q3 = quarterBounds(fiscalYear, 3, 3, defaultProgrammeSettings);
  const q4 = quarterBounds(fiscalYear, 4, 4, defaultProgrammeSettings);
  await world.pool.query("UPDATE persons SET birth_year = $2 WHERE id = $1", [
    world.person.id,
    fiscalYear - 17,
  ]);
  for (const at of [q3.from, q4.from])
    await world.pool.query(
      `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes)
       SELECT $1, $2, $3, $4::timestamptz + make_interval(days => 10 + g), 'IN_PERSON', 'WORKPLACE', '{}'
         FROM generate_series(1, 2) g`,
      [world.owner.id, world.person.id, world.owner.users.worker.id, at],
    );
  const member = await createUser(world.pool, {
    memberships: [{ organisationId: world.unrelated.id, roles: [] }],
    committeePartnershipIds: [world.partnershipId],
  });
  committee = await world.signIn(member);
});

describe("a partnership's indicators", () => {
  it("answer its committee with every count from 1 to 4 hidden, in every field", async () => {
    for (const period of [
      { fiscalYear },
      { fiscalYear, firstQuarter: 2, lastQuarter: 2 },
      { fiscalYear, firstQuarter: 1, lastQuarter: 3 },
      { fiscalYear: fiscalYear - 1 },
    ]) {
      const answer = await readPartnership(committee, period);
      expect(answer.__typename).toBe("PartnershipIndicatorsSuccess");
      const indicators = answer.indicators;
      expect(indicators).toMatchObject({ scopeKind: "PARTNERSHIP", suppressed: true, threshold: 5 });
      expect(indicators.asOf).not.toBeNull();
      const small = everyCount(indicators).filter((count) => count >= 1 && count < 5);
      expect(small, JSON.stringify(period)).toEqual([]);
      expect(indicators.tables.length).toBeGreaterThan(10);
      for (const table of indicators.tables) expect(table.definition.length).toBeGreaterThan(10);
    }
  });

  it("hide the 300 / 1 / 1 materials so that neither small one can be worked out", async () => {
    const { indicators } = await readPartnership(committee);
    const materials = indicators.tables.find((t: any) => t.cells.some((c: any) => c.key === "CONDOMS"));
    const cell = (key: string) => materials.cells.find((c: any) => c.key === key)?.count;
    expect(cell("LUBRICANT")).toBeNull();
    expect(cell("PREGNANCY_TESTS")).toBeNull();
    // Shown beside its total, 300 would give the two hidden ones away (their sum, each ≥ 1).
    const total = materials.denominatorCount;
    expect(cell("CONDOMS") === null || total === null).toBe(true);
  });

  it("come from the day's snapshot: a new encounter changes nothing until the next day's", async () => {
    const before = await readPartnership(committee);
    await world.pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
       VALUES ($1, $2, $3::timestamptz + interval '5 days', 'VIDEO', 'ONLINE', '{JUSTICE}')`,
      [world.owner.id, world.owner.users.worker.id, q2.from],
    );
    const after = await readPartnership(committee);
    expect(after).toEqual(before);
    // The next day (the stored snapshot made yesterday's), it is counted.
    await world.pool.query(
      `UPDATE indicator_snapshots SET computed_on = computed_on - 1 WHERE partnership_id = $1`,
      [world.partnershipId],
    );
    const nextDay = await readPartnership(committee);
    expect(nextDay.indicators.asOf).not.toBe(before.indicators.asOf);
    // The new encounter is the year's first by video: the VIDEO cell, a true zero before, now
    // reads its count or x (a 1 is hidden) — either way, no longer 0.
    const video = (answer: any) =>
      answer.indicators.tables
        .find((t: any) => t.name === "encountersByChannel")
        .cells.find((c: any) => c.key === "VIDEO").count;
    expect(video(before)).toBe(0);
    expect(video(after)).toBe(0);
    expect(video(nextDay)).not.toBe(0);
  });

  it("answer coordinators of member organisations, and nobody else", async () => {
    const coordinator = await world.signIn(world.partner.users.coordinator);
    expect((await readPartnership(coordinator)).__typename).toBe("PartnershipIndicatorsSuccess");
    for (const user of [
      world.owner.users.worker,
      world.owner.users.nurse,
      world.unrelated.users.coordinator,
    ]) {
      const client = await world.signIn(user);
      const result = await client.request<any>(partnershipQuery, {
        id: partnershipGlobalId(),
        period: { fiscalYear },
      });
      expect(result.data?.partnershipIndicators?.code ?? result.errors?.[0]?.extensions?.code).toBe(
        "NOT_FOUND",
      );
    }
    const other = await createPartnership(world.pool, { organisationIds: [world.unrelated.id] });
    const result = await committee.request<any>(partnershipQuery, {
      id: encodeGlobalID("Partnership", other.id),
      period: { fiscalYear },
    });
    expect(result.data?.partnershipIndicators?.code ?? result.errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
  });

  it("are never given for a custom range of days", async () => {
    const answer = await readPartnership(committee, {
      fiscalYear,
      fromDay: `${fiscalYear}-07-01`,
      toDay: `${fiscalYear}-07-02`,
    });
    expect(answer.code).toBe("INPUT_VALIDATION");
  });
});

describe("an organisation's indicators", () => {
  it("answer its coordinators exactly, custom ranges too; a worker is refused", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const year = (await coordinator.request<any>(organisationQuery, { period: { fiscalYear } })).data
      ?.organisationIndicators.indicators;
    expect(year).toMatchObject({ scopeKind: "ORGANISATION", suppressed: false, asOf: null });
    const places = year.tables.find((t: any) => t.cells.some((c: any) => c.key === "BAR"));
    const count = (key: string) => places.cells.find((c: any) => c.key === key)?.count;
    expect(count("BAR")).toBe(3);
    expect(count("HOME")).toBe(0);
    const bar = places.cells.find((c: any) => c.key === "BAR");
    expect(bar.share).toBeCloseTo(3 / places.denominatorCount, 10);
    const day = q2.from.toISOString().slice(0, 10);
    const custom = (
      await coordinator.request<any>(organisationQuery, { period: { fiscalYear, fromDay: day, toDay: day } })
    ).data?.organisationIndicators.indicators;
    expect(custom.period.firstQuarter).toBeNull();
    const worker = await world.signIn(world.owner.users.worker);
    const refused = await worker.request<any>(organisationQuery, { period: { fiscalYear } });
    expect(refused.data?.organisationIndicators?.code ?? refused.errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("downloads", () => {
  async function download(client: TestClient, query: string) {
    return fetch(`${world.server.url}/indicators/report?${query}`, {
      method: "POST",
      headers: {
        cookie: client.cookie ?? "",
        "x-csrf-token": client.csrfToken ?? "",
        "accept-language": "fr-CA",
      },
    });
  }

  it("give the committee its protected CSV and PDF, audited; a small count never appears", async () => {
    const csv = await download(
      committee,
      `format=csv&locale=fr&fiscalYear=${fiscalYear}&partnershipId=${encodeURIComponent(partnershipGlobalId())}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(
      /attachment; filename="maillage-indicateurs-.*\.csv"/,
    );
    const text = await csv.text();
    expect(text).toContain("x");
    const pdf = await download(
      committee,
      `format=pdf&locale=en&fiscalYear=${fiscalYear}&partnershipId=${encodeURIComponent(partnershipGlobalId())}`,
    );
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const { rows } = await world.pool.query(
      `SELECT details FROM audit_events WHERE action = 'INDICATORS_DOWNLOADED' AND record_id = $1 ORDER BY id`,
      [world.partnershipId],
    );
    expect(rows.map((row) => row.details.format)).toEqual(["csv", "pdf"]);
  });

  it("refuse a worker, a bad format and a cross-site request", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    expect((await download(worker, `format=csv&fiscalYear=${fiscalYear}`)).status).toBe(404);
    expect(
      (
        await download(
          committee,
          `format=docx&fiscalYear=${fiscalYear}&partnershipId=${encodeURIComponent(partnershipGlobalId())}`,
        )
      ).status,
    ).toBe(400);
    const crossSite = await fetch(
      `${world.server.url}/indicators/report?format=csv&fiscalYear=${fiscalYear}`,
      {
        method: "POST",
        headers: {
          cookie: committee.cookie ?? "",
          "x-csrf-token": committee.csrfToken ?? "",
          origin: "https://elsewhere.example",
        },
      },
    );
    expect(crossSite.status).toBe(403);
  });
});
