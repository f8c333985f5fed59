import { createPerson, createUser, type TestUser } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();
let nurse: TestUser;
let healthId: string;
let personGlobalId: string;

const slotsQuery = `query ($from: DateTime!, $to: DateTime!) {
  jointVisitSlots(from: $from, to: $to, durationMinutes: 60) { nurse { id displayName } organisation { name } start end }
}`;
const propose = `mutation ($input: ProposeNurseVisitInput!) {
  proposeNurseVisit(input: $input) {
    __typename ... on ProposeNurseVisitSuccess { visit { id status plannedStart } } ... on AppError { code } ... on InputValidationError { fields { path code } }
  }
}`;
const respond = `mutation ($input: RespondToNurseVisitInput!) {
  respondToNurseVisit(input: $input) {
    __typename ... on RespondToNurseVisitSuccess { visit { status plannedStart plannedEnd proposedByViewer } } ... on AppError { code } ... on InvalidTransitionError { from to }
  }
}`;

/** Next weekday (1 = Monday) at least `afterDays` days away, as a UTC date at midnight. */
function nextWeekday(weekday: number, afterDays = 2): Date {
  const date = new Date(Date.now() + afterDays * 86_400_000);
  date.setUTCHours(0, 0, 0, 0);
  while (((date.getUTCDay() + 6) % 7) + 1 !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

beforeAll(async () => {
  const { rows } = await world.pool.query<{ id: string }>(
    "INSERT INTO organisations (name, kind) VALUES ('Santé publique (test)', 'PUBLIC_HEALTH') RETURNING id",
  );
  healthId = onlyRow(rows).id;
  await world.pool.query(
    "INSERT INTO partnership_members (partnership_id, organisation_id) VALUES ($1, $2)",
    [world.partnershipId, healthId],
  );
  nurse = await createUser(world.pool, {
    displayName: "Isabelle Inf.",
    memberships: [{ organisationId: healthId, roles: ["NURSE"] }],
  });
  // Tuesdays: the nurse 9:00–16:00, the worker 13:00–20:00 (Toronto time).
  await world.pool.query(
    `INSERT INTO availability_slots (user_id, organisation_id, weekday, start_minute, end_minute)
     VALUES ($1, $2, 2, 540, 960), ($3, $4, 2, 780, 1200)`,
    [nurse.id, healthId, world.owner.users.worker.id, world.owner.id],
  );
  await world.pool.query(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
     VALUES ($1, $2, $3, '{PROFILE,NURSE_VISIT_LOGISTICS}', $4)`,
    [world.owner.id, world.person.id, healthId, world.owner.users.worker.id],
  );
  personGlobalId = world.person.globalId;
});

async function proposeAt(client: TestClient, start: Date, extra: Record<string, unknown> = {}) {
  return (
    await client.request<any>(propose, {
      input: {
        nurseId: nurse.id,
        personIds: [personGlobalId],
        placeType: "HOME",
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_600_000).toISOString(),
        reason: "Dépistage",
        ...extra,
      },
    })
  ).data?.proposeNurseVisit;
}

describe("joint visits", () => {
  it("says before any time is offered whether each person has a consent naming the nurse's organisation", async () => {
    const consentsQuery = `query ($ids: [ID!]!) {
      jointVisitConsents(personIds: $ids) { personId consented organisation { name } }
    }`;
    const worker = await world.signIn(world.owner.users.worker);
    const unconsented = await createPerson(world.pool, {
      organisationId: world.owner.id,
      alias: "Sans consentement",
    });
    const unconsentedId = encodeGlobalID("Person", unconsented.id);
    const answer = await worker.request<any>(consentsQuery, { ids: [personGlobalId, unconsentedId] });
    expect(answer.data?.jointVisitConsents).toEqual([
      { personId: personGlobalId, consented: true, organisation: { name: "Santé publique (test)" } },
      { personId: unconsentedId, consented: false, organisation: { name: "Santé publique (test)" } },
    ]);
    // The same rule as the proposal: refused for the person without consent.
    const tuesday = nextWeekday(2, 16);
    tuesday.setUTCHours(18, 0, 0, 0);
    expect(await proposeAt(worker, tuesday, { personIds: [unconsentedId] })).toEqual({
      __typename: "ConsentRequiredError",
      code: "CONSENT_REQUIRED",
    });
    // Another organisation's person is not the viewer's to book: left out, as not found.
    const partnerWorker = await world.signIn(world.partner.users.worker);
    expect(
      (await partnerWorker.request<any>(consentsQuery, { ids: [personGlobalId] })).data?.jointVisitConsents,
    ).toEqual([]);
    // Who may not propose visits is refused the question.
    const admin = await world.signIn(world.owner.users.admin);
    const refused = await admin.request<any>(consentsQuery, { ids: [personGlobalId] });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("finds the slots where the partner nurse and the worker are both free, in Toronto time", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const tuesday = nextWeekday(2);
    const result = await worker.request<any>(slotsQuery, {
      from: tuesday.toISOString(),
      to: new Date(tuesday.getTime() + 86_400_000).toISOString(),
    });
    const slots = result.data?.jointVisitSlots;
    expect(slots.length).toBe(5); // 13:00, 13:30, 14:00, 14:30, 15:00 local
    expect(slots[0].nurse.displayName).toBe("Isabelle Inf.");
    expect(slots[0].organisation.name).toBe("Santé publique (test)");
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Toronto",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    expect(slots.map((s: any) => local.format(new Date(s.start)))).toEqual([
      "13:00",
      "13:30",
      "14:00",
      "14:30",
      "15:00",
    ]);
    // The unrelated organisation's worker sees no nurse at all.
    const outsider = await world.signIn(world.unrelated.users.worker);
    const none = await outsider.request<any>(slotsQuery, {
      from: tuesday.toISOString(),
      to: new Date(tuesday.getTime() + 86_400_000).toISOString(),
    });
    expect(none.data?.jointVisitSlots).toEqual([]);
  });

  it("keeps local hours across the next daylight-saving change (second Sunday of March)", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    // The next change at least 8 days ahead, so that the week before it is not in the past
    // (slots start from now): a fixed date would stop testing anything once it has passed.
    const secondSundayOfMarch = (year: number) => {
      const date = new Date(Date.UTC(year, 2, 8));
      while (date.getUTCDay() !== 0) date.setUTCDate(date.getUTCDate() + 1);
      return date;
    };
    const thisYear = new Date().getUTCFullYear();
    let change = secondSundayOfMarch(thisYear);
    if (change.getTime() < Date.now() + 8 * 86_400_000) change = secondSundayOfMarch(thisYear + 1);
    const day = (offset: number, hourUtc: number) =>
      new Date(change.getTime() + offset * 86_400_000 + hourUtc * 3_600_000).toISOString();
    const result = await worker.request<any>(slotsQuery, { from: day(-6, 5), to: day(3, 5) });
    const starts = result.data?.jointVisitSlots.map((s: any) => s.start);
    // The Tuesday before (EST, UTC−5) and the Tuesday after (EDT, UTC−4), 13:00 local both times.
    expect(starts).toHaveLength(10);
    expect(starts[0]).toBe(day(-5, 18));
    expect(starts[4]).toBe(day(-5, 20));
    expect(starts[5]).toBe(day(2, 17));
    expect(starts[9]).toBe(day(2, 19));
  });

  it("goes through propose, propose another time, accept and complete; double booking is refused", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const nurseClient = await world.signIn(nurse);
    const tuesday = nextWeekday(2, 9);
    const slots = (
      await worker.request<any>(slotsQuery, {
        from: tuesday.toISOString(),
        to: new Date(tuesday.getTime() + 86_400_000).toISOString(),
      })
    ).data?.jointVisitSlots;
    const first = new Date(slots[0].start);
    const proposed = await proposeAt(worker, first);
    expect(proposed).toMatchObject({ __typename: "ProposeNurseVisitSuccess", visit: { status: "PROPOSED" } });
    const visitId = proposed.visit.id;
    // The same nurse, overlapping time: refused, nothing written.
    const overlapping = await proposeAt(worker, new Date(first.getTime() + 30 * 60_000));
    expect(overlapping).toEqual({ __typename: "DoubleBookingError", code: "DOUBLE_BOOKING" });
    // The nurse was notified in the app.
    const notices = await nurseClient.request<any>("{ myNotifications(unreadOnly: true) { kind recordId } }");
    expect(notices.data?.myNotifications.map((n: any) => n.kind)).toContain("NURSE_VISIT_PROPOSED");
    // The worker cannot accept her own proposal.
    expect(
      (await worker.request<any>(respond, { input: { visitId, response: "ACCEPT" } })).data
        ?.respondToNurseVisit.__typename,
    ).toBe("InvalidTransitionError");
    const later = new Date(first.getTime() + 2 * 3_600_000);
    const counter = await nurseClient.request<any>(respond, {
      input: {
        visitId,
        response: "PROPOSE_OTHER_TIME",
        start: later.toISOString(),
        end: new Date(later.getTime() + 3_600_000).toISOString(),
      },
    });
    expect(counter.data?.respondToNurseVisit.visit).toMatchObject({
      status: "COUNTER_PROPOSED",
      proposedByViewer: true,
    });
    const accepted = await worker.request<any>(respond, { input: { visitId, response: "ACCEPT" } });
    expect(accepted.data?.respondToNurseVisit.visit).toMatchObject({
      status: "ACCEPTED",
      plannedStart: later.toISOString(),
    });
    // The first time is free again.
    expect((await proposeAt(worker, first)).__typename).toBe("ProposeNurseVisitSuccess");

    // Complete it (as if it were now): acts for everyone involved, notes for nurses only.
    await world.pool.query(
      "UPDATE nurse_visits SET planned_start = now() - interval '1 hour', planned_end = now() WHERE id = $1",
      [Buffer.from(visitId, "base64").toString().split(":")[1]],
    );
    const complete = `mutation ($input: CompleteNurseVisitInput!) {
      completeNurseVisit(input: $input) { __typename ... on CompleteNurseVisitSuccess { visit { status acts { kind count } } } ... on AppError { code } }
    }`;
    const refused = await worker.request<any>(complete, {
      input: { visitId, acts: [{ kind: "STBBI_TEST", count: 1 }] },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const completed = await nurseClient.request<any>(complete, {
      input: {
        visitId,
        acts: [
          { kind: "STBBI_TEST", count: 2 },
          { kind: "COUNSELLING", count: 1 },
        ],
        notes: [{ personId: personGlobalId, body: "Counseling fait.", results: "À venir" }],
      },
    });
    expect(completed.data?.completeNurseVisit.visit.status).toBe("COMPLETED");
    const view = `query ($id: ID!) { node(id: $id) { ... on NurseVisit { status acts { kind count } clinicalNotes { body results } } } }`;
    expect((await nurseClient.request<any>(view, { id: visitId })).data?.node.clinicalNotes).toEqual([
      { body: "Counseling fait.", results: "À venir" },
    ]);
    const asWorker = (await worker.request<any>(view, { id: visitId })).data?.node;
    expect(asWorker).toEqual({
      status: "COMPLETED",
      acts: [
        { kind: "STBBI_TEST", count: 2 },
        { kind: "COUNSELLING", count: 1 },
      ],
      clinicalNotes: [],
    });
    const { rows } = await world.pool.query(
      "SELECT count(*)::int AS n FROM clinical_notes WHERE nurse_visit_id = $1",
      [Buffer.from(visitId, "base64").toString().split(":")[1]],
    );
    expect(rows[0].n).toBe(1);
  });

  it("needs a consent naming the nurse's organisation for each person", async () => {
    const other = await createPerson(world.pool, {
      organisationId: world.owner.id,
      alias: "Sans consentement",
    });
    const worker = await world.signIn(world.owner.users.worker);
    const result = await proposeAt(worker, nextWeekday(2, 16), {
      personIds: [encodeGlobalID("Person", other.id)],
    });
    expect(result).toEqual({ __typename: "ConsentRequiredError", code: "CONSENT_REQUIRED" });
  });

  it("rejects bad times with field errors", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const past = await proposeAt(worker, new Date(Date.now() - 86_400_000));
    expect(past.fields).toEqual([{ path: "start", code: "IN_THE_PAST" }]);
    const start = nextWeekday(2, 23);
    const backwards = await proposeAt(worker, start, {
      end: new Date(start.getTime() - 60_000).toISOString(),
    });
    expect(backwards.fields).toEqual([{ path: "end", code: "BEFORE_START" }]);
  });

  it("publishes a rotatable iCalendar feed with no person's name or alias", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const rotate = "mutation { rotateCalendarFeed { path } }";
    const { path } = (await worker.request<any>(rotate)).data.rotateCalendarFeed;
    const response = await fetch(`${world.server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(
      events.every((e) => e.summary.startsWith("Visite conjointe") || e.summary.startsWith("Accompagnement")),
    ).toBe(true);
    expect(events.some((e) => e.summary === "Visite conjointe (home)")).toBe(true);
    for (const secret of [
      world.person.alias,
      "Éloïse",
      "Eloise",
      "Nom Légal",
      "Dépistage",
      nurse.displayName,
      world.owner.users.worker.displayName,
    ]) {
      expect(text).not.toContain(secret);
    }
    const rotated = (await worker.request<any>(rotate)).data.rotateCalendarFeed.path;
    expect(rotated).not.toBe(path);
    expect((await fetch(`${world.server.url}${path}`)).status).toBe(404);
    expect((await fetch(`${world.server.url}${rotated}`)).status).toBe(200);
    expect((await fetch(`${world.server.url}/calendar/not-a-real-secret-at-all.ics`)).status).toBe(404);
  });

  it("the feed names no accompaniment's destination, and stops when the membership ends", async () => {
    const worker = await createUser(world.pool, {
      memberships: [{ organisationId: world.owner.id, roles: ["OUTREACH_WORKER"] }],
    });
    for (const [destination, hours] of [
      ["COURT", 26],
      ["POLICE", 28],
      ["DETOX_OR_TREATMENT", 30],
    ] as const) {
      await world.pool.query(
        `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
         VALUES ($1, $2, $3, $4::"AccompanimentDestination", now() + make_interval(hours => $5))`,
        [world.owner.id, world.person.id, worker.id, destination, hours],
      );
    }
    const client = await world.signIn(worker);
    const { path } = (await client.request<any>("mutation { rotateCalendarFeed { path } }")).data
      .rotateCalendarFeed;
    for (const [language, summary] of [
      ["fr-CA", "Accompagnement"],
      ["en-CA", "Accompaniment"],
    ] as const) {
      const response = await fetch(`${world.server.url}${path}`, {
        headers: { "accept-language": language },
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      const events = new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents("vevent")
        .map((e) => new ICAL.Event(e));
      expect(events.map((e) => e.summary)).toEqual([summary, summary, summary]);
      for (const destination of ["court", "police", "detox", "treatment", world.person.alias]) {
        expect(text.toLowerCase()).not.toContain(destination.toLowerCase());
      }
    }
    await world.pool.query("UPDATE memberships SET ended_at = now() WHERE user_id = $1", [worker.id]);
    expect((await fetch(`${world.server.url}${path}`)).status).toBe(404);
  });
});

describe("availability", () => {
  it("sets weekly slots and absences; an absence removes the slots it covers", async () => {
    const nurseClient = await world.signIn(nurse);
    const set = await nurseClient.request<any>(
      `mutation ($slots: [WeeklySlotInput!]!) { setWeeklyAvailability(slots: $slots) { __typename ... on SetWeeklyAvailabilitySuccess { availability { weekly { weekday start end } } } ... on InputValidationError { fields { path code } } } }`,
      {
        slots: [
          { weekday: 2, start: "09:00", end: "16:00" },
          { weekday: 4, start: "10:00", end: "12:00" },
        ],
      },
    );
    expect(set.data?.setWeeklyAvailability.availability.weekly).toEqual([
      { weekday: 2, start: "09:00", end: "16:00" },
      { weekday: 4, start: "10:00", end: "12:00" },
    ]);
    const bad = await nurseClient.request<any>(
      `mutation ($slots: [WeeklySlotInput!]!) { setWeeklyAvailability(slots: $slots) { __typename ... on InputValidationError { fields { path code } } } }`,
      { slots: [{ weekday: 9, start: "25:00", end: "08:00" }] },
    );
    expect(bad.data?.setWeeklyAvailability.__typename).toBe("InputValidationError");
    const tuesday = nextWeekday(2, 30);
    await nurseClient.request(
      `mutation ($input: AbsenceInput!) { addAbsence(input: $input) { __typename } }`,
      {
        input: {
          startsAt: tuesday.toISOString(),
          endsAt: new Date(tuesday.getTime() + 86_400_000).toISOString(),
          reason: "Formation",
        },
      },
    );
    const worker = await world.signIn(world.owner.users.worker);
    const slots = await worker.request<any>(slotsQuery, {
      from: tuesday.toISOString(),
      to: new Date(tuesday.getTime() + 86_400_000).toISOString(),
    });
    expect(slots.data?.jointVisitSlots).toEqual([]);
  });
});
