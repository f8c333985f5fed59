/**
 * Joint visits recorded after they happened (issue 16 item 2): the worker and the nurse went
 * together without booking first, or the visit was never entered. No propose/accept steps:
 * - the nurse records it (recordPastNurseVisit) with its persons, place, times, the worker who
 *   came and her acts and notes: it is COMPLETED at once;
 * - the worker records it for the nurse to confirm (submitPastNurseVisit): AWAITING_CONFIRMATION,
 *   with a notice to the nurse like a proposal; the nurse confirms it with her acts (only she
 *   records them: completeNurseVisit) or declines it (respondToNurseVisit DECLINE), and the
 *   worker may withdraw it (CANCEL).
 * Both are `recordedAfter`, dated by the rule of records of what happened (packages/domain
 * record-dates.ts: from the organisation's start date, not in the future), and rest on the same
 * consent as a booking: each person is the worker's organisation's and a consent in force names
 * the nurse's organisation (booking-consents.ts, consent-checks.ts; row-level security holds it
 * too, nurse_visit_persons_booked_with_consent). Overlaps are checked like a booking's, against
 * completed and awaiting visits too (scheduling.ts refuseDoubleBooking).
 */
import type { Organisation, Prisma } from "@maillage/db/prisma";
import {
  aliasSearchKey,
  happenedAtProblem,
  isLateEntry,
  isoDay,
  type RecordDateRule,
  visitLimits,
} from "@maillage/domain";
import { recordPastNurseVisitInput, submitPastNurseVisitInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { consentCoveringReceiver } from "../../access/consent-checks.ts";
import { ownPersonId } from "../../access/own-records.ts";
import {
  personSharedWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { ConsentRequiredError, DoubleBookingError, fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { OrganisationNode } from "../organisations/organisations.types.ts";
import { PersonNode } from "../persons/persons.types.ts";
import { checkHappenedAt, refuseDate } from "../programme-settings/record-dates.ts";
import { NurseVisitNode } from "./nurse-visits.types.ts";
import { partnerNurses, refuseDoubleBooking } from "./scheduling.ts";

const minuteMs = 60_000;

/** The date rule (record-dates.ts) of the organisation that owns the visit: the nurse's. */
async function owningOrganisationRule(ctx: ActingContext, organisationId: string): Promise<RecordDateRule> {
  const row = await ctx.tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { startedOn: true, timeZone: true },
  });
  return { startedOn: isoDay(row.startedOn), timeZone: row.timeZone, now: ctx.now };
}

/**
 * A visit that took place: it began on or after the start date of the acting organisation and of
 * the visit's (nurse's) organisation — the record goes into both histories — and ended by now;
 * its length within the visits' limits.
 */
async function checkPastTimes(ctx: ActingContext, start: Date, end: Date, owningOrganisationId: string) {
  await checkHappenedAt(ctx, "start", start);
  if (owningOrganisationId !== ctx.viewer.organisationId) {
    refuseDate(
      ctx,
      "start",
      happenedAtProblem(start, await owningOrganisationRule(ctx, owningOrganisationId)),
    );
  }
  if (end <= start) throw fieldProblem(ctx.locale, "end", "BEFORE_START");
  const minutes = (end.getTime() - start.getTime()) / minuteMs;
  if (minutes < visitLimits.minDurationMinutes) throw fieldProblem(ctx.locale, "end", "TOO_SMALL");
  if (minutes > visitLimits.maxDurationMinutes) throw fieldProblem(ctx.locale, "end", "TOO_LARGE");
  await checkHappenedAt(ctx, "end", end);
}

/** Members of the partner organisations who go on joint visits with a nurse (not the nurse's own). */
function partnerWorkersWhere(ctx: ActingContext): Prisma.MembershipWhereInput {
  const viewerOrganisation = ctx.viewer.organisationId;
  return {
    endedAt: null,
    roles: { hasSome: ["OUTREACH_WORKER", "COORDINATOR"] },
    organisation: {
      id: { not: viewerOrganisation },
      partnerships: {
        some: { partnership: { members: { some: { organisationId: viewerOrganisation } } } },
      },
    },
  };
}

/** The viewer, as a nurse of a public-health organisation of the partnership (as visits are booked). */
async function viewerIsVisitNurse(ctx: ActingContext): Promise<boolean> {
  const nurses = await partnerNurses(ctx, ctx.viewer.organisationId);
  return nurses.some((nurse) => nurse.user.id === ctx.viewer.userId);
}

// ── who and whom a visit recorded after it happened names ──

interface VisitColleagueShape {
  id: string;
  displayName: string;
  organisation: Organisation;
}

const JointVisitColleague = builder.objectRef<VisitColleagueShape>("JointVisitColleague").implement({
  description:
    "A member of a partner organisation who can be named on a joint visit recorded after it happened.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The user's id." }),
    displayName: t.exposeString("displayName"),
    organisation: t.field({ type: OrganisationNode, resolve: (colleague) => colleague.organisation }),
  }),
});

