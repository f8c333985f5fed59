import type { Venue } from "@maillage/db/prisma";
import { venueIsOverdue } from "@maillage/domain";
import { visibleEncounterWhere, visibleVenueWhere } from "../../access/visible-records.ts";
import type { ActingContext } from "../../context.ts";
import type { TodayWindow } from "./today-window.ts";

const dayMs = 86_400_000;

function dueAt(item: { venue: Venue; lastVisitAt: Date | null }): number {
  return item.lastVisitAt ? item.lastVisitAt.getTime() + (item.venue.visitCadenceDays ?? 0) * dayMs : 0;
}

export interface VenueDueShape {
  venue: Venue;
  lastVisitAt: Date | null;
  overdue: boolean;
}

export interface VenuesDueShape {
  totalCount: number;
  overdueCount: number;
  items: VenueDueShape[];
}

/**
 * The organisation's venues whose visit cadence has passed (overdue) or passes by tonight (due),
 * by the rule of the venues page (`venueIsOverdue` against the last encounter recorded there):
 * two statements whatever the number of venues and encounters — the venues under their filter,
 * then the latest visible encounter of each in one aggregate.
 */
export async function venuesDue(
  ctx: ActingContext,
  window: TodayWindow,
  first: number,
): Promise<VenuesDueShape> {
  const venues = await ctx.tx.venue.findMany({
    where: { archivedAt: null, visitCadenceDays: { not: null }, AND: [visibleVenueWhere(ctx.viewer)] },
  });
  const latest =
    venues.length === 0
      ? []
      : await ctx.tx.encounter.groupBy({
          by: ["venueId"],
          where: {
            venueId: { in: venues.map((venue) => venue.id) },
            AND: [visibleEncounterWhere(ctx.viewer, ctx.now)],
          },
          _max: { occurredAt: true },
        });
  const lastVisit = new Map(latest.map((row) => [row.venueId, row._max.occurredAt]));
  const due = venues
    .map((venue) => {
      const lastVisitAt = lastVisit.get(venue.id) ?? null;
      return {
        venue,
        lastVisitAt,
        overdue: venueIsOverdue(lastVisitAt, venue.visitCadenceDays, window.now),
        dueByTonight: venueIsOverdue(lastVisitAt, venue.visitCadenceDays, window.dayEnd),
      };
    })
    .filter((item) => item.dueByTonight)
    // Never visited first, then the one whose cadence passed longest ago; ties by name.
    .sort((a, b) => dueAt(a) - dueAt(b) || a.venue.name.localeCompare(b.venue.name, "fr"));
  return {
    totalCount: due.length,
    overdueCount: due.filter((item) => item.overdue).length,
    items: due.slice(0, first).map(({ venue, lastVisitAt, overdue }) => ({ venue, lastVisitAt, overdue })),
  };
}
