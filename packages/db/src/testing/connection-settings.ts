// Helpers of the tests of the one way into the database (viewerScopedTransaction and what runs
// inside it): a database with a single connection, sessions, and what a connection runs as.
import type pg from "pg";
import { inject } from "vitest";
import "./provided-context.ts";
import { connectDatabase, type Database, hashToken, type TransactionClient } from "../client.ts";

/** The app's database with one connection: a test can then read the very connection a request used. */
export function oneConnectionDatabase(): Database {
  return connectDatabase(inject("databaseUrl"), {
    poolSize: 1,
    namedStatements: inject("databaseKind") === "server",
  });
}

/** A session of the token, acting as the organisation, that expires at `expiresAt` (SQL; an hour on). */
export async function insertSession(
  pool: pg.Pool,
  session: { token: string; userId: string; organisationId: string; expiresAt?: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO sessions (token_hash, user_id, acting_organisation_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, 'csrf', ${session.expiresAt ?? "now() + interval '1 hour'"})`,
    [hashToken(session.token), session.userId, session.organisationId],
  );
}

/** What a connection (or a transaction) runs as: its role and the viewer's settings. */
export async function connectionSettings(client: { $queryRaw: TransactionClient["$queryRaw"] }) {
  const [row] = await client.$queryRaw<
    { role: string; user_id: string | null; org_id: string | null; roles: string | null }[]
  >`
    SELECT current_user AS role, current_setting('app.user_id', true) AS user_id,
           current_setting('app.org_id', true) AS org_id, current_setting('app.roles', true) AS roles`;
  if (!row) throw new Error("a SELECT without FROM returned no row");
  return row;
}

/** The plan cache mode a connection (or a transaction) runs with (client.ts asks for generic plans). */
export async function planCacheMode(client: { $queryRaw: TransactionClient["$queryRaw"] }): Promise<string> {
  const [row] = await client.$queryRaw<{ mode: string }[]>`SELECT current_setting('plan_cache_mode') AS mode`;
  if (!row) throw new Error("a SELECT without FROM returned no row");
  return row.mode;
}