builder.queryField("jointVisitWorkers", (t) =>
  t.withAuth({ writesOwn: "CLINICAL_NOTE" }).field({
    type: [JointVisitColleague],
    description:
      "For a nurse recording a visit that already happened: the outreach workers and coordinators of the partner organisations.",
    resolve: async (_root, _args, ctx) => {
      const memberships = await ctx.tx.membership.findMany({
        where: partnerWorkersWhere(ctx),
        select: { organisation: true, user: { select: { id: true, displayName: true } } },
        orderBy: [{ organisation: { name: "asc" } }, { user: { displayName: "asc" } }],
        take: 200,
      });
      return memberships.map((m) => ({ ...m.user, organisation: m.organisation }));
    },
  }),
);

builder.queryField("jointVisitNurses", (t) =>
  t.withAuth({ writesOwn: "NURSE_VISIT" }).field({
    type: [JointVisitColleague],
    description:
      "For a worker recording a visit that already happened: the nurses of the partnership's public-health organisations.",
    resolve: async (_root, _args, ctx) => {
      const nurses = await partnerNurses(ctx);
      const organisations = new Map(
        (
          await ctx.tx.organisation.findMany({
            where: { id: { in: [...new Set(nurses.map((nurse) => nurse.organisationId))] } },
          })
        ).map((organisation) => [organisation.id, organisation]),
      );
      return nurses.flatMap((nurse) => {
        const organisation = organisations.get(nurse.organisationId);
        return nurse.user.id === ctx.viewer.userId || !organisation ? [] : [{ ...nurse.user, organisation }];
      });
    },
  }),
);

/**
 * The persons of a partner organisation a nurse may name on a visit she records: shared with her
 * organisation by a consent in force for the profile (the rule a booking rests on).
 */
function nameableByNurseWhere(ctx: ActingContext, workerOrganisationId: string): Prisma.PersonWhereInput {
  return {
    organisationId: workerOrganisationId,
    AND: [
      visiblePersonWhere(ctx.viewer, ctx.now),
      personSharedWhere(ctx.viewer.organisationId, "PROFILE", ctx.now),
    ],
  };
}

