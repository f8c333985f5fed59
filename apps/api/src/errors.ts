import {
  type ErrorCode,
  errorMessages,
  type FieldErrorCode,
  fieldErrorMessages,
  type Locale,
} from "@maillage/domain";
import { z } from "zod";

/**
 * The one error model: expected failures are instances of AppError subclasses, returned as
 * members of a mutation's result union (Pothos errors plugin) with a stable code and a message
 * in the caller's language. Anything else is masked by formatError in server.ts.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly locale: Locale,
  ) {
    super(errorMessages[locale][code]);
    this.name = "AppError";
  }
}

export class InvalidCredentialsError extends AppError {
  constructor(locale: Locale) {
    super("INVALID_CREDENTIALS", locale);
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(
    locale: Locale,
    readonly retryAfterSeconds: number,
  ) {
    super("TOO_MANY_ATTEMPTS", locale);
  }
}

/** A record that does not exist and one the viewer may not see look the same. */
export class NotFoundError extends AppError {
  constructor(locale: Locale) {
    super("NOT_FOUND", locale);
  }
}

export class ConflictError extends AppError {
  constructor(locale: Locale) {
    super("CONFLICT", locale);
  }
}

export interface FieldProblem {
  path: string;
  code: FieldErrorCode;
  message: string;
}

export class InputValidationError extends AppError {
  constructor(
    locale: Locale,
    readonly fields: FieldProblem[],
  ) {
    super("INPUT_VALIDATION", locale);
  }
}

function fieldCode(issue: z.core.$ZodIssue): FieldErrorCode {
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
    default:
      return "INVALID_VALUE";
  }
}

/** A rejection of one field found after parsing (a rule of the domain, not of the format). */
export function fieldProblem(locale: Locale, path: string, code: FieldErrorCode): InputValidationError {
  return new InputValidationError(locale, [{ path, code, message: fieldErrorMessages[locale][code] }]);
}

/** Validates a mutation's input at the edge; a failure writes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputValidationError(
    locale,
    result.error.issues.map((issue) => {
      const code = fieldCode(issue);
      return { path: issue.path.join("."), code, message: fieldErrorMessages[locale][code] };
    }),
  );
}

/** Sending a referral needs a consent in force naming the receiver (the UI offers to record it). */
export class ConsentRequiredError extends AppError {
  constructor(locale: Locale) {
    super("CONSENT_REQUIRED", locale);
  }
}

export class InvalidTransitionError extends AppError {
  constructor(
    locale: Locale,
    readonly from: string,
    readonly to: string,
  ) {
    super("INVALID_TRANSITION", locale);
  }
}

/** The nurse or the worker is already committed at that time. */
export class DoubleBookingError extends AppError {
  constructor(locale: Locale) {
    super("DOUBLE_BOOKING", locale);
  }
}

/** A zod enum of a Prisma enum's values (one place for the cast zod needs). */
export function prismaEnum<T extends string>(values: Record<string, T>) {
  return z.enum(Object.values(values) as [T, ...T[]]);
}
