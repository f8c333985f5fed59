// A night centre's evening from opening to closing (issue 15, item 2): check-ins of a known
// person, an anonymous visitor and a group; the intake form on a first visit only; what each
// received counted once (the stock); the handover read first by the next evening; totals; bad
// input refused in words with nothing written; a partner sees a person's visits only as her
// encounters (a consent naming ENCOUNTERS_SUMMARY), never the intake, the evening or its handover;
// a retried check-in with the same Idempotency-Key writes once.
import { randomUUID } from "node:crypto";
import { createPerson, createUser, queryAsViewer } from "@maillage/db/factories";
import { dayInZone, defaultProgrammeSettings, fiscalYearOf, intakeDomains } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
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
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();

/** The fiscal year of today (the world's organisations and partnership keep the default settings). */
const currentFiscalYear = () => fiscalYearOf(new Date(), defaultProgrammeSettings);
/** The intake tables, one per domain of the form, in its order. */
const intakeTables = intakeDomains.map((domain) => `intakeNeeds${domain}`);

const failure = "... on AppError { code message } ... on InputValidationError { fields { path code } }";
const eveningFields = `id version closed eveningOn centre { name address }
  staff { displayName } partners { organisation { name } name service serviceLabel }
  visits { id headCount anonymousGender person { alias } materials { item quantity } services { service } }
  visitFlags { visitId firstVisit intakeDue }
  handoverNote previousEvening { id handoverNote }
  totals { checkIns visits distinctVisitors firstVisits items { code label count } services { code label count } }`;

const open = `mutation ($input: OpenNightCentreEveningInput!) {
  openNightCentreEvening(input: $input) { __typename ... on OpenNightCentreEveningSuccess { evening { ${eveningFields} } } ${failure} }
}`;
const checkIn = `mutation ($input: CheckInToEveningInput!) {
  checkInToEvening(input: $input) {
    __typename ... on CheckInToEveningSuccess { checkIn { firstVisit intakeDue visit { id placeType channel venueId } } } ${failure}
  }
}`;
const received = `mutation ($input: RecordVisitReceivedInput!) {
  recordVisitReceived(input: $input) { __typename ... on RecordVisitReceivedSuccess { visit { id materials { item quantity } } } ${failure} }
}`;
const intake = `mutation ($input: RecordIntakeAssessmentInput!) {
  recordIntakeAssessment(input: $input) { __typename ... on RecordIntakeAssessmentSuccess { intake { id needs { domain level } comment } } ${failure} }
}`;
const handover = `mutation ($input: WriteEveningHandoverInput!) {
  writeEveningHandover(input: $input) { __typename ${failure} }
}`;
const close = `mutation ($input: CloseNightCentreEveningInput!) {
  closeNightCentreEvening(input: $input) { __typename ... on CloseNightCentreEveningSuccess { evening { ${eveningFields} } } ${failure} }
}`;
const readEvening = `query ($id: ID!) { node(id: $id) { ... on NightCentreEvening { ${eveningFields} } } }`;

const dayMs = 86_400_000;
/** A day counted from today in the organisation's zone (Toronto's, by default): -1 is yesterday. */
const day = (offset = 0) => dayInZone(new Date(Date.now() + offset * dayMs), "America/Toronto");

