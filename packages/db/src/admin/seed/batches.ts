import type pg from "pg";

/**
 * Multi-row INSERT in batches (≤ 30,000 parameters a statement). `casts` gives a SQL cast per
 * column (e.g. `::"PlaceType"`), empty for none.
 */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  casts: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const values = batch.map((row) => {
      const placeholders = row.map((value, index) => {
        params.push(value);
        return `$${params.length}${casts[index] ?? ""}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`, params);
  }
}
