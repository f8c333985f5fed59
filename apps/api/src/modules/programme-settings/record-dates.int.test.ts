// Issue 16 item 1: records of what happened are dated back to the organisation's start date (a
// setting), never in the future; a refusal says the rule in the caller's language, with the date
// it names in `limit`; a record entered more than three days late is marked; a corrected date is
// audited with the dates before and after.
import { fiscalYearBounds, fiscalYearOf } from "@maillage/domain";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf } from "../../testing/rows.ts";

const world = usePartnershipWorld();
const dayMs = 86_400_000;
const settings = { timeZone: "America/Toronto", fiscalYearStartMonth: 4 };

const recordEncounter = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id occurredAt enteredAt lateEntry } }
    ... on InputValidationError { message fields { path code message limit } }
  }
}`;
const updateEncounter = `mutation ($input: UpdateEncounterInput!) {
  updateEncounter(input: $input) {
    __typename
    ... on UpdateEncounterSuccess { encounter { occurredAt lateEntry channel } }
    ... on InputValidationError { fields { path code limit } }
  }
}`;
const recordConsent = `mutation ($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    __typename
    ... on RecordConsentSuccess { consent { id startsAt status enteredAt lateEntry } }
    ... on InputValidationError { message fields { path code message limit } }
  }
}`;

const contact = { channel: "IN_PERSON", placeType: "WORKPLACE" };
const rowsOf = (table: "encounters" | "consents") =>
  countOf(world.pool, `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`, [world.owner.id]);

/** A client signed in as `user` whose requests say Accept-Language `language`. */
async function speaking(language: string, user: { email: string; password: string }) {
  const client = new TestClient(world.server.url, language);
  await client.signIn(user.email, user.password);
  return client;
}

beforeAll(async () => {
  // The programme's history starts on 1 April 2015 (its coordinators' setting: start-date.int.test.ts).
  await world.pool.query("UPDATE organisations SET started_on = '2015-04-01' WHERE id = $1", [
    world.owner.id,
  ]);
});

describe("records of what happened, dated in the past", () => {
  it("records an encounter and a consent dated three fiscal years back (entered late: marked)", async () => {
    const now = new Date();
    const year = fiscalYearOf(now, settings) - 3;
    // Mid-June of that fiscal year (fiscal years from 1 April: e.g. June 2023 when it is December 2026).
    const occurredAt = new Date(
      fiscalYearBounds(year, settings).from.getTime() + 75 * dayMs + 14 * 3_600_000,
    );
    expect(fiscalYearOf(occurredAt, settings)).toBe(year);

    const worker = await world.signIn(world.owner.users.worker);
    const encounter = (
      await worker.request<any>(recordEncounter, {
        input: { ...contact, personId: world.person.globalId, occurredAt: occurredAt.toISOString() },
      })
    ).data?.recordEncounter;
    expect(encounter.__typename).toBe("RecordEncounterSuccess");
    expect(encounter.encounter).toMatchObject({ occurredAt: occurredAt.toISOString(), lateEntry: true });
    // Entered now: both dates are kept.
    expect(Math.abs(new Date(encounter.encounter.enteredAt).getTime() - now.getTime())).toBeLessThan(
      10 * 60_000,
    );

    const consent = (
      await worker.request<any>(recordConsent, {
        input: {
          personId: world.person.globalId,
          granteeOrganisationId: world.partner.globalId,
          recordKinds: ["PROFILE", "ENCOUNTERS_SUMMARY"],
          startsAt: occurredAt.toISOString(),
        },
      })
    ).data?.recordConsent;
    expect(consent.__typename).toBe("RecordConsentSuccess");
    expect(consent.consent).toMatchObject({
      startsAt: occurredAt.toISOString(),
      status: "ACTIVE",
      lateEntry: true,
    });

    // The partner the consent opens the file to reads the late mark, never when it was typed.
    const partner = await world.signIn(world.partner.users.worker);
    const seen = await partner.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on Encounter { occurredAt enteredAt lateEntry } } }`,
      { id: encounter.encounter.id },
    );
    expect(seen.data?.node).toEqual({
      occurredAt: occurredAt.toISOString(),
      enteredAt: null,
      lateEntry: true,
    });
    await worker.request<any>(
      `mutation ($id: ID!) { withdrawConsent(input: { consentId: $id }) { __typename } }`,
      { id: consent.consent.id },
    );
  });

  it("refuses a date before the organisation's start and in the future, saying the rule in French and in English", async () => {
    const encountersBefore = await rowsOf("encounters");
    const consentsBefore = await rowsOf("consents");
    const french = await speaking("fr-CA", world.owner.users.worker);
    const english = await speaking("en", world.owner.users.worker);
    // 23:30 on 31 March 2015 in Montréal: already 1 April in UTC, still before the start there.
    const dayBefore = "2015-04-01T03:30:00.000Z";
    const encounterInput = { ...contact, personId: world.person.globalId, occurredAt: dayBefore };
    const consentInput = {
      personId: world.person.globalId,
      granteeOrganisationId: world.partner.globalId,
      recordKinds: ["PROFILE"],
      startsAt: dayBefore,
    };
    const rules = {
      fr: "Cette date est trop ancienne : au plus tôt le 1 avril 2015, date de début de l'organisme (dans ses réglages).",
      en: "This date is too early: no earlier than April 1, 2015, the organisation's start date (in its settings).",
    };
    for (const [client, language] of [
      [french, "fr"],
      [english, "en"],
    ] as const) {
      const encounter = (await client.request<any>(recordEncounter, { input: encounterInput })).data
        ?.recordEncounter;
      expect(encounter.message).toBe(
        language === "fr" ? "Certaines informations sont invalides." : "Some information is invalid.",
      );
      expect(encounter.fields).toEqual([
        {
          path: "occurredAt",
          code: "BEFORE_ORGANISATION_START",
          limit: "2015-04-01",
          message: rules[language],
        },
      ]);
      const consent = (await client.request<any>(recordConsent, { input: consentInput })).data?.recordConsent;
      expect(consent.fields).toEqual([
        {
          path: "startsAt",
          code: "BEFORE_ORGANISATION_START",
          limit: "2015-04-01",
          message: rules[language],
        },
      ]);
    }

    // In an hour: not yet happened (a quarter of an hour's tolerance for a phone's clock).
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const future = { ...encounterInput, occurredAt: inAnHour };
    const fr = (await french.request<any>(recordEncounter, { input: future })).data?.recordEncounter;
    expect(fr.fields).toEqual([
      {
        path: "occurredAt",
        code: "IN_THE_FUTURE",
        limit: null,
        message:
          "Cette date est dans l'avenir : on inscrit ce qui a déjà eu lieu (15 minutes d'avance au plus, pour une horloge qui avance).",
      },
    ]);
    const en = (await english.request<any>(recordEncounter, { input: future })).data?.recordEncounter;
    expect(en.fields).toEqual([
      {
        path: "occurredAt",
        code: "IN_THE_FUTURE",
        limit: null,
        message:
          "This date is in the future: record what has already happened (at most 15 minutes ahead, for a clock that runs fast).",
      },
    ]);
    // Ten minutes ahead: within the tolerance.
    const soon = (
      await french.request<any>(recordEncounter, {
        input: { ...encounterInput, occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() },
      })
    ).data?.recordEncounter;
    expect(soon.__typename).toBe("RecordEncounterSuccess");

    expect(await rowsOf("encounters")).toBe(encountersBefore + 1);
    expect(await rowsOf("consents")).toBe(consentsBefore);
  });

  it("marks an entry made more than three days after the fact, not yesterday's", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const entered = async (daysAgo: number) =>
      (
        await worker.request<any>(recordEncounter, {
          input: {
            ...contact,
            anonymous: { gender: "WOMAN", ageBracket: "UNKNOWN" },
            occurredAt: new Date(Date.now() - daysAgo * dayMs).toISOString(),
          },
        })
      ).data?.recordEncounter.encounter;
    expect((await entered(1)).lateEntry).toBe(false);
    expect((await entered(2.9)).lateEntry).toBe(false);
    expect((await entered(3.1)).lateEntry).toBe(true);
    expect((await entered(400)).lateEntry).toBe(true);
    // On the person's file too.
    const file = await worker.request<any>(
      `query ($id: ID!) { person(id: $id) { encounters(first: 50) { edges { node { lateEntry enteredAt } } } } }`,
      { id: world.person.globalId },
    );
    const marks = file.data?.person.encounters.edges.map((edge: any) => edge.node.lateEntry);
    expect(marks).toContain(true);
    expect(marks).toContain(false);
  });

  it("audits a corrected date with the dates before and after; keeps the date when none is given", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const yesterday = new Date(Date.now() - dayMs);
    const created = (
      await worker.request<any>(recordEncounter, {
        input: { ...contact, personId: world.person.globalId, occurredAt: yesterday.toISOString() },
      })
    ).data?.recordEncounter.encounter;
    const corrected = new Date("2019-11-05T15:30:00.000Z");
    const update = (more: Record<string, unknown>) =>
      worker.request<any>(updateEncounter, {
        input: { id: created.id, ...contact, personId: world.person.globalId, ...more },
      });
    const moved = (await update({ occurredAt: corrected.toISOString() })).data?.updateEncounter;
    expect(moved.encounter).toEqual({
      occurredAt: corrected.toISOString(),
      lateEntry: true,
      channel: "IN_PERSON",
    });
    // Another change that names no date: the corrected one stays.
    const kept = (await update({ channel: "PHONE" })).data?.updateEncounter;
    expect(kept.encounter).toEqual({
      occurredAt: corrected.toISOString(),
      lateEntry: true,
      channel: "PHONE",
    });
    // Corrected to before the start date: refused with the rule, the date unchanged.
    const refused = (await update({ occurredAt: "2014-06-01T12:00:00.000Z" })).data?.updateEncounter;
    expect(refused.fields).toEqual([
      { path: "occurredAt", code: "BEFORE_ORGANISATION_START", limit: "2015-04-01" },
    ]);

    const { rows } = await world.pool.query<{ user_id: string; details: unknown }>(
      "SELECT user_id, details FROM audit_events WHERE action = 'ENCOUNTER_UPDATED' AND record_id = $1 ORDER BY id",
      [decodeGlobalID(created.id).id],
    );
    expect(rows).toEqual([
      {
        user_id: world.owner.users.worker.id,
        details: { dates: { occurredAt: { from: yesterday.toISOString(), to: corrected.toISOString() } } },
      },
      { user_id: world.owner.users.worker.id, details: null },
    ]);
  });
});
