import { VenueKind } from "@maillage/db";
import { venueIsOverdue } from "@maillage/domain";
import { visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { lastVisitOf } from "./last-visits.ts";

export const VenueKindEnum = builder.enumType(VenueKind, { name: "VenueKind" });

/** Venues, confidential addresses included: the owning organisation's workers and coordinators. */
export const VenueNode = builder.prismaNode("Venue", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleVenueWhere(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: VenueKindEnum }),
    visitCadenceDays: t.exposeInt("visitCadenceDays", { nullable: true }),
    confidential: t.exposeBoolean("confidential"),
    address: t.exposeString("address", { nullable: true }),
    agreements: t.exposeString("agreements", { nullable: true }),
    archivedAt: t.expose("archivedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the venue was archived (no longer covered); null while it is.",
    }),
    lastVisitAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "The later of the last encounter recorded at this venue and the start of the last shift report that visited it.",
      resolve: (venue, _args, ctx) => lastVisitOf(ctx, venue.id),
    }),
    overdue: t.boolean({
      description: "The visit cadence has passed since the last visit.",
      resolve: async (venue, _args, ctx) =>
        venueIsOverdue(await lastVisitOf(ctx, venue.id), venue.visitCadenceDays, ctx.now),
    }),
  }),
});

builder.queryField("venues", (t) =>
  t.prismaConnection({
    type: VenueNode,
    cursor: "id",
    authScopes: { workingRole: true },
    description: "The venues the organisation covers; archived ones only when asked for.",
    args: {
      archived: t.arg.boolean({
        required: false,
        description: "True: the archived venues instead (to restore one).",
      }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.tx.venue.findMany({
        ...query,
        where: {
          archivedAt: args.archived ? { not: null } : null,
          AND: [visibleVenueWhere(ctx.viewer)],
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
