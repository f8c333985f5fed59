// app.indicator_figures (prisma/migrations/20261204010000_indicators_for_the_year) on a dataset of
// known counts across two organisations of a partnership: every figure and table checked exactly,
// the fiscal-year boundaries in America/Toronto and (a calendar year) in Europe/Brussels, and the
// wrapper answering only to a coordinator of the acting organisation.
import {
  adminPool,
  createOrganisation,
  createPartnership,
  createPerson,
  createUser,
  queryAsViewer,
} from "@maillage/db/factories";
import { indicatorFigures, indicatorTables } from "@maillage/domain/indicators";
import type pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";

interface Figures {
  figures: Record<string, number>;
  tables: Record<string, Record<string, number>>;
  months: Record<string, { encounters: number; contacts: number; personsMet: number }>;
}

const toronto = "America/Toronto";
// Fiscal year 2025 in Toronto: 1 April 2025 00:00 EDT to 1 April 2026 00:00 EDT.
const from = "2025-04-01T04:00:00Z";
const to = "2026-04-01T04:00:00Z";

let pool: pg.Pool;
let a: string; // a community group
let b: string; // a public-health agency
let worker: string;
let nurse: string;
let coordinatorA: string;

/** Fails the test when a row that was just inserted is not returned. */
function missing(): never {
  throw new Error("A row just inserted was not returned");
}
function firstId(rows: { id: string }[]): string {
  return rows[0]?.id ?? missing();
}

async function figures(ids: string[], start: string, end: string, followUp = 3, zone = toronto) {
  const { rows } = await pool.query<{ f: Figures }>(
    "SELECT app.indicator_figures($1::uuid[], $2, $3, $4, $5) AS f",
    [ids, start, end, followUp, zone],
  );
  const answer = rows[0]?.f;
  if (!answer) throw new Error("app.indicator_figures answered nothing");
  return answer;
}

