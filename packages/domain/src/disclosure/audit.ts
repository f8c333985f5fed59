// The audit: what an attacker can deduce about suppressed cells, by integer linear programming.
//
// The attacker knows every published value, every relation, that suppressed cells are integers
// ≥ 1 (zeros are always published) and nothing else. For one suppressed cell, the smallest and
// the largest value it can take over every integer assignment of the suppressed cells that
// satisfies the relations are its bounds. Suppressed cells that share no relation, directly or
// through other suppressed cells, are independent: each such cluster is one small model.
//
// Each bound is first solved as a linear programme (HiGHS' simplex, warm-started from the
// previous objective). When the LP's optimal vertex is integral it is also the integer optimum;
// otherwise the integer programme is solved (HiGHS' branch and bound). Every integral solution
// met on the way is checked exactly against the rows and kept as a witness: a point the attacker
// cannot exclude, so each cell's witnessed range is a proven lower bound of its true range.

import highsLoader, { type Highs, type Model, type ModelData, type VariableType } from "highs";
import type { CompiledProblem } from "./problem.ts";

let loading: Promise<Highs> | undefined;

/** Loads HiGHS (WebAssembly shipped in the `highs` package, no network) once per process. */
export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** A seconds budget per integer programme; past it the best integral point found is used. */
const MIP_TIME_LIMIT_SECONDS = 20;
const TOLERANCE = 1e-6;

export interface Cluster {
  /** Suppressed cells, ascending. */
  cells: number[];
  /** Rows mentioning at least one of them (no other suppressed cell appears in them). */
  rows: number[];
}

