// Workshops and prevention kiosks (issue 15, item 4): recorded by the organisation's working roles,
// counted in its indicators apart from the work with persons, protected in the partnership's (from
// the day's snapshot); bad input writes nothing; no partner and no unrelated organisation reads or
// writes them.
import { createUser } from "@maillage/db/factories";
import { dayInZone } from "@maillage/domain";
import { workshopLimits } from "@maillage/domain/inputs";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import {
  counts,
  expectNoSmallCount,
  expectPartitionProtected,
  expectPublishedFrom,
  expectTablePublishedFrom,
  figure,
  type Indicators,
  knownTotal,
  nonZero,
  readOrganisation,
  readPartnership,
  table,
} from "../../testing/published-indicators.ts";

const world = usePartnershipWorld();

const dayMs = 86_400_000;
/** A day well inside the past: the fiscal year is the one it falls in (1 April – 31 March). */
const heldOn = new Date(Date.now() - 20 * dayMs).toISOString().slice(0, 10);
const [year = 0, month = 0] = heldOn.split("-").map(Number);
const fiscalYear = month >= 4 ? year : year - 1;

const record = `mutation ($input: RecordWorkshopInput!) {
  recordWorkshop(input: $input) {
    __typename
    ... on RecordWorkshopSuccess { workshop { id kind topic audience place heldOn participants requestedBy note facilitators { id displayName } } }
    ... on InputValidationError { code message fields { path code message } }
    ... on AppError { code }
  }
}`;
const update = `mutation ($input: UpdateWorkshopInput!) {
  updateWorkshop(input: $input) { __typename ... on UpdateWorkshopSuccess { workshop { id place note } } ... on AppError { code } }
}`;
const remove = `mutation ($input: DeleteWorkshopInput!) {
  deleteWorkshop(input: $input) { __typename ... on DeleteWorkshopSuccess { deletedId } ... on AppError { code } }
}`;
const list = `query ($from: Date, $to: Date) {
  workshops(first: 50, from: $from, to: $to) { totalCount edges { node { id place participants note } } }
}`;
const workshopTables = ["workshopsByKind", "workshopsByTopic", "workshopsByAudience"];

/** The workshop figures of an answer: totals, and each table's counts by key. */
function workshopsOf(indicators: Indicators) {
  return {
    workshops: figure(indicators, "workshops").value,
    participants: figure(indicators, "workshopParticipants").value,
    byKind: counts(table(indicators, "workshopsByKind")),
    byTopic: counts(table(indicators, "workshopsByTopic")),
    byAudience: counts(table(indicators, "workshopsByAudience")),
    participantsByKind: counts(table(indicators, "participantsByKind")),
  };
}

/**
 * A partnership's workshop figures against the true ones: no count from 1 to 4 anywhere, every
 * shown count the true one (zeros 0), and no hidden cell of the three tables sharing the workshops'
 * total narrowed below 5 values by difference.
 */
function expectProtectedWorkshops(
  indicators: Indicators,
  truth: {
    workshops: number;
    participants: number;
    byKind: Record<string, number>;
    byTopic: Record<string, number>;
    byAudience: Record<string, number>;
    participantsByKind: Record<string, number>;
  },
) {
  expect(indicators.suppressed).toBe(true);
  expectNoSmallCount(indicators);
  expectPublishedFrom(figure(indicators, "workshops").value, truth.workshops, 5, "workshops");
  expectPublishedFrom(
    figure(indicators, "workshopParticipants").value,
    truth.participants,
    5,
    "participants",
  );
  expectTablePublishedFrom(table(indicators, "workshopsByKind"), truth.byKind);
  expectTablePublishedFrom(table(indicators, "workshopsByTopic"), truth.byTopic);
  expectTablePublishedFrom(table(indicators, "workshopsByAudience"), truth.byAudience);
  expectTablePublishedFrom(table(indicators, "participantsByKind"), truth.participantsByKind);
  const total = knownTotal(indicators, workshopTables, "workshops");
  for (const name of workshopTables) expectPartitionProtected(table(indicators, name), total);
  expectPartitionProtected(
    table(indicators, "participantsByKind"),
    knownTotal(indicators, ["participantsByKind"], "workshopParticipants"),
  );
}

