/**
 * Issue 18, sign-in and sessions: an ended session is told so (UNAUTHENTICATED, cookie cleared),
 * the cookie is renewed with the database's sliding expiry, the throttles cannot lock out an
 * office behind one address, and an account left idle is disabled at its next sign-in.
 */
import { request as httpRequest } from "node:http";
import { hashToken } from "@maillage/db";
import { adminPool, createOrganisation, createUser } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { onlyRow } from "../../testing/rows.ts";
import { startTestServer, type TestServer } from "../../testing/test-server.ts";

const signInMutation = `mutation ($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on AppError { code message }
    ... on TooManyAttemptsError { retryAfterSeconds }
  }
}`;
const meQuery = "{ me { user { email } } }";

let server: TestServer;
/** The same API, trusting X-Forwarded-For: each throttle test signs in from its own address. */
let proxied: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  proxied = await startTestServer({ trustProxy: true });
});
afterAll(async () => {
  await server.stop();
  await proxied.stop();
});

async function newMember() {
  const pool = adminPool(server.databaseUrl);
  const organisation = await createOrganisation(pool);
  const user = await createUser(pool, {
    memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
  });
  return { pool, organisation, user };
}

/** The session row of a signed-in client. */
function tokenHashOf(client: TestClient): string {
  const secret = client.cookie?.split("=")[1];
  if (!secret) throw new Error("not signed in");
  return hashToken(secret);
}