async function nightCentre(name: string): Promise<{ id: string; globalId: string }> {
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO venues (organisation_id, name, kind, confidential, address)
     VALUES ($1, $2, 'NIGHT_CENTRE', true, '12 rue Discrète') RETURNING id`,
    [world.owner.id, name],
  );
  const id = onlyRow(rows).id;
  return { id, globalId: encodeGlobalID("Venue", id) };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
  return onlyRow(rows).n;
}

const anonymousWoman = { gender: "WOMAN", ageBracket: "AGE_26_35", headCount: 1 };
const group = { gender: "UNDISCLOSED", ageBracket: "UNKNOWN", headCount: 4 };

describe("a night-centre evening", () => {
  it("runs from opening to closing: check-ins, an intake on the first visit only, totals, the handover next evening", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const centre = await nightCentre("Halte de nuit");
    const person = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Mirabelle" });
    const personId = encodeGlobalID("Person", person.id);
    // Stock counted before the evening: what the visitors receive comes off it once.
    const stock = await coordinator.request<any>(
      `mutation ($input: RecordMaterialStockInput!) { recordMaterialStock(input: $input) { __typename } }`,
      { input: { item: "CONDOMS", onHand: 100, lowThreshold: 10 } },
    );
    expect(stock.data?.recordMaterialStock.__typename).toBe("RecordMaterialStockSuccess");

    const opened = await worker.request<any>(open, {
      input: {
        venueId: centre.globalId,
        eveningOn: day(-1),
        staffIds: [world.owner.users.worker.id, world.owner.users.coordinator.id],
        partners: [
          { organisationId: world.partner.globalId, service: "STBBI_TESTING" },
          { name: "Clinique dentaire mobile", service: "DENTAL_CARE" },
        ],
      },
    });
    expect(opened.data?.openNightCentreEvening.__typename).toBe("OpenNightCentreEveningSuccess");
    const evening = opened.data.openNightCentreEvening.evening;
    expect(evening).toMatchObject({
      closed: false,
      version: 1,
      centre: { name: "Halte de nuit", address: "12 rue Discrète" },
      partners: expect.arrayContaining([
        {
          organisation: { name: "Organisme partenaire" },
          name: null,
          service: "STBBI_TESTING",
          serviceLabel: "Dépistage ITSS",
        },
        {
          organisation: null,
          name: "Clinique dentaire mobile",
          service: "DENTAL_CARE",
          serviceLabel: "Soins dentaires",
        },
      ]),
      previousEvening: null,
    });
    expect(evening.staff).toHaveLength(2);

    // A known person, by alias: her first evening visit at the organisation brings the intake form.
    const first = await worker.request<any>(checkIn, { input: { eveningId: evening.id, personId } });
    expect(first.data?.checkInToEvening.checkIn).toMatchObject({
      firstVisit: true,
      intakeDue: true,
      visit: { placeType: "NIGHT_CENTRE", channel: "IN_PERSON", venueId: centre.globalId },
    });
    const firstVisitId = first.data.checkInToEvening.checkIn.visit.id;
    const assessed = await worker.request<any>(intake, {
      input: {
        personId,
        visitId: firstVisitId,
        needs: { housing: "IMMEDIATE", health: "LONG_TERM", substanceUse: "NONE", safety: "IMMEDIATE" },
        comment: "Dort chez une amie cette semaine.",
      },
    });
    expect(assessed.data?.recordIntakeAssessment.intake.needs).toEqual([
      { domain: "HOUSING", level: "IMMEDIATE" },
      { domain: "HEALTH", level: "LONG_TERM" },
      { domain: "SUBSTANCE_USE", level: "NONE" },
      { domain: "JUSTICE", level: null },
      { domain: "INCOME", level: null },
      { domain: "EMPLOYMENT", level: null },
      { domain: "SAFETY", level: "IMMEDIATE" },
    ]);

    // Anonymous (gender, age bracket) and a group's head count: one tap each.
    const anonymous = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: anonymousWoman },
    });
    expect(anonymous.data?.checkInToEvening.checkIn).toMatchObject({ firstVisit: false, intakeDue: false });
    const anonymousVisitId = anonymous.data.checkInToEvening.checkIn.visit.id;
    const grouped = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: group },
    });
    expect(grouped.data?.checkInToEvening.__typename).toBe("CheckInToEveningSuccess");

    // Back later the same evening: a second visit offers no intake, and a second intake is refused.
    const again = await worker.request<any>(checkIn, { input: { eveningId: evening.id, personId } });
    expect(again.data?.checkInToEvening.checkIn).toMatchObject({ firstVisit: false, intakeDue: false });
    const twice = await worker.request<any>(intake, { input: { personId, needs: { housing: "NONE" } } });
    expect(twice.data?.recordIntakeAssessment).toMatchObject({
      __typename: "IntakeAlreadyRecordedError",
      code: "INTAKE_ALREADY_RECORDED",
    });
    expect(twice.data.recordIntakeAssessment.message).toMatch(/accueil de cette personne est déjà rempli/);
    expect(
      await count("SELECT 1 FROM intake_assessments WHERE person_id = $1 AND housing = 'IMMEDIATE'", [
        person.id,
      ]),
    ).toBe(1);
    expect(await count("SELECT 1 FROM intake_assessments WHERE person_id = $1", [person.id])).toBe(1);

    // What each received: the visit's materials and services.
    const gave = await worker.request<any>(received, {
      input: {
        visitId: firstVisitId,
        materials: [
          { item: "CONDOMS", quantity: 5 },
          { item: "FOOD", quantity: 1 },
        ],
        services: ["MEAL", "SHOWER"],
      },
    });
    expect(gave.data?.recordVisitReceived.visit.materials).toEqual([
      { item: "CONDOMS", quantity: 5 },
      { item: "FOOD", quantity: 1 },
    ]);
    const gaveToo = await worker.request<any>(received, {
      input: { visitId: anonymousVisitId, materials: [{ item: "CONDOMS", quantity: 2 }], services: ["MEAL"] },
    });
    expect(gaveToo.data?.recordVisitReceived.__typename).toBe("RecordVisitReceivedSuccess");
    const wrote = await worker.request<any>(handover, {
      input: { eveningId: evening.id, body: "Douche du fond en panne ; Mirabelle revient jeudi." },
    });
    expect(wrote.data?.writeEveningHandover.__typename).toBe("WriteEveningHandoverSuccess");

    const read = await worker.request<any>(readEvening, { id: evening.id });
    const tonight = read.data?.node;
    expect(tonight.visits).toHaveLength(4);
    expect(tonight.visitFlags.filter((f: any) => f.firstVisit).map((f: any) => f.visitId)).toEqual([
      firstVisitId,
    ]);
    const expectedTotals = {
      checkIns: 4,
      // 1 + 1 + 4 + 1: head counts summed.
      visits: 7,
      // Mirabelle once, the anonymous woman, the group of four.
      distinctVisitors: 6,
      firstVisits: 1,
      items: [
        { code: "CONDOMS", label: "Condoms", count: 7 },
        { code: "FOOD", label: expect.any(String), count: 1 },
      ],
      services: [
        { code: "MEAL", label: "Repas", count: 2 },
        { code: "SHOWER", label: "Douche", count: 1 },
      ],
    };
    expect(tonight.totals).toEqual(expectedTotals);

    // Closed once, its totals still readable.
    const closed = await coordinator.request<any>(close, { input: { id: evening.id, version: 1 } });
    expect(closed.data?.closeNightCentreEvening.evening).toMatchObject({
      closed: true,
      version: 2,
      totals: expectedTotals,
    });

    // The stock: 100 counted, 7 condoms handed out at the evening, once.
    const levels = await coordinator.request<any>("{ materialStock { item onHand } }");
    expect(levels.data?.materialStock).toContainEqual({ item: "CONDOMS", onHand: 93 });

    // The next evening at the centre reads the previous one's handover first.
    const next = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(), staffIds: [world.owner.users.worker.id] },
    });
    const nextEvening = next.data?.openNightCentreEvening.evening;
    expect(nextEvening.previousEvening).toEqual({
      id: evening.id,
      handoverNote: "Douche du fond en panne ; Mirabelle revient jeudi.",
    });
    const back = await worker.request<any>(checkIn, { input: { eveningId: nextEvening.id, personId } });
    expect(back.data?.checkInToEvening.checkIn).toMatchObject({ firstVisit: false, intakeDue: false });

    // The intake on her file, and in the coordinator's indicators.
    const file = await worker.request<any>(
      `query ($id: ID!) { person(id: $id) { intakeAssessment { needs { domain level } comment } } }`,
      { id: personId },
    );
    expect(file.data?.person.intakeAssessment.comment).toBe("Dort chez une amie cette semaine.");
    const figures = await readOrganisation(coordinator, { fiscalYear: currentFiscalYear() });
    expect(counts(table(figures, "encountersByPlaceType")).NIGHT_CENTRE).toBe(5);
    expect(figure(figures, "intakesMade").value).toBe(1);
    // One table per domain, in the form's order, each holding every intake: a domain left empty
    // is counted as not asked.
    expect(figures.tables.map((t) => t.name).filter((name) => name.startsWith("intakeNeeds"))).toEqual(
      intakeTables,
    );
    const needsOf = (domain: string) => table(figures, `intakeNeeds${domain}`);
    expect(needsOf("HOUSING").cells.map((cell) => [cell.key, cell.count])).toEqual([
      ["NONE", 0],
      ["LONG_TERM", 0],
      ["IMMEDIATE", 1],
      ["NOT_ASKED", 0],
    ]);
    expect(needsOf("HOUSING").denominatorCount).toBe(1);
    expect(nonZero(needsOf("HEALTH"))).toEqual({ LONG_TERM: 1 });
    expect(nonZero(needsOf("SUBSTANCE_USE"))).toEqual({ NONE: 1 });
    expect(nonZero(needsOf("SAFETY"))).toEqual({ IMMEDIATE: 1 });
    for (const domain of ["JUSTICE", "INCOME", "EMPLOYMENT"])
      expect(nonZero(needsOf(domain)), domain).toEqual({ NOT_ASKED: 1 });
  });

  it("refuses bad input in words and writes nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const centre = await nightCentre("Halte du port");
    const staffIds = [world.owner.users.worker.id];
    const opened = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(), staffIds },
    });
    const evening = opened.data?.openNightCentreEvening.evening;
    const visits = () => count("SELECT 1 FROM encounters WHERE evening_id = $1", [decode(evening.id)]);

    // A negative quantity, at the check-in or afterwards.
    const negative = await worker.request<any>(checkIn, {
      input: {
        eveningId: evening.id,
        anonymous: anonymousWoman,
        materials: [{ item: "CONDOMS", quantity: -2 }],
      },
    });
    expect(negative.data?.checkInToEvening).toMatchObject({
      code: "INPUT_VALIDATION",
      fields: [{ path: "materials.0.quantity", code: "TOO_SMALL" }],
    });
    expect(await visits()).toBe(0);
    const visit = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: anonymousWoman },
    });
    const visitId = visit.data?.checkInToEvening.checkIn.visit.id;
    const negativeLater = await worker.request<any>(received, {
      input: { visitId, materials: [{ item: "LUBRICANT", quantity: -1 }] },
    });
    expect(negativeLater.data?.recordVisitReceived.code).toBe("INPUT_VALIDATION");
    expect(await count("SELECT 1 FROM encounter_materials WHERE encounter_id = $1", [decode(visitId)])).toBe(
      0,
    );

    // A second evening at the same centre on the same day; a venue that is no night centre.
    const same = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(), staffIds },
    });
    expect(same.data?.openNightCentreEvening).toMatchObject({ code: "EVENING_ALREADY_OPEN" });
    expect(same.data.openNightCentreEvening.message).toMatch(/déjà ouverte/);
    expect(await count("SELECT 1 FROM night_centre_evenings WHERE venue_id = $1", [centre.id])).toBe(1);
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind) VALUES ($1, 'Bar du coin', 'DANCERS_BAR') RETURNING id`,
      [world.owner.id],
    );
    const bar = await worker.request<any>(open, {
      input: { venueId: encodeGlobalID("Venue", onlyRow(rows).id), eveningOn: day(), staffIds },
    });
    expect(bar.data?.openNightCentreEvening).toMatchObject({
      fields: [{ path: "venueId", code: "NOT_FOUND" }],
    });
    const stranger = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(-1), staffIds: [world.partner.users.worker.id] },
    });
    expect(stranger.data?.openNightCentreEvening).toMatchObject({
      fields: [{ path: "staffIds", code: "NOT_FOUND" }],
    });

    // Closed twice; a check-in or what was received on a closed evening.
    const closed = await worker.request<any>(close, { input: { id: evening.id, version: evening.version } });
    expect(closed.data?.closeNightCentreEvening.__typename).toBe("CloseNightCentreEveningSuccess");
    const { rows: before } = await world.pool.query(
      "SELECT closed_at, closed_by_id, version FROM night_centre_evenings WHERE id = $1",
      [decode(evening.id)],
    );
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const again = await coordinator.request<any>(close, { input: { id: evening.id, version: 2 } });
    expect(again.data?.closeNightCentreEvening).toMatchObject({
      __typename: "EveningClosedError",
      code: "EVENING_CLOSED",
    });
    expect(again.data.closeNightCentreEvening.message).toMatch(/soirée est déjà fermée/);
    const { rows: after } = await world.pool.query(
      "SELECT closed_at, closed_by_id, version FROM night_centre_evenings WHERE id = $1",
      [decode(evening.id)],
    );
    expect(after).toEqual(before);
    const late = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: anonymousWoman },
    });
    expect(late.data?.checkInToEvening).toMatchObject({ code: "EVENING_CLOSED" });
    const lateGift = await worker.request<any>(received, { input: { visitId, services: ["MEAL"] } });
    expect(lateGift.data?.recordVisitReceived).toMatchObject({ code: "EVENING_CLOSED" });
    expect(await visits()).toBe(1);
    expect(await count("SELECT 1 FROM encounter_services WHERE encounter_id = $1", [decode(visitId)])).toBe(
      0,
    );
    // In SQL too: the app role adds no check-in to a closed evening.
    const inSql = queryAsViewer(
      world.pool,
      { userId: world.owner.users.worker.id, organisationId: world.owner.id, roles: ["OUTREACH_WORKER"] },
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, evening_id)
       VALUES ($1, $2, now(), 'IN_PERSON', 'NIGHT_CENTRE', $3)`,
      [world.owner.id, world.owner.users.worker.id, decode(evening.id)],
    );
    await expect(inSql).rejects.toThrow(/row-level security/);
  });

  it("what each received is its author's or a coordinator's to record; a nurse opens no evening", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const centre = await nightCentre("Halte des quais");
    const opened = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(), staffIds: [world.owner.users.worker.id] },
    });
    const evening = opened.data?.openNightCentreEvening.evening;
    const visit = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: anonymousWoman },
    });
    const visitId = visit.data?.checkInToEvening.checkIn.visit.id;
    const nurse = await world.signIn(world.owner.users.nurse);
    const refused = await nurse.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(-1), staffIds: [world.owner.users.nurse.id] },
    });
    expect(refused.data?.openNightCentreEvening?.code ?? refused.errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const gave = await coordinator.request<any>(received, { input: { visitId, services: ["SHOWER"] } });
    expect(gave.data?.recordVisitReceived.__typename).toBe("RecordVisitReceivedSuccess");
  });
});

describe("an evening's day (issue 16: the date rule of records of what happened)", () => {
  it("opens a past year's evening with its visits; refuses tomorrow's and one before the start date, naming the rule", async () => {
    await world.pool.query("UPDATE organisations SET started_on = '2012-09-01' WHERE id = $1", [
      world.owner.id,
    ]);
    const worker = await world.signIn(world.owner.users.worker);
    const centre = await nightCentre("Halte des archives");
    const staffIds = [world.owner.users.worker.id];
    const past = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: "2019-02-14", staffIds },
    });
    const evening = past.data?.openNightCentreEvening.evening;
    expect(evening).toMatchObject({ eveningOn: "2019-02-14", closed: false });
    const late = await worker.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on NightCentreEvening { lateEntry } } }`,
      {
        id: evening.id,
      },
    );
    expect(late.data?.node.lateEntry).toBe(true);
    // Its visits are dated that evening (a check-in is an encounter: the same rule).
    const visit = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: anonymousWoman, occurredAt: "2019-02-15T02:30:00Z" },
    });
    expect(visit.data?.checkInToEvening.__typename).toBe("CheckInToEveningSuccess");
    const before = await worker.request<any>(checkIn, {
      input: { eveningId: evening.id, anonymous: anonymousWoman, occurredAt: "2012-08-31T12:00:00Z" },
    });
    expect(before.data?.checkInToEvening.fields).toEqual([
      expect.objectContaining({ path: "occurredAt", code: "BEFORE_ORGANISATION_START" }),
    ]);

    const tomorrow = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(1), staffIds },
    });
    expect(tomorrow.data?.openNightCentreEvening.fields).toEqual([
      expect.objectContaining({ path: "eveningOn", code: "AFTER_TODAY" }),
    ]);
    const tooEarly = await worker.request<any>(
      `mutation ($input: OpenNightCentreEveningInput!) {
        openNightCentreEvening(input: $input) { ... on InputValidationError { fields { path code message limit } } }
      }`,
      { input: { venueId: centre.globalId, eveningOn: "2012-08-31", staffIds } },
      { headers: { "accept-language": "en" } },
    );
    expect(tooEarly.data?.openNightCentreEvening.fields).toEqual([
      {
        path: "eveningOn",
        code: "BEFORE_ORGANISATION_START",
        limit: "2012-09-01",
        message:
          "This date is too early: no earlier than September 1, 2012, the organisation's start date (in its settings).",
      },
    ]);
    expect(await count("SELECT 1 FROM night_centre_evenings WHERE venue_id = $1", [centre.id])).toBe(1);
    await world.pool.query("UPDATE organisations SET started_on = '2000-01-01' WHERE id = $1", [
      world.owner.id,
    ]);
  });
});

