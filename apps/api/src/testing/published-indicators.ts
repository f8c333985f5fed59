// Reading the answers of organisationIndicators / partnershipIndicators in tests, and checking what
// the protection of a partnership's figures guarantees (issue 17): a true zero reads 0, a count
// from 1 to threshold − 1 never shows, a shown count is the true one, and no hidden cell of a
// partition can be narrowed to fewer than `threshold` values from its table's shown cells and its
// total (the total as shown, or as the sum of another fully shown table sharing it).
import { expect } from "vitest";
import type { TestClient } from "./graphql-client.ts";

export interface Cell {
  key: string;
  label: string;
  count: number | null;
  share: number | null;
}
export interface Table {
  name: string;
  denominatorCount: number | null;
  cells: Cell[];
}
export interface Figure {
  name: string;
  value: number | null;
  previousValue: number | null;
}
export interface Indicators {
  scopeKind: string;
  suppressed: boolean;
  threshold: number;
  asOf: string | null;
  figures: Figure[];
  tables: Table[];
  monthly: { month: string; encounters: number | null; contacts: number | null; personsMet: number | null }[];
}

const fields = `scopeKind suppressed threshold asOf
  figures { name value previousValue }
  tables { name denominatorCount cells { key label count share } }
  monthly { month encounters contacts personsMet }`;

export const organisationIndicatorsQuery = `query ($period: IndicatorPeriodInput!) {
  organisationIndicators(period: $period) {
    __typename
    ... on OrganisationIndicatorsSuccess { indicators { ${fields} } }
    ... on AppError { code }
  }
}`;
export const partnershipIndicatorsQuery = `query ($id: ID!, $period: IndicatorPeriodInput!) {
  partnershipIndicators(partnershipId: $id, period: $period) {
    __typename
    ... on PartnershipIndicatorsSuccess { indicators { ${fields} } }
    ... on AppError { code }
  }
}`;

export type Period = { fiscalYear: number; firstQuarter?: number; lastQuarter?: number };

/** The acting organisation's indicators (its coordinator); fails the test on any other answer. */
export async function readOrganisation(client: TestClient, period: Period): Promise<Indicators> {
  const result = await client.request<any>(organisationIndicatorsQuery, { period });
  const answer = result.data?.organisationIndicators;
  expect(answer?.__typename, JSON.stringify(result.errors ?? answer)).toBe("OrganisationIndicatorsSuccess");
  return answer.indicators;
}

/** A partnership's indicators; fails the test on any other answer. */
export async function readPartnership(client: TestClient, id: string, period: Period): Promise<Indicators> {
  const result = await client.request<any>(partnershipIndicatorsQuery, { id, period });
  const answer = result.data?.partnershipIndicators;
  expect(answer?.__typename, JSON.stringify(result.errors ?? answer)).toBe("PartnershipIndicatorsSuccess");
  return answer.indicators;
}

export function figure(indicators: Indicators, name: string): Figure {
  const found = indicators.figures.find((f) => f.name === name);
  if (!found) throw new Error(`No figure ${name}`);
  return found;
}

export function table(indicators: Indicators, name: string): Table {
  const found = indicators.tables.find((t) => t.name === name);
  if (!found) throw new Error(`No table ${name}`);
  return found;
}

/** A table's counts by key (null: suppressed). */
export function counts(t: Table): Record<string, number | null> {
  return Object.fromEntries(t.cells.map((cell) => [cell.key, cell.count]));
}

/** A table's cells that are not a true zero (as the old dashboard listed them: zeros left out). */
export function nonZero(t: Table): Record<string, number | null> {
  return Object.fromEntries(t.cells.filter((cell) => cell.count !== 0).map((cell) => [cell.key, cell.count]));
}

/** Every count of an answer: figures (and previous values), cells, denominators, months. */
export function everyCount(indicators: Indicators): number[] {
  return [
    ...indicators.figures.flatMap((f) => [f.value, f.previousValue]),
    ...indicators.tables.flatMap((t) => [t.denominatorCount, ...t.cells.map((c) => c.count)]),
    ...indicators.monthly.flatMap((m) => [m.encounters, m.contacts, m.personsMet]),
  ].filter((value): value is number => typeof value === "number");
}

/** No count from 1 to threshold − 1 anywhere in the answer. */
export function expectNoSmallCount(indicators: Indicators, threshold = 5): void {
  expect(everyCount(indicators).filter((count) => count >= 1 && count < threshold)).toEqual([]);
}

/**
 * A published count against the true one: a true zero reads 0, a true 1..threshold−1 reads null,
 * any other reads the truth or null (hidden beside another). Never another number.
 */
export function expectPublishedFrom(shown: number | null, truth: number, threshold = 5, what = ""): void {
  if (truth === 0) expect(shown, what).toBe(0);
  else if (truth < threshold) expect(shown, what).toBeNull();
  else expect(shown === null || shown === truth, `${what}: ${shown} for ${truth}`).toBe(true);
}

/** Each cell of a published table against the true counts (a key absent from `truth` is 0). */
export function expectTablePublishedFrom(t: Table, truth: Record<string, number>, threshold = 5): void {
  for (const cell of t.cells) expectPublishedFrom(cell.count, truth[cell.key] ?? 0, threshold, cell.key);
  for (const key of Object.keys(truth)) expect(t.cells.map((c) => c.key)).toContain(key);
}

/**
 * A partition's total as an attacker reads it: the figure shown, or the sum of a table sharing it
 * whose every cell is shown.
 */
export function knownTotal(indicators: Indicators, tableNames: string[], figureName?: string): number | null {
  const shownFigure = figureName ? figure(indicators, figureName).value : null;
  if (shownFigure !== null) return shownFigure;
  for (const name of tableNames) {
    const t = table(indicators, name);
    if (t.denominatorCount !== null) return t.denominatorCount;
    if (t.cells.every((cell) => cell.count !== null))
      return t.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
  }
  return null;
}

/**
 * No hidden cell of a partition table (its cells add up to its total, each hidden one ≥ 1, as
 * zeros are shown) can be narrowed to fewer than `threshold` values by difference: with R the
 * total less the shown cells and H the hidden ones, each lies in [1, R − |H| + 1].
 */
export function expectPartitionProtected(t: Table, total: number | null, threshold = 5): void {
  const hidden = t.cells.filter((cell) => cell.count === null);
  if (hidden.length === 0 || total === null) return;
  const rest = total - t.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const possible = rest - hidden.length + 1;
  expect(possible, `${t.name}: ${hidden.map((c) => c.key).join(", ")} share ${rest}`).toBeGreaterThanOrEqual(
    threshold,
  );
}
