// A committee's figures and a coordinator's, on a small dataset of known counts (ported from the
// retired organisationDashboard / partnershipDashboard): the committee reads the partnership's
// protected figures — every count it is shown is the true one, no count from 1 to 4 reaches it,
// the small place of encounters cannot be worked out from the rest of its table or from the
// channel table sharing its total — and never a person; nobody else reads them; an unknown
// partnership and one the reader has no seat on answer alike; a coordinator reads the own
// organisation's counts exactly, zeros and the fiscal year's boundary included.
import { createOrganisation, createPartnership, createUser } from "@maillage/db/factories";
import { defaultProgrammeSettings, fiscalYearBounds, fiscalYearOf } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import {
  counts,
  expectNoSmallCount,
  expectPartitionProtected,
  expectPublishedFrom,
  expectTablePublishedFrom,
  figure,
  knownTotal,
  nonZero,
  partnershipIndicatorsQuery,
  readOrganisation,
  readPartnership,
  table,
} from "../../testing/published-indicators.ts";

const world = usePartnershipWorld();
// Last fiscal year: closed, so every range of its quarters is offered.
const fiscalYear = fiscalYearOf(new Date(), defaultProgrammeSettings) - 1;
const partnershipId = () => encodeGlobalID("Partnership", world.partnershipId);

beforeAll(async () => {
  const { from } = fiscalYearBounds(fiscalYear, defaultProgrammeSettings);
  const insert = (
    organisationId: string,
    authorId: string,
    place: string,
    count: number,
    personId: string | null = null,
  ) =>
    world.pool.query(
      `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes)
       SELECT $1, $2, $3, $4::timestamptz + make_interval(days => g), 'IN_PERSON', $5::"PlaceType", '{SEXUALITY}'
         FROM generate_series(1, $6) g`,
      [organisationId, personId, authorId, from, place, count],
    );
  await insert(world.owner.id, world.owner.users.worker.id, "WORKPLACE", 12, world.person.id);
  await insert(world.owner.id, world.owner.users.worker.id, "BAR", 3);
  await insert(world.partner.id, world.partner.users.worker.id, "HOME", 9);
  // The last day of the year before (in Toronto): not counted in the year, but in its previous one.
  await world.pool.query(
    `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
     VALUES ($1, $2, $3::timestamptz - interval '1 hour', 'IN_PERSON', 'WORKPLACE', '{}')`,
    [world.owner.id, world.owner.users.worker.id, from],
  );
});

/** The partnership's true counts of the year (both organisations). */
const truePlaces = { WORKPLACE: 12, BAR: 3, HOME: 9 };

describe("a committee's figures", () => {
  it("show only true counts, never one from 1 to 4, the small place protected; never a person", async () => {
    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const client = await world.signIn(member);
    for (const period of [
      { fiscalYear },
      { fiscalYear, firstQuarter: 1, lastQuarter: 1 },
      { fiscalYear, firstQuarter: 1, lastQuarter: 2 },
    ]) {
      const what = JSON.stringify(period);
      const indicators = await readPartnership(client, partnershipId(), period);
      expect(indicators, what).toMatchObject({ scopeKind: "PARTNERSHIP", suppressed: true, threshold: 5 });
      expect(indicators.asOf, what).not.toBeNull();
      expectNoSmallCount(indicators);
      // 24 encounters, shown as 24 or hidden.
      expectPublishedFrom(figure(indicators, "encounters").value, 24, 5, `${what} encounters`);
      // The year before: its last day's 1 encounter (hidden); the same quarters of it: none (0).
      const before = "firstQuarter" in period ? 0 : 1;
      expectPublishedFrom(figure(indicators, "encounters").previousValue, before, 5, `${what} before`);
      // One person met (12 times): under 5, hidden, and in every table of persons.
      expect(figure(indicators, "personsMet").value, what).toBeNull();
      const genders = Object.values(counts(table(indicators, "personsByGender")));
      expect(
        genders.every((count) => count === null || count === 0),
        what,
      ).toBe(true);
      // BAR (3) is hidden; what is shown is true; BAR cannot be narrowed below 5 values from the
      // other places and the total (as shown, or as the channel table's sum: all 24 in person).
      const places = table(indicators, "encountersByPlaceType");
      expectTablePublishedFrom(places, truePlaces);
      expect(counts(places).BAR, what).toBeNull();
      expectTablePublishedFrom(table(indicators, "encountersByChannel"), { IN_PERSON: 24 });
      const total = knownTotal(indicators, ["encountersByPlaceType", "encountersByChannel"], "encounters");
      expectPartitionProtected(places, total);
      // A share is shown only with its count and its denominator.
      for (const cell of places.cells)
        if (cell.count === null || places.denominatorCount === null) expect(cell.share, what).toBeNull();
    }
    // The quarters with nothing read true zeros.
    const later = await readPartnership(client, partnershipId(), {
      fiscalYear,
      firstQuarter: 2,
      lastQuarter: 4,
    });
    expect(figure(later, "encounters").value).toBe(0);
    expect(Object.values(counts(table(later, "encountersByPlaceType"))).every((count) => count === 0)).toBe(
      true,
    );
    // The committee member still reaches no person.
    const person = await client.request<any>(`query ($id: ID!) { person(id: $id) { alias } }`, {
      id: world.person.globalId,
    });
    expect(person.data?.person).toBeNull();
    expect(person.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("are read by its committee and the coordinators of its members only; others find nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    expect((await readPartnership(coordinator, partnershipId(), { fiscalYear })).suppressed).toBe(true);
    for (const user of [
      world.unrelated.users.admin,
      world.unrelated.users.coordinator,
      world.partner.users.worker,
      world.owner.users.nurse,
      world.owner.users.admin,
    ]) {
      const client = await world.signIn(user);
      const result = await client.request<any>(partnershipIndicatorsQuery, {
        id: partnershipId(),
        period: { fiscalYear },
      });
      // Not found, with nothing of the figures.
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        partnershipIndicators: { __typename: "NotFoundError", code: "NOT_FOUND" },
      });
    }
  });

  it("answer an unknown partnership and one the committee member does not sit on alike", async () => {
    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const other = await createPartnership(world.pool, { organisationIds: [world.unrelated.id] });
    const client = await world.signIn(member);
    const answers = [];
    for (const id of [other.id, "00000000-0000-4000-8000-000000000000"]) {
      const { status, data, errors } = await client.request<any>(partnershipIndicatorsQuery, {
        id: encodeGlobalID("Partnership", id),
        period: { fiscalYear },
      });
      answers.push({ status, data, codes: errors?.map((e) => e.extensions?.code) });
    }
    expect(answers[0]).toEqual({
      status: 200,
      data: { partnershipIndicators: { __typename: "NotFoundError", code: "NOT_FOUND" } },
      codes: undefined,
    });
    expect(answers[1]).toEqual(answers[0]);
  });
});

