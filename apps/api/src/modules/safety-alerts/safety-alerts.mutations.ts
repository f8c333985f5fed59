import { recordAuditEvents } from "@maillage/db";
import { z } from "zod";
import { visibleSafetyAlertWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { fieldProblem, InputValidationError, NotFoundError, parseInput } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { SafetyAlertNode } from "./safety-alerts.types.ts";

const dayMs = 86_400_000;

const PublishSafetyAlertInput = builder.inputType("PublishSafetyAlertInput", {
  description: "What happened, who or what to look out for, where and when. Never the victim's identity.",
  fields: (t) => ({
    partnershipId: t.id({ required: true }),
    whatHappened: t.string({ required: true }),
    aggressorDescription: t.string({ required: false }),
    vehicleDescription: t.string({ required: false }),
    area: t.string({ required: true }),
    occurredOn: t.field({ type: "Date", required: true }),
    expiresAt: t.field({ type: "DateTime", required: true }),
  }),
});

const publishInput = z.object({
  partnershipId: z.string().max(200),
  whatHappened: z.string().trim().min(1).max(2000),
  aggressorDescription: z.string().trim().max(1000).nullish(),
  vehicleDescription: z.string().trim().max(500).nullish(),
  area: z.string().trim().min(1).max(200),
  occurredOn: z.date(),
  expiresAt: z.date(),
});

builder.mutationField("publishSafetyAlert", (t) =>
  t.field({
    type: SafetyAlertNode,
    description: "Coordinators publish to their partnership; the alert disappears by itself when it expires.",
    authScopes: { writesOwn: "SAFETY_ALERT" },
    args: { input: t.arg({ type: PublishSafetyAlertInput, required: true }) },
    errors: {
      types: [InputValidationError],
      result: { name: "PublishSafetyAlertSuccess" },
      union: { name: "PublishSafetyAlertResult" },
      dataField: { name: "alert" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(publishInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
      const partnershipId = decodeId(input.partnershipId, "Partnership");
      const partnership = partnershipId
        ? await ctx.tx.partnership.findFirst({
            where: { id: partnershipId, members: { some: { organisationId } } },
            select: { id: true },
          })
        : null;
      if (!partnership) throw fieldProblem(ctx.locale, "partnershipId", "NOT_FOUND");
      if (input.occurredOn.getTime() > ctx.now.getTime() + dayMs)
        throw fieldProblem(ctx.locale, "occurredOn", "TOO_FAR_IN_FUTURE");
      if (input.occurredOn.getTime() < ctx.now.getTime() - 366 * dayMs)
        throw fieldProblem(ctx.locale, "occurredOn", "IN_THE_PAST");
      if (input.expiresAt <= ctx.now) throw fieldProblem(ctx.locale, "expiresAt", "IN_THE_PAST");
      if (input.expiresAt.getTime() > ctx.now.getTime() + 366 * dayMs) {
        throw fieldProblem(ctx.locale, "expiresAt", "TOO_FAR_IN_FUTURE");
      }
      const alert = await ctx.tx.safetyAlert.create({
        data: {
          partnershipId: partnership.id,
          organisationId,
          publishedById: viewer.userId,
          whatHappened: input.whatHappened,
          aggressorDescription: input.aggressorDescription || null,
          vehicleDescription: input.vehicleDescription || null,
          area: input.area,
          occurredOn: input.occurredOn,
          expiresAt: input.expiresAt,
        },
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId,
          action: "SAFETY_ALERT_PUBLISHED",
          recordKind: "SAFETY_ALERT",
          recordId: alert.id,
          ip: ctx.origin.ip,
        },
      ]);
      return alert;
    },
  }),
);

builder.mutationField("withdrawSafetyAlert", (t) =>
  t.field({
    type: SafetyAlertNode,
    description: "The publishing organisation's coordinators take an alert down before it expires.",
    authScopes: { writesOwn: "SAFETY_ALERT" },
    args: { id: t.arg.id({ required: true }) },
    errors: {
      types: [NotFoundError],
      result: { name: "WithdrawSafetyAlertSuccess" },
      union: { name: "WithdrawSafetyAlertResult" },
      dataField: { name: "alert" },
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const id = decodeId(args.id, "SafetyAlert");
      const alert = id
        ? await ctx.tx.safetyAlert.findFirst({
            where: { id, organisationId: viewer.organisationId!, AND: [visibleSafetyAlertWhere(viewer)] },
          })
        : null;
      if (!alert) throw new NotFoundError(ctx.locale);
      return ctx.tx.safetyAlert.update({
        where: { id: alert.id },
        data: { withdrawnAt: alert.withdrawnAt ?? ctx.now },
      });
    },
  }),
);
