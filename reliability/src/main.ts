/**
 * `pnpm test:reliability`: load and fault tests against the production build of the API
 * (apps/api/dist/main.mjs, NODE_ENV=production) on a database of its own, created and migrated
 * on the PostgreSQL server of DATABASE_URL.
 *
 * (a) load: 50 signed-in users, each with its own session and CSRF token, mix reads and keyed
 *     writes for 60 s: no answer may be a 5xx.
 * (b) kill -9 of the API under a stream of keyed writes, clients retrying with the same key
 *     until answered, then restarted: no acknowledged write lost, no key written twice.
 * (c) SIGTERM under the same stream: every key exactly once after the retries.
 * (d) PostgreSQL itself restarted (fast shutdown) under the same stream while the API keeps
 *     running: no acknowledged write lost, none twice, every 5xx an honest 503 (OUTCOME_UNKNOWN
 *     or UNAVAILABLE) that the clients retry, no INTERNAL, and the API serves again by itself
 *     (/readyz, then writes acknowledged). This restarts the server of DATABASE_URL for every
 *     user of it (postgres-restart.ts): CI runs it after the tests; RELIABILITY_PG_RESTARTS=0 skips it.
 *
 * Durations are reported, never asserted (a busy 2-core machine). Settings: RELIABILITY_USERS,
 * RELIABILITY_SECONDS, RELIABILITY_FAULTS (per kind), RELIABILITY_PG_RESTARTS (default 3).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repositoryRoot } from "@maillage/db";
import { createDatabase, dropDatabase, prepareDatabase } from "@maillage/db/admin";
import {
  adminPool,
  closeAdminPools,
  createEncounter,
  createOrganisation,
  createPerson,
  createUser,
} from "@maillage/db/factories";
import { ApiProcess, freePort } from "./api-process.ts";
import { UserSession } from "./client.ts";
import { checkWrites, startKeyedWrites, type WriteCheck } from "./keyed-writes.ts";
import { type LoadReport, runLoad } from "./load.ts";
import { type PostgresRestart, postgresRestartFor } from "./postgres-restart.ts";

const users = Number(process.env.RELIABILITY_USERS ?? 50);
const seconds = Number(process.env.RELIABILITY_SECONDS ?? 60);
const faultsPerKind = Number(process.env.RELIABILITY_FAULTS ?? 3);
const postgresRestarts = Number(process.env.RELIABILITY_PG_RESTARTS ?? 3);
const writers = 6;
const adminUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const root = repositoryRoot();
const databaseName = `maillage_reliability_${process.pid}`;

const failures: string[] = [];
function check(condition: boolean, failure: string) {
  if (!condition) failures.push(failure);
}

function encodeId(type: string, id: string) {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64");
}

interface FaultReport {
  kind: "SIGKILL" | "SIGTERM";
  faults: number;
  exits: string[];
  stopMilliseconds: number[];
  restartMilliseconds: number[];
  failedSends: number;
  retriedAnswers: Record<string, number>;
  writes: WriteCheck;
}

/** Faults of one kind under a stream of keyed writes, each followed by a restart. */
async function faultRun(
  api: ApiProcess,
  pool: ReturnType<typeof adminPool>,
  sessions: UserSession[],
  kind: "SIGKILL" | "SIGTERM",
): Promise<FaultReport> {
  const label = `reliability-${kind.toLowerCase()}-${process.pid}`;
  const stream = startKeyedWrites(sessions, label);
  const report: FaultReport = {
    kind,
    faults: 0,
    exits: [],
    stopMilliseconds: [],
    restartMilliseconds: [],
    failedSends: 0,
    retriedAnswers: {},
    writes: { sent: 0, acknowledged: 0, lost: 0, duplicated: 0, mismatched: 0 },
  };
  for (let fault = 1; fault <= faultsPerKind; fault += 1) {
    // Writes flowing (a few acknowledged since the last restart), several in flight: strike.
    await stream.waitForAcknowledged(stream.acknowledged.size + 2 * writers);
    const exit = await api.stop(kind);
    report.faults += 1;
    report.exits.push(`${exit.signal ?? `code ${exit.code}`}${exit.forced ? " (SIGKILL after 30 s)" : ""}`);
    report.stopMilliseconds.push(exit.milliseconds);
    if (kind === "SIGTERM") {
      check(!exit.forced, `SIGTERM ${fault}: the API had not stopped 30 s later (killed)`);
      check(
        exit.code === 0,
        `SIGTERM ${fault}: the API exited with ${exit.signal ?? `code ${exit.code}`}, not 0`,
      );
    }
    const restarted = Date.now();
    await api.start();
    report.restartMilliseconds.push(Date.now() - restarted);
  }
  await stream.waitForAcknowledged(stream.acknowledged.size + writers);
  await stream.drain();
  report.failedSends = stream.failedSends;
  Object.assign(report.retriedAnswers, stream.retriedAnswers);
  report.writes = await checkWrites(pool, label, stream);
  check(report.writes.lost === 0, `${kind}: ${report.writes.lost} acknowledged writes lost`);
  check(report.writes.duplicated === 0, `${kind}: ${report.writes.duplicated} keys written more than once`);
  check(
    report.writes.mismatched === 0,
    `${kind}: ${report.writes.mismatched} answers named another encounter than the one stored`,
  );
  return report;
}

