import type { z } from "zod";
import { type FieldErrorCode, fieldErrorCodes } from "../errors.ts";

/**
 * What a refinement adds to its issue to say which field code it is (`params`), when the rule
 * has a message of its own: `context.addIssue({ code: "custom", path, ...withFieldCode("REQUIRED") })`.
 */
export function withFieldCode(code: FieldErrorCode): {
  message: string;
  params: { fieldErrorCode: FieldErrorCode };
} {
  return { message: code, params: { fieldErrorCode: code } };
}

/**
 * The stable code of a zod issue, the same in the API's InputValidationError and in the web's
 * forms (both validate with the schemas of this folder), so a rule reads the same on both sides.
 */
export function fieldErrorCodeOf(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string" || issue.origin === "array" ? "TOO_LONG" : "TOO_LARGE";
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return "REQUIRED";
      return issue.origin === "string" || issue.origin === "array" ? "TOO_SHORT" : "TOO_SMALL";
    case "invalid_format":
      return "INVALID_FORMAT";
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "REQUIRED" : "INVALID_VALUE";
    case "custom": {
      const named = issue.params?.fieldErrorCode;
      return (fieldErrorCodes as readonly unknown[]).includes(named)
        ? (named as FieldErrorCode)
        : "INVALID_VALUE";
    }
    default:
      return "INVALID_VALUE";
  }
}

/** Where an issue lies in the input, as the API reports it (`materials.0.quantity`). */
export function fieldPathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join(".");
}
