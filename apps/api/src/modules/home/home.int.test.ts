// The home screen's `today`: what each role sees, and what it does not get.
import type { Role } from "@maillage/db";
import {
  createOrganisation,
  createPartnership,
  createPerson,
  createUser,
  type TestUser,
} from "@maillage/db/factories";
import { defaultProgrammeSettings } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { todayWindow } from "./today-window.ts";

const world = usePartnershipWorld();
const minute = 60_000;
const day = 86_400_000;
// The world's organisations keep the default settings (Toronto, 1 April).
const window = todayWindow(new Date(), defaultProgrammeSettings);
/** A minute after midnight this morning, plus `minutes`: today, and already past. */
const earlyToday = (minutes = 0) => new Date(window.dayStart.getTime() + (1 + minutes) * minute);

const todayQuery = `{
  today {
    outreach {
      accompaniments(first: 5) { totalCount edges { node { id destination plannedAt person { alias } } } }
      jointVisits { totalCount edges { node { id plannedStart placeType } } }
      venuesDue { totalCount overdueCount items { overdue lastVisitAt venue { name } } }
      referralsAwaitingAnswer { totalCount edges { node { id createdAt toOrganisation { name } } } }
      recentSafetyAlerts
    }
    nurse {
      visits { totalCount edges { node { id plannedStart placeType } } }
      awaitingAnswer { totalCount edges { node { id status } } }
    }
    coordination {
      overdueReferrals { totalCount edges { node { id direction overdue } } }
      alertsToReview { totalCount edges { node { id area } } }
      teamActivity { encounters members { displayName encounters } }
    }
    administration { members pendingInvitations auditEventsToday }
    committees { partnership { name } indicators { period { fiscalYear } suppressed figures { name value } } }
  }
}`;

interface Home {
  street: string;
  health: string;
  partnershipId: string;
  users: Record<
    "worker" | "teammate" | "coordinator" | "admin" | "nurse" | "outsider" | "committee",
    TestUser
  >;
  ids: Record<string, string>;
}
const home = {} as Home;

async function insertId(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await world.pool.query<{ id: string }>(sql, params);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no id returned by ${sql}`);
  return id;
}

const member = (organisationId: string, roles: Role[], displayName?: string) =>
  createUser(world.pool, {
    memberships: [{ organisationId, roles }],
    ...(displayName ? { displayName } : {}),
  });

function accompaniment(
  organisationId: string,
  personId: string,
  workerId: string,
  at: Date,
  destination: string,
) {
  return insertId(
    `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
     VALUES ($1, $2, $3, $4::"AccompanimentDestination", $5) RETURNING id`,
    [organisationId, personId, workerId, destination, at],
  );
}

function visit(options: { nurse: string; worker: string; at: Date; status: string; proposedBy: string }) {
  return insertId(
    `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
       planned_start, planned_end, status, proposed_by_id)
     VALUES ($1, $2, $3, $4, 'HOME', $5, $5::timestamptz + interval '1 hour', $6::"NurseVisitStatus", $7) RETURNING id`,
    [home.health, options.nurse, options.worker, home.street, options.at, options.status, options.proposedBy],
  );
}

async function referral(options: {
  personId: string;
  from: string;
  fromUser: string;
  to: string;
  urgency: string;
  status: string;
  daysAgo: number;
}) {
  const consent = await insertId(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, starts_at, recorded_by_id)
     VALUES ($1, $2, $3, '{PROFILE,REFERRALS}', now() - interval '30 days', $4) RETURNING id`,
    [options.from, options.personId, options.to, options.fromUser],
  );
  return insertId(
    `INSERT INTO referrals (person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id, reason,
       service_requested, urgency, status, created_at)
     VALUES ($1, $2, $3, $4, $5, 'Dépistage', 'Rendez-vous', $6::"Urgency", $7::"ReferralStatus",
       now() - make_interval(days => $8)) RETURNING id`,
    [
      options.personId,
      options.from,
      options.fromUser,
      options.to,
      consent,
      options.urgency,
      options.status,
      options.daysAgo,
    ],
  );
}

