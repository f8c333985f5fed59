// The one way a request reaches the database: whatever the session token, the work runs as the
// non-owning app role, and the viewer is set only for a live session.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import type pg from "pg";
import { type Database, viewerScopedTransaction } from "./client.ts";
import { adminPool, createOrganisation, createPerson, createUser } from "./factories.ts";
import {
  connectionSettings,
  insertSession,
  oneConnectionDatabase,
  planCacheMode,
} from "./testing/connection-settings.ts";

let pool: pg.Pool;
let db: Database;
const token = "a-live-session-token";
const expiredToken = "an-expired-session-token";
const otherToken = "another-organisation's-session-token";
let userId = "";
let organisationId = "";
let personId = "";
let otherPersonId = "";

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  // One connection: the last test reads the very connection the request used.
  db = oneConnectionDatabase();
  organisationId = (await createOrganisation(pool)).id;
  userId = (await createUser(pool, { memberships: [{ organisationId, roles: ["OUTREACH_WORKER"] }] })).id;
  for (const [value, expires] of [
    [token, "now() + interval '1 hour'"],
    [expiredToken, "now() - interval '1 second'"],
  ] as const) {
    await insertSession(pool, { token: value, userId, organisationId, expiresAt: expires });
  }
  const otherOrganisationId = (await createOrganisation(pool)).id;
  const otherUserId = (
    await createUser(pool, {
      memberships: [{ organisationId: otherOrganisationId, roles: ["OUTREACH_WORKER"] }],
    })
  ).id;
  await insertSession(pool, { token: otherToken, userId: otherUserId, organisationId: otherOrganisationId });
  personId = (await createPerson(pool, { organisationId })).id;
  otherPersonId = (await createPerson(pool, { organisationId: otherOrganisationId })).id;
});

afterAll(async () => {
  await db.close();
});

async function inside(sessionToken: string | null) {
  return viewerScopedTransaction(db, sessionToken, async (tx, viewer) => ({
    viewer,
    ...(await connectionSettings(tx)),
    planCacheMode: await planCacheMode(tx),
  }));
}

describe("viewerScopedTransaction", () => {
  it("runs a live session's work as the app role, with its viewer set", async () => {
    const seen = await inside(token);
    expect(seen.role).toBe("maillage_app");
    expect(seen.viewer).toMatchObject({ userId, organisationId, roles: ["OUTREACH_WORKER"] });
    expect(seen.user_id).toBe(userId);
    expect(seen.org_id).toBe(organisationId);
    expect(seen.roles).toBe("{OUTREACH_WORKER}");
    expect(seen.planCacheMode).toBe("force_generic_plan");
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
    const row = await connectionSettings(db.prisma);
    expect(row.role).not.toBe("maillage_app");
    expect(row.user_id ?? "").toBe("");
    expect(await planCacheMode(db.prisma)).toBe("auto");
  });

  it("keeps each viewer to her rows when one connection runs the same prepared statement for both", async () => {
    // A generic plan is made at the statement's first execution and kept with it on the connection:
    // the viewer must stay out of it (policies read her settings when the plan runs). The same
    // statement, on the same connection, alternates between two organisations' workers.
    const personsSeen = (sessionToken: string) =>
      viewerScopedTransaction(db, sessionToken, async (tx) =>
        (await tx.person.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id),
      );
    for (let round = 0; round < 8; round += 1) {
      expect(await personsSeen(token)).toEqual([personId]);
      expect(await personsSeen(otherToken)).toEqual([otherPersonId]);
    }
  });
});
