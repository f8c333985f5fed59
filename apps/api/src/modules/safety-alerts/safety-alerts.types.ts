import { writesOwn } from "@maillage/domain";
import { visibleSafetyAlertWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";

/** A "bad client" alert of a partnership: never names or links a victim. */
export const SafetyAlertNode = builder.prismaNode("SafetyAlert", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleSafetyAlertWhere(ctx.viewer)] }),
  fields: (t) => ({
    whatHappened: t.exposeString("whatHappened"),
    aggressorDescription: t.exposeString("aggressorDescription", { nullable: true }),
    vehicleDescription: t.exposeString("vehicleDescription", { nullable: true }),
    area: t.exposeString("area"),
    occurredOn: t.expose("occurredOn", { type: "Date" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    partnership: t.relation("partnership"),
    withdrawable: t.boolean({
      description:
        "Whether the viewer may take the alert down (withdrawSafetyAlert): a writer of alerts of the publishing organisation.",
      resolve: (alert, _args, ctx) =>
        ctx.viewer?.organisationId === alert.organisationId && writesOwn(ctx.viewer.roles, "SAFETY_ALERT"),
    }),
  }),
});

builder.queryField("activeSafetyAlerts", (t) =>
  t.prismaConnection({
    type: SafetyAlertNode,
    cursor: "id",
    authScopes: { workingRole: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.tx.safetyAlert.findMany({
        ...query,
        where: {
          withdrawnAt: null,
          expiresAt: { gt: ctx.now },
          AND: [visibleSafetyAlertWhere(ctx.viewer)],
        },
        orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
      }),
  }),
);
