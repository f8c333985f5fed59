/**
 * Backup and restore of a database on a PostgreSQL server: `roles.sql` (the roles it needs,
 * database-roles.ts), `database.dump` (pg_dump's custom format: schema, functions, grants, RLS
 * policies, data) and the manifest's per-table fingerprints, all from one snapshot. A restore
 * creates the missing roles, restores into an empty database in one transaction and checks every
 * table against the manifest.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

import {
  type BackupManifest,
  type BackupReport,
  manifestFormat,
  openArchive,
  stagingFolder,
  tablesWithoutData,
  writeArchive,
} from "./archive.ts";
import { referencedRoles, rolesScript } from "./database-roles.ts";
import {
  compareFingerprints,
  type FingerprintComparison,
  type RunQuery,
  tableFingerprints,
} from "./table-fingerprints.ts";

export interface RestoreReport extends FingerprintComparison {
  milliseconds: number;
  rolesCreated: string[];
}

const runQuery =
  (client: pg.ClientBase): RunQuery =>
  async <R>(sql: string) =>
    (await client.query(sql)).rows as R[];

/**
 * pg_dump / pg_restore of the server's major version (Debian keeps each under
 * /usr/lib/postgresql/<major>/bin; pg_dump refuses a newer server), else the one on PATH.
 * PG_BIN_DIR overrides.
 */
export function postgresBinary(name: "pg_dump" | "pg_restore", serverVersionNum: number): string {
  const folders = [
    process.env.PG_BIN_DIR,
    `/usr/lib/postgresql/${Math.floor(serverVersionNum / 10_000)}/bin`,
  ];
  for (const folder of folders) if (folder && existsSync(join(folder, name))) return join(folder, name);
  return name;
}

/** Runs a PostgreSQL client program; its error output becomes the error's message. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} failed (exit ${code}): ${errors.trim()}`)),
    );
  });
}

async function serverVersion(client: pg.ClientBase): Promise<{ text: string; num: number }> {
  const { rows } = await client.query<{ text: string; num: string }>(
    "SELECT current_setting('server_version') AS text, current_setting('server_version_num') AS num",
  );
  return { text: rows[0]?.text ?? "", num: Number(rows[0]?.num) };
}

async function lastMigration(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ name: string | null }>(
    `SELECT max(migration_name) AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows[0]?.name ?? null;
}

/**
 * Writes a backup of the database of `databaseUrl` to `archivePath`. The manifest's counts and
 * pg_dump read the same snapshot (exported from a REPEATABLE READ transaction held open while
 * pg_dump runs), so a backup taken while the API writes still matches its manifest.
 */
export async function backupServerDatabase(databaseUrl: string, archivePath: string): Promise<BackupReport> {
  const started = Date.now();
  const staging = stagingFolder(archivePath);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = await serverVersion(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]?.id;
    if (!snapshot) throw new Error("pg_export_snapshot returned nothing");
    const query = runQuery(client);
    const tables = await tableFingerprints(query);
    const roles = rolesScript(await referencedRoles(query));
    const manifest: BackupManifest = {
      format: manifestFormat,
      kind: "server",
      createdAt: new Date().toISOString(),
      postgresVersion: version.text,
      lastMigration: await lastMigration(client),
      files: { "roles.sql": "", "database.dump": "" },
      excludedData: tablesWithoutData.filter((table) => table in tables),
      tables,
    };
    writeFileSync(join(staging, "roles.sql"), roles, { mode: 0o600 });
    await run(postgresBinary("pg_dump", version.num), [
      "--format=custom",
      `--snapshot=${snapshot}`,
      ...manifest.excludedData.map((table) => `--exclude-table-data=${table}`),
      `--file=${join(staging, "database.dump")}`,
      `--dbname=${databaseUrl}`,
    ]);
    await client.query("COMMIT");
    return await writeArchive(staging, manifest, archivePath, started);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await client.end();
  }
}

/** Objects of the database's own (non-system) schemas: a restore goes into an empty database. */
async function ownObjects(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%')
          + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema'))::int AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Restores the archive into the database of `databaseUrl`: the roles it needs first (created
 * where missing), then pg_restore in one transaction (all or nothing), then every table checked
 * against the manifest. Refuses a database that already holds tables or functions unless
 * `clean` (then pg_restore drops what the backup holds before re-creating it).
 */
export async function restoreServerDatabase(
  archivePath: string,
  databaseUrl: string,
  options: { clean?: boolean } = {},
): Promise<RestoreReport> {
  const started = Date.now();
  const { folder, manifest } = await openArchive(archivePath);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (manifest.kind !== "server")
      throw new Error(`${archivePath} is a backup of the embedded database: restore it without DATABASE_URL`);
    const existing = await ownObjects(client);
    if (existing > 0 && !options.clean) {
      throw new Error(
        `The database of DATABASE_URL is not empty (${existing} tables, sequences or functions): restore into a new database, or pass --clean to replace what the backup holds`,
      );
    }
    const before = new Set(
      (await client.query<{ rolname: string }>("SELECT rolname FROM pg_roles")).rows.map((r) => r.rolname),
    );
    await client.query(readFileSync(join(folder, "roles.sql"), "utf8"));
    const after = (await client.query<{ rolname: string }>("SELECT rolname FROM pg_roles")).rows.map(
      (r) => r.rolname,
    );
    const version = await serverVersion(client);
    await run(postgresBinary("pg_restore", version.num), [
      "--exit-on-error",
      "--single-transaction",
      ...(options.clean ? ["--clean", "--if-exists"] : []),
      `--dbname=${databaseUrl}`,
      join(folder, "database.dump"),
    ]);
    // pg_restore leaves the planner without statistics until autovacuum comes by.
    await client.query("ANALYZE");
    const comparison = compareFingerprints(
      manifest.tables,
      manifest.excludedData,
      await tableFingerprints(runQuery(client)),
    );
    return {
      ...comparison,
      milliseconds: Date.now() - started,
      rolesCreated: after.filter((name) => !before.has(name)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await client.end();
  }
}
