import { ReferralOutcome, recordAuditEvents, Urgency } from "@maillage/db";
import {
  mayTransitionReferral,
  type ReferralSide,
  transitionNeedsMessage,
  transitionNeedsOutcome,
} from "@maillage/domain";
import { z } from "zod";
import { consentCoveringReceiver } from "../../access/consent-checks.ts";
import { ownPersonId } from "../../access/own-records.ts";
import { visibleReferralWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import {
  ConflictError,
  ConsentRequiredError,
  fieldProblem,
  InputValidationError,
  InvalidTransitionError,
  NotFoundError,
  parseInput,
  prismaEnum,
} from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { ReferralNode, ReferralOutcomeEnum, ReferralStatusEnum, UrgencyEnum } from "./referrals.types.ts";

const SendReferralInput = builder.inputType("SendReferralInput", {
  fields: (t) => ({
    personId: t.id({ required: true }),
    toOrganisationId: t.id({ required: true }),
    reason: t.string({ required: true }),
    serviceRequested: t.string({ required: true }),
    urgency: t.field({ type: UrgencyEnum, required: true }),
    message: t.string({ required: false }),
  }),
});

const sendInput = z.object({
  personId: z.string().max(200),
  toOrganisationId: z.string().max(200),
  reason: z.string().trim().min(1).max(1000),
  serviceRequested: z.string().trim().min(1).max(200),
  urgency: prismaEnum(Urgency),
  message: z.string().trim().max(2000).nullish(),
});

builder.mutationField("sendReferral", (t) =>
  t.field({
    type: ReferralNode,
    description:
      "Refers one of our persons to a partner. Needs a consent in force naming the receiver (at least the profile).",
    authScopes: { writesOwn: "REFERRAL" },
    args: { input: t.arg({ type: SendReferralInput, required: true }) },
    errors: {
      types: [InputValidationError, ConsentRequiredError],
      result: { name: "SendReferralSuccess" },
      union: { name: "SendReferralResult" },
      dataField: { name: "referral" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(sendInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
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
          fromUserId: viewer.userId,
          toOrganisationId: receiver.id,
          consentId: consent.id,
          reason: input.reason,
          serviceRequested: input.serviceRequested,
          urgency: input.urgency,
          message: input.message || null,
          transitions: {
            create: {
              toStatus: "SENT",
              byUserId: viewer.userId,
              byOrganisationId: organisationId,
              message: input.message || null,
            },
          },
        },
      });
      await ctx.tx.notification.createMany({
        data: [{ organisationId: receiver.id, kind: "REFERRAL_RECEIVED", recordId: referral.id }],
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId,
          action: "REFERRAL_SENT",
          recordKind: "REFERRAL",
          recordId: referral.id,
          ip: ctx.origin.ip,
          details: { personId: person.id, toOrganisationId: receiver.id },
        },
      ]);
      return referral;
    },
  }),
);

const TransitionReferralInput = builder.inputType("TransitionReferralInput", {
  fields: (t) => ({
    referralId: t.id({ required: true }),
    to: t.field({ type: ReferralStatusEnum, required: true }),
    expectedVersion: t.int({ required: true, description: "The referral's version you saw." }),
    message: t.string({ required: false, description: "Required to decline (the reason)." }),
    outcome: t.field({ type: ReferralOutcomeEnum, required: false, description: "Required to close." }),
    outcomeNote: t.string({ required: false }),
  }),
});

const transitionInput = z.object({
  referralId: z.string().max(200),
  to: z.enum(["SENT", "WITHDRAWN", "ACCEPTED", "DECLINED", "IN_PROGRESS", "COMPLETED", "CLOSED_NO_CONTACT"]),
  expectedVersion: z.number().int().min(1),
  message: z.string().trim().max(2000).nullish(),
  outcome: prismaEnum(ReferralOutcome).nullish(),
  outcomeNote: z.string().trim().max(1000).nullish(),
});

builder.mutationField("transitionReferral", (t) =>
  t.field({
    type: ReferralNode,
    description: "Moves a referral along its lifecycle; every step is recorded with who, when and a message.",
    authScopes: { writesOwn: "REFERRAL" },
    args: { input: t.arg({ type: TransitionReferralInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError, InvalidTransitionError, ConflictError],
      result: { name: "TransitionReferralSuccess" },
      union: { name: "TransitionReferralResult" },
      dataField: { name: "referral" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(transitionInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
      const id = decodeId(input.referralId, "Referral");
      const referral = id
        ? await ctx.tx.referral.findFirst({ where: { id, AND: [visibleReferralWhere(viewer)] } })
        : null;
      if (!referral) throw new NotFoundError(ctx.locale);
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
            byUserId: viewer.userId,
            byOrganisationId: organisationId,
            message: input.message || null,
          },
        ],
      });
      const otherSide = side === "SENDER" ? referral.toOrganisationId : referral.fromOrganisationId;
      await ctx.tx.notification.createMany({
        data: [{ organisationId: otherSide, kind: `REFERRAL_${input.to}`, recordId: referral.id }],
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId,
          action: `REFERRAL_${input.to}`,
          recordKind: "REFERRAL",
          recordId: referral.id,
          ip: ctx.origin.ip,
        },
      ]);
      return ctx.tx.referral.findUniqueOrThrow({ where: { id: referral.id } });
    },
  }),
);

builder.mutationField("markReferralRead", (t) =>
  t.boolean({
    description: "Marks the acting organisation's notices about a referral as read.",
    authScopes: { readsOwn: "REFERRAL" },
    args: { referralId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = decodeId(args.referralId, "Referral");
      if (!id) return false;
      const marked = await ctx.tx.notification.updateMany({
        where: { recordId: id, organisationId: ctx.viewer!.organisationId!, readAt: null },
        data: { readAt: ctx.now },
      });
      return marked.count > 0;
    },
  }),
);
