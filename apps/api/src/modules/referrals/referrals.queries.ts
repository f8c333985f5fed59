import { Prisma } from "@maillage/db";
import { closedReferralStatuses, openReferralStatuses } from "@maillage/domain";
import { visibleNotificationWhere, visibleReferralWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { ReferralNode } from "./referrals.types.ts";

const ReferralBox = builder.enumType("ReferralBox", { values: ["INBOX", "OUTBOX"] as const });
const ReferralView = builder.enumType("ReferralView", {
  values: ["ALL", "NEW", "WAITING_FOR_ME", "WAITING_FOR_THEM", "OVERDUE", "CLOSED"] as const,
});

/** SQL: a SENT referral older than its receiver's answer delay for its urgency. */
const overdueCondition = `r.status = 'SENT' AND r.created_at < now() - make_interval(days => CASE r.urgency
    WHEN 'URGENT' THEN o.referral_answer_days_urgent
    WHEN 'SOON' THEN o.referral_answer_days_soon
    ELSE o.referral_answer_days_routine END)`;

/** Overdue referrals of one side of the organisation (few: only unanswered ones qualify). */
export async function overdueReferralIds(ctx: ActingContext, box: "INBOX" | "OUTBOX"): Promise<string[]> {
  const organisationId = ctx.viewer.organisationId;
  const column = box === "INBOX" ? "to_organisation_id" : "from_organisation_id";
  const rows = await ctx.tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT r.id FROM referrals r JOIN organisations o ON o.id = r.to_organisation_id
      WHERE r.${column} = $1::uuid AND ${overdueCondition}`,
    organisationId,
  );
  return rows.map((row) => row.id);
}

builder.queryField("referrals", (t) =>
  t.withAuth({ readsOwn: "REFERRAL" }).prismaConnection({
    type: ReferralNode,
    cursor: "id",
    description: "The organisation's inbox (received) or outbox (sent), by view.",
    args: {
      box: t.arg({ type: ReferralBox, required: true }),
      view: t.arg({ type: ReferralView, required: false, defaultValue: "ALL" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = ctx.viewer;
      const organisationId = viewer.organisationId;
      const side: Prisma.ReferralWhereInput =
        args.box === "INBOX" ? { toOrganisationId: organisationId } : { fromOrganisationId: organisationId };
      const open = [...openReferralStatuses];
      const view = args.view ?? "ALL";
      const byView: Record<string, Prisma.ReferralWhereInput> = {
        ALL: {},
        NEW: args.box === "INBOX" ? { status: "SENT" } : { status: { in: open } },
        // The receiver acts on open referrals; the sender waits for them.
        WAITING_FOR_ME: args.box === "INBOX" ? { status: { in: open } } : { id: { in: [] } },
        WAITING_FOR_THEM: args.box === "OUTBOX" ? { status: { in: open } } : { id: { in: [] } },
        OVERDUE: view === "OVERDUE" ? { id: { in: await overdueReferralIds(ctx, args.box) } } : {},
        CLOSED: { status: { in: [...closedReferralStatuses] } },
      };
      const rows = await ctx.tx.referral.findMany({
        ...query,
        where: { AND: [visibleReferralWhere(viewer), side, byView[view] ?? {}] },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      });
      return rows;
    },
  }),
);

const ReferralCounts = builder
  .objectRef<{ inboxUnread: number; outboxUnread: number; inboxOverdue: number }>("ReferralCounts")
  .implement({
    fields: (t) => ({
      inboxUnread: t.exposeInt("inboxUnread", { description: "Referrals received and not yet opened." }),
      outboxUnread: t.exposeInt("outboxUnread", { description: "Answers from receivers not yet opened." }),
      inboxOverdue: t.exposeInt("inboxOverdue"),
    }),
  });

builder.queryField("referralCounts", (t) =>
  t.withAuth({ readsOwn: "REFERRAL" }).field({
    type: ReferralCounts,
    description: "Unread counts for the app frame (one query, cheap enough to poll).",
    resolve: async (_root, _args, ctx) => {
      const organisationId = ctx.viewer.organisationId;
      // The viewer's unread referral notices, through the notices' one filter: one row per
      // notice kind and referral, so each referral counts once per side.
      const unread = await ctx.tx.notification.groupBy({
        by: ["kind", "recordId"],
        where: {
          readAt: null,
          kind: { startsWith: "REFERRAL_" },
          AND: [visibleNotificationWhere(ctx.viewer)],
        },
      });
      const referralsOf = (inbox: boolean) =>
        new Set(
          unread
            .filter((notice) => (notice.kind === "REFERRAL_RECEIVED") === inbox && notice.recordId !== null)
            .map((notice) => notice.recordId),
        ).size;
      const [counts] = await ctx.tx.$queryRaw<{ inbox_overdue: number }[]>`
        SELECT count(*)::int AS inbox_overdue FROM referrals r JOIN organisations o ON o.id = r.to_organisation_id
         WHERE r.to_organisation_id = ${organisationId}::uuid AND ${Prisma.raw(overdueCondition)}`;
      return {
        inboxUnread: referralsOf(true),
        outboxUnread: referralsOf(false),
        inboxOverdue: counts?.inbox_overdue ?? 0,
      };
    },
  }),
);