function alert(
  partnershipId: string,
  organisationId: string,
  by: string,
  occurredDaysAgo: number,
  expiresInDays: number,
  area: string,
) {
  return insertId(
    `INSERT INTO safety_alerts (partnership_id, organisation_id, published_by_id, what_happened, area, occurred_on, expires_at)
     VALUES ($1, $2, $3, 'Agression', $4, current_date - $5::int, now() + make_interval(days => $6)) RETURNING id`,
    [partnershipId, organisationId, by, area, occurredDaysAgo, expiresInDays],
  );
}

function venue(organisationId: string, name: string, cadence: number | null, archived = false) {
  return insertId(
    `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days, archived_at)
     VALUES ($1, $2, 'MASSAGE_PARLOUR', $3, CASE WHEN $4 THEN now() END) RETURNING id`,
    [organisationId, name, cadence, archived],
  );
}

function encounter(
  organisationId: string,
  authorId: string,
  at: Date,
  venueId: string | null = null,
  personId: string | null = null,
) {
  return world.pool.query(
    `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes, venue_id)
     VALUES ($1, $2, $3, $4, 'IN_PERSON', 'WORKPLACE', '{SEXUALITY}', $5)`,
    [organisationId, personId, authorId, at, venueId],
  );
}

beforeAll(async () => {
  home.street = (await createOrganisation(world.pool, { name: "Rue du matin" })).id;
  home.health = (await createOrganisation(world.pool, { name: "Santé du matin", kind: "PUBLIC_HEALTH" })).id;
  const outside = (await createOrganisation(world.pool, { name: "Sans lien du matin" })).id;
  home.partnershipId = (
    await createPartnership(world.pool, { organisationIds: [home.street, home.health] })
  ).id;
  const otherPartnership = (await createPartnership(world.pool, { organisationIds: [outside] })).id;
  home.users = {
    worker: await member(home.street, ["OUTREACH_WORKER"], "Marie Matin"),
    teammate: await member(home.street, ["OUTREACH_WORKER"], "Julien Matin"),
    coordinator: await member(home.street, ["COORDINATOR"], "Sophie Matin"),
    admin: await member(home.street, ["ORG_ADMIN"], "Luc Matin"),
    nurse: await member(home.health, ["NURSE"], "Isabelle Matin"),
    outsider: await member(outside, ["OUTREACH_WORKER", "COORDINATOR"], "Hors Matin"),
    committee: await createUser(world.pool, {
      memberships: [{ organisationId: outside, roles: [] }],
      committeePartnershipIds: [home.partnershipId],
    }),
  };
  const { worker, teammate, coordinator, nurse, outsider } = home.users;
  const person = await createPerson(world.pool, { organisationId: home.street, alias: "Aube" });
  const teammatesPerson = await createPerson(world.pool, { organisationId: home.street, alias: "Brume" });
  const healthPerson = await createPerson(world.pool, { organisationId: home.health, alias: "Ciel" });
  const outsidePerson = await createPerson(world.pool, { organisationId: outside, alias: "Dune" });
  const ids: Record<string, string> = {};
  ids.court = await accompaniment(home.street, person.id, worker.id, earlyToday(1), "COURT");
  ids.housing = await accompaniment(home.street, teammatesPerson.id, worker.id, earlyToday(2), "HOUSING");
  await accompaniment(
    home.street,
    person.id,
    worker.id,
    new Date(window.dayStart.getTime() - 3_600_000),
    "POLICE",
  );
  await accompaniment(home.street, person.id, teammate.id, earlyToday(3), "HOSPITAL_OR_CLINIC");
  await accompaniment(outside, outsidePerson.id, outsider.id, earlyToday(1), "COURT");

  ids.visitToday = await visit({
    nurse: nurse.id,
    worker: worker.id,
    at: earlyToday(4),
    status: "ACCEPTED",
    proposedBy: worker.id,
  });
  await visit({
    nurse: nurse.id,
    worker: worker.id,
    at: earlyToday(5),
    status: "CANCELLED",
    proposedBy: worker.id,
  });
  ids.visitProposed = await visit({
    nurse: nurse.id,
    worker: worker.id,
    at: new Date(window.dayEnd.getTime() + 2 * day),
    status: "PROPOSED",
    proposedBy: worker.id,
  });
  // Moved by the nurse herself: the worker's to answer, not hers; a past proposal is moot.
  await visit({
    nurse: nurse.id,
    worker: worker.id,
    at: new Date(window.dayEnd.getTime() + 3 * day),
    status: "COUNTER_PROPOSED",
    proposedBy: nurse.id,
  });
  await visit({
    nurse: nurse.id,
    worker: worker.id,
    at: new Date(window.dayStart.getTime() - 2 * day),
    status: "PROPOSED",
    proposedBy: worker.id,
  });

  await venue(home.street, "Salon Lotus", 7);
  const jade = await venue(home.street, "Salon Jade", 7);
  const rideau = await venue(home.street, "Bar Rideau", 14);
  await venue(home.street, "Sans fréquence", null);
  await venue(home.street, "Archivé", 7, true);
  await venue(outside, "Ailleurs", 7);
  await encounter(home.street, worker.id, earlyToday(6), jade, person.id);
  await encounter(home.street, worker.id, earlyToday(7));
  await encounter(home.street, teammate.id, earlyToday(8));
  await encounter(home.street, worker.id, new Date(window.dayStart.getTime() - 20 * day), rideau);
  await encounter(outside, outsider.id, earlyToday(6));

  ids.urgentSent = await referral({
    personId: person.id,
    from: home.street,
    fromUser: worker.id,
    to: home.health,
    urgency: "URGENT",
    status: "SENT",
    daysAgo: 3,
  });
  ids.routineSent = await referral({
    personId: person.id,
    from: home.street,
    fromUser: worker.id,
    to: home.health,
    urgency: "ROUTINE",
    status: "SENT",
    daysAgo: 1,
  });
  await referral({
    personId: person.id,
    from: home.street,
    fromUser: worker.id,
    to: home.health,
    urgency: "URGENT",
    status: "ACCEPTED",
    daysAgo: 9,
  });
  await referral({
    personId: teammatesPerson.id,
    from: home.street,
    fromUser: teammate.id,
    to: home.health,
    urgency: "ROUTINE",
    status: "SENT",
    daysAgo: 2,
  });
  ids.received = await referral({
    personId: healthPerson.id,
    from: home.health,
    fromUser: nurse.id,
    to: home.street,
    urgency: "ROUTINE",
    status: "SENT",
    daysAgo: 10,
  });
  await referral({
    personId: outsidePerson.id,
    from: outside,
    fromUser: outsider.id,
    to: home.health,
    urgency: "URGENT",
    status: "SENT",
    daysAgo: 5,
  });

  ids.ownRecentAlert = await alert(
    home.partnershipId,
    home.street,
    coordinator.id,
    3,
    30,
    "Secteur Desjardins",
  );
  ids.ownOldAlert = await alert(home.partnershipId, home.street, coordinator.id, 30, 5, "Saint-Romuald");
  await alert(home.partnershipId, home.health, nurse.id, 5, 30, "Route Kennedy");
  await alert(home.partnershipId, home.street, coordinator.id, 2, -1, "Expirée");
  await alert(otherPartnership, outside, outsider.id, 1, 30, "Ailleurs");
  home.ids = ids;
});

