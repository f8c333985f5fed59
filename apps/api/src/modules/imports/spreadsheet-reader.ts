/**
 * Reads an uploaded file into a header row and data rows, or refuses it whole with the reason
 * (record-shapes importFileProblems). CSV with csv-parse (delimiter , ; or tab found from the
 * header line, or Excel's "sep=" hint; a UTF-8 BOM stripped; anything that is not UTF-8 refused
 * with how to save as "CSV UTF-8"); XLSX with exceljs, its first worksheet, after a pass with
 * fflate over the zip that holds the decompressed size and the first sheet's row count to the
 * limits (a zip bomb, or a 100,000-row sheet, is refused before exceljs builds a cell of it).
 *
 * Line numbers are the spreadsheet's (the header's line is usually 1; rows above it that are
 * empty are skipped); an entirely empty row is no row. Formulas are flagged per cell: an XLSX
 * formula cell, or a CSV cell starting with "=" (record-shapes looksLikeFormula).
 */
import {
  type CellValue,
  comparableLabel,
  type ImportFileProblem,
  looksLikeFormula,
  maxImportRows,
  withoutNeutralisingApostrophe,
} from "@maillage/domain/record-shapes";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { Unzip, UnzipInflate } from "fflate";

export interface SheetRow {
  /** The spreadsheet's line number. */
  line: number;
  cells: CellValue[];
}

export interface Sheet {
  format: "csv" | "xlsx";
  headers: string[];
  rows: SheetRow[];
  /** Cells holding a formula: `${line}:${columnIndex}`. */
  formulas: Set<string>;
}

export class SheetRefusal extends Error {
  constructor(
    readonly problem: ImportFileProblem,
    readonly headers?: string,
  ) {
    super(problem);
  }
}

/** What the decompressed parts of an XLSX may weigh together (a legitimate 10 MB file is ~100). */
const maxDecompressedBytes = 200 * 1024 * 1024;
const maxZipEntries = 5_000;

const magic = {
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0], // .xls, .doc (old Office), encrypted .xlsx
  pdf: [0x25, 0x50, 0x44, 0x46],
  png: [0x89, 0x50, 0x4e, 0x47],
  jpeg: [0xff, 0xd8, 0xff],
  gif: [0x47, 0x49, 0x46, 0x38],
  gzip: [0x1f, 0x8b],
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length === 0) throw new SheetRefusal("EMPTY");
  if (startsWith(bytes, magic.zip)) return readXlsx(bytes);
  for (const binary of [magic.ole, magic.pdf, magic.png, magic.jpeg, magic.gif, magic.gzip]) {
    if (startsWith(bytes, binary)) throw new SheetRefusal("NOT_CSV_OR_XLSX");
  }
  return readCsv(bytes);
}

// ───────────────────────────── CSV ─────────────────────────────

function decodeUtf8(bytes: Uint8Array): string {
  // UTF-16 (Excel's "Unicode text"): not UTF-8, say how to save it.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) throw new SheetRefusal("NOT_UTF8");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: a text in another encoding (Windows-1252 from Excel), or not text at all.
    const controls = bytes.slice(0, 4096).filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
    throw new SheetRefusal(controls > 0 ? "NOT_CSV_OR_XLSX" : "NOT_UTF8");
  }
  if (text.includes("\u0000")) throw new SheetRefusal("NOT_CSV_OR_XLSX");
  return text;
}

/** The delimiter the header line uses most, outside quotes: , ; or tab (a comma when none). */
function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function readCsv(bytes: Uint8Array): Sheet {
  let text = decodeUtf8(bytes);
  if (text.startsWith("\ufeff")) text = text.slice(1);
  if (text.trim() === "") throw new SheetRefusal("EMPTY");
  // Excel's hint line ("sep=;"), which it hides when it opens the file.
  let delimiter: string | null = null;
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint?.[1]) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  delimiter ??= detectDelimiter(firstLine);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One more than the limit (the header and the rows) tells a file over it.
      to: maxImportRows + 2 + leadingEmptyLines(text),
    }) as string[][];
  } catch {
    throw new SheetRefusal("NOT_CSV_OR_XLSX");
  }
  const formulas = new Set<string>();
  const rows: SheetRow[] = records.map((record, index) => {
    const line = index + 1;
    return {
      line,
      cells: record.map((cell, column) => {
        if (looksLikeFormula(cell)) formulas.add(`${line}:${column}`);
        return cell === "" ? null : withoutNeutralisingApostrophe(cell);
      }),
    };
  });
  return sheetFrom("csv", rows, formulas);
}

function leadingEmptyLines(text: string): number {
  return /^(?:[ \t]*\r?\n)*/.exec(text)?.[0].split("\n").length ?? 0;
}

// ───────────────────────────── XLSX ─────────────────────────────

interface ZipSurvey {
  firstSheetPath: string | null;
  rowsBySheet: Map<string, number>;
}

/** The first sheet's part, from xl/workbook.xml and its relationships. */
function firstSheetPath(workbookXml: string, relsXml: string): string | null {
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbookXml);
  if (!sheet?.[1]) return null;
  const relation = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1]}"[^>]*>`).exec(relsXml);
  const target = relation ? /\bTarget="([^"]+)"/.exec(relation[0])?.[1] : null;
  if (!target) return null;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * One pass over the zip with fflate: every part decompressed and counted (refused past
 * maxDecompressedBytes, the decompressed bytes are never kept), rows counted in each worksheet.
 */
