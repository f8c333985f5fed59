/**
 * What a backup's manifest promises about each table, and how a restored database is checked
 * against it: the row count and a content hash of every table of the database's own schemas.
 *
 * The hash is the sum of each row's md5 (its first 64 bits, as a number): it needs neither a key
 * nor an order, holds in constant memory whatever the table's size, and any row added, dropped
 * or changed moves it. Rows are written out under fixed settings (UTC, ISO dates, exact floats),
 * so the same rows give the same hash on another server. Computed as the owner with row security
 * off: a role that RLS would filter gets an error, never a partial count.
 */

/** Anything that runs one SQL text and hands back its rows (a pg client, PGlite). */
export type RunQuery = <R>(sql: string) => Promise<R[]>;

export interface TableFingerprint {
  rows: number;
  /** Sum of the rows' md5 (64-bit prefixes), as a decimal string. */
  contentHash: string;
}

/** Same text for the same values on any server (timestamps, dates, floats, bytea). */
export const fingerprintSettings = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
  "SET row_security = off",
];

/** The tables of the database's own schemas, as quoted `schema.table` names, sorted. */
export async function listTables(query: RunQuery): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
      ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

export async function tableFingerprints(query: RunQuery): Promise<Record<string, TableFingerprint>> {
  for (const setting of fingerprintSettings) await query(setting);
  const fingerprints: Record<string, TableFingerprint> = {};
  for (const table of await listTables(query)) {
    const [row] = await query<{ rows: string; hash: string }>(
      `SELECT count(*)::text AS rows,
              coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)::text AS hash
         FROM ${table} t`,
    );
    if (!row) throw new Error(`No count for ${table}`);
    fingerprints[table] = { rows: Number(row.rows), contentHash: row.hash };
  }
  return fingerprints;
}

export interface FingerprintComparison {
  tablesCompared: number;
  rowsCompared: number;
  /** One line per difference; empty when the restored database holds what the manifest says. */
  differences: string[];
}

/**
 * The restored tables against the manifest. A table whose data the backup left out (device
 * secrets, kept answers) must be there and empty.
 */
export function compareFingerprints(
  expected: Record<string, TableFingerprint>,
  excludedData: readonly string[],
  actual: Record<string, TableFingerprint>,
): FingerprintComparison {
  const differences: string[] = [];
  let rowsCompared = 0;
  const empty: TableFingerprint = { rows: 0, contentHash: "0" };
  for (const [table, wanted] of Object.entries(expected)) {
    const found = actual[table];
    const expectedHere = excludedData.includes(table) ? empty : wanted;
    if (!found) {
      differences.push(`${table}: missing from the restored database`);
      continue;
    }
    rowsCompared += found.rows;
    if (found.rows !== expectedHere.rows)
      differences.push(`${table}: ${found.rows} rows restored, ${expectedHere.rows} in the backup`);
    else if (found.contentHash !== expectedHere.contentHash)
      differences.push(`${table}: same ${found.rows} rows counted, different content`);
  }
  for (const table of Object.keys(actual)) {
    if (!(table in expected)) differences.push(`${table}: in the restored database, not in the backup`);
  }
  return { tablesCompared: Object.keys(expected).length, rowsCompared, differences };
}
