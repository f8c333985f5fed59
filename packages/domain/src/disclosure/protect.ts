// Primary and complementary suppression, by an audit-and-add loop (see index.ts for the method).

import { ClusterSolver, clustersOf, loadSolver } from "./audit.ts";
import {
  type CompiledProblem,
  compileProblem,
  DisclosureInputError,
  type Protection,
  type ProtectionProblem,
} from "./problem.ts";

/** The attacker's integer bounds on one suppressed cell (hi = Infinity when unbounded). */
export interface AttackerBounds {
  lo: number;
  hi: number;
}

function hiddenMask(problem: CompiledProblem, suppressed: ReadonlySet<string>): Uint8Array {
  const hidden = new Uint8Array(problem.ids.length);
  const index = new Map(problem.ids.map((id, c) => [id, c]));
  for (const id of suppressed) {
    const c = index.get(id);
    if (c === undefined) throw new DisclosureInputError(`suppressed cell ${id} is not in the problem`);
    if (problem.values[c] === 0)
      throw new DisclosureInputError(`cell ${id} is zero: zeros are always published`);
    hidden[c] = 1;
  }
  return hidden;
}

/**
 * The attacker's exact integer bounds on each suppressed cell, given the published values of
 * all the others, the relations, and that suppressed cells are integers ≥ 1 (zeros are
 * published). Solved by linear programming, and integer programming where the LP's optimum is
 * fractional. Suppressed cells may not be zero.
 */
export async function attackerBounds(
  problem: ProtectionProblem,
  suppressed: ReadonlySet<string>,
): Promise<Map<string, AttackerBounds>> {
  const compiled = compileProblem(problem);
  const hidden = hiddenMask(compiled, suppressed);
  const highs = await loadSolver();
  const bounds = new Map<string, AttackerBounds>();
  for (const cluster of clustersOf(compiled, hidden)) {
    const solver = new ClusterSolver(highs, compiled, hidden, cluster);
    try {
      for (const c of cluster.cells) {
        const max = solver.integerExtreme(c, true);
        const min = solver.integerExtreme(c, false);
        if (min.kind !== "bounded") throw new Error("disclosure audit: unbounded minimum");
        bounds.set(compiled.ids[c] ?? "", {
          lo: min.value,
          hi: max.kind === "unbounded" ? Number.POSITIVE_INFINITY : max.value,
        });
      }
    } finally {
      solver.dispose();
    }
  }
  return bounds;
}

/** Range of cell c allowed by row r alone (other suppressed cells ≥ 1, unbounded above). */
function singleRowWidth(problem: CompiledProblem, hidden: Uint8Array, r: number, c: number): number {
  const row = problem.rows[r];
  if (!row) return Number.POSITIVE_INFINITY;
  let constant = 0;
  let own = 0;
  let othersMin = 0;
  let othersMax = 0;
  row.cells.forEach((cell, k) => {
    const coef = row.coefs[k] ?? 0;
    if (cell === c) own = coef;
    else if (hidden[cell]) {
      othersMin += coef > 0 ? coef : Number.NEGATIVE_INFINITY;
      othersMax += coef > 0 ? Number.POSITIVE_INFINITY : coef;
    } else constant += coef * (problem.values[cell] ?? 0);
  });
  // own·x = −constant − others (equality) or own·x ≥ −constant − others.
  const low = -constant - othersMax;
  const high = row.equality ? -constant - othersMin : Number.POSITIVE_INFINITY;
  let lo = own > 0 ? low / own : high / own;
  let hi = own > 0 ? high / own : low / own;
  lo = Math.max(1, Math.ceil(lo - 1e-9));
  hi = Math.floor(hi + 1e-9);
  return hi === Number.POSITIVE_INFINITY ? hi : hi - lo + 1;
}

