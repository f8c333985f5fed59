import { z } from "zod";
import {
  deidentificationReasons,
  incidentInformationCategories,
  incidentPersonCategories,
  retentionYearsRange,
} from "../privacy.ts";
import { columnLengths } from "./column-lengths.ts";
import { withFieldCode } from "./field-problems.ts";
import { calendarDate, named, optionalText, recordId, requiredText } from "./fields.ts";

/** A coordinator sets how long the acting organisation keeps a file without activity. */
export const setRetentionPeriodInput = z.object({
  retentionYears: z
    .number()
    .int()
    .min(retentionYearsRange.min)
    .max(retentionYearsRange.max)
    .nullable()
    .describe(
      "Years without activity after which a file is de-identified (1–30); null: files are never de-identified by the retention job.",
    ),
});

export const deidentificationReason = named("DeidentificationReason", z.enum(deidentificationReasons));

/**
 * A coordinator de-identifies one file now (at the person's request, usually): confirmed by
 * typing the file's alias, with a reason. The reason is audited by its code: no free text, which
 * could name her.
 */
export const deidentifyPersonInput = z.object({
  personId: recordId().min(1),
  reason: deidentificationReason,
  confirmAlias: requiredText(columnLengths["Person.alias"]).describe(
    "The file's alias, typed again to confirm.",
  ),
});

export const incidentInformationCategory = named(
  "IncidentInformationCategory",
  z.enum(incidentInformationCategories),
);
export const incidentPersonCategory = named("IncidentPersonCategory", z.enum(incidentPersonCategories));

const incidentFields = z.object({
  whatHappened: requiredText(columnLengths["ConfidentialityIncident.whatHappened"]).describe(
    "The circumstances, briefly.",
  ),
  informationInvolved: requiredText(columnLengths["ConfidentialityIncident.informationInvolved"]).describe(
    "The personal information concerned (or why it is not known).",
  ),
  informationCategories: z.array(incidentInformationCategory).max(incidentInformationCategories.length),
  occurredFrom: calendarDate().describe("When it happened (or began), as closely as known."),
  occurredUntil: calendarDate().nullable().optional().describe("When it ended, for a period."),
  discoveredOn: calendarDate().describe("When the organisation learned of it."),
  personsAffected: z.number().int().min(0).max(10_000_000).describe("How many persons (or an estimate)."),
  personCategories: z.array(incidentPersonCategory).max(incidentPersonCategories.length),
  seriousHarmRisk: z.boolean().describe("Whether the incident presents a risk of serious injury."),
  riskAssessment: requiredText(columnLengths["ConfidentialityIncident.riskAssessment"]).describe(
    "Why: the information's sensitivity, its likely misuse, the consequences foreseen.",
  ),
  measuresTaken: optionalText(columnLengths["ConfidentialityIncident.measuresTaken"]).describe(
    "What was done to reduce the risk of harm.",
  ),
  commissionNotifiedOn: calendarDate()
    .nullable()
    .optional()
    .describe("When the Commission d'accès à l'information was notified."),
  personsNotifiedOn: calendarDate()
    .nullable()
    .optional()
    .describe("When the persons concerned were notified."),
  notificationDetails: optionalText(columnLengths["ConfidentialityIncident.notificationDetails"]).describe(
    "How the persons were told (a public notice? why), or why they were not.",
  ),
});

function datesInOrder(
  incident: { occurredFrom: Date; occurredUntil?: Date | null | undefined; discoveredOn: Date },
  context: z.RefinementCtx,
) {
  if (incident.occurredUntil && incident.occurredUntil < incident.occurredFrom) {
    context.addIssue({ code: "custom", path: ["occurredUntil"], ...withFieldCode("BEFORE_START") });
  }
  if (incident.discoveredOn < incident.occurredFrom) {
    context.addIssue({ code: "custom", path: ["discoveredOn"], ...withFieldCode("BEFORE_START") });
  }
}

/** A coordinator or an org admin enters an incident in the register. */
export const recordConfidentialityIncidentInput = incidentFields.superRefine(datesInOrder);

/** The same, correcting or completing an entry (the notifications made since, often). */
export const updateConfidentialityIncidentInput = incidentFields
  .extend({ incidentId: recordId().min(1) })
  .superRefine(datesInOrder);
