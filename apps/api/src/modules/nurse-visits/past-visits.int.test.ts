/**
 * Joint visits recorded after they happened (issue 16 item 2): by the nurse (completed at once,
 * with acts), by the worker (the nurse confirms with her acts, or declines); the date rule of
 * records of what happened; the consent a booking rests on; overlaps with completed visits.
 */
import { createPerson, createUser, type TestUser } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();
const hour = 3_600_000;
const day = 24 * hour;
let nurse: TestUser;
let otherNurse: TestUser;
let healthId: string;
let healthGlobalId: string;
let ownerGlobalId: string;

const recordPast = `mutation ($input: RecordPastNurseVisitInput!) {
  recordPastNurseVisit(input: $input) {
    __typename
    ... on RecordPastNurseVisitSuccess { visit { id status recordedAfter plannedStart plannedEnd acts { kind count } } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message limit } }
  }
}`;
const submitPast = `mutation ($input: SubmitPastNurseVisitInput!) {
  submitPastNurseVisit(input: $input) {
    __typename
    ... on SubmitPastNurseVisitSuccess { visit { id status recordedAfter proposedByViewer } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message limit } }
  }
}`;
const complete = `mutation ($input: CompleteNurseVisitInput!) {
  completeNurseVisit(input: $input) {
    __typename ... on CompleteNurseVisitSuccess { visit { status acts { kind count } } } ... on AppError { code }
  }
}`;
const respond = `mutation ($input: RespondToNurseVisitInput!) {
  respondToNurseVisit(input: $input) {
    __typename ... on RespondToNurseVisitSuccess { visit { status } } ... on AppError { code }
  }
}`;
const propose = `mutation ($input: ProposeNurseVisitInput!) {
  proposeNurseVisit(input: $input) {
    __typename ... on ProposeNurseVisitSuccess { visit { id status } } ... on AppError { code }
  }
}`;
const visitView = `query ($id: ID!) {
  node(id: $id) {
    ... on NurseVisit {
      status recordedAfter placeType plannedStart plannedEnd reason meetingPlace nurseName workerName
      persons { alias } acts { kind count } clinicalNotes { body results }
    }
  }
}`;

/** The database id of a Relay global id. */
const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1] ?? "";

/** 14:00 in Toronto on 10 June of the fiscal year (1 April – 31 March) `yearsBack` years before this one. */
function inFiscalYearBack(yearsBack: number, offsetHours = 0): Date {
  const now = new Date();
  const fiscalYearStart = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return new Date(Date.UTC(fiscalYearStart - yearsBack, 5, 10, 18, 0) + offsetHours * hour);
}

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
  return onlyRow(rows).n;
}

/** Every visit, person on a visit, act, note, notice and visit audit event of this file's organisations. */
async function writtenRows(): Promise<number[]> {
  const orgs = [world.owner.id, world.partner.id, world.unrelated.id, healthId];
  return Promise.all([
    countRows(
      "SELECT 1 FROM nurse_visits WHERE organisation_id = ANY($1) OR worker_organisation_id = ANY($1)",
      [orgs],
    ),
    countRows(
      "SELECT 1 FROM nurse_visit_persons p JOIN nurse_visits v ON v.id = p.nurse_visit_id WHERE v.organisation_id = ANY($1)",
      [orgs],
    ),
    countRows("SELECT 1 FROM clinical_acts WHERE organisation_id = ANY($1)", [orgs]),
    countRows("SELECT 1 FROM clinical_notes WHERE organisation_id = ANY($1)", [orgs]),
    countRows("SELECT 1 FROM notifications WHERE organisation_id = ANY($1)", [orgs]),
    // Signing in is audited too: only the visits' own events.
    countRows("SELECT 1 FROM audit_events WHERE organisation_id = ANY($1) AND record_kind = 'NURSE_VISIT'", [
      orgs,
    ]),
  ]);
}

function nurseRecording(start: Date, extra: Record<string, unknown> = {}) {
  return {
    input: {
      workerId: world.owner.users.worker.id,
      workerOrganisationId: ownerGlobalId,
      personIds: [world.person.globalId],
      placeType: "WORKPLACE",
      start: start.toISOString(),
      end: new Date(start.getTime() + hour).toISOString(),
      reason: "Dépistage au salon",
      meetingPlace: "Porte de côté",
      acts: [
        { kind: "STBBI_TEST", count: 2 },
        { kind: "COUNSELLING", count: 1 },
      ],
      notes: [{ personId: world.person.globalId, body: "Counseling fait.", results: "Négatif" }],
      ...extra,
    },
  };
}

