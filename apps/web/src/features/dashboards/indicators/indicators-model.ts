import { indicatorSections } from "@maillage/domain/indicators";
/**
 * The indicators as the dashboard reads them (the GraphQL `Indicators` type of the API, texts
 * already in the viewer's language), and the pure rules that turn them into tables, chart points,
 * tiles, periods and report addresses. A count `null` is suppressed: it reads "x" in a table and
 * is never drawn as a value; a true zero is 0 and is shown.
 */

export interface IndicatorPeriodView {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  to: string;
  fiscalYear: number;
  firstQuarter: number | null;
  lastQuarter: number | null;
  label: string;
}

export interface IndicatorFigureView {
  name: string;
  section: string;
  title: string;
  definition: string;
  unit: string;
  value: number | null;
  previousValue: number | null;
}

export interface IndicatorCellView {
  key: string;
  label: string;
  count: number | null;
  /** 0–1, of the table's denominator; null when suppressed or not computable. */
  share: number | null;
  previousCount: number | null;
  previousShare: number | null;
}

export interface IndicatorDistributionView {
  name: string;
  section: string;
  title: string;
  definition: string;
  /** What a share is taken of, or null when the table shows no share. */
  denominator: string | null;
  denominatorCount: number | null;
  previousDenominatorCount: number | null;
  unit: string;
  /** A cell may count the same encounter or person as another: shares may add to more than 100 %. */
  overlapping: boolean;
  cells: IndicatorCellView[];
}

export interface IndicatorMonthView {
  /** "2025-04": the month in the programme's time zone. */
  month: string;
  encounters: number | null;
  contacts: number | null;
  personsMet: number | null;
}

export interface IndicatorsView {
  scopeKind: string;
  scopeName: string;
  period: IndicatorPeriodView;
  previous: IndicatorPeriodView | null;
  suppressed: boolean;
  threshold: number;
  /** When the snapshot was computed (ISO); null: live figures. */
  asOf: string | null;
  timeZone: string;
  followUpMinEncounters: number;
  /** Fiscal years with data, newest first. */
  years: number[];
  figures: IndicatorFigureView[];
  tables: IndicatorDistributionView[];
  monthly: IndicatorMonthView[];
}

// ── Numbers as they are written ──

/** A share (0–1) as the locale writes a percentage, one decimal at most: "12,5 %", "12.5%". */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A difference with its sign: "+12", "−3" (a true minus), "0". */
export function formatSigned(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: "exceptZero" }).format(value).replace("-", "−");
}

/** A relative change with its sign: "+8,5 %". */
export function formatSignedShare(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  })
    .format(value)
    .replace("-", "−");
}

/**
 * A value of a table or a tile: a number, suppressed ("x"), or — a share whose denominator is a
 * true 0 — not applicable ("–", nothing hidden).
 */
export type Shown = { kind: "value"; value: number } | { kind: "suppressed" } | { kind: "none" };

export function shown(value: number | null): Shown {
  return value === null ? { kind: "suppressed" } : { kind: "value", value };
}

// ── Tables ──

export interface TableRow {
  key: string;
  label: string;
  count: Shown;
  /** null: no share for this table (no denominator), or not computable (hidden part). */
  share: Shown | null;
  previousCount: Shown | null;
  previousShare: Shown | null;
}

/**
 * The rows of a distribution's table, in the API's order. A share of a suppressed count is
 * suppressed too; a share left out for a published count (its denominator hidden) reads "x" as
 * well, since it cannot be shown. `withPrevious` false: no previous period (no columns).
 */
export function tableRows(table: IndicatorDistributionView, withPrevious: boolean): TableRow[] {
  const hasShares = table.denominator !== null;
  // A share is hidden when its count or its denominator is; with both shown and no share, the
  // denominator is a true 0: nothing to take a share of, nothing hidden.
  const shareOf = (count: number | null, share: number | null, denominator: number | null): Shown =>
    count === null || denominator === null
      ? { kind: "suppressed" }
      : share === null
        ? { kind: "none" }
        : shown(share);
  return table.cells.map((cell) => ({
    key: cell.key,
    label: cell.label,
    count: shown(cell.count),
    share: hasShares ? shareOf(cell.count, cell.share, table.denominatorCount) : null,
    previousCount: withPrevious ? shown(cell.previousCount) : null,
    previousShare:
      withPrevious && hasShares
        ? shareOf(cell.previousCount, cell.previousShare, table.previousDenominatorCount)
        : null,
  }));
}

