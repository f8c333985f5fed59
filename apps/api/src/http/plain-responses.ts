// Small answers written straight to node:http: JSON errors before GraphQL runs, and "not found".
import type { ServerResponse } from "node:http";
import { type ErrorCode, errorMessages, type Locale } from "@maillage/domain";
import { securityHeaders } from "./security-headers.ts";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...securityHeaders,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error answer: the code's message in the caller's language (the code, if none). */
export function errorBody(code: ErrorCode, locale: Locale) {
  return { errors: [{ message: errorMessages[locale][code], extensions: { code } }] };
}

export function sendNotFound(res: ServerResponse) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...securityHeaders });
  res.end("Not found");
}
