/**
 * The API's lifecycle around its database (issue 18): it waits for PostgreSQL at start with a
 * sentence that names the server, /readyz differs from /healthz (database reachable, every
 * migration of this build applied), statements carry a timeout, and close() stops accepting.
 */
import { createServer } from "node:net";
import { connectDatabase } from "@maillage/db";
import { readMigrations, waitForDatabase } from "@maillage/db/admin";
import "@maillage/db/testing/provided-context";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createApp } from "../server.ts";

/** A loopback port nobody listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startApp(databaseUrl: string, expectedMigrations: readonly string[]) {
  const db = connectDatabase(databaseUrl, { poolSize: 2 });
  const logged: string[] = [];
  const app = await createApp({
    db,
    production: false,
    trustProxy: false,
    expectedMigrations,
    drainMs: 1000,
    log: (message) => logged.push(message),
  });
  const url = await app.listen(0);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await db.close();
  };
  cleanups.push(close);
  return { url, close, logged };
}

const serverOnly = inject("databaseKind") === "server";
const migrations = readMigrations().map((migration) => migration.name);

describe.runIf(serverOnly)("liveness and readiness", () => {
  it("is ready when the database answers and every migration of this build is applied", async () => {
    const { url } = await startApp(inject("databaseUrl"), migrations);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it("is alive but not ready while a migration of this build is missing", async () => {
    const { url } = await startApp(inject("databaseUrl"), [...migrations, "29991231000000_not_yet_applied"]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ok: false,
      problem: "migrations not applied: 29991231000000_not_yet_applied",
    });
  });

  it("is alive but not ready while the database is unreachable", async () => {
    const port = await closedPort();
    const { url } = await startApp(`postgresql://postgres@127.0.0.1:${port}/maillage`, migrations);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { ok: boolean; problem: string };
    expect(body.ok).toBe(false);
    expect(body.problem).toBe("database unreachable (ECONNREFUSED)");
  });

  it("stops accepting connections once closed", async () => {
    const { url, close } = await startApp(inject("databaseUrl"), migrations);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe.runIf(serverOnly)("waiting for the database at start", () => {
  it("tries again while PostgreSQL is not reachable, then says where it looked", async () => {
    const port = await closedPort();
    const told: string[] = [];
    await expect(
      waitForDatabase(`postgresql://postgres:secret@127.0.0.1:${port}/maillage`, {
        attempts: 2,
        pauseMs: 1,
        log: (message) => told.push(message),
      }),
    ).rejects.toThrow(
      `PostgreSQL at 127.0.0.1:${port}/maillage is not reachable after 2 attempts (ECONNREFUSED): is it running?`,
    );
    expect(told).toEqual([
      `PostgreSQL at 127.0.0.1:${port}/maillage is not reachable yet (ECONNREFUSED); trying again in 0 s (attempt 1 of 2).`,
    ]);
    // The password never appears in what is told.
    expect(told.join(" ")).not.toContain("secret");
  });

  it("does not wait for a database that does not exist: it says so at once", async () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = "/maillage_no_such_database";
    const told: string[] = [];
    await expect(
      waitForDatabase(url.toString(), { attempts: 5, pauseMs: 1, log: (message) => told.push(message) }),
    ).rejects.toThrow(/refused the connection: database "maillage_no_such_database" does not exist/);
    expect(told).toEqual([]);
  });

  it("returns as soon as the database answers", async () => {
    await expect(waitForDatabase(inject("databaseUrl"), { attempts: 1 })).resolves.toBeUndefined();
  });
});

describe.runIf(serverOnly)("statement timeout", () => {
  it("sets the statement timeout on every connection of the pool", async () => {
    const db = connectDatabase(inject("databaseUrl"), { poolSize: 2, statementTimeoutMs: 1234 });
    try {
      const { rows } = await db.pool.query<{ statement_timeout: string }>("SHOW statement_timeout");
      expect(rows[0]?.statement_timeout).toBe("1234ms");
      // A statement past it is cancelled by PostgreSQL (query_canceled), not left to run.
      const slow = db.pool.query("SELECT pg_sleep(60)");
      await expect(slow).rejects.toMatchObject({ code: "57014" });
    } finally {
      await db.close();
    }
  });
});

describe.runIf(serverOnly)("a lost connection", () => {
  it("is told and replaced, never an uncaught exception that would stop the process", async () => {
    const lost: string[] = [];
    const db = connectDatabase(inject("databaseUrl"), {
      poolSize: 1,
      onConnectionLost: (error) => lost.push((error as { code?: string }).code ?? error.message),
    });
    try {
      const { rows } = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const pid = rows[0]?.pid;
      // What a PostgreSQL restart does to an idle connection of the pool.
      const admin = connectDatabase(inject("databaseUrl"), { poolSize: 1 });
      try {
        await admin.pool.query("SELECT pg_terminate_backend($1)", [pid]);
      } finally {
        await admin.close();
      }
      await expect.poll(() => lost).toEqual(["57P01"]);
      const again = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      expect(again.rows[0]?.pid).not.toBe(pid);
    } finally {
      await db.close();
    }
  });
});
