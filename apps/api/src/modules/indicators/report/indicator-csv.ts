/**
 * Every figure and every table of one PublishedIndicators in one CSV: a row per headline figure,
 * per table cell (then the table's total, its denominator) and per month of the trend. UTF-8 with
 * a byte-order mark and CRLF rows, as the record exports write them (exports/sheet-writers.ts).
 * Counts are number cells; a suppressed value reads "x", a zero 0; shares are percent points with
 * one decimal in the file's language ("12,5" / "12.5"). Text a spreadsheet would run as a formula
 * is neutralised. Pure: the values are already protected.
 */
import type { Locale } from "@maillage/domain";
import type { PublishedIndicators } from "@maillage/domain/indicators";
import { stringify } from "csv-stringify/sync";
import { neutralised } from "../../exports/export-values.ts";
import { formatMonthLong, formatPercentPoints, orderedSections, suppressedMark } from "./report-format.ts";
import { reportMessages, sectionTitle } from "./report-messages.ts";

type CsvCell = string | number | null;

const byteOrderMark = "\uFEFF";

function countCell(value: number | null): CsvCell {
  return value === null ? suppressedMark : value;
}

export function indicatorsCsv(published: PublishedIndicators, locale: Locale): string {
  const messages = reportMessages[locale];
  const hasPrevious = published.previous !== null;
  const previousCount = (value: number | null): CsvCell => (hasPrevious ? countCell(value) : null);
  const previousShare = (share: number | null, shown: boolean): CsvCell =>
    hasPrevious && shown ? formatPercentPoints(locale, share) : null;

  const header = messages.csvHeader;
  const rows: CsvCell[][] = [
    [
      header.section,
      header.indicator,
      header.category,
      header.count,
      header.share,
      header.previousCount,
      header.previousShare,
      header.definition,
    ],
  ];

  for (const section of orderedSections(published)) {
    const title = sectionTitle(locale, section);
    for (const figure of published.figures.filter((each) => each.section === section)) {
      rows.push([
        title,
        figure.title[locale],
        null,
        countCell(figure.value),
        null,
        previousCount(figure.previousValue),
        null,
        figure.definition[locale],
      ]);
    }
    for (const table of published.tables.filter((each) => each.section === section)) {
      const shares = table.denominator !== null;
      for (const cell of table.cells) {
        rows.push([
          title,
          table.title[locale],
          cell.label[locale],
          countCell(cell.count),
          shares ? formatPercentPoints(locale, cell.share) : null,
          previousCount(cell.previousCount),
          previousShare(cell.previousShare, shares),
          table.definition[locale],
        ]);
      }
      if (table.denominator !== null) {
        rows.push([
          title,
          table.title[locale],
          messages.csvBase(table.denominator[locale]),
          countCell(table.denominatorCount),
          null,
          previousCount(table.previousDenominatorCount),
          null,
          table.definition[locale],
        ]);
      }
    }
  }

  const monthly = [
    ["encounters", messages.csvMonthly.encounters],
    ["contacts", messages.csvMonthly.contacts],
    ["personsMet", messages.csvMonthly.personsMet],
  ] as const;
  for (const [field, indicator] of monthly) {
    for (const month of published.monthly) {
      rows.push([
        messages.csvMonthlySection,
        indicator,
        formatMonthLong(locale, month.month),
        countCell(month[field]),
        null,
        null,
        null,
        null,
      ]);
    }
  }

  const safe = rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutralised(cell) : cell)));
  return byteOrderMark + stringify(safe, { record_delimiter: "windows" });
}