describe("an ended session", () => {
  it("answers me, node(id:) and any signed-in field with UNAUTHENTICATED in the caller's language, and clears the cookie", async () => {
    const { pool, organisation, user } = await newMember();
    const client = await TestClient.signedIn(server.url, user);
    const cookie = client.cookie;
    await pool.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [
      tokenHashOf(client),
    ]);
    const asExpired = () => {
      client.cookie = cookie;
      return client;
    };
    const me = await asExpired().request(meQuery);
    expect(me.status).toBe(200);
    expect(me.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(me.errors?.[0]?.message).toBe(
      "Vous n'êtes pas connecté·e, ou votre session a expiré. Connectez-vous.",
    );
    expect(me.headers.get("set-cookie")).toMatch(/^maillage_session=; .*Max-Age=0/);
    const node = await asExpired().request(`query ($id: ID!) { node(id: $id) { id } }`, {
      id: encodeGlobalID("Organisation", organisation.id),
    });
    expect(node.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(node.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const persons = await asExpired().request("{ persons(first: 5) { edges { node { id } } } }");
    expect(persons.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const english = new TestClient(server.url, "en");
    english.cookie = cookie;
    const inEnglish = await english.request(meQuery);
    expect(inEnglish.errors?.[0]?.message).toBe(
      "You are not signed in, or your session has expired. Sign in.",
    );
  });

  it("treats an unknown session cookie alike, while no cookie at all still reads me as null", async () => {
    const unknown = new TestClient(server.url);
    unknown.cookie = "maillage_session=not-a-session-anyone-has";
    const answer = await unknown.request(meQuery);
    expect(answer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(answer.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const none = await new TestClient(server.url).request<{ me: unknown }>(meQuery);
    expect(none.errors).toBeUndefined();
    expect(none.data?.me).toBeNull();
    expect(none.headers.get("set-cookie")).toBeNull();
  });

  it("lets a client with an ended session's cookie sign in again (the new cookie wins)", async () => {
    const { user } = await newMember();
    const client = new TestClient(server.url);
    client.cookie = "maillage_session=ended-long-ago";
    const result = await client.request<{ signIn: { __typename: string } }>(signInMutation, {
      input: { email: user.email, password: user.password },
    });
    expect(result.data?.signIn.__typename).toBe("SignInSuccess");
    expect(result.headers.get("set-cookie")).toMatch(/^maillage_session=[\w-]{40,};.*Max-Age=43200/);
  });
});

describe("the cookie's renewal", () => {
  it("sends the cookie again with a new Max-Age when the database slides the expiry, at most every hour", async () => {
    const { pool, user } = await newMember();
    const client = await TestClient.signedIn(server.url, user);
    const cookie = client.cookie;
    const hash = tokenHashOf(client);
    // Just signed in: the expiry does not slide, no cookie is sent.
    const fresh = await client.request(meQuery);
    expect(fresh.headers.get("set-cookie")).toBeNull();
    // Seen 10 minutes ago, the cookie given 2 hours ago and 2 hours to go: both renewed.
    await pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '10 minutes', cookie_renewed_at = now() - interval '2 hours',
              expires_at = now() + interval '2 hours' WHERE token_hash = $1`,
      [hash],
    );
    const renewed = await client.request(meQuery);
    const setCookie = renewed.headers.get("set-cookie") ?? "";
    expect(setCookie.split(";")[0]).toBe(cookie);
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(11 * 3600);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
    expect(setCookie).toContain("HttpOnly");
    const row = onlyRow(
      (
        await pool.query<{ left: number; renewed_recently: boolean }>(
          `SELECT extract(epoch FROM expires_at - now())::int AS left,
                  cookie_renewed_at > now() - interval '1 minute' AS renewed_recently
             FROM sessions WHERE token_hash = $1`,
          [hash],
        )
      ).rows,
    );
    expect(row.left).toBeGreaterThan(11 * 3600);
    expect(row.renewed_recently).toBe(true);
    // Slid again 10 minutes later, but the cookie is less than an hour old: not sent again.
    await pool.query(
      "UPDATE sessions SET last_seen_at = now() - interval '10 minutes' WHERE token_hash = $1",
      [hash],
    );
    const again = await client.request(meQuery);
    expect(again.errors).toBeUndefined();
    expect(again.headers.get("set-cookie")).toBeNull();
  });
});

describe("the throttles", () => {
  let addresses = 0;
  /** A client signing in from its own documentation address (RFC 5737), never shared with other tests. */
  function fromAddress() {
    addresses += 1;
    const address = `198.51.100.${addresses}`;
    return {
      address,
      signIn: (email: string, password: string) =>
        new TestClient(proxied.url).request<{ signIn: { __typename: string; code?: string } }>(
          signInMutation,
          { input: { email, password } },
          { headers: { "x-forwarded-for": address } },
        ),
    };
  }

  it("does not lock an office: 30 failures by six colleagues from one address leave another's sign-in working", async () => {
    const office = fromAddress();
    const colleagues = await Promise.all(Array.from({ length: 6 }, () => newMember()));
    let refused = 0;
    for (const { user } of colleagues) {
      for (let i = 0; i < 6; i += 1) {
        const answer = await office.signIn(user.email, "not her password");
        if (answer.data?.signIn.__typename === "TooManyAttemptsError") refused += 1;
      }
    }
    // Each colleague is held after her own five failures (6 × 5 failures counted), no one else.
    expect(refused).toBe(6);
    const pool = adminPool(server.databaseUrl);
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sign_in_attempts WHERE ip = $1 AND NOT succeeded",
      [office.address],
    );
    expect(onlyRow(rows).n).toBe(30);
    const { user: other } = await newMember();
    const answer = await office.signIn(other.email, other.password);
    expect(answer.data?.signIn.__typename).toBe("SignInSuccess");
  });

  it("29 failures for one account from an address do not block another account's right password from it", async () => {
    const office = fromAddress();
    const { user: target } = await newMember();
    for (let i = 0; i < 29; i += 1) await office.signIn(target.email, "guess");
    const { user: colleague } = await newMember();
    expect((await office.signIn(colleague.email, colleague.password)).data?.signIn.__typename).toBe(
      "SignInSuccess",
    );
    // The account itself stays held, even with its right password.
    expect((await office.signIn(target.email, target.password)).data?.signIn.__typename).toBe(
      "TooManyAttemptsError",
    );
  });

  it("slows a spray over many accounts from one address, but not an account that signed in from it before", async () => {
    const sprayer = fromAddress();
    const { user: regular } = await newMember();
    expect((await sprayer.signIn(regular.email, regular.password)).data?.signIn.__typename).toBe(
      "SignInSuccess",
    );
    for (let i = 0; i < 30; i += 1) {
      const answer = await sprayer.signIn(`sprayed-${i}-${sprayer.address}@example.org`, "Printemps2026!");
      expect(answer.data?.signIn.__typename).toBe("InvalidCredentialsError");
    }
    const next = await sprayer.signIn(`sprayed-next-${sprayer.address}@example.org`, "Printemps2026!");
    expect(next.data?.signIn.__typename).toBe("TooManyAttemptsError");
    // A new account's right password from there waits too; the regular of that address does not.
    const { user: newcomer } = await newMember();
    expect((await sprayer.signIn(newcomer.email, newcomer.password)).data?.signIn.__typename).toBe(
      "TooManyAttemptsError",
    );
    expect((await sprayer.signIn(regular.email, regular.password)).data?.signIn.__typename).toBe(
      "SignInSuccess",
    );
  });
});

describe("an idle account", () => {
  it("is disabled at its next sign-in after 180 days without one (told so only with the right password), and stays disabled", async () => {
    const { pool, user } = await newMember();
    const other = await TestClient.signedIn(server.url, user);
    await pool.query("UPDATE users SET last_signed_in_at = now() - interval '181 days' WHERE id = $1", [
      user.id,
    ]);
    const client = new TestClient(server.url);
    const wrong = await client.request<{ signIn: { code: string } }>(signInMutation, {
      input: { email: user.email, password: "not the password" },
    });
    expect(wrong.data?.signIn.code).toBe("INVALID_CREDENTIALS");
    const right = await client.request<{ signIn: { __typename: string; code: string; message: string } }>(
      signInMutation,
      { input: { email: user.email, password: user.password } },
    );
    expect(right.data?.signIn).toMatchObject({
      __typename: "InvalidCredentialsError",
      code: "ACCOUNT_IDLE_DISABLED",
    });
    expect(right.data?.signIn.message).toContain("désactivé");
    expect(right.headers.get("set-cookie")).toBeNull();
    const { rows } = await pool.query<{ disabled: boolean; sessions: number }>(
      `SELECT disabled_at IS NOT NULL AS disabled, (SELECT count(*)::int FROM sessions WHERE user_id = $1) AS sessions
         FROM users WHERE id = $1`,
      [user.id],
    );
    expect(onlyRow(rows)).toEqual({ disabled: true, sessions: 0 });
    // Her other session ended with it.
    expect((await other.request(meQuery)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const later = await client.request<{ signIn: { code: string } }>(signInMutation, {
      input: { email: user.email, password: user.password },
    });
    expect(later.data?.signIn.code).toBe("INVALID_CREDENTIALS");
  });

  it("records each sign-in, so that an account in use never becomes idle", async () => {
    const { pool, user } = await newMember();
    await pool.query("UPDATE users SET last_signed_in_at = now() - interval '179 days' WHERE id = $1", [
      user.id,
    ]);
    await TestClient.signedIn(server.url, user);
    const { rows } = await pool.query<{ recent: boolean }>(
      "SELECT last_signed_in_at > now() - interval '1 minute' AS recent FROM users WHERE id = $1",
      [user.id],
    );
    expect(onlyRow(rows).recent).toBe(true);
  });
});

describe("behind a proxy and over the network", () => {
  it("takes the address the trusted proxy wrote (the rightmost entry), not what the client claimed", async () => {
    const { pool, user } = await newMember();
    const client = new TestClient(proxied.url);
    const answer = await client.request<{ signIn: { __typename: string } }>(
      signInMutation,
      { input: { email: user.email, password: user.password } },
      // The client wrote "203.0.113.7" itself; the proxy appended the address it was reached from.
      { headers: { "x-forwarded-for": "203.0.113.7, 198.51.100.250" } },
    );
    expect(answer.data?.signIn.__typename).toBe("SignInSuccess");
    const { rows } = await pool.query<{ ip: string }>(
      "SELECT ip FROM sign_in_attempts WHERE email = $1 AND succeeded",
      [user.email],
    );
    expect(rows.map((row) => row.ip)).toEqual(["198.51.100.250"]);
  });

  it("ignores X-Forwarded-For when no proxy is trusted, and an entry that is not an address", async () => {
    const { pool, user } = await newMember();
    await new TestClient(server.url).request(
      signInMutation,
      { input: { email: user.email, password: "wrong" } },
      { headers: { "x-forwarded-for": "198.51.100.251" } },
    );
    await new TestClient(proxied.url).request(
      signInMutation,
      { input: { email: user.email, password: "wrong" } },
      { headers: { "x-forwarded-for": "198.51.100.252, not-an-address" } },
    );
    const { rows } = await pool.query<{ ip: string }>(
      "SELECT ip FROM sign_in_attempts WHERE email = $1 ORDER BY at",
      [user.email],
    );
    expect(rows.map((row) => row.ip)).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("marks the session cookie Secure unless the request is plain http on loopback", async () => {
    const { user } = await newMember();
    const body = JSON.stringify({
      query: signInMutation,
      variables: { input: { email: user.email, password: user.password } },
    });
    // node:http, since fetch does not let a caller choose the Host header.
    const signInFor = (host: string | null) =>
      new Promise<string>((resolve, reject) => {
        const target = new URL(`${server.url}/graphql`);
        const req = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: "POST",
            headers: { "content-type": "application/json", ...(host ? { host } : {}) },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(String(res.headers["set-cookie"] ?? "")));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    // The tests reach the API at http://127.0.0.1:<port>: loopback, no Secure.
    expect(await signInFor(null)).not.toContain("Secure");
    // Reached under a public name (a proxy on this machine that forgot to say https): Secure.
    expect(await signInFor("maillage.example.org")).toContain("Secure");
  });
});
