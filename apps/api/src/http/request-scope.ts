/**
 * What the code deep inside a GraphQL execution may need of its request without a context to
 * hand (Apollo's formatError gets none): its language, and whether its client left.
 * graphql-handler.ts runs each execution inside `requestScope.run`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { defaultLocale, type Locale } from "@maillage/domain";
import type { UnexpectedErrorLog } from "./error-masking.ts";

/**
 * The signal of the request being executed, wherever its resolvers are: the errors of a request
 * whose client left (its statements cancelled, rolled back) are nobody's to read, nor the log's
 * (`unlessAbandoned`).
 */
export const requestScope = new AsyncLocalStorage<{ signal: AbortSignal; locale: Locale }>();

/** The language of the request being executed (error-masking.ts writes its errors in it). */
export function requestLocale(): Locale {
  return requestScope.getStore()?.locale ?? defaultLocale;
}

/** A log that keeps quiet about the errors of an abandoned request. */
export function unlessAbandoned(log: UnexpectedErrorLog): UnexpectedErrorLog {
  return (message, error) => {
    if (requestScope.getStore()?.signal.aborted) return;
    log(message, error);
  };
}
