/**
 * Writing a shift report: recorded by the viewer for the acting organisation, changed whole or
 * removed by its author or a coordinator (mayChangeShiftReport; RLS holds the same rule). Every
 * member, venue and partner it names is checked first — a member of the organisation, one of its
 * venues, an organisation of one of its partnerships — and a wrong one is a field error at its
 * place in the input, with nothing written.
 */
import { mayChangeShiftReport, shiftTimesProblem } from "@maillage/domain";
import { recordShiftReportInput, updateShiftReportInput } from "@maillage/domain/inputs";
import type { z } from "zod";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import { visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { dateCorrections, recordDateRule } from "../programme-settings/record-dates.ts";
import { ShiftReportNode } from "./shift-reports.types.ts";

type ShiftReportInput = z.output<typeof recordShiftReportInput>;

/** The first position of `wanted` whose value `found` lacks, or -1. */
function firstMissing(wanted: (string | null)[], found: Set<string>): number {
  return wanted.findIndex((id) => id === null || !found.has(id));
}

/**
 * What the report's parts are, checked against the acting organisation. `kept` are the members
 * already on the report being changed: a member who has left since stays on her past shifts.
 */
async function resolveShiftReport(ctx: ActingContext, input: ShiftReportInput, kept: string[] = []) {
  const organisationId = ctx.viewer.organisationId;
  const problem = shiftTimesProblem(input.startsAt, input.endsAt, await recordDateRule(ctx));
  if (problem) throw fieldProblem(ctx.locale, problem.path, problem.code, problem.limit);

  const memberIds = input.memberIds;
  if (memberIds.length > 0) {
    const members = await ctx.tx.membership.findMany({
      where: {
        organisationId,
        userId: { in: memberIds },
        OR: [{ endedAt: null }, { userId: { in: kept } }],
      },
      select: { userId: true },
    });
    const missing = firstMissing(memberIds, new Set(members.map((member) => member.userId)));
    if (missing >= 0) throw fieldProblem(ctx.locale, `memberIds.${missing}`, "NOT_FOUND");
  }

  const venueIds = input.venueIds.map((id) => decodeId(id, "Venue"));
  if (venueIds.length > 0) {
    const venues = await ctx.tx.venue.findMany({
      where: {
        id: { in: venueIds.filter((id): id is string => id !== null) },
        organisationId,
        AND: [visibleVenueWhere(ctx.viewer)],
      },
      select: { id: true },
    });
    const missing = firstMissing(venueIds, new Set(venues.map((venue) => venue.id)));
    if (missing >= 0) throw fieldProblem(ctx.locale, `venueIds.${missing}`, "NOT_FOUND");
  }

  const partners = (input.partners ?? []).map((partner) => ({
    partnerOrganisationId: partner.organisationId ? decodeId(partner.organisationId, "Organisation") : null,
    name: partner.organisationId ? null : (partner.name ?? null),
    interventions: partner.interventions ?? 1,
    named: Boolean(partner.organisationId),
  }));
  const partnerIds = partners.filter((p) => p.named).map((p) => p.partnerOrganisationId);
  if (partnerIds.length > 0) {
    // An organisation sharing one of the acting organisation's partnerships, never itself.
    const found = await ctx.tx.organisation.findMany({
      where: {
        id: { in: partnerIds.filter((id): id is string => id !== null && id !== organisationId) },
        partnerships: { some: { partnership: { members: { some: { organisationId } } } } },
      },
      select: { id: true },
    });
    const known = new Set(found.map((organisation) => organisation.id));
    const wrong = partners.findIndex(
      (p) => p.named && (p.partnerOrganisationId === null || !known.has(p.partnerOrganisationId)),
    );
    if (wrong >= 0) throw fieldProblem(ctx.locale, `partners.${wrong}.organisationId`, "NOT_A_PARTNER");
  }

  return {
    report: { startsAt: input.startsAt, endsAt: input.endsAt },
    parts: (shiftReportId: string) => ({
      members: memberIds.map((userId) => ({ shiftReportId, organisationId, userId })),
      venues: venueIds.map((venueId) => ({ shiftReportId, organisationId, venueId: venueId ?? "" })),
      partners: partners.map(({ partnerOrganisationId, name, interventions }) => ({
        shiftReportId,
        organisationId,
        partnerOrganisationId,
        name,
        interventions,
      })),
      handoverNote: input.handoverNote ? { shiftReportId, organisationId, body: input.handoverNote } : null,
    }),
  };
}

/** Writes the report's parts (members, venues, partners, handover note): one statement each. */
async function writeParts(
  ctx: ActingContext,
  parts: ReturnType<Awaited<ReturnType<typeof resolveShiftReport>>["parts"]>,
) {
  if (parts.members.length > 0) await ctx.tx.shiftReportMember.createMany({ data: parts.members });
  if (parts.venues.length > 0) await ctx.tx.shiftReportVenue.createMany({ data: parts.venues });
  if (parts.partners.length > 0) await ctx.tx.shiftReportPartner.createMany({ data: parts.partners });
  if (parts.handoverNote) await ctx.tx.shiftHandoverNote.create({ data: parts.handoverNote });
}

defineMutation("recordShiftReport", {
  description:
    "Tonight's shift report (or a past shift's): the team, the venues visited — whose last visit follows — the partners alongside and the handover notes for the next shift.",
  authScopes: { writesOwn: "SHIFT_REPORT" },
  input: recordShiftReportInput,
  payload: { shiftReport: ShiftReportNode },
  resolve: async (input, ctx) => {
    const { report, parts } = await resolveShiftReport(ctx, input);
    const created = await ctx.tx.shiftReport.create({
      data: { ...report, organisationId: ctx.viewer.organisationId, authorId: ctx.viewer.userId },
      select: { id: true },
    });
    await writeParts(ctx, parts(created.id));
    return ctx.tx.shiftReport.findUniqueOrThrow({ where: { id: created.id } });
  },
});

/** A report of the acting organisation the viewer may change, or not found. */
async function changeableShiftReport(ctx: ActingContext, globalId: string) {
  const report = await ownRecordOrNotFound(ctx, "ShiftReport", globalId, (where) =>
    ctx.tx.shiftReport.findFirst({
      where,
      select: {
        id: true,
        authorId: true,
        startsAt: true,
        endsAt: true,
        members: { select: { userId: true } },
      },
    }),
  );
  // Someone else's report (and not a coordinator): the same answer as a missing one.
  if (!mayChangeShiftReport(ctx.viewer, report)) throw new NotFoundError(ctx.locale);
  return report;
}

defineMutation("updateShiftReport", {
  description: "Its author or a coordinator; its members, venues, partners and note are replaced. Audited.",
  authScopes: { writesOwn: "SHIFT_REPORT" },
  input: updateShiftReportInput,
  payload: { shiftReport: ShiftReportNode },
  resolve: async ({ id: globalId, ...input }, ctx) => {
    const current = await changeableShiftReport(ctx, globalId);
    const { report, parts } = await resolveShiftReport(
      ctx,
      input,
      current.members.map((member) => member.userId),
    );
    const where = { shiftReportId: current.id };
    await ctx.tx.shiftReportMember.deleteMany({ where });
    await ctx.tx.shiftReportVenue.deleteMany({ where });
    await ctx.tx.shiftReportPartner.deleteMany({ where });
    await ctx.tx.shiftHandoverNote.deleteMany({ where });
    await ctx.tx.shiftReport.update({ where: { id: current.id }, data: report, select: { id: true } });
    await writeParts(ctx, parts(current.id));
    // A corrected time is kept with the event, before and after.
    const corrected = dateCorrections({
      startsAt: { from: { at: current.startsAt }, to: { at: report.startsAt } },
      endsAt: { from: { at: current.endsAt }, to: { at: report.endsAt } },
    });
    await auditViewerAction(ctx, {
      action: "SHIFT_REPORT_UPDATED",
      recordKind: "SHIFT_REPORT",
      recordId: current.id,
      ...(corrected ? { details: { dates: corrected } } : {}),
    });
    return ctx.tx.shiftReport.findUniqueOrThrow({ where: { id: current.id } });
  },
});

const DeleteShiftReportResult = builder
  .objectRef<{ deletedId: string }>("DeleteShiftReportSuccess")
  .implement({ fields: (t) => ({ deletedId: t.exposeID("deletedId") }) });

defineMutation("deleteShiftReport", {
  description: "Its author or a coordinator; the venues it visited lose that visit. Audited.",
  authScopes: { writesOwn: "SHIFT_REPORT" },
  idArgs: (arg) => ({ id: arg.id({ required: true }) }),
  type: DeleteShiftReportResult,
  resolve: async (_input, ctx, args) => {
    const report = await changeableShiftReport(ctx, args.id);
    await ctx.tx.shiftReport.delete({ where: { id: report.id } });
    await auditViewerAction(ctx, {
      action: "SHIFT_REPORT_DELETED",
      recordKind: "SHIFT_REPORT",
      recordId: report.id,
    });
    return { deletedId: args.id };
  },
});
