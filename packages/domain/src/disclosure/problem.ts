// The protection problem: cells, the relations an attacker knows between them, and their
// compilation into linear rows over cell indices. Pure and synchronous; the solver is elsewhere.

/** One published figure before protection: a count (non-negative integer). */
export interface ProtectedCellInput {
  id: string;
  value: number;
}

/**
 * What a reader of the published figures knows holds between cells.
 * - `sum`: value(total) = Σ value(parts) — margins, a range = Σ its quarters, an additive total.
 * - `atLeast`: value(big) ≥ value(small) — distinct persons: a year ≥ one of its quarters.
 * - `atMost`: value(big) ≤ Σ value(parts) — distinct persons: Q1–Q2 ≤ Q1 + Q2.
 * - `overlap`: value(union) + value(intersection) ≤ value(parts[0]) + value(parts[1]) —
 *   inclusion–exclusion for distinct persons over overlapping ranges (Q1–Q3 + Q2 ≤ Q1–Q2 + Q2–Q3).
 */
export type Relation =
  | { kind: "sum"; total: string; parts: string[] }
  | { kind: "atLeast"; big: string; small: string }
  | { kind: "atMost"; big: string; parts: string[] }
  | { kind: "overlap"; union: string; intersection: string; parts: [string, string] };

export interface ProtectionProblem {
  cells: ProtectedCellInput[];
  relations: Relation[];
  /** Counts 1..threshold−1 are suppressed; each suppressed cell keeps ≥ threshold possible values. */
  threshold: number;
}

export interface Protection {
  /** Every suppressed cell, primary and complementary alike (they read the same: "x"). */
  suppressed: Set<string>;
  /** The cells suppressed because their own count is 1..threshold−1. */
  primary: Set<string>;
}

/** A linear row Σ coef·x (= or ≥) 0 over cell indices (sorted, no zero coefficient). */
export interface Row {
  cells: number[];
  coefs: number[];
  equality: boolean;
}

/** The validated problem, cells sorted by id so that the input's order never matters. */
export interface CompiledProblem {
  ids: string[];
  values: number[];
  threshold: number;
  rows: Row[];
  /** rowsOfCell[c] = indices of the rows mentioning cell c. */
  rowsOfCell: number[][];
}

export class DisclosureInputError extends Error {
  override name = "DisclosureInputError";
}

function linearTerms(relation: Relation): [string, number][] {
  switch (relation.kind) {
    case "sum":
      return [[relation.total, 1], ...relation.parts.map((p): [string, number] => [p, -1])];
    case "atLeast":
      return [
        [relation.big, 1],
        [relation.small, -1],
      ];
    case "atMost":
      return [...relation.parts.map((p): [string, number] => [p, 1]), [relation.big, -1]];
    case "overlap":
      return [
        [relation.parts[0], 1],
        [relation.parts[1], 1],
        [relation.union, -1],
        [relation.intersection, -1],
      ];
  }
}

/** Validates the problem (ids, integer values, relations that hold) and compiles it to rows. */
export function compileProblem(problem: ProtectionProblem): CompiledProblem {
  const { threshold } = problem;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new DisclosureInputError(`threshold must be a positive integer, got ${threshold}`);
  }
  const sorted = [...problem.cells].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map<string, number>();
  const ids: string[] = [];
  const values: number[] = [];
  for (const cell of sorted) {
    if (index.has(cell.id)) throw new DisclosureInputError(`duplicate cell id ${cell.id}`);
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) {
      throw new DisclosureInputError(
        `cell ${cell.id}: value must be a non-negative integer, got ${cell.value}`,
      );
    }
    index.set(cell.id, ids.length);
    ids.push(cell.id);
    values.push(cell.value);
  }
  const seen = new Map<string, number>();
  const rows: Row[] = [];
  for (const relation of problem.relations) {
    const coefByCell = new Map<number, number>();
    for (const [id, coef] of linearTerms(relation)) {
      const c = index.get(id);
      if (c === undefined) throw new DisclosureInputError(`relation mentions unknown cell ${id}`);
      coefByCell.set(c, (coefByCell.get(c) ?? 0) + coef);
    }
    const cells = [...coefByCell.keys()].filter((c) => coefByCell.get(c) !== 0).sort((a, b) => a - b);
    const coefs = cells.map((c) => coefByCell.get(c) ?? 0);
    const equality = relation.kind === "sum";
    let activity = 0;
    for (let k = 0; k < cells.length; k++) activity += (coefs[k] ?? 0) * (values[cells[k] ?? 0] ?? 0);
    if (equality ? activity !== 0 : activity < 0) {
      throw new DisclosureInputError(
        `relation does not hold for the given values: ${JSON.stringify(relation)}`,
      );
    }
    if (cells.length === 0) continue;
    // Canonical order (and no duplicate), so that the relations' order never matters.
    const key = `${equality ? "=" : ">"}${cells.map((c, k) => `${c}:${coefs[k]}`).join(",")}`;
    if (seen.has(key)) continue;
    seen.set(key, rows.length);
    rows.push({ cells, coefs, equality });
  }
  const keyed = rows.map((row) => ({
    row,
    key: `${row.equality ? 0 : 1}|${row.cells.map((c) => String(c).padStart(9, "0")).join(",")}|${row.coefs.join(",")}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const canonicalRows = keyed.map((k) => k.row);
  const rowsOfCell: number[][] = ids.map(() => []);
  canonicalRows.forEach((row, r) => {
    for (const c of row.cells) rowsOfCell[c]?.push(r);
  });
  return { ids, values, threshold, rows: canonicalRows, rowsOfCell };
}