function workerSubmission(start: Date, extra: Record<string, unknown> = {}) {
  return {
    input: {
      nurseId: nurse.id,
      personIds: [world.person.globalId],
      placeType: "HOME",
      start: start.toISOString(),
      end: new Date(start.getTime() + hour).toISOString(),
      ...extra,
    },
  };
}

async function record(client: TestClient, variables: unknown, language?: string) {
  const answer = await client.request<any>(
    recordPast,
    variables as Record<string, unknown>,
    language ? { headers: { "accept-language": language } } : {},
  );
  return answer.data?.recordPastNurseVisit;
}

async function submit(client: TestClient, variables: unknown, language?: string) {
  const answer = await client.request<any>(
    submitPast,
    variables as Record<string, unknown>,
    language ? { headers: { "accept-language": language } } : {},
  );
  return answer.data?.submitPastNurseVisit;
}

beforeAll(async () => {
  const { rows } = await world.pool.query<{ id: string }>(
    // The public-health organisation's history starts on 1 April 2015 (its start date).
    "INSERT INTO organisations (name, kind, started_on) VALUES ('Santé publique (passé)', 'PUBLIC_HEALTH', '2015-04-01') RETURNING id",
  );
  healthId = onlyRow(rows).id;
  healthGlobalId = encodeGlobalID("Organisation", healthId);
  ownerGlobalId = world.owner.globalId;
  await world.pool.query(
    "INSERT INTO partnership_members (partnership_id, organisation_id) VALUES ($1, $2)",
    [world.partnershipId, healthId],
  );
  nurse = await createUser(world.pool, {
    displayName: "Isabelle Inf.",
    memberships: [{ organisationId: healthId, roles: ["NURSE"] }],
  });
  otherNurse = await createUser(world.pool, {
    displayName: "Josée Inf.",
    memberships: [{ organisationId: healthId, roles: ["NURSE"] }],
  });
  await world.pool.query(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
     VALUES ($1, $2, $3, '{PROFILE,NURSE_VISIT_LOGISTICS}', $4)`,
    [world.owner.id, world.person.id, healthId, world.owner.users.worker.id],
  );
});

describe("a joint visit the nurse records after it happened", () => {
  it("is completed at once, with its acts, three fiscal years back; the worker's organisation sees the logistics, never the notes", async () => {
    const nurseClient = await world.signIn(nurse);
    const start = inFiscalYearBack(3);
    const recorded = await record(nurseClient, nurseRecording(start));
    expect(recorded).toMatchObject({
      __typename: "RecordPastNurseVisitSuccess",
      visit: {
        status: "COMPLETED",
        recordedAfter: true,
        plannedStart: start.toISOString(),
        acts: [
          { kind: "STBBI_TEST", count: 2 },
          { kind: "COUNSELLING", count: 1 },
        ],
      },
    });
    const visitId = recorded.visit.id;
    // The nurse's organisation reads everything, the notes included.
    const asNurse = (await nurseClient.request<any>(visitView, { id: visitId })).data?.node;
    expect(asNurse).toMatchObject({
      status: "COMPLETED",
      recordedAfter: true,
      workerName: expect.any(String),
      persons: [{ alias: "Éloïse" }],
      clinicalNotes: [{ body: "Counseling fait.", results: "Négatif" }],
    });
    // The worker's organisation sees it as a booked visit's logistics (DESIGN.md §3: when, where,
    // who, status and the kinds of acts), never the clinical notes or results.
    for (const member of [world.owner.users.worker, world.owner.users.coordinator]) {
      const client = await world.signIn(member);
      expect((await client.request<any>(visitView, { id: visitId })).data?.node).toEqual({
        status: "COMPLETED",
        recordedAfter: true,
        placeType: "WORKPLACE",
        plannedStart: start.toISOString(),
        plannedEnd: new Date(start.getTime() + hour).toISOString(),
        reason: "Dépistage au salon",
        meetingPlace: "Porte de côté",
        nurseName: "Isabelle Inf.",
        workerName: asNurse.workerName,
        persons: [{ alias: "Éloïse" }],
        acts: [
          { kind: "STBBI_TEST", count: 2 },
          { kind: "COUNSELLING", count: 1 },
        ],
        clinicalNotes: [],
      });
    }
    // Nor in the database, as the worker's organisation (row-level security).
    const client = await world.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL ROLE maillage_app");
      await client.query(
        "SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true), set_config('app.roles', $3, true)",
        [world.owner.users.coordinator.id, world.owner.id, "{COORDINATOR}"],
      );
      const notes = await client.query("SELECT 1 FROM clinical_notes WHERE nurse_visit_id = $1", [
        rawId(visitId),
      ]);
      expect(notes.rows).toHaveLength(0);
      const visible = await client.query("SELECT status FROM nurse_visits WHERE id = $1", [rawId(visitId)]);
      expect(visible.rows).toEqual([{ status: "COMPLETED" }]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    // An organisation outside the partnership does not see the visit at all.
    const outsider = await world.signIn(world.unrelated.users.worker);
    expect((await outsider.request<any>(visitView, { id: visitId })).data?.node).toBeNull();
    // The worker was told; the recording is audited, as a late entry.
    const worker = await world.signIn(world.owner.users.worker);
    const notices = (await worker.request<any>("{ myNotifications(unreadOnly: true) { kind recordId } }"))
      .data?.myNotifications;
    expect(notices).toContainEqual({ kind: "NURSE_VISIT_RECORDED", recordId: rawId(visitId) });
    const { rows } = await world.pool.query(
      "SELECT user_id, organisation_id, details FROM audit_events WHERE action = 'NURSE_VISIT_RECORDED_AFTER' AND record_id = $1",
      [rawId(visitId)],
    );
    expect(rows).toEqual([
      {
        user_id: nurse.id,
        organisation_id: healthId,
        details: { occurredAt: start.toISOString(), lateEntry: true },
      },
    ]);
  });

  it("refuses a date before the organisation's start date or in the future, naming the rule in French and English; nothing is written", async () => {
    const nurseClient = await world.signIn(nurse);
    const before = await writtenRows();
    const tooEarly = nurseRecording(new Date("2015-03-31T16:00:00Z"));
    const fr = await record(nurseClient, tooEarly, "fr-CA");
    expect(fr.__typename).toBe("InputValidationError");
    expect(fr.fields).toEqual([
      {
        path: "start",
        code: "BEFORE_ORGANISATION_START",
        limit: "2015-04-01",
        message: expect.stringMatching(/au plus tôt le 1(er)? avril 2015, date de début de l'organisme/),
      },
    ]);
    const en = await record(nurseClient, tooEarly, "en-CA");
    expect(en.fields).toEqual([
      {
        path: "start",
        code: "BEFORE_ORGANISATION_START",
        limit: "2015-04-01",
        message: expect.stringMatching(/no earlier than April 1, 2015, the organisation's start date/),
      },
    ]);
    const future = nurseRecording(new Date(Date.now() + 2 * hour));
    const frFuture = await record(nurseClient, future, "fr-CA");
    expect(frFuture.fields).toEqual([
      {
        path: "start",
        code: "IN_THE_FUTURE",
        limit: null,
        message: expect.stringMatching(/dans l'avenir.*15 minutes/),
      },
    ]);
    const enFuture = await record(nurseClient, future, "en-CA");
    expect(enFuture.fields).toEqual([
      {
        path: "start",
        code: "IN_THE_FUTURE",
        limit: null,
        message: expect.stringMatching(/in the future.*15 minutes/),
      },
    ]);
    // Begun before now, ending two hours from now: the end is refused too.
    const endsLater = nurseRecording(new Date(Date.now() - hour), {
      end: new Date(Date.now() + 2 * hour).toISOString(),
    });
    expect((await record(nurseClient, endsLater)).fields).toMatchObject([
      { path: "end", code: "IN_THE_FUTURE" },
    ]);
    // The first day of the organisation's history is recorded (its midnight in Toronto).
    expect((await record(nurseClient, nurseRecording(new Date("2015-04-01T12:00:00Z")))).__typename).toBe(
      "RecordPastNurseVisitSuccess",
    );
    const after = await writtenRows();
    // Only the last one wrote: one visit, one person, two acts, one note, one notice, one audit event.
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([1, 1, 2, 1, 1, 1]);
  });

  it("refuses a person without a consent naming the nurse's organisation, another organisation's person, and a worker outside the partnership; nothing is written", async () => {
    const nurseClient = await world.signIn(nurse);
    const start = inFiscalYearBack(2);
    const before = await writtenRows();
    const unconsented = await createPerson(world.pool, {
      organisationId: world.owner.id,
      alias: "Sans accord",
    });
    const partnerPerson = await createPerson(world.pool, {
      organisationId: world.partner.id,
      alias: "Ailleurs",
    });
    // The nurse cannot know of a person not shared with her organisation: not found.
    for (const person of [unconsented.id, partnerPerson.id]) {
      const refused = await record(
        nurseClient,
        nurseRecording(start, {
          personIds: [world.person.globalId, encodeGlobalID("Person", person)],
          notes: [],
        }),
      );
      expect(refused.fields).toMatchObject([{ path: "personIds.1", code: "NOT_FOUND" }]);
    }
    // The person of the owner with the worker of another organisation: the person is not hers.
    const withPartnerWorker = await record(
      nurseClient,
      nurseRecording(start, {
        workerId: world.partner.users.worker.id,
        workerOrganisationId: world.partner.globalId,
      }),
    );
    expect(withPartnerWorker.fields).toMatchObject([{ path: "personIds.0", code: "NOT_FOUND" }]);
    // A worker of an organisation outside the partnership (or not of the organisation named).
    for (const [workerId, organisation] of [
      [world.unrelated.users.worker.id, encodeGlobalID("Organisation", world.unrelated.id)],
      [world.partner.users.worker.id, ownerGlobalId],
      [world.owner.users.admin.id, ownerGlobalId],
    ] as const) {
      const refused = await record(
        nurseClient,
        nurseRecording(start, { workerId, workerOrganisationId: organisation }),
      );
      expect(refused.fields).toMatchObject([{ path: "workerId", code: "NOT_FOUND" }]);
    }
    // A nurse of a public-health organisation outside the partnership; a nurse of a community group.
    const { rows } = await world.pool.query<{ id: string }>(
      "INSERT INTO organisations (name, kind) VALUES ('Santé publique (ailleurs)', 'PUBLIC_HEALTH') RETURNING id",
    );
    const outsideNurse = await createUser(world.pool, {
      memberships: [{ organisationId: onlyRow(rows).id, roles: ["NURSE"] }],
    });
    expect((await record(await world.signIn(outsideNurse), nurseRecording(start))).fields).toMatchObject([
      { path: "workerId", code: "NOT_FOUND" },
    ]);
    expect(await record(await world.signIn(world.partner.users.nurse), nurseRecording(start))).toMatchObject({
      __typename: "NotFoundError",
    });
    // Who does not write clinical notes may not record: the worker, the admin.
    for (const member of [world.owner.users.worker, world.owner.users.admin]) {
      const answer = await (await world.signIn(member)).request<any>(recordPast, nurseRecording(start));
      expect(answer.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    expect(await writtenRows()).toEqual(before);
  });

  it("the database attaches only a consented person of the worker's organisation to the nurse's recorded visit", async () => {
    const nurseClient = await world.signIn(nurse);
    const recorded = await record(nurseClient, nurseRecording(inFiscalYearBack(2, 5), { notes: [] }));
    const visitId = rawId(recorded.visit.id);
    const unconsented = await createPerson(world.pool, {
      organisationId: world.owner.id,
      alias: "Pas partagée",
    });
    const consented = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Partagée" });
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
       VALUES ($1, $2, $3, '{PROFILE}', $4)`,
      [world.owner.id, consented.id, healthId, world.owner.users.worker.id],
    );
    const attach = async (userId: string, personId: string) => {
      const client = await world.pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL ROLE maillage_app");
        await client.query(
          "SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true), set_config('app.roles', $3, true)",
          [userId, healthId, "{NURSE}"],
        );
        await client.query("INSERT INTO nurse_visit_persons (nurse_visit_id, person_id) VALUES ($1, $2)", [
          visitId,
          personId,
        ]);
        return "allowed";
      } catch (error) {
        return (error as { code?: string }).code === "42501" ? "refused" : String(error);
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    };
    expect(await attach(nurse.id, consented.id)).toBe("allowed");
    expect(await attach(nurse.id, unconsented.id)).toBe("refused");
    // Another nurse of her organisation: not her visit.
    expect(await attach(otherNurse.id, consented.id)).toBe("refused");
  });
});

