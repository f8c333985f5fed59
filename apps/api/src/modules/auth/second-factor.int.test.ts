/**
 * Two-step sign-in (issue 18): coordinators and org admins cannot use their roles until they turn
 * it on — through GraphQL and in row-level security —; a code is asked after the right password
 * only, accepted once, counted when wrong; recovery codes work once; a remembered browser skips
 * the code until the team's sessions are ended; an org admin resets a member's lost phone.
 */
import { hashToken } from "@maillage/db";
import { adminPool, createOrganisation, createPerson, createUser } from "@maillage/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { onlyRow } from "../../testing/rows.ts";
import { startTestServer, type TestServer } from "../../testing/test-server.ts";
import { codeAtStep, timeStep } from "./second-factor.ts";

const signInMutation = `mutation ($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { me { csrfToken roles secondFactor { enabled required withheldRoles recoveryCodesLeft } } }
    ... on AppError { code message }
  }
}`;
const meQuery = "{ me { roles secondFactor { enabled required withheldRoles recoveryCodesLeft } } }";
const startMutation = `mutation { startSecondFactorEnrolment {
  __typename ... on StartSecondFactorEnrolmentSuccess { enrolment { secret otpauthUri } } ... on AppError { code }
} }`;
const confirmMutation = `mutation ($input: ConfirmSecondFactorEnrolmentInput!) {
  confirmSecondFactorEnrolment(input: $input) {
    __typename
    ... on ConfirmSecondFactorEnrolmentSuccess { confirmed { recoveryCodes me { roles secondFactor { enabled withheldRoles recoveryCodesLeft } } } }
    ... on AppError { code message }
  }
}`;
const removeMutation = `mutation ($input: RemoveSecondFactorInput!) {
  removeSecondFactor(input: $input) {
    __typename ... on RemoveSecondFactorSuccess { me { secondFactor { enabled } } } ... on AppError { code }
  }
}`;
const resetMutation = `mutation ($input: ResetMemberSecondFactorInput!) {
  resetMemberSecondFactor(input: $input) {
    __typename ... on ResetMemberSecondFactorSuccess { member { userId secondFactorOn } } ... on AppError { code }
  }
}`;
const endAllMutation = "mutation { endAllSessions { __typename } }";
const teamQuery = "{ team { userId roles secondFactorOn } }";
const personsQuery = "{ persons(first: 5) { edges { node { alias } } } }";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const pool = () => adminPool(server.databaseUrl);
const nowCode = (secret: string, offset = 0) => codeAtStep(secret, timeStep(new Date()) + offset);

interface SignInAnswer {
  signIn: {
    __typename: string;
    code?: string;
    me?: { csrfToken: string; roles: string[]; secondFactor: { withheldRoles: string[] } };
  };
}

async function signInRaw(client: TestClient, input: Record<string, unknown>) {
  const answer = await client.request<SignInAnswer>(signInMutation, { input });
  const me = answer.data?.signIn.me;
  if (me) client.csrfToken = me.csrfToken;
  return answer.data?.signIn;
}

/** An organisation with a coordinator who never enrolled, and a worker. */
async function team() {
  const organisation = await createOrganisation(pool());
  const coordinator = await createUser(pool(), {
    memberships: [{ organisationId: organisation.id, roles: ["COORDINATOR"] }],
    secondFactor: false,
  });
  const worker = await createUser(pool(), {
    memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
  });
  await createPerson(pool(), { organisationId: organisation.id });
  return { organisation, coordinator, worker };
}

/** Signs `user` in (password only: no factor yet) and turns two-step sign-in on; answers the secret and codes. */
async function enrol(client: TestClient, user: { email: string; password: string }) {
  await signInRaw(client, { email: user.email, password: user.password });
  const started = await client.request<any>(startMutation);
  const secret: string = started.data.startSecondFactorEnrolment.enrolment.secret;
  const confirmed = await client.request<any>(confirmMutation, { input: { code: nowCode(secret) } });
  return { secret, confirmed: confirmed.data.confirmSecondFactorEnrolment };
}

