import type { Role } from "@maillage/db";
import { adminPool, createOrganisation, createUser } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { onlyRow, sessionSecretOf } from "../../testing/rows.ts";
import { startTestServer, type TestServer } from "../../testing/test-server.ts";

const signInMutation = `mutation ($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { me { csrfToken user { email } actingOrganisation { id name } roles } }
    ... on AppError { code message }
    ... on TooManyAttemptsError { retryAfterSeconds }
    ... on InputValidationError { fields { path code message } }
  }
}`;
const meQuery = `{ me { user { email } actingOrganisation { id name } roles memberships { organisation { id } roles } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** A new organisation (named when `name` is given) and one member of it, with these roles. */
async function memberOfNewOrganisation(roles: Role[], name?: string) {
  const pool = adminPool(server.databaseUrl);
  const organisation = await createOrganisation(pool, { name });
  const user = await createUser(pool, { memberships: [{ organisationId: organisation.id, roles }] });
  return { pool, organisation, user };
}

/** An outreach worker of a new organisation, and a client signed in as her. */
async function signedInWorker() {
  const { user } = await memberOfNewOrganisation(["OUTREACH_WORKER"]);
  const client = await TestClient.signedIn(server.url, user);
  return { user, client };
}

/** Rows of one e-mail only: other test files sign in at the same time, on the same database. */
async function countRows(table: "sessions" | "sign_in_attempts", email: string) {
  const pool = adminPool(server.databaseUrl);
  const { rows } = await pool.query<{ n: number }>(
    table === "sessions"
      ? "SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1"
      : "SELECT count(*)::int AS n FROM sign_in_attempts WHERE email = $1",
    [email],
  );
  return onlyRow(rows).n;
}

describe("sign-in", () => {
  it("signs in with the right password, sets an HttpOnly SameSite cookie and acts as the first working organisation", async () => {
    const { pool, user } = await memberOfNewOrganisation(["OUTREACH_WORKER"], "Réseau Ancrage test");
    const client = new TestClient(server.url);
    const result = await client.request<{ signIn: Record<string, any> }>(signInMutation, {
      input: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(result.data?.signIn.__typename).toBe("SignInSuccess");
    expect(result.data?.signIn.me.user.email).toBe(user.email);
    expect(result.data?.signIn.me.actingOrganisation.name).toBe("Réseau Ancrage test");
    expect(result.data?.signIn.me.roles).toEqual(["OUTREACH_WORKER"]);
    const cookie = result.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^maillage_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    client.csrfToken = result.data?.signIn.me.csrfToken;
    const me = await client.request<{ me: { user: { email: string } } }>(meQuery);
    expect(me.data?.me.user.email).toBe(user.email);
    // Only a hash of the cookie's secret is stored.
    const token = sessionSecretOf(client);
    const stored = await pool.query("SELECT 1 FROM sessions WHERE token_hash = $1", [token]);
    expect(stored.rowCount).toBe(0);
  });

  it("answers a wrong password and an unknown e-mail with the same translated error, and records the failure", async () => {
    const { user } = await memberOfNewOrganisation(["NURSE"]);
    const french = new TestClient(server.url, "fr-CA");
    const wrong = await french.request<{ signIn: Record<string, any> }>(signInMutation, {
      input: { email: user.email, password: "not the password" },
    });
    expect(wrong.data?.signIn).toEqual({
      __typename: "InvalidCredentialsError",
      code: "INVALID_CREDENTIALS",
      message: "Courriel ou mot de passe incorrect.",
    });
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const english = new TestClient(server.url, "en-CA,en;q=0.9");
    const unknown = await english.request<{ signIn: Record<string, any> }>(signInMutation, {
      input: { email: "nobody-here@test.example", password: "whatever" },
    });
    expect(unknown.data?.signIn).toEqual({
      __typename: "InvalidCredentialsError",
      code: "INVALID_CREDENTIALS",
      message: "Wrong e-mail or password.",
    });
    expect(await countRows("sign_in_attempts", user.email)).toBe(1);
    expect(await countRows("sessions", user.email)).toBe(0);
  });

  it("throttles an e-mail after five failures, even with the right password", async () => {
    const { pool, organisation, user } = await memberOfNewOrganisation(["COORDINATOR"]);
    const client = new TestClient(server.url);
    const firstFailureSent = Date.now();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await client.request<{ signIn: { __typename: string } }>(signInMutation, {
        input: { email: user.email, password: `wrong ${attempt}` },
      });
      expect(result.data?.signIn.__typename).toBe("InvalidCredentialsError");
    }
    const blocked = await client.request<{ signIn: Record<string, any> }>(signInMutation, {
      input: { email: user.email, password: user.password },
    });
    expect(blocked.data?.signIn.__typename).toBe("TooManyAttemptsError");
    expect(blocked.data?.signIn.code).toBe("TOO_MANY_ATTEMPTS");
    // Until the first failure leaves the 15-minute window: bounded by the time this test took,
    // not by a guess of it (a loaded machine takes longer between the attempts).
    const elapsedSeconds = Math.ceil((Date.now() - firstFailureSent) / 1000);
    expect(blocked.data?.signIn.retryAfterSeconds).toBeGreaterThanOrEqual(15 * 60 - elapsedSeconds);
    expect(blocked.data?.signIn.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await countRows("sessions", user.email)).toBe(0);
    // Another account is not affected by this one's failures.
    const other = await createUser(pool, {
      memberships: [{ organisationId: organisation.id, roles: ["COORDINATOR"] }],
    });
    await new TestClient(server.url).signIn(other.email, other.password);
  });

  it("refuses bad input with a clear error, never a 500, and writes nothing", async () => {
    const { pool, user } = await memberOfNewOrganisation(["OUTREACH_WORKER"]);
    const client = new TestClient(server.url);
    // Counted for the e-mails sent here only: other test files sign in at the same time.
    const hugeEmail = `${"x".repeat(10_000)}@example.org`;
    const sentEmails = [user.email, hugeEmail.toLowerCase(), "not an e-mail"];
    const attemptsForSentEmails = async () => {
      const { rows } = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM sign_in_attempts WHERE email = ANY($1::text[])",
        [sentEmails],
      );
      return onlyRow(rows).n;
    };

    const missing = await client.request(
      `mutation { signIn(input: { email: "${user.email}" }) { __typename } }`,
    );
    expect(missing.status).toBe(400);
    // GraphQL's own validation error, answered from the catalogue in French (no field named).
    expect(missing.errors?.[0]?.extensions?.code).toBe("INVALID_REQUEST");
    expect(missing.errors?.[0]?.message).toMatch(/Rien n'a été enregistré/);

    const huge = await client.request<{ signIn: Record<string, any> }>(signInMutation, {
      input: { email: hugeEmail, password: "secret" },
    });
    expect(huge.status).toBe(200);
    expect(huge.data?.signIn.__typename).toBe("InputValidationError");
    expect(huge.data?.signIn.fields).toEqual([
      { path: "email", code: "TOO_LONG", message: "Ce texte est trop long." },
    ]);

    const malformed = await client.request<{ signIn: Record<string, any> }>(signInMutation, {
      input: { email: "not an e-mail", password: "" },
    });
    expect(
      malformed.data?.signIn.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`),
    ).toEqual(["email:INVALID_FORMAT", "password:REQUIRED"]);

    const wrongType = await client.request(signInMutation, {
      input: { email: user.email, password: ["x"] },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");

    const notJson = await client.request("", {}, { rawBody: "{not json" });
    expect(notJson.status).toBe(400);

    const tooLarge = await client.request(
      "",
      {},
      { rawBody: JSON.stringify({ query: "{ me { csrfToken } }", pad: "x".repeat(100_000) }) },
    );
    expect(tooLarge.status).toBe(413);

    expect(await attemptsForSentEmails()).toBe(0);
    expect(await countRows("sessions", user.email)).toBe(0);
  });

  it("refuses a cross-site sign-in", async () => {
    const result = await new TestClient(server.url).request(
      signInMutation,
      { input: { email: "a@b.example", password: "x" } },
      { headers: { origin: "https://evil.example" } },
    );
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe("CSRF");
  });
});

