// "See as partner" reads as another organisation inside the request's transaction: inside, the
// database viewer is the other organisation's; after — also after a failure — it is the
// request's own again, and nothing written inside is kept.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import type pg from "pg";
import { type Database, readAsOrganisation, viewerScopedTransaction } from "./client.ts";
import { adminPool, createOrganisation, createUser } from "./factories.ts";
import { connectionSettings, insertSession, oneConnectionDatabase } from "./testing/connection-settings.ts";

let pool: pg.Pool;
let db: Database;
const token = "a-session-for-read-as-organisation";
let userId = "";
let ownId = "";
let otherId = "";

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  // One connection: the last test reads the very connection the request used.
  db = oneConnectionDatabase();
  ownId = (await createOrganisation(pool)).id;
  otherId = (await createOrganisation(pool)).id;
  userId = (await createUser(pool, { memberships: [{ organisationId: ownId, roles: ["COORDINATOR"] }] })).id;
  await insertSession(pool, { token, userId, organisationId: ownId });
});

afterAll(async () => {
  await db.close();
});

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
      const before = await connectionSettings(tx);
      const inside = await readAsOrganisation(
        tx,
        { organisationId: otherId, roles: ["OUTREACH_WORKER"] },
        () => connectionSettings(tx),
      );
      return { before, inside, after: await connectionSettings(tx) };
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
      return { written, failed, after: await connectionSettings(tx) };
    });
    expect(seen.written).toBe(1);
    expect(seen.failed).toBeInstanceOf(Error);
    expect(seen.after).toMatchObject({ org_id: ownId, roles: "{COORDINATOR}" });
    expect(await auditEventsBy(otherId)).toBe(otherEventsBefore);
  });

  it("leaves nothing of either viewer on the connection for the next transaction", async () => {
    await viewerScopedTransaction(db, token, (tx) =>
      readAsOrganisation(tx, { organisationId: otherId, roles: ["NURSE"] }, () => connectionSettings(tx)),
    );
    const row = await connectionSettings(db.prisma);
    expect(row.role).not.toBe("maillage_app");
    expect([row.org_id ?? "", row.roles ?? ""]).toEqual(["", ""]);
  });
});
