/**
 * Runs the write matrix's cells: SQL statements in one transaction per viewer (a subtransaction
 * per cell, everything undone), GraphQL mutations one per request (a refused non-null mutation
 * field nulls the whole answer and stops the fields after it, so cells cannot share a request),
 * and a digest of every row of the world's organisations to prove a refused mutation wrote nothing.
 */
import type { Role } from "@maillage/db";
import { type GraphQLSchema, getNamedType, isAbstractType } from "graphql";
import type pg from "pg";
import type { TestClient } from "./graphql-client.ts";
import { type MutationAttempt, present, type Statement } from "./write-matrix-operations.ts";
import { sqlLiteral } from "./write-matrix-targets.ts";

/** "allowed", "refused", or what else happened (a statement that is wrong, not a refusal). */
export type SqlOutcome = string;

/**
 * Runs each statement in its own subtransaction and undoes it (raising a private error code after
 * it, as a savepoint would), answering how many rows it touched or how it failed: the whole list
 * in one round trip, as whoever calls it (security invoker).
 */
const tryStatements = `
CREATE OR REPLACE FUNCTION pg_temp.write_matrix_try(statements text[])
  RETURNS TABLE (n int, outcome text) LANGUAGE plpgsql AS $try$
DECLARE
  touched bigint;
BEGIN
  FOR i IN 1 .. coalesce(array_length(statements, 1), 0) LOOP
    n := i;
    BEGIN
      EXECUTE statements[i];
      GET DIAGNOSTICS touched = ROW_COUNT;
      RAISE EXCEPTION USING ERRCODE = 'WMUND', MESSAGE = touched::text;
    EXCEPTION
      WHEN SQLSTATE 'WMUND' THEN outcome := CASE SQLERRM WHEN '1' THEN 'allowed' WHEN '0' THEN 'refused'
                                                          ELSE SQLERRM || ' rows' END;
      WHEN insufficient_privilege THEN outcome := 'refused';
      WHEN OTHERS THEN outcome := 'error ' || SQLSTATE || ': ' || SQLERRM;
    END;
    RETURN NEXT;
  END LOOP;
END
$try$`;

/** The statement with its parameters written in as literals (they are ours, see sqlLiteral). */
function inline(statement: Statement): string {
  let sql = statement.sql;
  for (let index = statement.params.length; index >= 1; index -= 1) {
    sql = sql.replaceAll(`$${index}`, sqlLiteral(statement.params[index - 1]));
  }
  return sql;
}

/**
 * Each statement, undone after it, as the app role with the viewer set like a request (`viewer`),
 * or as the table owner (`viewer` null: row-level security and grants out of the way). A refusal
 * is an insufficient-privilege error (grants, WITH CHECK) or no row touched (USING).
 */
export async function runStatements(
  pool: pg.Pool,
  viewer: { userId: string; organisationId: string; roles: Role[] } | null,
  statements: Record<string, Statement>,
): Promise<Record<string, SqlOutcome>> {
  const client = await pool.connect();
  try {
    const opening = ["BEGIN", tryStatements];
    if (viewer) {
      opening.push(
        "SET LOCAL ROLE maillage_app",
        `SELECT set_config('app.user_id', ${sqlLiteral(viewer.userId)}, true),
                set_config('app.org_id', ${sqlLiteral(viewer.organisationId)}, true),
                set_config('app.roles', ${sqlLiteral(viewer.roles)}, true)`,
      );
    }
    await client.query(opening.join(";\n"));
    const keys = Object.keys(statements);
    const { rows } = await client.query<{ n: number; outcome: string }>(
      "SELECT n, outcome FROM pg_temp.write_matrix_try($1::text[]) ORDER BY n",
      [Object.values(statements).map(inline)],
    );
    return Object.fromEntries(
      rows.map((row) => [present(keys[row.n - 1], `statement ${row.n}`), row.outcome]),
    );
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** The selection that tells a success from a typed refusal, from the mutation's result type. */
export function mutationDocument(schema: GraphQLSchema, attempt: MutationAttempt): string {
  const field = schema.getMutationType()?.getFields()[attempt.field];
  if (!field) throw new Error(`The schema has no mutation ${attempt.field}: update the write matrix`);
  const declarations = field.args
    .filter((arg) => attempt.args.includes(`$${arg.name}`))
    .map((arg) => `$${arg.name}: ${arg.type.toString()}`)
    .join(", ");
  const type = getNamedType(field.type);
  const parts = ["__typename"];
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type);
    if (possible.some((t) => t.getInterfaces().some((i) => i.name === "AppError")))
      parts.push("... on AppError { code }");
    if (possible.some((t) => t.name === "InputValidationError")) {
      parts.push("... on InputValidationError { fields { path code } }");
    }
  }
  // A mutation without arguments (endAllSessions) takes no parentheses at all.
  const parenthesised = (text: string) => (text ? `(${text})` : "");
  return `mutation ${parenthesised(declarations)} { m: ${attempt.field}${parenthesised(attempt.args)} { ${parts.join(" ")} } }`;
}

