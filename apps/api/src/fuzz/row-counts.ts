/**
 * The number of rows of every table of the database, read from the catalogue (a table added by
 * a migration is counted without a line here), as the owner: what a refused call must leave
 * unchanged.
 */
import type pg from "pg";

export type RowCounts = Map<string, number>;

/** One statement counting every table of the database's own schemas. */
export async function rowCountStatement(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ name: string; part: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name,
            format('SELECT %L AS name, count(*)::int AS n FROM %I.%I', schemaname || '.' || tablename, schemaname, tablename) AS part
       FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1`,
  );
  if (rows.length === 0) throw new Error("No table to count");
  return rows.map((row) => row.part).join("\nUNION ALL\n");
}

export async function countRows(pool: pg.Pool, statement: string): Promise<RowCounts> {
  const { rows } = await pool.query<{ name: string; n: number }>(statement);
  return new Map(rows.map((row) => [row.name, row.n]));
}

/** The tables whose count changed, as `table: before → after`. */
export function changedCounts(before: RowCounts, after: RowCounts): string[] {
  const changes: string[] = [];
  for (const [name, count] of after) {
    const previous = before.get(name) ?? 0;
    if (previous !== count) changes.push(`${name}: ${previous} → ${count}`);
  }
  return changes;
}