/** Groups suppressed cells linked through relations (union–find over the rows). */
export function clustersOf(problem: CompiledProblem, hidden: Uint8Array): Cluster[] {
  const parent = new Map<number, number>();
  const find = (c: number): number => {
    let root = c;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    let node = c;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (let c = 0; c < hidden.length; c++) if (hidden[c]) parent.set(c, c);
  problem.rows.forEach((row) => {
    let first = -1;
    for (const c of row.cells) {
      if (!hidden[c]) continue;
      if (first < 0) first = c;
      else {
        const a = find(first);
        const b = find(c);
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
  });
  const byRoot = new Map<number, Cluster>();
  for (let c = 0; c < hidden.length; c++) {
    if (!hidden[c]) continue;
    const root = find(c);
    let cluster = byRoot.get(root);
    if (!cluster) {
      cluster = { cells: [], rows: [] };
      byRoot.set(root, cluster);
    }
    cluster.cells.push(c);
  }
  problem.rows.forEach((row, r) => {
    const c = row.cells.find((cell) => hidden[cell]);
    if (c !== undefined) byRoot.get(find(c))?.rows.push(r);
  });
  return [...byRoot.values()].sort((a, b) => (a.cells[0] ?? 0) - (b.cells[0] ?? 0));
}

export type Extreme =
  | { kind: "unbounded" }
  /** `value` is the optimum when `integral`; otherwise the LP bound (not attainable). */
  | { kind: "bounded"; value: number; integral: boolean; point?: Int32Array | number[] };

/** One cluster's model, kept alive across its cells' objectives. Call `dispose()`. */
export class ClusterSolver {
  readonly cells: number[];
  private readonly highs: Highs;
  private readonly problem: CompiledProblem;
  private readonly rowIndices: number[];
  private readonly column = new Map<number, number>();
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly data: ModelData;
  private lp: Model | undefined;
  private mip: Model | undefined;

  constructor(highs: Highs, problem: CompiledProblem, hidden: Uint8Array, cluster: Cluster) {
    this.highs = highs;
    this.problem = problem;
    this.cells = cluster.cells;
    this.rowIndices = cluster.rows;
    cluster.cells.forEach((c, j) => {
      this.column.set(c, j);
    });
    const starts = [0];
    const indices: number[] = [];
    const coefficients: number[] = [];
    for (const r of cluster.rows) {
      const row = problem.rows[r];
      if (!row) continue;
      let constant = 0;
      row.cells.forEach((c, k) => {
        const coef = row.coefs[k] ?? 0;
        if (hidden[c]) {
          indices.push(this.column.get(c) ?? 0);
          coefficients.push(coef);
        } else constant += coef * (problem.values[c] ?? 0);
      });
      starts.push(indices.length);
      this.rowLower.push(-constant);
      this.rowUpper.push(row.equality ? -constant : highs.infinity);
    }
    const n = cluster.cells.length;
    this.data = {
      numCols: n,
      numRows: cluster.rows.length,
      colCost: new Array<number>(n).fill(0),
      colLower: new Array<number>(n).fill(1),
      colUpper: new Array<number>(n).fill(highs.infinity),
      rowLower: this.rowLower,
      rowUpper: this.rowUpper,
      matrix: {
        format: "csr",
        numRows: cluster.rows.length,
        numCols: n,
        starts,
        indices,
        values: coefficients,
      },
    };
  }

  private model(integer: boolean): Model {
    if (integer) {
      if (!this.mip) {
        const integrality = new Array<VariableType>(this.cells.length).fill(
          this.highs.constants.variableType.integer,
        );
        this.mip = this.highs.createModel({ ...this.data, integrality });
        this.mip.options.set({ mip_rel_gap: 0, time_limit: MIP_TIME_LIMIT_SECONDS });
      }
      return this.mip;
    }
    this.lp ??= this.highs.createModel(this.data);
    return this.lp;
  }

  /** Exact check of an (almost) integral solution: rounded, it must satisfy every row. */
  private integralPoint(values: Float64Array): number[] | undefined {
    const point: number[] = [];
    for (const x of values) {
      const rounded = Math.round(x);
      if (Math.abs(x - rounded) > TOLERANCE || rounded < 1) return undefined;
      point.push(rounded);
    }
    for (let i = 0; i < this.rowIndices.length; i++) {
      const row = this.problem.rows[this.rowIndices[i] ?? 0];
      if (!row) continue;
      let activity = 0;
      row.cells.forEach((c, k) => {
        const j = this.column.get(c);
        if (j !== undefined) activity += (row.coefs[k] ?? 0) * (point[j] ?? 0);
      });
      const lower = this.rowLower[i] ?? 0;
      if (activity < lower || (this.rowUpper[i] === lower && activity !== lower)) return undefined;
    }
    return point;
  }

  /** max (or min) of one suppressed cell over the LP relaxation (`integer` false) or the IP. */
  extreme(cell: number, maximize: boolean, integer: boolean): Extreme {
    const j = this.column.get(cell);
    if (j === undefined) throw new Error(`cell ${cell} is not in this cluster`);
    const model = this.model(integer);
    const n = this.cells.length;
    const costs = new Array<number>(n).fill(0);
    costs[j] = 1;
    model.changeColsCost({ kind: "range", from: 0, to: n - 1 }, costs);
    const { maximize: max, minimize: min } = this.highs.constants.objectiveSense;
    model.changeObjectiveSense(maximize ? max : min);
    model.run();
    let status = model.getModelStatus();
    const codes = this.highs.constants.modelStatus;
    if (status === codes.unknown || status === codes.solveError) {
      // Rare simplex trouble after a warm start: solve again from scratch, without presolve.
      model.clearSolver();
      model.options.set({ presolve: "off" });
      model.run();
      status = model.getModelStatus();
    }
    // The true values are a feasible integer point, so "unbounded or infeasible" is unbounded, and
    // an unbounded relaxation of a rational model with an integer point has unbounded integer points.
    if (status === codes.unbounded || status === codes.unboundedOrInfeasible) {
      if (!maximize) throw new Error("disclosure audit: a minimum cannot be unbounded (x ≥ 1)");
      return { kind: "unbounded" };
    }
    const incumbentOnly = integer && (status === codes.timeLimit || status === codes.iterationLimit);
    if (status !== codes.optimal && !incumbentOnly) {
      throw new Error(`disclosure audit: unexpected solver status ${status}`);
    }
    const solution = model.getSolution().colValue;
    const point = this.integralPoint(solution);
    if (point) return { kind: "bounded", value: point[j] ?? 0, integral: true, point };
    if (integer) {
      // Past the time limit without a checked incumbent (or rounding noise): the true value is
      // the one integer point always known feasible, the conservative side (a smaller range).
      return { kind: "bounded", value: this.problem.values[cell] ?? 0, integral: true };
    }
    return { kind: "bounded", value: model.getObjectiveValue(), integral: false };
  }

  /**
   * One LP pushing every given cell up to at most `cap[c]` (or down to 1): an integral optimum is
   * a point the attacker cannot exclude, proving part of many cells' ranges at once.
   */
  sweep(cells: number[], caps: number[], maximize: boolean): number[] | undefined {
    const model = this.model(false);
    const n = this.cells.length;
    const costs = new Array<number>(n).fill(0);
    for (const c of cells) {
      const j = this.column.get(c);
      if (j !== undefined) costs[j] = 1;
    }
    const upper = this.cells.map((c) => caps[c] ?? this.highs.infinity);
    model.changeColsBounds({ kind: "range", from: 0, to: n - 1 }, new Array<number>(n).fill(1), upper);
    model.changeColsCost({ kind: "range", from: 0, to: n - 1 }, costs);
    const { maximize: max, minimize: min } = this.highs.constants.objectiveSense;
    model.changeObjectiveSense(maximize ? max : min);
    try {
      model.run();
      if (model.getModelStatus() !== this.highs.constants.modelStatus.optimal) return undefined;
      return this.integralPoint(model.getSolution().colValue);
    } finally {
      model.changeColsBounds(
        { kind: "range", from: 0, to: n - 1 },
        new Array<number>(n).fill(1),
        new Array<number>(n).fill(this.highs.infinity),
      );
    }
  }

  /** The exact integer extreme: the LP when its vertex is integral, else the IP. */
  integerExtreme(cell: number, maximize: boolean): Extreme {
    const relaxed = this.extreme(cell, maximize, false);
    if (relaxed.kind === "unbounded" || relaxed.integral) return relaxed;
    return this.extreme(cell, maximize, true);
  }

  dispose(): void {
    this.lp?.dispose();
    this.mip?.dispose();
    this.lp = undefined;
    this.mip = undefined;
  }
}
