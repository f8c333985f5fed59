import {
  type ErrorCode,
  errorMessage,
  type FieldErrorCode,
  fieldErrorMessage,
  type Locale,
  minutesToWait,
} from "@maillage/domain";
import { fieldErrorCodeOf, fieldPathOf } from "@maillage/domain/inputs";
import type { z } from "zod";

/**
 * The one error model: expected failures are instances of AppError subclasses, returned as
 * members of a mutation's result union (Pothos errors plugin) with a stable code and a message
 * in the caller's language. Anything else is masked by formatError in server.ts.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly locale: Locale,
    // A message that takes values (packages/domain ErrorMessageValues) is formatted by the subclass.
    message: string = errorMessage(locale, code),
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * A refused sign-in: wrong e-mail or password, or (ACCOUNT_IDLE_DISABLED, told only after the
 * right password) an account left idle too long, disabled now (modules/auth/auth.mutations.ts).
 */
export class InvalidCredentialsError extends AppError {
  constructor(
    locale: Locale,
    code:
      | "INVALID_CREDENTIALS"
      | "ACCOUNT_IDLE_DISABLED"
      | "SECOND_FACTOR_REQUIRED"
      | "SECOND_FACTOR_INVALID" = "INVALID_CREDENTIALS",
  ) {
    super(code, locale);
  }
}

/** A second factor's refusal: a code that does not match or was spent, one already on, or required by a role. */
export class SecondFactorError extends AppError {
  constructor(
    locale: Locale,
    code: "SECOND_FACTOR_INVALID" | "SECOND_FACTOR_ALREADY_ON" | "SECOND_FACTOR_REQUIRED_BY_ROLE",
  ) {
    super(code, locale);
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(
    locale: Locale,
    readonly retryAfterSeconds: number,
  ) {
    super(
      "TOO_MANY_ATTEMPTS",
      locale,
      errorMessage(locale, "TOO_MANY_ATTEMPTS", { minutes: minutesToWait(retryAfterSeconds) }),
    );
  }
}

/**
 * The request carried a session cookie that names no session in force (expired, ended, its
 * account disabled): every signed-in field answers this, and the cookie is cleared
 * (modules/auth/session-cookie.ts); the web shows the sign-in page with "your session ended".
 */
export class SessionEndedError extends AppError {
  constructor(locale: Locale) {
    super("UNAUTHENTICATED", locale);
  }
}

/** A record that does not exist and one the viewer may not see look the same. */
export class NotFoundError extends AppError {
  constructor(locale: Locale) {
    super("NOT_FOUND", locale);
  }
}

/**
 * Refused although the caller knows the record exists (e.g. granting a role to oneself): where
 * not knowing is the point, a refusal is a NotFoundError instead.
 */
export class ForbiddenError extends AppError {
  constructor(locale: Locale) {
    super("FORBIDDEN", locale);
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
  /** The date a rule names (BEFORE_ORGANISATION_START: the organisation's start), YYYY-MM-DD. */
  limit?: string | undefined;
}

export class InputValidationError extends AppError {
  constructor(
    locale: Locale,
    readonly fields: FieldProblem[],
  ) {
    super("INPUT_VALIDATION", locale);
  }
}

/** A rejection of one field found after parsing (a rule of the domain, not of the format). */
export function fieldProblem(
  locale: Locale,
  path: string,
  code: FieldErrorCode,
  limit?: string,
): InputValidationError {
  return new InputValidationError(locale, [
    { path, code, message: fieldErrorMessage(locale, code, limit), ...(limit ? { limit } : {}) },
  ]);
}

/** Validates a mutation's input at the edge; a failure writes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputValidationError(
    locale,
    result.error.issues.map((issue) => {
      const code = fieldErrorCodeOf(issue);
      return { path: fieldPathOf(issue), code, message: fieldErrorMessage(locale, code) };
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
