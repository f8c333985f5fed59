/**
 * Routes beside /graphql that act for a member of an organisation (POST /exports, POST
 * /imports/files): the checks of graphql-handler.ts — a cross-site `Origin` refused, the session
 * checked by app.begin_request in one viewer-scoped transaction, the CSRF token (these are
 * signed-in requests that read or write person data) — then an organisation action of the
 * registry (organisation-actions.ts), refused as NOT_FOUND like a refused scope. The work runs
 * in that transaction, under the viewer's row-level security, with a context like a resolver's.
 *
 * The answer is finished only once the transaction committed (a file streamed by `work` is ended
 * here; a JSON answer `work` returns is sent here), so a caller never takes for done what was
 * rolled back. Errors are answered as `{ "error": { "code", "message" } }` in the caller's
 * language.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import type { Database, Viewer } from "@maillage/db";
import { viewerScopedTransaction } from "@maillage/db";
import {
  type ErrorCode,
  type ErrorMessageValues,
  errorMessage,
  type Locale,
  localeFromAcceptLanguage,
  type OrganisationAction,
  takesAction,
} from "@maillage/domain";
import type { ActingContext, Context, RequestOrigin, SignedInContext } from "../context.ts";
import { readCookie, sessionCookieName } from "../modules/auth/session-cookie.ts";
import { OperationOutcome } from "../operation-outcome.ts";
import type { UnexpectedErrorLog } from "./error-masking.ts";
import { securityHeaders } from "./security-headers.ts";

/**
 * How the API is reached. `trustProxy`: the number of reverse proxies in front of it that append
 * the address they were reached from to X-Forwarded-For (true: one; false or 0: none, the header
 * is ignored). `allowHttp`: session cookies without `Secure` on a public address too (development
 * only; plain http on loopback is always allowed).
 */
export interface ProxySettings {
  trustProxy: boolean | number;
  allowHttp?: boolean;
}

/** `TRUST_PROXY` and `MAILLAGE_ALLOW_HTTP` as ProxySettings ("true" is one proxy; a count, that many). */
export function proxySettingsFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  const raw = env.TRUST_PROXY?.trim() ?? "";
  const hops = raw === "true" ? 1 : /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
  return { trustProxy: hops, allowHttp: env.MAILLAGE_ALLOW_HTTP === "true" };
}

function trustedHops(trustProxy: boolean | number): number {
  return trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.trunc(trustProxy));
}

/**
 * The client's address: with N trusted proxies, the Nth X-Forwarded-For entry from the right —
 * the one our nearest proxies wrote; anything left of it is what the client claimed and is
 * ignored (it would otherwise write a false address into the audit log and dodge the per-address
 * throttle). Without a trusted proxy, the connection's address.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean | number): string | null {
  const hops = trustedHops(trustProxy);
  const socketAddress = req.socket.remoteAddress ?? null;
  if (hops === 0) return socketAddress;
  const header = req.headers["x-forwarded-for"];
  const entries = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) return socketAddress;
  const entry = entries[Math.max(0, entries.length - hops)] ?? "";
  return isIP(entry) ? entry : socketAddress;
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A request from this machine to a loopback name (http://localhost:4000 on a laptop, the tests). */
function onLoopback(req: IncomingMessage): boolean {
  const remote = req.socket.remoteAddress ?? "";
  const local = remote === "::1" || remote.startsWith("127.") || remote.startsWith("::ffff:127.");
  const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
  return local && loopbackHosts.has(host);
}

/**
 * Where a request came from: its address (clientAddress) and whether its cookies must be
 * `Secure`: always, unless it is plain http on loopback or the deployment explicitly allows http
 * (MAILLAGE_ALLOW_HTTP, development only) — a deployment behind TLS that forgets to say so still
 * never sends the session in clear.
 */
export function requestOrigin(req: IncomingMessage, proxy: ProxySettings): RequestOrigin {
  return {
    ip: clientAddress(req, proxy.trustProxy),
    userAgent: req.headers["user-agent"] ?? null,
    secure: !(proxy.allowHttp === true || onLoopback(req)),
  };
}

/** A request from another site's page (sign-in included), whatever its cookie; an unreadable Origin ("null") too. */
export function comesFromAnotherSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** A code whose message takes no values. */
type PlainErrorCode = Exclude<ErrorCode, keyof ErrorMessageValues>;

