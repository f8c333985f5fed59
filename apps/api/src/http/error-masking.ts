/**
 * The one place where GraphQL errors are masked before they leave the API. "Not found" is
 * decided here, by class and code only (never by message text): a refused scope (builder.ts
 * answers a NotFoundError), a malformed global id (builder.ts' decodeGlobalID throws one), a
 * NotFoundError thrown anywhere else, and Prisma's "record required but not found" (P2025, a node
 * lookup filtered away). A caller who may not know a record exists cannot tell them apart.
 */
import { databaseUnavailable, Prisma } from "@maillage/db";
import { type ErrorCode, errorMessage } from "@maillage/domain";
import { PothosValidationError } from "@pothos/core";
import type { GraphQLFormattedError } from "graphql";
import { NotFoundError, SessionEndedError } from "../errors.ts";
import { requestLocale } from "./request-scope.ts";

/**
 * The codes of GraphQL's and Apollo's own errors, as the catalogue's (packages/domain/src/
 * errors.ts): the caller reads the catalogue's message in its language, never the library's
 * English sentence (which may name fields, or suggest one: "Did you mean …?").
 */
const libraryCodes: Record<string, ErrorCode> = {
  BAD_USER_INPUT: "INPUT_VALIDATION",
  GRAPHQL_VALIDATION_FAILED: "INVALID_REQUEST",
  GRAPHQL_PARSE_FAILED: "INVALID_REQUEST",
  BAD_REQUEST: "INVALID_REQUEST",
  PERSISTED_QUERY_NOT_SUPPORTED: "INVALID_REQUEST",
  PERSISTED_QUERY_NOT_FOUND: "INVALID_REQUEST",
  OPERATION_RESOLUTION_FAILURE: "INVALID_REQUEST",
};

/** Codes of the catalogue that plugins answer as they are (their errors carry the code). */
const passedCodes = new Set<ErrorCode>(["CSRF", "INPUT_VALIDATION", "PREVIEW_NOT_ALONE", "ROLLED_BACK"]);

/** The error a resolver or plugin threw, under the GraphQLError that carries it. */
function thrownError(error: unknown): unknown {
  return (error as { originalError?: unknown } | null)?.originalError ?? error;
}

/** "No such record, or not yours to see": answered identically. */
export function isNotFound(error: unknown): boolean {
  const thrown = thrownError(error);
  return (
    thrown instanceof NotFoundError ||
    (thrown instanceof Prisma.PrismaClientKnownRequestError && thrown.code === "P2025")
  );
}

/** The SQLSTATE under a Prisma error (driver adapter or raw query) or a pg error, if any. */
function postgresError(error: unknown): { code: string; message: string } | null {
  const thrown = thrownError(error) as {
    code?: unknown;
    message?: unknown;
    meta?: {
      code?: unknown;
      message?: unknown;
      driverAdapterError?: { cause?: { code?: unknown; originalMessage?: unknown } };
    };
  } | null;
  const cause = thrown?.meta?.driverAdapterError?.cause;
  if (cause && typeof cause.code === "string")
    return { code: cause.code, message: String(cause.originalMessage ?? "") };
  if (typeof thrown?.meta?.code === "string")
    return { code: thrown.meta.code, message: String(thrown.meta.message ?? "") };
  if (typeof thrown?.code === "string" && /^[0-9A-Z]{5}$/.test(thrown.code))
    return { code: thrown.code, message: String(thrown.message ?? "") };
  return null;
}

export type UnexpectedErrorLog = (message: string, error?: unknown) => void;

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: UnexpectedErrorLog,
): GraphQLFormattedError {
  const locale = requestLocale();
  const answer = (code: ErrorCode, withLocations = false): GraphQLFormattedError => ({
    message: errorMessage(locale, code as Exclude<ErrorCode, "TOO_MANY_ATTEMPTS">),
    ...(withLocations && formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code },
  });
  // An ended session: the signed-out code, in the caller's language (errors.ts).
  if (thrownError(error) instanceof SessionEndedError) return answer("UNAUTHENTICATED");
  if (isNotFound(error)) return answer("NOT_FOUND");
  // Pothos' own argument checks (e.g. a negative page size) are the caller's mistake.
  if (thrownError(error) instanceof PothosValidationError) return answer("INPUT_VALIDATION");
  // Apollo reports an error thrown by a plugin as internal; its own code is on the error.
  const ownCode = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  const code = String(ownCode ?? formatted.extensions?.code ?? "");
  const library = libraryCodes[code];
  if (library) return answer(library, true);
  if (passedCodes.has(code as ErrorCode)) return answer(code as ErrorCode, true);
  // A statement PostgreSQL cancelled (query_canceled): the client left and its request was
  // stopped (graphql-handler.ts; nobody reads this answer), or it ran past the statement timeout
  // (worth a line in the log). The transaction is rolled back either way.
  const database = postgresError(error);
  if (database?.code === "57014") {
    if (/statement timeout/.test(database.message)) log("A statement ran past the statement timeout", error);
    return answer("REQUEST_CANCELLED");
  }
  // PostgreSQL restarting or out of reach (a lost connection, a shutdown): rolled back, retry later.
  if (databaseUnavailable(thrownError(error))) {
    log("The database could not be reached during an operation", error);
    return answer("UNAVAILABLE");
  }
  // A value PostgreSQL refused (class 22, data exception: a character it cannot store, a number
  // or a date out of its range) got past the checks of the input: the caller's value, refused —
  // and logged, for the check that should have caught it.
  if (database?.code.startsWith("22")) {
    log("A value the database refused got past the input checks", error);
    return answer("INPUT_VALIDATION");
  }
  log("Unexpected error in a GraphQL operation", error);
  return answer("INTERNAL");
}
