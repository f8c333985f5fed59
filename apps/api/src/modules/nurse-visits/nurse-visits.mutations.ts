import {
  completableVisitStatuses,
  findJointSlots,
  type Interval,
  visitLimits,
  visitResponseOutcome,
  visitResponses,
} from "@maillage/domain";
import {
  completeNurseVisitInput,
  proposeNurseVisitInput,
  respondToNurseVisitInput,
} from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { consentCoveringReceiver } from "../../access/consent-checks.ts";
import { ownPersonId, ownRecordOrNotFound, visibleRecordOrNotFound } from "../../access/own-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import {
  ConsentRequiredError,
  DoubleBookingError,
  fieldProblem,
  InvalidTransitionError,
  NotFoundError,
} from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { OrganisationNode } from "../organisations/organisations.types.ts";
import { organisationTimeZones, viewerSettings } from "../programme-settings/viewer-settings.ts";
import { NurseVisitNode } from "./nurse-visits.types.ts";
import { commitmentsOf, partnerNurses, refuseDoubleBooking, weeklySlotsOf } from "./scheduling.ts";

const minuteMs = 60_000;

function checkTimes(ctx: ActingContext, start: Date, end: Date, path = "start") {
  if (end <= start) throw fieldProblem(ctx.locale, "end", "BEFORE_START");
  const minutes = (end.getTime() - start.getTime()) / minuteMs;
  if (minutes < visitLimits.minDurationMinutes) throw fieldProblem(ctx.locale, "end", "TOO_SMALL");
  if (minutes > visitLimits.maxDurationMinutes) throw fieldProblem(ctx.locale, "end", "TOO_LARGE");
  if (start.getTime() < ctx.now.getTime() - 5 * minuteMs) throw fieldProblem(ctx.locale, path, "IN_THE_PAST");
  if (start.getTime() > ctx.now.getTime() + visitLimits.maxDaysAhead * 86_400_000) {
    throw fieldProblem(ctx.locale, path, "TOO_FAR_IN_FUTURE");
  }
}

async function notify(
  ctx: ActingContext,
  organisationId: string,
  userId: string | null,
  kind: string,
  recordId: string,
) {
  await ctx.tx.notification.createMany({ data: [{ organisationId, userId, kind, recordId }] });
}

// ── slot finding ──

interface JointSlotShape extends Interval {
  nurse: { id: string; displayName: string };
  organisation: {
    id: string;
    name: string;
    kind: "COMMUNITY_GROUP" | "PUBLIC_HEALTH" | "OTHER_PARTNER";
    createdAt: Date;
    restrictTeamVisibility: boolean;
  };
}

const Colleague = builder.objectRef<{ id: string; displayName: string }>("Colleague").implement({
  fields: (t) => ({ id: t.exposeID("id"), displayName: t.exposeString("displayName") }),
});

const JointSlot = builder.objectRef<JointSlotShape>("JointSlot").implement({
  fields: (t) => ({
    nurse: t.field({ type: Colleague, resolve: (slot) => slot.nurse }),
    organisation: t.field({ type: OrganisationNode, resolve: (slot) => slot.organisation as never }),
    start: t.field({ type: "DateTime", resolve: (slot) => slot.start }),
    end: t.field({ type: "DateTime", resolve: (slot) => slot.end }),
  }),
});

