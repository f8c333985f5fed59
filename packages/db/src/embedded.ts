import { mkdirSync } from "node:fs";
import { createServer } from "node:net";

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/**
 * Starts PostgreSQL embedded in this process (PGlite) and serves it on a loopback port,
 * so the app reaches it through the same driver path (pg + Prisma's adapter) as a real
 * server. `dataDir` undefined keeps it in memory (tests).
 *
 * PGlite runs one backend for every connection: queries are queued, a transaction blocks
 * the others, and a session-level SET would leak between connections. Maillage only uses
 * transaction-local settings, so this is safe; it is meant for one user's machine.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // Loaded only when the embedded store is used: a server on DATABASE_URL never holds PGlite.
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-socket"),
  ]);
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const port = await findFreePort();
  const server = new PGLiteSocketServer({
    db,
    port,
    host: "127.0.0.1",
    // pool size + admin connections + margin: with the default of 1, concurrent
    // queries fail with "Connection terminated unexpectedly".
    maxConnections: options.maxConnections ?? 40,
  });
  await server.start();
  return {
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