const workshop = (facilitatorId: string, overrides: Record<string, unknown> = {}) => ({
  kind: "WORKSHOP",
  topic: "CONSENT_AND_RELATIONSHIPS",
  audience: "YOUTH_SECONDARY_SCHOOL",
  place: "École secondaire du Plateau",
  heldOn,
  durationMinutes: 75,
  participants: 28,
  requestedBy: "École secondaire du Plateau",
  facilitatorIds: [facilitatorId],
  ...overrides,
});

async function ownWorkshopRows(organisationId: string) {
  const { rows } = await world.pool.query<{ place: string; participants: number }>(
    "SELECT place, participants FROM workshops WHERE organisation_id = $1 ORDER BY place",
    [organisationId],
  );
  return rows;
}

let committee: Awaited<ReturnType<typeof world.signIn>>;
beforeAll(async () => {
  const member = await createUser(world.pool, {
    memberships: [{ organisationId: world.unrelated.id, roles: [] }],
    committeePartnershipIds: [world.partnershipId],
  });
  committee = await world.signIn(member);
});

describe("workshops and prevention kiosks", () => {
  it("are recorded by a worker, counted in the organisation's indicators apart from persons, and protected for the committee", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const before = await readOrganisation(coordinator, { fiscalYear });
    const none = workshopsOf(before);
    expect({ workshops: none.workshops, participants: none.participants }).toEqual({
      workshops: 0,
      participants: 0,
    });
    for (const name of [...workshopTables, "participantsByKind"]) {
      expect(nonZero(table(before, name)), name).toEqual({});
      expect(table(before, name).denominatorCount, name).toBe(0);
    }

    const worker = await world.signIn(world.owner.users.worker);
    const nurse = world.owner.users.nurse;
    const recorded = await worker.request<any>(record, {
      input: workshop(world.owner.users.worker.id, {
        facilitatorIds: [world.owner.users.worker.id, nurse.id],
        note: "Classe attentive ; revenir en mai.",
      }),
    });
    expect(recorded.data?.recordWorkshop.__typename).toBe("RecordWorkshopSuccess");
    expect(recorded.data?.recordWorkshop.workshop).toMatchObject({
      kind: "WORKSHOP",
      heldOn,
      participants: 28,
      note: "Classe attentive ; revenir en mai.",
      facilitators: [
        { id: world.owner.users.worker.id, displayName: world.owner.users.worker.displayName },
        { id: nurse.id, displayName: nurse.displayName },
      ],
    });
    // A nurse records one too (the organisation's working roles keep them), and a kiosk.
    const nurseClient = await world.signIn(nurse);
    for (const input of [
      workshop(nurse.id, { topic: "STBBI_PREVENTION", participants: 30 }),
      workshop(nurse.id, { participants: 18 }),
      workshop(nurse.id, {
        kind: "KIOSK",
        topic: "OVERDOSE_PREVENTION_NALOXONE",
        audience: "GENERAL_PUBLIC",
        place: "Festival de quartier",
        requestedBy: "Comité des fêtes",
        participants: 120,
      }),
    ]) {
      expect((await nurseClient.request<any>(record, { input })).data?.recordWorkshop.__typename).toBe(
        "RecordWorkshopSuccess",
      );
    }

    const listed = (await worker.request<any>(list, { from: heldOn, to: heldOn })).data?.workshops;
    expect(listed.totalCount).toBe(4);
    expect((await worker.request<any>(list, { to: "2000-01-01" })).data?.workshops.totalCount).toBe(0);

    // The coordinator's indicators: exact, and apart from the work with persons.
    const after = await readOrganisation(coordinator, { fiscalYear });
    for (const name of ["encounters", "contacts"])
      expect(figure(after, name).value, name).toBe(figure(before, name).value);
    const exact = workshopsOf(after);
    expect({ workshops: exact.workshops, participants: exact.participants }).toEqual({
      workshops: 4,
      participants: 196,
    });
    expect(nonZero(table(after, "workshopsByKind"))).toEqual({ WORKSHOP: 3, KIOSK: 1 });
    expect(nonZero(table(after, "workshopsByTopic"))).toEqual({
      CONSENT_AND_RELATIONSHIPS: 2,
      STBBI_PREVENTION: 1,
      OVERDOSE_PREVENTION_NALOXONE: 1,
    });
    expect(nonZero(table(after, "workshopsByAudience"))).toEqual({
      YOUTH_SECONDARY_SCHOOL: 3,
      GENERAL_PUBLIC: 1,
    });
    expect(nonZero(table(after, "participantsByKind"))).toEqual({ WORKSHOP: 28 + 30 + 18, KIOSK: 120 });
    for (const name of workshopTables) expect(table(after, name).denominatorCount, name).toBe(4);

    // The committee: 4 workshops and kiosks in the partnership, under 5: each one's count is
    // hidden, and so is every cell of its tables that is not a true zero.
    const id = encodeGlobalID("Partnership", world.partnershipId);
    const small = await readPartnership(committee, id, { fiscalYear });
    expectProtectedWorkshops(small, {
      workshops: 4,
      participants: 196,
      byKind: { WORKSHOP: 3, KIOSK: 1 },
      byTopic: { CONSENT_AND_RELATIONSHIPS: 2, STBBI_PREVENTION: 1, OVERDOSE_PREVENTION_NALOXONE: 1 },
      byAudience: { YOUTH_SECONDARY_SCHOOL: 3, GENERAL_PUBLIC: 1 },
      participantsByKind: { WORKSHOP: 76, KIOSK: 120 },
    });
    const hidden = workshopsOf(small);
    expect(hidden.workshops).toBeNull();
    expect(nonZero(table(small, "workshopsByKind"))).toEqual({ WORKSHOP: null, KIOSK: null });
    expect(Object.values(nonZero(table(small, "workshopsByTopic")))).toEqual([null, null, null]);
    expect(Object.values(nonZero(table(small, "workshopsByAudience")))).toEqual([null, null]);
    // A year with none reads true zeros, not "x".
    const lastYear = workshopsOf(await readPartnership(committee, id, { fiscalYear: fiscalYear - 1 }));
    expect({ workshops: lastYear.workshops, participants: lastYear.participants }).toEqual({
      workshops: 0,
      participants: 0,
    });
    for (const cells of [lastYear.byKind, lastYear.byTopic, lastYear.byAudience, lastYear.participantsByKind])
      expect(Object.values(cells).every((count) => count === 0)).toBe(true);

    // The partner holds three more workshops: 7 in all. The committee reads the day's snapshot:
    // the same answer until the next day's (two answers around a record would give it away).
    const partner = await world.signIn(world.partner.users.worker);
    for (const participants of [22, 25, 31]) {
      await partner.request<any>(record, {
        input: workshop(world.partner.users.worker.id, { participants, place: "Maison des jeunes" }),
      });
    }
    expect(await readPartnership(committee, id, { fiscalYear })).toEqual(small);
    await world.pool.query(
      "UPDATE indicator_snapshots SET computed_on = computed_on - 1 WHERE partnership_id = $1",
      [world.partnershipId],
    );
    // The next day's: one kiosk and one audience are small, and STBBI 1 and NALOXONE 1 beside
    // CONSENT 5 — shown with the total 7, CONSENT would give both away (7 − 5 = 2, each ≥ 1).
    const larger = await readPartnership(committee, id, { fiscalYear });
    expect(larger.asOf).not.toBe(small.asOf);
    expectProtectedWorkshops(larger, {
      workshops: 7,
      participants: 196 + 22 + 25 + 31,
      byKind: { WORKSHOP: 6, KIOSK: 1 },
      byTopic: { CONSENT_AND_RELATIONSHIPS: 5, STBBI_PREVENTION: 1, OVERDOSE_PREVENTION_NALOXONE: 1 },
      byAudience: { YOUTH_SECONDARY_SCHOOL: 6, GENERAL_PUBLIC: 1 },
      participantsByKind: { WORKSHOP: 76 + 22 + 25 + 31, KIOSK: 120 },
    });
    const shown = workshopsOf(larger);
    expect(shown.byKind.KIOSK).toBeNull();
    expect(shown.byAudience.GENERAL_PUBLIC).toBeNull();
    expect(shown.byTopic.STBBI_PREVENTION).toBeNull();
    expect(shown.byTopic.OVERDOSE_PREVENTION_NALOXONE).toBeNull();
    expect(shown.byTopic.CONSENT_AND_RELATIONSHIPS === null || shown.workshops === null).toBe(true);
  });

  it("is changed and removed by the organisation's working roles, the note too", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const created = await worker.request<any>(record, {
      input: workshop(world.owner.users.worker.id, { place: "Centre communautaire", note: "À revoir" }),
    });
    const id = created.data?.recordWorkshop.workshop.id;
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const changed = await coordinator.request<any>(update, {
      input: {
        id,
        ...workshop(world.owner.users.worker.id, { place: "Centre communautaire Est", note: "" }),
      },
    });
    expect(changed.data?.updateWorkshop.workshop).toEqual({
      id,
      place: "Centre communautaire Est",
      note: null,
    });
    const removed = await coordinator.request<any>(remove, { input: { id } });
    expect(removed.data?.deleteWorkshop.deletedId).toBe(id);
    const { rows } = await world.pool.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE record_kind = 'WORKSHOP' AND organisation_id = $1 ORDER BY id",
      [world.owner.id],
    );
    expect(rows.map((row) => row.action)).toEqual(["WORKSHOP_UPDATED", "WORKSHOP_DELETED"]);
  });

  it("takes a past year's workshop (marked late); a corrected day is audited, before and after", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const read = `query ($id: ID!) { node(id: $id) { ... on Workshop { heldOn lateEntry enteredAt } } }`;
    const created = await worker.request<any>(record, {
      input: workshop(world.owner.users.worker.id, { heldOn: "2019-05-01", place: "Salle des archives" }),
    });
    const id = created.data?.recordWorkshop.workshop.id;
    expect((await worker.request<any>(read, { id })).data?.node).toMatchObject({
      heldOn: "2019-05-01",
      lateEntry: true,
    });
    const corrected = await worker.request<any>(update, {
      input: {
        id,
        ...workshop(world.owner.users.worker.id, { heldOn: "2019-05-08", place: "Salle des archives" }),
      },
    });
    expect(corrected.data?.updateWorkshop.__typename).toBe("UpdateWorkshopSuccess");
    const { rows } = await world.pool.query<{ details: unknown }>(
      "SELECT details FROM audit_events WHERE action = 'WORKSHOP_UPDATED' AND record_id = $1",
      [decodeGlobalID(id).id],
    );
    expect(rows.map((row) => row.details)).toEqual([
      { dates: { heldOn: { from: "2019-05-01", to: "2019-05-08" } } },
    ]);
    // Today's is not late.
    const today = await worker.request<any>(record, {
      input: workshop(world.owner.users.worker.id, { heldOn: dayInZone(new Date(), "America/Toronto") }),
    });
    const todayId = today.data?.recordWorkshop.workshop.id;
    expect((await worker.request<any>(read, { id: todayId })).data?.node.lateEntry).toBe(false);
    for (const workshopId of [id, todayId]) await worker.request<any>(remove, { input: { id: workshopId } });
  });

  it("refuses bad input with a translated error, writing nothing", async () => {
    const worker = await world.signIn(world.unrelated.users.worker);
    const facilitator = world.unrelated.users.worker.id;
    const fieldsOf = (result: any) => result.data?.recordWorkshop.fields;
    for (const participants of [0, -3]) {
      const refused = await worker.request<any>(record, { input: workshop(facilitator, { participants }) });
      expect(refused.data?.recordWorkshop.code).toBe("INPUT_VALIDATION");
      expect(fieldsOf(refused)).toEqual([
        { path: "participants", code: "TOO_SMALL", message: "Cette valeur est trop petite." },
      ]);
    }
    const tooMany = await worker.request<any>(
      record,
      { input: workshop(facilitator, { participants: workshopLimits.maxParticipants + 1 }) },
      { headers: { "accept-language": "en" } },
    );
    expect(tooMany.data?.recordWorkshop.message).toBe("Some information is invalid.");
    expect(fieldsOf(tooMany)).toEqual([
      { path: "participants", code: "TOO_LARGE", message: "This value is too large." },
    ]);
    // A day in the future, a member of another organisation as facilitator: field errors too.
    const future = new Date(Date.now() + 5 * dayMs).toISOString().slice(0, 10);
    const later = await worker.request<any>(record, { input: workshop(facilitator, { heldOn: future }) });
    expect(fieldsOf(later)).toEqual([
      {
        path: "heldOn",
        code: "AFTER_TODAY",
        message: "Cette date est dans l'avenir : on inscrit ce qui a déjà eu lieu, au plus tard aujourd'hui.",
      },
    ]);
    // Before the organisation's start date (1 January 2000 until its coordinators set one); a
    // past year's workshop, entered from the records, is taken and marked late.
    const tooEarly = await worker.request<any>(record, {
      input: workshop(facilitator, { heldOn: "1999-12-31" }),
    });
    expect(fieldsOf(tooEarly)).toEqual([
      {
        path: "heldOn",
        code: "BEFORE_ORGANISATION_START",
        message:
          "Cette date est trop ancienne : au plus tôt le 1 janvier 2000, date de début de l'organisme (dans ses réglages).",
      },
    ]);
    const stranger = await worker.request<any>(record, {
      input: workshop(world.owner.users.worker.id),
    });
    expect(fieldsOf(stranger)?.map((problem: any) => `${problem.path} ${problem.code}`)).toEqual([
      "facilitatorIds NOT_FOUND",
    ]);
    // No date, an unknown topic: refused by the schema itself before anything runs (the web's
    // form checks the same rules with the same schema first: workshops.test.ts in packages/domain).
    const { heldOn: _missing, ...withoutDate } = workshop(facilitator);
    const undated = await worker.request<any>(record, { input: withoutDate });
    expect(undated.status).toBe(400);
    expect(undated.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");
    const unknownTopic = await worker.request<any>(record, {
      input: workshop(facilitator, { topic: "ASTROLOGY" }),
    });
    expect(unknownTopic.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");
    expect(await ownWorkshopRows(world.unrelated.id)).toEqual([]);
  });

  it("is never read nor written by a partner, an unrelated organisation, an admin or a committee member", async () => {
    const owner = await world.signIn(world.owner.users.worker);
    const created = await owner.request<any>(record, {
      input: workshop(world.owner.users.worker.id, { place: "Cégep (privé)", note: "Note privée" }),
    });
    const id = created.data?.recordWorkshop.workshop.id;
    const outsiders = [
      world.partner.users.worker,
      world.partner.users.nurse,
      world.partner.users.coordinator,
      world.unrelated.users.coordinator,
      world.owner.users.admin,
    ];
    for (const user of outsiders) {
      const client = await world.signIn(user);
      const node = await client.request<any>("query ($id: ID!) { node(id: $id) { id } }", { id });
      expect(node.data?.node ?? null).toBeNull();
      const theirs = await client.request<any>(list);
      const places = (theirs.data?.workshops.edges ?? []).map((edge: any) => edge.node.place);
      expect(places).not.toContain("Cégep (privé)");
      const changed = await client.request<any>(update, {
        input: { id, ...workshop(user.id, { place: "Changé" }) },
      });
      expect(changed.data?.updateWorkshop?.code ?? changed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const removed = await client.request<any>(remove, { input: { id } });
      expect(removed.data?.deleteWorkshop?.code ?? removed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    // The committee member reaches no workshop either, only the aggregates.
    expect((await committee.request<any>(list)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const { rows } = await world.pool.query(
      "SELECT w.place, n.body FROM workshops w LEFT JOIN workshop_notes n ON n.workshop_id = w.id WHERE w.id = $1",
      [encodedUuid(id)],
    );
    expect(rows).toEqual([{ place: "Cégep (privé)", body: "Note privée" }]);
    // The admin (no working role) records none: refused by the scope, as not found.
    const admin = await world.signIn(world.owner.users.admin);
    const refused = await admin.request<any>(record, { input: workshop(world.owner.users.admin.id) });
    expect(refused.data?.recordWorkshop?.code ?? refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

/** The row id behind a Workshop global id. */
function encodedUuid(globalId: string): string {
  return Buffer.from(globalId, "base64").toString("utf8").split(":")[1] ?? "";
}
