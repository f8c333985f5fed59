/**
 * The one place where GraphQL errors are masked before they leave the API. "Not found" is
 * decided here, by class and code only (never by message text): a refused scope (builder.ts
 * answers a NotFoundError), a malformed global id (builder.ts' decodeGlobalID throws one), a
 * NotFoundError thrown anywhere else, and Prisma's "record required but not found" (P2025, a node
 * lookup filtered away). A caller who may not know a record exists cannot tell them apart.
 */
import { Prisma } from "@maillage/db";
import { PothosValidationError } from "@pothos/core";
import type { GraphQLFormattedError } from "graphql";
import { NotFoundError } from "../errors.ts";

/** Codes a caller may see in `errors[].extensions.code`; anything else is masked as INTERNAL. */
const exposedCodes = new Set([
  "CSRF",
  "INPUT_VALIDATION",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "PREVIEW_NOT_ALONE",
  "ROLLED_BACK",
]);

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

export type UnexpectedErrorLog = (message: string, error?: unknown) => void;

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: UnexpectedErrorLog,
): GraphQLFormattedError {
  if (isNotFound(error)) {
    return { message: "Not found", path: formatted.path, extensions: { code: "NOT_FOUND" } };
  }
  // Pothos' own argument checks (e.g. a negative page size) are the caller's mistake.
  if (thrownError(error) instanceof PothosValidationError) {
    return { message: formatted.message, path: formatted.path, extensions: { code: "INPUT_VALIDATION" } };
  }
  // Apollo reports an error thrown by a plugin as internal; its own code is on the error.
  const ownCode = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  const code = String(ownCode ?? formatted.extensions?.code ?? "");
  if (exposedCodes.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  log("Unexpected error in a GraphQL operation", error);
  return { message: "Internal error", path: formatted.path, extensions: { code: "INTERNAL" } };
}
