/**
 * Backup and restore of the embedded PostgreSQL (PGlite, `.data/pglite`, used when no
 * DATABASE_URL is set). PGlite is PostgreSQL 18 compiled to WebAssembly: the server's pg_dump
 * cannot read it, so the archive holds PGlite's own copy of its data folder (`dumpDataDir`),
 * taken while `pnpm start` is stopped (one process at a time may open the folder). The copy is
 * opened in memory first to leave out the same rows as a server backup, and fingerprinted there.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import {
  type BackupManifest,
  type BackupReport,
  manifestFormat,
  openArchive,
  stagingFolder,
  tablesWithoutData,
  writeArchive,
} from "./archive.ts";
import type { RestoreReport } from "./server-backup.ts";
import { compareFingerprints, type RunQuery, tableFingerprints } from "./table-fingerprints.ts";

const runQuery =
  (db: PGlite): RunQuery =>
  async <R>(sql: string) =>
    (await db.query<R>(sql)).rows;

async function one(db: PGlite, sql: string): Promise<string | null> {
  const { rows } = await db.query<{ value: string | null }>(sql);
  return rows[0]?.value ?? null;
}

export async function backupEmbeddedDatabase(dataDir: string, archivePath: string): Promise<BackupReport> {
  const started = Date.now();
  if (!existsSync(join(dataDir, "PG_VERSION"))) throw new Error(`No embedded database in ${dataDir}`);
  // PGlite writes postmaster.pid while a process has the folder open and removes it on close.
  if (existsSync(join(dataDir, "postmaster.pid"))) {
    throw new Error(
      `The embedded database in ${dataDir} is open (postmaster.pid): stop pnpm start first. If nothing runs, it was not stopped cleanly: start and stop it once.`,
    );
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const live = await PGlite.create({ dataDir });
  const whole = await live.dumpDataDir("none").finally(() => live.close());
  const copy = await PGlite.create({ loadDataDir: whole });
  const staging = stagingFolder(archivePath);
  try {
    const query = runQuery(copy);
    const present = (await tableFingerprints(query)) as Record<string, unknown>;
    const excludedData = tablesWithoutData.filter((table) => table in present);
    for (const table of excludedData) await copy.query(`DELETE FROM ${table}`);
    const tables = await tableFingerprints(query);
    const manifest: BackupManifest = {
      format: manifestFormat,
      kind: "embedded",
      createdAt: new Date().toISOString(),
      postgresVersion: (await one(copy, "SELECT current_setting('server_version') AS value")) ?? "",
      lastMigration: await one(
        copy,
        `SELECT max(migration_name) AS value FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
      files: { "pglite.tar.gz": "" },
      excludedData,
      // Counted after the rows left out were deleted: those tables read 0 here already.
      tables,
    };
    const tarball = await copy.dumpDataDir("gzip");
    writeFileSync(join(staging, "pglite.tar.gz"), Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    return await writeArchive(staging, manifest, archivePath, started);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await copy.close();
  }
}

/**
 * Restores an embedded backup into `dataDir`, which must be missing or empty unless `clean`
 * (then the folder there is moved aside, never deleted: its path is in the report).
 */
export async function restoreEmbeddedDatabase(
  archivePath: string,
  dataDir: string,
  options: { clean?: boolean } = {},
): Promise<RestoreReport & { movedAside: string | null }> {
  const started = Date.now();
  const { folder, manifest } = await openArchive(archivePath);
  try {
    if (manifest.kind !== "embedded")
      throw new Error(`${archivePath} is a backup of a PostgreSQL server: restore it with DATABASE_URL set`);
    let movedAside: string | null = null;
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      if (!options.clean)
        throw new Error(
          `${dataDir} already holds a database: stop pnpm start and pass --clean to move it aside`,
        );
      if (existsSync(join(dataDir, "postmaster.pid")))
        throw new Error(
          `The embedded database in ${dataDir} is open (postmaster.pid): stop pnpm start first`,
        );
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(dataDir, movedAside);
    }
    const tarball = new Blob([readFileSync(join(folder, "pglite.tar.gz"))]);
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create({ dataDir, loadDataDir: tarball });
    try {
      const comparison = compareFingerprints(
        manifest.tables,
        manifest.excludedData,
        await tableFingerprints(runQuery(db)),
      );
      return { ...comparison, milliseconds: Date.now() - started, rolesCreated: [], movedAside };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
