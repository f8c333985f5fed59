/**
 * A venue's last visit: the later of the last encounter recorded there and the start of the last
 * shift report that visited it (issue 15: the weekly cadence and the overdue list follow from the
 * street teams' logs). One statement for any number of venues, read under the viewer's row-level
 * security like the encounters and shift reports it aggregates (the same rules as their
 * visible…Where filters): the venues page and the home screen's venues due both read it.
 */
import { Prisma } from "@maillage/db";
import DataLoader from "dataloader";
import type { Context } from "../../context.ts";

/** The last visit of each venue of `venueIds` (null: never visited), in one statement. */
export async function lastVisitsOf(
  ctx: Pick<Context, "tx">,
  venueIds: readonly string[],
): Promise<Map<string, Date | null>> {
  if (venueIds.length === 0) return new Map();
  const rows = await ctx.tx.$queryRaw<{ venue_id: string; last_visit_at: Date | null }[]>(Prisma.sql`
    SELECT v.id::text AS venue_id,
           greatest(
             (SELECT max(e.occurred_at) FROM encounters e WHERE e.venue_id = v.id),
             (SELECT max(r.starts_at)
                FROM shift_report_venues s JOIN shift_reports r ON r.id = s.shift_report_id
               WHERE s.venue_id = v.id)
           ) AS last_visit_at
      FROM unnest(${[...venueIds]}::uuid[]) AS v(id)`);
  return new Map(rows.map((row) => [row.venue_id, row.last_visit_at]));
}

const loaders = new WeakMap<object, DataLoader<string, Date | null>>();

/**
 * The last visit of one venue, gathered with every other venue of the request into one statement
 * (a page of venues asks for `lastVisitAt` and `overdue`: one query, not one per venue or field).
 * The batch waits for `setImmediate`, as access/person-loader.ts explains.
 */
export function lastVisitOf(ctx: Context, venueId: string): Promise<Date | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, Date | null>(
      async (ids) => {
        const visits = await lastVisitsOf(ctx, ids);
        return ids.map((id) => visits.get(id) ?? null);
      },
      { batchScheduleFn: (run) => setImmediate(run) },
    );
    loaders.set(ctx, loader);
  }
  return loader.load(venueId);
}
