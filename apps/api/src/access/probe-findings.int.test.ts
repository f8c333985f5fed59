/**
 * What an adversarial probe found from outside (issue 13), each now a rule of DESIGN.md §3,
 * asserted through GraphQL and, where the database holds the rule too, through SQL as the app
 * role with the viewer set (row-level security alone).
 */
import "@maillage/db/testing/provided-context";
import { createOrganisation, createUser, queryAsViewer, type TestUser } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../testing/graphql-client.ts";
import { usePartnershipWorld } from "../testing/partnership-world.ts";
import { onlyRow } from "../testing/rows.ts";

const world = usePartnershipWorld();
let pool: pg.Pool;
let healthId: string;
let thirdId: string;
let visitNurse: TestUser;
let otherNurse: TestUser;
let healthCoordinator: TestUser;
let thirdWorker: TestUser;

/** The database id inside a Relay global id. */
function rawId(globalId: string): string {
  const id = Buffer.from(globalId, "base64").toString().split(":")[1];
  if (!id) throw new Error(`Not a global id: ${globalId}`);
  return id;
}

async function member(
  organisationId: string,
  roles: ("OUTREACH_WORKER" | "NURSE" | "COORDINATOR" | "ORG_ADMIN")[],
) {
  return createUser(pool, { memberships: [{ organisationId, roles }] });
}

