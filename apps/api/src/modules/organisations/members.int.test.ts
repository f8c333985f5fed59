import { createHash, randomUUID } from "node:crypto";
import type { Role } from "@maillage/db";
import { createOrganisation, createUser, type TestUser } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";
import { runStatements } from "../../testing/write-matrix-runner.ts";

const world = usePartnershipWorld();

const inviteMutation = `mutation ($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    __typename
    ... on InviteMemberSuccess { link invitation { id email displayName roles invitedByName expiresAt } }
    ... on AppError { code }
    ... on InputValidationError { fields { path code } }
  }
}`;
const acceptMutation = `mutation ($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    __typename
    ... on AcceptInvitationSuccess {
      me { csrfToken roles user { email displayName } actingOrganisation { id } }
    }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code } }
  }
}`;
const revokeMutation = `mutation ($input: RevokeInvitationInput!) {
  revokeInvitation(input: $input) { __typename ... on AppError { code } }
}`;
const deactivateMutation = `mutation ($input: DeactivateMemberInput!) {
  deactivateMember(input: $input) {
    __typename ... on DeactivateMemberSuccess { member { userId roles } } ... on AppError { code }
  }
}`;
const endAllMutation = `mutation {
  endAllSessions { __typename ... on EndAllSessionsSuccess { ended { sessions devices } } ... on AppError { code } }
}`;
const invitationsQuery = "{ invitations { id email roles } }";
const meQuery = "{ me { user { email } actingOrganisation { id } roles } }";
const personsQuery = "{ persons(first: 5) { edges { node { alias } } } }";

/** A refused scope is answered as not found, at the field's path. */
const refusalOf = (result: { errors?: { extensions?: { code?: string } }[] }) => ({
  code: result.errors?.[0]?.extensions?.code,
});
/** The code a mutation field answered: its typed error's, or the refusal's. */
const codeOf = (result: any, field: string): string | undefined =>
  result.data?.[field]?.code ?? refusalOf(result).code;

const newEmail = () => `invitee-${randomUUID()}@test.example`;
const newPassword = "un mot de passe assez long";

async function invite(client: TestClient, input: { email: string; displayName?: string; roles: Role[] }) {
  const result = await client.request<any>(inviteMutation, {
    input: { displayName: "Nouvelle Collègue", ...input },
  });
  return result.data?.inviteMember ?? refusalOf(result);
}

/** The token of a link `/invitation#<token>`. */
function tokenOf(link: string): string {
  expect(link).toMatch(/^\/invitation#[A-Za-z0-9_-]{43}$/);
  return link.slice("/invitation#".length);
}

/** Accepts in a fresh client (a browser with no session): the client and the answer. */
async function accept(input: { token: string; password: string; displayName?: string | null }) {
  const client = new TestClient(world.server.url);
  const result = await client.request<any>(acceptMutation, { input });
  const answer = result.data?.acceptInvitation;
  if (answer?.me) client.csrfToken = answer.me.csrfToken;
  return { client, answer };
}

async function invitationRow(id: string) {
  const { rows } = await world.pool.query(
    "SELECT email, token_hash, invited_by_id, accepted_at, revoked_at, expires_at - created_at AS lasts FROM invitations WHERE id = $1",
    [id],
  );
  return onlyRow(rows);
}

const membershipOf = async (userId: string, organisationId: string) =>
  (
    await world.pool.query<{ roles: string; ended_at: Date | null }>(
      "SELECT roles::text, ended_at FROM memberships WHERE user_id = $1 AND organisation_id = $2",
      [userId, organisationId],
    )
  ).rows;

const auditCount = (action: string, recordId: string) =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND record_id = $2", [
    action,
    recordId,
  ]);

