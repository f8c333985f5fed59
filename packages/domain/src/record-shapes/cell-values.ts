/**
 * How one spreadsheet cell is read into a value of its column's kind (shapes.ts), pure: no
 * catalogue, no database (the API resolves catalogue entries, persons, venues and members after).
 * A cell is what the reader gives: a string (CSV, or an XLSX text cell), a number, a boolean or
 * a Date (an XLSX date cell, its wall-clock value in UTC), or null when empty.
 */
import { type ShapeVocabularyName, shapeVocabularies, vocabularyLabels } from "./vocabulary-labels.ts";

export type CellValue = string | number | boolean | Date | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(code: string): CellResult<T> => ({ ok: false, code });

/** A cell's text, trimmed ("" when empty); numbers as written, dates as YYYY-MM-DD. */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export function isEmptyCell(cell: CellValue): boolean {
  return cellText(cell) === "";
}

/**
 * How labels, codes and headers are compared: accents, case, punctuation and spacing ignored
 * ("Lieu public", "LIEU_PUBLIC" and "lieu-public" are the same; "18–25 ans" is "18 25 ans").
 */
export function comparableLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const vocabularyIndex = new Map<ShapeVocabularyName, Map<string, string>>();

/** Every accepted spelling of a vocabulary's values (code, French and English labels). */
function indexOf(vocabulary: ShapeVocabularyName): Map<string, string> {
  let index = vocabularyIndex.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const code of shapeVocabularies[vocabulary]) {
      index.set(comparableLabel(code), code);
      for (const labels of [vocabularyLabels.fr, vocabularyLabels.en]) {
        const label = (labels[vocabulary] as Record<string, string>)[code];
        if (label) {
          const key = comparableLabel(label);
          // A label that means two codes in two languages is accepted for neither (none today).
          if (index.has(key) && index.get(key) !== code) index.set(key, "");
          else index.set(key, code);
        }
      }
    }
    vocabularyIndex.set(vocabulary, index);
  }
  return index;
}

/** A vocabulary value by its code or its French or English label, whatever the case and accents. */
export function vocabularyValue(vocabulary: ShapeVocabularyName, text: string): string | null {
  return indexOf(vocabulary).get(comparableLabel(text)) || null;
}

/**
 * The values of a list cell: separated by ";" or a line break (and "," where `commas`: values
 * that never hold one, such as codes, e-mails and vocabulary labels). Empty parts are dropped.
 */
