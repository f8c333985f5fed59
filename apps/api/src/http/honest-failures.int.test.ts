/**
 * A failure answer tells the truth about what was saved (issue 18): "nothing was saved" only when
 * the transaction certainly rolled back, OUTCOME_UNKNOWN when COMMIT was sent and no answer came
 * (then the same Idempotency-Key gets the first answer if it was saved, or runs it if not), and a
 * client that leaves before the answer has its transaction rolled back and its statement cancelled
 * unless the commit was already on its way.
 *
 * The API's database connection goes through a proxy (testing/postgres-proxy.ts) that loses the
 * connection exactly before or after PostgreSQL receives a chosen statement: what a PostgreSQL
 * restart does to the request in flight, without touching the machine's shared PostgreSQL.
 */
import "@maillage/db/testing/provided-context";
import { randomUUID } from "node:crypto";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { connectDatabase, type Database } from "@maillage/db";
import { errorMessages } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../server.ts";
import type { TestClient } from "../testing/graphql-client.ts";
import { createPartnershipWorld, type PartnershipWorld } from "../testing/partnership-world.ts";
import { type PostgresProxy, startPostgresProxy } from "../testing/postgres-proxy.ts";
import { onlyRow } from "../testing/rows.ts";

const record = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id } }
    ... on AppError { code }
  }
}`;

let proxy: PostgresProxy;
let db: Database;
let app: Awaited<ReturnType<typeof createApp>>;
let url: string;
let world: PartnershipWorld;
const applicationName = `honest-failures-${randomUUID().slice(0, 8)}`;
/** What the server logged as unexpected: each test says what it caused. */
const logged: string[] = [];

beforeAll(async () => {
  const databaseUrl = new URL(inject("databaseUrl"));
  proxy = await startPostgresProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  proxied.searchParams.set("application_name", applicationName);
  // Unnamed statements: COMMIT goes as a simple query, "COMMIT\0", which the proxy's trap sees.
  db = connectDatabase(proxied.toString(), { poolSize: 4, namedStatements: false });
  app = await createApp({
    db,
    webDist: fileURLToPath(new URL("../../../web/dist", import.meta.url)),
    log: (message, error) => logged.push(`${message}: ${error instanceof Error ? error.message : error}`),
  });
  url = await app.listen(0);
  world = await createPartnershipWorld(url, databaseUrl.toString());
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  await proxy?.close();
});

function encounter(note: string, personId?: string) {
  return {
    input: {
      ...(personId
        ? { personId }
        : { anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 1 } }),
      channel: "IN_PERSON",
      placeType: "WORKPLACE",
      themes: [],
      materials: [],
      note,
    },
  };
}

async function encountersNoted(note: string): Promise<{ id: string }[]> {
  const { rows } = await world.pool.query<{ id: string }>(
    `SELECT e.id FROM encounters e JOIN encounter_notes n ON n.encounter_id = e.id WHERE n.body = $1`,
    [note],
  );
  return rows;
}

async function claims(key: string): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1",
    [key],
  );
  return onlyRow(rows).n;
}

interface Backend {
  state: string | null;
  wait_event_type: string | null;
}

/** The API's backends (through the proxy), as PostgreSQL sees them now. */
async function apiBackends(): Promise<Backend[]> {
  const { rows } = await world.pool.query<Backend>(
    "SELECT state, wait_event_type FROM pg_stat_activity WHERE application_name = $1",
    [applicationName],
  );
  return rows;
}

/** Sends a mutation on a raw socket; answers the socket, to be destroyed (hung up) by the test. */
async function sendRaw(client: TestClient, body: string, key: string): Promise<net.Socket> {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), "127.0.0.1");
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const head = [
    "POST /graphql HTTP/1.1",
    `host: 127.0.0.1:${port}`,
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(body)}`,
    `cookie: ${client.cookie}`,
    `x-csrf-token: ${client.csrfToken}`,
    `idempotency-key: ${key}`,
    "",
    "",
  ].join("\r\n");
  await new Promise<void>((resolve) => socket.write(head + body, () => resolve()));
  return socket;
}