describe("invitations", () => {
  it("an org admin invites; the link is answered once, only its hash is kept; the invitee opens her account and is signed in", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const email = newEmail();
    const sent = await invite(admin, { email: `  ${email.toUpperCase()} `, roles: ["OUTREACH_WORKER"] });
    expect(sent.__typename).toBe("InviteMemberSuccess");
    expect(sent.invitation).toMatchObject({
      email,
      roles: ["OUTREACH_WORKER"],
      invitedByName: world.owner.users.admin.displayName,
    });
    const token = tokenOf(sent.link);
    const row = await invitationRow(sent.invitation.id);
    expect(row.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.invited_by_id).toBe(world.owner.users.admin.id);
    expect(row.lasts).toEqual({ days: 7 });
    expect(await auditCount("MEMBER_INVITED", sent.invitation.id)).toBe(1);
    // The pending list shows it, never its link again.
    const pending = await admin.request<any>(invitationsQuery);
    expect(pending.data?.invitations).toContainEqual({
      id: sent.invitation.id,
      email,
      roles: ["OUTREACH_WORKER"],
    });
    expect(JSON.stringify(pending)).not.toContain(token);

    const { client, answer } = await accept({ token, password: newPassword, displayName: "Camille" });
    expect(answer.__typename).toBe("AcceptInvitationSuccess");
    expect(answer.me).toMatchObject({
      roles: ["OUTREACH_WORKER"],
      user: { email, displayName: "Camille" },
      actingOrganisation: { id: world.owner.globalId },
    });
    // Signed in for real: her next request reads the team's persons.
    const persons = await client.request<any>(personsQuery);
    expect(persons.data?.persons.edges.map((e: any) => e.node.alias)).toContain("Éloïse");
    expect((await invitationRow(sent.invitation.id)).accepted_at).not.toBeNull();
    expect(await auditCount("INVITATION_ACCEPTED", sent.invitation.id)).toBe(1);
    const after = await admin.request<any>(invitationsQuery);
    expect(after.data?.invitations.map((i: any) => i.id)).not.toContain(sent.invitation.id);
    // And she signs in later with the password she chose.
    await TestClient.signedIn(world.server.url, { email, password: newPassword });

    // The link worked once.
    const again = await accept({ token, password: newPassword });
    expect(again.answer).toMatchObject({ __typename: "InvitationInvalidError", code: "INVITATION_INVALID" });
    expect(again.client.cookie).toBeNull();
  });

  it("a coordinator invites to working roles, never to ORG_ADMIN; a worker or another organisation's admin cannot invite", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const working = await invite(coordinator, { email: newEmail(), roles: ["NURSE", "COORDINATOR"] });
    expect(working.__typename).toBe("InviteMemberSuccess");

    const email = newEmail();
    const count = () =>
      countOf(world.pool, "SELECT count(*)::int AS n FROM invitations WHERE email = $1", [email]);
    const asAdmin = await invite(coordinator, { email, roles: ["ORG_ADMIN"] });
    expect(asAdmin).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const worker = await world.signIn(world.owner.users.worker);
    expect(await invite(worker, { email, roles: ["OUTREACH_WORKER"] })).toMatchObject({ code: "NOT_FOUND" });
    expect((await worker.request<any>(invitationsQuery)).data).toBeNull();
    const nurse = await world.signIn(world.owner.users.nurse);
    expect(await invite(nurse, { email, roles: [] })).toMatchObject({ code: "NOT_FOUND" });
    expect(await count()).toBe(0);

    // An org admin gives the admin role.
    const admin = await world.signIn(world.owner.users.admin);
    expect((await invite(admin, { email, roles: ["ORG_ADMIN"] })).__typename).toBe("InviteMemberSuccess");
    // Another organisation's admin sees none of them and revokes none.
    const stranger = await world.signIn(world.unrelated.users.admin);
    const theirs = await stranger.request<any>(invitationsQuery);
    expect(theirs.data?.invitations.map((i: any) => i.id)).not.toContain(working.invitation.id);
    const revoked = await stranger.request<any>(revokeMutation, {
      input: { invitationId: working.invitation.id },
    });
    expect(codeOf(revoked, "revokeInvitation")).toBe("NOT_FOUND");
    expect((await invitationRow(working.invitation.id)).revoked_at).toBeNull();
  });

  it("refuses to invite a member in force", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const refused = await invite(admin, { email: world.owner.users.nurse.email, roles: ["NURSE"] });
    expect(refused).toMatchObject({
      __typename: "InputValidationError",
      fields: [{ path: "email", code: "ALREADY_MEMBER" }],
    });
  });

  it("a revoked or expired link answers one clear error and writes nothing", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const revokedEmail = newEmail();
    const revoked = await invite(admin, { email: revokedEmail, roles: ["OUTREACH_WORKER"] });
    const result = await admin.request<any>(revokeMutation, {
      input: { invitationId: revoked.invitation.id },
    });
    expect(result.data?.revokeInvitation.__typename).toBe("RevokeInvitationSuccess");
    expect(await auditCount("INVITATION_REVOKED", revoked.invitation.id)).toBe(1);
    // Revoked once: a second revocation finds no pending invitation.
    const twice = await admin.request<any>(revokeMutation, {
      input: { invitationId: revoked.invitation.id },
    });
    expect(codeOf(twice, "revokeInvitation")).toBe("NOT_FOUND");

    const expiredEmail = newEmail();
    const expired = await invite(admin, { email: expiredEmail, roles: ["OUTREACH_WORKER"] });
    await world.pool.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [
      expired.invitation.id,
    ]);
    const pending = await admin.request<any>(invitationsQuery);
    const pendingIds = pending.data?.invitations.map((i: any) => i.id);
    expect(pendingIds).not.toContain(revoked.invitation.id);
    expect(pendingIds).not.toContain(expired.invitation.id);

    for (const token of [tokenOf(revoked.link), tokenOf(expired.link), "x".repeat(43)]) {
      const { answer } = await accept({ token, password: newPassword });
      expect(answer).toMatchObject({ __typename: "InvitationInvalidError", code: "INVITATION_INVALID" });
      expect(answer.message).toMatch(/^Ce lien d'invitation ne fonctionne plus/);
    }
    const english = new TestClient(world.server.url, "en");
    const inEnglish = await english.request<any>(acceptMutation, {
      input: { token: tokenOf(revoked.link), password: newPassword },
    });
    expect(inEnglish.data?.acceptInvitation.message).toMatch(/^This invitation link no longer works/);
    const accounts = await countOf(
      world.pool,
      "SELECT count(*)::int AS n FROM users WHERE email = ANY ($1)",
      [[revokedEmail, expiredEmail]],
    );
    expect(accounts).toBe(0);
    expect((await invitationRow(expired.invitation.id)).accepted_at).toBeNull();
  });

  it("a new account's password has at least 12 characters", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const sent = await invite(admin, { email: newEmail(), roles: ["OUTREACH_WORKER"] });
    const { answer } = await accept({ token: tokenOf(sent.link), password: "trop court" });
    expect(answer).toMatchObject({ fields: [{ path: "password", code: "TOO_SHORT" }] });
    expect((await invitationRow(sent.invitation.id)).accepted_at).toBeNull();
  });

  it("an existing account joins only with its own password, keeping its password and name; a wrong one is a counted failure", async () => {
    const existing = await createUser(world.pool, {
      memberships: [{ organisationId: world.partner.id, roles: ["NURSE"] }],
    });
    const admin = await world.signIn(world.owner.users.admin);
    const sent = await invite(admin, { email: existing.email, roles: ["NURSE"] });
    const token = tokenOf(sent.link);

    const wrong = await accept({ token, password: "pas le bon mot de passe", displayName: "Usurpatrice" });
    expect(wrong.answer).toMatchObject({ fields: [{ path: "password", code: "ACCOUNT_PASSWORD" }] });
    expect(wrong.client.cookie).toBeNull();
    expect(await membershipOf(existing.id, world.owner.id)).toEqual([]);
    expect((await invitationRow(sent.invitation.id)).accepted_at).toBeNull();
    const failures = await countOf(
      world.pool,
      "SELECT count(*)::int AS n FROM sign_in_attempts WHERE email = $1 AND NOT succeeded",
      [existing.email],
    );
    expect(failures).toBe(1);

    const right = await accept({ token, password: existing.password, displayName: "Autre nom" });
    expect(right.answer.me).toMatchObject({
      roles: ["NURSE"],
      user: { email: existing.email, displayName: existing.displayName },
      actingOrganisation: { id: world.owner.globalId },
    });
    expect(await membershipOf(existing.id, world.owner.id)).toEqual([{ roles: "{NURSE}", ended_at: null }]);
    expect(await membershipOf(existing.id, world.partner.id)).toEqual([{ roles: "{NURSE}", ended_at: null }]);
    // Her password is still hers.
    await TestClient.signedIn(world.server.url, existing);
  });

  it("is throttled with the e-mail's failed sign-ins, even with the right password", async () => {
    const existing = await createUser(world.pool);
    const admin = await world.signIn(world.owner.users.admin);
    const sent = await invite(admin, { email: existing.email, roles: ["OUTREACH_WORKER"] });
    // Five failures for this e-mail from elsewhere (no address: this file's address stays clear).
    await world.pool.query(
      "INSERT INTO sign_in_attempts (email, ip, succeeded) SELECT $1, NULL, false FROM generate_series(1, 5)",
      [existing.email],
    );
    const { answer } = await accept({ token: tokenOf(sent.link), password: existing.password });
    expect(answer).toMatchObject({ __typename: "TooManyAttemptsError", code: "TOO_MANY_ATTEMPTS" });
    expect(await membershipOf(existing.id, world.owner.id)).toEqual([]);
  });

  it("re-inviting a deactivated member reopens her membership with the new roles", async () => {
    const former = await createUser(world.pool, {
      memberships: [{ organisationId: world.owner.id, roles: ["OUTREACH_WORKER"] }],
    });
    const admin = await world.signIn(world.owner.users.admin);
    const ended = await admin.request<any>(deactivateMutation, { input: { userId: former.id } });
    expect(ended.data?.deactivateMember.__typename).toBe("DeactivateMemberSuccess");
    const sent = await invite(admin, { email: former.email, roles: ["NURSE"] });
    const { answer } = await accept({ token: tokenOf(sent.link), password: former.password });
    expect(answer.me.roles).toEqual(["NURSE"]);
    expect(await membershipOf(former.id, world.owner.id)).toEqual([{ roles: "{NURSE}", ended_at: null }]);
  });
});

