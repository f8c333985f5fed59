// Starts Maillage: the database (DATABASE_URL, or the embedded PostgreSQL under .data/),
// migrations, the demo seed on an empty database, then the API and the web app on one URL.
import { join } from "node:path";
import { connectDatabase, repositoryRoot, resolveDatabase } from "@maillage/db";
import { prepareDatabase } from "@maillage/db/admin";
import { createApp } from "./server.ts";

const root = repositoryRoot();

async function main() {
  const started = Date.now();
  const dataDir = process.env.MAILLAGE_DATA_DIR ?? join(root, ".data");
  const resolved = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
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
  });
  const app = await createApp({
    db,
    webDist: process.env.MAILLAGE_WEB_DIST ?? join(root, "apps", "web", "dist"),
    production: process.env.NODE_ENV === "production",
    trustProxy: process.env.TRUST_PROXY === "true",
  });
  const url = await app.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
  console.log(
    `Maillage is ready at ${url} (${resolved.embedded ? `embedded PostgreSQL in ${dataDir}` : "PostgreSQL from DATABASE_URL"}, started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const stop = async () => {
    await app.close();
    await db.close();
    await resolved.embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