describe("what a partner sees of the evening", () => {
  it("a person's visit only under a consent naming ENCOUNTERS_SUMMARY; never the intake, the evening or its handover", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const centre = await nightCentre("Halte partagée");
    const person = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Églantine" });
    const personId = encodeGlobalID("Person", person.id);
    const opened = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(), staffIds: [world.owner.users.worker.id] },
    });
    const evening = opened.data?.openNightCentreEvening.evening;
    const visit = await worker.request<any>(checkIn, { input: { eveningId: evening.id, personId } });
    const visitId = visit.data?.checkInToEvening.checkIn.visit.id;
    const assessed = await worker.request<any>(intake, {
      input: { personId, visitId, needs: { justice: "IMMEDIATE" } },
    });
    const intakeId = assessed.data?.recordIntakeAssessment.intake.id;
    await worker.request<any>(handover, {
      input: { eveningId: evening.id, body: "Note pour l'équipe de demain." },
    });

    const partner = await world.signIn(world.partner.users.worker);
    const look = `query ($v: ID!, $i: ID!, $e: ID!, $p: ID!) {
      v: node(id: $v) { id } i: node(id: $i) { id } e: node(id: $e) { id }
      p: node(id: $p) { ... on Person { alias intakeAssessment { id } encounters(first: 10) { edges { node { id placeType } } } } }
    }`;
    const ids = { v: visitId, i: intakeId, e: evening.id, p: personId };
    const partnerViewer = {
      userId: world.partner.users.worker.id,
      organisationId: world.partner.id,
      roles: ["OUTREACH_WORKER" as const],
    };
    const sqlSees = async () => ({
      visit: (
        await queryAsViewer(world.pool, partnerViewer, "SELECT id FROM encounters WHERE id = $1", [
          decode(visitId),
        ])
      ).length,
      intake: (
        await queryAsViewer(
          world.pool,
          partnerViewer,
          "SELECT id FROM intake_assessments WHERE person_id = $1",
          [person.id],
        )
      ).length,
      evening: (
        await queryAsViewer(world.pool, partnerViewer, "SELECT id FROM night_centre_evenings WHERE id = $1", [
          decode(evening.id),
        ])
      ).length,
      handover: (
        await queryAsViewer(
          world.pool,
          partnerViewer,
          "SELECT body FROM night_centre_handover_notes WHERE evening_id = $1",
          [decode(evening.id)],
        )
      ).length,
    });

    // No consent: nothing.
    const before = await partner.request<any>(look, ids);
    expect(before.data).toEqual({ v: null, i: null, e: null, p: null });
    expect(await sqlSees()).toEqual({ visit: 0, intake: 0, evening: 0, handover: 0 });

    // The profile only: the person, not her visits.
    const consent = (kinds: string[]) =>
      world.pool.query(
        `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at)
         VALUES ($1, $2, $3, $4::"SharedRecordKind"[], $5, now() - interval '1 minute')`,
        [world.owner.id, person.id, world.partner.id, kinds, world.owner.users.worker.id],
      );
    await consent(["PROFILE"]);
    const profile = await partner.request<any>(look, ids);
    expect(profile.data).toEqual({
      v: null,
      i: null,
      e: null,
      p: { alias: "Églantine", intakeAssessment: null, encounters: { edges: [] } },
    });
    expect(await sqlSees()).toEqual({ visit: 0, intake: 0, evening: 0, handover: 0 });

    // Encounters summary: the visit (as an encounter at a night centre), still never the rest.
    await consent(["ENCOUNTERS_SUMMARY"]);
    const summary = await partner.request<any>(look, ids);
    expect(summary.data).toEqual({
      v: { id: visitId },
      i: null,
      e: null,
      p: {
        alias: "Églantine",
        intakeAssessment: null,
        encounters: { edges: [{ node: { id: visitId, placeType: "NIGHT_CENTRE" } }] },
      },
    });
    expect(await sqlSees()).toEqual({ visit: 1, intake: 0, evening: 0, handover: 0 });
  });
});

