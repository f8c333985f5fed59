/**
 * A PostgreSQL server of its own for one test (initdb + pg_ctl in a temporary folder, on a free
 * loopback port, trust authentication), removed afterwards. Roles belong to a server, not to a
 * database, so only a new server shows what a restore does where the app's roles do not exist.
 *
 * initdb refuses to run as root: as root (CI, this machine), the server runs as the `postgres`
 * system user that Debian's PostgreSQL package creates (runuser, util-linux).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../embedded.ts";

export interface ThrowawayCluster {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  stop(): Promise<void>;
}

/** The folder of initdb and pg_ctl for a PostgreSQL major version, if installed (Debian's layout). */
export function postgresBinaries(major: number): string | null {
  const folder = process.env.PG_BIN_DIR ?? `/usr/lib/postgresql/${major}/bin`;
  return existsSync(join(folder, "initdb")) && existsSync(join(folder, "pg_ctl")) ? folder : null;
}

export async function startThrowawayCluster(binaries: string): Promise<ThrowawayCluster> {
  const folder = mkdtempSync(join(tmpdir(), "maillage-cluster-"));
  const data = join(folder, "data");
  const asRoot = process.getuid?.() === 0;
  // As root, every program runs as the postgres system user, who must own the folder.
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(binaries, program), ...args], { stdio: "pipe" })
      : execFileSync(join(binaries, program), args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(folder, uid, gid);
  }
  const port = await findFreePort();
  try {
    run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(folder, "server.log"),
      "-w",
      "-o",
      `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB`,
      "start",
    ]);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