export function listItems(text: string, commas = true): string[] {
  return text
    .split(commas ? /[;,\n\r]+/ : /[;\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar day, YYYY-MM-DD (or YYYY/MM/DD), perhaps with a time after it as spreadsheets export
 * dates ("2018-04-15 14:30"), or a date cell; `minutes` is that time, or null when none (or
 * midnight). Day-first and month-first forms (04/05/2018) are refused: they read differently in
 * French and English.
 */
export function parseDayAndTime(cell: CellValue): CellResult<{ day: string; minutes: number | null }> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail("NOT_A_DATE");
    const minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
    return ok({ day: cell.toISOString().slice(0, 10), minutes: minutes === 0 ? null : minutes });
  }
  const text = cellText(cell);
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
    text,
  );
  if (!match) return fail("NOT_A_DATE");
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDay(year, month, day)) return fail("NOT_A_DATE");
  const hours = match[4] === undefined ? 0 : Number(match[4]);
  const mins = match[5] === undefined ? 0 : Number(match[5]);
  if (hours > 23 || mins > 59) return fail("NOT_A_DATE");
  const minutes = hours * 60 + mins;
  return ok({
    day: `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    minutes: minutes === 0 ? null : minutes,
  });
}

/** A calendar day, YYYY-MM-DD (see parseDayAndTime; a time after it is ignored). */
export function parseDay(cell: CellValue): CellResult<string> {
  const parsed = parseDayAndTime(cell);
  return parsed.ok ? ok(parsed.value.day) : fail(parsed.code);
}

/**
 * A time of day in minutes after midnight: 14:30, 14h30, 14h, 9:05:00, or a time cell (a Date on
 * 1899-12-30 or 1899-12-31, or a fraction of a day).
 */
export function parseTimeOfDay(cell: CellValue): CellResult<number> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail("NOT_A_TIME");
    return ok(cell.getUTCHours() * 60 + cell.getUTCMinutes());
  }
  if (typeof cell === "number") {
    if (cell >= 0 && cell < 1) return ok(Math.round(cell * 1440) % 1440);
    return fail("NOT_A_TIME");
  }
  const match = /^(\d{1,2})\s*(?::|h|H)\s*(\d{2})?(?::(\d{2}))?$/.exec(cellText(cell));
  if (!match) return fail("NOT_A_TIME");
  const hours = Number(match[1]);
  const minutes = match[2] ? Number(match[2]) : 0;
  if (hours > 23 || minutes > 59) return fail("NOT_A_TIME");
  return ok(hours * 60 + minutes);
}

/** A whole number: digits with an optional sign and spaces between thousands ("1 500"). */
export function parseWholeNumber(cell: CellValue): CellResult<number> {
  if (typeof cell === "number") return Number.isInteger(cell) ? ok(cell) : fail("NOT_A_WHOLE_NUMBER");
  if (typeof cell === "boolean" || cell instanceof Date) return fail("NOT_A_WHOLE_NUMBER");
  const text = cellText(cell).replace(/[\s\u00a0\u202f]/g, "");
  // "12.0" or "12,0" as a spreadsheet writes a whole number in some locales.
  const match = /^([-+]?\d{1,9})(?:[.,]0+)?$/.exec(text);
  return match ? ok(Number(match[1])) : fail("NOT_A_WHOLE_NUMBER");
}

const yes = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x"]);
const no = new Set(["non", "n", "no", "faux", "false", "0"]);

/** Yes or no; an empty cell is no. */
export function parseYesNo(cell: CellValue): CellResult<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number") return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail("NOT_YES_OR_NO");
  const text = comparableLabel(cellText(cell));
  if (text === "" || no.has(text)) return ok(false);
  if (yes.has(text)) return ok(true);
  return fail("NOT_YES_OR_NO");
}

/** An ISO 639 language code, lower-cased (as a person's languages are kept). */
export function parseLanguage(text: string): CellResult<string> {
  const code = text.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(code) ? ok(code) : fail("NOT_A_LANGUAGE");
}

export interface QuantityPart {
  /** The item as written (a code or a name), resolved against the catalogue by the API. */
  item: string;
  quantity: number;
}

/**
 * Items and quantities in one cell: `CONDOMS:12; LUBRICANT:3` (":" or "=", ";" or a line break
 * between items; a name may hold spaces and commas). A part without its quantity is refused.
 */
export function parseQuantities(text: string): CellResult<QuantityPart[]> {
  const parts: QuantityPart[] = [];
  for (const part of listItems(text, false)) {
    const match = /^(.+?)\s*[:=]\s*([-+]?\d[\d\s\u00a0\u202f]*)$/.exec(part);
    if (!match?.[1] || !match[2]) return fail("NOT_A_QUANTITY_LIST");
    const quantity = parseWholeNumber(match[2]);
    if (!quantity.ok) return fail("NOT_A_QUANTITY_LIST");
    parts.push({ item: match[1].trim(), quantity: quantity.value });
  }
  return ok(parts);
}

/**
 * Whether a cell holds a formula: an XLSX formula cell is flagged by the reader; a CSV cell is
 * one when it starts with "=" (what a spreadsheet would run when the file is opened). A cell that
 * starts with "+", "-" or "@" is read as its text: "-3" is a number, "+33…" a phone number.
 */
export function looksLikeFormula(text: string): boolean {
  return /^\s*=/.test(text);
}

/**
 * A text an export neutralised (an apostrophe before =, +, -, @, a tab or a carriage return, so
 * that no spreadsheet runs it) read back as it was: an exported file re-imports unchanged.
 */
export function withoutNeutralisingApostrophe(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