describe("a joint visit the worker records after it happened", () => {
  it("awaits the nurse, who is told, sees it to confirm and confirms it with her acts", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const nurseClient = await world.signIn(nurse);
    const start = inFiscalYearBack(1);
    const submitted = await submit(worker, workerSubmission(start, { reason: "Suivi" }));
    expect(submitted).toMatchObject({
      __typename: "SubmitPastNurseVisitSuccess",
      visit: { status: "AWAITING_CONFIRMATION", recordedAfter: true, proposedByViewer: true },
    });
    const visitId = submitted.visit.id;
    const notices = (
      await nurseClient.request<any>("{ myNotifications(unreadOnly: true) { kind recordId } }")
    ).data?.myNotifications;
    expect(notices).toContainEqual({ kind: "NURSE_VISIT_AWAITING_CONFIRMATION", recordId: rawId(visitId) });
    const awaiting = "{ visitsAwaitingConfirmation { id status viewerRole } }";
    expect((await nurseClient.request<any>(awaiting)).data?.visitsAwaitingConfirmation).toContainEqual({
      id: visitId,
      status: "AWAITING_CONFIRMATION",
      viewerRole: "NURSE",
    });
    expect((await worker.request<any>(awaiting)).data?.visitsAwaitingConfirmation).toContainEqual({
      id: visitId,
      status: "AWAITING_CONFIRMATION",
      viewerRole: "WORKER",
    });
    // Nobody else has it to confirm or wait for: a colleague, a partner, an outsider.
    for (const member of [
      world.owner.users.coordinator,
      world.partner.users.worker,
      world.unrelated.users.nurse,
    ]) {
      const client = await world.signIn(member);
      expect((await client.request<any>(awaiting)).data?.visitsAwaitingConfirmation).toEqual([]);
    }
    // Only she records acts: the worker cannot confirm, nor can another nurse of her organisation.
    const acts = { visitId, acts: [{ kind: "VACCINATION", count: 1 }] };
    expect((await worker.request<any>(complete, { input: acts })).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    const colleague = await world.signIn(otherNurse);
    expect(
      (await colleague.request<any>(complete, { input: acts })).data?.completeNurseVisit.__typename,
    ).toBe("NotFoundError");
    // Nor accept it as a proposal: confirming takes her acts.
    expect(
      (await nurseClient.request<any>(respond, { input: { visitId, response: "ACCEPT" } })).data
        ?.respondToNurseVisit.__typename,
    ).toBe("InvalidTransitionError");
    const confirmed = await nurseClient.request<any>(complete, { input: acts });
    expect(confirmed.data?.completeNurseVisit.visit).toEqual({
      status: "COMPLETED",
      acts: [{ kind: "VACCINATION", count: 1 }],
    });
    const told = (await worker.request<any>("{ myNotifications(unreadOnly: true) { kind recordId } }")).data
      ?.myNotifications;
    expect(told).toContainEqual({ kind: "NURSE_VISIT_CONFIRMED", recordId: rawId(visitId) });
    const { rows } = await world.pool.query(
      "SELECT action, user_id FROM audit_events WHERE record_id = $1 ORDER BY id",
      [rawId(visitId)],
    );
    expect(rows).toEqual([
      { action: "NURSE_VISIT_SUBMITTED_AFTER", user_id: world.owner.users.worker.id },
      { action: "NURSE_VISIT_CONFIRMED", user_id: nurse.id },
    ]);
    expect((await nurseClient.request<any>(awaiting)).data?.visitsAwaitingConfirmation).not.toContainEqual(
      expect.objectContaining({ id: visitId }),
    );
  });

  it("the nurse declines it, or the worker withdraws it; neither may do the other's step", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const nurseClient = await world.signIn(nurse);
    const first = (await submit(worker, workerSubmission(inFiscalYearBack(1, 3)))).visit.id;
    expect(
      (await worker.request<any>(respond, { input: { visitId: first, response: "DECLINE" } })).data
        ?.respondToNurseVisit.__typename,
    ).toBe("InvalidTransitionError");
    const declined = await nurseClient.request<any>(respond, {
      input: { visitId: first, response: "DECLINE" },
    });
    expect(declined.data?.respondToNurseVisit.visit.status).toBe("DECLINED");
    const told = (await worker.request<any>("{ myNotifications(unreadOnly: true) { kind recordId } }")).data
      ?.myNotifications;
    expect(told).toContainEqual({ kind: "NURSE_VISIT_DECLINED", recordId: rawId(first) });
    // A declined visit is not confirmed afterwards.
    expect(
      (
        await nurseClient.request<any>(complete, {
          input: { visitId: first, acts: [{ kind: "STBBI_TEST", count: 1 }] },
        })
      ).data?.completeNurseVisit.__typename,
    ).toBe("InvalidTransitionError");
    const second = (await submit(worker, workerSubmission(inFiscalYearBack(1, 6)))).visit.id;
    expect(
      (await nurseClient.request<any>(respond, { input: { visitId: second, response: "CANCEL" } })).data
        ?.respondToNurseVisit.__typename,
    ).toBe("InvalidTransitionError");
    const withdrawn = await worker.request<any>(respond, { input: { visitId: second, response: "CANCEL" } });
    expect(withdrawn.data?.respondToNurseVisit.visit.status).toBe("CANCELLED");
  });

  it("is dated from the nurse's organisation's start date too, and needs each person's consent; nothing is written when refused", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = await writtenRows();
    // The worker's organisation keeps history from 2000; the nurse's from 1 April 2015.
    const tooEarly = await submit(worker, workerSubmission(new Date("2014-06-10T18:00:00Z")), "en-CA");
    expect(tooEarly.fields).toEqual([
      {
        path: "start",
        code: "BEFORE_ORGANISATION_START",
        limit: "2015-04-01",
        message: expect.stringContaining("April 1, 2015"),
      },
    ]);
    const future = await submit(worker, workerSubmission(new Date(Date.now() + day)), "fr-CA");
    expect(future.fields).toMatchObject([{ path: "start", code: "IN_THE_FUTURE" }]);
    const unconsented = await createPerson(world.pool, {
      organisationId: world.owner.id,
      alias: "Sans accord 2",
    });
    expect(
      await submit(
        worker,
        workerSubmission(inFiscalYearBack(2), { personIds: [encodeGlobalID("Person", unconsented.id)] }),
      ),
    ).toMatchObject({ __typename: "ConsentRequiredError", code: "CONSENT_REQUIRED" });
    // Another organisation's worker names the owner's person: not hers.
    const partnerWorker = await world.signIn(world.partner.users.worker);
    expect((await submit(partnerWorker, workerSubmission(inFiscalYearBack(2)))).fields).toMatchObject([
      { path: "personIds.0", code: "NOT_FOUND" },
    ]);
    // The unrelated organisation's worker knows no nurse of the partnership.
    const outsider = await world.signIn(world.unrelated.users.worker);
    expect((await submit(outsider, workerSubmission(inFiscalYearBack(2)))).fields).toMatchObject([
      { path: "nurseId", code: "NOT_FOUND" },
    ]);
    expect(await writtenRows()).toEqual(before);
  });
});

