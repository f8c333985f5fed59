/**
 * The one way the web app talks to the API: POST /graphql with the session cookie, the
 * caller's language and, once signed in, the CSRF token the API gave (me.csrfToken).
 */
import { activeLanguage } from "./i18n/index.tsx";

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** A failure of the request itself (network, CSRF, refused operation), with a stable code. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** The typed failure members of a mutation's result union. */
export interface AppErrorResult {
  __typename: string;
  code: string;
  message: string;
  fields?: FieldError[];
  retryAfterSeconds?: number;
}

export function isAppError(value: { __typename: string }): value is AppErrorResult {
  return "code" in value && typeof (value as { code?: unknown }).code === "string";
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        "accept-language": activeLanguage() === "fr" ? "fr-CA,fr" : "en-CA,en",
        ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new RequestError("NETWORK", "network");
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestError("INTERNAL", `HTTP ${response.status}`);
  }
  if (body.errors?.length && (!body.data || response.status !== 200)) {
    const first = body.errors[0]!;
    throw new RequestError(first.extensions?.code ?? "INTERNAL", first.message);
  }
  if (!body.data) throw new RequestError("INTERNAL", "empty response");
  return body.data;
}
