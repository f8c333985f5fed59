import { z } from "zod";

/**
 * What an input schema says beyond zod's own types, read by the API when it derives its
 * GraphQL input types from these schemas (apps/api/src/input-types.ts), so that each mutation's
 * input is declared once, here, and the web validates forms with the very same schemas.
 */
export interface InputMeta {
  /** The name a shared vocabulary or a nested input goes by (an enum, an object). */
  name?: string;
  /** `recordId`: a record's opaque (global) id; `calendarDate`: a day, without a time. */
  kind?: "recordId" | "calendarDate";
}

export const inputMeta = z.registry<InputMeta>();

/** Gives a nested object or a vocabulary the name it keeps everywhere. */
export function named<S extends z.ZodType>(name: string, schema: S): S {
  inputMeta.add(schema, { name });
  return schema;
}

/** A record's id as the API hands it out (an opaque string); the API decodes and checks it. */
export function recordId() {
  return z.string().max(200).register(inputMeta, { kind: "recordId" });
}

/** A user's id (a UUID), as the team and the joint-visit slots give it. */
export function userId() {
  return z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .register(inputMeta, { kind: "recordId" });
}

/** A calendar day (the API's `Date`), as opposed to an instant. */
export function calendarDate() {
  return z.date().register(inputMeta, { kind: "calendarDate" });
}

/** Optional free text: trimmed, at most `max` characters (its column's length). */
export function optionalText(max: number) {
  return z.string().trim().max(max).nullish();
}

/** Required free text: trimmed, not empty, at most `max` characters (its column's length). */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}
