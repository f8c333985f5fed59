import {
  mayTransitionReferral,
  type ReferralSide,
  transitionNeedsMessage,
  transitionNeedsOutcome,
} from "@maillage/domain";
import { sendReferralInput, transitionReferralInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { consentCoveringReceiver } from "../../access/consent-checks.ts";
import { ownPersonId, visibleRecordOrNotFound } from "../../access/own-records.ts";
import { visibleNotificationWhere } from "../../access/visible-records.ts";
import { ConflictError, ConsentRequiredError, fieldProblem, InvalidTransitionError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { ReferralNode } from "./referrals.types.ts";

defineMutation("sendReferral", {
  description:
    "Refers one of our persons to a partner. Needs a consent in force naming the receiver (at least the profile).",
  authScopes: { writesOwn: "REFERRAL" },
  input: sendReferralInput,
  errors: [ConsentRequiredError],
  payload: { referral: ReferralNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const person = { id: await ownPersonId(ctx, input.personId, "personId") };
    const toOrganisationId = decodeId(input.toOrganisationId, "Organisation");
    const receiver =
      toOrganisationId && toOrganisationId !== organisationId
        ? await ctx.tx.organisation.findFirst({
            where: {
              id: toOrganisationId,
              partnerships: { some: { partnership: { members: { some: { organisationId } } } } },
            },
            select: { id: true },
          })
        : null;
    if (!receiver) throw fieldProblem(ctx.locale, "toOrganisationId", "NOT_A_PARTNER");
    const consent = await consentCoveringReceiver(ctx, person.id, receiver.id);
    if (!consent) throw new ConsentRequiredError(ctx.locale);
    const referral = await ctx.tx.referral.create({
      data: {
        personId: person.id,
        fromOrganisationId: organisationId,
        fromUserId: ctx.viewer.userId,
        toOrganisationId: receiver.id,
        consentId: consent.id,
        reason: input.reason,
        serviceRequested: input.serviceRequested,
        urgency: input.urgency,
        message: input.message || null,
        transitions: {
          create: {
            toStatus: "SENT",
            byUserId: ctx.viewer.userId,
            byOrganisationId: organisationId,
            message: input.message || null,
          },
        },
      },
    });
    await ctx.tx.notification.createMany({
      data: [{ organisationId: receiver.id, kind: "REFERRAL_RECEIVED", recordId: referral.id }],
    });
    await auditViewerAction(ctx, {
      action: "REFERRAL_SENT",
      recordKind: "REFERRAL",
      recordId: referral.id,
      details: { personId: person.id, toOrganisationId: receiver.id },
    });
    return referral;
  },
});

defineMutation("transitionReferral", {
  description: "Moves a referral along its lifecycle; every step is recorded with who, when and a message.",
  authScopes: { writesOwn: "REFERRAL" },
  input: transitionReferralInput,
  errors: [InvalidTransitionError, ConflictError],
  payload: { referral: ReferralNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const referral = await visibleRecordOrNotFound(ctx, "Referral", input.referralId, (where) =>
      ctx.tx.referral.findFirst({ where }),
    );
    // Someone moved it since the caller looked: refuse rather than act on a stale view.
    if (referral.version !== input.expectedVersion) throw new ConflictError(ctx.locale);
    const side: ReferralSide = referral.fromOrganisationId === organisationId ? "SENDER" : "RECEIVER";
    if (!mayTransitionReferral(referral.status, input.to, side)) {
      throw new InvalidTransitionError(ctx.locale, referral.status, input.to);
    }
    if (transitionNeedsOutcome(input.to) && !input.outcome)
      throw fieldProblem(ctx.locale, "outcome", "REQUIRED");
    if (transitionNeedsMessage(input.to) && !input.message)
      throw fieldProblem(ctx.locale, "message", "REQUIRED");
    // Optimistic lock: of two people moving the same referral, only the first wins.
    const moved = await ctx.tx.referral.updateMany({
      where: { id: referral.id, version: input.expectedVersion, status: referral.status },
      data: {
        status: input.to,
        version: { increment: 1 },
        ...(transitionNeedsOutcome(input.to)
          ? { outcome: input.outcome ?? null, outcomeNote: input.outcomeNote || null }
          : {}),
      },
    });
    if (moved.count === 0) throw new ConflictError(ctx.locale);
    await ctx.tx.referralTransition.createMany({
      data: [
        {
          referralId: referral.id,
          fromStatus: referral.status,
          toStatus: input.to,
          byUserId: ctx.viewer.userId,
          byOrganisationId: organisationId,
          message: input.message || null,
        },
      ],
    });
    const otherSide = side === "SENDER" ? referral.toOrganisationId : referral.fromOrganisationId;
    await ctx.tx.notification.createMany({
      data: [{ organisationId: otherSide, kind: `REFERRAL_${input.to}`, recordId: referral.id }],
    });
    await auditViewerAction(ctx, {
      action: `REFERRAL_${input.to}`,
      recordKind: "REFERRAL",
      recordId: referral.id,
    });
    return ctx.tx.referral.findUniqueOrThrow({ where: { id: referral.id } });
  },
});

defineMutation("markReferralRead", {
  description: "Marks the acting organisation's notices about a referral as read.",
  authScopes: { readsOwn: "REFERRAL" },
  idArgs: (arg) => ({ referralId: arg.id({ required: true }) }),
  type: "Boolean",
  resolve: async (_input, ctx, args) => {
    const id = decodeId(args.referralId, "Referral");
    if (!id) return false;
    const marked = await ctx.tx.notification.updateMany({
      where: { recordId: id, readAt: null, AND: [visibleNotificationWhere(ctx.viewer)] },
      data: { readAt: ctx.now },
    });
    return marked.count > 0;
  },
});