async function consentFor(granteeOrganisationId: string, kinds: string[]) {
  await pool.query(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
     VALUES ($1, $2, $3, $4::"SharedRecordKind"[], $5)`,
    [world.owner.id, world.person.id, granteeOrganisationId, kinds, world.owner.users.worker.id],
  );
}

beforeAll(async () => {
  pool = world.pool;
  healthId = (await createOrganisation(pool, { kind: "PUBLIC_HEALTH", name: "Santé publique (sondes)" })).id;
  thirdId = (await createOrganisation(pool, { name: "Troisième partenaire" })).id;
  for (const organisationId of [healthId, thirdId]) {
    await pool.query("INSERT INTO partnership_members (partnership_id, organisation_id) VALUES ($1, $2)", [
      world.partnershipId,
      organisationId,
    ]);
  }
  visitNurse = await member(healthId, ["NURSE"]);
  otherNurse = await member(healthId, ["NURSE"]);
  healthCoordinator = await member(healthId, ["COORDINATOR"]);
  thirdWorker = await member(thirdId, ["OUTREACH_WORKER"]);
  await consentFor(healthId, ["PROFILE", "NURSE_VISIT_LOGISTICS"]);
  await consentFor(thirdId, ["PROFILE", "NURSE_VISIT_LOGISTICS"]);
  await consentFor(world.partner.id, ["PROFILE"]);
});

const propose = `mutation ($input: ProposeNurseVisitInput!) {
  proposeNurseVisit(input: $input) { __typename ... on ProposeNurseVisitSuccess { visit { id } } ... on AppError { code } }
}`;
const complete = `mutation ($input: CompleteNurseVisitInput!) {
  completeNurseVisit(input: $input) { __typename ... on CompleteNurseVisitSuccess { visit { status } } ... on AppError { code } }
}`;

let visitDay = 3;
/** A joint visit the owner's worker proposes to the visit nurse, with a free-text reason. */
async function proposeVisit(reason: string, meetingPlace?: string): Promise<string> {
  const worker = await world.signIn(world.owner.users.worker);
  const start = new Date(Date.now() + visitDay++ * 86_400_000);
  start.setUTCHours(15, 0, 0, 0);
  const result = await worker.request<any>(propose, {
    input: {
      nurseId: visitNurse.id,
      personIds: [world.person.globalId],
      placeType: "HOME",
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      reason,
      meetingPlace,
    },
  });
  expect(result.data?.proposeNurseVisit.__typename).toBe("ProposeNurseVisitSuccess");
  return result.data.proposeNurseVisit.visit.id;
}

/** Accepted by its nurse, and moved to the last hour so that it can be completed. */
async function acceptedVisitNow(): Promise<string> {
  const visitId = await proposeVisit("Dépistage");
  const nurse = await world.signIn(visitNurse);
  const accepted = await nurse.request<any>(
    `mutation ($input: RespondToNurseVisitInput!) { respondToNurseVisit(input: $input) { __typename } }`,
    { input: { visitId, response: "ACCEPT" } },
  );
  expect(accepted.data?.respondToNurseVisit.__typename).toBe("RespondToNurseVisitSuccess");
  await pool.query(
    "UPDATE nurse_visits SET planned_start = now() - interval '1 hour', planned_end = now() WHERE id = $1",
    [rawId(visitId)],
  );
  return visitId;
}

describe("a partnership is seen by its members and its committee only", () => {
  const query = `query ($id: ID!) { node(id: $id) { __typename ... on Partnership { name members { name } } } }`;
  const partnershipGlobalId = () => encodeGlobalID("Partnership", world.partnershipId);

  it("the unrelated organisation reads neither its name nor its members through node(id:)", async () => {
    for (const user of [
      world.unrelated.users.worker,
      world.unrelated.users.coordinator,
      world.unrelated.users.admin,
    ]) {
      const outsider = await world.signIn(user);
      const result = await outsider.request<any>(query, { id: partnershipGlobalId() });
      expect(result.data?.node).toBeNull();
      const mine = await outsider.request<any>("{ myPartnerships { id } }");
      expect(mine.data?.myPartnerships).toEqual([]);
    }
    const viewer = {
      userId: world.unrelated.users.worker.id,
      organisationId: world.unrelated.id,
      roles: ["OUTREACH_WORKER" as const],
    };
    expect(
      await queryAsViewer(pool, viewer, "SELECT name FROM partnerships WHERE id = $1", [world.partnershipId]),
    ).toEqual([]);
    expect(
      await queryAsViewer(
        pool,
        viewer,
        "SELECT organisation_id FROM partnership_members WHERE partnership_id = $1",
        [world.partnershipId],
      ),
    ).toEqual([]);
  });

  it("a member organisation and a committee member do", async () => {
    const committee = await createUser(pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    for (const user of [world.partner.users.worker, world.owner.users.admin, committee]) {
      const client = await world.signIn(user);
      const result = await client.request<any>(query, { id: partnershipGlobalId() });
      expect(result.data?.node.__typename).toBe("Partnership");
      expect(result.data?.node.members.map((m: any) => m.name)).toContain("Organisme propriétaire");
    }
    const seated = { userId: committee.id, organisationId: world.unrelated.id, roles: [] };
    expect(
      await queryAsViewer(pool, seated, "SELECT id FROM partnerships WHERE id = $1", [world.partnershipId]),
    ).toHaveLength(1);
  });
});

describe("notices go only to members whose role can act on them", () => {
  it("neither a committee member nor an admin without a working role receives or marks the organisation's referral notices", async () => {
    const sender = await world.signIn(world.owner.users.worker);
    const sent = await sender.request<any>(
      `mutation ($input: SendReferralInput!) { sendReferral(input: $input) { __typename ... on SendReferralSuccess { referral { id } } } }`,
      {
        input: {
          personId: world.person.globalId,
          toOrganisationId: world.partner.globalId,
          reason: "Hébergement",
          serviceRequested: "Place en refuge",
          urgency: "SOON",
        },
      },
    );
    const referralId = rawId(sent.data?.sendReferral.referral.id);
    const notices = "{ myNotifications(unreadOnly: true) { id kind recordId } }";
    const worker = await world.signIn(world.partner.users.worker);
    const received = (await worker.request<any>(notices)).data?.myNotifications.filter(
      (n: any) => n.recordId === referralId,
    );
    expect(received.map((n: any) => n.kind)).toEqual(["REFERRAL_RECEIVED"]);
    const ids = received.map((n: any) => n.id);

    const committee = await createUser(pool, {
      memberships: [{ organisationId: world.partner.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    for (const user of [world.partner.users.admin, committee]) {
      const client: TestClient = await world.signIn(user);
      expect((await client.request<any>(notices)).data?.myNotifications).toEqual([]);
      const marked = await client.request<any>(
        "mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }",
        {
          ids,
        },
      );
      expect(marked.data?.markNotificationsRead ?? 0).toBe(0);
      const viewer = {
        userId: user.id,
        organisationId: world.partner.id,
        roles: user === committee ? [] : ["ORG_ADMIN" as const],
      };
      expect(
        await queryAsViewer(pool, viewer, "SELECT id FROM notifications WHERE id = $1", [ids[0]]),
      ).toEqual([]);
    }
    // Still unread for the people who act on it.
    expect(
      (await worker.request<any>(notices)).data?.myNotifications.filter(
        (n: any) => n.recordId === referralId,
      ),
    ).toHaveLength(1);
  });
});

describe("only the visit's nurse completes it; a coordinator of her organisation hands it over", () => {
  it("another nurse of the organisation can neither complete the visit nor write its clinical notes", async () => {
    const visitId = await acceptedVisitNow();
    const other = await world.signIn(otherNurse);
    const refused = await other.request<any>(complete, {
      input: { visitId, acts: [{ kind: "STBBI_TEST", count: 1 }], notes: [{ body: "Pas sa visite" }] },
    });
    expect(refused.data?.completeNurseVisit).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const { rows } = await pool.query("SELECT status FROM nurse_visits WHERE id = $1", [rawId(visitId)]);
    expect(rows[0].status).toBe("ACCEPTED");
    const asOther = { userId: otherNurse.id, organisationId: healthId, roles: ["NURSE" as const] };
    await expect(
      queryAsViewer(
        pool,
        asOther,
        `INSERT INTO clinical_notes (nurse_visit_id, organisation_id, author_id, body) VALUES ($1, $2, $3, 'x')`,
        [rawId(visitId), healthId, otherNurse.id],
      ),
    ).rejects.toThrow(/row-level security/);
    // Refused either way: the row is not hers to change, or the completed row fails the check.
    const completedRows = await queryAsViewer(
      pool,
      asOther,
      "UPDATE nurse_visits SET status = 'COMPLETED' WHERE id = $1 RETURNING id",
      [rawId(visitId)],
    ).then(
      (updated) => updated.length,
      (error: Error) => {
        expect(error.message).toMatch(/row-level security/);
        return 0;
      },
    );
    expect(completedRows).toBe(0);
  });

  it("a coordinator of the nurse's organisation hands the visit to another nurse, audited; then only she completes it", async () => {
    const visitId = await acceptedVisitNow();
    const reassign = `mutation ($input: ReassignNurseVisitInput!) {
      reassignNurseVisit(input: $input) { __typename ... on ReassignNurseVisitSuccess { visit { nurseName } } ... on AppError { code } ... on InputValidationError { fields { path code } } }
    }`;
    // Not the visit's organisation's coordinator; not a nurse of it.
    const ownerCoordinator = await world.signIn(world.owner.users.coordinator);
    expect(
      (await ownerCoordinator.request<any>(reassign, { input: { visitId, nurseId: otherNurse.id } })).data
        ?.reassignNurseVisit,
    ).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const coordinator = await world.signIn(healthCoordinator);
    expect(
      (
        await coordinator.request<any>(reassign, {
          input: { visitId, nurseId: world.partner.users.nurse.id },
        })
      ).data?.reassignNurseVisit,
    ).toEqual({
      __typename: "InputValidationError",
      code: "INPUT_VALIDATION",
      fields: [{ path: "nurseId", code: "NOT_FOUND" }],
    });
    const nurseItself = await world.signIn(visitNurse);
    expect(
      (await nurseItself.request<any>(reassign, { input: { visitId, nurseId: otherNurse.id } })).errors?.[0]
        ?.extensions?.code,
    ).toBe("NOT_FOUND");

    const handed = await coordinator.request<any>(reassign, { input: { visitId, nurseId: otherNurse.id } });
    expect(handed.data?.reassignNurseVisit).toEqual({
      __typename: "ReassignNurseVisitSuccess",
      visit: { nurseName: otherNurse.displayName },
    });
    const { rows: audit } = await pool.query(
      "SELECT user_id, details FROM audit_events WHERE action = 'NURSE_VISIT_REASSIGNED' AND record_id = $1",
      [rawId(visitId)],
    );
    expect(audit).toEqual([
      { user_id: healthCoordinator.id, details: { from: visitNurse.id, to: otherNurse.id } },
    ]);

    const formerNurse = await nurseItself.request<any>(complete, { input: { visitId, acts: [] } });
    expect(formerNurse.data?.completeNurseVisit.__typename).toBe("NotFoundError");
    const other = await world.signIn(otherNurse);
    const done = await other.request<any>(complete, {
      input: { visitId, acts: [{ kind: "COUNSELLING", count: 1 }], notes: [{ body: "Fait." }] },
    });
    expect(done.data?.completeNurseVisit).toEqual({
      __typename: "CompleteNurseVisitSuccess",
      visit: { status: "COMPLETED" },
    });
  });
});

describe("every list that returns a legal name is audited", () => {
  async function legalNameReads(personId: string) {
    const { rows } = await pool.query<{ user_id: string }>(
      "SELECT user_id FROM audit_events WHERE action = 'READ_LEGAL_NAME' AND record_id = $1 ORDER BY id",
      [personId],
    );
    return rows;
  }

  it("persons(first: 60) with legal names writes one event per person shown with one, per request", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = (await legalNameReads(world.person.id)).length;
    const list = await worker.request<any>(
      "{ a: persons(first: 60) { edges { node { alias legalName } } } b: persons(first: 60) { edges { node { legalName } } } }",
    );
    expect(list.data?.a.edges.map((e: any) => e.node.legalName)).toContain("Nom Légal");
    const after = await legalNameReads(world.person.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ user_id: world.owner.users.worker.id });
    // Without the legal name, a list is not audited; a partner never gets the legal name.
    await worker.request("{ persons(first: 60) { edges { node { alias } } } }");
    const partner = await world.signIn(world.partner.users.worker);
    const shared = await partner.request<any>(
      "{ persons(first: 60) { edges { node { alias legalName } } } }",
    );
    expect(shared.data?.persons.edges.map((e: any) => e.node)).toContainEqual({
      alias: "Éloïse",
      legalName: null,
    });
    expect(await legalNameReads(world.person.id)).toHaveLength(before + 1);
  });
});

describe("an org admin cannot grant a role to itself", () => {
  const setRoles = `mutation ($input: SetMemberRolesInput!) {
    setMemberRoles(input: $input) { __typename ... on SetMemberRolesSuccess { member { roles } } ... on AppError { code } }
  }`;

  it("granting itself COORDINATOR is refused in the API and in the database; another admin or a coordinator must", async () => {
    const admin = await member(world.owner.id, ["ORG_ADMIN"]);
    const client = await world.signIn(admin);
    const self = await client.request<any>(setRoles, {
      input: { userId: admin.id, roles: ["ORG_ADMIN", "COORDINATOR"] },
    });
    expect(self.data?.setMemberRoles).toEqual({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const { rows } = await pool.query("SELECT roles FROM memberships WHERE user_id = $1", [admin.id]);
    expect(rows[0].roles).toEqual("{ORG_ADMIN}");
    const files = await client.request<any>("{ persons(first: 60) { edges { node { legalName } } } }");
    expect(files.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    await expect(
      queryAsViewer(
        pool,
        { userId: admin.id, organisationId: world.owner.id, roles: ["ORG_ADMIN"] },
        `UPDATE memberships SET roles = '{ORG_ADMIN,COORDINATOR}' WHERE user_id = $1 AND organisation_id = $2 RETURNING id`,
        [admin.id, world.owner.id],
      ),
    ).rejects.toThrow(/row-level security/);

    // A coordinator gives it a working role, audited; a coordinator never grants ORG_ADMIN.
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const granted = await coordinator.request<any>(setRoles, {
      input: { userId: admin.id, roles: ["ORG_ADMIN", "OUTREACH_WORKER"] },
    });
    expect(granted.data?.setMemberRoles).toEqual({
      __typename: "SetMemberRolesSuccess",
      member: { roles: ["ORG_ADMIN", "OUTREACH_WORKER"] },
    });
    const { rows: audit } = await pool.query(
      "SELECT user_id, details FROM audit_events WHERE action = 'ROLES_CHANGED' AND record_id = $1",
      [admin.id],
    );
    expect(audit).toEqual([
      {
        user_id: world.owner.users.coordinator.id,
        details: { from: ["ORG_ADMIN"], to: ["ORG_ADMIN", "OUTREACH_WORKER"] },
      },
    ]);
    const promote = await coordinator.request<any>(setRoles, {
      input: { userId: world.owner.users.worker.id, roles: ["OUTREACH_WORKER", "ORG_ADMIN"] },
    });
    expect(promote.data?.setMemberRoles).toEqual({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    // Another admin may grant it COORDINATOR.
    const otherAdmin = await world.signIn(world.owner.users.admin);
    const byOther = await otherAdmin.request<any>(setRoles, {
      input: { userId: admin.id, roles: ["ORG_ADMIN", "COORDINATOR"] },
    });
    expect(byOther.data?.setMemberRoles.member.roles).toEqual(["ORG_ADMIN", "COORDINATOR"]);
    // Dropping one's own roles is no escalation.
    const again = await world.signIn(admin);
    const dropped = await again.request<any>(setRoles, { input: { userId: admin.id, roles: ["ORG_ADMIN"] } });
    expect(dropped.data?.setMemberRoles.member.roles).toEqual(["ORG_ADMIN"]);
  });
});

describe("the free-text reason of a visit stays with the organisations taking part in it", () => {
  it("so does its meeting place: a third partner with a visit-logistics consent sees neither", async () => {
    const place = "Porte de côté, sonner deux fois";
    const visitId = await proposeVisit("Dépistage", place);
    const query = `query ($id: ID!) { node(id: $id) { ... on NurseVisit { status meetingPlace } } }`;
    const third = await world.signIn(thirdWorker);
    expect((await third.request<any>(query, { id: visitId })).data?.node).toEqual({
      status: "PROPOSED",
      meetingPlace: null,
    });
    for (const user of [
      world.owner.users.worker,
      world.owner.users.coordinator,
      visitNurse,
      healthCoordinator,
    ]) {
      const client = await world.signIn(user);
      expect((await client.request<any>(query, { id: visitId })).data?.node.meetingPlace).toBe(place);
    }
    const placeOf = (userId: string, organisationId: string, roles: ("OUTREACH_WORKER" | "NURSE")[]) =>
      queryAsViewer(
        pool,
        { userId, organisationId, roles },
        "SELECT body FROM nurse_visit_meeting_places WHERE nurse_visit_id = $1",
        [rawId(visitId)],
      );
    expect(await placeOf(thirdWorker.id, thirdId, ["OUTREACH_WORKER"])).toEqual([]);
    expect(await placeOf(visitNurse.id, healthId, ["NURSE"])).toEqual([{ body: place }]);
    expect(await placeOf(world.owner.users.worker.id, world.owner.id, ["OUTREACH_WORKER"])).toEqual([
      { body: place },
    ]);
    // Nor may the third partner write one for the visit (RLS's WITH CHECK).
    await expect(
      queryAsViewer(
        pool,
        { userId: thirdWorker.id, organisationId: thirdId, roles: ["OUTREACH_WORKER"] },
        `INSERT INTO nurse_visit_meeting_places (nurse_visit_id, organisation_id, worker_organisation_id, body)
         VALUES ($1, $2, $2, 'ailleurs')`,
        [rawId(visitId), thirdId],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("a third partner holding a visit-logistics consent sees the visit, not its reason", async () => {
    const visitId = await proposeVisit("Suivi (test de grossesse?)");
    const query = `query ($id: ID!) { node(id: $id) { ... on NurseVisit { status placeType reason } } }`;
    const third = await world.signIn(thirdWorker);
    expect((await third.request<any>(query, { id: visitId })).data?.node).toEqual({
      status: "PROPOSED",
      placeType: "HOME",
      reason: null,
    });
    for (const user of [
      world.owner.users.worker,
      world.owner.users.coordinator,
      visitNurse,
      healthCoordinator,
    ]) {
      const client = await world.signIn(user);
      expect((await client.request<any>(query, { id: visitId })).data?.node.reason).toBe(
        "Suivi (test de grossesse?)",
      );
    }
    const reasonOf = (userId: string, organisationId: string) =>
      queryAsViewer(
        pool,
        { userId, organisationId, roles: ["OUTREACH_WORKER"] },
        "SELECT body FROM nurse_visit_reasons WHERE nurse_visit_id = $1",
        [rawId(visitId)],
      );
    expect(await reasonOf(thirdWorker.id, thirdId)).toEqual([]);
    expect(await reasonOf(world.owner.users.worker.id, world.owner.id)).toEqual([
      { body: "Suivi (test de grossesse?)" },
    ]);
    // A referral's reason: sender and receiver only (the third partner does not see the referral).
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO referrals (person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id, reason,
         service_requested, urgency)
       SELECT $1, $2, $3, $4, c.id, 'Violence conjugale', 'Hébergement', 'URGENT'
         FROM consents c WHERE c.person_id = $1 AND c.grantee_organisation_id = $4
       RETURNING id`,
      [world.person.id, world.owner.id, world.owner.users.worker.id, world.partner.id],
    );
    const referralQuery = `query ($id: ID!) { node(id: $id) { ... on Referral { reason } } }`;
    const referralId = encodeGlobalID("Referral", onlyRow(rows).id);
    expect((await third.request<any>(referralQuery, { id: referralId })).data?.node).toBeNull();
    const receiver = await world.signIn(world.partner.users.worker);
    expect((await receiver.request<any>(referralQuery, { id: referralId })).data?.node).toEqual({
      reason: "Violence conjugale",
    });
  });
});
