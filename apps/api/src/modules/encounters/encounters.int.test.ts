import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartnershipWorld, type PartnershipWorld } from "../../testing/partnership-world.ts";
import { startTestServer, type TestServer } from "../../testing/test-server.ts";

let server: TestServer;
let world: PartnershipWorld;
let venueId: string;
beforeAll(async () => {
  server = await startTestServer();
  world = await createPartnershipWorld(server.url, server.databaseUrl);
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days) VALUES ($1, 'Salon Lotus', 'MASSAGE_PARLOUR', 7) RETURNING id`,
    [world.owner.id],
  );
  venueId = encodeGlobalID("Venue", rows[0]!.id);
});
afterAll(async () => {
  await server.stop();
});

const record = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id occurredAt channel placeType themes headCount anonymousGender anonymousAgeBracket note materials { item quantity } person { alias } } }
    ... on InputValidationError { fields { path code message } }
  }
}`;

async function encounterCount() {
  const { rows } = await world.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM encounters WHERE organisation_id = $1",
    [world.owner.id],
  );
  return rows[0]!.n;
}

describe("encounters", () => {
  it("records an anonymous contact and a person's encounter, with materials and a private note", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const anonymous = await worker.request<any>(record, {
      input: {
        anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 3 },
        channel: "IN_PERSON",
        placeType: "WORKPLACE",
        venueId,
        themes: ["SEXUALITY", "SEXUALITY", "SUBSTANCE_USE"],
        materials: [
          { item: "CONDOMS", quantity: 12 },
          { item: "LUBRICANT", quantity: 0 },
        ],
      },
    });
    expect(anonymous.data?.recordEncounter.encounter).toMatchObject({
      channel: "IN_PERSON",
      themes: ["SEXUALITY", "SUBSTANCE_USE"],
      headCount: 3,
      anonymousGender: "WOMAN",
      anonymousAgeBracket: "AGE_18_25",
      materials: [{ item: "CONDOMS", quantity: 12 }],
      person: null,
      note: null,
    });
    const known = await worker.request<any>(record, {
      input: {
        personId: world.person.globalId,
        channel: "SMS",
        placeType: "ONLINE",
        note: "A demandé un rendez-vous",
      },
    });
    expect(known.data?.recordEncounter.encounter).toMatchObject({
      person: { alias: "Éloïse" },
      note: "A demandé un rendez-vous",
      headCount: 1,
    });
    const defaults = await worker.request<any>("{ encounterDefaults { channel placeType venue { name } } }");
    expect(defaults.data?.encounterDefaults).toEqual({ channel: "SMS", placeType: "ONLINE", venue: null });
  });

  it("rejects each kind of bad input with a translated field error and writes nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = await encounterCount();
    const base = { personId: world.person.globalId, channel: "IN_PERSON", placeType: "WORKPLACE" };
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, personId: null }, "personId:INVALID_VALUE"],
      [{ ...base, anonymous: { gender: "WOMAN", ageBracket: "UNKNOWN" } }, "personId:INVALID_VALUE"],
      [{ ...base, occurredAt: inTwoDays }, "occurredAt:TOO_FAR_IN_FUTURE"],
      [{ ...base, occurredAt: "2019-01-01T10:00:00Z" }, "occurredAt:IN_THE_PAST"],
      [{ ...base, materials: [{ item: "CONDOMS", quantity: -1 }] }, "materials.0.quantity:TOO_SMALL"],
      [{ ...base, materials: [{ item: "CONDOMS", quantity: 1_000_000 }] }, "materials.0.quantity:TOO_LARGE"],
      [
        {
          ...base,
          materials: [
            { item: "CONDOMS", quantity: 1 },
            { item: "CONDOMS", quantity: 2 },
          ],
        },
        "materials:INVALID_VALUE",
      ],
      [{ ...base, note: "x".repeat(4001) }, "note:TOO_LONG"],
      [{ ...base, personId: encodeGlobalID("Person", world.partner.id) }, "personId:NOT_FOUND"],
      [{ ...base, venueId: encodeGlobalID("Venue", world.owner.id) }, "venueId:NOT_FOUND"],
      [
        {
          anonymous: { gender: "WOMAN", ageBracket: "UNKNOWN", headCount: 0 },
          channel: "PHONE",
          placeType: "OFFICE",
        },
        "anonymous.headCount:TOO_SMALL",
      ],
    ];
    for (const [input, expected] of cases) {
      const result = await worker.request<any>(record, { input });
      expect(result.data?.recordEncounter?.__typename, expected).toBe("InputValidationError");
      const fields = result.data?.recordEncounter.fields as { path: string; code: string; message: string }[];
      expect(
        fields.map((f) => `${f.path}:${f.code}`),
        expected,
      ).toContain(expected);
    }
    const wrongEnum = await worker.request<any>(record, { input: { ...base, channel: "CARRIER_PIGEON" } });
    expect(wrongEnum.status).toBe(400);
    expect(await encounterCount()).toBe(before);
  });

  it("its author and coordinators edit and delete it, audited; another worker and a partner cannot", async () => {
    const author = await world.signIn(world.owner.users.worker);
    const created = await author.request<any>(record, {
      input: { personId: world.person.globalId, channel: "PHONE", placeType: "OFFICE", note: "Avant" },
    });
    const id = created.data?.recordEncounter.encounter.id;
    const update = `mutation ($input: UpdateEncounterInput!) {
      updateEncounter(input: $input) { __typename ... on UpdateEncounterSuccess { encounter { channel note themes } } ... on AppError { code } }
    }`;
    const edited = await author.request<any>(update, {
      input: {
        id,
        personId: world.person.globalId,
        channel: "VIDEO",
        placeType: "OFFICE",
        themes: ["HOUSING"],
      },
    });
    expect(edited.data?.updateEncounter.encounter).toEqual({
      channel: "VIDEO",
      note: null,
      themes: ["HOUSING"],
    });

    const partner = await world.signIn(world.partner.users.coordinator);
    const foreign = await partner.request<any>(
      `mutation ($id: ID!) { deleteEncounter(id: $id) { __typename } }`,
      { id },
    );
    // A coordinator elsewhere may write encounters, but not this organisation's: not found.
    expect(foreign.data?.deleteEncounter.__typename).toBe("NotFoundError");

    const coordinator = await world.signIn(world.owner.users.coordinator);
    const deleted = await coordinator.request<any>(
      `mutation ($id: ID!) { deleteEncounter(id: $id) { __typename ... on DeleteEncounterSuccess { deletedId } } }`,
      { id },
    );
    expect(deleted.data?.deleteEncounter).toEqual({ __typename: "DeleteEncounterSuccess", deletedId: id });
    const audit = await world.pool.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE record_kind = 'ENCOUNTER' AND organisation_id = $1 ORDER BY id",
      [world.owner.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["ENCOUNTER_UPDATED", "ENCOUNTER_DELETED"]);
  });

  it("another worker of the organisation cannot change someone else's encounter", async () => {
    const { createUser } = await import("@maillage/db/factories");
    const colleague = await createUser(world.pool, {
      memberships: [{ organisationId: world.owner.id, roles: ["OUTREACH_WORKER"] }],
    });
    const client = await world.signIn(colleague);
    const id = encodeGlobalID("Encounter", world.encounterId);
    const refused = await client.request<any>(
      `mutation ($id: ID!) { deleteEncounter(id: $id) { __typename ... on AppError { code } } }`,
      { id },
    );
    expect(refused.data?.deleteEncounter).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const { rows } = await world.pool.query("SELECT 1 FROM encounters WHERE id = $1", [world.encounterId]);
    expect(rows).toHaveLength(1);
  });
});

