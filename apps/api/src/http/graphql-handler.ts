/**
 * POST /graphql: the request checks that come before GraphQL (method, Origin, body size, JSON),
 * then the whole operation in one viewer-scoped transaction, committed or rolled back as
 * atomic-operation.ts decided.
 *
 * A failure answer tells the truth about what was saved:
 * - the transaction rolled back for sure (an error before COMMIT was sent, a typed error, a
 *   rollback): INTERNAL and the typed codes, "nothing was saved";
 * - COMMIT sent and no answer from PostgreSQL (a restart, a dropped connection):
 *   503 OUTCOME_UNKNOWN, "maybe saved, maybe not; sending it again with the same
 *   Idempotency-Key is safe" (a committed keyed answer is replayed, an uncommitted one runs again);
 * - PostgreSQL unreachable or gone before COMMIT (a restart): 503 UNAVAILABLE, "nothing was
 *   saved, try again shortly" (a failed statement inside the operation: UNAVAILABLE in its errors);
 * - the client closed the connection before the answer: the statement running is cancelled in
 *   PostgreSQL and the transaction rolled back, unless COMMIT was already on its way (then a
 *   keyed retry gets the answer).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import {
  CommitOutcomeUnknownError,
  type Database,
  databaseUnavailable,
  RequestAbandonedError,
  type TransactionClient,
  viewerScopedTransaction,
} from "@maillage/db";
import { localeFromAcceptLanguage } from "@maillage/domain";
import type { Context } from "../context.ts";
import { operationLimitProblem } from "../graphql-limits.ts";
import { trustedDeviceCookieName } from "../modules/auth/second-factor.ts";
import {
  endedSessionCookies,
  readCookie,
  renewedSessionCookie,
  sessionCookieName,
} from "../modules/auth/session-cookie.ts";
import { OperationOutcome } from "../operation-outcome.ts";
import { schema } from "../schema.ts";
import { comesFromAnotherSite, type ProxySettings, requestOrigin } from "./acting-route.ts";
import type { UnexpectedErrorLog } from "./error-masking.ts";
import {
  answerMayBeKept,
  claimIdempotencyKey,
  idempotencyKeyHeader,
  idempotencyKeyOf,
  keepAnswer,
  releaseClaim,
} from "./idempotency.ts";
import { errorBody, sendJson } from "./plain-responses.ts";
import { requestScope } from "./request-scope.ts";
import { securityHeaders } from "./security-headers.ts";

const maxBodyBytes = 64 * 1024;

interface Answer {
  status: number;
  headers: HeaderMap;
  body: string;
  /** Set-Cookie lines (a session's and a remembered browser's may go together). */
  cookies?: string[];
}

/** Thrown inside the request transaction to roll it back while still answering. */
class RollbackWithAnswer {
  constructor(
    readonly answer: Answer,
    readonly keptOnRollback: ((tx: TransactionClient) => Promise<void>)[],
  ) {}
}

/** Decodes UTF-8 or throws: a body that is not UTF-8 is refused, never "repaired" with U+FFFD. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function readBody(req: IncomingMessage): Promise<string | null> {
  // Read by events, not by async iteration: leaving a for-await loop destroys the socket under
  // the answer still to be written (the 413), which the client reads as a reset.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) {
        chunks.push(chunk);
        return;
      }
      // Over the limit: stop reading; the answer closes the connection (Connection: close).
      req.off("data", onData);
      req.off("end", onEnd);
      req.pause();
      resolve(null);
    };
    const onEnd = () => {
      try {
        resolve(strictUtf8.decode(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", reject);
  });
}

/**
 * Aborts when the client closes the connection before the whole answer was written (a closed
 * tab, a lost network, a client that gave up): the request's work is abandoned.
 */
