import { join } from "node:path";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.ts";

export interface ResolvedDatabase {
  connectionString: string;
  /** Set when Maillage runs on its embedded PostgreSQL (no DATABASE_URL). */
  embedded: EmbeddedPostgres | null;
}

/**
 * `DATABASE_URL` when set (a real PostgreSQL server); otherwise the embedded PostgreSQL kept
 * under `dataDir`, so a fresh machine needs only Node.
 */
export async function resolveDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) return { connectionString: options.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: join(options.dataDir, "pglite") });
  return { connectionString: embedded.connectionString, embedded };
}
