import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();
let venueId: string;
beforeAll(async () => {
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days) VALUES ($1, 'Salon Lotus', 'MASSAGE_PARLOUR', 7) RETURNING id`,
    [world.owner.id],
  );
  venueId = encodeGlobalID("Venue", onlyRow(rows).id);
});

const record = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id occurredAt channel placeType themes headCount anonymousGender anonymousAgeBracket note materials { item quantity } person { alias } } }
    ... on InputValidationError { fields { path code message } }
  }
}`;

const decodeEncounterId = (globalId: string) => decodeGlobalID(globalId).id;

const encounterCount = () =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM encounters WHERE organisation_id = $1", [
    world.owner.id,
  ]);

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

  it("names the catalogue's services and platform, labelled in the viewer's language", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const result = await worker.request<any>(
      `mutation ($input: RecordEncounterInput!) {
        recordEncounter(input: $input) {
          __typename
          ... on RecordEncounterSuccess {
            encounter { channel platform platformLabel services { service label } materials { item label quantity } }
          }
        }
      }`,
      {
        input: {
          anonymous: { gender: "UNDISCLOSED", ageBracket: "UNKNOWN", headCount: 120 },
          channel: "VIDEO",
          placeType: "ONLINE",
          platform: "WHATSAPP",
          services: ["CASE_MANAGEMENT_TALK"],
          materials: [{ item: "FOOD_VOUCHERS", quantity: 2 }],
        },
      },
      { headers: { "accept-language": "en" } },
    );
    expect(result.data?.recordEncounter.encounter).toEqual({
      channel: "VIDEO",
      platform: "WHATSAPP",
      platformLabel: "WhatsApp",
      services: [{ service: "CASE_MANAGEMENT_TALK", label: "Case-management talk" }],
      materials: [{ item: "FOOD_VOUCHERS", label: "Food vouchers", quantity: 2 }],
    });
  });

  it("rejects each kind of bad input with a translated field error and writes nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = await encounterCount();
    const base = { personId: world.person.globalId, channel: "IN_PERSON", placeType: "WORKPLACE" };
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    // The organisation's start date (a setting; 1 January 2000 until its coordinators set it).
    await world.pool.query("UPDATE organisations SET started_on = '2010-01-01' WHERE id = $1", [
      world.owner.id,
    ]);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, personId: null }, "personId:INVALID_VALUE"],
      [{ ...base, anonymous: { gender: "WOMAN", ageBracket: "UNKNOWN" } }, "personId:INVALID_VALUE"],
      [{ ...base, occurredAt: inTwoDays }, "occurredAt:IN_THE_FUTURE"],
      // Before the organisation's start date (in its zone: 31 December 2009 at 23:00 in Montréal).
      [{ ...base, occurredAt: "2010-01-01T04:00:00Z" }, "occurredAt:BEFORE_ORGANISATION_START"],
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
      // Catalogue codes: unknown, of another list, malformed.
      [{ ...base, materials: [{ item: "CAVIAR", quantity: 1 }] }, "materials.0.item:NOT_FOUND"],
      [{ ...base, materials: [{ item: "MEAL", quantity: 1 }] }, "materials.0.item:WRONG_LIST"],
      [{ ...base, services: ["CONDOMS"] }, "services.0:WRONG_LIST"],
      [{ ...base, services: ["MEAL", "MEAL"] }, "services:INVALID_VALUE"],
      [{ ...base, platform: "ZOOM_meeting" }, "platform:INVALID_FORMAT"],
      [{ ...base, channel: "VIDEO", platform: "SHOWER" }, "platform:WRONG_LIST"],
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

  it("records where a person stands, changes it, refuses it on an anonymous contact; partners never read it", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const withOutcomes = `mutation ($input: RecordEncounterInput!) {
      recordEncounter(input: $input) {
        __typename
        ... on RecordEncounterSuccess { encounter { id outcomes themes } }
        ... on InputValidationError { fields { path code message } }
      }
    }`;
    const created = await worker.request<any>(withOutcomes, {
      input: {
        personId: world.person.globalId,
        channel: "IN_PERSON",
        placeType: "OFFICE",
        themes: ["EMPLOYMENT"],
        outcomes: ["REACHED_GOAL", "LEFT_TRADE"],
      },
    });
    const encounter = created.data?.recordEncounter.encounter;
    expect(encounter).toMatchObject({ outcomes: ["REACHED_GOAL", "LEFT_TRADE"], themes: ["EMPLOYMENT"] });
    const { rows } = await world.pool.query<{ outcomes: string }>(
      "SELECT outcomes::text AS outcomes FROM encounters WHERE id = $1",
      [decodeEncounterId(encounter.id)],
    );
    expect(onlyRow(rows).outcomes).toBe("{REACHED_GOAL,LEFT_TRADE}");

    const update = `mutation ($input: UpdateEncounterInput!) {
      updateEncounter(input: $input) { __typename ... on UpdateEncounterSuccess { encounter { outcomes } } }
    }`;
    const base = {
      id: encounter.id,
      personId: world.person.globalId,
      channel: "IN_PERSON",
      placeType: "OFFICE",
    };
    const changed = await worker.request<any>(update, { input: { ...base, outcomes: ["LEFT_TRADE"] } });
    expect(changed.data?.updateEncounter.encounter).toEqual({ outcomes: ["LEFT_TRADE"] });
    // The form sends the whole encounter: no outcomes named, none kept (as for themes).
    const cleared = await worker.request<any>(update, { input: base });
    expect(cleared.data?.updateEncounter.encounter).toEqual({ outcomes: [] });

    // An outcome is about a person's path: refused on an anonymous contact, and twice over.
    const before = await encounterCount();
    const refusals: [Record<string, unknown>, string][] = [
      [
        {
          anonymous: { gender: "WOMAN", ageBracket: "UNKNOWN" },
          channel: "PHONE",
          placeType: "OFFICE",
          outcomes: ["LEFT_TRADE"],
        },
        "outcomes:INVALID_VALUE",
      ],
      [
        {
          personId: world.person.globalId,
          channel: "PHONE",
          placeType: "OFFICE",
          outcomes: ["LEFT_TRADE", "LEFT_TRADE"],
        },
        "outcomes:INVALID_VALUE",
      ],
    ];
    for (const [input, expected] of refusals) {
      const refused = await worker.request<any>(
        withOutcomes,
        { input },
        { headers: { "accept-language": "en" } },
      );
      expect(refused.data?.recordEncounter.__typename, expected).toBe("InputValidationError");
      const fields = refused.data?.recordEncounter.fields as {
        path: string;
        code: string;
        message: string;
      }[];
      expect(fields.map((f) => `${f.path}:${f.code}`)).toEqual([expected]);
      expect(fields[0]?.message).toBe("This value is not allowed.");
    }
    expect(await encounterCount()).toBe(before);
    // The update refuses them the same way, changing nothing.
    const anonymousUpdate = await worker.request<any>(
      `mutation ($input: UpdateEncounterInput!) {
        updateEncounter(input: $input) { __typename ... on InputValidationError { fields { path code } } }
      }`,
      {
        input: {
          id: encounter.id,
          anonymous: { gender: "WOMAN", ageBracket: "UNKNOWN" },
          channel: "PHONE",
          placeType: "OFFICE",
          outcomes: ["REACHED_GOAL"],
        },
      },
    );
    expect(anonymousUpdate.data?.updateEncounter).toEqual({
      __typename: "InputValidationError",
      fields: [{ path: "outcomes", code: "INVALID_VALUE" }],
    });

    // A partner consented for the encounters summary reads its themes, never its outcomes
    // (DESIGN.md §3: the summary is date, channel, place, themes and material).
    await worker.request(update, { input: { ...base, themes: ["EMPLOYMENT"], outcomes: ["REACHED_GOAL"] } });
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at)
       VALUES ($1, $2, $3, '{PROFILE,ENCOUNTERS_SUMMARY}'::"SharedRecordKind"[], $4, now() - interval '1 day')`,
      [world.owner.id, world.person.id, world.partner.id, world.owner.users.worker.id],
    );
    const read = `query ($id: ID!) { node(id: $id) { ... on Encounter { themes outcomes } } }`;
    const partner = await world.signIn(world.partner.users.worker);
    expect((await partner.request<any>(read, { id: encounter.id })).data?.node).toEqual({
      themes: ["EMPLOYMENT"],
      outcomes: null,
    });
    const coordinator = await world.signIn(world.owner.users.coordinator);
    expect((await coordinator.request<any>(read, { id: encounter.id })).data?.node).toEqual({
      themes: ["EMPLOYMENT"],
      outcomes: ["REACHED_GOAL"],
    });
    await world.pool.query("DELETE FROM consents WHERE person_id = $1 AND grantee_organisation_id = $2", [
      world.person.id,
      world.partner.id,
    ]);
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
