// Vitest global setup for integration and browser tests: one fresh, migrated database per
// run — on the PostgreSQL server of DATABASE_URL when set (as CI does), else on an in-memory
// embedded PostgreSQL (PGlite). Each test then makes its own organisations and users.
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, prepareDatabase } from "../admin/index.ts";
import { startEmbeddedPostgres } from "../embedded.ts";

import "./provided-context.ts";

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `maillage_test_${project.name.replace(/\W/g, "_")}_${process.pid}`;
    const url = await createDatabase(serverUrl, name);
    await prepareDatabase(url, { seedIfEmpty: false });
    project.provide("databaseUrl", url);
    project.provide("databaseKind", "server");
    return async () => {
      if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(serverUrl, name);
    };
  }
  const embedded = await startEmbeddedPostgres({ maxConnections: 100 });
  await prepareDatabase(embedded.connectionString, { seedIfEmpty: false });
  project.provide("databaseUrl", embedded.connectionString);
  project.provide("databaseKind", "embedded");
  return async () => {
    await embedded.stop();
  };
}
