import type { Venue } from "@maillage/db/prisma";
import { venueIsOverdue } from "@maillage/domain";
import { visibleVenueWhere } from "../../access/visible-records.ts";
import type { ActingContext } from "../../context.ts";
import { lastVisitsOf } from "../venues/last-visits.ts";
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
 * by the rule of the venues page (`venueIsOverdue` against the last visit: the later of the last
 * encounter recorded there and the last shift report that visited it): two statements whatever
 * the number of venues, encounters and reports — the venues under their filter, then the last
 * visit of each in one aggregate (venues/last-visits.ts).
 */
export async function venuesDue(
  ctx: ActingContext,
  window: TodayWindow,
  first: number,
): Promise<VenuesDueShape> {
  const venues = await ctx.tx.venue.findMany({
    where: { archivedAt: null, visitCadenceDays: { not: null }, AND: [visibleVenueWhere(ctx.viewer)] },
  });
  const lastVisit = await lastVisitsOf(
    ctx,
    venues.map((venue) => venue.id),
  );
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
