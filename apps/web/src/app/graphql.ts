/**
 * The one way the web app talks to the API: POST /graphql with the session cookie, the
 * caller's language and, once signed in, the CSRF token the API gave (me.csrfToken).
 *
 * Documents are written with `graphql(…)` from src/generated (graphql-codegen's client preset,
 * `pnpm generate`): `request(document, variables)` takes its variables type from the document
 * and returns its result type. A mutation's `…Success | …Error` union is narrowed by `outcome`.
 *
 * Every signed-in mutation carries an `Idempotency-Key` (apps/api/src/http/idempotency.ts): one
 * fresh key per user action, reused by the automatic retries of that action and by the user's
 * own "try again" of the same action after an unknown outcome, so that neither ever saves twice
 * (see `keyFor`). Signed-out mutations (sign-in, accepting an invitation) carry none: the API
 * honours a key only for a signed-in user (a key is that user's), and their answer sets the new
 * session's cookie, which a replay could not give back.
 */
import type { ErrorCode, FieldErrorCode } from "../generated/enums.ts";
import type { TypedDocumentString } from "../generated/graphql.ts";
import { activeLanguage } from "./i18n/language.ts";

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  // Keys are the signed-in user's: another session starts with none pending.
  if (token !== csrfToken) unsettledKeys.clear();
  csrfToken = token;
}

/**
 * A failure of the request itself, with a stable code: NETWORK (the server could not be
 * reached), OUTCOME_UNKNOWN (a mutation sent and no trustworthy answer: maybe saved, maybe not),
 * UNAUTHENTICATED, CSRF, PREVIEW_NOT_ALONE, INTERNAL (anything else).
 */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type NoVariables = Record<string, never>;

/** The result type of a typed document (for a component's props). */
export type ResultOf<D> = D extends TypedDocumentString<infer R, infer _V> ? R : never;
/** The variables type of a typed document. */
export type VariablesOf<D> = D extends TypedDocumentString<infer _R, infer V> ? V : never;

/** Whether the API gave this page its CSRF token yet (a reloaded page learns it from `me`). */
export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/**
 * What every request to the API says besides its body: the caller's language and, once signed
 * in, the CSRF token (also for the routes beside /graphql: file uploads and downloads).
 */
export function apiHeaders(): Record<string, string> {
  return {
    "accept-language": activeLanguage() === "fr" ? "fr-CA,fr" : "en-CA,en",
    ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
  };
}

/** Whether a document is a mutation (graphql-codegen writes the operation first, its fragments after). */
function isMutation(query: string): boolean {
  return /^\s*mutation\b/.test(query);
}

/**
 * Keys of actions whose last attempt ended with OUTCOME_UNKNOWN, by request body: the user's
 * "try again" of the same action (the same body) is sent with the same key, so the API replays
 * the first answer if it was saved and runs it if it was not. Forgotten once an answer is known
 * (and at sign-out); memory only.
 */
const unsettledKeys = new Map<string, string>();
const unsettledKept = 50;

/** The key of one user action: a fresh one, or the unsettled one of the same action. */
function keyFor(body: string): string {
  return unsettledKeys.get(body) ?? crypto.randomUUID();
}

function settle(body: string, key: string, failure: unknown) {
  unsettledKeys.delete(body);
  if (failure instanceof RequestError && failure.code === "OUTCOME_UNKNOWN") {
    unsettledKeys.set(body, key);
    for (const oldest of unsettledKeys.keys()) {
      if (unsettledKeys.size <= unsettledKept) break;
      unsettledKeys.delete(oldest);
    }
  }
}

/** Waits before the automatic retries of an action whose outcome is unknown (ms). */
const retryDelays = [1_000, 3_000];

/**
 * Sends a signed-in mutation with its key, and again with the same key while the outcome stays
 * unknown (a server restart, a dropped connection): at most `retries` times more.
 */
