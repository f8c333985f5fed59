import { fileURLToPath } from "node:url";
import { connectDatabase } from "@maillage/db";
import "@maillage/db/testing/provided-context";
import { afterEach, inject } from "vitest";
import { createApp } from "../server.ts";
import { ServerErrorLog } from "./server-error-log.ts";

const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export interface TestServer {
  url: string;
  databaseUrl: string;
  /** Count of SQL statements sent by the API's pool since the last reset. */
  statements: { count: number; reset(): void };
  /**
   * Declares that the current test makes the server log an unexpected error on purpose: one
   * error whose text matches `matching`, for `reason`. Any other unexpected error fails the test
   * when it ends, and so does a declared one that did not happen.
   */
  expectServerError(reason: string, matching: RegExp): void;
  stop(): Promise<void>;
}

/** The error logs of this test file's running servers. */
const liveLogs = new Set<ServerErrorLog>();

// Registered when a test file imports this module: every test of the file ends with the check.
afterEach(() => {
  for (const log of liveLogs) log.check();
});

/**
 * The real API (and the built web app, when present) on a free loopback port, against the
 * test database provided by the global setup. An unexpected error the server logs (masked as
 * INTERNAL to the caller) fails the test that caused it, unless that test declared it.
 */
export async function startTestServer(
  options: {
    databaseUrl?: string;
    /** Take the client's address from X-Forwarded-For. */
    trustProxy?: boolean | number;
  } = {},
): Promise<TestServer> {
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
  const errors = new ServerErrorLog();
  const app = await createApp({
    db,
    webDist,
    production: false,
    trustProxy: options.trustProxy ?? false,
    log: (message, error) => {
      errors.log(message, error);
      if (process.env.TEST_SERVER_LOG) console.error(message, error);
    },
  });
  const url = await app.listen(0);
  liveLogs.add(errors);
  return {
    url,
    databaseUrl,
    statements,
    expectServerError: (reason, matching) => errors.expect(reason, matching),
    async stop() {
      liveLogs.delete(errors);
      await app.close();
      await db.close();
      // What was logged outside any test (in beforeAll or afterAll) fails the file here.
      errors.check();
    },
  };
}