describe("an organisation's figures", () => {
  it("show its coordinator the own counts exactly, zeros and the year before included; a worker cannot", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const indicators = await readOrganisation(coordinator, { fiscalYear });
    expect(indicators).toMatchObject({ scopeKind: "ORGANISATION", suppressed: false, asOf: null });
    expect(figure(indicators, "encounters")).toMatchObject({ value: 15, previousValue: 1 });
    expect(figure(indicators, "personsMet").value).toBe(1);
    const places = table(indicators, "encountersByPlaceType");
    expect(nonZero(places)).toEqual({ WORKPLACE: 12, BAR: 3 });
    expect(counts(places).HOME).toBe(0);
    expect(places.denominatorCount).toBe(15);
    expect(places.cells.find((cell) => cell.key === "BAR")?.share).toBeCloseTo(3 / 15, 10);
    const worker = await world.signIn(world.owner.users.worker);
    const refused = await worker.request<any>(
      `query ($period: IndicatorPeriodInput!) { organisationIndicators(period: $period) { __typename ... on AppError { code } } }`,
      { period: { fiscalYear } },
    );
    expect(refused.data?.organisationIndicators?.code ?? refused.errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("a partnership on a calendar year in Europe/Brussels", () => {
  it("places 31 December 23:59 and 1 January 00:00 (Brussels) in their own years, for its committee", async () => {
    const organisation = await createOrganisation(world.pool);
    const partnership = await createPartnership(world.pool, { organisationIds: [organisation.id] });
    await world.pool.query(
      "UPDATE partnerships SET time_zone = 'Europe/Brussels', fiscal_year_start_month = 1 WHERE id = $1",
      [partnership.id],
    );
    const worker = await createUser(world.pool, {
      memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
    });
    const at = (instant: string, count: number) =>
      world.pool.query(
        `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
         SELECT $1, $2, $3::timestamptz, 'IN_PERSON', 'BAR', '{}' FROM generate_series(1, $4)`,
        [organisation.id, worker.id, instant, count],
      );
    await at("2024-12-31T22:59:00Z", 6); // 31 December 2024, 23:59 in Brussels: the year 2024
    await at("2024-12-31T23:00:00Z", 7); // 1 January 2025, 00:00 in Brussels: the year 2025
    await at("2025-12-31T22:59:00Z", 8); // 31 December 2025, 23:59: still 2025
    await at("2025-12-31T23:00:00Z", 9); // 1 January 2026, 00:00: the year 2026
    const member = await createUser(world.pool, { committeePartnershipIds: [partnership.id] });
    const client = await world.signIn(member);
    const year2025 = await readPartnership(client, encodeGlobalID("Partnership", partnership.id), {
      fiscalYear: 2025,
    });
    expect(year2025.suppressed).toBe(true);
    expect(figure(year2025, "encounters")).toMatchObject({ value: 15, previousValue: 6 });
    const months = Object.fromEntries(year2025.monthly.map((m) => [m.month, m.encounters]));
    expect(Object.keys(months)).toHaveLength(12);
    expect(Object.keys(months)[0]).toBe("2025-01");
    expect(months).toMatchObject({ "2025-01": 7, "2025-02": 0, "2025-12": 8 });
  });
});
