import { VenueKind } from "@maillage/db";
import { visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";

export const VenueKindEnum = builder.enumType(VenueKind, { name: "VenueKind" });

/** Venues, confidential addresses included: the owning organisation's workers and coordinators. */
export const VenueNode = builder.prismaNode("Venue", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleVenueWhere(ctx.viewer!)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: VenueKindEnum }),
    visitCadenceDays: t.exposeInt("visitCadenceDays", { nullable: true }),
    confidential: t.exposeBoolean("confidential"),
    address: t.exposeString("address", { nullable: true }),
    agreements: t.exposeString("agreements", { nullable: true }),
  }),
});

builder.queryField("venues", (t) =>
  t.prismaConnection({
    type: VenueNode,
    cursor: "id",
    authScopes: { workingRole: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.tx.venue.findMany({
        ...query,
        where: { archivedAt: null, AND: [visibleVenueWhere(ctx.viewer!)] },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
