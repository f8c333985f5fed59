import { type Interval, overlaps, type WeeklySlot } from "@maillage/domain";
import type { ActingContext, Context } from "../../context.ts";
import { DoubleBookingError } from "../../errors.ts";

export interface Commitment extends Interval {
  userId: string;
}

/** What these people of the partnership are already committed to (intervals only). */
export async function commitmentsOf(
  ctx: Context,
  userIds: string[],
  window: Interval,
): Promise<Commitment[]> {
  if (userIds.length === 0) return [];
  const rows = await ctx.tx.$queryRaw<{ user_id: string; starts_at: Date; ends_at: Date }[]>`
    SELECT * FROM app.commitments(${userIds}::uuid[], ${window.start}, ${window.end})`;
  return rows.map((row) => ({ userId: row.user_id, start: row.starts_at, end: row.ends_at }));
}

export async function weeklySlotsOf(ctx: Context, userIds: string[]): Promise<Map<string, WeeklySlot[]>> {
  const slots = await ctx.tx.availabilitySlot.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, weekday: true, startMinute: true, endMinute: true },
  });
  const byUser = new Map<string, WeeklySlot[]>();
  for (const slot of slots) {
    const list = byUser.get(slot.userId) ?? [];
    list.push(slot);
    byUser.set(slot.userId, list);
  }
  return byUser;
}

/** Nurses of the partnership's public-health organisations, as the viewer may see them. */
export async function partnerNurses(ctx: ActingContext, organisationId?: string | null) {
  const viewerOrganisation = ctx.viewer.organisationId;
  const memberships = await ctx.tx.membership.findMany({
    where: {
      endedAt: null,
      roles: { has: "NURSE" },
      organisation: {
        kind: "PUBLIC_HEALTH",
        ...(organisationId ? { id: organisationId } : {}),
        OR: [
          { id: viewerOrganisation },
          {
            partnerships: {
              some: { partnership: { members: { some: { organisationId: viewerOrganisation } } } },
            },
          },
        ],
      },
    },
    select: {
      organisationId: true,
      organisation: {
        select: { id: true, name: true, kind: true, createdAt: true, restrictTeamVisibility: true },
      },
      user: { select: { id: true, displayName: true } },
    },
    orderBy: { user: { displayName: "asc" } },
  });
  return memberships;
}

/**
 * Serialises bookings that involve these people (transaction-scoped advisory locks, taken in
 * a fixed order), so two concurrent proposals cannot both pass the double-booking check.
 */
export async function lockCalendars(ctx: Context, userIds: string[]): Promise<void> {
  for (const userId of [...new Set(userIds)].sort()) {
    await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${userId}, 7))`;
  }
}

/**
 * Refuses a time at which the nurse or the worker is already committed (this visit aside, when
 * it is being moved or accepted): absences, planned accompaniments and every visit holding its
 * time — in play, awaiting confirmation or completed (app.commitments) — so a visit recorded
 * after it happened is checked like a booked one.
 */
export async function refuseDoubleBooking(
  ctx: ActingContext,
  people: string[],
  slot: Interval,
  ignoreVisitId?: string,
): Promise<void> {
  await lockCalendars(ctx, people);
  let commitments = await commitmentsOf(ctx, people, slot);
  if (ignoreVisitId) {
    const own = await ctx.tx.nurseVisit.findUnique({
      where: { id: ignoreVisitId },
      select: { plannedStart: true, plannedEnd: true },
    });
    if (own) {
      // The visit itself is one commitment of each of its people (the feed names no visit): take
      // one interval of its times off each, never another visit that happens to share them.
      const skipped = new Set<string>();
      commitments = commitments.filter((c) => {
        const same =
          c.start.getTime() === own.plannedStart.getTime() && c.end.getTime() === own.plannedEnd.getTime();
        if (!same || skipped.has(c.userId)) return true;
        skipped.add(c.userId);
        return false;
      });
    }
  }
  if (commitments.some((commitment) => overlaps(commitment, slot))) throw new DoubleBookingError(ctx.locale);
}
