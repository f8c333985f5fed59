/**
 * What a failed request transaction did, for an answer that tells the truth about it
 * (apps/api/src/http/graphql-handler.ts):
 * - an error before COMMIT was sent: rolled back for sure (PostgreSQL applies nothing of a
 *   transaction that never committed, whether it was rolled back or its connection died);
 * - COMMIT sent and no answer (the connection failed, the server restarted): it may or may not
 *   have been applied — `CommitOutcomeUnknownError`;
 * - the caller went away before COMMIT was sent: rolled back, and the statement it was running
 *   cancelled in PostgreSQL — `RequestAbandonedError`.
 */
import pg from "pg";

/** COMMIT was sent and no answer came back: the transaction may or may not be applied. */
export class CommitOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super("The transaction's COMMIT got no answer: it may or may not have been applied", { cause });
    this.name = "CommitOutcomeUnknownError";
  }
}

/** The request was abandoned (its client closed the connection) before COMMIT: rolled back. */
export class RequestAbandonedError extends Error {
  constructor(cause?: unknown) {
    super("The request was abandoned before its commit: rolled back", { cause });
    this.name = "RequestAbandonedError";
  }
}

/** SQLSTATEs of a server that is going away or not yet back: admin, crash and start-up shutdowns. */
const serverGoingAway = new Set(["57P01", "57P02", "57P03"]);
const unreachableKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);
// pg (lib/client.js) raises these without a code when a connection ends under a query, or when a
// query is sent on a connection that already failed.
const pgConnectionEnded = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
]);

/**
 * Whether an error says PostgreSQL could not be reached or dropped the connection (a restart, a
 * failover), under Prisma's wrappers or not: a transaction that failed so before COMMIT saved
 * nothing, and the same request later will likely succeed — 503 UNAVAILABLE, not INTERNAL.
 * Decided by code (SQLSTATE class 08 and 57P01–57P03, the driver adapter's kinds, socket errors),
 * except for the few errors pg raises without one when a connection ends (pgConnectionEnded).
 */
export function databaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const found = current as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const code of [found.code, found.originalCode]) {
      if (typeof code !== "string") continue;
      if (code.startsWith("08") || serverGoingAway.has(code) || socketCodes.has(code)) return true;
      if (code === "P1001" || code === "P1017") return true;
    }
    if (typeof found.kind === "string" && unreachableKinds.has(found.kind)) return true;
    if (current instanceof Error && typeof found.message === "string" && pgConnectionEnded.has(found.message))
      return true;
    pending.push(found.cause, found.originalError, found.meta?.driverAdapterError);
  }
  return false;
}

/**
 * Whether an error that came after the work finished was Prisma refusing to send COMMIT at all:
 * P2028, its transaction API error (the transaction had already timed out or been closed, and
 * Prisma rolled it back). Anything else there came from sending COMMIT.
 */
export function refusedBeforeCommit(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";
}

/**
 * Cancels the statement a backend is running (pg_cancel_backend), from a connection of its own:
 * the request pool may be exhausted by the very requests a cancel is for. A backend waiting
 * between statements ignores a cancel, so it is harmless there; the caller waits for this before
 * its transaction ends, so the cancel can never reach a later user of the same connection.
 * Best effort: when it fails, the statement runs to its end (or its statement timeout) and the
 * transaction still rolls back.
 */
export async function cancelBackend(pool: pg.Pool, backendPid: number): Promise<void> {
  const client = new pg.Client(pool.options);
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT pg_cancel_backend($1)", [backendPid]);
  } catch {
    // Nothing to do: see above.
  } finally {
    await client.end().catch(() => undefined);
  }
}