describe("COMMIT sent, no answer from PostgreSQL", () => {
  it("committed, answer lost: OUTCOME_UNKNOWN (not 'nothing saved'), and the same key replays it", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `commit-answer-lost-${key}`;
    const sprung = proxy.loseConnectionAt("COMMIT\0", "after the server answered");
    const lost = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    await sprung;
    expect(lost.status).toBe(503);
    expect(lost.errors?.[0]?.extensions?.code).toBe("OUTCOME_UNKNOWN");
    expect(lost.errors?.[0]?.message).toBe(errorMessages.fr.OUTCOME_UNKNOWN);
    expect(lost.errors?.[0]?.message).not.toMatch(/Rien n'a été enregistré/);
    // It was saved: the answer said it might be.
    const saved = await encountersNoted(note);
    expect(saved).toHaveLength(1);
    const again = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data?.recordEncounter.encounter.id).toBe(encodeGlobalID("Encounter", String(saved[0]?.id)));
    expect(await encountersNoted(note)).toHaveLength(1);
    expect(logged.splice(0)).toEqual([expect.stringMatching(/^The commit of a request got no answer/)]);
  });

  it("lost before PostgreSQL got the COMMIT: OUTCOME_UNKNOWN too, and the same key saves it once", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `commit-never-arrived-${key}`;
    const sprung = proxy.loseConnectionAt("COMMIT\0", "before it reaches the server");
    const lost = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    await sprung;
    expect(lost.status).toBe(503);
    expect(lost.errors?.[0]?.extensions?.code).toBe("OUTCOME_UNKNOWN");
    expect(await encountersNoted(note)).toHaveLength(0);
    const again = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    expect(again.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await encountersNoted(note)).toHaveLength(1);
    expect(logged.splice(0)).toEqual([expect.stringMatching(/^The commit of a request got no answer/)]);
  });

  it("the connection lost before COMMIT (mid-operation): UNAVAILABLE, 'nothing saved', and truly nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `lost-mid-operation-${key}`;
    const sprung = proxy.loseConnectionAt(
      'INSERT INTO "public"."encounters"',
      "before it reaches the server",
    );
    const lost = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    await sprung;
    const code = lost.errors?.[0]?.extensions?.code;
    // UNAVAILABLE: "nothing was saved, try again shortly" — a lost connection, not a bug.
    expect(code).toBe("UNAVAILABLE");
    expect(lost.errors?.[0]?.message).toBe(errorMessages.fr.UNAVAILABLE);
    expect(await encountersNoted(note)).toHaveLength(0);
    expect(await claims(key)).toBe(0);
    expect(logged.splice(0).length).toBeGreaterThan(0);
    // The pool recovers: the next request is served.
    const next = await worker.request<any>(record, encounter(`${note}-next`));
    expect(next.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
  });
});

describe("a client that leaves before the answer", () => {
  it("leaving while the operation waits (on a lock the test holds): cancelled in PostgreSQL, rolled back", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `left-while-waiting-${key}`;
    const body = JSON.stringify({ query: record, variables: encounter(note, world.person.globalId) });
    const lock = await world.pool.connect();
    try {
      await lock.query("BEGIN");
      // The encounter's foreign key check (FOR KEY SHARE on the person) waits behind this.
      await lock.query("SELECT 1 FROM persons WHERE id = $1 FOR UPDATE", [world.person.id]);
      const socket = await sendRaw(worker, body, key);
      await expect
        .poll(apiBackends, { timeout: 20_000 })
        .toSatisfy((backends: Backend[]) =>
          backends.some((b) => b.state === "active" && b.wait_event_type === "Lock"),
        );
      // Hung up while the operation is certainly before its commit (it waits on our lock).
      socket.destroy();
      // The wait can only end before the lock goes if the statement was cancelled; then the
      // transaction rolls back and the connection is idle again.
      await expect
        .poll(apiBackends, { timeout: 20_000 })
        .toSatisfy((backends: Backend[]) => backends.every((b) => b.state === "idle"));
    } finally {
      await lock.query("ROLLBACK");
      lock.release();
    }
    expect(await encountersNoted(note)).toHaveLength(0);
    expect(await claims(key)).toBe(0);
    // The same key, sent again: nothing was kept of the first, so it runs and saves once.
    const again = await worker.request<any>(record, encounter(note, world.person.globalId), {
      headers: { "idempotency-key": key },
    });
    expect(again.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await encountersNoted(note)).toHaveLength(1);
    // The cancelled statement of a request whose client left is nobody's error: not logged.
    expect(logged.splice(0)).toEqual([]);
  });

  it("leaving at any moment: either nothing was saved, or the same key replays the one saved", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const outcomes = { replayed: 0, ranAgain: 0 };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const key = randomUUID();
      const note = `left-at-any-moment-${key}`;
      const socket = await sendRaw(
        worker,
        JSON.stringify({ query: record, variables: encounter(note) }),
        key,
      );
      socket.destroy();
      // The retry waits on the first one's claim while it is under way (idempotency.ts): it gets
      // its answer if it committed, or runs if it was rolled back.
      const again = await worker.request<any>(record, encounter(note), {
        headers: { "idempotency-key": key },
      });
      const saved = await encountersNoted(note);
      expect(saved).toHaveLength(1);
      expect(again.data?.recordEncounter.encounter.id).toBe(
        encodeGlobalID("Encounter", String(saved[0]?.id)),
      );
      if (again.headers.get("idempotent-replayed") === "true") outcomes.replayed += 1;
      else outcomes.ranAgain += 1;
    }
    expect(outcomes.replayed + outcomes.ranAgain).toBe(5);
    expect(logged.splice(0)).toEqual([]);
  });
});
