import { ClinicalActKind, NurseVisitStatus } from "@maillage/db";
import {
  readsVisitReason,
  visibleClinicalNoteWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { PlaceTypeEnum } from "../encounters/encounters.types.ts";
import { PersonNode } from "../persons/persons.types.ts";

export const NurseVisitStatusEnum = builder.enumType(NurseVisitStatus, { name: "NurseVisitStatus" });
export const ClinicalActKindEnum = builder.enumType(ClinicalActKind, { name: "ClinicalActKind" });

const ClinicalActRef = builder.prismaObject("ClinicalAct", {
  fields: (t) => ({
    kind: t.expose("kind", { type: ClinicalActKindEnum }),
    count: t.exposeInt("count"),
  }),
});

/** Clinical notes and results: nurses of the organisation that owns the visit, only. */
export const ClinicalNoteNode = builder.prismaNode("ClinicalNote", {
  id: { field: "id" },
  authScopes: { role: "NURSE" },
  findUnique: (id, ctx) => ({ id, AND: [visibleClinicalNoteWhere(ctx.viewer)] }),
  fields: (t) => ({
    body: t.exposeString("body"),
    results: t.exposeString("results", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/**
 * A joint visit's logistics and the kinds of acts performed: the owning public-health
 * organisation, the co-visiting worker's organisation and consented partners. Clinical notes
 * and results resolve for the owner's nurses only (an empty list for anyone else).
 */
export const NurseVisitNode = builder.prismaNode("NurseVisit", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleNurseVisitWhere(ctx.viewer, ctx.now)] }),
  fields: (t) => ({
    placeType: t.expose("placeType", { type: PlaceTypeEnum }),
    plannedStart: t.expose("plannedStart", { type: "DateTime" }),
    plannedEnd: t.expose("plannedEnd", { type: "DateTime" }),
    status: t.expose("status", { type: NurseVisitStatusEnum }),
    recordedAfter: t.exposeBoolean("recordedAfter", {
      description:
        "Recorded after it happened, without propose/accept (by the nurse, or by the worker for the nurse to confirm).",
    }),
    reason: t.string({
      nullable: true,
      description:
        "Free text: the two organisations taking part in the visit only, never a consented partner.",
      select: { reason: { select: { body: true } } },
      authScopes: (visit, _args, ctx) => readsVisitReason(ctx.viewer, visit),
      unauthorizedResolver: () => null,
      resolve: (visit) => visit.reason?.body ?? null,
    }),
    meetingPlace: t.string({
      nullable: true,
      description:
        "Where and how the nurse meets the worker and the person. Free text: the two organisations taking part in the visit only, never a consented partner.",
      select: { meetingPlace: { select: { body: true } } },
      authScopes: (visit, _args, ctx) => readsVisitReason(ctx.viewer, visit),
      unauthorizedResolver: () => null,
      resolve: (visit) => visit.meetingPlace?.body ?? null,
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    proposedByViewer: t.boolean({
      description: "Whether the current proposal is the viewer's (then the other side answers it).",
      resolve: (visit, _args, ctx) => visit.proposedById === ctx.viewer?.userId,
    }),
    viewerRole: t.string({
      nullable: true,
      description: "NURSE or WORKER when the viewer is one of the two people of the visit.",
      resolve: (visit, _args, ctx) =>
        visit.nurseId === ctx.viewer?.userId
          ? "NURSE"
          : visit.workerId === ctx.viewer?.userId
            ? "WORKER"
            : null,
    }),
    nurseName: t.string({
      nullable: true,
      resolve: async (visit, _args, ctx) =>
        visit.nurseId
          ? ((await ctx.tx.user.findUnique({ where: { id: visit.nurseId }, select: { displayName: true } }))
              ?.displayName ?? null)
          : null,
    }),
    workerName: t.string({
      nullable: true,
      resolve: async (visit, _args, ctx) =>
        (await ctx.tx.user.findUnique({ where: { id: visit.workerId }, select: { displayName: true } }))
          ?.displayName ?? null,
    }),
    organisation: t.relation("organisation"),
    workerOrganisation: t.relation("workerOrganisation"),
    // In the enum's order: without an ORDER BY the database may answer in any order.
    acts: t.relation("acts", { type: ClinicalActRef, query: { orderBy: { kind: "asc" } } }),
    persons: t.prismaField({
      type: [PersonNode],
      resolve: (query, visit, _args, ctx) =>
        ctx.tx.person.findMany({
          ...query,
          where: {
            nurseVisits: { some: { nurseVisitId: visit.id } },
            AND: [visiblePersonWhere(ctx.viewer, ctx.now)],
          },
        }),
    }),
    clinicalNotes: t.prismaField({
      type: [ClinicalNoteNode],
      authScopes: { role: "NURSE" },
      unauthorizedResolver: () => [],
      resolve: (query, visit, _args, ctx) =>
        ctx.tx.clinicalNote.findMany({
          ...query,
          where: { nurseVisitId: visit.id, AND: [visibleClinicalNoteWhere(ctx.viewer)] },
          orderBy: { createdAt: "asc" },
        }),
    }),
  }),
});
