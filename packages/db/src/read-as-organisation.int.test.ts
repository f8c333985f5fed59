// "See as partner" reads as another organisation inside the request's transaction: inside, the
// database viewer is the other organisation's; after — also after a failure — it is the
// request's own again, and nothing written inside is kept.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import type pg from "pg";
import {
  connectDatabase,
  type Database,
  hashToken,
  readAsOrganisation,
  type TransactionClient,
  viewerScopedTransaction,
} from "./client.ts";
import { adminPool, createOrganisation, createUser } from "./factories.ts";

let pool: pg.Pool;
let db: Database;
const token = "a-session-for-read-as-organisation";
let userId = "";
let ownId = "";
let otherId = "";

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  // One connection: the last test reads the very connection the request used.
  db = connectDatabase(inject("databaseUrl"), {
    poolSize: 1,
    namedStatements: inject("databaseKind") === "server",
  });
  ownId = (await createOrganisation(pool)).id;
  otherId = (await createOrganisation(pool)).id;
  userId = (await createUser(pool, { memberships: [{ organisationId: ownId, roles: ["COORDINATOR"] }] })).id;
  await pool.query(
    `INSERT INTO sessions (token_hash, user_id, acting_organisation_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, 'csrf', now() + interval '1 hour')`,
    [hashToken(token), userId, ownId],
  );
});

afterAll(async () => {
  await db.close();
});

async function settings(tx: TransactionClient) {
  const [row] = await tx.$queryRaw<{ role: string; user_id: string; org_id: string; roles: string }[]>`
    SELECT current_user AS role, current_setting('app.user_id', true) AS user_id,
           current_setting('app.org_id', true) AS org_id, current_setting('app.roles', true) AS roles`;
  if (!row) throw new Error("a SELECT without FROM returned no row");
  return row;
}

async function auditEventsBy(organisationId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = $1",
    [organisationId],
  );
  const [row] = rows;
  if (!row) throw new Error("count(*) returned no row");
  return row.n;
}

describe("readAsOrganisation", () => {
  it("reads as the other organisation inside, and is the request's viewer again after", async () => {
    const seen = await viewerScopedTransaction(db, token, async (tx) => {
      const before = await settings(tx);
      const inside = await readAsOrganisation(
        tx,
        { organisationId: otherId, roles: ["OUTREACH_WORKER"] },
        () => settings(tx),
      );
      return { before, inside, after: await settings(tx) };
    });
    expect(seen.before).toEqual({
      role: "maillage_app",
      user_id: userId,
      org_id: ownId,
      roles: "{COORDINATOR}",
    });
    expect(seen.inside).toEqual({
      role: "maillage_app",
      user_id: userId,
      org_id: otherId,
      roles: "{OUTREACH_WORKER}",
    });
    expect(seen.after).toEqual(seen.before);
  });

  it("keeps nothing written as the other organisation, and restores the viewer after a failure", async () => {
    const otherEventsBefore = await auditEventsBy(otherId);
    const seen = await viewerScopedTransaction(db, token, async (tx) => {
      const written = await readAsOrganisation(
        tx,
        { organisationId: otherId, roles: ["COORDINATOR"] },
        () =>
          tx.$executeRaw`INSERT INTO audit_events (user_id, organisation_id, action, record_kind)
                       VALUES (${userId}::uuid, ${otherId}::uuid, 'TEST', 'TEST')`,
      );
      const failed = await readAsOrganisation(
        tx,
        { organisationId: otherId, roles: ["COORDINATOR"] },
        () => tx.$queryRaw`SELECT 1 / 0`,
      ).catch((error: unknown) => error);
      // The transaction is still usable (the failure was inside the savepoint) and is ours again.
      return { written, failed, after: await settings(tx) };
    });
    expect(seen.written).toBe(1);
    expect(seen.failed).toBeInstanceOf(Error);
    expect(seen.after).toMatchObject({ org_id: ownId, roles: "{COORDINATOR}" });
    expect(await auditEventsBy(otherId)).toBe(otherEventsBefore);
  });

  it("leaves nothing of either viewer on the connection for the next transaction", async () => {
    await viewerScopedTransaction(db, token, (tx) =>
      readAsOrganisation(tx, { organisationId: otherId, roles: ["NURSE"] }, () => settings(tx)),
    );
    const [row] = await db.prisma.$queryRaw<{ role: string; org_id: string | null; roles: string | null }[]>`
      SELECT current_user AS role, current_setting('app.org_id', true) AS org_id,
             current_setting('app.roles', true) AS roles`;
    if (!row) throw new Error("a SELECT without FROM returned no row");
    expect(row.role).not.toBe("maillage_app");
    expect([row.org_id ?? "", row.roles ?? ""]).toEqual(["", ""]);
  });
});
