import { createPartnership, createUser } from "@maillage/db/factories";
import { defaultProgrammeSettings, fiscalYearBounds } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();
const fiscalYear = 2025;

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
  // Outside the fiscal year: not counted.
  await world.pool.query(
    `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
     VALUES ($1, $2, $3::timestamptz - interval '1 day', 'IN_PERSON', 'WORKPLACE', '{}')`,
    [world.owner.id, world.owner.users.worker.id, from],
  );
});

const partnershipQuery = `query ($id: ID!, $year: Int!) {
  partnershipDashboard(partnershipId: $id, fiscalYear: $year) {
    __typename
    ... on PartnershipDashboardSuccess { dashboard { suppressed encounters personsMet byPlace { cells { key count } total } } }
    ... on AppError { code }
  }
}`;

describe("dashboards", () => {
  it("a committee member sees the partnership's counts with small cells suppressed, never a person", async () => {
    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const client = await world.signIn(member);
    const result = await client.request<any>(partnershipQuery, {
      id: encodeGlobalID("Partnership", world.partnershipId),
      year: fiscalYear,
    });
    const dashboard = result.data?.partnershipDashboard.dashboard;
    expect(dashboard.suppressed).toBe(true);
    expect(dashboard.encounters).toBe(12 + 3 + 9);
    // One person met: under 5, suppressed.
    expect(dashboard.personsMet).toBeNull();
    const cells = Object.fromEntries(dashboard.byPlace.cells.map((c: any) => [c.key, c.count]));
    // BAR (3) is small; WORKPLACE (12) stays; HOME (9) is hidden too, or BAR = total − the rest.
    expect(cells).toEqual({ WORKPLACE: 12, BAR: null, HOME: null });
    expect(dashboard.byPlace.total).toBe(24);
    // The committee member still reaches no person.
    const person = await client.request<any>(`query ($id: ID!) { person(id: $id) { alias } }`, {
      id: world.person.globalId,
    });
    expect(person.data?.person).toBeNull();
    expect(person.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("is refused to anyone without a seat on that committee, as not found", async () => {
    for (const user of [
      world.owner.users.coordinator,
      world.unrelated.users.admin,
      world.partner.users.worker,
    ]) {
      const client = await world.signIn(user);
      const result = await client.request<any>(partnershipQuery, {
        id: encodeGlobalID("Partnership", world.partnershipId),
        year: fiscalYear,
      });
      // Refused by the field's declared committee scope: not found, with nothing of the dashboard.
      expect(result.data).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    }
  });

  it("answers an unknown partnership and one the committee member does not sit on alike", async () => {
    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const other = await createPartnership(world.pool, { organisationIds: [world.unrelated.id] });
    const client = await world.signIn(member);
    const answers = [];
    for (const id of [other.id, "00000000-0000-4000-8000-000000000000"]) {
      const { status, data, errors } = await client.request<any>(partnershipQuery, {
        id: encodeGlobalID("Partnership", id),
        year: fiscalYear,
      });
      answers.push({ status, data, codes: errors?.map((e) => e.extensions?.code) });
    }
    expect(answers[0]).toEqual({ status: 200, data: null, codes: ["NOT_FOUND"] });
    expect(answers[1]).toEqual(answers[0]);
  });

  it("a coordinator sees the own organisation's counts exactly; a worker cannot", async () => {
    const query = `query ($year: Int!) { organisationDashboard(fiscalYear: $year) {
      __typename ... on OrganisationDashboardSuccess { dashboard { suppressed encounters personsMet byPlace { cells { key count } } } } } }`;
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const dashboard = (await coordinator.request<any>(query, { year: fiscalYear })).data
      ?.organisationDashboard.dashboard;
    expect(dashboard).toMatchObject({ suppressed: false, encounters: 15, personsMet: 1 });
    expect(Object.fromEntries(dashboard.byPlace.cells.map((c: any) => [c.key, c.count]))).toEqual({
      WORKPLACE: 12,
      BAR: 3,
    });
    const worker = await world.signIn(world.owner.users.worker);
    expect((await worker.request<any>(query, { year: fiscalYear })).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
  });
});