describe("venues", () => {
  it("shows the last visit from encounters and flags a venue whose cadence has passed", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const query = "{ venues(first: 10) { edges { node { name lastVisitAt overdue visitCadenceDays } } } }";
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days, confidential, address)
       VALUES ($1, 'Agence Rubis', 'ESCORT_AGENCY', 14, true, '12 rue Cachée') RETURNING id`,
      [world.owner.id],
    );
    await world.pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, themes)
       VALUES ($1, $2, now() - interval '20 days', 'IN_PERSON', 'WORKPLACE', $3, '{}')`,
      [world.owner.id, world.owner.users.worker.id, rows[0]!.id],
    );
    const venues = (await worker.request<any>(query)).data?.venues.edges.map((e: any) => e.node);
    const rubis = venues.find((v: any) => v.name === "Agence Rubis");
    const lotus = venues.find((v: any) => v.name === "Salon Lotus");
    expect(rubis.overdue).toBe(true);
    expect(new Date(rubis.lastVisitAt).getTime()).toBeLessThan(Date.now() - 19 * 86_400_000);
    expect(lotus.overdue).toBe(false);
    const partner = await world.signIn(world.partner.users.coordinator);
    expect((await partner.request<any>(query)).data?.venues.edges).toEqual([]);
  });
});

