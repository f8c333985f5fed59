import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { type Database, viewerScopedTransaction } from "@maillage/db";
import { errorMessages, type Locale, localeFromAcceptLanguage } from "@maillage/domain";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Context } from "./context.ts";
import { operationSizeLimit } from "./graphql-limits.ts";
import { readCookie, sessionCookieName } from "./modules/auth/session-cookie.ts";
import { calendarFeed, renderCalendar } from "./modules/nurse-visits/ical.ts";
import { previewSharesOperation } from "./modules/partner-preview/preview-alone.ts";
import { schema } from "./schema.ts";

/** Codes a caller may see in `errors[].extensions.code`; anything else is masked. */
const exposedCodes = new Set([
  "CSRF",
  "INPUT_VALIDATION",
  "NOT_FOUND",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "PREVIEW_NOT_ALONE",
]);
const maxBodyBytes = 64 * 1024;

export interface AppOptions {
  db: Database;
  /** Built web app to serve (apps/web/dist), if any. */
  webDist?: string | null;
  production?: boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy?: boolean;
  log?: (message: string, error?: unknown) => void;
}

/** Thrown inside the request transaction to roll it back while still answering. */
class RollbackWithResponse {
  constructor(
    readonly status: number,
    readonly headers: HeaderMap,
    readonly body: string,
  ) {}
}

/** Prisma's "record required but not found" (a node lookup filtered away): answered as not found. */
function isRecordNotFound(error: unknown): boolean {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  return (original as { code?: unknown })?.code === "P2025";
}