describe("the committee's figures", () => {
  it("count the intake answers, protected: true counts only, none from 1 to 4, zeros 0; never a person", async () => {
    const member = await createUser(world.pool, { committeePartnershipIds: [world.partnershipId] });
    const committee = await world.signIn(member);
    const fiscalYear = currentFiscalYear();
    const id = encodeGlobalID("Partnership", world.partnershipId);
    // A few intakes of the partnership's organisations (those of this file's tests): 1 to 4.
    await world.pool.query(
      `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing)
       VALUES ($1, $2, $3, 'IMMEDIATE')`,
      [
        world.owner.id,
        (await createPerson(world.pool, { organisationId: world.owner.id })).id,
        world.owner.users.worker.id,
      ],
    );
    // The true counts: the two member organisations' own, exact, added up.
    const truth = async () => {
      const sums: Record<string, Record<string, number>> = {};
      let made = 0;
      for (const user of [world.owner.users.coordinator, world.partner.users.coordinator]) {
        const own = await readOrganisation(await world.signIn(user), { fiscalYear });
        made += figure(own, "intakesMade").value ?? 0;
        for (const name of intakeTables) {
          const sum = sums[name] ?? {};
          sums[name] = sum;
          for (const cell of table(own, name).cells) sum[cell.key] = (sum[cell.key] ?? 0) + (cell.count ?? 0);
        }
      }
      return { made, sums };
    };
    const small = await truth();
    expect(small.made).toBeGreaterThan(0);
    expect(small.made).toBeLessThan(5);
    const expectProtected = (indicators: Indicators, known: typeof small) => {
      expect(indicators.suppressed).toBe(true);
      expectNoSmallCount(indicators);
      expectPublishedFrom(figure(indicators, "intakesMade").value, known.made, 5, "intakesMade");
      for (const name of intakeTables) {
        const levels = table(indicators, name);
        expectTablePublishedFrom(levels, known.sums[name] ?? {});
        expectPartitionProtected(levels, knownTotal(indicators, intakeTables, "intakesMade"));
      }
    };
    const few = await readPartnership(committee, id, { fiscalYear });
    expectProtected(few, small);
    // Under 5 intakes in all: the total is hidden and every domain's cell that is not a true zero.
    expect(figure(few, "intakesMade").value).toBeNull();
    for (const name of intakeTables) {
      expect(table(few, name).denominatorCount, name).toBeNull();
      expect(
        Object.values(nonZero(table(few, name))).every((count) => count === null),
        name,
      ).toBe(true);
    }
    expect(counts(table(few, "intakeNeedsHOUSING")).IMMEDIATE).toBeNull();

    // Twelve more (housing: 6 long-term, 3 none, 2 immediate, 1 not asked; health: none for all):
    // the next day's snapshot counts them, still protected.
    const housing = [...Array(6).fill("LONG_TERM"), ...Array(3).fill("NONE"), "IMMEDIATE", "IMMEDIATE", null];
    for (const level of housing) {
      const person = await createPerson(world.pool, { organisationId: world.partner.id });
      await world.pool.query(
        `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing, health)
         VALUES ($1, $2, $3, $4::"IntakeNeedLevel", 'NONE')`,
        [world.partner.id, person.id, world.partner.users.worker.id, level],
      );
    }
    expect(await readPartnership(committee, id, { fiscalYear })).toEqual(few);
    await world.pool.query(
      "UPDATE indicator_snapshots SET computed_on = computed_on - 1 WHERE partnership_id = $1",
      [world.partnershipId],
    );
    const more = await truth();
    expect(more.made).toBe(small.made + 12);
    const larger = await readPartnership(committee, id, { fiscalYear });
    expect(larger.asOf).not.toBe(few.asOf);
    expectProtected(larger, more);
    // Nothing of a person: the committee member finds no intake, no file.
    const intakes = await committee.request<any>(`query ($id: ID!) { node(id: $id) { id } }`, {
      id: encodeGlobalID("Person", (await createPerson(world.pool, { organisationId: world.owner.id })).id),
    });
    expect(intakes.data?.node ?? null).toBeNull();
  });
});

