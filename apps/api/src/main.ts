// Starts Maillage: the database (DATABASE_URL, or the embedded PostgreSQL under .data/),
// migrations, the demo seed on an empty database, then the API and the web app on one URL.
import { join } from "node:path";
import { connectDatabase, repositoryRoot, resolveDatabase } from "@maillage/db";
import { prepareDatabase, readMigrations, waitForDatabase } from "@maillage/db/admin";
import { proxySettingsFromEnv } from "./http/acting-route.ts";
import { startSnapshotRefresh } from "./modules/indicators/snapshot-refresh.ts";
import { startRetentionScheduler } from "./modules/privacy/retention-job.ts";
import { createApp } from "./server.ts";

const root = repositoryRoot();

async function main() {
  const started = Date.now();
  const dataDir = process.env.MAILLAGE_DATA_DIR ?? join(root, ".data");
  const resolved = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  // A server started before its database (a reboot, a container) waits for it, saying so.
  if (!resolved.embedded) {
    await waitForDatabase(resolved.connectionString, {
      attempts: Number(process.env.DATABASE_WAIT_ATTEMPTS ?? 30),
      log: (message) => console.log(message),
    });
  }
  const prepared = await prepareDatabase(resolved.connectionString, {
    seedIfEmpty: process.env.MAILLAGE_SEED !== "none",
  });
  if (prepared.applied.length > 0) console.log(`Migrations applied: ${prepared.applied.join(", ")}`);
  if (prepared.seeded) {
    console.log(
      `Demo data seeded in ${prepared.seeded.seconds.toFixed(1)} s: ${prepared.seeded.persons} persons, ${prepared.seeded.encounters} encounters.`,
    );
  }
  const db = connectDatabase(resolved.connectionString, {
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? (resolved.embedded ? 4 : 10)),
    namedStatements: !resolved.embedded,
    // A statement nobody waits for any more cannot hold a backend past this (30 s by default).
    statementTimeoutMs: resolved.embedded
      ? undefined
      : Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000),
    onConnectionLost: (error) =>
      console.warn(`A database connection was lost (${error.message}); it is replaced.`),
  });
  const app = await createApp({
    db,
    webDist: process.env.MAILLAGE_WEB_DIST ?? join(root, "apps", "web", "dist"),
    production: process.env.NODE_ENV === "production",
    ...proxySettingsFromEnv(process.env),
    expectedMigrations: readMigrations().map((migration) => migration.name),
  });
  const url = await app.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
  console.log(
    `Maillage is ready at ${url} (${resolved.embedded ? `embedded PostgreSQL in ${dataDir}` : "PostgreSQL from DATABASE_URL"}, started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  // Law 25 retention: files without activity for their organisation's period are de-identified
  // daily (MAILLAGE_RETENTION_JOB=off stops it, e.g. on a copy restored for inspection).
  const retention = process.env.MAILLAGE_RETENTION_JOB === "off" ? null : startRetentionScheduler(db);
  // Committee figures come from a daily snapshot per partnership and fiscal year: computed ahead
  // (a minute after start, then each hour finds the ones whose day has changed) so that the
  // first committee reader of the day does not wait for them. MAILLAGE_SNAPSHOT_REFRESH=off stops
  // it (the benchmark's server: a refresh would run on its core during a measurement).
  const stopSnapshots =
    process.env.MAILLAGE_SNAPSHOT_REFRESH === "off"
      ? async () => {}
      : startSnapshotRefresh(db, { log: (message, error) => console.error(message, error) });
  // SIGTERM or SIGINT: stop accepting, let the requests in flight finish (10 s at most, then their
  // connections are closed), stop the jobs, close the pool. A second signal exits at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    retention?.stop();
    await Promise.all([app.close(), stopSnapshots()]);
    await db.close();
    await resolved.embedded?.stop();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Maillage could not start: ${error.message}` : error);
  process.exit(1);
});