/** Refusals that say "not yours" — not a mistake in the request (which would prove nothing). */
const refusalCodes = new Set(["NOT_FOUND", "FORBIDDEN", "CONSENT_REQUIRED"]);
const refusalFieldCodes = new Set(["NOT_FOUND", "NOT_A_PARTNER"]);

/**
 * "accepted" (a success that wrote), "refused" (an access refusal that wrote nothing), or what
 * else happened — e.g. "accepted but nothing written", "INPUT_VALIDATION [end TOO_SMALL]".
 */
export async function attemptMutation(
  schema: GraphQLSchema,
  client: TestClient,
  pool: pg.Pool,
  attempt: MutationAttempt,
): Promise<string> {
  const result = await client.request<{
    m: { __typename: string; code?: string; fields?: { path: string; code: string }[] };
  }>(mutationDocument(schema, attempt), attempt.variables);
  let verdict: string;
  if (result.errors?.length) {
    const codes = result.errors.map((error) => error.extensions?.code ?? error.message);
    verdict = codes.every((code) => refusalCodes.has(String(code)))
      ? "refused"
      : `errors ${codes.join(", ")}`;
  } else {
    const answer = result.data?.m;
    if (!answer) verdict = `no answer (HTTP ${result.status})`;
    else if (answer.code === undefined) verdict = "accepted";
    else if (refusalCodes.has(answer.code)) verdict = "refused";
    else if (answer.fields?.length && answer.fields.every((problem) => refusalFieldCodes.has(problem.code))) {
      verdict = "refused";
    } else {
      verdict = `${answer.code} [${(answer.fields ?? []).map((p) => `${p.path} ${p.code}`).join("; ")}]`;
    }
  }
  const { rows } = await pool.query<{ written: boolean }>(attempt.written.sql, attempt.written.params);
  const written = present(rows[0], `answer of the check of ${attempt.field}`).written;
  if (verdict === "accepted" && written) return "accepted";
  if (verdict === "refused" && !written) return "refused";
  return `${verdict} and ${written ? "written" : "nothing written"}`;
}

/** Columns through which a row belongs to the world (organisations, partnerships, users, persons, visits). */
const ownershipColumns = [
  "organisation_id",
  "from_organisation_id",
  "to_organisation_id",
  "by_organisation_id",
  "worker_organisation_id",
  "grantee_organisation_id",
  "partnership_id",
  "person_id",
  "nurse_visit_id",
  "user_id",
  "author_id",
  "worker_id",
  "nurse_id",
];
/** Sessions slide their expiry on reads; sign-in attempts are the sign-in role's. */
const notWatched = new Set(["sessions", "sign_in_attempts", "_prisma_migrations"]);

/** md5 of every row that belongs to the world, per table: equal digests, nothing written. */
export async function worldDigest(pool: pg.Pool, ids: readonly string[]): Promise<Record<string, string>> {
  return worldPerTable(pool, ids, "md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))");
}

/** How many rows of each table belong to the world (http/idempotent-mutations.int.test.ts). */
export async function worldRowCounts(pool: pg.Pool, ids: readonly string[]): Promise<Record<string, string>> {
  return worldPerTable(pool, ids, "count(*)::text");
}

async function worldPerTable(
  pool: pg.Pool,
  ids: readonly string[],
  aggregate: string,
): Promise<Record<string, string>> {
  const { rows: columns } = await pool.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'uuid' AND column_name = ANY ($1::text[])
      ORDER BY table_name, column_name`,
    [ownershipColumns],
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    if (notWatched.has(table_name)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  const parts = [...byTable].map(
    ([table, cols]) =>
      `SELECT '${table}' AS t, ${aggregate} AS d
         FROM "${table}" x WHERE ${cols.map((c) => `x."${c}" = ANY ($1::uuid[])`).join(" OR ")}`,
  );
  const { rows } = await pool.query<{ t: string; d: string }>(parts.join(" UNION ALL "), [ids]);
  return Object.fromEntries(rows.map((row) => [row.t, row.d]));
}

/** Runs `tasks` with at most `limit` under way at once (the test server's pool is 4). */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  const queue = tasks.map((task, index) => [task, index] as const);
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) results[item[1]] = await item[0]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
