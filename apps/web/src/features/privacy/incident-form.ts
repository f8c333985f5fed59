/**
 * The incident form as the page holds it (days as the date boxes have them, the count as typed),
 * read into the API's own input schema (recordConfidentialityIncidentInput, the one the API parses):
 * every rule — required text, lengths, days in order — is the API's, shown as it is typed.
 */
import {
  incidentInformationCategory,
  incidentPersonCategory,
  recordConfidentialityIncidentInput,
} from "@maillage/domain/inputs";
import { z } from "zod";
import type { ConfidentialityIncident } from "./privacy.graphql.ts";

/** A `date` box's day as the API's `Date` (UTC midnight, as it stores it); undefined when empty. */
function dayOf(text: string): Date | undefined {
  return text ? new Date(`${text}T00:00:00.000Z`) : undefined;
}

const formFields = z.object({
  whatHappened: z.string(),
  informationInvolved: z.string(),
  informationCategories: z.array(incidentInformationCategory),
  occurredFrom: z.string(),
  occurredUntil: z.string(),
  discoveredOn: z.string(),
  personsAffected: z.string(),
  personCategories: z.array(incidentPersonCategory),
  seriousHarmRisk: z.boolean(),
  riskAssessment: z.string(),
  measuresTaken: z.string(),
  commissionNotifiedOn: z.string(),
  personsNotifiedOn: z.string(),
  notificationDetails: z.string(),
});

/** What the API's schema reads: each of its fields, of any type until it checks them. */
type Unchecked = { [K in keyof z.input<typeof recordConfidentialityIncidentInput>]: unknown };

/** The form's values, read as the API's input (the same field names: its problems land on them). */
export const incidentForm = formFields
  .transform(
    (values): Unchecked => ({
      ...values,
      occurredFrom: dayOf(values.occurredFrom),
      occurredUntil: dayOf(values.occurredUntil) ?? null,
      discoveredOn: dayOf(values.discoveredOn),
      personsAffected:
        values.personsAffected.trim() === "" ? undefined : Number(values.personsAffected.trim()),
      measuresTaken: values.measuresTaken.trim() || null,
      commissionNotifiedOn: dayOf(values.commissionNotifiedOn) ?? null,
      personsNotifiedOn: dayOf(values.personsNotifiedOn) ?? null,
      notificationDetails: values.notificationDetails.trim() || null,
    }),
  )
  .pipe(recordConfidentialityIncidentInput);

export type IncidentValues = z.input<typeof incidentForm>;
export type IncidentOutput = z.output<typeof incidentForm>;

const isoDayOf = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/** The API's input (GraphQL `Date` is a YYYY-MM-DD day). */
export function incidentInputOf(values: IncidentOutput) {
  return {
    ...values,
    occurredFrom: isoDayOf(values.occurredFrom) ?? "",
    occurredUntil: isoDayOf(values.occurredUntil),
    discoveredOn: isoDayOf(values.discoveredOn) ?? "",
    measuresTaken: values.measuresTaken ?? null,
    commissionNotifiedOn: isoDayOf(values.commissionNotifiedOn),
    personsNotifiedOn: isoDayOf(values.personsNotifiedOn),
    notificationDetails: values.notificationDetails ?? null,
  };
}

/** An empty entry: discovered today (the usual case: it is entered when it is learned). */
export function newIncidentValues(today: string): IncidentValues {
  return {
    whatHappened: "",
    informationInvolved: "",
    informationCategories: [],
    occurredFrom: "",
    occurredUntil: "",
    discoveredOn: today,
    personsAffected: "",
    personCategories: [],
    seriousHarmRisk: false,
    riskAssessment: "",
    measuresTaken: "",
    commissionNotifiedOn: "",
    personsNotifiedOn: "",
    notificationDetails: "",
  };
}

/** An entry of the register, in the form (to complete it: the notices made since, often). */
export function incidentValuesOf(incident: ConfidentialityIncident): IncidentValues {
  return {
    whatHappened: incident.whatHappened,
    informationInvolved: incident.informationInvolved,
    informationCategories: [...incident.informationCategories],
    occurredFrom: incident.occurredFrom,
    occurredUntil: incident.occurredUntil ?? "",
    discoveredOn: incident.discoveredOn,
    personsAffected: String(incident.personsAffected),
    personCategories: [...incident.personCategories],
    seriousHarmRisk: incident.seriousHarmRisk,
    riskAssessment: incident.riskAssessment,
    measuresTaken: incident.measuresTaken ?? "",
    commissionNotifiedOn: incident.commissionNotifiedOn ?? "",
    personsNotifiedOn: incident.personsNotifiedOn ?? "",
    notificationDetails: incident.notificationDetails ?? "",
  };
}
