import { ReferralOutcome, ReferralStatus, Urgency } from "@maillage/db";
import { consentStatus, referralIsOverdue } from "@maillage/domain";
import { visiblePersonLoad } from "../../access/person-loader.ts";
import { visibleReferralWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { PersonNode } from "../persons/persons.types.ts";

export const ReferralStatusEnum = builder.enumType(ReferralStatus, { name: "ReferralStatus" });
export const UrgencyEnum = builder.enumType(Urgency, { name: "Urgency" });
export const ReferralOutcomeEnum = builder.enumType(ReferralOutcome, { name: "ReferralOutcome" });
export const ReferralDirectionEnum = builder.enumType("ReferralDirection", {
  values: ["SENT", "RECEIVED"] as const,
});

builder.prismaObject("ReferralTransition", {
  fields: (t) => ({
    byOrganisation: t.prismaField({
      type: "Organisation",
      resolve: (query, transition, _args, ctx) =>
        ctx.tx.organisation.findUniqueOrThrow({ ...query, where: { id: transition.byOrganisationId } }),
    }),
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
  findUnique: (id, ctx) => ({ id, AND: [visibleReferralWhere(ctx.viewer)] }),
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
    version: t.exposeInt("version", {
      description: "Give it back with a transition: a concurrent change is refused.",
    }),
    outcomeNote: t.exposeString("outcomeNote", { nullable: true }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    consentInForce: t.boolean({
      description:
        "False once the person's consent was withdrawn or expired: the receiver no longer sees the person.",
      select: { consent: { select: { startsAt: true, expiresAt: true, withdrawnAt: true } } },
      resolve: (referral, _args, ctx) => consentStatus(referral.consent, ctx.now) === "ACTIVE",
    }),
    overdue: t.boolean({
      description: "Still unanswered past the receiver's delay for its urgency.",
      select: {
        toOrganisation: {
          select: {
            referralAnswerDaysUrgent: true,
            referralAnswerDaysSoon: true,
            referralAnswerDaysRoutine: true,
          },
        },
      },
      resolve: (referral, _args, ctx) =>
        referralIsOverdue(referral, ctx.now, {
          URGENT: referral.toOrganisation.referralAnswerDaysUrgent,
          SOON: referral.toOrganisation.referralAnswerDaysSoon,
          ROUTINE: referral.toOrganisation.referralAnswerDaysRoutine,
        }),
    }),
    direction: t.field({
      type: ReferralDirectionEnum,
      resolve: (referral, _args, ctx) =>
        referral.fromOrganisationId === ctx.viewer?.organisationId ? "SENT" : "RECEIVED",
    }),
    /** The person, as far as the viewer may see them (the receiver: what the consent names). */
    person: t.loadable({
      type: PersonNode,
      nullable: true,
      ...visiblePersonLoad,
      resolve: (referral) => referral.personId,
    }),
  }),
});
