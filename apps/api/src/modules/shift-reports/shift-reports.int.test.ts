// Issue 15, item 6: a street team's shift report. The venues it visits take it as their last
// visit (the weekly cadence and the overdue list follow from the logs), its handover notes are
// the next shift's first read on the home screen, and nobody outside the team reads any of it.
import { createUser, queryAsViewer, type TestUser } from "@maillage/db/factories";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();
const hour = 3_600_000;
const day = 24 * hour;
const ago = (ms: number) => new Date(Date.now() - ms);

const recordMutation = `mutation ($input: RecordShiftReportInput!) {
  recordShiftReport(input: $input) {
    __typename
    ... on RecordShiftReportSuccess {
      shiftReport {
        id startsAt endsAt authorName coInterventions handoverNote viewerMayChange
        members { userId displayName }
        venues { id name }
        partners { name interventions organisation { id } }
      }
    }
    ... on InputValidationError { code fields { path code message } }
    ... on AppError { code }
  }
}`;
const updateMutation = `mutation ($input: UpdateShiftReportInput!) {
  updateShiftReport(input: $input) {
    __typename
    ... on UpdateShiftReportSuccess { shiftReport { id venues { name } handoverNote } }
    ... on InputValidationError { fields { path code } }
    ... on AppError { code }
  }
}`;
const deleteMutation = `mutation ($id: ID!) {
  deleteShiftReport(id: $id) { __typename ... on AppError { code } }
}`;
const venuesQuery = "{ venues(first: 50) { edges { node { name lastVisitAt overdue } } } }";
const homeQuery = `{ today {
  latestShiftReport { id startsAt authorName handoverNote venues { name } }
  outreach { venuesDue { totalCount overdueCount items { overdue lastVisitAt venue { name } } } }
} }`;

interface Team {
  teammate: TestUser;
  committee: TestUser;
  venues: Record<"jade" | "lune" | "parc", string>;
  theirVenue: string;
  /** When Bar Lune's last encounter was (two hours ago). */
  luneSeenAt: Date;
}
const team = {} as Team;

