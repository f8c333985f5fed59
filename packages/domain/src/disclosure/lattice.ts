// The protection problem of one fiscal year: every table over its 10 quarter ranges, the
// shared totals (headline figures) and the monthly series, with every relation a reader knows.

import { parseQuarterRangeKey, quarterRangeKey, quarterRangeKeys } from "../indicators/periods.ts";
import {
  DisclosureInputError,
  type ProtectedCellInput,
  type ProtectionProblem,
  type Relation,
} from "./problem.ts";

/** The 10 contiguous runs of quarters of a fiscal year, the only periods committees see. */
export const quarterRanges: readonly string[] = quarterRangeKeys;

/** The 12 months of a fiscal year; M01 is its first month, M01–M03 are Q1. */
export const fiscalMonths: readonly string[] = Array.from(
  { length: 12 },
  (_, i) => `M${String(i + 1).padStart(2, "0")}`,
);

/** Range key of quarters first..last (1–4). */
export const rangeKey = quarterRangeKey;

function bounds(range: string): [number, number] {
  const quarters = parseQuarterRangeKey(range);
  if (!quarters) throw new DisclosureInputError(`not a quarter range: ${range}`);
  return quarters;
}

export function cellId(table: string, range: string, category: string): string {
  return `cell|${table}|${range}|${category}`;
}
export function totalCellId(totalId: string, range: string): string {
  return `total|${totalId}|${range}`;
}
export function monthCellId(series: string, month: string): string {
  return `month|${series}|${month}`;
}
/** The total id of a table: its `totalId`, or its own (`table:<name>`). */
export function tableTotalId(table: Pick<LatticeTableInput, "name" | "totalId">): string {
  return table.totalId ?? `table:${table.name}`;
}

export interface LatticeTableInput {
  name: string;
  /**
   * Additive: a range's cell is the sum of its quarters' cells (encounters, items handed out).
   * Otherwise distinct counts (persons): between ranges only atLeast (a range ≥ its sub-ranges),
   * atMost (a range ≤ the sum of two halves) and overlap (inclusion–exclusion).
   */
  additive: boolean;
  /**
   * The categories partition the total (channels; genders of persons): total(range) =
   * Σ cells(range). False for overlapping categories (themes): each cell ≤ total only.
   */
  partition: boolean;
  /**
   * With overlapping categories, whether every unit of the total is in at least one category
   * (a person met always has some age bracket): total ≤ Σ cells. Default false.
   */
  covering?: boolean;
  /**
   * Id of the total cell shared with other tables and with the headline figures (e.g.
   * "encounters", "personsMet"); tables with the same totalId share the same total cells.
   * Absent: the table's own total (`table:<name>`).
   */
  totalId?: string;
  /** For distinct counts, how a category's cells relate across ranges (default `union`). */
  across?: Exclude<RangeKind, "additive">;
  /** For distinct counts, how the total's cells relate across ranges (default `union`). */
  totalAcross?: Exclude<RangeKind, "additive">;
  /** values[rangeKey][category], for each of the 10 `quarterRanges`; a missing category is 0. */
  values: Record<string, Record<string, number>>;
  /** Values of the total per range when the total is not the sum of the categories (themes). */
  totals?: Record<string, number>;
}

export interface LatticeSeriesInput {
  name: string;
  additive: boolean;
  /** The total cells the months add up to (additive) or are bounded by (distinct counts). */
  totalId: string;
  /** Per month "M01".."M12" (month 1 = first month of the fiscal year; M01–M03 are Q1). */
  values: Record<string, number>;
}

/** A headline figure per range with no table of its own (e.g. anonymous contacts). */
export interface LatticeFigureInput {
  totalId: string;
  additive: boolean;
  /** For a distinct count, how its cells relate across ranges (default `union`). */
  across?: Exclude<RangeKind, "additive">;
  /** values[rangeKey] for each of the 10 `quarterRanges`. */
  values: Record<string, number>;
}

