/**
 * GET /imports/templates/<shape>.<fr|en>.<csv|xlsx>: an empty template of a shape — its headers
 * in the language and one example row (record-shapes templates.ts) — written by the export's
 * sheet writers, so a template, an export and an import read the same headers. No session: it
 * holds no data.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Locale, locales } from "@maillage/domain";
import { isRecordShape, templateRows } from "@maillage/domain/record-shapes";
import { sendNotFound } from "../../http/plain-responses.ts";
import { securityHeaders } from "../../http/security-headers.ts";
import { sheetWriterFor, xlsxContentType } from "../exports/sheet-writers.ts";

export const templatePath = /^\/imports\/templates\/([A-Z_]+)\.(fr|en)\.(csv|xlsx)$/;

export async function handleImportTemplate(req: IncomingMessage, res: ServerResponse, url: URL) {
  const match = templatePath.exec(url.pathname);
  const [, shape = "", locale = "", format = ""] = match ?? [];
  if (
    (req.method !== "GET" && req.method !== "HEAD") ||
    !isRecordShape(shape) ||
    !(locales as readonly string[]).includes(locale)
  ) {
    return sendNotFound(res);
  }
  const [headers = [], example = []] = templateRows(shape, locale as Locale);
  const sheetWriter = await sheetWriterFor(format as "csv" | "xlsx");
  res.writeHead(200, {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : xlsxContentType,
    "content-disposition": `attachment; filename="maillage-${shape.toLowerCase().replaceAll("_", "-")}-${locale}.${format}"`,
    "cache-control": "no-store",
    ...securityHeaders,
  });
  if (req.method === "HEAD") return res.end();
  const writer = sheetWriter(res, headers);
  await writer.write([example.map((cell) => (cell === "" ? null : cell))]);
  await writer.finish();
  res.end();
}
