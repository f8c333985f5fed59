/**
 * Restarting the PostgreSQL server of DATABASE_URL under the fault test (fast shutdown: sessions
 * are ended, in-flight transactions rolled back, then the server starts again).
 *
 * How: RELIABILITY_PG_RESTART (a shell command) when set; otherwise, for a server on this machine,
 * Debian's `pg_ctlcluster` for the cluster listening on the URL's port (as root, as .ci/run runs,
 * it acts as the cluster's owner). Every other test on that server is disrupted for a second or
 * two: CI runs this after the tests.
 */
import { exec, execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";

export interface PostgresRestart {
  /** What is run, for the report. */
  description: string;
  /**
   * Restarts the server; resolves once pg_ctl says it accepts connections again. Asynchronous:
   * the writers of this process keep sending while the server is down.
   */
  restart(): Promise<unknown>;
}

/** The restart for the server of `databaseUrl`, or the reason there is none. */
export function postgresRestartFor(databaseUrl: string): PostgresRestart | string {
  const command = process.env.RELIABILITY_PG_RESTART;
  if (command) return { description: command, restart: () => promisify(exec)(command) };
  const url = new URL(databaseUrl);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname))
    return `${url.hostname} is not this machine (set RELIABILITY_PG_RESTART)`;
  let clusters: string;
  try {
    clusters = execFileSync("pg_lsclusters", ["--no-header"], { stdio: "pipe" }).toString();
  } catch {
    return "pg_lsclusters is not installed (set RELIABILITY_PG_RESTART)";
  }
  const port = url.port || "5432";
  // "15  main    5432 online postgres /var/lib/postgresql/15/main /var/log/…"
  const cluster = clusters
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields[2] === port && fields[3]?.startsWith("online"));
  if (!cluster) return `no online cluster on port ${port} in pg_lsclusters`;
  const [version = "", name = ""] = cluster;
  const args = ["--skip-systemctl-redirect", version, name, "restart", "--mode", "fast"];
  return {
    description: `pg_ctlcluster ${args.join(" ")}`,
    restart: () => promisify(execFile)("pg_ctlcluster", args),
  };
}
