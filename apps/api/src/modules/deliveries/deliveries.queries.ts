import type { Prisma } from "@maillage/db";
import { openDeliveryStatuses, ownOrganisationWriters } from "@maillage/domain";
import { visibleMaterialDeliveryWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { MaterialDeliveryNode } from "./deliveries.types.ts";

const DeliveryView = builder.enumType("DeliveryView", {
  values: {
    OPEN: { description: "Requested or scheduled: the scheduled first, then the oldest request." },
    CLOSED: { description: "Delivered, not reached or cancelled: the latest first." },
  } as const,
});

builder.queryField("materialDeliveries", (t) =>
  t.withAuth({ readsOwn: "MATERIAL_DELIVERY" }).prismaConnection({
    type: MaterialDeliveryNode,
    cursor: "id",
    description:
      "The acting organisation's delivery requests, open or closed; only the viewer's, or only others', on request.",
    args: {
      view: t.arg({ type: DeliveryView, required: false, defaultValue: "OPEN" }),
      assignedToMe: t.arg.boolean({
        required: false,
        description: "True: assigned to the viewer; false: to someone else; omitted: all.",
      }),
    },
    resolve: (query, _root, args, ctx) => {
      const open = (args.view ?? "OPEN") === "OPEN";
      const mine: Prisma.MaterialDeliveryWhereInput =
        args.assignedToMe === true
          ? { assignedToId: ctx.viewer.userId }
          : args.assignedToMe === false
            ? { assignedToId: { not: ctx.viewer.userId } }
            : {};
      return ctx.tx.materialDelivery.findMany({
        ...query,
        where: {
          AND: [visibleMaterialDeliveryWhere(ctx.viewer), mine],
          status: open ? { in: [...openDeliveryStatuses] } : { notIn: [...openDeliveryStatuses] },
        },
        // SCHEDULED sorts after REQUESTED (the enum's order): descending puts it first.
        orderBy: open
          ? [{ status: "desc" }, { createdAt: "asc" }, { id: "asc" }]
          : [{ updatedAt: "desc" }, { id: "desc" }],
      });
    },
  }),
);

interface AssigneeShape {
  userId: string;
  displayName: string;
}

const DeliveryAssignee = builder.objectRef<AssigneeShape>("DeliveryAssignee").implement({
  description: "A member of the organisation who may bring a delivery.",
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.exposeString("displayName"),
  }),
});

/** The organisation's active members who hand material out (the writers of a delivery). */
export function assigneesWhere(ctx: ActingContext, userId?: string): Prisma.MembershipWhereInput {
  return {
    organisationId: ctx.viewer.organisationId,
    endedAt: null,
    roles: { hasSome: [...ownOrganisationWriters.MATERIAL_DELIVERY] },
    user: { disabledAt: null },
    ...(userId ? { userId } : {}),
  };
}

builder.queryField("deliveryAssignees", (t) =>
  t.withAuth({ writesOwn: "MATERIAL_DELIVERY" }).field({
    type: [DeliveryAssignee],
    description:
      "Who may be asked to bring a delivery: the acting organisation's outreach workers and coordinators.",
    resolve: async (_root, _args, ctx) => {
      const members = await ctx.tx.membership.findMany({
        where: assigneesWhere(ctx),
        select: { user: { select: { id: true, displayName: true } } },
        orderBy: [{ user: { displayName: "asc" } }, { userId: "asc" }],
      });
      return members.map(({ user }) => ({ userId: user.id, displayName: user.displayName }));
    },
  }),
);
