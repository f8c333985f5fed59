import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";

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
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, maxLifetimeSeconds: 600 });
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
}

/**
 * Acts as the app role `maillage_app` for the rest of the transaction, checks a session token
 * and sets the viewer (app.user_id, app.org_id, app.roles). Returns null, with no viewer set, for
 * a missing, unknown or expired session. One statement, one round trip: a SELECT without FROM
 * yields exactly one row, so the role is set whatever the session lookup finds
 * (`set_config('role', …, true)` is SET LOCAL ROLE).
 */
export async function beginRequest(
  tx: TransactionClient,
  sessionToken: string | null,
): Promise<Viewer | null> {
  const [row] = await tx.$queryRaw<{ viewer: BeginRequestRow | null }[]>`
    SELECT set_config('role', 'maillage_app', true) AS role,
           (SELECT to_jsonb(b) FROM app.begin_request(${sessionToken ? hashToken(sessionToken) : null}::text) b) AS viewer`;
  return row?.viewer ? toViewer(row.viewer) : null;
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
  };
}

/**
 * The one way a request reaches the database. Runs `work` in a transaction as the
 * non-owning role `maillage_app`; when a session token is given, the viewer is checked and set
 * for this transaction only, so every row-level-security policy sees it. Without a valid
 * session the viewer is null and every person-level policy returns nothing.
 */
export async function viewerScopedTransaction<T>(
  db: Database,
  sessionToken: string | null,
  work: (tx: TransactionClient, viewer: Viewer | null) => Promise<T>,
): Promise<T> {
  return db.prisma.$transaction(async (tx) => work(tx, await beginRequest(tx, sessionToken)));
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