describe("session", () => {
  it("requires the CSRF token on every signed-in mutation", async () => {
    const { client } = await signedInWorker();
    const token = client.csrfToken;
    const mutation = "mutation { signOut { ok } }";
    client.csrfToken = null;
    // A query may run without it: that is how a reloaded page learns the token.
    const me = await client.request<{ me: { csrfToken: string } }>("{ me { csrfToken } }");
    expect(me.data?.me.csrfToken).toBe(token);
    const withoutToken = await client.request(mutation);
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.errors?.[0]?.extensions?.code).toBe("CSRF");
    expect(withoutToken.errors?.[0]?.message).toContain("jeton de sécurité");
    client.csrfToken = "forged";
    expect((await client.request(mutation)).status).toBe(403);
    // The session survived both refusals.
    client.csrfToken = token;
    expect((await client.request(mutation)).status).toBe(200);
  });

  it("signs out: the cookie is cleared and the old session no longer works", async () => {
    const { user, client } = await signedInWorker();
    const oldCookie = client.cookie;
    const signOut = await client.request<{ signOut: { ok: boolean } }>("mutation { signOut { ok } }");
    expect(signOut.data?.signOut.ok).toBe(true);
    expect(signOut.headers.get("set-cookie")).toContain("Max-Age=0");
    const replay = new TestClient(server.url);
    replay.cookie = oldCookie;
    const me = await replay.request<{ me: unknown }>(meQuery);
    expect(me.data?.me).toBeNull();
    expect(await countRows("sessions", user.email)).toBe(0);
  });

  it("switches the acting organisation among the user's memberships only", async () => {
    const pool = adminPool(server.databaseUrl);
    const street = await createOrganisation(pool, { name: "Rue test" });
    const health = await createOrganisation(pool, { kind: "PUBLIC_HEALTH", name: "Santé test" });
    const elsewhere = await createOrganisation(pool, { name: "Ailleurs test" });
    const user = await createUser(pool, {
      memberships: [
        { organisationId: street.id, roles: ["OUTREACH_WORKER"] },
        { organisationId: health.id, roles: ["NURSE", "COORDINATOR"] },
      ],
    });
    const client = await TestClient.signedIn(server.url, user);
    const switchMutation = `mutation ($input: SwitchOrganisationInput!) {
      switchOrganisation(input: $input) {
        __typename
        ... on SwitchOrganisationSuccess { me { actingOrganisation { name } roles } }
        ... on AppError { code }
      }
    }`;
    const switched = await client.request<{ switchOrganisation: Record<string, any> }>(switchMutation, {
      input: { organisationId: encodeGlobalID("Organisation", health.id) },
    });
    expect(switched.data?.switchOrganisation.me).toEqual({
      actingOrganisation: { name: "Santé test" },
      roles: ["NURSE", "COORDINATOR"],
    });
    // The next request acts as the new organisation.
    const me = await client.request<{ me: Record<string, any> }>(meQuery);
    expect(me.data?.me.actingOrganisation.name).toBe("Santé test");
    expect(me.data?.me.memberships).toHaveLength(2);

    for (const organisationId of [
      encodeGlobalID("Organisation", elsewhere.id),
      encodeGlobalID("Person", health.id),
      "not-a-global-id",
    ]) {
      const refused = await client.request<{ switchOrganisation: Record<string, any> }>(switchMutation, {
        input: { organisationId },
      });
      expect(refused.data?.switchOrganisation).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    }
    const still = await client.request<{ me: Record<string, any> }>(meQuery);
    expect(still.data?.me.actingOrganisation.name).toBe("Santé test");
  });

  it("refuses switching when signed out, as not found", async () => {
    const result = await new TestClient(server.url).request(
      `mutation { switchOrganisation(input: { organisationId: "x" }) { __typename } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("malformed requests", () => {
  it("answers garbage ids as not found and bad page sizes as input errors, never as internal errors", async () => {
    const { client } = await signedInWorker();
    const garbage = await client.request<any>(`{ node(id: "!!!") { id } nodes(ids: ["a", "b"]) { id } }`);
    expect(garbage.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    const negative = await client.request<any>("{ persons(first: -5) { edges { node { id } } } }");
    expect(negative.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");
    const huge = await client.request<any>("{ persons(first: 100000) { edges { node { id } } } }");
    expect(huge.errors ?? []).toEqual([]);
    const deep = await client.request<any>(
      `{ me { memberships { organisation { id } } } persons(first: 1) { edges { node { encounters(first: 1) { edges { node { person { encounters(first: 1) { edges { node { person { encounters(first: 1) { edges { node { id } } } } } } } } } } } } } } }`,
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});
