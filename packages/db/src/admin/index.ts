/**
 * Administration entry, kept apart from the app's viewer-scoped access: migrations, the demo
 * seed and test provisioning connect as the database owner. The API's request path never
 * imports this module except at start-up.
 */
import pg from "pg";
import { applyMigrations } from "./migrate.ts";
import type { SeedSummary } from "./seed/index.ts";

export { type BackupManifest, openArchive } from "./backup/archive.ts";
export { backupEmbeddedDatabase, restoreEmbeddedDatabase } from "./backup/embedded-backup.ts";
export { backupServerDatabase, restoreServerDatabase } from "./backup/server-backup.ts";
export {
  fingerprintSettings,
  type TableFingerprint,
  tableFingerprints,
} from "./backup/table-fingerprints.ts";
export { applyMigrations, readMigrations } from "./migrate.ts";
export { demoAccounts, demoPassword, demoTotpSecret } from "./seed/people.ts";
export { describeDatabase, waitForDatabase } from "./wait-for-database.ts";

export interface PreparedDatabase {
  applied: string[];
  seeded: SeedSummary | null;
}

/** Applies pending migrations, then seeds the demo data into an empty database if asked. */
export async function prepareDatabase(
  connectionString: string,
  options: { seedIfEmpty: boolean },
): Promise<PreparedDatabase> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const applied = await applyMigrations(client);
    let seeded: SeedSummary | null = null;
    if (options.seedIfEmpty) {
      const { rows } = await client.query<{ empty: boolean }>(
        "SELECT NOT EXISTS (SELECT 1 FROM organisations) AS empty",
      );
      if (rows[0]?.empty) {
        // Loaded only when needed: tests and servers with data never import the seed.
        const { seedDemo } = await import("./seed/index.ts");
        seeded = await seedDemo(client);
      }
    }
    return { applied, seeded };
  } finally {
    await client.end();
  }
}

/** Creates a database on the server of `adminUrl` (for tests and the benchmark). */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
