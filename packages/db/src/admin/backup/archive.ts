/**
 * A backup archive: one tar file (readable with `tar -tf`) holding `manifest.json` and the files
 * it lists with their SHA-256. Written 0600 through a private staging folder beside it (it holds
 * person data), renamed into place only once complete.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  createReadStream,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { TableFingerprint } from "./table-fingerprints.ts";

export const manifestFormat = "maillage-backup/1";

export interface BackupManifest {
  format: typeof manifestFormat;
  /** "server": roles.sql + database.dump (pg_dump custom format); "embedded": pglite.tar.gz (PGlite's data folder). */
  kind: "server" | "embedded";
  createdAt: string;
  /** The database's PostgreSQL version (server_version). */
  postgresVersion: string;
  /** The last migration applied when the backup was taken. */
  lastMigration: string | null;
  /** Member file → its SHA-256. */
  files: Record<string, string>;
  /** Tables whose rows the backup leaves out on purpose (their definitions are kept). */
  excludedData: string[];
  tables: Record<string, TableFingerprint>;
}

/** The tables whose rows a backup never holds: a lost phone's wipe relies on device secrets dying. */
export const tablesWithoutData = ["public.device_vaults", "public.idempotency_keys"];

/** GNU or BSD tar; its complaint becomes the error's message. */
function tar(args: string[]): void {
  try {
    execFileSync("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const complaint = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`tar ${args[0]} failed: ${complaint || String(error)}`);
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** A private folder (0700) for a backup's parts, beside `near` so the final rename stays on one disk. */
export function stagingFolder(near?: string): string {
  return mkdtempSync(join(near ? dirname(near) : tmpdir(), ".maillage-backup-"));
}

/** What a backup wrote: the archive, its size, how long it took, the tables and rows it holds. */
export interface BackupReport {
  archivePath: string;
  bytes: number;
  milliseconds: number;
  tables: number;
  rows: number;
}

/**
 * Tars the staging folder's manifest and files into `archivePath` (0600), then removes the
 * folder; answers the backup's report, timed from `started` (Date.now() at its start).
 */
export async function writeArchive(
  staging: string,
  manifest: BackupManifest,
  archivePath: string,
  started: number,
): Promise<BackupReport> {
  for (const file of Object.keys(manifest.files)) {
    chmodSync(join(staging, file), 0o600);
    manifest.files[file] = await sha256File(join(staging, file));
  }
  writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  const partial = join(staging, `${basename(archivePath)}.partial`);
  tar(["-cf", partial, "-C", staging, "manifest.json", ...Object.keys(manifest.files)]);
  chmodSync(partial, 0o600);
  renameSync(partial, archivePath);
  rmSync(staging, { recursive: true, force: true });
  return {
    archivePath,
    bytes: statSync(archivePath).size,
    milliseconds: Date.now() - started,
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0),
  };
}

/**
 * Unpacks an archive into a private folder and checks every listed file's SHA-256. The caller
 * removes the folder (`rmSync(folder, { recursive: true })`) once done.
 */
export async function openArchive(
  archivePath: string,
): Promise<{ folder: string; manifest: BackupManifest }> {
  const folder = stagingFolder();
  try {
    tar(["-xf", archivePath, "-C", folder, "--no-same-owner"]);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as BackupManifest;
    if (manifest.format !== manifestFormat)
      throw new Error(`${archivePath} is not a Maillage backup (${manifest.format})`);
    for (const [file, expected] of Object.entries(manifest.files)) {
      const actual = await sha256File(join(folder, file));
      if (actual !== expected)
        throw new Error(`${archivePath}: ${file} does not match its checksum (damaged archive)`);
    }
    return { folder, manifest };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
