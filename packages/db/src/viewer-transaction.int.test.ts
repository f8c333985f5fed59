// The one way a request reaches the database: whatever the session token, the work runs as the
// non-owning app role, and the viewer is set only for a live session.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import type pg from "pg";
import { connectDatabase, type Database, hashToken, viewerScopedTransaction } from "./client.ts";
import { adminPool, createOrganisation, createUser } from "./factories.ts";

let pool: pg.Pool;
let db: Database;
const token = "a-live-session-token";
const expiredToken = "an-expired-session-token";
let userId = "";
let organisationId = "";

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  // One connection: the last test reads the very connection the request used.
  db = connectDatabase(inject("databaseUrl"), {
    poolSize: 1,
    namedStatements: inject("databaseKind") === "server",
  });
  organisationId = (await createOrganisation(pool)).id;
  userId = (await createUser(pool, { memberships: [{ organisationId, roles: ["OUTREACH_WORKER"] }] })).id;
  for (const [value, expires] of [
    [token, "now() + interval '1 hour'"],
    [expiredToken, "now() - interval '1 second'"],
  ] as const) {
    await pool.query(
      `INSERT INTO sessions (token_hash, user_id, acting_organisation_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, 'csrf', ${expires})`,
      [hashToken(value), userId, organisationId],
    );
  }
});

afterAll(async () => {
  await db.close();
});

async function inside(sessionToken: string | null) {
  return viewerScopedTransaction(db, sessionToken, async (tx, viewer) => {
    const [row] = await tx.$queryRaw<{ role: string; user_id: string; org_id: string; roles: string }[]>`
      SELECT current_user AS role, current_setting('app.user_id', true) AS user_id,
             current_setting('app.org_id', true) AS org_id, current_setting('app.roles', true) AS roles`;
    if (!row) throw new Error("a SELECT without FROM returned no row");
    return { viewer, ...row };
  });
}

describe("viewerScopedTransaction", () => {
  it("runs a live session's work as the app role, with its viewer set", async () => {
    const seen = await inside(token);
    expect(seen.role).toBe("maillage_app");
    expect(seen.viewer).toMatchObject({ userId, organisationId, roles: ["OUTREACH_WORKER"] });
    expect(seen.user_id).toBe(userId);
    expect(seen.org_id).toBe(organisationId);
    expect(seen.roles).toBe("{OUTREACH_WORKER}");
  });

  it("runs as the app role with no viewer for an expired, unknown or missing session", async () => {
    for (const sessionToken of [expiredToken, "no-such-token", null]) {
      const seen = await inside(sessionToken);
      expect(seen).toMatchObject({ role: "maillage_app", viewer: null });
      expect([seen.user_id ?? "", seen.org_id ?? "", seen.roles ?? ""]).toEqual(["", "", ""]);
    }
  });

  it("leaves nothing of the viewer on the connection for the next transaction", async () => {
    await inside(token);
    const [row] = await db.prisma.$queryRaw<{ role: string; user_id: string | null }[]>`
      SELECT current_user AS role, current_setting('app.user_id', true) AS user_id`;
    if (!row) throw new Error("a SELECT without FROM returned no row");
    expect(row.role).not.toBe("maillage_app");
    expect(row.user_id ?? "").toBe("");
  });
});