/**
 * How the values of one quantity over the 10 ranges relate, as a reader knows:
 * - `additive`: a range = Σ its quarters (records, each dated once);
 * - `union`: the count of a union of sets (distinct persons met): a range ≥ its sub-ranges, ≤ the
 *   sum of two halves, and inclusion–exclusion of overlapping ranges;
 * - `monotone`: only a range ≥ its sub-ranges (persons met at least N times in the period);
 * - `none`: nothing (a venue visited on cadence in Q1 may not be over Q1–Q2; a person's age bracket
 *   at her first encounter of a range depends on the range).
 * A relation given that does not hold makes the problem refused (DisclosureInputError), so a
 * kind must never claim more than is true; one that claims less only under-uses what holds.
 */
export type RangeKind = "additive" | "union" | "monotone" | "none";

/** Relations between the 10 ranges of one quantity, `id(range)` naming its cells. */
function rangeRelations(kind: RangeKind | boolean, id: (range: string) => string): Relation[] {
  const across: RangeKind = kind === true ? "additive" : kind === false ? "union" : kind;
  const additive = across === "additive";
  const relations: Relation[] = [];
  if (across === "none") return relations;
  for (const range of quarterRanges) {
    const [first, last] = bounds(range);
    if (first === last) continue;
    if (additive) {
      const parts: string[] = [];
      for (let q = first; q <= last; q++) parts.push(id(rangeKey(q, q)));
      relations.push({ kind: "sum", total: id(range), parts });
      continue;
    }
    // Distinct counts: monotone (≥ each maximal sub-range), subadditive (≤ any two halves).
    relations.push({ kind: "atLeast", big: id(range), small: id(rangeKey(first + 1, last)) });
    relations.push({ kind: "atLeast", big: id(range), small: id(rangeKey(first, last - 1)) });
    if (across === "monotone") continue;
    for (let split = first; split < last; split++) {
      relations.push({
        kind: "atMost",
        big: id(range),
        parts: [id(rangeKey(first, split)), id(rangeKey(split + 1, last))],
      });
    }
  }
  if (across === "union") {
    // Inclusion–exclusion of two overlapping ranges [a..b] and [c..d], a < c ≤ b < d.
    for (let a = 1; a <= 4; a++)
      for (let c = a + 1; c <= 4; c++)
        for (let b = c; b <= 4; b++)
          for (let d = b + 1; d <= 4; d++) {
            relations.push({
              kind: "overlap",
              union: id(rangeKey(a, d)),
              intersection: id(rangeKey(c, b)),
              parts: [id(rangeKey(a, b)), id(rangeKey(c, d))],
            });
          }
  }
  return relations;
}

/**
 * Builds the protection problem of one fiscal year, to give to `protect`.
 *
 * Cells: every table cell of every range (`cellId`), every total (`totalCellId`, shared by the
 * tables, series and figures with the same totalId), every month of every series
 * (`monthCellId`). Relations a reader can use:
 * - additive quantities: each multi-quarter range = Σ its quarters (per category and total);
 *   each quarter's total = Σ its 3 months;
 * - distinct counts: a range ≥ its sub-ranges, ≤ the sum of any two halves, and inclusion–
 *   exclusion of overlapping ranges; a quarter ≥ each of its months and ≤ their sum;
 * - partitions: total(range) = Σ cells(range); overlapping categories: cell ≤ total (and
 *   total ≤ Σ cells when `covering`).
 * Tables and figures giving the same total cell different values are an error (the API's bug).
 * An additive series whose total has no table or figure gets total cells from its months.
 */
