import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import {
  CommitOutcomeUnknownError,
  cancelBackend,
  RequestAbandonedError,
  refusedBeforeCommit,
} from "./transaction-outcome.ts";

export type TransactionClient = Prisma.TransactionClient;

/** Who is asking, as checked by app.begin_request for this transaction. */
export interface Viewer {
  sessionId: string;
  userId: string;
  /** The organisation the request acts as; null for a committee-only user. */
  organisationId: string | null;
  roles: Role[];
  /** The acting organisation shows workers only their own records and their caseload's. */
  teamVisibilityRestricted: boolean;
  csrfToken: string;
  committeePartnershipIds: string[];
  /**
   * Set when app.begin_request has just slid the session's expiry and the cookie is due for
   * renewal: the cookie's new Max-Age in seconds (null: send no cookie).
   */
  cookieMaxAge: number | null;
  /**
   * Roles of the acting membership held back until the user confirms a second factor
   * (COORDINATOR, ORG_ADMIN): they are not in `roles`, nor in app.roles for row-level security.
   */
  withheldRoles: Role[];
}

export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  poolSize?: number;
  /**
   * Send Prisma's statements as named prepared statements (default). Off for the embedded
   * PostgreSQL, whose connections all share one backend: the names would collide there.
   */
  namedStatements?: boolean;
  /**
   * Longest a statement may run before PostgreSQL cancels it (`statement_timeout`, set on each
   * connection at its start), so a request nobody waits for cannot hold a backend for long.
   * Unset: the server's own setting.
   */
  statementTimeoutMs?: number;
  /**
   * Told when an idle connection of the pool is lost (PostgreSQL restarted, or an administrator
   * ended it): the pool drops it and opens another at the next use. Without a listener, pg
   * raises it as an uncaught exception, which would stop the process.
   */
  onConnectionLost?: (error: Error) => void;
}

/**
 * Prisma's statements are sent as named prepared statements, one name per SQL text, so that
 * PostgreSQL can keep their plans: the access filters make every read a query that takes
 * 1–3 ms to plan and a tenth of that to run (measured by the benchmark: a person's file went
 * from 108 to 234 requests/s). A connection keeps what it prepared until it is recycled
 * (`maxLifetimeSeconds`), which bounds the memory those plans hold.
 */
export function statementName(query: { sql: string }): string {
  return `m${createHash("sha1").update(query.sql).digest("base64url")}`;
}

export function connectDatabase(connectionString: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    maxLifetimeSeconds: 600,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  pool.on("error", (error) => options.onConnectionLost?.(error));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(
      pool,
      options.namedStatements === false ? {} : { statementNameGenerator: statementName },
    ),
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Only the SHA-256 of a secret token is ever stored or compared. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

interface BeginRequestRow {
  session_id: string;
  user_id: string;
  organisation_id: string | null;
  roles: string[];
  team_visibility_restricted: boolean;
  csrf_token: string;
  committee_partnership_ids: string[];
  cookie_max_age: number | null;
  withheld_roles: string[] | null;
}

/**
 * Acts as the app role `maillage_app` for the rest of the transaction, checks a session token
 * and sets the viewer (app.user_id, app.org_id, app.roles). Returns null, with no viewer set, for
 * a missing, unknown or expired session. One statement, one round trip: a SELECT without FROM
 * yields exactly one row, so the role is set whatever the session lookup finds
 * (`set_config('role', …, true)` is SET LOCAL ROLE).
 *
 * The same statement asks for generic plans for the rest of the transaction
 * (`plan_cache_mode = force_generic_plan`, SET LOCAL): the request's statements are prepared
 * once per connection (the adapter names them by their text), and a generic plan is then planned
 * once too, instead of at every execution — the planning of a caseload's statements, under their
 * row-level-security policies, was half of PostgreSQL's time for it (the benchmark, issue 19).
 * The viewer stays out of the plan: policies read app.user_id, app.org_id and app.roles with
 * current_setting() when the plan runs, and a plan is kept per role (`maillage_app`).
 */
export async function beginRequest(
  tx: TransactionClient,
  sessionToken: string | null,
): Promise<Viewer | null> {
  return (await openRequest(tx, sessionToken)).viewer;
}

/** beginRequest, also answering the backend's process id (to cancel its statement: transaction-outcome.ts). */
async function openRequest(
  tx: TransactionClient,
  sessionToken: string | null,
): Promise<{ viewer: Viewer | null; backendPid: number | null }> {
  const [row] = await tx.$queryRaw<{ viewer: BeginRequestRow | null; backend_pid: number }[]>`
    SELECT set_config('role', 'maillage_app', true) AS role, pg_backend_pid() AS backend_pid,
           set_config('plan_cache_mode', 'force_generic_plan', true) AS plan_cache_mode,
           (SELECT to_jsonb(b) FROM app.begin_request(${sessionToken ? hashToken(sessionToken) : null}::text) b) AS viewer`;
  return { viewer: row?.viewer ? toViewer(row.viewer) : null, backendPid: row?.backend_pid ?? null };
}

function toViewer(row: BeginRequestRow): Viewer {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    roles: row.roles as Role[],
    teamVisibilityRestricted: row.team_visibility_restricted,
    csrfToken: row.csrf_token,
    committeePartnershipIds: row.committee_partnership_ids,
    cookieMaxAge: row.cookie_max_age ?? null,
    withheldRoles: (row.withheld_roles ?? []) as Role[],
  };
}

