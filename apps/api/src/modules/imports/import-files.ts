/**
 * POST /imports/files?name=<file name>: the raw bytes of a CSV or XLSX file (at most 10 MB),
 * from a coordinator of the acting organisation (IMPORT_RECORDS) with her session cookie and
 * `x-csrf-token` (http/acting-route.ts: the checks and the one viewer-scoped transaction of
 * /graphql). The file is read at once: a bad one is refused with its reason in the caller's
 * language and nothing is kept; a good one is stored in import_files (RLS: the organisation's
 * coordinators) and answered `{ fileId, name, format, rows, headers }` (201). Files older than
 * 24 hours are refused when read and erased at the next upload; an imported file is erased at
 * its commit.
 *
 * The body is read before the transaction (a slow upload never holds a database connection),
 * only from a request that carries a session cookie and a CSRF header, and never past the limit:
 * a Content-Length over it is refused before a byte is read, a body that grows past it is
 * refused (413) as soon as it does, without keeping what came.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Locale, localeFromAcceptLanguage } from "@maillage/domain";
import {
  type ImportFileProblem,
  importFileProblemMessage,
  maxImportFileBytes,
} from "@maillage/domain/record-shapes";
import type { ActingContext } from "../../context.ts";
import {
  comesFromAnotherSite,
  type createActingRoute,
  refusedUnlessPost,
  sendRouteError,
} from "../../http/acting-route.ts";
import { securityHeaders } from "../../http/security-headers.ts";
import { readCookie, sessionCookieName } from "../auth/session-cookie.ts";
import { ImportFileError } from "./imports.errors.ts";
import { readSheet, type Sheet, SheetRefusal } from "./spreadsheet-reader.ts";

/** How long an uploaded file is kept for its import. */
export const importFileLifetimeMs = 24 * 3600_000;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendFileRefusal(
  res: ServerResponse,
  status: number,
  locale: Locale,
  reason: ImportFileProblem,
  headers?: string,
  close = false,
) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...(close ? { connection: "close" } : {}),
    ...securityHeaders,
  });
  res.end(JSON.stringify(refusalBody(locale, reason, headers)));
}

/** `{ error: { code: "IMPORT_FILE_REFUSED", reason, message } }`, the message in the caller's language. */
function refusalBody(locale: Locale, reason: ImportFileProblem, headers?: string) {
  return {
    error: {
      code: "IMPORT_FILE_REFUSED",
      reason,
      message: importFileProblemMessage(locale, reason, headers ? { headers } : {}),
    },
  };
}

/** What a refused upload may still send before its connection is cut. */
const maxDrainedBytes = 64 * 1024 * 1024;

/**
 * A too-large upload: answered at once (413); what it still sends is read and dropped — never
 * kept — so that the client, still sending, receives the answer; past maxDrainedBytes the
 * connection is cut.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, locale: Locale) {
  sendFileRefusal(res, 413, locale, "TOO_LARGE");
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > maxDrainedBytes) req.destroy();
  });
  req.resume();
}

/**
 * The body, or null as soon as it passes `limit`: what came is dropped and the request is left
 * open (not destroyed, as leaving a for-await loop would), so that the refusal can be answered.
 */
function readBounded(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      chunks.length = 0;
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function uploadedName(url: URL): string {
  const name = (url.searchParams.get("name") ?? "").trim().replace(/[\p{Cc}]/gu, "");
  return (name || "import").slice(0, 255);
}

export function createImportFilesHandler(actFor: ReturnType<typeof createActingRoute>) {
  return async function handleImportUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    const locale = localeFromAcceptLanguage(req.headers["accept-language"]);
    if (refusedUnlessPost(req, res)) return;
    // What needs no database first: nothing is read for another site, or without a session.
    if (comesFromAnotherSite(req)) return sendRouteError(res, 403, "CSRF", locale);
    if (!readCookie(req.headers.cookie, sessionCookieName))
      return sendRouteError(res, 401, "UNAUTHENTICATED", locale);
    if (!req.headers["x-csrf-token"]) return sendRouteError(res, 403, "CSRF", locale);
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > maxImportFileBytes) return refuseTooLarge(req, res, locale);
    const bytes = await readBounded(req, maxImportFileBytes);
    if (bytes === null) return refuseTooLarge(req, res, locale);
    const name = uploadedName(url);
    await actFor(req, res, "IMPORT_RECORDS", async (ctx) => {
      let sheet: Sheet;
      try {
        sheet = await readSheet(bytes);
      } catch (error) {
        if (!(error instanceof SheetRefusal)) throw error;
        // Nothing written: the answer carries the reason (the transaction has only read).
        return { status: 422, body: refusalBody(ctx.locale, error.problem, error.headers) };
      }
      const organisationId = ctx.viewer.organisationId;
      await ctx.tx.importFile.deleteMany({
        where: { organisationId, createdAt: { lt: new Date(ctx.now.getTime() - importFileLifetimeMs) } },
      });
      const file = await ctx.tx.importFile.create({
        data: {
          organisationId,
          uploadedById: ctx.viewer.userId,
          name,
          byteSize: bytes.length,
          bytes: new Uint8Array(bytes),
        },
        select: { id: true },
      });
      return {
        status: 201,
        body: {
          fileId: file.id,
          name,
          format: sheet.format,
          rows: sheet.rows.length,
          headers: sheet.headers,
        },
      };
    });
  };
}

export interface LoadedImportFile {
  id: string;
  name: string;
  sheet: Sheet;
}

/**
 * An uploaded file of the acting organisation not older than 24 hours, read; refused as EXPIRED
 * otherwise (another organisation's file is not found by RLS: the same answer).
 */
export async function loadImportFile(ctx: ActingContext, fileId: string): Promise<LoadedImportFile> {
  const file = uuid.test(fileId)
    ? await ctx.tx.importFile.findFirst({
        where: {
          id: fileId.toLowerCase(),
          organisationId: ctx.viewer.organisationId,
          createdAt: { gte: new Date(ctx.now.getTime() - importFileLifetimeMs) },
        },
        select: { id: true, name: true, bytes: true },
      })
    : null;
  if (!file) throw new ImportFileError(ctx.locale, "EXPIRED");
  try {
    return { id: file.id, name: file.name, sheet: await readSheet(file.bytes) };
  } catch (error) {
    if (error instanceof SheetRefusal) throw new ImportFileError(ctx.locale, error.problem, error.headers);
    throw error;
  }
}