const node = (kind: string, id: string) => encodeGlobalID(kind, id);
const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

describe("today", () => {
  it("an outreach worker gets her day, her venues, her referrals and recent alerts — no team activity", async () => {
    const client = await world.signIn(home.users.worker);
    const result = await client.request<any>(todayQuery);
    expect(result.errors).toBeUndefined();
    const { outreach, nurse, coordination, administration, committees } = result.data.today;
    expect(outreach.accompaniments.totalCount).toBe(2);
    expect(nodes(outreach.accompaniments).map((a: any) => [a.id, a.destination, a.person?.alias])).toEqual([
      [node("Accompaniment", home.ids.court ?? ""), "COURT", "Aube"],
      [node("Accompaniment", home.ids.housing ?? ""), "HOUSING", "Brume"],
    ]);
    expect(nodes(outreach.jointVisits).map((v: any) => v.id)).toEqual([
      node("NurseVisit", home.ids.visitToday ?? ""),
    ]);
    expect(outreach.venuesDue).toMatchObject({ totalCount: 2, overdueCount: 2 });
    // Never visited first, then the one whose cadence passed longest ago.
    expect(
      outreach.venuesDue.items.map((v: any) => [v.venue.name, v.overdue, v.lastVisitAt === null]),
    ).toEqual([
      ["Salon Lotus", true, true],
      ["Bar Rideau", true, false],
    ]);
    expect(outreach.referralsAwaitingAnswer.totalCount).toBe(2);
    expect(nodes(outreach.referralsAwaitingAnswer).map((r: any) => r.id)).toEqual([
      node("Referral", home.ids.urgentSent ?? ""),
      node("Referral", home.ids.routineSent ?? ""),
    ]);
    // Her partnership's two recent active alerts, whoever published them; not the old, expired or foreign ones.
    expect(outreach.recentSafetyAlerts).toBe(2);
    expect({ nurse, coordination, administration, committees }).toEqual({
      nurse: null,
      coordination: null,
      administration: null,
      committees: [],
    });
  });

  it("a nurse gets her visits of today and those waiting for her answer only", async () => {
    const client = await world.signIn(home.users.nurse);
    const result = await client.request<any>(todayQuery);
    expect(result.errors).toBeUndefined();
    const { outreach, nurse, coordination } = result.data.today;
    expect(nodes(nurse.visits).map((v: any) => v.id)).toEqual([
      node("NurseVisit", home.ids.visitToday ?? ""),
    ]);
    expect(nurse.awaitingAnswer.totalCount).toBe(1);
    expect(nodes(nurse.awaitingAnswer)).toEqual([
      { id: node("NurseVisit", home.ids.visitProposed ?? ""), status: "PROPOSED" },
    ]);
    expect(outreach).toBeNull();
    expect(coordination).toBeNull();
  });

  it("a coordinator gets overdue referrals of both boxes, her organisation's alerts and the team's week", async () => {
    const client = await world.signIn(home.users.coordinator);
    const result = await client.request<any>(todayQuery);
    expect(result.errors).toBeUndefined();
    const { coordination, outreach, nurse, administration } = result.data.today;
    // The oldest first: received 10 days ago (routine, 7 days allowed), sent 3 days ago (urgent, 1 day).
    expect(nodes(coordination.overdueReferrals)).toEqual([
      { id: node("Referral", home.ids.received ?? ""), direction: "RECEIVED", overdue: true },
      { id: node("Referral", home.ids.urgentSent ?? ""), direction: "SENT", overdue: true },
    ]);
    expect(coordination.overdueReferrals.totalCount).toBe(2);
    // Published by her organisation and still active, the soonest to expire first; not the partner's.
    expect(nodes(coordination.alertsToReview).map((a: any) => a.id)).toEqual([
      node("SafetyAlert", home.ids.ownOldAlert ?? ""),
      node("SafetyAlert", home.ids.ownRecentAlert ?? ""),
    ]);
    expect(coordination.teamActivity).toEqual({
      encounters: 3,
      members: [
        { displayName: "Marie Matin", encounters: 2 },
        { displayName: "Julien Matin", encounters: 1 },
        { displayName: "Sophie Matin", encounters: 0 },
      ],
    });
    expect({ outreach, nurse, administration }).toEqual({
      outreach: null,
      nurse: null,
      administration: null,
    });
  });

  it("an organisation admin gets the members and the audit log's day, no person's records", async () => {
    for (const organisationId of [home.street, home.street, home.health])
      await world.pool.query(
        `INSERT INTO audit_events (user_id, organisation_id, action, record_kind) VALUES ($1, $2, 'EXPORT', 'PERSON')`,
        [home.users.coordinator.id, organisationId],
      );
    // Pending, revoked, expired, accepted; and the partner's pending one.
    const invitations: [string, string][] = [
      [home.street, "now() + interval '7 days', NULL, NULL"],
      [home.street, "now() + interval '7 days', now(), NULL"],
      [home.street, "now() - interval '1 day', NULL, NULL"],
      [home.street, "now() + interval '7 days', NULL, now()"],
      [home.health, "now() + interval '7 days', NULL, NULL"],
    ];
    for (const [index, [organisationId, dates]] of invitations.entries())
      await world.pool.query(
        `INSERT INTO invitations (organisation_id, email, display_name, roles, token_hash, invited_by_id,
           expires_at, revoked_at, accepted_at)
         VALUES ($1, $2, 'Invitée', '{OUTREACH_WORKER}', $3, $4, ${dates})`,
        [
          organisationId,
          `invitee${index}.${organisationId}@test.example`,
          `${organisationId}-${index}`,
          home.users.admin.id,
        ],
      );
    const client = await world.signIn(home.users.admin);
    const result = await client.request<any>(todayQuery);
    expect(result.errors).toBeUndefined();
    const { administration, outreach, nurse, coordination } = result.data.today;
    expect(administration.members).toBe(4);
    expect(administration.pendingInvitations).toBe(1);
    const { rows } = await world.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = $1 AND at >= $2",
      [home.street, window.dayStart],
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
    expect(administration.auditEventsToday).toBe(rows[0]?.n);
    expect({ outreach, nurse, coordination }).toEqual({ outreach: null, nurse: null, coordination: null });
  });

  it("a committee member gets her partnership's latest suppressed figures and nothing else", async () => {
    const client = await world.signIn(home.users.committee);
    const result = await client.request<any>(todayQuery);
    expect(result.errors).toBeUndefined();
    const { committees, outreach, nurse, coordination, administration } = result.data.today;
    expect(committees).toHaveLength(1);
    expect(committees[0].indicators).toMatchObject({
      period: { fiscalYear: window.fiscalYear },
      suppressed: true,
    });
    const small = committees[0].indicators.figures.filter(
      (f: any) => f.value !== null && f.value >= 1 && f.value < 5,
    );
    expect(small).toEqual([]);
    expect({ outreach, nurse, coordination, administration }).toEqual({
      outreach: null,
      nurse: null,
      coordination: null,
      administration: null,
    });
  });

  it("another organisation's worker and coordinator get none of these records", async () => {
    const client = await world.signIn(home.users.outsider);
    const result = await client.request<any>(todayQuery);
    expect(result.errors).toBeUndefined();
    const { outreach, coordination } = result.data.today;
    expect(outreach.accompaniments.totalCount).toBe(1);
    expect(outreach.jointVisits.totalCount).toBe(0);
    expect(outreach.venuesDue.items.map((v: any) => v.venue.name)).toEqual(["Ailleurs"]);
    expect(outreach.recentSafetyAlerts).toBe(1);
    // Her organisation's own referral is overdue; the street's never appear.
    expect(coordination.overdueReferrals.totalCount).toBe(1);
    expect(coordination.alertsToReview.totalCount).toBe(1);
    expect(coordination.teamActivity.encounters).toBe(1);
  });

  it("where the team is restricted, a worker's cards hold only what is hers or her caseload's", async () => {
    const restricted = (await createOrganisation(world.pool, { name: "Équipe restreinte" })).id;
    await world.pool.query("UPDATE organisations SET restrict_team_visibility = true WHERE id = $1", [
      restricted,
    ]);
    const worker = await member(restricted, ["OUTREACH_WORKER"]);
    const teammate = await member(restricted, ["OUTREACH_WORKER"]);
    const lead = await member(restricted, ["OUTREACH_WORKER", "COORDINATOR"]);
    const theirs = await createPerson(world.pool, { organisationId: restricted, alias: "Hors dossier" });
    const venueId = await venue(restricted, "Salon restreint", 7);
    // The teammate visited the venue today, about a person outside the worker's caseload.
    await encounter(restricted, teammate.id, earlyToday(1), venueId, theirs.id);
    await world.pool.query("UPDATE persons SET created_by_id = $1 WHERE id = $2", [teammate.id, theirs.id]);
    await accompaniment(restricted, theirs.id, worker.id, earlyToday(2), "COURT");
    await accompaniment(restricted, theirs.id, teammate.id, earlyToday(3), "HOUSING");

    const query = `{ today { outreach {
      accompaniments { totalCount edges { node { destination person { alias } } } }
      venuesDue { totalCount items { venue { name } } }
    } coordination { teamActivity { encounters } } } }`;
    const mine = (await (await world.signIn(worker)).request<any>(query)).data.today;
    // Her accompaniment, without the person she does not follow; the teammate's visit is not hers to see.
    expect(nodes(mine.outreach.accompaniments)).toEqual([{ destination: "COURT", person: null }]);
    expect(mine.outreach.venuesDue.items.map((v: any) => v.venue.name)).toEqual(["Salon restreint"]);
    expect(mine.coordination).toBeNull();
    const leads = (await (await world.signIn(lead)).request<any>(query)).data.today;
    expect(leads.outreach.venuesDue.totalCount).toBe(0);
    expect(leads.coordination.teamActivity.encounters).toBe(1);
  });

  it("takes a bounded number of SQL statements whatever the number of records", async () => {
    const organisation = (await createOrganisation(world.pool, { name: "Volume du matin" })).id;
    const health = (await createOrganisation(world.pool, { name: "Santé volume", kind: "PUBLIC_HEALTH" })).id;
    await createPartnership(world.pool, { organisationIds: [organisation, health] });
    const everyone = await member(organisation, ["OUTREACH_WORKER", "NURSE", "COORDINATOR", "ORG_ADMIN"]);
    const nurse = await member(health, ["NURSE"]);
    const client = await world.signIn(everyone);
    const person = await createPerson(world.pool, { organisationId: organisation, alias: "Volume" });
    const addRecords = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        await accompaniment(organisation, person.id, everyone.id, earlyToday(i), "COURT");
        await referral({
          personId: person.id,
          from: organisation,
          fromUser: everyone.id,
          to: health,
          urgency: "URGENT",
          status: "SENT",
          daysAgo: 3,
        });
        await venue(organisation, `Salon ${i}`, 7);
        await encounter(organisation, everyone.id, earlyToday(i));
        await insertId(
          `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
             planned_start, planned_end, status, proposed_by_id)
           VALUES ($1, $2, $3, $4, 'HOME', $5, $5::timestamptz + interval '1 hour', 'ACCEPTED', $3) RETURNING id`,
          [health, nurse.id, everyone.id, organisation, earlyToday(i)],
        );
      }
    };
    const counts: number[] = [];
    for (const added of [6, 24]) {
      await addRecords(added);
      world.server.statements.reset();
      const result = await client.request<any>(todayQuery);
      expect(result.errors).toBeUndefined();
      expect(result.data.today.outreach.accompaniments.edges).toHaveLength(5);
      counts.push(world.server.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThan(40);
  });
});
