/**
 * A street team's shift report (issue 15, item 6) and the lists it is read from: the team's
 * recent reports, and who may be named on tonight's. The owning organisation's outreach workers
 * and coordinators read them (SHIFT_REPORT, SHIFT_HANDOVER_NOTE in packages/domain permissions.ts;
 * RLS policies shift_reports_* and shift_handover_notes_*); to anyone else a report is not found.
 */
import type { Prisma } from "@maillage/db/prisma";
import { isLateEntry, mayChangeShiftReport, workingRoles } from "@maillage/domain";
import { readsOwnRecord, visibleShiftReportWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { VenueNode } from "../venues/venues.types.ts";

builder.prismaObject("ShiftReportMember", {
  description: "A member of the organisation on the shift.",
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.string({
      select: { user: { select: { displayName: true } } },
      resolve: (member) => member.user.displayName,
    }),
  }),
});

builder.prismaObject("ShiftReportPartner", {
  description: "A partner who worked alongside the team: co-interventions counted, nothing else.",
  fields: (t) => ({
    organisation: t.relation("partnerOrganisation", {
      nullable: true,
      description: "A member organisation of one of the owner's partnerships.",
    }),
    name: t.string({
      description: "The partner's name: the organisation's, or the one given for a partner outside them.",
      select: { name: true, partnerOrganisation: { select: { name: true } } },
      resolve: (partner) => partner.partnerOrganisation?.name ?? partner.name ?? "",
    }),
    interventions: t.exposeInt("interventions", { description: "Co-interventions on the shift." }),
  }),
});

/** A shift report: the team's, never a partner's or a committee's. */
export const ShiftReportNode = builder.prismaNode("ShiftReport", {
  id: { field: "id" },
  authScopes: { readsOwn: "SHIFT_REPORT" },
  findUnique: (id, ctx) => ({ id, AND: [visibleShiftReportWhere(ctx.viewer)] }),
  fields: (t) => ({
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    enteredAt: t.expose("createdAt", { type: "DateTime", description: "When it was entered in Maillage." }),
    lateEntry: t.boolean({
      description: "Entered more than 3 days after the shift began (both dates are kept).",
      resolve: (report) => isLateEntry(report.startsAt, report.createdAt),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    authorName: t.string({
      select: { author: { select: { displayName: true } } },
      resolve: (report) => report.author.displayName,
    }),
    viewerMayChange: t.boolean({
      description: "Whether the viewer may change or delete it (its author, or a coordinator).",
      resolve: (report, _args, ctx) =>
        ctx.viewer?.organisationId === report.organisationId && mayChangeShiftReport(ctx.viewer, report),
    }),
    members: t.relation("members", {
      query: { orderBy: { user: { displayName: "asc" } } },
    }),
    venues: t.field({
      type: [VenueNode],
      description: "The venues visited on the shift, by name (their last visit follows from it).",
      select: { venues: { select: { venue: true }, orderBy: { venue: { name: "asc" } } } },
      resolve: (report) => report.venues.map((visit) => visit.venue),
    }),
    partners: t.relation("partners", { query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
    coInterventions: t.int({
      description: "Co-interventions with partners on the shift, all partners together.",
      select: { partners: { select: { interventions: true } } },
      resolve: (report) => report.partners.reduce((sum, partner) => sum + partner.interventions, 0),
    }),
    handoverNote: t.string({
      nullable: true,
      description: "For the next shift. Organisation-private, like an encounter's note.",
      select: { handoverNote: { select: { body: true } } },
      authScopes: (report, _args, ctx) =>
        readsOwnRecord(ctx.viewer, "SHIFT_HANDOVER_NOTE", report.organisationId),
      unauthorizedResolver: () => null,
      resolve: (report) => report.handoverNote?.body ?? null,
    }),
  }),
});

builder.queryField("shiftReports", (t) =>
  t.withAuth({ readsOwn: "SHIFT_REPORT" }).prismaConnection({
    type: ShiftReportNode,
    cursor: "id",
    defaultSize: 10,
    maxSize: 50,
    description: "The team's shift reports, the latest shift first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.tx.shiftReport.findMany({
        ...query,
        where: { AND: [visibleShiftReportWhere(ctx.viewer)] },
        orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      }),
  }),
);

interface ShiftTeamMemberShape {
  userId: string;
  displayName: string;
}

const ShiftTeamMember = builder.objectRef<ShiftTeamMemberShape>("ShiftTeamMember").implement({
  description: "A member of the organisation who may be named on a shift report.",
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.exposeString("displayName"),
  }),
});

builder.queryField("shiftTeamMembers", (t) =>
  t.withAuth({ writesOwn: "SHIFT_REPORT" }).field({
    type: [ShiftTeamMember],
    description: "The acting organisation's active members with a working role, to name who was on a shift.",
    resolve: async (_root, _args, ctx) => {
      const memberships = await ctx.tx.membership.findMany({
        where: {
          organisationId: ctx.viewer.organisationId,
          endedAt: null,
          roles: { hasSome: [...workingRoles] },
        },
        select: { user: { select: { id: true, displayName: true } } },
        orderBy: { user: { displayName: "asc" } },
      });
      return memberships.map(({ user }) => ({ userId: user.id, displayName: user.displayName }));
    },
  }),
);

/** The team's latest shift report (the home screen's handover), under the kind's filter. */
export function latestShiftReport(
  ctx: Pick<Context, "tx" | "viewer">,
  query: Pick<Prisma.ShiftReportFindFirstArgs, "include" | "select">,
) {
  return ctx.tx.shiftReport.findFirst({
    ...query,
    where: { AND: [visibleShiftReportWhere(ctx.viewer)] },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
  });
}
