/**
 * A stream of keyed encounter writes with client retries, as the web's offline queue sends
 * them: each entry has its own Idempotency-Key and is sent again, same key and same body, until
 * an answer says it was saved. The database then tells, per key, how many encounters it holds.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { type Answer, codesOf, encounterInput, recordEncounter, type UserSession } from "./client.ts";

export interface WriteStream {
  /** Entries whose save an answer confirmed (key → the encounter's global id). */
  acknowledged: Map<string, string>;
  /** Every key sent at least once. */
  sent: Set<string>;
  /** Sends that got no answer (connection refused or reset) or a 5xx, then were retried. */
  failedSends: number;
  /** Answers that were refusals saying the outcome is unknown or the server failed, retried. */
  retriedAnswers: Record<string, number>;
  /** Sends that got no answer at all (connection refused or reset), retried. */
  unanswered: number;
  /** 5xx answers by status and codes, e.g. "503 OUTCOME_UNKNOWN", retried. */
  serverErrors: Record<string, number>;
  /** Writes the stream has seen acknowledged, for the fault scheduler to wait on. */
  waitForAcknowledged(count: number): Promise<void>;
  /** Stops starting new entries; resolves once every entry in flight is acknowledged. */
  drain(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts one writer per session. A writer gives up an entry only when its answer is a refusal
 * that is not about the server's state (a bug of this test's input): that throws.
 */
export function startKeyedWrites(sessions: UserSession[], label: string): WriteStream {
  const acknowledged = new Map<string, string>();
  const sent = new Set<string>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let stopping = false;
  let failedSends = 0;
  const retriedAnswers: Record<string, number> = {};
  const serverErrors: Record<string, number> = {};
  let unanswered = 0;

  const acknowledge = (key: string, id: string) => {
    acknowledged.set(key, id);
    for (const waiter of [...waiters]) {
      if (acknowledged.size >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const writer = async (session: UserSession) => {
    while (!stopping) {
      const key = randomUUID();
      const variables = encounterInput(`${label} ${key}`);
      for (let attempt = 1; ; attempt += 1) {
        sent.add(key);
        let answer: Answer | null = null;
        try {
          answer = await session.request(recordEncounter, variables, { "idempotency-key": key });
        } catch {
          answer = null; // no answer: the server is down or went down mid-request
        }
        const result = answer?.body?.data?.recordEncounter as
          | { __typename?: string; encounter?: { id?: string } }
          | undefined;
        if (
          answer &&
          answer.status < 500 &&
          result?.__typename === "RecordEncounterSuccess" &&
          result.encounter?.id
        ) {
          acknowledge(key, result.encounter.id);
          break;
        }
        if (!answer || answer.status >= 500) {
          failedSends += 1;
          if (!answer) unanswered += 1;
          else {
            const kind = `${answer.status} ${codesOf(answer).join("+") || "without a code"}`;
            serverErrors[kind] = (serverErrors[kind] ?? 0) + 1;
          }
        } else {
          const codes = codesOf(answer);
          const definitive = codes.filter(
            (code) => !["OUTCOME_UNKNOWN", "INTERNAL", "UNAVAILABLE", "ROLLED_BACK"].includes(code),
          );
          if (definitive.length > 0 || codes.length === 0) {
            throw new Error(
              `${label}: key ${key} refused for good: HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
            );
          }
          for (const code of codes) retriedAnswers[code] = (retriedAnswers[code] ?? 0) + 1;
        }
        if (attempt > 3_000) throw new Error(`${label}: key ${key} never answered after ${attempt} attempts`);
        await sleep(50 + Math.random() * 150);
      }
    }
  };

  const running = Promise.all(sessions.map(writer));
  // A writer that throws stops the run; the error surfaces in drain().
  running.catch(() => {
    for (const waiter of waiters.splice(0)) waiter.resolve();
  });

  return {
    acknowledged,
    sent,
    get failedSends() {
      return failedSends;
    },
    retriedAnswers,
    get unanswered() {
      return unanswered;
    },
    serverErrors,
    waitForAcknowledged(count) {
      if (acknowledged.size >= count) return Promise.resolve();
      return Promise.race([
        new Promise<void>((resolve) => waiters.push({ count, resolve })),
        running.then(() => undefined),
      ]);
    },
    async drain() {
      stopping = true;
      await running;
    },
  };
}

export interface WriteCheck {
  sent: number;
  acknowledged: number;
  /** Acknowledged entries with no encounter in the database. */
  lost: number;
  /** Keys with more than one encounter. */
  duplicated: number;
  /** Acknowledged entries whose answer named another encounter than the one stored. */
  mismatched: number;
}

/** Counts, per key, the encounters whose note carries it (as the owner: row-level security aside). */
export async function checkWrites(pool: pg.Pool, label: string, stream: WriteStream): Promise<WriteCheck> {
  const { rows } = await pool.query<{ body: string; ids: string[] }>(
    `SELECT n.body, array_agg(e.id::text) AS ids
       FROM encounter_notes n JOIN encounters e ON e.id = n.encounter_id
      WHERE n.body LIKE $1
      GROUP BY n.body`,
    [`${label} %`],
  );
  const stored = new Map(rows.map((row) => [row.body.slice(label.length + 1), row.ids]));
  let lost = 0;
  let mismatched = 0;
  for (const [key, globalId] of stream.acknowledged) {
    const ids = stored.get(key) ?? [];
    if (ids.length === 0) lost += 1;
    const id = Buffer.from(globalId, "base64").toString("utf8").split(":")[1];
    if (ids.length > 0 && !ids.includes(id ?? "")) mismatched += 1;
  }
  let duplicated = 0;
  for (const ids of stored.values()) if (ids.length > 1) duplicated += 1;
  // Every key was retried until acknowledged, so a key sent and not acknowledged is a lost entry too.
  for (const key of stream.sent) if (!stream.acknowledged.has(key)) lost += 1;
  return { sent: stream.sent.size, acknowledged: stream.acknowledged.size, lost, duplicated, mismatched };
}
