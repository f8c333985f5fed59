import { fileURLToPath } from "node:url";
import { connectDatabase } from "@maillage/db";
import "@maillage/db/testing/provided-context";
import { inject } from "vitest";
import { createApp } from "../server.ts";

const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export interface TestServer {
  url: string;
  databaseUrl: string;
  /** Count of SQL statements sent by the API's pool since the last reset. */
  statements: { count: number; reset(): void };
  stop(): Promise<void>;
}

/**
 * The real API (and the built web app, when present) on a free loopback port, against the
 * test database provided by the global setup.
 */
export async function startTestServer(options: { databaseUrl?: string } = {}): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? inject("databaseUrl");
  const db = connectDatabase(databaseUrl, {
    poolSize: 4,
    namedStatements: inject("databaseKind") === "server",
  });
  const statements = {
    count: 0,
    reset() {
      statements.count = 0;
    },
  };
  // Count every statement the app sends, for the no-N+1 checks.
  db.pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements.count += 1;
      return original(...args);
    };
  });
  const errors: unknown[] = [];
  const app = await createApp({
    db,
    webDist,
    production: false,
    log: (message, error) => {
      errors.push(error);
      if (process.env.TEST_SERVER_LOG) console.error(message, error);
    },
  });
  const url = await app.listen(0);
  return {
    url,
    databaseUrl,
    statements,
    async stop() {
      await app.close();
      await db.close();
    },
  };
}