async function encounter(
  organisationId: string,
  at: string,
  fields: {
    personId?: string | null;
    channel?: string;
    place?: string;
    themes?: string[];
    headCount?: number;
    gender?: string | null;
    age?: string | null;
    outcomes?: string[];
    platform?: string | null;
    venueId?: string | null;
    eveningId?: string | null;
    materials?: [string, number][];
    services?: string[];
  } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes,
                             head_count, anonymous_gender, anonymous_age_bracket, outcomes, platform, venue_id, evening_id)
     VALUES ($1, $2, $3, $4, $5::"Channel", $6::"PlaceType", $7::"Theme"[], $8, $9::"Gender", $10::"AgeBracket",
             $11::"PersonOutcome"[], $12, $13, $14)
     RETURNING id`,
    [
      organisationId,
      fields.personId ?? null,
      worker,
      at,
      fields.channel ?? "IN_PERSON",
      fields.place ?? "WORKPLACE",
      fields.themes ?? [],
      fields.headCount ?? 1,
      fields.gender ?? null,
      fields.age ?? null,
      fields.outcomes ?? [],
      fields.platform ?? null,
      fields.venueId ?? null,
      fields.eveningId ?? null,
    ],
  );
  const id = firstId(rows);
  for (const [item, quantity] of fields.materials ?? []) {
    await pool.query(
      "INSERT INTO encounter_materials (encounter_id, organisation_id, item, quantity) VALUES ($1, $2, $3, $4)",
      [id, organisationId, item, quantity],
    );
  }
  for (const service of fields.services ?? []) {
    await pool.query(
      "INSERT INTO encounter_services (encounter_id, organisation_id, service) VALUES ($1, $2, $3)",
      [id, organisationId, service],
    );
  }
  return id;
}

async function person(organisationId: string, birthYear: number, gender = "WOMAN"): Promise<string> {
  const { id } = await createPerson(pool, { organisationId, birthYear });
  await pool.query(`UPDATE persons SET gender = $2::"Gender" WHERE id = $1`, [id, gender]);
  return id;
}

/** Every code of a vocabulary table at 0, with the given counts. */
function zeros(table: string, counts: Record<string, number> = {}): Record<string, number> {
  const definition = indicatorTables.find((t) => t.name === table);
  if (!definition) throw new Error(`No table ${table}`);
  const keys =
    definition.keys.kind === "vocabulary"
      ? definition.keys.codes
      : definition.keys.kind === "fixed"
        ? definition.keys.keys.map((k) => k.key)
        : [];
  return { ...Object.fromEntries(keys.map((key) => [key, 0])), ...counts };
}

let p1: string;
let p2: string;
let p3: string;
let venue: string;
let centre: string;

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  a = (await createOrganisation(pool, { kind: "COMMUNITY_GROUP" })).id;
  b = (await createOrganisation(pool, { kind: "PUBLIC_HEALTH" })).id;
  await createPartnership(pool, { organisationIds: [a, b] });
  worker = (await createUser(pool, { memberships: [{ organisationId: a, roles: ["OUTREACH_WORKER"] }] })).id;
  nurse = (await createUser(pool, { memberships: [{ organisationId: b, roles: ["NURSE"] }] })).id;
  coordinatorA = (await createUser(pool, { memberships: [{ organisationId: a, roles: ["COORDINATOR"] }] }))
    .id;

  // Persons of A: p1 born 1990 (35 at her first encounter of the year), p2 born 2008 (17), p3
  // unknown birth year is not possible with the factory: born 1960 (65), a man.
  p1 = await person(a, 1990);
  p2 = await person(a, 2008, "NON_BINARY");
  p3 = await person(a, 1960, "MAN");
  await pool.query("UPDATE persons SET birth_year = NULL WHERE id = $1", [p3]);

  venue =
    (
      await pool.query<{ id: string }>(
        `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days) VALUES ($1, 'Salon', 'MASSAGE_PARLOUR', 200)
       RETURNING id`,
        [a],
      )
    ).rows.map((row) => row.id)[0] ?? missing();
  centre =
    (
      await pool.query<{ id: string }>(
        `INSERT INTO venues (organisation_id, name, kind, created_at) VALUES ($1, 'Centre', 'NIGHT_CENTRE', '2020-01-01')
       RETURNING id`,
        [a],
      )
    ).rows.map((row) => row.id)[0] ?? missing();
  await pool.query("UPDATE venues SET created_at = '2020-01-01' WHERE id = $1", [venue]);

  // p1: 3 encounters in the year (follow-up with N = 3), the first on the fiscal year's first instant.
  await encounter(a, "2025-04-01T04:00:00Z", {
    personId: p1,
    themes: ["SEXUALITY", "HOUSING"],
    materials: [
      ["CONDOMS", 300],
      ["LUBRICANT", 1],
    ],
    services: ["MEAL"],
    venueId: venue,
  });
  await encounter(a, "2025-06-15T16:00:00Z", {
    personId: p1,
    channel: "SMS",
    place: "ONLINE",
    themes: ["HOUSING"],
    outcomes: ["REACHED_GOAL"],
  });
  // p1 met by B on the same file: she counts once.
  await encounter(b, "2025-07-02T16:00:00Z", { personId: p1, place: "CLINIC", outcomes: ["LEFT_TRADE"] });
  // p2: twice (not in follow-up with N = 3), the last instant of the year.
  await encounter(a, "2025-05-10T16:00:00Z", {
    personId: p2,
    channel: "ONLINE_PLATFORM",
    place: "ONLINE",
    platform: "LEOLIST",
  });
  await encounter(a, "2026-04-01T03:59:59.999Z", { personId: p2, materials: [["PREGNANCY_TESTS", 1]] });
  // Anonymous: a group of 4 women 18–25 and one person of unknown gender and age.
  await encounter(a, "2025-09-01T16:00:00Z", {
    headCount: 4,
    gender: "WOMAN",
    age: "AGE_18_25",
    place: "BAR",
    themes: ["SEXUALITY"],
  });
  await encounter(b, "2025-09-01T17:00:00Z", { place: "PUBLIC_PLACE", channel: "PHONE" });
  // Outside the year: 31 March 2025 23:59 Toronto and 1 April 2026 00:00 Toronto.
  await encounter(a, "2025-04-01T03:59:00Z", { personId: p3, materials: [["CONDOMS", 50]] });
  await encounter(a, "2026-04-01T04:00:00Z", { personId: p3 });

  // Joint visits: one completed in the year with acts (B the nurse's, A the worker's), one proposed.
  const visit = async (status: string, start: string) =>
    (
      await pool.query<{ id: string }>(
        `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                                   planned_start, planned_end, status, proposed_by_id)
         VALUES ($1, $2, $3, $4, 'WORKPLACE', $5, $5::timestamptz + interval '1 hour', $6::"NurseVisitStatus", $3)
         RETURNING id`,
        [b, nurse, worker, a, start, status],
      )
    ).rows.map((row) => row.id)[0] ?? missing();
  const done = await visit("COMPLETED", "2025-10-01T14:00:00Z");
  await visit("PROPOSED", "2025-10-02T14:00:00Z");
  await pool.query(
    `INSERT INTO clinical_acts (nurse_visit_id, organisation_id, kind, count)
     VALUES ($1, $2, 'STBBI_TEST', 2), ($1, $2, 'VACCINATION', 1)`,
    [done, b],
  );

  // Accompaniments: one done (court), one cancelled (housing), one the year before.
  await pool.query(
    `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at, status)
     VALUES ($1, $2, $3, 'COURT', '2025-11-01T15:00:00Z', 'DONE'),
            ($1, $2, $3, 'HOUSING', '2025-11-02T15:00:00Z', 'CANCELLED'),
            ($1, $2, $3, 'COURT', '2025-03-01T15:00:00Z', 'DONE')`,
    [a, p1, worker],
  );

  // Referrals from A to B: one answered two days later (local days), one without an answer.
  const consent =
    (
      await pool.query<{ id: string }>(
        `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
       VALUES ($1, $2, $3, '{REFERRALS}', $4) RETURNING id`,
        [a, p1, b, worker],
      )
    ).rows.map((row) => row.id)[0] ?? missing();
  const referral = async (sentAt: string, status: string) =>
    (
      await pool.query<{ id: string }>(
        `INSERT INTO referrals (person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id, reason,
                                service_requested, urgency, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'r', 's', 'ROUTINE', $6::"ReferralStatus", $7) RETURNING id`,
        [p1, a, worker, b, consent, status, sentAt],
      )
    ).rows.map((row) => row.id)[0] ?? missing();
  const answered = await referral("2025-12-01T15:00:00Z", "ACCEPTED");
  await referral("2025-12-05T15:00:00Z", "SENT");
  await pool.query(
    `INSERT INTO referral_transitions (referral_id, from_status, to_status, by_user_id, by_organisation_id, at)
     VALUES ($1, NULL, 'SENT', $2, $3, '2025-12-01T15:00:00Z'),
            ($1, 'SENT', 'ACCEPTED', $4, $5, '2025-12-03T20:00:00Z')`,
    [answered, worker, a, nurse, b],
  );

  // A night-centre evening with two visits of p2 (her first ever) and an anonymous pair.
  const evening =
    (
      await pool.query<{ id: string }>(
        `INSERT INTO night_centre_evenings (organisation_id, venue_id, evening_on, opened_by_id)
       VALUES ($1, $2, '2026-01-10', $3) RETURNING id`,
        [a, centre, worker],
      )
    ).rows.map((row) => row.id)[0] ?? missing();
  await encounter(a, "2026-01-11T00:30:00Z", { personId: p2, place: "NIGHT_CENTRE", eveningId: evening });
  await encounter(a, "2026-01-11T02:30:00Z", {
    place: "NIGHT_CENTRE",
    eveningId: evening,
    headCount: 2,
  });

  // Workshops: one workshop of 20 on 31 March (in the year), one kiosk on 1 April 2026 (not).
  await pool.query(
    `INSERT INTO workshops (organisation_id, kind, topic, audience, place, held_on, participants, requested_by,
                            facilitator_ids, recorded_by_id)
     VALUES ($1, 'WORKSHOP', 'SEXUAL_HEALTH', 'YOUTH_CENTRE', 'Maison', '2026-03-31', 20, 'MDJ', ARRAY[$2]::uuid[], $2),
            ($1, 'KIOSK', 'HARM_REDUCTION', 'GENERAL_PUBLIC', 'Parc', '2026-04-01', 50, 'Ville', ARRAY[$2]::uuid[], $2)`,
    [a, worker],
  );

  // A delivery requested in the year, still scheduled.
  await pool.query(
    `INSERT INTO material_deliveries (organisation_id, requested_by_id, assigned_to_id, status, created_at)
     VALUES ($1, $2, $2, 'SCHEDULED', '2025-08-01T15:00:00Z')`,
    [a, worker],
  );
});

describe("app.indicator_figures", () => {
  it("counts every indicator of a partnership-year exactly", async () => {
    const result = await figures([a, b], from, to);
    expect(result.figures).toEqual({
      personsMet: 2,
      anonymousContacts: 7,
      // p1: 2 encounters at A and 1 at B; p2: 2 at A and one evening visit.
      personsInFollowUp: 2,
      // 7 in the year + the evening's 2 check-ins.
      encounters: 9,
      contacts: 1 + 1 + 1 + 1 + 1 + 4 + 1 + 1 + 2,
      itemsHandedOut: 302,
      servicesGiven: 1,
      nurseVisitsCompleted: 1,
      nurseActs: 3,
      accompaniments: 2,
      accompanimentsDone: 1,
      referralsSent: 2,
      venuesCovered: 2,
      venuesWithCadence: 1,
      venuesOnCadence: 0,
      nightCentreEvenings: 1,
      nightCentreVisits: 3,
      nightCentreVisitors: 3,
      nightCentreFirstVisits: 1,
      lineContacts: 3,
      encountersOnPlatforms: 1,
      deliveriesRequested: 1,
      deliveriesDelivered: 0,
      workshops: 1,
      workshopParticipants: 20,
      personsLeftTrade: 1,
      personsReachedGoal: 1,
    });
    // Every figure of the registry is answered, and nothing else.
    expect(Object.keys(result.figures).sort()).toEqual(indicatorFigures.map((f) => f.name).sort());
    expect(Object.keys(result.tables).sort()).toEqual(indicatorTables.map((t) => t.name).sort());

    const t = result.tables;
    expect(t.personsByGender).toEqual(zeros("personsByGender", { WOMAN: 1, NON_BINARY: 1 }));
    // p1 was 35 (2025 − 1990), p2 17 (2025 − 2008) at their first encounter of the year.
    expect(t.personsByAgeBracket).toEqual(zeros("personsByAgeBracket", { AGE_26_35: 1, UNDER_18: 1 }));
    expect(t.anonymousContactsByGender).toEqual(
      zeros("anonymousContactsByGender", { WOMAN: 4, UNDISCLOSED: 3 }),
    );
    expect(t.anonymousContactsByAgeBracket).toEqual(
      zeros("anonymousContactsByAgeBracket", { AGE_18_25: 4, UNKNOWN: 3 }),
    );
    expect(t.encountersByPlaceType).toEqual(
      zeros("encountersByPlaceType", {
        WORKPLACE: 2,
        ONLINE: 2,
        CLINIC: 1,
        BAR: 1,
        PUBLIC_PLACE: 1,
        NIGHT_CENTRE: 2,
      }),
    );
    expect(t.encountersByChannel).toEqual(
      zeros("encountersByChannel", { IN_PERSON: 6, SMS: 1, ONLINE_PLATFORM: 1, PHONE: 1 }),
    );
    expect(t.encountersByTheme).toEqual(zeros("encountersByTheme", { SEXUALITY: 2, HOUSING: 2 }));
    // The two organisations' default catalogues: every item listed, zeros included.
    expect(t.materialsByItem).toMatchObject({ CONDOMS: 300, LUBRICANT: 1, PREGNANCY_TESTS: 1, SYRINGES: 0 });
    expect(Object.values(t.materialsByItem ?? {}).reduce((x, y) => x + y, 0)).toBe(302);
    expect(t.servicesByKind).toMatchObject({ MEAL: 1, SHOWER: 0 });
    expect(t.encountersByPlatform).toMatchObject({ LEOLIST: 1, ONLYFANS: 0 });
    expect(t.lineContactsByChannel).toEqual({ PHONE: 1, SMS: 1, ONLINE_PLATFORM: 1, VIDEO: 0 });
    expect(t.nurseActsByKind).toEqual(zeros("nurseActsByKind", { STBBI_TEST: 2, VACCINATION: 1 }));
    expect(t.accompanimentsByStatus).toEqual(zeros("accompanimentsByStatus", { DONE: 1, CANCELLED: 1 }));
    expect(t.accompanimentsByDestination).toEqual(zeros("accompanimentsByDestination", { COURT: 1 }));
    expect(t.referralsByStatus).toEqual(zeros("referralsByStatus", { ACCEPTED: 1, SENT: 1 }));
    expect(t.referralsByDestinationKind).toEqual(zeros("referralsByDestinationKind", { PUBLIC_HEALTH: 2 }));
    expect(t.referralsByTimeToFirstAnswer).toEqual(
      zeros("referralsByTimeToFirstAnswer", { DAYS_1_2: 1, NO_ANSWER: 1 }),
    );
    expect(t.venuesCoveredByKind).toEqual(
      zeros("venuesCoveredByKind", { MASSAGE_PARLOUR: 1, NIGHT_CENTRE: 1 }),
    );
    expect(t.deliveriesByStatus).toEqual(zeros("deliveriesByStatus", { SCHEDULED: 1 }));
    expect(t.workshopsByKind).toEqual(zeros("workshopsByKind", { WORKSHOP: 1 }));
    expect(t.workshopsByTopic).toEqual(zeros("workshopsByTopic", { SEXUAL_HEALTH: 1 }));
    expect(t.workshopsByAudience).toEqual(zeros("workshopsByAudience", { YOUTH_CENTRE: 1 }));
    expect(t.participantsByKind).toEqual(zeros("participantsByKind", { WORKSHOP: 20 }));

    // Twelve months, April to March, zeros included; persons distinct within each month.
    expect(Object.keys(result.months)).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(result.months["2025-04"]).toEqual({ encounters: 1, contacts: 1, personsMet: 1 });
    expect(result.months["2025-09"]).toEqual({ encounters: 2, contacts: 5, personsMet: 0 });
    expect(result.months["2026-01"]).toEqual({ encounters: 2, contacts: 3, personsMet: 1 });
    expect(result.months["2026-03"]).toEqual({ encounters: 1, contacts: 1, personsMet: 1 });
    expect(result.months["2025-08"]).toEqual({ encounters: 0, contacts: 0, personsMet: 0 });
  });

  it("counts each organisation apart: a person met by both counts once in the partnership", async () => {
    const ofA = await figures([a], from, to);
    const ofB = await figures([b], from, to);
    expect(ofA.figures.personsMet).toBe(2);
    expect(ofB.figures.personsMet).toBe(1);
    expect((ofA.figures.encounters ?? 0) + (ofB.figures.encounters ?? 0)).toBe(9);
    // The visit counts for both of its organisations, once in the partnership.
    expect(ofA.figures.nurseVisitsCompleted).toBe(1);
    expect(ofB.figures.nurseVisitsCompleted).toBe(1);
  });

  it("applies the follow-up rule's N", async () => {
    expect((await figures([a, b], from, to, 4)).figures.personsInFollowUp).toBe(0);
    // Counted by A alone, p1 was met twice: only p2 reaches 3.
    expect((await figures([a], from, to, 3)).figures.personsInFollowUp).toBe(1);
    expect((await figures([a], from, to, 2)).figures.personsInFollowUp).toBe(2);
  });

  it("places 31 March 23:59 and 1 April 00:00 (Toronto) in their own fiscal years", async () => {
    const before = await figures([a], "2024-04-01T04:00:00Z", from);
    expect(before.figures.encounters).toBe(1);
    expect(before.tables.materialsByItem).toMatchObject({ CONDOMS: 50 });
    expect(before.figures.accompaniments).toBe(1);
    const after = await figures([a], to, "2027-04-01T04:00:00Z");
    expect(after.figures.encounters).toBe(1);
    expect(after.figures.workshops).toBe(1);
    expect(after.figures.workshopParticipants).toBe(50);
  });

  it("follows a calendar year in Europe/Brussels: 31 December 23:59 and 1 January 00:00", async () => {
    const org = (await createOrganisation(pool)).id;
    await pool.query(
      "UPDATE organisations SET time_zone = 'Europe/Brussels', fiscal_year_start_month = 1 WHERE id = $1",
      [org],
    );
    const ins = (at: string) =>
      pool.query(
        `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
         VALUES ($1, $2, $3, 'IN_PERSON', 'BAR', '{}')`,
        [org, worker, at],
      );
    await ins("2025-12-31T22:59:00Z"); // 31 Dec 2025 23:59 in Brussels
    await ins("2025-12-31T23:00:00Z"); // 1 Jan 2026 00:00 in Brussels
    const year2025 = await figures(
      [org],
      "2024-12-31T23:00:00Z",
      "2025-12-31T23:00:00Z",
      3,
      "Europe/Brussels",
    );
    const year2026 = await figures(
      [org],
      "2025-12-31T23:00:00Z",
      "2026-12-31T23:00:00Z",
      3,
      "Europe/Brussels",
    );
    expect(year2025.figures.encounters).toBe(1);
    expect(year2025.months["2025-12"]).toEqual({ encounters: 1, contacts: 1, personsMet: 0 });
    expect(Object.keys(year2025.months)).toHaveLength(12);
    expect(year2026.figures.encounters).toBe(1);
    expect(year2026.months["2026-01"]).toEqual({ encounters: 1, contacts: 1, personsMet: 0 });
  });

  it("answers through its wrapper only to a coordinator of the acting organisation, with its rule", async () => {
    await pool.query("UPDATE organisations SET follow_up_min_encounters = 2 WHERE id = $1", [a]);
    const call = (viewer: {
      userId: string;
      organisationId: string | null;
      roles: ("COORDINATOR" | "OUTREACH_WORKER" | "NURSE")[];
    }) =>
      queryAsViewer<{ f: Figures | null }>(
        pool,
        viewer,
        "SELECT app.organisation_indicator_figures($1, $2, $3) AS f",
        [from, to, toronto],
      );
    const [asCoordinator] = await call({ userId: coordinatorA, organisationId: a, roles: ["COORDINATOR"] });
    expect(asCoordinator?.f?.figures.personsMet).toBe(2);
    expect(asCoordinator?.f?.figures.personsInFollowUp).toBe(2);
    const [asWorker] = await call({ userId: worker, organisationId: a, roles: ["OUTREACH_WORKER"] });
    expect(asWorker?.f).toBeNull();
    const [asNurse] = await call({ userId: nurse, organisationId: b, roles: ["NURSE"] });
    expect(asNurse?.f).toBeNull();
    const [withoutOrganisation] = await call({ userId: coordinatorA, organisationId: null, roles: [] });
    expect(withoutOrganisation?.f).toBeNull();
    // The inner function is not the app role's to call.
    await expect(
      queryAsViewer(
        pool,
        { userId: coordinatorA, organisationId: a, roles: ["COORDINATOR"] },
        "SELECT app.indicator_figures($1::uuid[], $2, $3, 3, $4)",
        [[a, b], from, to, toronto],
      ),
    ).rejects.toThrow(/permission denied/);
    await pool.query("UPDATE organisations SET follow_up_min_encounters = 3 WHERE id = $1", [a]);
  });
});
