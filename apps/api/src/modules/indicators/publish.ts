/**
 * From counts to what is shown: the registry's figures and tables (@maillage/domain/indicators)
 * filled with a period's values and the previous period's, with shares; and, for a partnership,
 * the protection of a whole fiscal year (its 10 ranges of quarters and 12 months, linked) before
 * anything is shown.
 */

import { cellId, fiscalYearLattice, monthCellId, protect, totalCellId } from "@maillage/domain/disclosure";
import type {
  AcrossRanges,
  Bilingual,
  PublishedCell,
  PublishedIndicators,
} from "@maillage/domain/indicators";
import { registryDefinitions } from "./definitions.ts";

/** One range's counts as app.indicator_figures answers them (every vocabulary key present, zeros too). */
export interface RangeValues {
  figures: Record<string, number>;
  tables: Record<string, Record<string, number>>;
  /** "2018-04" → the month's totals (months in the programme's zone). */
  months?: Record<string, MonthValues>;
  /** A catalogue code's names [fr, en] (materials, services, platforms). */
  catalogueLabels?: Record<string, [string, string]>;
}
export interface MonthValues {
  encounters: number;
  contacts: number;
  personsMet: number;
}

/** The same as shown: a suppressed value is null. */
export interface ShownValues {
  figures: Record<string, number | null>;
  tables: Record<string, Record<string, number | null>>;
  catalogueLabels?: Record<string, [string, string]>;
}
export type ShownMonth = { [K in keyof MonthValues]: number | null };

export interface FigureDefinition {
  name: string;
  section: string;
  title: Bilingual;
  definition: Bilingual;
  unit: string;
  /** A range's value is the sum of its quarters' (counts of records); false: distinct persons, venues… */
  additive: boolean;
  /** A distinct count's relations across ranges (registry `acrossRanges`; default union). */
  acrossRanges?: AcrossRanges | undefined;
}
export interface TableDefinition extends FigureDefinition {
  /** The cells partition the total (each record or person in one cell). */
  partition: boolean;
  /** A distinct count's categories' relations across ranges (registry `cellsAcrossRanges`). */
  cellsAcrossRanges?: AcrossRanges | undefined;
  /** The figure that is this table's total or denominator (shares are taken of it). */
  totalId: string;
  overlapping: boolean;
  /** What shares are taken of, or null when the table shows none. */
  denominator: Bilingual | null;
  /** The keys in the order shown, with their labels; null: the values' own keys (a catalogue's). */
  keys: readonly { key: string; label: Bilingual }[] | null;
}
export interface IndicatorDefinitions {
  figures: readonly FigureDefinition[];
  tables: readonly TableDefinition[];
}

export const indicatorDefinitions: IndicatorDefinitions = registryDefinitions;

const share = (count: number | null, denominator: number | null) =>
  count === null || denominator === null || denominator === 0 ? null : count / denominator;

/** The keys of a table in order: the registry's, else (a catalogue) by decreasing count then code. */
function keysOf(
  table: TableDefinition,
  current: Record<string, number | null>,
  previous: Record<string, number | null>,
  labels: Record<string, [string, string]>,
): { key: string; label: Bilingual }[] {
  if (table.keys) return [...table.keys];
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])];
  return keys
    .sort((a, b) => (current[b] ?? -1) - (current[a] ?? -1) || a.localeCompare(b))
    .map((key) => ({
      key,
      label: labels[key] ? { fr: labels[key][0], en: labels[key][1] } : { fr: key, en: key },
    }));
}

/** The figures and tables of a period beside the previous one's (values as they may be shown). */
export function publishValues(
  definitions: IndicatorDefinitions,
  current: ShownValues,
  previous: ShownValues | null,
): Pick<PublishedIndicators, "figures" | "tables"> {
  const figure = (values: ShownValues | null, name: string) =>
    values ? (values.figures[name] === undefined ? null : values.figures[name]) : null;
  const figures = definitions.figures.map((f) => ({
    name: f.name,
    section: f.section,
    title: f.title,
    definition: f.definition,
    unit: f.unit,
    value: figure(current, f.name),
    previousValue: figure(previous, f.name),
  }));
  const tables = definitions.tables.map((t) => {
    const now = current.tables[t.name] ?? {};
    const before = previous?.tables[t.name] ?? {};
    const denominatorCount = figure(current, t.totalId);
    const previousDenominatorCount = figure(previous, t.totalId);
    const labels = { ...(previous?.catalogueLabels ?? {}), ...(current.catalogueLabels ?? {}) };
    const cells: PublishedCell[] = keysOf(t, now, before, labels).map(({ key, label }) => {
      const count = now[key] === undefined ? null : now[key];
      const previousCount = previous ? (before[key] === undefined ? null : before[key]) : null;
      return {
        key,
        label,
        count,
        share: t.denominator ? share(count, denominatorCount) : null,
        previousCount,
        previousShare: t.denominator ? share(previousCount, previousDenominatorCount) : null,
      };
    });
    return {
      name: t.name,
      section: t.section,
      title: t.title,
      definition: t.definition,
      denominator: t.denominator,
      denominatorCount,
      previousDenominatorCount,
      unit: t.unit,
      overlapping: t.overlapping,
      cells,
    };
  });
  return { figures, tables };
}

