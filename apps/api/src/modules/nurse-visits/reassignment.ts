/**
 * Handing a joint visit to another nurse. Only the visit's nurse completes it and writes its
 * clinical notes (DESIGN.md §3); when she cannot go, a coordinator of her organisation — the
 * one that owns the visit — hands it to another nurse of it. Audited; the new nurse is told in
 * the app. Row-level security holds the same rule (nurse_visits_handed_over_by_owner_coordinators).
 */
import { overlaps } from "@maillage/domain";
import { reassignNurseVisitInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import { DoubleBookingError, fieldProblem, InvalidTransitionError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { NurseVisitNode } from "./nurse-visits.types.ts";
import { commitmentsOf, lockCalendars } from "./scheduling.ts";

/** A visit still to be made can change hands; a completed, declined or cancelled one cannot. */
const reassignable = ["PROPOSED", "COUNTER_PROPOSED", "ACCEPTED"] as const;

defineMutation("reassignNurseVisit", {
  description:
    "A coordinator of the visit's organisation hands the visit to another of its nurses (she then completes it). Audited.",
  authScopes: { role: "COORDINATOR" },
  input: reassignNurseVisitInput,
  errors: [InvalidTransitionError, DoubleBookingError],
  payload: { visit: NurseVisitNode },
  resolve: async (input, ctx) => {
    const visit = await ownRecordOrNotFound(ctx, "NurseVisit", input.visitId, (where) =>
      ctx.tx.nurseVisit.findFirst({ where }),
    );
    if (!(reassignable as readonly string[]).includes(visit.status))
      throw new InvalidTransitionError(ctx.locale, visit.status, "REASSIGNED");
    const nurse = await ctx.tx.membership.findFirst({
      where: {
        userId: input.nurseId,
        organisationId: visit.organisationId,
        endedAt: null,
        roles: { has: "NURSE" },
      },
      select: { userId: true },
    });
    if (!nurse || nurse.userId === visit.nurseId) throw fieldProblem(ctx.locale, "nurseId", "NOT_FOUND");
    // The new nurse must be free then (this visit aside: it is not hers yet).
    const slot = { start: visit.plannedStart, end: visit.plannedEnd };
    await lockCalendars(ctx, [nurse.userId]);
    const busy = await commitmentsOf(ctx, [nurse.userId], slot);
    if (busy.some((commitment) => overlaps(commitment, slot))) throw new DoubleBookingError(ctx.locale);
    const updated = await ctx.tx.nurseVisit.update({
      where: { id: visit.id },
      data: { nurseId: nurse.userId },
    });
    await ctx.tx.notification.createMany({
      data: [
        {
          organisationId: visit.organisationId,
          userId: nurse.userId,
          kind: "NURSE_VISIT_REASSIGNED",
          recordId: visit.id,
        },
      ],
    });
    await auditViewerAction(ctx, {
      action: "NURSE_VISIT_REASSIGNED",
      recordKind: "NURSE_VISIT",
      recordId: visit.id,
      details: { from: visit.nurseId, to: nurse.userId },
    });
    return updated;
  },
});