interface RestartReport {
  restarts: number;
  restartMilliseconds: number[];
  /** From the restart's end to /readyz answering 200, then to the next acknowledged write. */
  readyMilliseconds: number[];
  writingMilliseconds: number[];
  unanswered: number;
  serverErrors: Record<string, number>;
  retriedAnswers: Record<string, number>;
  writes: WriteCheck;
}

/** 5xx answers a client may honestly be given while PostgreSQL restarts (it retries them). */
const honestUnavailable = new Set(["503 OUTCOME_UNKNOWN", "503 UNAVAILABLE"]);

async function readyAgain(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/readyz`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // the API itself must keep answering: counted by the writers, not here
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("/readyz did not answer 200 within 60 s of PostgreSQL's restart");
}

/** PostgreSQL restarted under a stream of keyed writes; the API is never touched. */
async function postgresRestartRun(
  api: ApiProcess,
  pool: ReturnType<typeof adminPool>,
  sessions: UserSession[],
  restart: PostgresRestart,
): Promise<RestartReport> {
  const label = `reliability-pg-restart-${process.pid}`;
  const stream = startKeyedWrites(sessions, label);
  const report: RestartReport = {
    restarts: 0,
    restartMilliseconds: [],
    readyMilliseconds: [],
    writingMilliseconds: [],
    unanswered: 0,
    serverErrors: {},
    retriedAnswers: {},
    writes: { sent: 0, acknowledged: 0, lost: 0, duplicated: 0, mismatched: 0 },
  };
  for (let fault = 1; fault <= postgresRestarts; fault += 1) {
    await stream.waitForAcknowledged(stream.acknowledged.size + 2 * writers);
    const started = Date.now();
    await restart.restart();
    report.restarts += 1;
    const restarted = Date.now();
    report.restartMilliseconds.push(restarted - started);
    const acknowledgedBefore = stream.acknowledged.size;
    await readyAgain(api.url);
    report.readyMilliseconds.push(Date.now() - restarted);
    await stream.waitForAcknowledged(acknowledgedBefore + writers);
    report.writingMilliseconds.push(Date.now() - restarted);
  }
  await stream.drain();
  report.unanswered = stream.unanswered;
  Object.assign(report.serverErrors, stream.serverErrors);
  Object.assign(report.retriedAnswers, stream.retriedAnswers);
  report.writes = await checkWrites(pool, label, stream);
  check(api.running, "PostgreSQL restart: the API process exited");
  check(report.writes.lost === 0, `PostgreSQL restart: ${report.writes.lost} acknowledged writes lost`);
  check(
    report.writes.duplicated === 0,
    `PostgreSQL restart: ${report.writes.duplicated} keys written more than once`,
  );
  check(
    report.writes.mismatched === 0,
    `PostgreSQL restart: ${report.writes.mismatched} answers named another encounter than the one stored`,
  );
  check(
    report.unanswered === 0,
    `PostgreSQL restart: ${report.unanswered} requests got no answer from the API`,
  );
  const dishonest = Object.entries(report.serverErrors).filter(([kind]) => !honestUnavailable.has(kind));
  check(
    dishonest.length === 0,
    `PostgreSQL restart: 5xx other than 503 OUTCOME_UNKNOWN/UNAVAILABLE: ${JSON.stringify(Object.fromEntries(dishonest))}`,
  );
  check(
    !report.retriedAnswers.INTERNAL,
    `PostgreSQL restart: ${report.retriedAnswers.INTERNAL} answers said INTERNAL instead of UNAVAILABLE`,
  );
  return report;
}

async function main() {
  const started = Date.now();
  const databaseUrl = await createDatabase(adminUrl, databaseName);
  let api: ApiProcess | null = null;
  try {
    await prepareDatabase(databaseUrl, { seedIfEmpty: false });
    const pool = adminPool(databaseUrl);
    // PostgreSQL's restart (d) ends this pool's idle connections too: pg replaces them, and an
    // 'error' event without a listener would stop this process.
    pool.on("error", () => undefined);
    const organisation = await createOrganisation(pool, { name: "Organisme fiabilité" });
    const coordinator = await createUser(pool, {
      memberships: [{ organisationId: organisation.id, roles: ["COORDINATOR"] }],
    });
    const loadUsers = [];
    for (let index = 0; index < users; index += 1) {
      loadUsers.push(
        await createUser(pool, {
          memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
        }),
      );
    }
    const personIds: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const person = await createPerson(pool, {
        organisationId: organisation.id,
        alias: `Personne ${index + 1}`,
      });
      for (let n = 0; n < 5; n += 1) {
        await createEncounter(pool, {
          organisationId: organisation.id,
          authorId: coordinator.id,
          personId: person.id,
        });
      }
      personIds.push(encodeId("Person", person.id));
    }

    const logFile = join(tmpdir(), `maillage-reliability-api-${process.pid}.log`);
    api = new ApiProcess({ root, databaseUrl, port: await freePort(), logFile });
    const firstStart = Date.now();
    await api.start();
    console.log(
      `API (production build) ready at ${api.url} in ${Date.now() - firstStart} ms (its output: ${logFile})`,
    );

    const load: LoadReport = await runLoad({ url: api.url, users: loadUsers, personIds, seconds });
    check(load.serverErrors === 0, `load: ${load.serverErrors} answers were 5xx`);
    check(load.networkErrors === 0, `load: ${load.networkErrors} requests got no answer`);
    check(!load.refusals.INTERNAL, `load: ${load.refusals.INTERNAL} INTERNAL errors`);
    console.log(
      `(a) load: ${load.users} users × ${load.seconds} s: ${load.served} requests served (${Object.entries(
        load.byOperation,
      )
        .map(([operation, n]) => `${operation} ${n}`)
        .join(
          ", ",
        )}), ${load.serverErrors} 5xx, ${load.networkErrors} unanswered, refusals ${JSON.stringify(load.refusals)}, ${load.writesAcknowledged} writes acknowledged; p50 ${load.p50} ms, p99 ${load.p99} ms, max ${load.max} ms`,
    );

    const url = api.url;
    const writerSessions = await Promise.all(
      loadUsers.slice(0, writers).map(async (user) => {
        const session = new UserSession(() => url);
        await session.signIn(user.email, user.password);
        return session;
      }),
    );
    const faultReports: FaultReport[] = [];
    for (const kind of ["SIGKILL", "SIGTERM"] as const) {
      const report = await faultRun(api, pool, writerSessions, kind);
      faultReports.push(report);
      console.log(
        `(${kind === "SIGKILL" ? "b" : "c"}) ${kind} × ${report.faults} under ${writers} writers: exits [${report.exits.join(", ")}], stop ${report.stopMilliseconds.join("/")} ms, restart ${report.restartMilliseconds.join("/")} ms; ${report.writes.sent} keys sent, ${report.writes.acknowledged} acknowledged, ${report.writes.lost} lost, ${report.writes.duplicated} duplicated, ${report.writes.mismatched} mismatched; ${report.failedSends} sends unanswered or 5xx and ${JSON.stringify(report.retriedAnswers)} retried`,
      );
    }

    let restartReport: RestartReport | null = null;
    if (postgresRestarts > 0) {
      const restart = postgresRestartFor(adminUrl);
      if (typeof restart === "string") {
        check(
          false,
          `PostgreSQL restart: cannot restart the server (${restart}); RELIABILITY_PG_RESTARTS=0 skips it`,
        );
      } else {
        restartReport = await postgresRestartRun(api, pool, writerSessions, restart);
        const r = restartReport;
        console.log(
          `(d) PostgreSQL restarted × ${r.restarts} (${restart.description}) under ${writers} writers, API left running: restart ${r.restartMilliseconds.join("/")} ms, /readyz again after ${r.readyMilliseconds.join("/")} ms, writes acknowledged again after ${r.writingMilliseconds.join("/")} ms; ${r.writes.sent} keys sent, ${r.writes.acknowledged} acknowledged, ${r.writes.lost} lost, ${r.writes.duplicated} duplicated, ${r.writes.mismatched} mismatched; 5xx ${JSON.stringify(r.serverErrors)}, ${r.unanswered} unanswered, other answers retried ${JSON.stringify(r.retriedAnswers)}`,
        );
      }
    }

    const writes = [
      ...faultReports.map((report) => report.writes),
      ...(restartReport ? [restartReport.writes] : []),
    ].reduce(
      (sum, report) => ({
        acknowledged: sum.acknowledged + report.acknowledged,
        lost: sum.lost + report.lost,
        duplicated: sum.duplicated + report.duplicated,
      }),
      { acknowledged: 0, lost: 0, duplicated: 0 },
    );
    console.log(
      `reliability summary: ${load.served} requests served under load, ${load.serverErrors} 5xx, ${faultReports.reduce((n, r) => n + r.faults, restartReport?.restarts ?? 0)} faults injected (${[...faultReports.map((r) => `${r.faults} ${r.kind}`), ...(restartReport ? [`${restartReport.restarts} PostgreSQL restarts`] : [])].join(", ")}), ${writes.acknowledged} keyed writes acknowledged under faults, ${writes.lost} lost, ${writes.duplicated} duplicated (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  } finally {
    await api?.close();
    await closeAdminPools();
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(adminUrl, databaseName);
  }
  if (failures.length > 0) {
    console.error(`reliability: FAILED\n${failures.map((failure) => `- ${failure}`).join("\n")}`);
    process.exit(1);
  }
  console.log("reliability: passed");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