/** Whether anything in the table (cells, shares, denominators) reads "x". */
export function hasSuppressed(table: IndicatorDistributionView, withPrevious: boolean): boolean {
  if (table.denominator !== null) {
    if (table.denominatorCount === null) return true;
    if (withPrevious && table.previousDenominatorCount === null) return true;
  }
  return tableRows(table, withPrevious).some((row) =>
    [row.count, row.share, row.previousCount, row.previousShare].some((cell) => cell?.kind === "suppressed"),
  );
}

// ── Charts ──

/**
 * A distribution's bars: only the categories whose count for the period is published; a previous
 * count left out (null) draws no bar. `hidden`: something was left out (the chart's "x" note).
 */
export function distributionPoints(table: IndicatorDistributionView, withPrevious: boolean) {
  // A category at a true 0 in every period shown takes no row of the chart: the note names it.
  const zero = (cell: IndicatorCellView) => cell.count === 0 && (!withPrevious || cell.previousCount === 0);
  const points = table.cells
    .filter((cell) => cell.count !== null && !zero(cell))
    .map((cell) => ({
      key: cell.key,
      label: cell.label,
      count: cell.count as number,
      previousCount: withPrevious ? cell.previousCount : null,
    }));
  const hidden = table.cells.some(
    (cell) => cell.count === null || (withPrevious && cell.previousCount === null),
  );
  const zeros = table.cells.filter(zero).map((cell) => cell.label);
  return { points, hidden, zeros };
}

/**
 * A partition's stacked 100 % bar: one row per period whose shares are published, each category's
 * share (0–1) as given by the API. A suppressed category is left out of its row (the gap it leaves
 * is what the published total less the shown parts already tells). `hidden`: something was left out.
 */
export function partitionRows(
  table: IndicatorDistributionView,
  labels: { current: string; previous: string | null },
) {
  const row = (name: string, share: (cell: IndicatorCellView) => number | null) => {
    const values: Record<string, number> = {};
    for (const cell of table.cells) {
      const value = share(cell);
      if (value !== null) values[cell.key] = value;
    }
    return Object.keys(values).length > 0 ? { name, values } : null;
  };
  const rows = [
    row(labels.current, (cell) => (cell.count === null ? null : cell.share)),
    labels.previous === null
      ? null
      : row(labels.previous, (cell) => (cell.previousCount === null ? null : cell.previousShare)),
  ].filter((found) => found !== null);
  const hidden = table.cells.some(
    (cell) =>
      cell.count === null ||
      cell.share === null ||
      (labels.previous !== null && (cell.previousCount === null || cell.previousShare === null)),
  );
  // The categories the bars draw (some share above 0): the legend names only those.
  const drawnKeys = new Set(
    rows.flatMap((found) => Object.keys(found.values).filter((key) => (found.values[key] ?? 0) > 0)),
  );
  const drawn = table.cells.filter((cell) => drawnKeys.has(cell.key));
  const zeros = table.cells
    .filter((cell) => cell.count === 0 && (labels.previous === null || cell.previousCount === 0))
    .map((cell) => cell.label);
  return { rows, hidden, drawn, zeros };
}

/** Tables shown as a stacked 100 % bar: a person counted once, in exactly one category. */
export function isPartition(table: IndicatorDistributionView): boolean {
  return !table.overlapping && table.denominator !== null && /(gender|age|genre)/i.test(table.name);
}

/** What the monthly chart and its table say of each month; `hidden`: a month's value is left out. */
export function monthlyPoints(monthly: IndicatorMonthView[]) {
  const hidden = monthly.some((month) => [month.encounters, month.contacts, month.personsMet].includes(null));
  return { points: monthly, hidden };
}

/** "2025-04" as a short month of the locale: "avr. 2025", "Apr 2025". */
export function monthLabel(month: string, locale: string): string {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, index - 1, 15)),
  );
}

/**
 * A chart axis's label cut into lines of at most `width` characters at spaces (a word longer than
 * a line stays whole), at most `maxLines` lines, the last one ending in "…" when cut.
 */
