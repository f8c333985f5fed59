/**
 * Workshops and prevention kiosks held at a partner's request (a school, a youth centre, a group):
 * the owning organisation's working roles read them (registry kind WORKSHOP; RLS policy
 * workshops_own_organisation), never a partner, never a committee (which reads their aggregates
 * in the indicators: app.indicator_figures, modules/indicators/). They hold counts, never a person.
 */
import { WorkshopAudience, WorkshopKind, WorkshopTopic } from "@maillage/db";
import { isLateDayEntry, ownOrganisationWriters } from "@maillage/domain";
import { visibleWorkshopWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { viewerSettings } from "../programme-settings/viewer-settings.ts";

export const WorkshopKindEnum = builder.enumType(WorkshopKind, { name: "WorkshopKind" });
export const WorkshopTopicEnum = builder.enumType(WorkshopTopic, { name: "WorkshopTopic" });
export const WorkshopAudienceEnum = builder.enumType(WorkshopAudience, { name: "WorkshopAudience" });

interface FacilitatorShape {
  id: string;
  displayName: string;
}

/** A member of the organisation who held a workshop: her name only (she is staff, not a person served). */
export const WorkshopFacilitator = builder.objectRef<FacilitatorShape>("WorkshopFacilitator").implement({
  fields: (t) => ({
    id: t.exposeID("id", { description: "The member's user id (what facilitatorIds takes)." }),
    displayName: t.exposeString("displayName"),
  }),
});

/**
 * The facilitators of each workshop of a page in one statement (Pothos' dataloader): keyed by
 * the workshop's list of user ids, as far as RLS lets the viewer read them (her organisation's
 * members, past ones too); one that cannot be read is left out rather than failing the list.
 */
async function loadFacilitators(keys: readonly string[], ctx: Pick<Context, "tx">) {
  const lists = keys.map((key) => key.split(",").filter(Boolean));
  const users = await ctx.tx.user.findMany({
    where: { id: { in: [...new Set(lists.flat())] } },
    select: { id: true, displayName: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return lists.map((ids) => ids.flatMap((id) => byId.get(id) ?? []));
}

export const WorkshopNode = builder.prismaNode("Workshop", {
  id: { field: "id" },
  authScopes: { readsOwn: "WORKSHOP" },
  findUnique: (id, ctx) => ({ id, AND: [visibleWorkshopWhere(ctx.viewer)] }),
  fields: (t) => ({
    kind: t.expose("kind", { type: WorkshopKindEnum }),
    topic: t.expose("topic", { type: WorkshopTopicEnum }),
    audience: t.expose("audience", { type: WorkshopAudienceEnum }),
    place: t.exposeString("place", { description: "The place's name (a school, a youth centre)." }),
    heldOn: t.expose("heldOn", { type: "Date" }),
    enteredAt: t.expose("createdAt", { type: "DateTime", description: "When it was entered in Maillage." }),
    lateEntry: t.boolean({
      description: "Entered more than 3 days after the day it was held (in the organisation's time zone).",
      resolve: async (workshop, _args, ctx) =>
        isLateDayEntry(workshop.heldOn, workshop.createdAt, (await viewerSettings(ctx)).timeZone),
    }),
    durationMinutes: t.exposeInt("durationMinutes", { nullable: true }),
    participants: t.exposeInt("participants", { description: "How many took part: a count, never who." }),
    requestedBy: t.exposeString("requestedBy", { description: "The organisation that asked for it." }),
    facilitators: t.loadableList({
      type: WorkshopFacilitator,
      description: "The members who held it, in the order recorded.",
      load: (keys: string[], ctx) => loadFacilitators(keys, ctx),
      loaderOptions: { batchScheduleFn: (run: () => void) => setImmediate(run) },
      resolve: (workshop) => workshop.facilitatorIds.join(","),
    }),
    note: t.string({
      nullable: true,
      description: "The organisation's own note (the workshop's readers; never a partner).",
      select: { note: { select: { body: true } } },
      resolve: (workshop) => workshop.note?.body ?? null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("workshops", (t) =>
  t.withAuth({ readsOwn: "WORKSHOP" }).prismaConnection({
    type: WorkshopNode,
    cursor: "id",
    description:
      "The acting organisation's workshops and kiosks, the latest first; between two days when given.",
    args: {
      from: t.arg({ type: "Date", required: false, description: "Held on this day or after." }),
      to: t.arg({ type: "Date", required: false, description: "Held on this day or before." }),
    },
    totalCount: (_root, args, ctx) => ctx.tx.workshop.count({ where: workshopsWhere(ctx, args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.tx.workshop.findMany({
        ...query,
        where: workshopsWhere(ctx, args),
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

function workshopsWhere(ctx: Context, period: { from?: Date | null; to?: Date | null }) {
  return {
    AND: [visibleWorkshopWhere(ctx.viewer)],
    heldOn: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lte: period.to } : {}) },
  };
}

/** Who may be named as a facilitator: the organisation's active members holding a role that keeps workshops. */
export function facilitatorCandidatesWhere(organisationId: string) {
  return {
    organisationId,
    endedAt: null,
    roles: { hasSome: [...ownOrganisationWriters.WORKSHOP] },
    user: { disabledAt: null },
  };
}

builder.queryField("workshopFacilitatorChoices", (t) =>
  t.withAuth({ writesOwn: "WORKSHOP" }).field({
    type: [WorkshopFacilitator],
    description: "The acting organisation's members who may be named as a workshop's facilitators, by name.",
    resolve: async (_root, _args, ctx) => {
      const members = await ctx.tx.membership.findMany({
        where: facilitatorCandidatesWhere(ctx.viewer.organisationId),
        select: { user: { select: { id: true, displayName: true } } },
        orderBy: [{ user: { displayName: "asc" } }, { userId: "asc" }],
      });
      return members.map((member) => member.user);
    },
  }),
);
