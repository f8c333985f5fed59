/**
 * The HTTP entry: which path goes where, and the node:http server. The jobs live beside it:
 * http/graphql-handler.ts (POST /graphql in one viewer-scoped transaction), http/apollo-server.ts
 * (the schema, its limits and plugins), http/static-files.ts (the built web app),
 * http/security-headers.ts, http/plain-responses.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type Database, readinessProblem } from "@maillage/db";
import { localeFromAcceptLanguage } from "@maillage/domain";
import { createActingRoute } from "./http/acting-route.ts";
import { createApolloServer } from "./http/apollo-server.ts";
import type { UnexpectedErrorLog } from "./http/error-masking.ts";
import { createGraphQLHandler } from "./http/graphql-handler.ts";
import { errorBody, sendJson, sendNotFound } from "./http/plain-responses.ts";
import { unlessAbandoned } from "./http/request-scope.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { serveStatic, webDistDirectory } from "./http/static-files.ts";
import { createExportsHandler } from "./modules/exports/exports-route.ts";
import { createImportFilesHandler } from "./modules/imports/import-files.ts";
import { handleImportTemplate, templatePath } from "./modules/imports/import-templates.ts";
import { createIndicatorReportHandler } from "./modules/indicators/report-route.ts";
import { calendarFeed, renderCalendar } from "./modules/nurse-visits/ical.ts";
import { createPersonExportHandler, personExportPath } from "./modules/privacy/person-export-route.ts";

export interface AppOptions {
  db: Database;
  /** Built web app to serve (apps/web/dist), if any. */
  webDist?: string | null;
  production?: boolean;
  /**
   * Reverse proxies in front (true: one) whose X-Forwarded-For entries are trusted, and whether
   * plain http may carry the session off loopback (http/acting-route.ts ProxySettings).
   */
  trustProxy?: boolean | number;
  allowHttp?: boolean;
  /** Where unexpected errors go (the console by default; the test server collects them). */
  log?: UnexpectedErrorLog;
  /** The migrations this build ships: /readyz answers 503 until each is applied (none: not checked). */
  expectedMigrations?: readonly string[];
  /** How long `close()` lets requests in flight finish before it closes their connections (10 s). */
  drainMs?: number;
}

function requestLanguage(req: IncomingMessage) {
  return localeFromAcceptLanguage(req.headers["accept-language"]);
}

export async function createApp(options: AppOptions) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const apollo = createApolloServer({ production: options.production ?? false, log: unlessAbandoned(log) });
  await apollo.start();
  const webDist = webDistDirectory(options.webDist);
  const proxy = { trustProxy: options.trustProxy ?? false, allowHttp: options.allowHttp ?? false };
  const handleGraphQL = createGraphQLHandler({
    apollo,
    db: options.db,
    proxy,
    log,
  });
  // Routes beside /graphql that act for a member (session, CSRF token, organisation action).
  const actFor = createActingRoute({ db: options.db, proxy, log });
  const handleExport = createExportsHandler(actFor);
  const handleImportUpload = createImportFilesHandler(actFor);
  const handleIndicatorReport = createIndicatorReportHandler(actFor);
  const handlePersonExport = createPersonExportHandler(actFor);

  /** The iCalendar feed of a secret URL: no names, no destinations (modules/nurse-visits/ical.ts). */
  async function handleCalendar(req: IncomingMessage, res: ServerResponse, secret: string) {
    const rows = await calendarFeed(options.db, secret);
    if (!rows) return sendNotFound(res);
    res.writeHead(200, {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "no-store",
      ...securityHeaders,
    });
    res.end(renderCalendar(rows, localeFromAcceptLanguage(req.headers["accept-language"])));
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    // A request line that is no URL (e.g. "//" or a bare authority) is the caller's mistake.
    const url = URL.parse(req.url ?? "/", "http://localhost");
    if (!url) return sendJson(res, 400, errorBody("INVALID_REQUEST", requestLanguage(req)));
    if (url.pathname === "/graphql") return handleGraphQL(req, res, url);
    if (url.pathname === "/exports") return handleExport(req, res, url);
    if (url.pathname === "/imports/files") return handleImportUpload(req, res, url);
    if (url.pathname === "/indicators/report") return handleIndicatorReport(req, res, url);
    if (url.pathname === personExportPath) return handlePersonExport(req, res, url);
    if (templatePath.test(url.pathname)) return handleImportTemplate(req, res, url);
    // Liveness (the process answers) and readiness (its database is reachable and migrated).
    if (url.pathname === "/healthz") return sendJson(res, 200, { ok: true });
    if (url.pathname === "/readyz") {
      const problem = await readinessProblem(options.db.pool, options.expectedMigrations ?? []);
      return sendJson(res, problem ? 503 : 200, problem ? { ok: false, problem } : { ok: true });
    }
    const feed = /^\/calendar\/([\w-]+)\.ics$/.exec(url.pathname);
    if (feed?.[1] && req.method === "GET") return handleCalendar(req, res, feed[1]);
    const readsFile = req.method === "GET" || req.method === "HEAD";
    if (readsFile && webDist && serveStatic(webDist, url.pathname, res)) return;
    sendNotFound(res);
  }

  // Answers in progress: when the server stops, each is its connection's last (Connection: close),
  // so a kept-alive client does not hold the stop until the drain bound.
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (stopping) res.setHeader("connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    route(req, res).catch((error: unknown) => {
      log("Unhandled request error", error);
      if (!res.headersSent) sendJson(res, 500, errorBody("INTERNAL", requestLanguage(req)));
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
    /**
     * A graceful stop: no new connection is accepted and idle ones are closed at once; requests
     * in flight finish (their transactions commit or roll back) for up to `drainMs`, after which
     * the connections still open are closed.
     */
    async close() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drain = setTimeout(() => server.closeAllConnections(), options.drainMs ?? 10_000);
      drain.unref();
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      await closed;
      clearTimeout(drain);
      await apollo.stop();
    },
  };
}