/**
 * A fiscal year of a partnership, protected: every range's figures and tables and every month's
 * totals go into one linked problem (a range of quarters is the sum of its quarters for counts of
 * records, and bounded by them for distinct persons; tables share their totals with the headline
 * figures), and what the protection hides is null.
 */
export async function protectYear(
  definitions: IndicatorDefinitions,
  ranges: Record<string, RangeValues>,
  months: Record<string, MonthValues>,
  threshold: number,
): Promise<{ ranges: Record<string, ShownValues>; months: Record<string, ShownMonth> }> {
  const rangeKeys = Object.keys(ranges);
  const tableTotals = new Set(definitions.tables.map((t) => t.totalId));
  const figureAcross = new Map(definitions.figures.map((f) => [f.name, f.acrossRanges]));
  const problem = fiscalYearLattice(
    [
      ...definitions.tables.map((t) => ({
        name: t.name,
        additive: t.additive,
        partition: t.partition,
        totalId: t.totalId,
        ...(t.cellsAcrossRanges ? { across: t.cellsAcrossRanges } : {}),
        ...(figureAcross.get(t.totalId) ? { totalAcross: figureAcross.get(t.totalId) } : {}),
        values: Object.fromEntries(rangeKeys.map((key) => [key, ranges[key]?.tables[t.name] ?? {}])),
        totals: Object.fromEntries(rangeKeys.map((key) => [key, ranges[key]?.figures[t.totalId] ?? 0])),
      })),
    ],
    (["encounters", "contacts", "personsMet"] as const).map((name) => ({
      name,
      additive: name !== "personsMet",
      totalId: name,
      values: Object.fromEntries(Object.entries(months).map(([key, month]) => [key, month[name]])),
    })),
    threshold,
    // Figures no table totals, each on its own over the ranges.
    definitions.figures
      .filter((f) => !tableTotals.has(f.name))
      .map((f) => ({
        totalId: f.name,
        additive: f.additive,
        ...(f.acrossRanges ? { across: f.acrossRanges } : {}),
        values: Object.fromEntries(rangeKeys.map((key) => [key, ranges[key]?.figures[f.name] ?? 0])),
      })),
  );
  const { suppressed } = await protect(problem);
  // Only what went into the problem is shown, and only as the protection left it: a value the
  // problem does not hold is a bug, refused rather than shown unprotected.
  const known = new Set(problem.cells.map((cell) => cell.id));
  const shown = (id: string, value: number) => {
    if (!known.has(id)) throw new Error(`Not protected, so not shown: ${id}`);
    return suppressed.has(id) ? null : value;
  };
  const shownRanges = Object.fromEntries(
    rangeKeys.map((key) => {
      const values = ranges[key] as RangeValues;
      return [
        key,
        {
          figures: Object.fromEntries(
            definitions.figures.map((f) => [
              f.name,
              shown(totalCellId(f.name, key), values.figures[f.name] ?? 0),
            ]),
          ),
          tables: Object.fromEntries(
            definitions.tables.map((t) => [
              t.name,
              Object.fromEntries(
                Object.entries(values.tables[t.name] ?? {}).map(([category, value]) => [
                  category,
                  shown(cellId(t.name, key, category), value),
                ]),
              ),
            ]),
          ),
          ...(values.catalogueLabels ? { catalogueLabels: values.catalogueLabels } : {}),
        } satisfies ShownValues,
      ];
    }),
  );
  const shownMonths = Object.fromEntries(
    Object.entries(months).map(([key, month]) => [
      key,
      {
        encounters: shown(monthCellId("encounters", key), month.encounters),
        contacts: shown(monthCellId("contacts", key), month.contacts),
        personsMet: shown(monthCellId("personsMet", key), month.personsMet),
      },
    ]),
  );
  return { ranges: shownRanges, months: shownMonths };
}