describe("venue creation", () => {
  it("creates a venue for the organisation and refuses bad input without writing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const create = `mutation ($input: CreateVenueInput!) {
      createVenue(input: $input) { __typename ... on CreateVenueSuccess { venue { name kind visitCadenceDays confidential address } } ... on InputValidationError { fields { path code } } }
    }`;
    const created = await worker.request<any>(create, {
      input: {
        name: "Hôtel du Quai",
        kind: "HOTEL",
        visitCadenceDays: 30,
        confidential: true,
        address: "1 rue du Quai",
      },
    });
    expect(created.data?.createVenue.venue).toEqual({
      name: "Hôtel du Quai",
      kind: "HOTEL",
      visitCadenceDays: 30,
      confidential: true,
      address: "1 rue du Quai",
    });
    const before = (
      await world.pool.query("SELECT count(*)::int AS n FROM venues WHERE organisation_id = $1", [
        world.owner.id,
      ])
    ).rows[0].n;
    const bad = await worker.request<any>(create, {
      input: { name: "", kind: "HOTEL", visitCadenceDays: 0 },
    });
    expect(bad.data?.createVenue.fields.map((f: any) => `${f.path}:${f.code}`)).toEqual([
      "name:REQUIRED",
      "visitCadenceDays:TOO_SMALL",
    ]);
    expect(
      (
        await world.pool.query("SELECT count(*)::int AS n FROM venues WHERE organisation_id = $1", [
          world.owner.id,
        ])
      ).rows[0].n,
    ).toBe(before);
    const nurse = await world.signIn(world.owner.users.nurse);
    expect(
      (await nurse.request<any>(create, { input: { name: "X", kind: "HOTEL" } })).errors?.[0]?.extensions
        ?.code,
    ).toBe("NOT_FOUND");
  });
});

describe("accompaniments", () => {
  it("plans one, lists it in my week, closes it with an outcome once", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const plannedAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const planned = await worker.request<any>(
      `mutation ($input: PlanAccompanimentInput!) {
        planAccompaniment(input: $input) { __typename ... on PlanAccompanimentSuccess { accompaniment { id status destination partnerOrganisation { name } } } ... on InputValidationError { fields { path code } } }
      }`,
      {
        input: {
          personId: world.person.globalId,
          destination: "COURT",
          plannedAt,
          partnerOrganisationId: world.partner.globalId,
        },
      },
    );
    const accompaniment = planned.data?.planAccompaniment.accompaniment;
    expect(accompaniment).toMatchObject({
      status: "PLANNED",
      destination: "COURT",
      partnerOrganisation: { name: "Organisme partenaire" },
    });
    const week = await worker.request<any>(
      `query ($from: DateTime!, $to: DateTime!) { myAccompaniments(from: $from, to: $to) { id } }`,
      { from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    );
    expect(week.data?.myAccompaniments.map((a: any) => a.id)).toContain(accompaniment.id);
    const close = `mutation ($input: CloseAccompanimentInput!) {
      closeAccompaniment(input: $input) { __typename ... on CloseAccompanimentSuccess { accompaniment { status outcome } } ... on InputValidationError { fields { path code } } }
    }`;
    const closed = await worker.request<any>(close, {
      input: { id: accompaniment.id, status: "DONE", outcome: "Audience reportée" },
    });
    expect(closed.data?.closeAccompaniment.accompaniment).toEqual({
      status: "DONE",
      outcome: "Audience reportée",
    });
    const again = await worker.request<any>(close, { input: { id: accompaniment.id, status: "NO_SHOW" } });
    expect(again.data?.closeAccompaniment.fields).toEqual([{ path: "status", code: "INVALID_VALUE" }]);
    const bad = await worker.request<any>(
      `mutation ($input: PlanAccompanimentInput!) { planAccompaniment(input: $input) { __typename ... on InputValidationError { fields { path code } } } }`,
      { input: { personId: world.person.globalId, destination: "COURT", plannedAt: "2030-01-01T00:00:00Z" } },
    );
    expect(bad.data?.planAccompaniment.fields).toEqual([{ path: "plannedAt", code: "TOO_FAR_IN_FUTURE" }]);
  });
});