builder.queryField("jointVisitPersons", (t) =>
  t.withAuth({ writesOwn: "CLINICAL_NOTE" }).prismaField({
    type: [PersonNode],
    description:
      "For a nurse recording a visit that already happened: persons of the worker's organisation whose consent names hers.",
    args: {
      workerOrganisationId: t.arg.id({ required: true }),
      search: t.arg.string({ required: false, description: "Part of an alias; accents and case ignored." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const organisationId = decodeId(String(args.workerOrganisationId), "Organisation");
      if (!organisationId || organisationId === ctx.viewer.organisationId) return [];
      const search = args.search ? aliasSearchKey(args.search).slice(0, 80) : "";
      return ctx.tx.person.findMany({
        ...query,
        where: {
          archivedAt: null,
          ...nameableByNurseWhere(ctx, organisationId),
          ...(search ? { aliasSearch: { contains: search } } : {}),
        },
        orderBy: [{ aliasSearch: "asc" }, { id: "asc" }],
        take: 8,
      });
    },
  }),
);

builder.queryField("visitsAwaitingConfirmation", (t) =>
  t.withAuth({ workingRole: true }).prismaField({
    type: [NurseVisitNode],
    description:
      "Visits a worker recorded after they happened, still awaiting the nurse's confirmation: the viewer's to confirm (her nurse's) or to wait for (her worker's), whatever their date.",
    resolve: (query, _root, _args, ctx) =>
      ctx.tx.nurseVisit.findMany({
        ...query,
        where: {
          status: "AWAITING_CONFIRMATION",
          OR: [{ nurseId: ctx.viewer.userId }, { workerId: ctx.viewer.userId }],
          AND: [visibleNurseVisitWhere(ctx.viewer, ctx.now)],
        },
        orderBy: { plannedStart: "desc" },
        take: 50,
      }),
  }),
);

// ── recording ──

/** The free texts of a visit, kept with the two organisations taking part (their own tables, RLS). */
function visitTexts(
  input: { reason?: string | null | undefined; meetingPlace?: string | null | undefined },
  organisationId: string,
  workerOrganisationId: string,
) {
  const owners = { organisationId, workerOrganisationId };
  return {
    ...(input.reason ? { reason: { create: { ...owners, body: input.reason } } } : {}),
    ...(input.meetingPlace ? { meetingPlace: { create: { ...owners, body: input.meetingPlace } } } : {}),
  };
}

defineMutation("recordPastNurseVisit", {
  description:
    "A nurse records a joint visit that already happened, without propose/accept: completed at once with her acts and notes. Each person is the worker's organisation's, shared with the nurse's by a consent. Audited (NURSE_VISIT_RECORDED_AFTER).",
  authScopes: { writesOwn: "CLINICAL_NOTE" },
  input: recordPastNurseVisitInput,
  errors: [DoubleBookingError],
  payload: { visit: NurseVisitNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const nurseId = ctx.viewer.userId;
    // A nurse of a public-health organisation of the partnership, as the nurses visits are booked with.
    if (!(await viewerIsVisitNurse(ctx))) throw new NotFoundError(ctx.locale);
    await checkPastTimes(ctx, input.start, input.end, organisationId);
    const workerOrganisationId = decodeId(input.workerOrganisationId, "Organisation");
    const worker = workerOrganisationId
      ? await ctx.tx.membership.findFirst({
          where: {
            userId: input.workerId,
            organisationId: workerOrganisationId,
            AND: [partnerWorkersWhere(ctx)],
          },
          select: { userId: true, organisationId: true },
        })
      : null;
    if (!worker) throw fieldProblem(ctx.locale, "workerId", "NOT_FOUND");
    const personIds: string[] = [];
    for (const [index, globalId] of input.personIds.entries()) {
      const id = decodeId(globalId, "Person");
      // Not shared with her organisation for the profile: she cannot know the person exists.
      const person = id
        ? await ctx.tx.person.findFirst({
            where: { id, ...nameableByNurseWhere(ctx, worker.organisationId) },
            select: { id: true },
          })
        : null;
      if (!person) throw fieldProblem(ctx.locale, `personIds.${index}`, "NOT_FOUND");
      personIds.push(person.id);
    }
    const notes = (input.notes ?? []).map((note, index) => {
      const personId = note.personId ? decodeId(note.personId, "Person") : null;
      if (note.personId && (!personId || !personIds.includes(personId))) {
        throw fieldProblem(ctx.locale, `notes.${index}.personId`, "NOT_FOUND");
      }
      return { personId, body: note.body, results: note.results || null };
    });
    await refuseDoubleBooking(ctx, [nurseId, worker.userId], { start: input.start, end: input.end });
    const visit = await ctx.tx.nurseVisit.create({
      data: {
        organisationId,
        nurseId,
        workerId: worker.userId,
        workerOrganisationId: worker.organisationId,
        placeType: input.placeType,
        plannedStart: input.start,
        plannedEnd: input.end,
        status: "COMPLETED",
        recordedAfter: true,
        proposedById: nurseId,
        ...visitTexts(input, organisationId, worker.organisationId),
        persons: { create: [...new Set(personIds)].map((personId) => ({ personId })) },
      },
    });
    await ctx.tx.clinicalAct.createMany({
      data: input.acts.map((act) => ({
        nurseVisitId: visit.id,
        organisationId,
        kind: act.kind,
        count: act.count,
      })),
    });
    await ctx.tx.clinicalNote.createMany({
      data: notes.map((note) => ({ ...note, nurseVisitId: visit.id, organisationId, authorId: nurseId })),
    });
    await ctx.tx.notification.createMany({
      data: [
        {
          organisationId: worker.organisationId,
          userId: worker.userId,
          kind: "NURSE_VISIT_RECORDED",
          recordId: visit.id,
        },
      ],
    });
    await auditViewerAction(ctx, {
      action: "NURSE_VISIT_RECORDED_AFTER",
      recordKind: "NURSE_VISIT",
      recordId: visit.id,
      details: { occurredAt: input.start.toISOString(), lateEntry: isLateEntry(input.start, ctx.now) },
    });
    return visit;
  },
});

defineMutation("submitPastNurseVisit", {
  description:
    "The worker records a joint visit that already happened, for the nurse to confirm with her acts (completeNurseVisit) or decline (respondToNurseVisit); the nurse is notified. Each person needs a consent naming the nurse's organisation. Audited (NURSE_VISIT_SUBMITTED_AFTER).",
  authScopes: { writesOwn: "NURSE_VISIT" },
  input: submitPastNurseVisitInput,
  errors: [ConsentRequiredError, DoubleBookingError],
  payload: { visit: NurseVisitNode },
  resolve: async (input, ctx) => {
    const workerOrganisationId = ctx.viewer.organisationId;
    const workerId = ctx.viewer.userId;
    const nurse = (await partnerNurses(ctx)).find((n) => n.user.id === input.nurseId);
    if (!nurse || nurse.user.id === workerId) throw fieldProblem(ctx.locale, "nurseId", "NOT_FOUND");
    await checkPastTimes(ctx, input.start, input.end, nurse.organisationId);
    const personIds: string[] = [];
    for (const [index, globalId] of input.personIds.entries()) {
      const personId = await ownPersonId(ctx, globalId, `personIds.${index}`);
      if (!(await consentCoveringReceiver(ctx, personId, nurse.organisationId)))
        throw new ConsentRequiredError(ctx.locale);
      personIds.push(personId);
    }
    await refuseDoubleBooking(ctx, [workerId, nurse.user.id], { start: input.start, end: input.end });
    const visit = await ctx.tx.nurseVisit.create({
      data: {
        organisationId: nurse.organisationId,
        nurseId: nurse.user.id,
        workerId,
        workerOrganisationId,
        placeType: input.placeType,
        plannedStart: input.start,
        plannedEnd: input.end,
        status: "AWAITING_CONFIRMATION",
        recordedAfter: true,
        proposedById: workerId,
        ...visitTexts(input, nurse.organisationId, workerOrganisationId),
        persons: { create: [...new Set(personIds)].map((personId) => ({ personId })) },
      },
    });
    // Like a proposal: the nurse is told in the app (the NURSE_VISIT_ notices, noticePrefixesFor).
    await ctx.tx.notification.createMany({
      data: [
        {
          organisationId: nurse.organisationId,
          userId: nurse.user.id,
          kind: "NURSE_VISIT_AWAITING_CONFIRMATION",
          recordId: visit.id,
        },
      ],
    });
    await auditViewerAction(ctx, {
      action: "NURSE_VISIT_SUBMITTED_AFTER",
      recordKind: "NURSE_VISIT",
      recordId: visit.id,
      details: { occurredAt: input.start.toISOString(), lateEntry: isLateEntry(input.start, ctx.now) },
    });
    return visit;
  },
});