export function wrapLabel(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

// ── Tiles ──

/** A tile's comparison: the difference and its relative change, or null when either is hidden. */
export function difference(value: number | null, previous: number | null) {
  if (value === null || previous === null) return null;
  const change = value - previous;
  return { change, relative: previous === 0 ? null : change / previous };
}

// ── Sections ──

/** The sections of the page, in order (the report's, registry.ts `indicatorSections`). */
export const sectionOrder = indicatorSections;

export type KnownSection = (typeof sectionOrder)[number];

/** A section's name as the API writes it ("nurseVisits", "NURSE_VISITS", "nurse-visits") to ours. */
export function knownSection(section: string): KnownSection | null {
  const flat = section.replace(/[^a-z]/gi, "").toLowerCase();
  return sectionOrder.find((known) => known.toLowerCase() === flat) ?? null;
}

export interface SectionContent {
  /** The API's name of the section. */
  section: string;
  known: KnownSection | null;
  figures: IndicatorFigureView[];
  tables: IndicatorDistributionView[];
  /** The monthly trend goes with the encounters (or the first section when there is none). */
  monthly: boolean;
}

/** The indicators grouped by section: known sections in the report's order, others after. */
export function sectionsOf(indicators: IndicatorsView): SectionContent[] {
  const byName = new Map<string, SectionContent>();
  const add = (section: string) => {
    let found = byName.get(section);
    if (!found) {
      found = { section, known: knownSection(section), figures: [], tables: [], monthly: false };
      byName.set(section, found);
    }
    return found;
  };
  for (const figure of indicators.figures) add(figure.section).figures.push(figure);
  for (const table of indicators.tables) add(table.section).tables.push(table);
  const rank = (content: SectionContent) =>
    content.known === null ? sectionOrder.length : sectionOrder.indexOf(content.known);
  const sections = [...byName.values()].sort((a, b) => rank(a) - rank(b));
  if (indicators.monthly.length > 0) {
    const home = sections.find((content) => content.known === "encounters") ?? sections[0];
    if (home) home.monthly = true;
  }
  return sections;
}

/** The id of a section's heading (the navigation's anchors). */
export function sectionAnchor(section: string): string {
  return `indicateurs-${section.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}

// ── Periods ──

/** What the period picker holds: a fiscal year, and its whole, a run of quarters or (own figures) days. */
export interface PeriodChoice {
  fiscalYear: number;
  /** "year", a quarter range "Q1", "Q2-Q3"…, or "custom". */
  span: string;
  fromDay: string;
  toDay: string;
}

/** The GraphQL `IndicatorPeriodInput`. */
export interface PeriodInput {
  fiscalYear: number;
  firstQuarter?: number;
  lastQuarter?: number;
  fromDay?: string;
  toDay?: string;
}

/** The 10 contiguous runs of quarters of a year, first–last. */
export const quarterRanges: [number, number][] = [1, 2, 3, 4].flatMap((first) =>
  [1, 2, 3, 4].filter((last) => last >= first).map((last): [number, number] => [first, last]),
);

export function quarterSpan(first: number, last: number): string {
  return first === last ? `Q${first}` : `Q${first}-Q${last}`;
}

function parseSpan(span: string): [number, number] | null {
  const found = /^Q([1-4])(?:-Q([1-4]))?$/.exec(span);
  if (!found) return null;
  const first = Number(found[1]);
  const last = Number(found[2] ?? found[1]);
  return first <= last ? [first, last] : null;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period to ask for, or null while the choice is not one (a custom range with a day missing
 * or reversed). `allowCustom` false (a partnership's figures): a custom range is never asked.
 */
export function periodInput(choice: PeriodChoice, allowCustom: boolean): PeriodInput | null {
  const { fiscalYear } = choice;
  if (choice.span === "custom") {
    if (!allowCustom) return { fiscalYear };
    if (!dayPattern.test(choice.fromDay) || !dayPattern.test(choice.toDay)) return null;
    if (choice.toDay < choice.fromDay) return null;
    return { fiscalYear, fromDay: choice.fromDay, toDay: choice.toDay };
  }
  const quarters = parseSpan(choice.span);
  if (!quarters || (quarters[0] === 1 && quarters[1] === 4)) return { fiscalYear };
  return { fiscalYear, firstQuarter: quarters[0], lastQuarter: quarters[1] };
}

/** The calendar months (0–11) a run of quarters covers, for the fiscal year starting in `startMonth` (1–12). */
export function quarterMonths(first: number, last: number, startMonth: number): [number, number] {
  return [(startMonth - 1 + (first - 1) * 3) % 12, (startMonth - 1 + last * 3 - 1) % 12];
}

/** A month's name in the locale: month 0 → "janvier", "January". */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2001, month, 15)),
  );
}

/** The report's address (POST, with the CSRF token): the period, the language, the partnership. */
export function reportUrl(
  format: "pdf" | "csv",
  locale: "fr" | "en",
  period: PeriodInput,
  partnershipId?: string | null,
): string {
  const query = new URLSearchParams({ format, locale, fiscalYear: String(period.fiscalYear) });
  if (period.firstQuarter !== undefined && period.lastQuarter !== undefined) {
    query.set("firstQuarter", String(period.firstQuarter));
    query.set("lastQuarter", String(period.lastQuarter));
  }
  if (period.fromDay !== undefined && period.toDay !== undefined) {
    query.set("fromDay", period.fromDay);
    query.set("toDay", period.toDay);
  }
  if (partnershipId) query.set("partnershipId", partnershipId);
  return `/indicators/report?${query.toString()}`;
}
