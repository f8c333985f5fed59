/**
 * An export's file, written a page of rows at a time on the answer: CSV (csv-stringify) in UTF-8
 * with a byte-order mark, so Excel reads the accents right, CRLF between rows as RFC 4180 says;
 * or XLSX (ExcelJS's streaming writer, which never holds the workbook in memory). Text that a
 * spreadsheet would run as a formula is neutralised in both (export-values.ts); whole numbers
 * are number cells.
 *
 * A writer never ends the answer: http/acting-route.ts ends it once the transaction (and its
 * audit row) committed. ExcelJS is loaded at the first XLSX export, not with the API: it holds
 * ~30 MB that most processes never use.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { PassThrough } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type ExcelJSModule from "exceljs";
import { type ExportCell, neutralised } from "./export-values.ts";

export type SheetFormat = "csv" | "xlsx";

export interface SheetWriter {
  /** Writes a page of rows, waiting while the answer's buffer is full. */
  write(rows: readonly ExportCell[][]): Promise<void>;
  /** Writes what closes the file (XLSX: the workbook's end); the answer stays open. */
  finish(): Promise<void>;
}

function cellOf(cell: ExportCell): string | number | null {
  return typeof cell === "string" ? neutralised(cell) : cell;
}

/** Writes a chunk, and waits for the buffer to drain when it is full (a slow client). */
async function writeOn(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

const byteOrderMark = "\uFEFF";

function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify(rows as (string | number | null)[][], { record_delimiter: "windows" });
}

function csvWriter(out: Writable, headers: readonly string[]): SheetWriter {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await writeOn(out, byteOrderMark + csvLines([headers.map(neutralised)]));
  };
  return {
    async write(rows) {
      await start();
      if (rows.length > 0) await writeOn(out, csvLines(rows.map((row) => row.map(cellOf))));
    },
    finish: start,
  };
}

function xlsxWriter(ExcelJS: typeof ExcelJSModule, out: Writable, headers: readonly string[]): SheetWriter {
  // The workbook ends the stream it writes to: it writes to its own, relayed without ending.
  const relay = new PassThrough();
  relay.pipe(out, { end: false });
  const relayed = once(relay, "end");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: relay,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("Maillage");
  sheet.addRow(headers.map(neutralised)).commit();
  return {
    async write(rows) {
      for (const row of rows) sheet.addRow(row.map(cellOf)).commit();
      // ExcelJS writes as rows are committed; wait while the answer is behind.
      if (out.writableNeedDrain) await once(out, "drain");
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      await relayed;
    },
  };
}

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The writer of a format, ready to write: call it before the answer's head is sent. */
export async function sheetWriterFor(
  format: SheetFormat,
): Promise<(out: Writable, headers: readonly string[]) => SheetWriter> {
  if (format === "csv") return csvWriter;
  const { default: ExcelJS } = await import("exceljs");
  return (out, headers) => xlsxWriter(ExcelJS, out, headers);
}