/** A fresh member of the owning organisation with a session, a device vault and a follow. */
async function signedInMember(roles: Role[]): Promise<{ user: TestUser; client: TestClient }> {
  const user = await createUser(world.pool, { memberships: [{ organisationId: world.owner.id, roles }] });
  const client = await world.signIn(user);
  await world.pool.query(
    "INSERT INTO device_vaults (user_id, device_id, secret, expires_at) VALUES ($1, $2, '\\x01', now() + interval '1 day')",
    [user.id, randomUUID()],
  );
  await world.pool.query(
    "INSERT INTO person_followers (person_id, user_id, organisation_id) VALUES ($1, $2, $3)",
    [world.person.id, user.id, world.owner.id],
  );
  return { user, client };
}

const countFor = (table: string, userId: string) =>
  countOf(world.pool, `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [userId]);

describe("deactivation", () => {
  it("ends the membership, her sessions for the organisation, her devices' vaults and her follows; she sees nothing after", async () => {
    const { user, client } = await signedInMember(["OUTREACH_WORKER"]);
    const before = await client.request<any>(personsQuery);
    expect(before.data?.persons.edges.length).toBeGreaterThan(0);

    const admin = await world.signIn(world.owner.users.admin);
    const result = await admin.request<any>(deactivateMutation, { input: { userId: user.id } });
    expect(result.data?.deactivateMember).toMatchObject({
      __typename: "DeactivateMemberSuccess",
      member: { userId: user.id, roles: ["OUTREACH_WORKER"] },
    });
    expect((await membershipOf(user.id, world.owner.id))[0]?.ended_at).not.toBeNull();
    expect(await countFor("sessions", user.id)).toBe(0);
    expect(await countFor("device_vaults", user.id)).toBe(0);
    expect(await countFor("person_followers", user.id)).toBe(0);
    expect(await auditCount("MEMBER_DEACTIVATED", user.id)).toBe(1);

    // Her next request is refused: the session is gone.
    const after = await client.request<any>(personsQuery);
    expect(after.data?.persons).toBeUndefined();
    expect((await client.request<any>(meQuery)).data?.me).toBeNull();
    // Signing in again, she acts as no organisation and reads nothing of it.
    const back = await world.signIn(user);
    expect((await back.request<any>(meQuery)).data?.me).toMatchObject({
      actingOrganisation: null,
      roles: [],
    });
    expect((await back.request<any>(personsQuery)).data?.persons).toBeUndefined();
    const team = await admin.request<any>("{ team { userId } }");
    expect(team.data?.team.map((m: any) => m.userId)).not.toContain(user.id);
  });

  it("nobody deactivates herself, a coordinator never an org admin, a worker nobody — in SQL too", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const self = await admin.request<any>(deactivateMutation, {
      input: { userId: world.owner.users.admin.id },
    });
    expect(codeOf(self, "deactivateMember")).toBe("FORBIDDEN");
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const ofAdmin = await coordinator.request<any>(deactivateMutation, {
      input: { userId: world.owner.users.admin.id },
    });
    expect(codeOf(ofAdmin, "deactivateMember")).toBe("FORBIDDEN");
    const worker = await world.signIn(world.owner.users.worker);
    const byWorker = await worker.request<any>(deactivateMutation, {
      input: { userId: world.owner.users.nurse.id },
    });
    expect(codeOf(byWorker, "deactivateMember")).toBe("NOT_FOUND");
    const partnerAdmin = await world.signIn(world.partner.users.admin);
    const fromPartner = await partnerAdmin.request<any>(deactivateMutation, {
      input: { userId: world.owner.users.nurse.id },
    });
    expect(codeOf(fromPartner, "deactivateMember")).toBe("NOT_FOUND");
    for (const u of [world.owner.users.admin, world.owner.users.nurse]) {
      expect((await membershipOf(u.id, world.owner.id))[0]?.ended_at).toBeNull();
    }

    const end = (userId: string) => ({
      sql: "UPDATE memberships SET ended_at = now() WHERE user_id = $1 AND organisation_id = $2",
      params: [userId, world.owner.id],
    });
    const as = (user: TestUser, roles: Role[]) => ({
      userId: user.id,
      organisationId: world.owner.id,
      roles,
    });
    const { users } = world.owner;
    expect(
      await runStatements(world.pool, as(users.coordinator, ["COORDINATOR"]), {
        admin: end(users.admin.id),
        nurse: end(users.nurse.id),
      }),
    ).toEqual({ admin: "refused", nurse: "allowed" });
    expect(
      await runStatements(world.pool, as(users.admin, ["ORG_ADMIN"]), {
        self: end(users.admin.id),
        coordinator: end(users.coordinator.id),
      }),
    ).toEqual({ self: "refused", coordinator: "allowed" });
  });
});

describe("ending every session of the team", () => {
  it("signs every member out but the caller and forgets their devices; other organisations keep theirs", async () => {
    const organisation = await createOrganisation(world.pool, { name: "Téléphone perdu" });
    const member = (roles: Role[]) =>
      createUser(world.pool, { memberships: [{ organisationId: organisation.id, roles }] });
    const [caller, otherAdmin, worker] = [
      await member(["ORG_ADMIN"]),
      await member(["ORG_ADMIN"]),
      await member(["OUTREACH_WORKER"]),
    ];
    const coordinator = await member(["COORDINATOR"]);
    const callerClient = await world.signIn(caller);
    const callerOtherSession = await world.signIn(caller);
    const others = [await world.signIn(otherAdmin), await world.signIn(worker), await world.signIn(worker)];
    const outsider = await world.signIn(world.partner.users.worker);
    for (const user of [caller, worker, world.partner.users.worker]) {
      await world.pool.query(
        "INSERT INTO device_vaults (user_id, device_id, secret, expires_at) VALUES ($1, $2, '\\x01', now() + interval '1 day')",
        [user.id, randomUUID()],
      );
    }

    // A coordinator may not.
    const byCoordinator = await (await world.signIn(coordinator)).request<any>(endAllMutation);
    expect(codeOf(byCoordinator, "endAllSessions")).toBe("NOT_FOUND");
    expect(await countFor("device_vaults", worker.id)).toBe(1);

    const result = await callerClient.request<any>(endAllMutation);
    expect(result.data?.endAllSessions).toMatchObject({ __typename: "EndAllSessionsSuccess" });
    // The caller's other session, the other admin's, the worker's two and the coordinator's.
    expect(result.data?.endAllSessions.ended).toEqual({ sessions: 5, devices: 2 });
    for (const client of [callerOtherSession, ...others]) {
      expect((await client.request<any>(meQuery)).data?.me).toBeNull();
    }
    expect((await callerClient.request<any>(meQuery)).data?.me.user.email).toBe(caller.email);
    expect(await countFor("device_vaults", worker.id)).toBe(0);
    expect(await countFor("device_vaults", caller.id)).toBe(0);
    expect(await countFor("device_vaults", world.partner.users.worker.id)).toBe(1);
    expect((await outsider.request<any>(meQuery)).data?.me.user.email).toBe(world.partner.users.worker.email);
    expect(await auditCount("SESSIONS_ENDED", organisation.id)).toBe(1);
  });
});
