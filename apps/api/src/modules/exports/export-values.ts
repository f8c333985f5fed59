/**
 * How an export writes a record's values into cells, so that the import reads them back as they
 * were (packages/domain record-shapes/cell-values.ts reads them): vocabulary values as their label
 * in the file's language, days YYYY-MM-DD and times HH:MM in the organisation's time zone, yes/no
 * as oui/non or yes/no, lists joined by "; ", materials as `CODE:12; CODE2:3`. Pure.
 */
import { type Locale, wallTime } from "@maillage/domain";
import { type ShapeVocabularyName, vocabularyLabel } from "@maillage/domain/record-shapes";

/** One cell of an exported row: text, a whole number, or empty. */
export type ExportCell = string | number | null;

/**
 * A text a spreadsheet would run as a formula when the file is opened, or when the cell is
 * edited and entered again (=, +, -, @ first, or a tab or carriage return before one, as OWASP's
 * CSV-injection advice lists them), is written behind an apostrophe: the text shows as it is
 * and nothing runs. Numbers are cells of their own type and need nothing.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const yesNoWords: Record<Locale, [yes: string, no: string]> = { fr: ["oui", "non"], en: ["yes", "no"] };

export function yesNoCell(locale: Locale, value: boolean): string {
  return yesNoWords[locale][value ? 0 : 1];
}

export function labelCell(locale: Locale, vocabulary: ShapeVocabularyName, code: string | null): ExportCell {
  return code === null ? null : vocabularyLabel(locale, vocabulary, code);
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** The calendar day of an instant in the zone, YYYY-MM-DD. */
export function dayCell(instant: Date, timeZone: string): string {
  const wall = wallTime(instant, timeZone);
  return `${wall.year}-${twoDigits(wall.month)}-${twoDigits(wall.day)}`;
}

/** A `Date` column's day (UTC midnight, as Prisma returns it), YYYY-MM-DD. */
export function calendarDayCell(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The wall-clock time of an instant in the zone, HH:MM. */
export function timeCell(instant: Date, timeZone: string): string {
  const wall = wallTime(instant, timeZone);
  return `${twoDigits(wall.hour)}:${twoDigits(wall.minute)}`;
}

/** Several values in one cell, "; " between them; empty when there are none. */
export function listCell(values: readonly string[]): ExportCell {
  return values.length > 0 ? values.join("; ") : null;
}

/** Catalogue items and quantities, by code: `CONDOMS:12; LUBRICANT:3` (in code order). */
export function quantitiesCell(items: readonly { item: string; quantity: number }[]): ExportCell {
  return listCell(
    [...items].sort((a, b) => a.item.localeCompare(b.item)).map((item) => `${item.item}:${item.quantity}`),
  );
}
