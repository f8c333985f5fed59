/**
 * The daily retention run: every organisation's files without activity for its retention period
 * are de-identified (app.apply_retention, prisma/migrations/*_privacy_law_25), each file and each
 * organisation's run audited (PERSON_DEIDENTIFIED with reason RETENTION, RETENTION_APPLIED with
 * the count). It is not a request: it runs as the role that connected (the owner, as migrations
 * and the seed do), in one transaction per run, and takes no input but the time.
 *
 * `startRetentionScheduler` runs it once at start (a server that restarts daily must not skip it)
 * and then every 24 hours, in process: several API processes may run it at once — a transaction
 * advisory lock lets one through and the others skip. main.ts starts it; the test server does
 * not (tests call `runRetention` for their own organisations).
 */
import type { Database } from "@maillage/db";

export interface RetentionRun {
  organisationId: string;
  deidentified: number;
}

/** One arbitrary key for the advisory lock that lets one process run at a time. */
const retentionLockKey = 725_025_018;

/**
 * De-identifies every due file now (of the named organisations only, when given: a test's own),
 * and says how many per organisation; [] when another process holds the run.
 */
export async function runRetention(
  db: Database,
  now: Date = new Date(),
  organisationIds: string[] | null = null,
): Promise<RetentionRun[]> {
  return db.prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(${retentionLockKey}::bigint) AS locked`;
    if (!lock?.locked) return [];
    const rows = await tx.$queryRaw<{ for_organisation: string; deidentified_count: number }[]>`
      SELECT for_organisation, deidentified_count
        FROM app.apply_retention(${now}::timestamptz, ${organisationIds}::uuid[])`;
    return rows.map((row) => ({
      organisationId: row.for_organisation,
      deidentified: row.deidentified_count,
    }));
  });
}

export interface RetentionScheduler {
  stop(): void;
}

const day = 24 * 60 * 60 * 1000;

export function startRetentionScheduler(
  db: Database,
  options: { intervalMs?: number; log?: (message: string, error?: unknown) => void } = {},
): RetentionScheduler {
  const log =
    options.log ?? ((message, error) => (error ? console.error(message, error) : console.log(message)));
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runRetention(db)
      .then((runs) => {
        const total = runs.reduce((sum, run) => sum + run.deidentified, 0);
        if (total > 0) log(`Retention: ${total} file(s) de-identified in ${runs.length} organisation(s).`);
      })
      .catch((error: unknown) => log("Retention run failed", error))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? day);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
