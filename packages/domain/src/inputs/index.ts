/**
 * Every mutation's input, declared once with zod: the API derives its GraphQL input types from
 * these schemas and validates with them (apps/api/src/mutations.ts); the web validates its forms
 * with the same ones before sending. Limits are the database's (column-lengths.ts).
 */
export * from "./accompaniments.ts";
export * from "./auth.ts";
export * from "./availability.ts";
export * from "./catalogues.ts";
export * from "./column-lengths.ts";
export * from "./consents.ts";
export * from "./deliveries.ts";
export * from "./devices.ts";
export * from "./encounters.ts";
export * from "./field-problems.ts";
export * from "./fields.ts";
export * from "./imports.ts";
export * from "./material-stock.ts";
export * from "./night-centre.ts";
export * from "./nurse-visits.ts";
export * from "./partnerships.ts";
export * from "./persons.ts";
export * from "./privacy.ts";
export * from "./programme-settings.ts";
export * from "./referrals.ts";
export * from "./safety-alerts.ts";
export * from "./shift-reports.ts";
export * from "./team.ts";
export * from "./text-discipline.ts";
export * from "./venues.ts";
export * from "./vocabularies.ts";
export * from "./workshops.ts";