export function fiscalYearLattice(
  tables: LatticeTableInput[],
  series: LatticeSeriesInput[],
  threshold: number,
  figures: LatticeFigureInput[] = [],
): ProtectionProblem {
  const cells = new Map<string, number>();
  const relations: Relation[] = [];
  const totalKinds = new Map<string, RangeKind>();

  const setCell = (id: string, value: number) => {
    const known = cells.get(id);
    if (known !== undefined && known !== value) {
      throw new DisclosureInputError(`cell ${id} is given two values: ${known} and ${value}`);
    }
    cells.set(id, value);
  };
  const totalKind = (totalId: string, kind: RangeKind) => {
    const known = totalKinds.get(totalId);
    if (known !== undefined && known !== kind) {
      throw new DisclosureInputError(`total ${totalId} is ${known} for one input and ${kind} for another`);
    }
    totalKinds.set(totalId, kind);
  };
  const kindOf = (additive: boolean, across: Exclude<RangeKind, "additive"> | undefined): RangeKind =>
    additive ? "additive" : (across ?? "union");
  const rangeValue = (record: Record<string, number> | undefined, range: string, what: string) => {
    const value = record?.[range];
    if (value === undefined) throw new DisclosureInputError(`${what}: no value for ${range}`);
    return value;
  };

  for (const table of tables) {
    for (const range of quarterRanges) {
      if (!table.values[range]) throw new DisclosureInputError(`table ${table.name}: no values for ${range}`);
    }
    const categories = [
      ...new Set(quarterRanges.flatMap((range) => Object.keys(table.values[range] ?? {}))),
    ].sort();
    const totalId = tableTotalId(table);
    const hasTotal = table.partition || table.totals !== undefined;
    for (const range of quarterRanges) {
      const row = table.values[range] ?? {};
      let sum = 0;
      for (const category of categories) {
        const value = row[category] ?? 0;
        sum += value;
        setCell(cellId(table.name, range, category), value);
      }
      if (!hasTotal) continue;
      const total = table.totals ? rangeValue(table.totals, range, `table ${table.name} totals`) : sum;
      setCell(totalCellId(totalId, range), total);
      const parts = categories.map((category) => cellId(table.name, range, category));
      if (table.partition) relations.push({ kind: "sum", total: totalCellId(totalId, range), parts });
      else {
        for (const part of parts)
          relations.push({ kind: "atLeast", big: totalCellId(totalId, range), small: part });
        if (table.covering && parts.length > 0)
          relations.push({ kind: "atMost", big: totalCellId(totalId, range), parts });
      }
    }
    for (const category of categories)
      relations.push(
        ...rangeRelations(kindOf(table.additive, table.across), (range) =>
          cellId(table.name, range, category),
        ),
      );
    if (hasTotal) totalKind(totalId, kindOf(table.additive, table.totalAcross));
  }

  for (const figure of figures) {
    for (const range of quarterRanges)
      setCell(
        totalCellId(figure.totalId, range),
        rangeValue(figure.values, range, `figure ${figure.totalId}`),
      );
    totalKind(figure.totalId, kindOf(figure.additive, figure.across));
  }

  for (const one of series) {
    const months = fiscalMonths.map((month) => {
      const value = one.values[month];
      if (value === undefined) throw new DisclosureInputError(`series ${one.name}: no value for ${month}`);
      setCell(monthCellId(one.name, month), value);
      return monthCellId(one.name, month);
    });
    if (!totalKinds.has(one.totalId)) {
      if (!one.additive) {
        throw new DisclosureInputError(
          `series ${one.name}: no table or figure gives the total ${one.totalId}`,
        );
      }
      for (const range of quarterRanges) {
        const [first, last] = bounds(range);
        let sum = 0;
        for (let m = (first - 1) * 3; m < last * 3; m++) sum += one.values[fiscalMonths[m] ?? ""] ?? 0;
        setCell(totalCellId(one.totalId, range), sum);
      }
    }
    // A series' months hold within a quarter whatever the total's relations across ranges are.
    const known = totalKinds.get(one.totalId);
    if (known === undefined) totalKind(one.totalId, one.additive ? "additive" : "union");
    else if ((known === "additive") !== one.additive)
      throw new DisclosureInputError(`series ${one.name}: additive or not unlike its total ${one.totalId}`);
    for (let q = 1; q <= 4; q++) {
      const quarter = totalCellId(one.totalId, rangeKey(q, q));
      const parts = months.slice((q - 1) * 3, q * 3);
      if (one.additive) relations.push({ kind: "sum", total: quarter, parts });
      else {
        for (const part of parts) relations.push({ kind: "atLeast", big: quarter, small: part });
        relations.push({ kind: "atMost", big: quarter, parts });
      }
    }
  }

  for (const [totalId, additive] of [...totalKinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    relations.push(...rangeRelations(additive, (range) => totalCellId(totalId, range)));
  }

  const cellList: ProtectedCellInput[] = [...cells].map(([id, value]) => ({ id, value }));
  return { cells: cellList, relations, threshold };
}