/** Cell components of the whole relation graph (published cells included). */
function components(problem: CompiledProblem): number[] {
  const parent = problem.ids.map((_, c) => c);
  const find = (c: number): number => {
    let root = c;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[c] !== root) {
      const next = parent[c] ?? root;
      parent[c] = root;
      c = next;
    }
    return root;
  };
  for (const row of problem.rows) {
    const first = row.cells[0];
    if (first === undefined) continue;
    for (const c of row.cells) {
      const a = find(first);
      const b = find(c);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  return problem.ids.map((_, c) => find(c));
}

/**
 * Protects a table set: primary suppression of every count 1..threshold−1, then complementary
 * suppression until the audit proves every suppressed cell keeps at least `threshold` possible
 * integer values. Deterministic: the same problem (in any order of cells and relations) gives
 * the same suppression.
 */
export async function protect(problem: ProtectionProblem): Promise<Protection> {
  const compiled = compileProblem(problem);
  const { ids, values, threshold, rows, rowsOfCell } = compiled;
  const n = ids.length;
  const hidden = new Uint8Array(n);
  const primary = new Set<string>();
  for (let c = 0; c < n; c++) {
    const v = values[c] ?? 0;
    if (v >= 1 && v < threshold) {
      hidden[c] = 1;
      primary.add(ids[c] ?? "");
    }
  }
  // Known integer points (the true one first) give each cell a proven part of its range;
  // hiding more cells only widens ranges, so a cell once proven protected stays protected.
  const seenLo = values.slice();
  const seenHi = values.slice();
  const proven = new Uint8Array(n);
  // Upper bounds for the sweeps: reaching value + threshold − 1 proves a cell protected.
  const caps = values.map((v) => v + threshold - 1);
  const component = components(compiled);
  const componentCells = new Map<number, number[]>();
  component.forEach((root, c) => {
    const list = componentCells.get(root);
    if (list) list.push(c);
    else componentCells.set(root, [c]);
  });
  const highs = primary.size > 0 && threshold > 1 ? await loadSolver() : undefined;

  const witness = (cells: number[], point: ArrayLike<number>) => {
    cells.forEach((c, j) => {
      const x = point[j] ?? 0;
      if (x < (seenLo[c] ?? 0)) seenLo[c] = x;
      if (x > (seenHi[c] ?? 0)) seenHi[c] = x;
    });
  };
  const wide = (c: number) => (seenHi[c] ?? 0) - (seenLo[c] ?? 0) + 1 >= threshold;

  while (highs) {
    // 1. Audit every suppressed cell not yet proven protected, cluster by cluster.
    const under: number[] = [];
    const clusters = clustersOf(compiled, hidden);
    const clusterOf = new Map<number, (typeof clusters)[number]>();
    for (const cluster of clusters) for (const c of cluster.cells) clusterOf.set(c, cluster);
    for (const cluster of clusters) {
      const pending = cluster.cells.filter((c) => !proven[c]);
      if (pending.length === 0) continue;
      let solver: ClusterSolver | undefined;
      try {
        for (const c of pending) {
          if (wide(c)) {
            proven[c] = 1;
            continue;
          }
          // One relation alone already narrows it below the threshold: no need to solve.
          if ((rowsOfCell[c] ?? []).some((r) => singleRowWidth(compiled, hidden, r, c) < threshold)) {
            under.push(c);
            continue;
          }
          if (!solver) {
            solver = new ClusterSolver(highs, compiled, hidden, cluster);
            const open = pending.filter((cell) => !wide(cell));
            if (open.length > 1) {
              const up = solver.sweep(open, caps, true);
              if (up) witness(solver.cells, up);
              const down = solver.sweep(open, caps, false);
              if (down) witness(solver.cells, down);
              if (wide(c)) {
                proven[c] = 1;
                continue;
              }
            }
          }
          if (auditCell(solver, c)) proven[c] = 1;
          else under.push(c);
        }
      } finally {
        solver?.dispose();
      }
    }
    if (under.length === 0) break;

    // 2. Add complements: for each under-protected cell, in each relation that alone narrows it
    //    below the threshold, the published non-zero cell that costs least; else any of its
    //    relations; else its cluster's; else its component's. Each added cell is re-audited.
    under.sort((a, b) => a - b);
    const added = new Set<number>();
    const touched = new Uint8Array(n);
    const addComplement = (k: number) => {
      added.add(k);
      for (const r of rowsOfCell[k] ?? []) for (const c of rows[r]?.cells ?? []) touched[c] = 1;
    };
    const cost = (k: number): [number, number, number] => {
      let exposures = 0;
      for (const r of rowsOfCell[k] ?? []) {
        const row = rows[r];
        if (row?.equality && !row.cells.some((c) => c !== k && (hidden[c] || added.has(c)))) exposures++;
      }
      return [exposures, values[k] ?? 0, k];
    };
    const best = (candidates: Iterable<number>): number | undefined => {
      let choice: number | undefined;
      let choiceCost: [number, number, number] | undefined;
      for (const k of candidates) {
        if (hidden[k] || added.has(k) || (values[k] ?? 0) === 0) continue;
        const kCost = cost(k);
        if (
          !choiceCost ||
          kCost[0] < choiceCost[0] ||
          (kCost[0] === choiceCost[0] &&
            (kCost[1] < choiceCost[1] || (kCost[1] === choiceCost[1] && kCost[2] < choiceCost[2])))
        ) {
          choice = k;
          choiceCost = kCost;
        }
      }
      return choice;
    };
    const rowCells = (rowIndices: Iterable<number>) => {
      const cells: number[] = [];
      for (const r of rowIndices) cells.push(...(rows[r]?.cells ?? []));
      return cells;
    };
    for (const c of under) {
      if (touched[c]) continue;
      const binding = (rowsOfCell[c] ?? [])
        .map((r) => ({ r, width: singleRowWidth(compiled, hidden, r, c) }))
        .filter(({ width }) => width < threshold)
        .sort((a, b) => a.width - b.width || a.r - b.r);
      let progress = false;
      for (const { r } of binding) {
        const k = best(rows[r]?.cells ?? []);
        if (k !== undefined) {
          addComplement(k);
          progress = true;
        }
      }
      if (progress) continue;
      let k = best(rowCells(rowsOfCell[c] ?? []));
      if (k === undefined) {
        k = best(rowCells(clusterOf.get(c)?.rows ?? []));
      }
      if (k === undefined) k = best(componentCells.get(component[c] ?? 0) ?? []);
      // None left: every non-zero cell of the component is suppressed or being added this round.
      if (k !== undefined) addComplement(k);
    }
    if (added.size === 0) {
      // Everything non-zero of the components is suppressed: the relations are then homogeneous
      // in the suppressed cells, so any multiple of the true values fits — unbounded. Reaching
      // this line means the solver disagrees: fail closed rather than publish.
      throw new Error(
        `disclosure: cannot protect cell ${ids[under[0] ?? 0]} even with its whole component suppressed`,
      );
    }
    for (const k of added) hidden[k] = 1;
  }

  const suppressed = new Set<string>();
  for (let c = 0; c < n; c++) if (hidden[c]) suppressed.add(ids[c] ?? "");
  return { suppressed, primary };

  /** Whether cell c keeps ≥ threshold integer values; records every integral point met. */
  function auditCell(solver: ClusterSolver, c: number): boolean {
    let max = solver.extreme(c, true, false);
    if (max.kind === "unbounded") return true;
    if (max.integral && max.point) witness(solver.cells, max.point);
    else {
      // The attacker's minimum is ≥ 1: an LP maximum below the threshold already fails.
      if (Math.floor(max.value + 1e-6) < threshold) return false;
      max = solver.extreme(c, true, true);
      if (max.kind === "unbounded") return true;
      if (max.point) witness(solver.cells, max.point);
    }
    const hi = max.value;
    if (wide(c)) return true;
    let min = solver.extreme(c, false, false);
    if (min.kind !== "bounded") throw new Error("disclosure audit: unbounded minimum");
    if (min.integral && min.point) witness(solver.cells, min.point);
    else {
      if (hi - Math.ceil(min.value - 1e-6) + 1 < threshold) return false;
      min = solver.extreme(c, false, true);
      if (min.kind === "bounded" && min.point) witness(solver.cells, min.point);
    }
    return min.kind === "bounded" && hi - min.value + 1 >= threshold;
  }
}