async function postKeyed(query: string, variables: unknown, key: string, retries: number): Promise<unknown> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await post(query, variables, key);
    } catch (error) {
      const delay = retryDelays[attempt];
      const unknown = error instanceof RequestError && error.code === "OUTCOME_UNKNOWN";
      if (!unknown || attempt >= retries || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A mutation as one user action: keyed when signed in, retried while its outcome is unknown. */
async function postAction(query: string, variables: unknown): Promise<unknown> {
  if (!isMutation(query) || !hasCsrfToken()) return post(query, variables);
  const body = JSON.stringify({ query, variables });
  const key = keyFor(body);
  try {
    const data = await postKeyed(query, variables, key, retryDelays.length);
    settle(body, key, null);
    return data;
  } catch (error) {
    settle(body, key, error);
    throw error;
  }
}

async function post(query: string, variables: unknown, idempotencyKey?: string): Promise<unknown> {
  // A keyed request is a signed-in mutation.
  const mutation = idempotencyKey !== undefined;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        ...apiHeaders(),
        // The API answers a repeated key with its first answer (apps/api/src/http/idempotency.ts).
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    // A mutation may have reached the server before the connection failed: only a browser that
    // knows it is offline knows it was never sent.
    if (mutation && navigator.onLine !== false) throw new RequestError("OUTCOME_UNKNOWN", "no answer");
    throw new RequestError("NETWORK", "network");
  }
  let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not the API's answer (a proxy's error page, a cut-off answer): for a mutation, unknown.
    throw new RequestError(mutation ? "OUTCOME_UNKNOWN" : "INTERNAL", `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  // A session that ended refuses every signed-in field (data may hold nulls): the whole answer fails.
  const ended = body.errors?.some((error) => error.extensions?.code === "UNAUTHENTICATED") ?? false;
  if (first && (!body.data || response.status !== 200 || ended)) {
    throw new RequestError(ended ? "UNAUTHENTICATED" : (first.extensions?.code ?? "INTERNAL"), first.message);
  }
  if (!body.data) throw new RequestError("INTERNAL", "empty response");
  return body.data;
}

/** Sends a typed document; a document without variables takes none. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends NoVariables ? [] : [TVariables]
): Promise<TResult> {
  return (await postAction(document.toString(), variables ?? {})) as TResult;
}

/** One problem with one input field, by the API's path ("alias", "languages.0"). */
export interface FieldProblem {
  path: string;
  code: FieldErrorCode;
  message: string;
  /** The date the rule names (BEFORE_ORGANISATION_START), YYYY-MM-DD. */
  limit?: string | null;
}

/** An expected failure: the AppError member of a mutation's result union. */
export interface AppFailure {
  code: ErrorCode;
  /** The API's message, in the language of the request (shown when the code is unknown here). */
  message: string;
  fields: FieldProblem[];
  retryAfterSeconds?: number;
}

/** A union member that is a success (`…Success`), as selected by a document. */
type SuccessMember = { __typename: `${string}Success` };
/**
 * A union member that is an error. A document must select `__typename` and the code and message
 * of an AppError (`...MutationFailure`, which adds the field problems of an InputValidationError):
 * a member selected without them fails the typecheck of `mutate`.
 */
type ErrorMember = {
  __typename: `${string}Error`;
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
  retryAfterSeconds?: number;
};

type Outcome<T> = { ok: true; value: Extract<T, SuccessMember> } | { ok: false; failure: AppFailure };

/** Narrows a mutation's result union: the success member, or the failure as an AppFailure. */
function outcome<T extends SuccessMember | ErrorMember>(result: T): Outcome<T> {
  if (result.__typename.endsWith("Success")) return { ok: true, value: result as Extract<T, SuccessMember> };
  const failure = result as ErrorMember;
  return {
    ok: false,
    failure: {
      code: failure.code,
      message: failure.message,
      fields: failure.fields ?? [],
      ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
    },
  };
}

/**
 * Runs a typed mutation and narrows the union at `pick` (its one root field): resolves with the
 * success member, rejects with a `MutationFailure` carrying the AppFailure. With TanStack Query,
 * `onSuccess` then receives the success and `onError` every failure (the request's or the
 * mutation's), in one place.
 */
export async function mutate<TResult, TVariables, T extends SuccessMember | ErrorMember>(
  document: TypedDocumentString<TResult, TVariables>,
  pick: (data: TResult) => T,
  ...variables: TVariables extends NoVariables ? [] : [TVariables]
): Promise<Extract<T, SuccessMember>> {
  const result = outcome(pick(await request(document, ...variables)));
  if (!result.ok) throw new MutationFailure(result.failure);
  return result.value;
}

/**
 * `mutate` sent with an idempotency key: sent again with the same key (after a lost answer), it
 * writes nothing twice and resolves with the first answer. The offline queue's one way to send
 * (its outbox retries the entry itself, so it is sent once here).
 */
export async function mutateOnce<TResult, TVariables, T extends SuccessMember | ErrorMember>(
  key: string,
  document: TypedDocumentString<TResult, TVariables>,
  pick: (data: TResult) => T,
  variables: TVariables,
): Promise<Extract<T, SuccessMember>> {
  const result = outcome(pick((await post(document.toString(), variables, key)) as TResult));
  if (!result.ok) throw new MutationFailure(result.failure);
  return result.value;
}

/** A mutation answered with its typed error member (see `mutate`). */
export class MutationFailure extends Error {
  constructor(readonly failure: AppFailure) {
    super(failure.message);
  }
}

/** Any failure a request or a mutation threw: a request's code (NETWORK…) or an AppFailure. */
export type Failure = Omit<AppFailure, "code"> & { code: ErrorCode | (string & {}) };

/** The failure behind any error a request or a mutation threw. */
export function failureOf(error: unknown): Failure {
  if (error instanceof MutationFailure) return error.failure;
  if (error instanceof RequestError) return { code: error.code, message: error.message, fields: [] };
  return { code: "INTERNAL", message: String(error), fields: [] };
}