/** An expected refusal of the work (bad parameters, a bad file): rolled back, answered with its code. */
export class RouteRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: PlainErrorCode,
    /** A more specific message than the code's (already in the caller's language). */
    readonly specificMessage?: string,
  ) {
    super(code);
  }
}

/** Answers 405 (Allow: POST) to anything but a POST, and says whether it did. */
export function refusedUnlessPost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "POST") return false;
  res.setHeader("allow", "POST");
  sendRouteError(res, 405, "INPUT_VALIDATION", localeFromAcceptLanguage(req.headers["accept-language"]));
  return true;
}

/** `{ error: { code, message } }`: the code's message in the caller's language. */
export function sendRouteError(
  res: ServerResponse,
  status: number,
  code: PlainErrorCode,
  locale: Locale,
  message: string = errorMessage(locale, code),
) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...securityHeaders,
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

export interface ActingRouteOptions {
  db: Database;
  proxy: ProxySettings;
  log: UnexpectedErrorLog;
}

/** A JSON answer `work` returns, sent once the transaction committed. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

/**
 * `actFor(req, res, action, work)`: runs `work` for a signed-in member of the acting organisation
 * who may take `action`, in the request's viewer-scoped transaction, committed when `work`
 * returns. `work` either returns a JSON answer, or streams one on `res` (writeHead, write — never
 * end: it is ended after the commit). A RouteRefusal it throws before answering rolls everything
 * back and is answered with its code. `actFor.signedIn(req, res, work)`: the same for any
 * signed-in viewer (a committee member acts as no organisation); `work` decides who it answers.
 */
export function createActingRoute(options: ActingRouteOptions) {
  const { db, log } = options;
  async function run<C extends Context>(
    req: IncomingMessage,
    res: ServerResponse,
    narrow: (ctx: Context & { viewer: Viewer }) => C | null,
    work: (ctx: C) => Promise<RouteAnswer | undefined>,
  ): Promise<void> {
    const locale = localeFromAcceptLanguage(req.headers["accept-language"]);
    if (comesFromAnotherSite(req)) return sendRouteError(res, 403, "CSRF", locale);
    const sessionToken = readCookie(req.headers.cookie, sessionCookieName);
    const origin = requestOrigin(req, options.proxy);
    try {
      const answer = await viewerScopedTransaction(db, sessionToken, async (tx, viewer) => {
        if (!viewer) throw new RouteRefusal(401, "UNAUTHENTICATED");
        if (req.headers["x-csrf-token"] !== viewer.csrfToken) throw new RouteRefusal(403, "CSRF");
        const ctx = narrow({
          viewer,
          now: new Date(),
          tx,
          db,
          locale,
          origin,
          sessionToken,
          deviceToken: null,
          csrfVerified: true,
          responseCookies: [],
          outcome: new OperationOutcome(),
        });
        if (!ctx) throw new RouteRefusal(404, "NOT_FOUND");
        return work(ctx);
      });
      if (answer) {
        res.writeHead(answer.status, {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
          ...securityHeaders,
        });
        res.end(JSON.stringify(answer.body));
      } else res.end();
    } catch (error) {
      if (res.headersSent) {
        // Part of an answer went out (a streamed file): cut it, so it is never taken for whole.
        log("A streamed answer failed", error);
        res.destroy();
        return;
      }
      if (error instanceof RouteRefusal)
        return sendRouteError(res, error.status, error.code, locale, error.specificMessage);
      log("Request failed", error);
      sendRouteError(res, 500, "INTERNAL", locale);
    }
  }
  function actFor(
    req: IncomingMessage,
    res: ServerResponse,
    action: OrganisationAction,
    work: (ctx: ActingContext) => Promise<RouteAnswer | undefined>,
  ): Promise<void> {
    return run(
      req,
      res,
      (ctx) => {
        const { organisationId } = ctx.viewer;
        if (!organisationId || !takesAction(ctx.viewer.roles, action)) return null;
        return { ...ctx, viewer: { ...ctx.viewer, organisationId } };
      },
      work,
    );
  }
  actFor.signedIn = (
    req: IncomingMessage,
    res: ServerResponse,
    work: (ctx: SignedInContext) => Promise<RouteAnswer | undefined>,
  ): Promise<void> => run(req, res, (ctx) => ctx, work);
  return actFor;
}
