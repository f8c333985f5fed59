// pnpm backup [archive.tar] | pnpm restore <archive.tar> [--clean]
// With DATABASE_URL: the database of that PostgreSQL server (pg_dump, roles, manifest).
// Without: the embedded database under .data/ (MAILLAGE_DATA_DIR), while pnpm start is stopped.
import { join, resolve } from "node:path";
import { repositoryRoot } from "../../repository-root.ts";
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from "./embedded-backup.ts";
import { backupServerDatabase, restoreServerDatabase } from "./server-backup.ts";

const [command, ...rest] = process.argv.slice(2);
const clean = rest.includes("--clean");
const [file] = rest.filter((argument) => !argument.startsWith("--"));
const databaseUrl = process.env.DATABASE_URL;
// pnpm runs this from packages/db: a relative path is the caller's (INIT_CWD).
const callerFolder = process.env.INIT_CWD ?? process.cwd();
const embeddedFolder = join(process.env.MAILLAGE_DATA_DIR ?? join(repositoryRoot(), ".data"), "pglite");
const where = databaseUrl
  ? "the PostgreSQL database of DATABASE_URL"
  : `the embedded database in ${embeddedFolder}`;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  if (command === "backup") {
    const stamp = new Date().toISOString().slice(0, 16).replace(":", "");
    const archive = resolve(callerFolder, file ?? `maillage-backup-${stamp}.tar`);
    const report = databaseUrl
      ? await backupServerDatabase(databaseUrl, archive)
      : await backupEmbeddedDatabase(embeddedFolder, archive);
    console.log(
      `Backup of ${where}: ${report.archivePath} (${megabytes(report.bytes)}, ${report.tables} tables, ${report.rows} rows, ${seconds(report.milliseconds)}). It holds person data: store it encrypted (e.g. gpg --symmetric).`,
    );
  } else if (command === "restore" && file) {
    const archive = resolve(callerFolder, file);
    const report = databaseUrl
      ? await restoreServerDatabase(archive, databaseUrl, { clean })
      : await restoreEmbeddedDatabase(archive, embeddedFolder, { clean });
    if ("movedAside" in report && report.movedAside)
      console.log(`The previous database was moved to ${report.movedAside}`);
    if (report.rolesCreated.length > 0) console.log(`Roles created: ${report.rolesCreated.join(", ")}`);
    if (report.differences.length > 0) {
      console.error(
        `Restored into ${where}, but it differs from the backup's manifest:\n- ${report.differences.join("\n- ")}`,
      );
      process.exit(1);
    }
    console.log(
      `Restored into ${where} in ${seconds(report.milliseconds)}: ${report.tablesCompared} tables and ${report.rowsCompared} rows match the manifest (counts and content).`,
    );
  } else {
    console.error(
      "Usage: pnpm backup [archive.tar]  |  pnpm restore <archive.tar> [--clean]\n(DATABASE_URL: a PostgreSQL server's database; unset: the embedded one in .data/, with pnpm start stopped)",
    );
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