describe("a check-in sent again", () => {
  it("with the same Idempotency-Key writes once and gets the first answer", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const centre = await nightCentre("Halte du retour");
    const opened = await worker.request<any>(open, {
      input: { venueId: centre.globalId, eveningOn: day(), staffIds: [world.owner.users.worker.id] },
    });
    const evening = opened.data?.openNightCentreEvening.evening;
    const key = randomUUID();
    const variables = { input: { eveningId: evening.id, anonymous: group } };
    const first = await worker.request<any>(checkIn, variables, { headers: { "idempotency-key": key } });
    const again = await worker.request<any>(checkIn, variables, { headers: { "idempotency-key": key } });
    expect(first.data?.checkInToEvening.__typename).toBe("CheckInToEveningSuccess");
    expect(again.data).toEqual(first.data);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await count("SELECT 1 FROM encounters WHERE evening_id = $1", [decode(evening.id)])).toBe(1);
  });
});

describe("merged files", () => {
  it("the merged file's intake goes to the kept file when it has none", async () => {
    const kept = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Gardée" });
    const merged = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Fusionnée" });
    await world.pool.query(
      `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing) VALUES ($1, $2, $3, 'IMMEDIATE')`,
      [world.owner.id, merged.id, world.owner.users.worker.id],
    );
    await world.pool.query("UPDATE persons SET merged_into_id = $1, merged_at = now() WHERE id = $2", [
      kept.id,
      merged.id,
    ]);
    expect(await count("SELECT 1 FROM intake_assessments WHERE person_id = $1", [kept.id])).toBe(1);
    expect(await count("SELECT 1 FROM intake_assessments WHERE person_id = $1", [merged.id])).toBe(0);
  });
});

function decode(globalId: string): string {
  const [, id] = Buffer.from(globalId, "base64").toString("utf8").split(":");
  return id ?? "";
}
