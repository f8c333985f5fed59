/**
 * The home screen: what the viewer's roles have to do today, one part per role. Each part and
 * each card declares its scope from the registry (a role, the kind of record it lists, the
 * action it stands for) and answers null to anyone else; every list reads through the kind's
 * `visible…Where` filter, bounded to a few items beside its total count. Parts are computed
 * only when asked for, in a fixed number of statements whatever the volume of records.
 */
import type { Partnership, Prisma } from "@maillage/db/prisma";
import { fiscalYearOf } from "@maillage/domain";
import {
  visibleAccompanimentWhere,
  visibleAuditEventWhere,
  visibleEncounterWhere,
  visibleNurseVisitWhere,
  visiblePartnershipWhere,
  visibleReferralWhere,
  visibleSafetyAlertWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { AccompanimentNode } from "../accompaniments/accompaniments.types.ts";
import { Indicators } from "../indicators/indicators.queries.ts";
import { partnershipIndicators } from "../indicators/indicators.ts";
import { StockLevelRef, stockLevels } from "../material-stock/material-stock.ts";
import { NurseVisitNode } from "../nurse-visits/nurse-visits.types.ts";
import { PartnershipNode } from "../organisations/organisations.types.ts";
import { settingsOf, viewerSettings } from "../programme-settings/viewer-settings.ts";
import { overdueReferralIds } from "../referrals/referrals.queries.ts";
import { ReferralNode } from "../referrals/referrals.types.ts";
import { SafetyAlertNode } from "../safety-alerts/safety-alerts.types.ts";
import { latestShiftReport } from "../shift-reports/shift-reports.types.ts";
import { VenueNode } from "../venues/venues.types.ts";
import { dateDaysBefore, type TodayWindow, todayWindow } from "./today-window.ts";
import { venuesDue } from "./venues-due.ts";

/** Short lists: a card shows its first few items and its total. */
const cardSize = { defaultSize: 5, maxSize: 10 } as const;
/** Joint visits still on: proposed, counter-proposed, accepted or done. */
const visitNotCalledOff: Prisma.NurseVisitWhereInput = { status: { notIn: ["DECLINED", "CANCELLED"] } };
/** A safety alert counts as recent for this many days after what happened. */
const recentAlertDays = 14;

const today = (window: TodayWindow) => ({ gte: window.dayStart, lt: window.dayEnd });
const activeAlert = (window: TodayWindow): Prisma.SafetyAlertWhereInput => ({
  withdrawnAt: null,
  expiresAt: { gt: window.now },
});

// ── outreach worker ──

const outreachAccompaniments = (ctx: ActingContext, window: TodayWindow): Prisma.AccompanimentWhereInput => ({
  workerId: ctx.viewer.userId,
  plannedAt: today(window),
  AND: [visibleAccompanimentWhere(ctx.viewer, ctx.now)],
});
const outreachVisits = (ctx: ActingContext, window: TodayWindow): Prisma.NurseVisitWhereInput => ({
  workerId: ctx.viewer.userId,
  plannedStart: today(window),
  AND: [visitNotCalledOff, visibleNurseVisitWhere(ctx.viewer, ctx.now)],
});
/** Sent by her and not answered yet. */
const referralsAwaitingAnswer = (ctx: ActingContext): Prisma.ReferralWhereInput => ({
  fromUserId: ctx.viewer.userId,
  fromOrganisationId: ctx.viewer.organisationId,
  status: "SENT",
  AND: [visibleReferralWhere(ctx.viewer)],
});
const recentAlerts = (ctx: ActingContext, window: TodayWindow): Prisma.SafetyAlertWhereInput => ({
  occurredOn: { gte: dateDaysBefore(window, recentAlertDays) },
  AND: [activeAlert(window), visibleSafetyAlertWhere(ctx.viewer)],
});

const VenueDue = builder
  .objectRef<Awaited<ReturnType<typeof venuesDue>>["items"][number]>("VenueDue")
  .implement({
    fields: (t) => ({
      venue: t.field({ type: VenueNode, resolve: (item) => item.venue }),
      lastVisitAt: t.field({ type: "DateTime", nullable: true, resolve: (item) => item.lastVisitAt }),
      overdue: t.exposeBoolean("overdue", { description: "Past its cadence already (else due by tonight)." }),
    }),
  });
const VenuesDue = builder.objectRef<Awaited<ReturnType<typeof venuesDue>>>("VenuesDue").implement({
  fields: (t) => ({
    totalCount: t.exposeInt("totalCount"),
    overdueCount: t.exposeInt("overdueCount"),
    items: t.field({ type: [VenueDue], resolve: (card) => card.items }),
  }),
});

const OutreachToday = builder.objectRef<TodayWindow>("OutreachToday").implement({
  description: "An outreach worker's day: her accompaniments and joint visits, venues, referrals, alerts.",
  fields: (t) => ({
    accompaniments: t.withAuth({ readsOwn: "ACCOMPANIMENT" }).prismaConnection({
      type: AccompanimentNode,
      cursor: "id",
      ...cardSize,
      description: "Her accompaniments planned today, earliest first.",
      totalCount: (window, _args, ctx) =>
        ctx.tx.accompaniment.count({ where: outreachAccompaniments(ctx, window) }),
      resolve: (query, window, _args, ctx) =>
        ctx.tx.accompaniment.findMany({
          ...query,
          where: outreachAccompaniments(ctx, window),
          orderBy: [{ plannedAt: "asc" }, { id: "asc" }],
        }),
    }),
    jointVisits: t.withAuth({ readsOwn: "NURSE_VISIT" }).prismaConnection({
      type: NurseVisitNode,
      cursor: "id",
      ...cardSize,
      description: "The joint visits she goes on today (not declined or cancelled).",
      totalCount: (window, _args, ctx) => ctx.tx.nurseVisit.count({ where: outreachVisits(ctx, window) }),
      resolve: (query, window, _args, ctx) =>
        ctx.tx.nurseVisit.findMany({
          ...query,
          where: outreachVisits(ctx, window),
          orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
        }),
    }),
    venuesDue: t.withAuth({ readsOwn: "VENUE" }).field({
      type: VenuesDue,
      description: "Venues whose visit cadence has passed or passes by tonight, the longest overdue first.",
      args: { first: t.arg.int({ required: false, defaultValue: cardSize.defaultSize }) },
      resolve: (window, args, ctx) =>
        venuesDue(ctx, window, Math.max(0, Math.min(args.first ?? cardSize.defaultSize, cardSize.maxSize))),
    }),
    referralsAwaitingAnswer: t.withAuth({ readsOwn: "REFERRAL" }).prismaConnection({
      type: ReferralNode,
      cursor: "id",
      ...cardSize,
      description: "Referrals she sent that the receiver has not answered yet, the oldest first.",
      totalCount: (_window, _args, ctx) => ctx.tx.referral.count({ where: referralsAwaitingAnswer(ctx) }),
      resolve: (query, _window, _args, ctx) =>
        ctx.tx.referral.findMany({
          ...query,
          where: referralsAwaitingAnswer(ctx),
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
    }),
    recentSafetyAlerts: t.withAuth({ readsOwn: "SAFETY_ALERT" }).int({
      description: `Active alerts of her partnerships about the last ${recentAlertDays} days.`,
      resolve: (window, _args, ctx) => ctx.tx.safetyAlert.count({ where: recentAlerts(ctx, window) }),
    }),
  }),
});

// ── nurse ──

const nurseDay = (ctx: ActingContext, window: TodayWindow): Prisma.NurseVisitWhereInput => ({
  nurseId: ctx.viewer.userId,
  plannedStart: today(window),
  AND: [visitNotCalledOff, visibleNurseVisitWhere(ctx.viewer, ctx.now)],
});
/** Proposed to her, or proposed again by the worker: hers to accept, decline or move. */
const visitsAwaitingHer = (ctx: ActingContext, window: TodayWindow): Prisma.NurseVisitWhereInput => ({
  nurseId: ctx.viewer.userId,
  status: { in: ["PROPOSED", "COUNTER_PROPOSED"] },
  proposedById: { not: ctx.viewer.userId },
  plannedStart: { gte: window.now },
  AND: [visibleNurseVisitWhere(ctx.viewer, ctx.now)],
});

const NurseToday = builder.objectRef<TodayWindow>("NurseToday").implement({
  description: "A nurse's day and the visits waiting for her answer.",
  fields: (t) => ({
    visits: t.withAuth({ readsOwn: "NURSE_VISIT" }).prismaConnection({
      type: NurseVisitNode,
      cursor: "id",
      ...cardSize,
      description: "Her joint visits today (not declined or cancelled), earliest first.",
      totalCount: (window, _args, ctx) => ctx.tx.nurseVisit.count({ where: nurseDay(ctx, window) }),
      resolve: (query, window, _args, ctx) =>
        ctx.tx.nurseVisit.findMany({
          ...query,
          where: nurseDay(ctx, window),
          orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
        }),
    }),
    awaitingAnswer: t.withAuth({ readsOwn: "NURSE_VISIT" }).prismaConnection({
      type: NurseVisitNode,
      cursor: "id",
      ...cardSize,
      description: "Visits proposed to her (or proposed again) that she has not answered, soonest first.",
      totalCount: (window, _args, ctx) => ctx.tx.nurseVisit.count({ where: visitsAwaitingHer(ctx, window) }),
      resolve: (query, window, _args, ctx) =>
        ctx.tx.nurseVisit.findMany({
          ...query,
          where: visitsAwaitingHer(ctx, window),
          orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
        }),
    }),
  }),
});

// ── coordinator ──

interface CoordinationShape {
  window: TodayWindow;
  /** The overdue referrals of both boxes, read once however many fields ask. */
  overdueIds(): Promise<string[]>;
}

const overdueReferrals = async (
  ctx: ActingContext,
  card: CoordinationShape,
): Promise<Prisma.ReferralWhereInput> => ({
  id: { in: await card.overdueIds() },
  AND: [visibleReferralWhere(ctx.viewer)],
});
/** Alerts her organisation published, still active: to withdraw or let run, soonest to expire first. */
const alertsToReview = (ctx: ActingContext, window: TodayWindow): Prisma.SafetyAlertWhereInput => ({
  organisationId: ctx.viewer.organisationId,
  AND: [activeAlert(window), visibleSafetyAlertWhere(ctx.viewer)],
});

interface MemberActivityShape {
  userId: string;
  displayName: string;
  encounters: number;
}
const MemberActivity = builder.objectRef<MemberActivityShape>("MemberActivity").implement({
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.exposeString("displayName"),
    encounters: t.exposeInt("encounters"),
  }),
});
const TeamActivity = builder
  .objectRef<{ encounters: number; members: MemberActivityShape[] }>("TeamActivity")
  .implement({
    fields: (t) => ({
      encounters: t.exposeInt("encounters", { description: "Encounters recorded this week, by anyone." }),
      members: t.field({ type: [MemberActivity], resolve: (activity) => activity.members }),
    }),
  });

/**
 * Encounters recorded since Monday by each member who records them (workers and coordinators),
 * counts only: two statements, the team and one aggregate.
 */
async function teamActivity(ctx: ActingContext, window: TodayWindow) {
  const organisationId = ctx.viewer.organisationId;
  const memberships = await ctx.tx.membership.findMany({
    where: { organisationId, endedAt: null, roles: { hasSome: ["OUTREACH_WORKER", "COORDINATOR"] } },
    select: { user: { select: { id: true, displayName: true } } },
  });
  const counts = await ctx.tx.encounter.groupBy({
    by: ["authorId"],
    where: {
      organisationId,
      occurredAt: { gte: window.weekStart, lt: window.dayEnd },
      AND: [visibleEncounterWhere(ctx.viewer, ctx.now)],
    },
    _count: { _all: true },
  });
  const byAuthor = new Map(counts.map((row) => [row.authorId, row._count._all]));
  const members = memberships
    .map(({ user }) => ({
      userId: user.id,
      displayName: user.displayName,
      encounters: byAuthor.get(user.id) ?? 0,
    }))
    .sort((a, b) => b.encounters - a.encounters || a.displayName.localeCompare(b.displayName, "fr"));
  return { encounters: counts.reduce((sum, row) => sum + row._count._all, 0), members };
}

const CoordinationToday = builder.objectRef<CoordinationShape>("CoordinationToday").implement({
  description: "A coordinator's follow-up: overdue referrals, low stock, alerts to review, the team's week.",
  fields: (t) => ({
    overdueReferrals: t.withAuth({ readsOwn: "REFERRAL" }).prismaConnection({
      type: ReferralNode,
      cursor: "id",
      ...cardSize,
      description:
        "Sent or received, unanswered past the receiver's delay for their urgency; the oldest first.",
      totalCount: async (card, _args, ctx) =>
        ctx.tx.referral.count({ where: await overdueReferrals(ctx, card) }),
      resolve: async (query, card, _args, ctx) =>
        ctx.tx.referral.findMany({
          ...query,
          where: await overdueReferrals(ctx, card),
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
    }),
    alertsToReview: t.withAuth({ writesOwn: "SAFETY_ALERT" }).prismaConnection({
      type: SafetyAlertNode,
      cursor: "id",
      ...cardSize,
      description: "Active alerts the organisation published, the soonest to expire first.",
      totalCount: (card, _args, ctx) => ctx.tx.safetyAlert.count({ where: alertsToReview(ctx, card.window) }),
      resolve: (query, card, _args, ctx) =>
        ctx.tx.safetyAlert.findMany({
          ...query,
          where: alertsToReview(ctx, card.window),
          orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
        }),
    }),
    lowStock: t.withAuth({ takesAction: "KEEP_STOCK" }).field({
      type: [StockLevelRef],
      description: "Counted items at or under their low level, the emptiest first.",
      resolve: async (_card, _args, ctx) =>
        (await stockLevels(ctx))
          .filter((level) => level.onHand <= level.lowThreshold)
          .sort((a, b) => a.onHand - b.onHand),
    }),
    teamActivity: t.withAuth({ takesAction: "READ_ORGANISATION_DASHBOARD" }).field({
      type: TeamActivity,
      description: "Encounters recorded this week (since Monday), by member: counts only.",
      resolve: (card, _args, ctx) => teamActivity(ctx, card.window),
    }),
  }),
});

// ── organisation admin ──

const AdministrationToday = builder.objectRef<TodayWindow>("AdministrationToday").implement({
  description: "An organisation admin's desk: members, invitations, the audit log.",
  fields: (t) => ({
    members: t.withAuth({ takesAction: "MANAGE_MEMBERS" }).int({
      description: "Active members of the organisation.",
      resolve: (_window, _args, ctx) =>
        ctx.tx.membership.count({ where: { organisationId: ctx.viewer.organisationId, endedAt: null } }),
    }),
    pendingInvitations: t.withAuth({ takesAction: "MANAGE_MEMBERS" }).int({
      description: "Invitations neither accepted, revoked nor expired (as the team page lists them).",
      resolve: (window, _args, ctx) =>
        ctx.tx.invitation.count({
          where: {
            organisationId: ctx.viewer.organisationId,
            acceptedAt: null,
            revokedAt: null,
            expiresAt: { gt: window.now },
          },
        }),
    }),
    auditEventsToday: t.withAuth({ readsOwn: "AUDIT_EVENT" }).int({
      description: "Events of the organisation's audit log since midnight.",
      resolve: (window, _args, ctx) =>
        ctx.tx.auditEvent.count({
          where: { at: { gte: window.dayStart }, AND: [visibleAuditEventWhere(ctx.viewer)] },
        }),
    }),
  }),
});

// ── follow-up committee ──

interface CommitteeShape {
  partnership: Partnership;
  fiscalYear: number;
}

const CommitteeToday = builder.objectRef<CommitteeShape>("CommitteeToday").implement({
  description: "The latest figures of a partnership whose follow-up committee the viewer sits on.",
  fields: (t) => ({
    partnership: t.field({ type: PartnershipNode, resolve: (seat) => seat.partnership }),
    indicators: t.field({
      type: Indicators,
      nullable: true,
      description:
        "The current fiscal year's headline figures, protected and from the day's snapshot (as on the dashboard).",
      authScopes: (seat) => ({ committeeSeat: seat.partnership.id }),
      unauthorizedResolver: () => null,
      resolve: async (seat, _args, ctx) => {
        const answer = await partnershipIndicators(ctx, seat.partnership.id, { fiscalYear: seat.fiscalYear });
        return answer === "NOT_FOUND" ? null : answer;
      },
    }),
  }),
});

// ── the query ──

/** Only for those who hold the role: anyone else reads the part as null. */
const asNull = () => null;

const Today = builder.objectRef<TodayWindow>("Today").implement({
  description: "What the viewer's roles have to do today. A part the viewer's roles do not read is null.",
  fields: (t) => ({
    dayStart: t.field({ type: "DateTime", resolve: (window) => window.dayStart }),
    latestShiftReport: t.withAuth({ readsOwn: "SHIFT_REPORT" }).prismaField({
      type: "ShiftReport",
      nullable: true,
      description:
        "The team's latest shift report: its handover notes are what the next shift reads first (outreach workers and coordinators).",
      unauthorizedResolver: asNull,
      resolve: (query, _window, _args, ctx) => latestShiftReport(ctx, query),
    }),
    outreach: t.withAuth({ role: "OUTREACH_WORKER" }).field({
      type: OutreachToday,
      nullable: true,
      unauthorizedResolver: asNull,
      resolve: (window) => window,
    }),
    nurse: t.withAuth({ role: "NURSE" }).field({
      type: NurseToday,
      nullable: true,
      unauthorizedResolver: asNull,
      resolve: (window) => window,
    }),
    coordination: t.withAuth({ role: "COORDINATOR" }).field({
      type: CoordinationToday,
      nullable: true,
      unauthorizedResolver: asNull,
      resolve: (window, _args, ctx) => {
        let ids: Promise<string[]> | undefined;
        const overdueIds = () => {
          ids ??= (async () => [
            ...(await overdueReferralIds(ctx, "INBOX")),
            ...(await overdueReferralIds(ctx, "OUTBOX")),
          ])();
          return ids;
        };
        return { window, overdueIds };
      },
    }),
    administration: t.withAuth({ role: "ORG_ADMIN" }).field({
      type: AdministrationToday,
      nullable: true,
      unauthorizedResolver: asNull,
      resolve: (window) => window,
    }),
    committees: t.withAuth({ signedIn: true }).field({
      type: [CommitteeToday],
      description: "The partnerships whose follow-up committee the viewer sits on (none for most).",
      resolve: async (window, _args, ctx) => {
        if (ctx.viewer.committeePartnershipIds.length === 0) return [];
        const partnerships = await ctx.tx.partnership.findMany({
          where: {
            id: { in: ctx.viewer.committeePartnershipIds },
            AND: [visiblePartnershipWhere(ctx.viewer)],
          },
          orderBy: { name: "asc" },
        });
        // Each committee's current year in its partnership's settings (a calendar year in Brussels).
        return partnerships.map((partnership) => ({
          partnership,
          fiscalYear: fiscalYearOf(window.now, settingsOf(partnership)),
        }));
      },
    }),
  }),
});

builder.queryField("today", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: Today,
    description:
      "The home screen: for each role the viewer holds in the acting organisation (and each committee seat), what to do today.",
    resolve: async (_root, _args, ctx) => todayWindow(ctx.now, await viewerSettings(ctx)),
  }),
);