function surveyZip(bytes: Uint8Array): ZipSurvey {
  let total = 0;
  let entries = 0;
  const small = new Map<string, string[]>();
  const rowsBySheet = new Map<string, number>();
  let refusal: SheetRefusal | null = null;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > maxZipEntries) {
      refusal ??= new SheetRefusal("NOT_CSV_OR_XLSX");
      return;
    }
    const name = file.name;
    const keepText = name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels";
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(name);
    const decoder = new TextDecoder();
    let tail = "";
    let rows = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        refusal ??= new SheetRefusal("NOT_CSV_OR_XLSX");
        return;
      }
      total += chunk.length;
      if (total > maxDecompressedBytes) {
        refusal ??= new SheetRefusal("TOO_LARGE");
        file.terminate();
        return;
      }
      if (keepText) {
        const parts = small.get(name) ?? [];
        parts.push(decoder.decode(chunk, { stream: !final }));
        small.set(name, parts);
      }
      if (isSheet) {
        // A tag cut between two chunks: the previous chunk's last characters are read again,
        // less what they counted alone.
        const text = tail + decoder.decode(chunk, { stream: !final });
        rows += countRowTags(text) - countRowTags(tail);
        tail = text.slice(-8);
        if (final) rowsBySheet.set(name, rows);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in slices so that a refusal stops the work early.
    const slice = 256 * 1024;
    for (let offset = 0; offset < bytes.length && !refusal; offset += slice) {
      unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
    }
  } catch {
    refusal ??= new SheetRefusal("NOT_CSV_OR_XLSX");
  }
  if (refusal) throw refusal;
  const workbook = small.get("xl/workbook.xml")?.join("") ?? "";
  const rels = small.get("xl/_rels/workbook.xml.rels")?.join("") ?? "";
  if (!workbook) throw new SheetRefusal("NOT_CSV_OR_XLSX");
  return { firstSheetPath: firstSheetPath(workbook, rels), rowsBySheet };
}

const rowTag = /<(?:\w+:)?row[\s>]/g;
function countRowTags(text: string): number {
  return text.match(rowTag)?.length ?? 0;
}

function cellValueOf(cell: ExcelJS.Cell): { value: CellValue; formula: boolean } {
  const value = cell.value;
  if (value === null || value === undefined) return { value: null, formula: false };
  if (typeof value === "string") return { value: withoutNeutralisingApostrophe(value), formula: false };
  if (typeof value === "number" || typeof value === "boolean") return { value, formula: false };
  if (value instanceof Date) return { value, formula: false };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      const shown =
        result === undefined || result === null || typeof result === "object" ? null : (result as CellValue);
      return { value: result instanceof Date ? result : shown, formula: true };
    }
    if ("richText" in value)
      return { value: value.richText.map((part) => part.text).join(""), formula: false };
    if ("text" in value) return { value: String((value as { text: unknown }).text), formula: false };
    if ("error" in value) return { value: String((value as { error: unknown }).error), formula: false };
  }
  return { value: String(value), formula: false };
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const survey = surveyZip(bytes);
  const firstRows = survey.firstSheetPath ? survey.rowsBySheet.get(survey.firstSheetPath) : undefined;
  if (firstRows === undefined) throw new SheetRefusal("NOT_CSV_OR_XLSX");
  // Header and the rows; a few empty rows above the header are allowed for.
  if (firstRows > maxImportRows + 11) throw new SheetRefusal("TOO_MANY_ROWS");
  // Loaded at the first XLSX import, not with the API (~30 MB most processes never use).
  const { default: ExcelJSModule } = await import("exceljs");
  const workbook = new ExcelJSModule.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new SheetRefusal("NOT_CSV_OR_XLSX");
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new SheetRefusal("EMPTY");
  const formulas = new Set<string>();
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const { value, formula } = cellValueOf(cell);
      cells[column - 1] = typeof value === "string" && value.trim() === "" ? null : value;
      if (formula) formulas.add(`${line}:${column - 1}`);
    });
    for (let index = 0; index < cells.length; index += 1) if (cells[index] === undefined) cells[index] = null;
    rows.push({ line, cells });
  });
  return sheetFrom("xlsx", rows, formulas);
}

// ───────────────────────────── both ─────────────────────────────

function isEmptyRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === ""));
}

/** The first non-empty row is the header; it must name its columns, each once. */
function sheetFrom(format: Sheet["format"], allRows: SheetRow[], formulas: Set<string>): Sheet {
  const rows = allRows.filter((row) => !isEmptyRow(row));
  const [header, ...data] = rows;
  if (!header) throw new SheetRefusal("EMPTY");
  const headers = header.cells.map((cell) =>
    cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim(),
  );
  const named = headers.filter((name) => name !== "");
  if (named.length === 0 || named.every((name) => !/\p{L}/u.test(name))) throw new SheetRefusal("NO_HEADER");
  const seen = new Map<string, string>();
  const duplicated = new Set<string>();
  for (const name of named) {
    const key = comparableLabel(name);
    if (seen.has(key)) duplicated.add(name);
    else seen.set(key, name);
  }
  if (duplicated.size > 0) throw new SheetRefusal("DUPLICATE_HEADERS", [...duplicated].join(", "));
  if (data.length === 0) throw new SheetRefusal("NO_DATA_ROWS");
  if (data.length > maxImportRows) throw new SheetRefusal("TOO_MANY_ROWS");
  return { format, headers, rows: data, formulas };
}