function abortedWhenClientLeaves(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  // Already gone while the body was read: abandoned from the start.
  if (res.socket === null || res.socket.destroyed) controller.abort();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** One Set-Cookie per cookie name, the last one set (a new session's after an ended one's clearing). */
function lastPerName(cookies: string[]): string[] {
  const byName = new Map<string, string>();
  for (const cookie of cookies) byName.set(cookie.slice(0, cookie.indexOf("=")), cookie);
  return [...byName.values()];
}

function send(res: ServerResponse, { status, headers, body, cookies }: Answer) {
  const out: Record<string, string | string[]> = { "cache-control": "no-store", ...securityHeaders };
  for (const [key, value] of headers) out[key] = value;
  if (cookies && cookies.length > 0) out["set-cookie"] = cookies;
  if (!out["content-type"]) out["content-type"] = "application/json; charset=utf-8";
  res.writeHead(status, out);
  res.end(body);
}

export function createGraphQLHandler(options: {
  apollo: ApolloServer<Context>;
  db: Database;
  proxy: ProxySettings;
  log: UnexpectedErrorLog;
}) {
  const { apollo, db, log } = options;

  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const locale = localeFromAcceptLanguage(req.headers["accept-language"]);
    if (req.method !== "POST") {
      sendJson(res, 405, errorBody("INVALID_REQUEST", locale), { allow: "POST" });
      return;
    }
    // Refuse cross-site requests outright (sign-in included), whatever the cookie.
    if (comesFromAnotherSite(req)) {
      sendJson(res, 403, errorBody("CSRF", locale));
      return;
    }
    // undefined: not UTF-8.
    const body = await readBody(req).catch((error: unknown) => {
      if (error instanceof TypeError) return undefined;
      throw error;
    });
    if (body === undefined) {
      sendJson(res, 400, errorBody("INVALID_REQUEST", locale));
      return;
    }
    if (body === null) {
      sendJson(res, 413, errorBody("REQUEST_TOO_LARGE", locale), { connection: "close" });
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
      sendJson(res, 400, errorBody("INVALID_REQUEST", locale));
      return;
    }
    // Past the operation limits (depth, selections, tokens, records' worth of fields): refused
    // before the request's transaction is opened, so it costs no SQL.
    const limit = operationLimitProblem(schema, parsedBody);
    if (limit) {
      sendJson(res, 400, errorBody(limit, locale));
      return;
    }
    const origin = requestOrigin(req, options.proxy);
    const sessionToken = readCookie(req.headers.cookie, sessionCookieName);
    const idempotencyKey = idempotencyKeyOf(req.headers[idempotencyKeyHeader]);
    const signal = abortedWhenClientLeaves(res);
    try {
      const answer = await viewerScopedTransaction(
        db,
        sessionToken,
        async (tx, viewer) => {
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
            deviceToken: readCookie(req.headers.cookie, trustedDeviceCookieName),
            csrfVerified,
            // An ended session's cookie is cleared (modules/auth/session-cookie.ts).
            responseCookies: endedSessionCookies(sessionToken, viewer, origin.secure),
            outcome: new OperationOutcome(),
          };
          const result = await requestScope.run({ signal, locale }, () =>
            apollo.executeHTTPGraphQLRequest({
              httpGraphQLRequest: { method: "POST", headers, search: url.search, body: parsedBody },
              context: async () => context,
            }),
          );
          let text = "";
          if (result.body.kind === "complete") text = result.body.string;
          else for await (const chunk of result.body.asyncIterator) text += chunk;
          const answer: Answer = { status: result.status ?? 200, headers: result.headers, body: text };
          // A session the database just slid gets its cookie renewed, unless the answer sets another.
          const renewal = renewedSessionCookie(sessionToken, viewer, origin.secure);
          const cookies = lastPerName(
            context.responseCookies.length > 0 || !renewal ? context.responseCookies : [renewal],
          );
          if (context.outcome.decision !== "commit") {
            answer.cookies = cookies;
            throw new RollbackWithAnswer(answer, context.outcome.keptOnRollback);
          }
          // An answer that sets a cookie or holds a secret is not kept (idempotency.ts): a retry
          // with the key runs again instead.
          if (keyed) {
            if (answerMayBeKept(context.outcome.rootFields, context.responseCookies.length > 0)) {
              await keepAnswer(tx, keyed.userId, keyed.key, answer);
            } else await releaseClaim(tx, keyed.userId, keyed.key);
          }
          answer.cookies = cookies;
          return answer;
        },
        { signal },
      );
      send(res, answer);
    } catch (error) {
      if (error instanceof CommitOutcomeUnknownError) {
        log("The commit of a request got no answer", error);
        sendJson(res, 503, errorBody("OUTCOME_UNKNOWN", locale), { "retry-after": "1" });
        return;
      }
      // The client left before the commit: rolled back, and nobody to answer — but a failed
      // sign-in attempt still counts (closing the connection must not dodge the throttle).
      const abandoned = error instanceof RequestAbandonedError;
      const rollback = abandoned ? (error.cause as unknown) : error;
      if (!(rollback instanceof RollbackWithAnswer)) {
        if (abandoned) return;
        // PostgreSQL restarting or out of reach before COMMIT: nothing saved, worth a retry.
        if (databaseUnavailable(error)) {
          log("The database could not be reached: answered UNAVAILABLE", error);
          sendJson(res, 503, errorBody("UNAVAILABLE", locale), { "retry-after": "1" });
          return;
        }
        log("Request failed", error);
        sendJson(res, 500, errorBody("INTERNAL", locale));
        return;
      }
      try {
        if (rollback.keptOnRollback.length > 0) {
          await viewerScopedTransaction(db, null, async (tx) => {
            for (const write of rollback.keptOnRollback) await write(tx);
          });
        }
      } catch (replayError) {
        log("A write meant to outlive a rollback failed", replayError);
        if (abandoned) return;
        if (databaseUnavailable(replayError))
          sendJson(res, 503, errorBody("UNAVAILABLE", locale), { "retry-after": "1" });
        else sendJson(res, 500, errorBody("INTERNAL", locale));
        return;
      }
      if (!abandoned) send(res, rollback.answer);
    }
  };
}
