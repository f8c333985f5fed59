/**
 * POST /graphql: the request checks that come before GraphQL (method, Origin, body size, JSON),
 * then the whole operation in one viewer-scoped transaction, committed or rolled back as
 * atomic-operation.ts decided.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import { type Database, type TransactionClient, viewerScopedTransaction } from "@maillage/db";
import { localeFromAcceptLanguage } from "@maillage/domain";
import type { Context } from "../context.ts";
import { readCookie, sessionCookieName } from "../modules/auth/session-cookie.ts";
import { OperationOutcome } from "../operation-outcome.ts";
import { comesFromAnotherSite, requestOrigin } from "./acting-route.ts";
import type { UnexpectedErrorLog } from "./error-masking.ts";
import { claimIdempotencyKey, idempotencyKeyHeader, idempotencyKeyOf, keepAnswer } from "./idempotency.ts";
import { errorBody, sendJson } from "./plain-responses.ts";
import { securityHeaders } from "./security-headers.ts";

const maxBodyBytes = 64 * 1024;

interface Answer {
  status: number;
  headers: HeaderMap;
  body: string;
}

/** Thrown inside the request transaction to roll it back while still answering. */
class RollbackWithAnswer {
  constructor(
    readonly answer: Answer,
    readonly keptOnRollback: ((tx: TransactionClient) => Promise<void>)[],
  ) {}
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, { status, headers, body }: Answer) {
  const out: Record<string, string> = { "cache-control": "no-store", ...securityHeaders };
  for (const [key, value] of headers) out[key] = value;
  if (!out["content-type"]) out["content-type"] = "application/json; charset=utf-8";
  res.writeHead(status, out);
  res.end(body);
}

export function createGraphQLHandler(options: {
  apollo: ApolloServer<Context>;
  db: Database;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy: boolean;
  log: UnexpectedErrorLog;
}) {
  const { apollo, db, log } = options;

  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const locale = localeFromAcceptLanguage(req.headers["accept-language"]);
    if (req.method !== "POST") {
      sendJson(res, 405, errorBody("BAD_REQUEST", locale), { allow: "POST" });
      return;
    }
    // Refuse cross-site requests outright (sign-in included), whatever the cookie.
    if (comesFromAnotherSite(req)) {
      sendJson(res, 403, errorBody("CSRF", locale));
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, errorBody("INPUT_VALIDATION", locale));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(body);
    } catch {
      sendJson(res, 400, errorBody("BAD_REQUEST", locale));
      return;
    }
    const origin = requestOrigin(req, options.trustProxy);
    const sessionToken = readCookie(req.headers.cookie, sessionCookieName);
    const idempotencyKey = idempotencyKeyOf(req.headers[idempotencyKeyHeader]);
    try {
      const answer = await viewerScopedTransaction(db, sessionToken, async (tx, viewer) => {
        const csrfVerified = viewer !== null && req.headers["x-csrf-token"] === viewer.csrfToken;
        // A key counts for a signed-in request that passes the CSRF check (idempotency.ts).
        const keyed =
          idempotencyKey && viewer && csrfVerified ? { key: idempotencyKey, userId: viewer.userId } : null;
        if (keyed) {
          const claim = await claimIdempotencyKey(tx, keyed.userId, keyed.key, body);
          if (claim.kind === "replay") {
            return { ...claim.answer, headers: new HeaderMap([["idempotent-replayed", "true"]]) };
          }
          if (claim.kind === "reused") {
            return {
              status: 422,
              headers: new HeaderMap(),
              body: JSON.stringify(errorBody("IDEMPOTENCY_KEY_REUSED", locale)),
            };
          }
        }
        const context: Context = {
          viewer,
          now: new Date(),
          tx,
          db,
          locale,
          origin,
          sessionToken,
          csrfVerified,
          responseCookies: [],
          outcome: new OperationOutcome(),
        };
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: "POST", headers, search: url.search, body: parsedBody },
          context: async () => context,
        });
        let text = "";
        if (result.body.kind === "complete") text = result.body.string;
        else for await (const chunk of result.body.asyncIterator) text += chunk;
        const answer = { status: result.status ?? 200, headers: result.headers, body: text };
        if (context.outcome.decision !== "commit") {
          throw new RollbackWithAnswer(answer, context.outcome.keptOnRollback);
        }
        if (keyed) await keepAnswer(tx, keyed.userId, keyed.key, answer);
        for (const cookie of context.responseCookies) answer.headers.set("set-cookie", cookie);
        return answer;
      });
      send(res, answer);
    } catch (error) {
      if (!(error instanceof RollbackWithAnswer)) {
        log("Request failed", error);
        sendJson(res, 500, errorBody("INTERNAL", locale));
        return;
      }
      try {
        if (error.keptOnRollback.length > 0) {
          await viewerScopedTransaction(db, null, async (tx) => {
            for (const write of error.keptOnRollback) await write(tx);
          });
        }
      } catch (replayError) {
        log("A write meant to outlive a rollback failed", replayError);
        sendJson(res, 500, errorBody("INTERNAL", locale));
        return;
      }
      send(res, error.answer);
    }
  };
}
