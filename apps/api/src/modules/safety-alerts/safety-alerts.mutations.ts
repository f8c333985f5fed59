import { identifyingDetailKindsIn } from "@maillage/domain";
import { publishSafetyAlertInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import { fieldProblem } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { SafetyAlertNode } from "./safety-alerts.types.ts";

const dayMs = 86_400_000;

defineMutation("publishSafetyAlert", {
  description: "Coordinators publish to their partnership; the alert disappears by itself when it expires.",
  authScopes: { writesOwn: "SAFETY_ALERT" },
  input: publishSafetyAlertInput,
  payload: { alert: SafetyAlertNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
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
    // The check the form shows beside the field, again here: no client publishes past it unread.
    const identifying = identifyingDetailKindsIn(input.whatHappened);
    if (identifying.length > 0 && !input.checkedNoOneIdentifiable)
      throw fieldProblem(ctx.locale, "whatHappened", "MAY_IDENTIFY_SOMEONE");
    if (input.expiresAt <= ctx.now) throw fieldProblem(ctx.locale, "expiresAt", "IN_THE_PAST");
    if (input.expiresAt.getTime() > ctx.now.getTime() + 366 * dayMs) {
      throw fieldProblem(ctx.locale, "expiresAt", "TOO_FAR_IN_FUTURE");
    }
    const alert = await ctx.tx.safetyAlert.create({
      data: {
        partnershipId: partnership.id,
        organisationId,
        publishedById: ctx.viewer.userId,
        whatHappened: input.whatHappened,
        aggressorDescription: input.aggressorDescription || null,
        vehicleDescription: input.vehicleDescription || null,
        area: input.area,
        occurredOn: input.occurredOn,
        expiresAt: input.expiresAt,
      },
    });
    await auditViewerAction(ctx, {
      action: "SAFETY_ALERT_PUBLISHED",
      recordKind: "SAFETY_ALERT",
      recordId: alert.id,
      // The warning shown and the writer's override are kept with the event (issue 14).
      ...(identifying.length > 0 ? { details: { identifyingWarning: identifying, overridden: true } } : {}),
    });
    return alert;
  },
});

defineMutation("withdrawSafetyAlert", {
  description: "The publishing organisation's coordinators take an alert down before it expires.",
  authScopes: { writesOwn: "SAFETY_ALERT" },
  idArgs: (arg) => ({ id: arg.id({ required: true }) }),
  payload: { alert: SafetyAlertNode },
  resolve: async (_input, ctx, args) => {
    const alert = await ownRecordOrNotFound(ctx, "SafetyAlert", args.id, (where) =>
      ctx.tx.safetyAlert.findFirst({ where }),
    );
    const withdrawn = await ctx.tx.safetyAlert.update({
      where: { id: alert.id },
      data: { withdrawnAt: alert.withdrawnAt ?? ctx.now },
    });
    if (!alert.withdrawnAt) {
      await auditViewerAction(ctx, {
        action: "SAFETY_ALERT_WITHDRAWN",
        recordKind: "SAFETY_ALERT",
        recordId: alert.id,
      });
    }
    return withdrawn;
  },
});
