/**
 * The confidentiality-incident register (Law 25 s. 3.8; Regulation respecting confidentiality
 * incidents, s. 11): what happened, when it happened and was discovered, the information and the
 * persons concerned (a count and categories, never names), the risk of serious injury and why,
 * the measures taken, the notices to the Commission d'accès à l'information and to the persons.
 * Kept by the organisation's coordinators and org admins (KEEP_INCIDENT_REGISTER; policy
 * confidentiality_incidents_kept_by_privacy_officers), at least five years after discovery: there
 * is no delete, and a trigger refuses one before then to anyone. Entries and changes are audited
 * (INCIDENT_RECORDED, INCIDENT_UPDATED with the fields changed, not their text).
 */
import type { Prisma } from "@maillage/db";
import { incidentKeptUntil, isoDay } from "@maillage/domain";
import {
  incidentInformationCategory,
  incidentPersonCategory,
  recordConfidentialityIncidentInput,
  updateConfidentialityIncidentInput,
} from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import { NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";

const InformationCategoryEnum = builder.enumType("IncidentInformationCategory", {
  values: incidentInformationCategory.options,
});
const PersonCategoryEnum = builder.enumType("IncidentPersonCategory", {
  values: incidentPersonCategory.options,
});

type InformationCategory = (typeof incidentInformationCategory.options)[number];
type PersonCategory = (typeof incidentPersonCategory.options)[number];

export const ConfidentialityIncidentNode = builder.prismaNode("ConfidentialityIncident", {
  id: { field: "id" },
  authScopes: { takesAction: "KEEP_INCIDENT_REGISTER" },
  findUnique: (id, ctx) => ({
    id,
    organisationId: ctx.viewer?.organisationId ?? "00000000-0000-0000-0000-000000000000",
  }),
  fields: (t) => ({
    whatHappened: t.exposeString("whatHappened"),
    informationInvolved: t.exposeString("informationInvolved"),
    informationCategories: t.field({
      type: [InformationCategoryEnum],
      resolve: (incident) => incident.informationCategories as InformationCategory[],
    }),
    occurredFrom: t.expose("occurredFrom", { type: "Date" }),
    occurredUntil: t.expose("occurredUntil", { type: "Date", nullable: true }),
    discoveredOn: t.expose("discoveredOn", { type: "Date" }),
    personsAffected: t.exposeInt("personsAffected"),
    personCategories: t.field({
      type: [PersonCategoryEnum],
      resolve: (incident) => incident.personCategories as PersonCategory[],
    }),
    seriousHarmRisk: t.exposeBoolean("seriousHarmRisk"),
    riskAssessment: t.exposeString("riskAssessment"),
    measuresTaken: t.exposeString("measuresTaken", { nullable: true }),
    commissionNotifiedOn: t.expose("commissionNotifiedOn", { type: "Date", nullable: true }),
    personsNotifiedOn: t.expose("personsNotifiedOn", { type: "Date", nullable: true }),
    notificationDetails: t.exposeString("notificationDetails", { nullable: true }),
    keptUntil: t.field({
      type: "Date",
      description: "The register keeps it at least until this day (five years after discovery).",
      resolve: (incident) => new Date(`${incidentKeptUntil(isoDay(incident.discoveredOn))}T00:00:00.000Z`),
    }),
    notificationsDue: t.boolean({
      description:
        "A risk of serious injury with the Commission or the persons not yet notified: the law asks it promptly.",
      resolve: (incident) =>
        incident.seriousHarmRisk && (!incident.commissionNotifiedOn || !incident.personsNotifiedOn),
    }),
    recordedBy: t.string({
      nullable: true,
      description: "Who entered it (a member of the organisation).",
      resolve: async (incident, _args, ctx) =>
        (
          await ctx.tx.user.findUnique({
            where: { id: incident.recordedById },
            select: { displayName: true },
          })
        )?.displayName ?? null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.queryField("confidentialityIncidents", (t) =>
  t.withAuth({ takesAction: "KEEP_INCIDENT_REGISTER" }).prismaConnection({
    type: "ConfidentialityIncident",
    cursor: "id",
    description: "The acting organisation's register, latest discovered first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.tx.confidentialityIncident.findMany({
        ...query,
        where: { organisationId: ctx.viewer.organisationId },
        orderBy: [{ discoveredOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

type IncidentInput = typeof recordConfidentialityIncidentInput._zod.output;

function incidentData(input: IncidentInput) {
  return {
    whatHappened: input.whatHappened,
    informationInvolved: input.informationInvolved,
    informationCategories: [...new Set(input.informationCategories)],
    occurredFrom: input.occurredFrom,
    occurredUntil: input.occurredUntil ?? null,
    discoveredOn: input.discoveredOn,
    personsAffected: input.personsAffected,
    personCategories: [...new Set(input.personCategories)],
    seriousHarmRisk: input.seriousHarmRisk,
    riskAssessment: input.riskAssessment,
    measuresTaken: input.measuresTaken ?? null,
    commissionNotifiedOn: input.commissionNotifiedOn ?? null,
    personsNotifiedOn: input.personsNotifiedOn ?? null,
    notificationDetails: input.notificationDetails ?? null,
  };
}

/** The names of the fields an update changed (the audit keeps which, not their text). */
function changedFields(
  before: Prisma.ConfidentialityIncidentGetPayload<Record<string, never>>,
  after: ReturnType<typeof incidentData>,
): string[] {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date
      ? a.getTime() === b.getTime()
      : JSON.stringify(a) === JSON.stringify(b);
  return (Object.keys(after) as (keyof typeof after)[]).filter((key) => !same(before[key], after[key]));
}

defineMutation("recordConfidentialityIncident", {
  description: "Enters a confidentiality incident in the acting organisation's register. Audited.",
  authScopes: { takesAction: "KEEP_INCIDENT_REGISTER" },
  input: recordConfidentialityIncidentInput,
  payload: { incident: ConfidentialityIncidentNode },
  resolve: async (input, ctx) => {
    const incident = await ctx.tx.confidentialityIncident.create({
      data: {
        organisationId: ctx.viewer.organisationId,
        recordedById: ctx.viewer.userId,
        ...incidentData(input),
      },
    });
    await auditViewerAction(ctx, {
      action: "INCIDENT_RECORDED",
      recordKind: "INCIDENT",
      recordId: incident.id,
      details: { seriousHarmRisk: incident.seriousHarmRisk, personsAffected: incident.personsAffected },
    });
    return incident;
  },
});

defineMutation("updateConfidentialityIncident", {
  description: "Corrects or completes an entry of the register (the notifications made since). Audited.",
  authScopes: { takesAction: "KEEP_INCIDENT_REGISTER" },
  input: updateConfidentialityIncidentInput,
  payload: { incident: ConfidentialityIncidentNode },
  resolve: async (input, ctx) => {
    const id = decodeId(input.incidentId, "ConfidentialityIncident");
    const before = id
      ? await ctx.tx.confidentialityIncident.findFirst({
          where: { id, organisationId: ctx.viewer.organisationId },
        })
      : null;
    if (!before) throw new NotFoundError(ctx.locale);
    const data = incidentData(input);
    const incident = await ctx.tx.confidentialityIncident.update({ where: { id: before.id }, data });
    await auditViewerAction(ctx, {
      action: "INCIDENT_UPDATED",
      recordKind: "INCIDENT",
      recordId: incident.id,
      details: { changed: changedFields(before, data) },
    });
    return incident;
  },
});