builder.queryField("jointVisitSlots", (t) =>
  t.withAuth({ writesOwn: "NURSE_VISIT" }).field({
    type: [JointSlot],
    description: "Times when a nurse of a partner public-health organisation and the viewer are both free.",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      durationMinutes: t.arg.int({ required: false, defaultValue: 60 }),
      nurseOrganisationId: t.arg.id({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const duration = Math.min(
        Math.max(args.durationMinutes ?? 60, visitLimits.minDurationMinutes),
        visitLimits.maxDurationMinutes,
      );
      const from = new Date(Math.max(args.from.getTime(), ctx.now.getTime()));
      const to = new Date(Math.min(args.to.getTime(), from.getTime() + 31 * 86_400_000));
      if (to <= from) return [];
      const organisationId = args.nurseOrganisationId
        ? decodeId(args.nurseOrganisationId, "Organisation")
        : null;
      const nurses = await partnerNurses(ctx, organisationId);
      const viewerId = ctx.viewer.userId;
      const people = [viewerId, ...nurses.map((n) => n.user.id)];
      const window = { start: from, end: to };
      const [slots, commitments] = [
        await weeklySlotsOf(ctx, people),
        await commitmentsOf(ctx, people, window),
      ];
      const busyOf = (userId: string) => commitments.filter((c) => c.userId === userId);
      // Each one's weekly hours are in her own organisation's time zone (its programme settings).
      const zones = await organisationTimeZones(
        ctx,
        nurses.map((nurse) => nurse.organisationId),
      );
      const { timeZone } = await viewerSettings(ctx);
      const worker = { slots: slots.get(viewerId) ?? [], timeZone, busy: busyOf(viewerId) };
      return nurses
        .filter((nurse) => nurse.user.id !== viewerId)
        .flatMap((nurse) =>
          findJointSlots(
            {
              slots: slots.get(nurse.user.id) ?? [],
              timeZone: zones.get(nurse.organisationId) ?? timeZone,
              busy: busyOf(nurse.user.id),
            },
            worker,
            window,
            duration,
            {
              limit: 20,
            },
          ).map((slot) => ({ ...slot, nurse: nurse.user, organisation: nurse.organisation })),
        )
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .slice(0, 60);
    },
  }),
);

// ── proposing ──

defineMutation("proposeNurseVisit", {
  description:
    "A worker proposes a joint visit to a partner nurse; each person needs a consent naming her organisation.",
  authScopes: { writesOwn: "NURSE_VISIT" },
  input: proposeNurseVisitInput,
  errors: [ConsentRequiredError, DoubleBookingError],
  payload: { visit: NurseVisitNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    checkTimes(ctx, input.start, input.end);
    const nurse = (await partnerNurses(ctx)).find((n) => n.user.id === input.nurseId);
    if (!nurse || nurse.user.id === ctx.viewer.userId) throw fieldProblem(ctx.locale, "nurseId", "NOT_FOUND");
    const personIds: string[] = [];
    for (const [index, globalId] of input.personIds.entries()) {
      const person = { id: await ownPersonId(ctx, globalId, `personIds.${index}`) };
      if (!(await consentCoveringReceiver(ctx, person.id, nurse.organisationId)))
        throw new ConsentRequiredError(ctx.locale);
      personIds.push(person.id);
    }
    await refuseDoubleBooking(ctx, [ctx.viewer.userId, nurse.user.id], {
      start: input.start,
      end: input.end,
    });
    const visit = await ctx.tx.nurseVisit.create({
      data: {
        organisationId: nurse.organisationId,
        nurseId: nurse.user.id,
        workerId: ctx.viewer.userId,
        workerOrganisationId: organisationId,
        placeType: input.placeType,
        plannedStart: input.start,
        plannedEnd: input.end,
        // The free text stays with the two organisations taking part (its own table, RLS).
        ...(input.reason
          ? {
              reason: {
                create: {
                  organisationId: nurse.organisationId,
                  workerOrganisationId: organisationId,
                  body: input.reason,
                },
              },
            }
          : {}),
        ...(input.meetingPlace
          ? {
              meetingPlace: {
                create: {
                  organisationId: nurse.organisationId,
                  workerOrganisationId: organisationId,
                  body: input.meetingPlace,
                },
              },
            }
          : {}),
        proposedById: ctx.viewer.userId,
        persons: { create: [...new Set(personIds)].map((personId) => ({ personId })) },
      },
    });
    await notify(ctx, nurse.organisationId, nurse.user.id, "NURSE_VISIT_PROPOSED", visit.id);
    return visit;
  },
});

// ── answering, rescheduling, cancelling ──

builder.enumType("NurseVisitResponse", { values: visitResponses });

defineMutation("respondToNurseVisit", {
  description:
    "Accept or decline the other side's proposal, propose another time, or cancel. The other side is notified in the app.",
  authScopes: { writesOwn: "NURSE_VISIT" },
  input: respondToNurseVisitInput,
  errors: [InvalidTransitionError, DoubleBookingError],
  payload: { visit: NurseVisitNode },
  resolve: async (input, ctx) => {
    const visit = await visibleRecordOrNotFound(ctx, "NurseVisit", input.visitId, (where) =>
      ctx.tx.nurseVisit.findFirst({ where }),
    );
    // Only the two people of the visit answer for it.
    if (visit.nurseId !== ctx.viewer.userId && visit.workerId !== ctx.viewer.userId)
      throw new NotFoundError(ctx.locale);
    const response = input.response;
    const next = visitResponseOutcome(visit.status, response, visit.proposedById === ctx.viewer.userId);
    if (!next) throw new InvalidTransitionError(ctx.locale, visit.status, response);
    let times = {};
    if (response === "PROPOSE_OTHER_TIME") {
      if (!input.start) throw fieldProblem(ctx.locale, "start", "REQUIRED");
      if (!input.end) throw fieldProblem(ctx.locale, "end", "REQUIRED");
      checkTimes(ctx, input.start, input.end);
      await refuseDoubleBooking(
        ctx,
        [visit.workerId, visit.nurseId ?? visit.workerId],
        { start: input.start, end: input.end },
        visit.id,
      );
      times = { plannedStart: input.start, plannedEnd: input.end, proposedById: ctx.viewer.userId };
    }
    if (response === "ACCEPT") {
      await refuseDoubleBooking(
        ctx,
        [visit.workerId, visit.nurseId ?? visit.workerId],
        { start: visit.plannedStart, end: visit.plannedEnd },
        visit.id,
      );
    }
    const updated = await ctx.tx.nurseVisit.update({
      where: { id: visit.id },
      data: { status: next, ...times },
    });
    const otherIsNurse = ctx.viewer.userId === visit.workerId;
    await notify(
      ctx,
      otherIsNurse ? visit.organisationId : visit.workerOrganisationId,
      otherIsNurse ? visit.nurseId : visit.workerId,
      `NURSE_VISIT_${next}`,
      visit.id,
    );
    await auditViewerAction(ctx, {
      action: `NURSE_VISIT_${response}`,
      recordKind: "NURSE_VISIT",
      recordId: visit.id,
      ...(input.message ? { details: { message: input.message } } : {}),
    });
    return updated;
  },
});

// ── completing: acts and nurse-only notes ──

defineMutation("completeNurseVisit", {
  description:
    "The visit's nurse records the acts performed (visible with the logistics) and clinical notes and results (her organisation's nurses only): an accepted visit, or one the worker recorded after it happened (confirming it).",
  authScopes: { writesOwn: "CLINICAL_NOTE" },
  input: completeNurseVisitInput,
  errors: [InvalidTransitionError],
  payload: { visit: NurseVisitNode },
  resolve: async (input, ctx) => {
    const visit = await ownRecordOrNotFound(ctx, "NurseVisit", input.visitId, (where) =>
      ctx.tx.nurseVisit.findFirst({
        // Only the visit's nurse completes it and writes its clinical notes.
        where: { ...where, nurseId: ctx.viewer.userId },
        include: { persons: { select: { personId: true } } },
      }),
    );
    // An accepted visit, or one the worker recorded after it happened: confirming it is completing it.
    if (!(completableVisitStatuses as readonly string[]).includes(visit.status))
      throw new InvalidTransitionError(ctx.locale, visit.status, "COMPLETED");
    const confirming = visit.status === "AWAITING_CONFIRMATION";
    if (visit.plannedStart.getTime() > ctx.now.getTime() + 3_600_000)
      throw fieldProblem(ctx.locale, "visitId", "TOO_FAR_IN_FUTURE");
    const visitPersons = new Set(visit.persons.map((p) => p.personId));
    const notes = (input.notes ?? []).map((note, index) => {
      const personId = note.personId ? decodeId(note.personId, "Person") : null;
      if (note.personId && (!personId || !visitPersons.has(personId))) {
        throw fieldProblem(ctx.locale, `notes.${index}.personId`, "NOT_FOUND");
      }
      return { personId, body: note.body, results: note.results || null };
    });
    await ctx.tx.clinicalAct.createMany({
      data: input.acts.map((act) => ({
        nurseVisitId: visit.id,
        organisationId: visit.organisationId,
        kind: act.kind,
        count: act.count,
      })),
    });
    await ctx.tx.clinicalNote.createMany({
      data: notes.map((note) => ({
        ...note,
        nurseVisitId: visit.id,
        organisationId: visit.organisationId,
        authorId: ctx.viewer.userId,
      })),
    });
    const updated = await ctx.tx.nurseVisit.update({
      where: { id: visit.id },
      data: { status: "COMPLETED" },
    });
    await notify(
      ctx,
      visit.workerOrganisationId,
      visit.workerId,
      confirming ? "NURSE_VISIT_CONFIRMED" : "NURSE_VISIT_COMPLETED",
      visit.id,
    );
    if (confirming) {
      await auditViewerAction(ctx, {
        action: "NURSE_VISIT_CONFIRMED",
        recordKind: "NURSE_VISIT",
        recordId: visit.id,
        details: { occurredAt: visit.plannedStart.toISOString() },
      });
    }
    return updated;
  },
});
