/**
 * The nightly refresh of the partnerships' snapshots (snapshots.ts): once a day in each
 * partnership's zone, the fiscal years a committee opens first — the current one, the last
 * complete one and the one before it (each answer reads its previous year too) — are computed
 * ahead, so the first reader of the day does not wait for the year's counting. A year nobody
 * refreshed is still computed by its first reader, as before.
 *
 * Runs in the API process (main.ts starts it; the test server does not), one transaction per
 * partnership-year, one at a time, as the owner: it takes no input but the partnerships' ids and
 * settings read from the database.
 */
import { asOwner, type Database, viewerScopedTransaction } from "@maillage/db";
import { fiscalYearOf } from "@maillage/domain";
import { settingsOf } from "../programme-settings/viewer-settings.ts";
import { type PartnershipCalendar, storeSnapshotIfStale } from "./snapshots.ts";

/** Fiscal years refreshed ahead, counted back from the current one. */
const yearsAhead = 3;

export interface RefreshReport {
  /** Partnership-years computed (stale or missing). */
  computed: number;
  /** Partnership-years already fresh for the day. */
  fresh: number;
  /** Partnership-years whose computation failed (logged; their first reader computes them). */
  failed: number;
}

export async function refreshPartnershipSnapshots(
  db: Database,
  now: Date,
  log: (message: string, error: unknown) => void,
  /** Only these partnerships (a test's own); every partnership when absent. */
  only?: string[],
): Promise<RefreshReport> {
  const partnerships = await viewerScopedTransaction(db, null, (tx) =>
    asOwner(tx, (owner) =>
      owner.partnership.findMany({
        ...(only ? { where: { id: { in: only } } } : {}),
        select: {
          id: true,
          timeZone: true,
          fiscalYearStartMonth: true,
          locale: true,
          followUpMinEncounters: true,
        },
        orderBy: { id: "asc" },
      }),
    ),
  );
  const report: RefreshReport = { computed: 0, fresh: 0, failed: 0 };
  for (const partnership of partnerships) {
    const calendar: PartnershipCalendar = {
      ...settingsOf(partnership),
      followUpMinEncounters: partnership.followUpMinEncounters,
    };
    const current = fiscalYearOf(now, calendar);
    for (let year = current; year > current - yearsAhead; year -= 1) {
      try {
        const computed = await viewerScopedTransaction(db, null, (tx) =>
          asOwner(tx, (owner) => storeSnapshotIfStale(owner, partnership.id, year, calendar, now)),
        );
        report[computed ? "computed" : "fresh"] += 1;
      } catch (error) {
        report.failed += 1;
        log(`A partnership's snapshot of fiscal year ${year} could not be refreshed`, error);
      }
    }
  }
  return report;
}

/**
 * Checks every hour (and once shortly after start) which snapshots are stale for the day, and
 * refreshes them; a check finds nothing to do until a partnership's day changes. Answers a stop
 * function that waits for a refresh under way.
 */
export function startSnapshotRefresh(
  db: Database,
  options: { log: (message: string, error: unknown) => void; everyMs?: number; firstAfterMs?: number },
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = refreshPartnershipSnapshots(db, new Date(), options.log)
      .catch((error: unknown) => options.log("The snapshots' refresh failed", error))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, options.firstAfterMs ?? 60_000);
  const every = setInterval(tick, options.everyMs ?? 3_600_000);
  first.unref();
  every.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}
