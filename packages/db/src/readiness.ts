import type pg from "pg";

/**
 * Whether the database is ready for this build: reachable, and every migration this build ships
 * recorded as applied. Answers the first problem found, or null.
 */
export async function readinessProblem(
  pool: pg.Pool,
  expectedMigrations: readonly string[],
): Promise<string | null> {
  try {
    const { rows } = await pool.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const missing = expectedMigrations.filter((name) => !applied.has(name));
    return missing.length === 0 ? null : `migrations not applied: ${missing.join(", ")}`;
  } catch (error) {
    return `database unreachable (${(error as { code?: string }).code ?? (error as Error).message})`;
  }
}