describe("a coordinator without a second factor", () => {
  it("acts without her role, in GraphQL and in row-level security, until she turns it on", async () => {
    const { coordinator } = await team();
    const client = new TestClient(server.url);
    const signedIn = await signInRaw(client, { email: coordinator.email, password: coordinator.password });
    expect(signedIn?.__typename).toBe("SignInSuccess");
    expect(signedIn?.me?.roles).toEqual([]);
    expect(signedIn?.me?.secondFactor.withheldRoles).toEqual(["COORDINATOR"]);
    // The team's page (MANAGE_MEMBERS) is refused, and row-level security shows her no file.
    expect((await client.request(teamQuery)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const before = await client.request<any>(personsQuery);
    expect(before.data?.persons.edges ?? []).toEqual([]);

    const started = await client.request<any>(startMutation);
    const { secret, otpauthUri } = started.data.startSecondFactorEnrolment.enrolment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain("otpauth://totp/Maillage:");
    const wrong = await client.request<any>(confirmMutation, {
      input: { code: "000000" === nowCode(secret) ? "111111" : "000000" },
    });
    expect(wrong.data.confirmSecondFactorEnrolment.code).toBe("SECOND_FACTOR_INVALID");

    const confirmed = await client.request<any>(confirmMutation, { input: { code: nowCode(secret) } });
    const result = confirmed.data.confirmSecondFactorEnrolment.confirmed;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(result.recoveryCodes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(result.me.roles).toEqual(["COORDINATOR"]);
    expect(result.me.secondFactor).toEqual({ enabled: true, withheldRoles: [], recoveryCodesLeft: 10 });
    // From this request on, her role applies.
    expect((await client.request(teamQuery)).errors).toBeUndefined();
    expect((await client.request<any>(personsQuery)).data.persons.edges).toHaveLength(1);
    const audited = await pool().query(
      "SELECT 1 FROM audit_events WHERE user_id = $1 AND action = 'SECOND_FACTOR_ENROLLED'",
      [coordinator.id],
    );
    expect(audited.rowCount).toBe(1);
  });

  it("loses her role at once when promoted without one, and cannot remove a factor her role requires", async () => {
    const { organisation, worker } = await team();
    const client = await TestClient.signedIn(server.url, worker);
    await pool().query(`UPDATE memberships SET roles = '{OUTREACH_WORKER,COORDINATOR}' WHERE user_id = $1`, [
      worker.id,
    ]);
    const me = await client.request<any>(meQuery);
    expect(me.data.me.roles).toEqual(["OUTREACH_WORKER"]);
    expect(me.data.me.secondFactor).toMatchObject({ required: true, withheldRoles: ["COORDINATOR"] });
    expect(organisation.id).toBeTruthy();

    const fresh = new TestClient(server.url);
    const { secret } = await enrol(fresh, worker);
    const refused = await fresh.request<any>(removeMutation, { input: { code: nowCode(secret, 1) } });
    expect(refused.data.removeSecondFactor.code).toBe("SECOND_FACTOR_REQUIRED_BY_ROLE");
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code only after the right password, accepts it once, and counts a wrong one", async () => {
    const { coordinator } = await team();
    const { secret } = await enrol(new TestClient(server.url), coordinator);
    const credentials = { email: coordinator.email, password: coordinator.password };

    const wrongPassword = await signInRaw(new TestClient(server.url), {
      ...credentials,
      password: "pas le bon",
    });
    expect(wrongPassword?.code).toBe("INVALID_CREDENTIALS");
    const failuresBefore = await failuresOf(coordinator.email);
    const asked = await signInRaw(new TestClient(server.url), credentials);
    expect(asked?.code).toBe("SECOND_FACTOR_REQUIRED");
    expect(await failuresOf(coordinator.email)).toBe(failuresBefore);

    const wrongCode = nowCode(secret) === "123456" ? "654321" : "123456";
    expect((await signInRaw(new TestClient(server.url), { ...credentials, code: wrongCode }))?.code).toBe(
      "SECOND_FACTOR_INVALID",
    );
    expect(await failuresOf(coordinator.email)).toBe(failuresBefore + 1);

    // The enrolment spent the current step: the next one (a phone's clock a little ahead) works once.
    const code = nowCode(secret, 1);
    const client = new TestClient(server.url);
    const accepted = await signInRaw(client, {
      ...credentials,
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(accepted?.__typename).toBe("SignInSuccess");
    expect(accepted?.me?.roles).toEqual(["COORDINATOR"]);
    const replayed = await signInRaw(new TestClient(server.url), { ...credentials, code });
    expect(replayed?.code).toBe("SECOND_FACTOR_INVALID");
  });

  it("takes each recovery code once, audited", async () => {
    const { coordinator } = await team();
    const { confirmed } = await enrol(new TestClient(server.url), coordinator);
    const [recovery] = confirmed.confirmed.recoveryCodes as string[];
    const credentials = { email: coordinator.email, password: coordinator.password };
    const client = new TestClient(server.url);
    expect((await signInRaw(client, { ...credentials, code: recovery?.toUpperCase() }))?.__typename).toBe(
      "SignInSuccess",
    );
    expect((await client.request<any>(meQuery)).data.me.secondFactor.recoveryCodesLeft).toBe(9);
    expect((await signInRaw(new TestClient(server.url), { ...credentials, code: recovery }))?.code).toBe(
      "SECOND_FACTOR_INVALID",
    );
    const audited = await pool().query(
      "SELECT 1 FROM audit_events WHERE user_id = $1 AND action = 'RECOVERY_CODE_USED'",
      [coordinator.id],
    );
    expect(audited.rowCount).toBe(1);
  });

  it("skips the code on a remembered browser of the same user only, until the team's sessions are ended", async () => {
    const { organisation, coordinator } = await team();
    const { secret } = await enrol(new TestClient(server.url), coordinator);
    const credentials = { email: coordinator.email, password: coordinator.password };
    const browser = new TestClient(server.url);
    await signInRaw(browser, { ...credentials, code: nowCode(secret, 1), rememberDevice: true });
    expect(browser.deviceCookie).toMatch(/^maillage_device=/);
    const token = browser.deviceCookie?.split("=")[1] ?? "";
    const stored = await pool().query("SELECT user_id FROM trusted_devices WHERE token_hash = $1", [
      hashToken(token),
    ]);
    expect(onlyRow(stored.rows).user_id).toBe(coordinator.id);

    browser.cookie = null;
    expect((await signInRaw(browser, credentials))?.__typename).toBe("SignInSuccess");

    // Another enrolled user on that browser still needs her code.
    const admin = await createUser(pool(), {
      memberships: [{ organisationId: organisation.id, roles: ["ORG_ADMIN"] }],
    });
    const shared = new TestClient(server.url);
    shared.deviceCookie = browser.deviceCookie;
    expect((await signInRaw(shared, { email: admin.email, password: admin.password }))?.code).toBe(
      "SECOND_FACTOR_REQUIRED",
    );

    // A lost phone: the admin ends every session; the remembered browser asks for a code again.
    const adminClient = await TestClient.signedIn(server.url, admin);
    expect((await adminClient.request<any>(endAllMutation)).data.endAllSessions.__typename).toBe(
      "EndAllSessionsSuccess",
    );
    browser.cookie = null;
    expect((await signInRaw(browser, credentials))?.code).toBe("SECOND_FACTOR_REQUIRED");
  });

  it("refuses an eleventh wrong code for a while, even with the right password", async () => {
    const { coordinator } = await team();
    const { secret } = await enrol(new TestClient(server.url), coordinator);
    const credentials = { email: coordinator.email, password: coordinator.password };
    let held = 0;
    for (let i = 0; i < 6; i += 1) {
      const answer = await signInRaw(new TestClient(server.url), {
        ...credentials,
        code: nowCode(secret, 5),
      });
      if (answer?.__typename === "TooManyAttemptsError") held += 1;
    }
    expect(held).toBeGreaterThan(0);
  });
});

describe("an org admin's reset of a member's second factor", () => {
  it("removes it, her recovery codes, remembered browsers and sessions; a worker may not", async () => {
    const { organisation, coordinator, worker } = await team();
    const member = new TestClient(server.url);
    await enrol(member, coordinator);
    const admin = await createUser(pool(), {
      memberships: [{ organisationId: organisation.id, roles: ["ORG_ADMIN"] }],
    });
    const adminClient = await TestClient.signedIn(server.url, admin);
    const listed = await adminClient.request<any>(teamQuery);
    expect(listed.data.team.find((m: any) => m.userId === coordinator.id).secondFactorOn).toBe(true);

    const workerClient = await TestClient.signedIn(server.url, worker);
    const refused = await workerClient.request<any>(resetMutation, { input: { userId: coordinator.id } });
    expect(refused.errors?.[0]?.extensions?.code ?? refused.data?.resetMemberSecondFactor.code).toBe(
      "NOT_FOUND",
    );

    const reset = await adminClient.request<any>(resetMutation, { input: { userId: coordinator.id } });
    expect(reset.data.resetMemberSecondFactor.member).toEqual({
      userId: coordinator.id,
      secondFactorOn: false,
    });
    const left = await pool().query(
      `SELECT (SELECT count(*) FROM user_second_factors WHERE user_id = $1)::int AS factors,
              (SELECT count(*) FROM recovery_codes WHERE user_id = $1)::int AS codes,
              (SELECT count(*) FROM sessions WHERE user_id = $1)::int AS sessions`,
      [coordinator.id],
    );
    expect(onlyRow(left.rows)).toEqual({ factors: 0, codes: 0, sessions: 0 });
    // Her next sign-in needs no code, and her role waits for a new factor.
    const again = await signInRaw(new TestClient(server.url), {
      email: coordinator.email,
      password: coordinator.password,
    });
    expect(again?.me?.secondFactor.withheldRoles).toEqual(["COORDINATOR"]);
  });
});

async function failuresOf(email: string): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM sign_in_attempts WHERE email = $1 AND NOT succeeded",
    [email],
  );
  return onlyRow(rows).n;
}