function formatError(formatted: GraphQLFormattedError, error: unknown, log: AppOptions["log"]) {
  // Apollo reports an error thrown by a plugin as internal; its own code is on the error.
  const ownCode = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  const code = String(ownCode ?? formatted.extensions?.code ?? "");
  // A malformed global id names nothing: answered exactly like a missing record.
  const invalidId = /^Invalid global ID/.test(formatted.message);
  if (formatted.message === "NOT_FOUND" || code === "NOT_FOUND" || invalidId || isRecordNotFound(error)) {
    return { message: "Not found", path: formatted.path, extensions: { code: "NOT_FOUND" } };
  }
  // Pothos' own argument checks (e.g. a negative page size) are the caller's mistake.
  if ((error as { originalError?: { name?: string } })?.originalError?.name === "PothosValidationError") {
    return { message: formatted.message, path: formatted.path, extensions: { code: "INPUT_VALIDATION" } };
  }
  if (exposedCodes.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  log?.("Unexpected error in a GraphQL operation", error);
  return { message: "Internal error", path: formatted.path, extensions: { code: "INTERNAL" } };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(code: string, locale: Locale) {
  const message =
    code in errorMessages[locale] ? errorMessages[locale][code as keyof (typeof errorMessages)["fr"]] : code;
  return { errors: [{ message, extensions: { code } }] };
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

const securityHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

function serveStatic(webDist: string, pathname: string, res: ServerResponse): boolean {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = normalize(join(webDist, relative));
  if (!file.startsWith(webDist + sep) && file !== webDist) return false;
  const hasExtension = extname(file) !== "";
  const target = hasExtension ? file : join(webDist, "index.html");
  if (!existsSync(target) || !statSync(target).isFile()) return false;
  const immutable = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...securityHeaders,
    "content-type": contentTypes[extname(target)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(target).pipe(res);
  return true;
}

export async function createApp(options: AppOptions) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !options.production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [operationSizeLimit(12, 400)],
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: [
      // We send no cache hints (answers are no-store); the default cache-control plugin would
      // wrap every field resolver to collect them (8 % of the CPU of a caseload page).
      ApolloServerPluginCacheControlDisabled(),
      {
        // An unexpected error in a mutation rolls the request's transaction back: nothing
        // half-done is kept. A query's partial answer is kept with its read audit.
        async requestDidStart() {
          return {
            // A signed-in mutation must prove it comes from our page: the session's CSRF token
            // in x-csrf-token (double submit). Queries may run without it — the page learns the
            // token from `me` — and cross-site requests are refused by Origin and SameSite.
            async didResolveOperation(requestContext) {
              const context = requestContext.contextValue;
              const operation = requestContext.operation;
              if (!operation) return;
              if (previewSharesOperation(operation, requestContext.document)) {
                throw new GraphQLError(errorMessages[context.locale].PREVIEW_NOT_ALONE, {
                  extensions: { code: "PREVIEW_NOT_ALONE", http: { status: 400 } },
                });
              }
              const fields = operation.selectionSet.selections;
              const onlySignIn = fields.every(
                (field) => field.kind === "Field" && field.name.value === "signIn",
              );
              if (
                operation.operation === "mutation" &&
                context.viewer &&
                !context.csrfVerified &&
                !onlySignIn
              ) {
                throw new GraphQLError(errorMessages[context.locale].CSRF, {
                  extensions: { code: "CSRF", http: { status: 403 } },
                });
              }
            },
            async didEncounterErrors(requestContext) {
              if (requestContext.operation?.operation === "query") return;
              (requestContext.contextValue as Context & { failed?: boolean }).failed = true;
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  const webDist = options.webDist && existsSync(options.webDist) ? normalize(options.webDist) : null;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const locale = localeFromAcceptLanguage(req.headers["accept-language"]);
    if (req.method !== "POST") {
      json(res, 405, errorBody("BAD_REQUEST", locale), { allow: "POST" });
      return;
    }
    // Refuse cross-site requests outright (sign-in included), whatever the cookie.
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) {
      json(res, 403, errorBody("CSRF", locale));
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      json(res, 413, errorBody("INPUT_VALIDATION", locale));
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
      json(res, 400, errorBody("BAD_REQUEST", locale));
      return;
    }
    const forwardedFor = options.trustProxy ? String(req.headers["x-forwarded-for"] ?? "") : "";
    const ip = (forwardedFor.split(",")[0]?.trim() || req.socket.remoteAddress) ?? null;
    const secure = options.trustProxy === true && req.headers["x-forwarded-proto"] === "https";
    const sessionToken = readCookie(req.headers.cookie, sessionCookieName);
    try {
      const answer = await viewerScopedTransaction(options.db, sessionToken, async (tx, viewer) => {
        const context: Context & { failed?: boolean } = {
          viewer,
          now: new Date(),
          tx,
          db: options.db,
          locale,
          origin: { ip, userAgent: req.headers["user-agent"] ?? null, secure },
          sessionToken,
          csrfVerified: viewer !== null && req.headers["x-csrf-token"] === viewer.csrfToken,
          responseCookies: [],
        };
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: "POST", headers, search: url.search, body: parsedBody },
          context: async () => context,
        });
        let text = "";
        if (result.body.kind === "complete") text = result.body.string;
        else for await (const chunk of result.body.asyncIterator) text += chunk;
        if (context.failed) throw new RollbackWithResponse(result.status ?? 200, result.headers, text);
        for (const cookie of context.responseCookies) result.headers.set("set-cookie", cookie);
        return { status: result.status ?? 200, headers: result.headers, body: text };
      });
      send(res, answer.status, answer.headers, answer.body);
    } catch (error) {
      if (error instanceof RollbackWithResponse) {
        send(res, error.status, error.headers, error.body);
        return;
      }
      log("Request failed", error);
      json(res, 500, errorBody("INTERNAL", locale));
    }
  }

  function send(res: ServerResponse, status: number, headers: HeaderMap, body: string) {
    const out: Record<string, string> = { "cache-control": "no-store", ...securityHeaders };
    for (const [key, value] of headers) out[key] = value;
    if (!out["content-type"]) out["content-type"] = "application/json; charset=utf-8";
    res.writeHead(status, out);
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/graphql") return handleGraphQL(req, res, url);
    if (url.pathname === "/healthz") return json(res, 200, { ok: true });
    const feed = /^\/calendar\/([\w-]+)\.ics$/.exec(url.pathname);
    if (feed && req.method === "GET") {
      const rows = await calendarFeed(options.db, feed[1]!);
      if (!rows) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...securityHeaders });
        res.end("Not found");
        return;
      }
      res.writeHead(200, {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "no-store",
        ...securityHeaders,
      });
      res.end(renderCalendar(rows, localeFromAcceptLanguage(req.headers["accept-language"])));
      return;
    }
    if ((req.method === "GET" || req.method === "HEAD") && webDist && serveStatic(webDist, url.pathname, res))
      return;
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...securityHeaders });
    res.end("Not found");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log("Unhandled request error", error);
      if (!res.headersSent)
        json(res, 500, { errors: [{ message: "Internal error", extensions: { code: "INTERNAL" } }] });
      else res.end();
    });
  });

  return {
    server,
    async listen(port: number, host = "127.0.0.1"): Promise<string> {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      return `http://${host === "0.0.0.0" ? "localhost" : host}:${actualPort}`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
