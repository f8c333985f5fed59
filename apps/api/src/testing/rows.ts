import type pg from "pg";

/**
 * The one row a test's query returns (an INSERT … RETURNING, an aggregate): a missing row
 * fails the test here, with a message, instead of an undefined carried into the next assertion.
 */
export function onlyRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined || rows.length !== 1) throw new Error(`Expected one row, got ${rows.length}`);
  return row;
}

/** The session secret in a client's cookie (`maillage_session=<secret>`). */
export function sessionSecretOf(client: { cookie: string | null }): string {
  const secret = client.cookie?.split("=")[1];
  if (!secret) throw new Error("The client holds no session cookie");
  return secret;
}

/** The count a `SELECT count(*)::int AS n …` statement answers. */
export async function countOf(pool: pg.Pool, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(sql, params);
  return onlyRow(rows).n;
}
