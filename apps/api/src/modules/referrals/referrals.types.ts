import { ReferralOutcome, ReferralStatus, Urgency } from "@maillage/db";
import { visiblePersonWhere, visibleReferralWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { PersonNode } from "../persons/persons.types.ts";

export const ReferralStatusEnum = builder.enumType(ReferralStatus, { name: "ReferralStatus" });
export const UrgencyEnum = builder.enumType(Urgency, { name: "Urgency" });
export const ReferralOutcomeEnum = builder.enumType(ReferralOutcome, { name: "ReferralOutcome" });

builder.prismaObject("ReferralTransition", {
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", { type: ReferralStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: ReferralStatusEnum }),
    message: t.exposeString("message", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

/** A referral and its history: the sending and the receiving organisation only. */
export const ReferralNode = builder.prismaNode("Referral", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleReferralWhere(ctx.viewer!)] }),
  fields: (t) => ({
    status: t.expose("status", { type: ReferralStatusEnum }),
    reason: t.exposeString("reason"),
    serviceRequested: t.exposeString("serviceRequested"),
    urgency: t.expose("urgency", { type: UrgencyEnum }),
    message: t.exposeString("message", { nullable: true }),
    outcome: t.expose("outcome", { type: ReferralOutcomeEnum, nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    fromOrganisation: t.relation("fromOrganisation"),
    toOrganisation: t.relation("toOrganisation"),
    transitions: t.relation("transitions", { query: { orderBy: { at: "asc" } } }),
    /** The person, as far as the viewer may see them (the receiver: what the consent names). */
    person: t.prismaField({
      type: PersonNode,
      nullable: true,
      resolve: (query, referral, _args, ctx) =>
        ctx.tx.person.findFirst({
          ...query,
          where: { id: referral.personId, AND: [visiblePersonWhere(ctx.viewer!, ctx.now)] },
        }),
    }),
  }),
});