/**
 * The one way a request reaches the database. Runs `work` in a transaction as the
 * non-owning role `maillage_app`; when a session token is given, the viewer is checked and set
 * for this transaction only, so every row-level-security policy sees it. Without a valid
 * session the viewer is null and every person-level policy returns nothing.
 *
 * A failure tells what became of the transaction (transaction-outcome.ts): an error of `work`
 * (rolled back), CommitOutcomeUnknownError (COMMIT sent, no answer: maybe applied), or, once
 * `signal` aborts before the commit, RequestAbandonedError (its statement cancelled, rolled back).
 */
export async function viewerScopedTransaction<T>(
  db: Database,
  sessionToken: string | null,
  work: (tx: TransactionClient, viewer: Viewer | null) => Promise<T>,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  const { signal } = options;
  // Set once `work` is done, just before Prisma sends COMMIT: an error after it is the commit's.
  let committing = false;
  let backendPid: number | null = null;
  let cancelling: Promise<void> | null = null;
  // The caller went away (its client closed the connection) before the commit: stop the running
  // statement now, and roll back when `work` returns.
  const onAbort = () => {
    if (!committing && backendPid !== null) cancelling ??= cancelBackend(db.pool, backendPid);
  };
  const abandoned = async (cause?: unknown) => {
    await cancelling;
    return new RequestAbandonedError(cause);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await db.prisma.$transaction(async (tx) => {
      const opened = await openRequest(tx, sessionToken);
      backendPid = opened.backendPid;
      if (signal?.aborted) throw await abandoned();
      let result: T;
      try {
        result = await work(tx, opened.viewer);
      } catch (error) {
        throw signal?.aborted ? await abandoned(error) : error;
      }
      if (signal?.aborted) throw await abandoned();
      committing = true;
      return result;
    });
  } catch (error) {
    if (committing && !refusedBeforeCommit(error)) throw new CommitOutcomeUnknownError(error);
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Who a "see as" read acts as: another organisation, with the roles of one of its members. */
export interface OrganisationViewer {
  organisationId: string;
  roles: readonly Role[];
}

/**
 * Reads as another organisation inside the request's transaction ("see as partner"): a
 * savepoint, then app.org_id and app.roles set for it, `work`, and ROLLBACK TO SAVEPOINT —
 * PostgreSQL undoes a savepoint's `set_config(…, true)` with it, so the request's own viewer is
 * back, whatever `work` did or threw, and anything written meanwhile is undone: nothing done as
 * the other organisation is kept. Nothing else may query the transaction meanwhile (a preview is
 * alone in its operation, modules/partner-preview/preview-alone.ts).
 */
export async function readAsOrganisation<T>(
  tx: TransactionClient,
  viewer: OrganisationViewer,
  work: () => Promise<T>,
): Promise<T> {
  await tx.$executeRawUnsafe("SAVEPOINT read_as_organisation");
  try {
    await tx.$queryRaw`SELECT set_config('app.org_id', ${viewer.organisationId}, true),
                              set_config('app.roles', ${`{${viewer.roles.join(",")}}`}, true)`;
    return await work();
  } finally {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT read_as_organisation");
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT read_as_organisation");
  }
}

/**
 * `work` inside the request's transaction acting as another role (`SET LOCAL ROLE <role>`), then
 * as `maillage_app` again. An expected failure leaves the transaction usable: it goes back to the
 * app role; after a database error the transaction is aborted and will roll back, and the first
 * error is kept.
 */
async function asRole<T>(
  tx: TransactionClient,
  role: "maillage_auth" | "NONE",
  work: (tx: TransactionClient) => Promise<T>,
): Promise<T> {
  await tx.$executeRawUnsafe(`SET LOCAL ROLE ${role}`);
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    await tx.$executeRawUnsafe("SET LOCAL ROLE maillage_app").catch(() => undefined);
    throw error;
  }
  await tx.$executeRawUnsafe("SET LOCAL ROLE maillage_app");
  return result;
}

/**
 * Sign-in, sign-out and organisation switching, inside the request's transaction: for the
 * duration of `work` the transaction acts as `maillage_auth`, which reads credentials and
 * writes sessions but holds no grant on any person-level table; then it returns to
 * `maillage_app`.
 */
export function asSignInRole<T>(
  tx: TransactionClient,
  work: (tx: TransactionClient) => Promise<T>,
): Promise<T> {
  return asRole(tx, "maillage_auth", work);
}

/**
 * Work only the owner may do, inside the request's transaction, after the request's viewer was
 * found entitled to its result: a partnership's daily snapshot of protected figures, which the
 * app role may neither compute (the counting functions are not granted to it) nor write. For the
 * duration of `work` the transaction acts as the role that connected (the owner: `SET ROLE
 * NONE`), then as `maillage_app` again; `work` must take no input from the request but checked ids.
 */
export function asOwner<T>(tx: TransactionClient, work: (tx: TransactionClient) => Promise<T>): Promise<T> {
  return asRole(tx, "NONE", work);
}