async function venueOf(organisationId: string, name: string, cadenceDays: number | null) {
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days)
     VALUES ($1, $2, 'MASSAGE_PARLOUR', $3) RETURNING id`,
    [organisationId, name, cadenceDays],
  );
  return onlyRow(rows).id;
}

async function encounterAt(venueId: string, at: Date) {
  await world.pool.query(
    `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id,
                             anonymous_gender, anonymous_age_bracket)
     VALUES ($1, $2, $3, 'IN_PERSON', 'WORKPLACE', $4, 'WOMAN', 'UNKNOWN')`,
    [world.owner.id, world.owner.users.worker.id, at, venueId],
  );
}

const reportsOf = (organisationId: string) =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM shift_reports WHERE organisation_id = $1", [
    organisationId,
  ]);

const notesOf = (organisationId: string) =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM shift_handover_notes WHERE organisation_id = $1", [
    organisationId,
  ]);

beforeAll(async () => {
  team.teammate = await createUser(world.pool, {
    displayName: "Noémie Relève",
    memberships: [{ organisationId: world.owner.id, roles: ["OUTREACH_WORKER"] }],
  });
  team.committee = await createUser(world.pool, { committeePartnershipIds: [world.partnershipId] });
  // Weekly venues: Jade last seen ten days ago (overdue), Lune two hours ago, the park never.
  team.venues = {
    jade: await venueOf(world.owner.id, "Salon Jade", 7),
    lune: await venueOf(world.owner.id, "Bar Lune", 7),
    parc: await venueOf(world.owner.id, "Parc du Quai", 7),
  };
  await encounterAt(team.venues.jade, ago(10 * day));
  team.luneSeenAt = ago(2 * hour);
  await encounterAt(team.venues.lune, team.luneSeenAt);
  team.theirVenue = await venueOf(world.partner.id, "Salon du partenaire", 7);
});

function tonight(more: Record<string, unknown> = {}) {
  return {
    startsAt: ago(6 * hour).toISOString(),
    endsAt: ago(1 * hour).toISOString(),
    memberIds: [world.owner.users.worker.id],
    venueIds: [encodeGlobalID("Venue", team.venues.jade), encodeGlobalID("Venue", team.venues.lune)],
    partners: [{ organisationId: world.partner.globalId, interventions: 2 }, { name: "Clinique mobile" }],
    handoverNote: "Salon Jade : nouvelle gérante, repasser jeudi. Plus de trousses de naloxone dans le sac.",
    ...more,
  };
}

interface VenueRead {
  name: string;
  lastVisitAt: string | null;
  overdue: boolean;
}
const byName = (data: any): Record<string, VenueRead> =>
  Object.fromEntries((data.venues.edges as { node: VenueRead }[]).map(({ node }) => [node.name, node]));

describe("shift reports", () => {
  it("a visited venue takes the shift as its last visit: it leaves the overdue list, and comes back when the report is removed", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = byName((await worker.request<any>(venuesQuery)).data);
    expect(before["Salon Jade"]?.overdue).toBe(true);
    const dueBefore = (await worker.request<any>(homeQuery)).data.today.outreach.venuesDue;
    expect(dueBefore.items.map((item: any) => item.venue.name)).toEqual(["Parc du Quai", "Salon Jade"]);

    const input = tonight();
    const recorded = await worker.request<any>(recordMutation, { input });
    expect(recorded.errors).toBeUndefined();
    const report = recorded.data.recordShiftReport.shiftReport;
    expect(report).toMatchObject({
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      authorName: world.owner.users.worker.displayName,
      coInterventions: 3,
      handoverNote: input.handoverNote,
      viewerMayChange: true,
      members: [{ userId: world.owner.users.worker.id, displayName: world.owner.users.worker.displayName }],
      venues: [{ name: "Bar Lune" }, { name: "Salon Jade" }],
    });
    expect(report.partners).toEqual(
      expect.arrayContaining([
        { name: "Organisme partenaire", interventions: 2, organisation: { id: world.partner.globalId } },
        { name: "Clinique mobile", interventions: 1, organisation: null },
      ]),
    );

    // The later of the last encounter and the last shift: Jade's is the shift's start, Lune keeps
    // its encounter of two hours ago (later than the shift's start).
    const after = byName((await worker.request<any>(venuesQuery)).data);
    expect(after["Salon Jade"]).toEqual({ name: "Salon Jade", lastVisitAt: input.startsAt, overdue: false });
    expect(after["Bar Lune"]?.lastVisitAt).toBe(team.luneSeenAt.toISOString());
    expect(after["Parc du Quai"]).toMatchObject({ lastVisitAt: null, overdue: true });
    const dueAfter = (await worker.request<any>(homeQuery)).data.today.outreach.venuesDue;
    expect(dueAfter.items.map((item: any) => item.venue.name)).toEqual(["Parc du Quai"]);
    expect(dueAfter.overdueCount).toBe(dueBefore.overdueCount - 1);

    // Removed, the shift no longer counts as a visit.
    const removed = await worker.request<any>(deleteMutation, { id: report.id });
    expect(removed.data.deleteShiftReport.__typename).toBe("DeleteShiftReportSuccess");
    expect(byName((await worker.request<any>(venuesQuery)).data)["Salon Jade"]?.overdue).toBe(true);
  });

  it("the next worker's home screen shows the latest report's handover notes first", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const older = await worker.request<any>(recordMutation, {
      input: tonight({
        startsAt: ago(30 * hour).toISOString(),
        endsAt: ago(26 * hour).toISOString(),
        handoverNote: "Hier : rien à signaler.",
      }),
    });
    expect(older.data.recordShiftReport.__typename).toBe("RecordShiftReportSuccess");
    const input = tonight();
    const latest = await worker.request<any>(recordMutation, { input });
    const latestId = latest.data.recordShiftReport.shiftReport.id;

    for (const reader of [team.teammate, world.owner.users.coordinator]) {
      const next = await world.signIn(reader);
      const home = (await next.request<any>(homeQuery)).data.today;
      expect(home.latestShiftReport).toEqual({
        id: latestId,
        startsAt: input.startsAt,
        authorName: world.owner.users.worker.displayName,
        handoverNote: input.handoverNote,
        venues: [{ name: "Bar Lune" }, { name: "Salon Jade" }],
      });
      const list = await next.request<any>(
        "{ shiftReports(first: 5) { edges { node { id handoverNote } } } }",
      );
      expect(list.data.shiftReports.edges[0].node).toEqual({
        id: latestId,
        handoverNote: input.handoverNote,
      });
    }

    // The organisation's nurse and admin hold no role that reads the log.
    for (const other of [world.owner.users.nurse, world.owner.users.admin]) {
      const client = await world.signIn(other);
      const home = await client.request<any>("{ today { latestShiftReport { id } } }");
      expect(home.errors).toBeUndefined();
      expect(home.data.today.latestShiftReport).toBeNull();
    }
  });

  it("is its author's or a coordinator's to change: a teammate is told it is not found", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const recorded = await worker.request<any>(recordMutation, { input: tonight() });
    const id = recorded.data.recordShiftReport.shiftReport.id;
    const changed = { ...tonight(), id, venueIds: [encodeGlobalID("Venue", team.venues.parc)] };

    const teammate = await world.signIn(team.teammate);
    const refused = await teammate.request<any>(updateMutation, { input: changed });
    expect(refused.data.updateShiftReport).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect((await teammate.request<any>(deleteMutation, { id })).data.deleteShiftReport.code).toBe(
      "NOT_FOUND",
    );

    const coordinator = await world.signIn(world.owner.users.coordinator);
    const updated = await coordinator.request<any>(updateMutation, {
      input: { ...changed, handoverNote: null },
    });
    expect(updated.data.updateShiftReport.shiftReport).toEqual({
      id,
      venues: [{ name: "Parc du Quai" }],
      handoverNote: null,
    });
    const parts = await world.pool.query(
      `SELECT (SELECT count(*)::int FROM shift_report_venues WHERE shift_report_id = $1) AS venues,
              (SELECT count(*)::int FROM shift_handover_notes WHERE shift_report_id = $1) AS notes`,
      [decodeGlobalID(id).id],
    );
    expect(parts.rows[0]).toEqual({ venues: 1, notes: 0 });
  });

  it("a partner, an unrelated organisation and a committee member read nothing, by id neither", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const recorded = await worker.request<any>(recordMutation, { input: tonight() });
    const id = recorded.data.recordShiftReport.shiftReport.id;
    const rawId = decodeGlobalID(id).id;
    const outsiders = [
      world.partner.users.worker,
      world.partner.users.coordinator,
      world.unrelated.users.worker,
      world.unrelated.users.coordinator,
      team.committee,
    ];
    for (const outsider of outsiders) {
      const client = await world.signIn(outsider);
      const read = await client.request<any>(
        `query ($id: ID!) {
          node(id: $id) { id ... on ShiftReport { handoverNote } }
          today { latestShiftReport { id } }
        }`,
        { id },
      );
      expect(read.data?.node ?? null).toBeNull();
      expect(read.data?.today?.latestShiftReport ?? null).toBeNull();
      const list = await client.request<any>("{ shiftReports { edges { node { id } } } }");
      expect(list.data?.shiftReports?.edges ?? []).toEqual([]);
    }
    // Row-level security, underneath: not a row, not a note, for the partner's own coordinator.
    const asPartner = {
      userId: world.partner.users.coordinator.id,
      organisationId: world.partner.id,
      roles: ["COORDINATOR" as const],
    };
    for (const table of [
      "shift_reports",
      "shift_handover_notes",
      "shift_report_venues",
      "shift_report_partners",
    ]) {
      const column = table === "shift_reports" ? "id" : "shift_report_id";
      const rows = await queryAsViewer(world.pool, asPartner, `SELECT 1 FROM ${table} WHERE ${column} = $1`, [
        rawId,
      ]);
      expect(rows, table).toEqual([]);
    }
  });

  it("refuses another organisation's venue, a stranger, a non-partner and an end before the start, in the caller's language, writing nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const english = new TestClient(world.server.url, "en-CA");
    await english.signIn(world.owner.users.worker.email, world.owner.users.worker.password);
    const before = await reportsOf(world.owner.id);
    const notesBefore = await notesOf(world.owner.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ venueIds: [encodeGlobalID("Venue", team.theirVenue)] }, "venueIds.0", "NOT_FOUND"],
      [{ venueIds: [encodeGlobalID("Venue", team.venues.jade), "not-an-id"] }, "venueIds.1", "NOT_FOUND"],
      [{ memberIds: [world.partner.users.worker.id] }, "memberIds.0", "NOT_FOUND"],
      [
        { partners: [{ organisationId: world.unrelated.globalId }] },
        "partners.0.organisationId",
        "NOT_A_PARTNER",
      ],
      [
        { partners: [{ organisationId: world.owner.globalId }] },
        "partners.0.organisationId",
        "NOT_A_PARTNER",
      ],
      [{ endsAt: ago(7 * hour).toISOString() }, "endsAt", "BEFORE_START"],
      [{ endsAt: ago(6 * hour).toISOString() }, "endsAt", "BEFORE_START"],
      [
        {
          startsAt: new Date(Date.now() + 3 * hour).toISOString(),
          endsAt: new Date(Date.now() + 6 * hour).toISOString(),
        },
        "startsAt",
        "IN_THE_FUTURE",
      ],
      // Before the organisation's start date (1 January 2000 until its coordinators set one).
      [
        { startsAt: "1999-12-31T23:00:00-05:00", endsAt: "2000-01-01T03:00:00-05:00" },
        "startsAt",
        "BEFORE_ORGANISATION_START",
      ],
      [{ startsAt: ago(40 * hour).toISOString() }, "endsAt", "TOO_LARGE"],
    ];
    for (const [change, path, code] of cases) {
      const fr = await worker.request<any>(recordMutation, { input: tonight(change) });
      const result = fr.data.recordShiftReport;
      expect(result.code, path).toBe("INPUT_VALIDATION");
      expect(result.fields.map((f: any) => [f.path, f.code])).toEqual([[path, code]]);
      const en = (await english.request<any>(recordMutation, { input: tonight(change) })).data
        .recordShiftReport;
      expect(en.fields[0].message).not.toBe(result.fields[0].message);
    }
    const backwards = (
      await worker.request<any>(recordMutation, { input: tonight({ endsAt: ago(7 * hour).toISOString() }) })
    ).data.recordShiftReport;
    expect(backwards.fields[0].message).toBe("Cette date doit suivre la date de début.");
    // A venue twice, a partner twice (by name, whatever its case): the input itself is refused.
    const twice = await worker.request<any>(recordMutation, {
      input: tonight({ partners: [{ name: "Clinique mobile" }, { name: "clinique Mobile " }] }),
    });
    expect(twice.data.recordShiftReport.fields.map((f: any) => f.path)).toEqual(["partners"]);
    expect(await reportsOf(world.owner.id)).toBe(before);
    expect(await notesOf(world.owner.id)).toBe(notesBefore);
  });

  it("reads the venues' last visits in a bounded number of statements, whatever the number of venues", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const counts: number[] = [];
    for (const added of [3, 12]) {
      for (let i = 0; i < added; i += 1) {
        const venue = await venueOf(world.owner.id, `Volume ${added}-${i}`, 7);
        await encounterAt(venue, ago((i + 1) * day));
      }
      world.server.statements.reset();
      const result = await worker.request<any>(venuesQuery);
      expect(result.errors).toBeUndefined();
      counts.push(world.server.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