describe("overlaps count completed and awaiting visits", () => {
  it("refuses a second visit over a completed one, for the nurse and for the worker, recorded or booked", async () => {
    const nurseClient = await world.signIn(nurse);
    const colleague = await world.signIn(otherNurse);
    const worker = await world.signIn(world.owner.users.worker);
    // Forty days ago, on the hour.
    const start = new Date(Math.floor((Date.now() - 40 * day) / hour) * hour);
    expect((await record(nurseClient, nurseRecording(start))).__typename).toBe("RecordPastNurseVisitSuccess");
    const overlapping = new Date(start.getTime() + 30 * 60_000);
    const double = { __typename: "DoubleBookingError", code: "DOUBLE_BOOKING" };
    // The same nurse, the same worker (with another nurse), the worker submitting: all refused.
    expect(await record(nurseClient, nurseRecording(overlapping, { notes: [] }))).toMatchObject(double);
    expect(await record(colleague, nurseRecording(overlapping, { notes: [] }))).toMatchObject(double);
    expect(await submit(worker, workerSubmission(overlapping))).toMatchObject(double);
    // Right after it: free.
    expect((await submit(worker, workerSubmission(new Date(start.getTime() + hour)))).__typename).toBe(
      "SubmitPastNurseVisitSuccess",
    );
    // ... and that awaiting one holds its hour too.
    expect(
      await record(colleague, nurseRecording(new Date(start.getTime() + 90 * 60_000), { notes: [] })),
    ).toMatchObject(double);
  });

  it("a booked visit completed keeps its hour: no second visit can be booked over it (no 72 visits in one hour)", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const nurseClient = await world.signIn(nurse);
    const start = new Date(Date.now() + 20 * 60_000);
    const bookAt = async (at: Date) =>
      (
        await worker.request<any>(propose, {
          input: {
            nurseId: nurse.id,
            personIds: [world.person.globalId],
            placeType: "HOME",
            start: at.toISOString(),
            end: new Date(at.getTime() + hour).toISOString(),
          },
        })
      ).data?.proposeNurseVisit;
    const booked = await bookAt(start);
    expect(booked.__typename).toBe("ProposeNurseVisitSuccess");
    await nurseClient.request<any>(respond, { input: { visitId: booked.visit.id, response: "ACCEPT" } });
    const completed = await nurseClient.request<any>(complete, {
      input: { visitId: booked.visit.id, acts: [{ kind: "COUNSELLING", count: 1 }] },
    });
    expect(completed.data?.completeNurseVisit.visit.status).toBe("COMPLETED");
    // Before, the completed visit freed its hour and the same two could book it again, and again.
    expect(await bookAt(start)).toMatchObject({ __typename: "DoubleBookingError" });
    expect(await bookAt(new Date(start.getTime() + 15 * 60_000))).toMatchObject({
      __typename: "DoubleBookingError",
    });
    const { rows } = await world.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM nurse_visits
        WHERE nurse_id = $1 AND status <> 'DECLINED' AND status <> 'CANCELLED'
          AND planned_start < $3 AND planned_end > $2`,
      [nurse.id, start, new Date(start.getTime() + hour)],
    );
    expect(onlyRow(rows).n).toBe(1);
  });
});

describe("who may be named", () => {
  it("offers the nurse the partner organisations' workers and the persons shared with hers, the worker the partnership's nurses", async () => {
    const nurseClient = await world.signIn(nurse);
    const workers = (
      await nurseClient.request<any>("{ jointVisitWorkers { id displayName organisation { id } } }")
    ).data?.jointVisitWorkers;
    const ids = workers.map((w: any) => w.id);
    expect(ids).toContain(world.owner.users.worker.id);
    expect(ids).toContain(world.owner.users.coordinator.id);
    expect(ids).not.toContain(world.owner.users.admin.id);
    expect(ids).not.toContain(world.unrelated.users.worker.id);
    expect(ids).not.toContain(otherNurse.id);
    const persons = `query ($org: ID!, $search: String) { jointVisitPersons(workerOrganisationId: $org, search: $search) { alias } }`;
    const shared = (await nurseClient.request<any>(persons, { org: ownerGlobalId, search: "elo" })).data
      ?.jointVisitPersons;
    expect(shared).toEqual([{ alias: "Éloïse" }]);
    expect(
      (await nurseClient.request<any>(persons, { org: ownerGlobalId, search: "Sans accord" })).data
        ?.jointVisitPersons,
    ).toEqual([]);
    expect(
      (await nurseClient.request<any>(persons, { org: healthGlobalId })).data?.jointVisitPersons,
    ).toEqual([]);
    const worker = await world.signIn(world.owner.users.worker);
    const nurses = (await worker.request<any>("{ jointVisitNurses { id organisation { id } } }")).data
      ?.jointVisitNurses;
    expect(nurses).toEqual(
      expect.arrayContaining([
        { id: nurse.id, organisation: { id: healthGlobalId } },
        { id: otherNurse.id, organisation: { id: healthGlobalId } },
      ]),
    );
    // A worker is not offered the nurse's lists.
    expect((await worker.request<any>("{ jointVisitWorkers { id } }")).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
  });
});
