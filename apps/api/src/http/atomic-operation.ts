/**
 * An operation commits all of its mutations or none (an Apollo plugin; the HTTP handler commits or
 * rolls back as decided here).
 *
 * A mutation operation fails when its answer carries any GraphQL error, or when one of its
 * mutation fields answered a typed error (an AppError member of its result union: data, not an
 * error, to GraphQL). Then the whole transaction is rolled back, cookies are not set, and only
 * the writes meant to outlive a rollback are replayed (a failed sign-in attempt).
 *
 * The answer never claims a success that was rolled back:
 * - one mutation field: its own failure is the whole answer, unchanged (a typed error stays in
 *   `data`, as the web expects);
 * - several: `data` is null and `errors` holds one entry per field, at its path — the failed
 *   field's own code and message (INPUT_VALIDATION also with its `fields`), and ROLLED_BACK for
 *   every field that succeeded or did not run. Clients treat any typed error of an operation
 *   with several mutations as voiding all of them.
 * A query commits whatever happens: its partial answer is kept with its read audit.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { errorMessage, type Locale } from "@maillage/domain";
import {
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Context } from "../context.ts";
import { AppError, InputValidationError } from "../errors.ts";
import type { OperationOutcome } from "../operation-outcome.ts";

export const atomicOperation: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operation, response }) {
        const outcome = contextValue.outcome;
        if (operation) outcome.rootFields = rootFieldsOf(operation);
        if (operation?.operation === "query") {
          outcome.decision = "commit";
          return;
        }
        // Incremental delivery (@defer) is not enabled: every answer is a single result.
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        if (operation && !result.errors?.length && !outcome.failed) {
          outcome.decision = "commit";
          return;
        }
        outcome.decision = "rollBack";
        response.body.singleResult = voidedAnswer(result, outcome, contextValue.locale);
      },
    };
  },
};

/** The names of an operation's root fields, through inline fragments; a fragment spread is "…". */
function rootFieldsOf(operation: OperationDefinitionNode): string[] {
  const names = (selectionSet: SelectionSetNode): string[] =>
    selectionSet.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection.name.value];
      if (selection.kind === Kind.INLINE_FRAGMENT) return names(selection.selectionSet);
      return ["…"];
    });
  return names(operation.selectionSet);
}

function rolledBack(key: string, locale: Locale): GraphQLFormattedError {
  return { message: errorMessage(locale, "ROLLED_BACK"), path: [key], extensions: { code: "ROLLED_BACK" } };
}

/** A typed error answered as data, restated as the error of its field. */
function typedError(key: string, error: unknown, locale: Locale): GraphQLFormattedError {
  if (!(error instanceof AppError)) {
    return { message: errorMessage(locale, "INTERNAL"), path: [key], extensions: { code: "INTERNAL" } };
  }
  return {
    message: error.message,
    path: [key],
    extensions: {
      code: error.code,
      ...(error instanceof InputValidationError ? { fields: error.fields } : {}),
    },
  };
}

function voidedAnswer(
  result: FormattedExecutionResult,
  outcome: OperationOutcome,
  locale: Locale,
): FormattedExecutionResult {
  const errors = result.errors ?? [];
  const fieldOf = (error: GraphQLFormattedError) =>
    typeof error.path?.[0] === "string" ? error.path[0] : null;
  const keys = [
    ...new Set([
      ...outcome.fields.map((field) => field.key),
      ...errors.map(fieldOf).filter((key) => key !== null),
    ]),
  ];
  if (keys.length <= 1) return result;
  const answer: GraphQLFormattedError[] = errors.filter((error) => fieldOf(error) === null);
  for (const key of keys) {
    const field = outcome.fields.find((candidate) => candidate.key === key);
    const own = errors.filter((error) => fieldOf(error) === key);
    if (field?.skipped || (!field?.failure && own.length === 0)) answer.push(rolledBack(key, locale));
    else if (own.length > 0) answer.push(...own);
    else answer.push(typedError(key, field?.failure, locale));
  }
  return { data: null, errors: answer, ...(result.extensions ? { extensions: result.extensions } : {}) };
}
