/**
 * POST /exports?shape=<SHAPE>&format=<csv|xlsx>: the acting organisation's own records of a shape
 * as a spreadsheet attachment, for its coordinators (EXPORT_RECORDS), in the caller's language
 * (headers and labels). The rows are read a page at a time (export-rows.ts) and streamed as they
 * come; the download is audited (EXPORT_DOWNLOADED: shape, format, rows) in the same
 * transaction, and the file is ended only once that transaction committed (http/acting-route.ts).
 * A POST and not a link: it needs the CSRF token, so another site cannot make a coordinator's
 * browser fetch it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isRecordShape, type RecordShapeName, shapeHeaders } from "@maillage/domain/record-shapes";
import { auditViewerAction } from "../../access/audit-writes.ts";
import type { createActingRoute } from "../../http/acting-route.ts";
import { RouteRefusal, refusedUnlessPost } from "../../http/acting-route.ts";
import { securityHeaders } from "../../http/security-headers.ts";
import { viewerSettings } from "../programme-settings/viewer-settings.ts";
import { exportRows } from "./export-rows.ts";
import { type SheetFormat, sheetWriterFor, xlsxContentType } from "./sheet-writers.ts";

const formats: readonly SheetFormat[] = ["csv", "xlsx"];

function isSheetFormat(name: string | null): name is SheetFormat {
  return (formats as readonly (string | null)[]).includes(name);
}

/** The attachment's name: the shape and the day, e.g. `maillage-encounters-2026-12-03.xlsx`. */
function fileName(shape: RecordShapeName, format: SheetFormat, now: Date): string {
  return `maillage-${shape.toLowerCase().replaceAll("_", "-")}-${now.toISOString().slice(0, 10)}.${format}`;
}

export function createExportsHandler(actFor: ReturnType<typeof createActingRoute>) {
  return async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (refusedUnlessPost(req, res)) return;
    const shape = url.searchParams.get("shape") ?? "";
    const format = url.searchParams.get("format");
    await actFor(req, res, "EXPORT_RECORDS", async (ctx) => {
      if (!isRecordShape(shape) || !isSheetFormat(format)) throw new RouteRefusal(400, "INPUT_VALIDATION");
      const { timeZone } = await viewerSettings(ctx);
      const settings = { locale: ctx.locale, timeZone };
      const sheetWriter = await sheetWriterFor(format);
      res.writeHead(200, {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : xlsxContentType,
        "content-disposition": `attachment; filename="${fileName(shape, format, ctx.now)}"`,
        "cache-control": "no-store",
        ...securityHeaders,
      });
      const writer = sheetWriter(res, shapeHeaders(shape, ctx.locale));
      let rows = 0;
      for await (const page of exportRows(ctx, shape, settings)) {
        await writer.write(page);
        rows += page.length;
      }
      await writer.finish();
      await auditViewerAction(ctx, {
        action: "EXPORT_DOWNLOADED",
        recordKind: "ORGANISATION",
        recordId: ctx.viewer.organisationId,
        details: { shape, format, rows },
      });
      return undefined;
    });
  };
}
