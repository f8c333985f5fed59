import pg from "pg";

export interface DatabaseWait {
  /** How many times to try before giving up (default 30). */
  attempts?: number;
  /** Pause between attempts, in milliseconds (default 2000). */
  pauseMs?: number;
  /** Where each failed attempt is told (the console at start-up). */
  log?: (message: string) => void;
}

/** Errors that mean "not reachable yet", worth another try: the server is down, starting or full. */
const transientCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
  "53300", // too_many_connections
]);

/** "127.0.0.1:5432/maillage": where the server is sought, without the password. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

/**
 * Waits until PostgreSQL answers `SELECT 1` at `connectionString`, trying again while it is not
 * reachable yet (refused, starting up, too many connections) and telling each wait. Any other
 * error (a wrong password, a database that does not exist) is thrown at once, and the last one
 * after every attempt, each with a sentence that names the server.
 */
export async function waitForDatabase(connectionString: string, options: DatabaseWait = {}): Promise<void> {
  const attempts = options.attempts ?? 30;
  const pauseMs = options.pauseMs ?? 2000;
  const where = describeDatabase(connectionString);
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      const transient = transientCodes.has(code) || /timeout/i.test(String(error));
      if (!transient || attempt >= attempts) {
        throw new Error(
          transient
            ? `PostgreSQL at ${where} is not reachable after ${attempts} attempts (${code || String(error)}): is it running?`
            : `PostgreSQL at ${where} refused the connection: ${(error as Error).message}`,
          { cause: error },
        );
      }
      options.log?.(
        `PostgreSQL at ${where} is not reachable yet (${code || "timeout"}); trying again in ${Math.round(pauseMs / 1000)} s (attempt ${attempt} of ${attempts}).`,
      );
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
