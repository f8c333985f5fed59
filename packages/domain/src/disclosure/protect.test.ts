import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { attackerBounds, type ProtectionProblem, protect, type Relation } from "./index.ts";

const T = 5;
// Property tests run thousands of protections: generous per-test limits, no timing asserted.
vi.setConfig({ testTimeout: 60_000 });

/**
 * The attacker's bounds by plain enumeration (no LP): every integer assignment of the
 * suppressed cells in [1, cap] that satisfies every relation. A bound reaching `cap` means
 * "cap or more". Sum relations with one unknown left fix it, which keeps the search small.
 */
function enumeratedBounds(problem: ProtectionProblem, suppressed: ReadonlySet<string>, cap: number) {
  const value = new Map(problem.cells.map((c) => [c.id, c.value]));
  const hidden = [...suppressed].sort();
  const assigned = new Map<string, number>();
  const known = (id: string) => (suppressed.has(id) ? assigned.get(id) : value.get(id));
  const ids = (r: Relation) =>
    r.kind === "sum"
      ? [r.total, ...r.parts]
      : r.kind === "atLeast"
        ? [r.big, r.small]
        : r.kind === "atMost"
          ? [r.big, ...r.parts]
          : [r.union, r.intersection, ...r.parts];
  const holds = (r: Relation): boolean => {
    const v = (id: string) => known(id) ?? 0;
    const sum = (list: string[]) => list.reduce((s, id) => s + v(id), 0);
    if (r.kind === "sum") return v(r.total) === sum(r.parts);
    if (r.kind === "atLeast") return v(r.big) >= v(r.small);
    if (r.kind === "atMost") return v(r.big) <= sum(r.parts);
    return v(r.union) + v(r.intersection) <= sum(r.parts);
  };
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  let budget = 60_000;
  const search = (depth: number): void => {
    if (--budget < 0) throw new RangeError("enumeration budget");
    for (const r of problem.relations) if (ids(r).every((id) => known(id) !== undefined) && !holds(r)) return;
    if (depth === hidden.length) {
      for (const id of hidden) {
        const x = assigned.get(id) ?? 0;
        lo.set(id, Math.min(lo.get(id) ?? x, x));
        hi.set(id, Math.max(hi.get(id) ?? x, x));
      }
      return;
    }
    const id = hidden[depth] ?? "";
    let forced: number | undefined;
    for (const r of problem.relations) {
      if (r.kind !== "sum" || !ids(r).includes(id)) continue;
      if (ids(r).filter((other) => known(other) === undefined).length !== 1) continue;
      const others = r.parts.reduce((s, p) => s + (p === id ? 0 : (known(p) ?? 0)), 0);
      forced = r.total === id ? others : (known(r.total) ?? 0) - others;
      break;
    }
    const candidates = forced !== undefined ? [forced] : Array.from({ length: cap }, (_, i) => i + 1);
    for (const x of candidates) {
      if (x < 1) continue;
      assigned.set(id, x);
      search(depth + 1);
      assigned.delete(id);
    }
  };
  search(0);
  return new Map(hidden.map((id) => [id, { lo: lo.get(id) ?? 0, hi: hi.get(id) ?? 0 }]));
}

/**
 * Enumeration with free cells in [1, C] and again in [1, 2C], C above the sum of the published
 * values (with ±1 relations, no finite bound exceeds it): a maximum that moves with the cap is
 * unbounded (Infinity); one that does not is exact. Undefined when C is too large to enumerate.
 */
function bruteBounds(problem: ProtectionProblem, suppressed: ReadonlySet<string>) {
  const published = problem.cells.filter((c) => !suppressed.has(c.id)).reduce((s, c) => s + c.value, 0);
  const cap = published + problem.threshold + 1;
  if (cap > 70 || suppressed.size > 4) return undefined;
  let small: ReturnType<typeof enumeratedBounds>;
  let large: ReturnType<typeof enumeratedBounds>;
  try {
    small = enumeratedBounds(problem, suppressed, cap);
    large = enumeratedBounds(problem, suppressed, 2 * cap);
  } catch (error) {
    if (error instanceof RangeError) return undefined; // too many free cells to enumerate
    throw error;
  }
  return new Map(
    [...small].map(([id, b]) => [
      id,
      { lo: b.lo, hi: (large.get(id)?.hi ?? 0) > b.hi ? Number.POSITIVE_INFINITY : b.hi },
    ]),
  );
}

let enumerated = 0;

/** Checks a protection: rules, then the LP audit, then (optionally) plain enumeration. */
async function expectProtected(problem: ProtectionProblem, enumerate: boolean) {
  const { suppressed, primary } = await protect(problem);
  for (const cell of problem.cells) {
    if (cell.value === 0) expect(suppressed.has(cell.id)).toBe(false);
    const isPrimary = cell.value >= 1 && cell.value < problem.threshold;
    expect(primary.has(cell.id)).toBe(isPrimary);
    if (isPrimary) expect(suppressed.has(cell.id)).toBe(true);
  }
  const bounds = await attackerBounds(problem, suppressed);
  for (const id of suppressed) {
    const b = bounds.get(id);
    expect(b, id).toBeDefined();
    const truth = problem.cells.find((c) => c.id === id)?.value ?? 0;
    expect(b?.lo).toBeLessThanOrEqual(truth);
    expect(b?.hi).toBeGreaterThanOrEqual(truth);
    expect((b?.hi ?? 0) - (b?.lo ?? 0) + 1, `${id} in [${b?.lo}, ${b?.hi}]`).toBeGreaterThanOrEqual(
      problem.threshold,
    );
  }
  const brute = enumerate ? bruteBounds(problem, suppressed) : undefined;
  if (brute) {
    enumerated++;
    for (const [id, b] of brute) {
      expect(b.hi - b.lo + 1, `${id} enumerated`).toBeGreaterThanOrEqual(problem.threshold);
      expect(bounds.get(id), `${id}: LP vs enumeration`).toEqual(b);
    }
  }
  return { suppressed, primary, bounds };
}

// --- generators of small linked tables ---------------------------------------------------

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 9 }));

/** A 1-D table with its total: cells a0..ak−1, total = Σ. */
const oneD = fc.array(count, { minLength: 1, maxLength: 5 }).map((values): ProtectionProblem => {
  const cells = values.map((value, i) => ({ id: `a${i}`, value }));
  cells.push({ id: "total", value: values.reduce((s, v) => s + v, 0) });
  return {
    cells,
    relations: [{ kind: "sum", total: "total", parts: values.map((_, i) => `a${i}`) }],
    threshold: T,
  };
});

/** A 2-D table with row, column and grand margins. */
function twoDProblem(grid: number[][], prefix = "", grandId = `${prefix}grand`): ProtectionProblem {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const id = (r: number, c: number) => `${prefix}r${r}c${c}`;
  const cells: ProtectionProblem["cells"] = [];
  const relations: Relation[] = [];
  let grand = 0;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const v = grid[r]?.[c] ?? 0;
      cells.push({ id: id(r, c), value: v });
      sum += v;
    }
    cells.push({ id: `${prefix}row${r}`, value: sum });
    grand += sum;
    relations.push({
      kind: "sum",
      total: `${prefix}row${r}`,
      parts: Array.from({ length: cols }, (_, c) => id(r, c)),
    });
  }
  for (let c = 0; c < cols; c++) {
    const sum = grid.reduce((s, row) => s + (row[c] ?? 0), 0);
    cells.push({ id: `${prefix}col${c}`, value: sum });
    relations.push({
      kind: "sum",
      total: `${prefix}col${c}`,
      parts: Array.from({ length: rows }, (_, r) => id(r, c)),
    });
  }
  cells.push({ id: grandId, value: grand });
  relations.push({
    kind: "sum",
    total: grandId,
    parts: Array.from({ length: rows }, (_, r) => `${prefix}row${r}`),
  });
  relations.push({
    kind: "sum",
    total: grandId,
    parts: Array.from({ length: cols }, (_, c) => `${prefix}col${c}`),
  });
  return { cells, relations, threshold: T };
}
const grid = (maxRows: number, maxCols: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) =>
      fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );
const twoD = grid(3, 3).map((g) => twoDProblem(g));

/** Two 1-D tables (say channel and place) sharing one total, as tables of encounters do. */
const sharedTotal = fc
  .tuple(fc.array(count, { minLength: 1, maxLength: 4 }), fc.array(count, { minLength: 1, maxLength: 4 }))
  .map(([a, b]): ProtectionProblem | undefined => {
    const total = a.reduce((s, v) => s + v, 0);
    if (b.reduce((s, v) => s + v, 0) !== total) {
      // Make the second table add up to the same total: put the difference in its last cell.
      const rest = b.slice(0, -1).reduce((s, v) => s + v, 0);
      if (rest > total) return undefined;
      b[b.length - 1] = total - rest;
    }
    return {
      cells: [
        ...a.map((value, i) => ({ id: `a${i}`, value })),
        ...b.map((value, i) => ({ id: `b${i}`, value })),
        { id: "total", value: total },
      ],
      relations: [
        { kind: "sum", total: "total", parts: a.map((_, i) => `a${i}`) },
        { kind: "sum", total: "total", parts: b.map((_, i) => `b${i}`) },
      ],
      threshold: T,
    };
  });

/** One category over 4 quarters and their additive ranges (Q1–Q2 = Q1 + Q2, …). */
const quartersAdditive = fc.array(count, { minLength: 4, maxLength: 4 }).map((q): ProtectionProblem => {
  const cells: ProtectionProblem["cells"] = [];
  const relations: Relation[] = [];
  for (let a = 1; a <= 4; a++)
    for (let b = a; b <= 4; b++) {
      const id = a === b ? `Q${a}` : `Q${a}-Q${b}`;
      cells.push({ id, value: q.slice(a - 1, b).reduce((s, v) => s + v, 0) });
      if (a < b)
        relations.push({
          kind: "sum",
          total: id,
          parts: Array.from({ length: b - a + 1 }, (_, i) => `Q${a + i}`),
        });
    }
  return { cells, relations, threshold: T };
});

/** Distinct persons over Q1, Q2 and Q1–Q2: persons met only in Q1, only in Q2, in both. */
const distinctPair = fc.tuple(count, count, count).map(
  ([onlyQ1, onlyQ2, both]): ProtectionProblem => ({
    cells: [
      { id: "Q1", value: onlyQ1 + both },
      { id: "Q2", value: onlyQ2 + both },
      { id: "Q1-Q2", value: onlyQ1 + onlyQ2 + both },
    ],
    relations: [
      { kind: "atLeast", big: "Q1-Q2", small: "Q1" },
      { kind: "atLeast", big: "Q1-Q2", small: "Q2" },
      { kind: "atMost", big: "Q1-Q2", parts: ["Q1", "Q2"] },
    ],
    threshold: T,
  }),
);

/** Months M1..M3 of a quarter, additive, inside a 2-D table's grand total. */
const monthsIn2D = fc
  .tuple(grid(2, 2), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([g, s1, s2]) => {
    const problem = twoDProblem(g);
    const grand = problem.cells.find((c) => c.id === "grand")?.value ?? 0;
    const m1 = Math.floor((grand * s1) / 200);
    const m2 = Math.floor(((grand - m1) * s2) / 100);
    const months = [m1, m2, grand - m1 - m2];
    months.forEach((value, i) => {
      problem.cells.push({ id: `M${i + 1}`, value });
    });
    problem.relations.push({ kind: "sum", total: "grand", parts: ["M1", "M2", "M3"] });
    return problem;
  });

describe("protect — the issue's cases", () => {
  it("300 condoms, 1 lubricant, 1 pregnancy test, total 302: neither 1 can be recovered", async () => {
    const problem: ProtectionProblem = {
      cells: [
        { id: "condoms", value: 300 },
        { id: "lubricant", value: 1 },
        { id: "pregnancyTest", value: 1 },
        { id: "total", value: 302 },
      ],
      relations: [{ kind: "sum", total: "total", parts: ["condoms", "lubricant", "pregnancyTest"] }],
      threshold: T,
    };
    const { suppressed, bounds } = await expectProtected(problem, true);
    expect(suppressed.has("lubricant") && suppressed.has("pregnancyTest")).toBe(true);
    // Hiding the two 1s alone gives both away (each is exactly 1): the audit says so …
    const naive = await attackerBounds(problem, new Set(["lubricant", "pregnancyTest"]));
    expect(naive.get("lubricant")).toEqual({ lo: 1, hi: 1 });
    // … so a complement is hidden, the total stays published, and each 1 could be 1..300.
    expect(suppressed).toEqual(new Set(["condoms", "lubricant", "pregnancyTest"]));
    expect(bounds.get("lubricant")).toEqual({ lo: 1, hi: 300 });
  });

  it("a complementary cell is hidden as such (not a '< 5'): '36 ans et plus' among 300 persons", async () => {
    const problem: ProtectionProblem = {
      cells: [
        { id: "under18", value: 3 },
        { id: "18-24", value: 120 },
        { id: "25-35", value: 106 },
        { id: "36+", value: 71 },
        { id: "total", value: 300 },
      ],
      relations: [{ kind: "sum", total: "total", parts: ["under18", "18-24", "25-35", "36+"] }],
      threshold: T,
    };
    const { suppressed, primary } = await expectProtected(problem, true);
    expect(primary).toEqual(new Set(["under18"]));
    // The smallest published cell of the margin is the complement: suppressed, not primary.
    expect(suppressed).toEqual(new Set(["under18", "36+"]));
  });

  it("publishes everything when nothing is small, and keeps zeros", async () => {
    const problem: ProtectionProblem = {
      cells: [
        { id: "a", value: 0 },
        { id: "b", value: 7 },
        { id: "total", value: 7 },
      ],
      relations: [{ kind: "sum", total: "total", parts: ["a", "b"] }],
      threshold: T,
    };
    expect((await protect(problem)).suppressed.size).toBe(0);
  });

  it("a zero is never hidden, even when it is the only other cell: the total goes instead", async () => {
    const problem: ProtectionProblem = {
      cells: [
        { id: "a", value: 0 },
        { id: "b", value: 2 },
        { id: "total", value: 2 },
      ],
      relations: [{ kind: "sum", total: "total", parts: ["a", "b"] }],
      threshold: T,
    };
    const { suppressed } = await expectProtected(problem, true);
    expect(suppressed).toEqual(new Set(["b", "total"]));
  });
});

describe("attackerBounds against plain enumeration (the LP itself)", () => {
  it("matches enumeration on random 2-D tables and random suppression patterns", async () => {
    await fc.assert(
      fc.asyncProperty(
        grid(2, 3),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (g, mask) => {
          const problem = twoDProblem(g);
          const nonZero = problem.cells.filter((c) => c.value > 0);
          const suppressed = new Set(
            nonZero
              .filter((_, i) => mask[i])
              .map((c) => c.id)
              .slice(0, 4),
          );
          const brute = bruteBounds(problem, suppressed);
          if (brute) expect(await attackerBounds(problem, suppressed)).toEqual(brute);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matches enumeration with distinct-count relations and shared totals", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          distinctPair,
          sharedTotal.filter((p) => p !== undefined),
        ),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        async (problem, mask) => {
          if (!problem) return;
          const nonZero = problem.cells.filter((c) => c.value > 0);
          const suppressed = new Set(
            nonZero
              .filter((_, i) => mask[i])
              .map((c) => c.id)
              .slice(0, 4),
          );
          const brute = bruteBounds(problem, suppressed);
          if (brute) expect(await attackerBounds(problem, suppressed)).toEqual(brute);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("protect — random small and linked tables", () => {
  it("1-D tables with their total", async () => {
    await fc.assert(
      fc.asyncProperty(oneD, (p) => expectProtected(p, true).then(() => undefined)),
      { numRuns: 600 },
    );
  });

  it("2-D tables with row and column margins", async () => {
    await fc.assert(
      fc.asyncProperty(twoD, (p) => expectProtected(p, true).then(() => undefined)),
      { numRuns: 600 },
    );
  });

  it("tables sharing a total", async () => {
    await fc.assert(
      fc.asyncProperty(sharedTotal, async (p) => {
        if (p) await expectProtected(p, true);
      }),
      { numRuns: 400 },
    );
  });

  it("4 quarters and their ranges (additive)", async () => {
    await fc.assert(
      fc.asyncProperty(quartersAdditive, (p) => expectProtected(p, true).then(() => undefined)),
      { numRuns: 250 },
    );
  });

  it("distinct persons over two quarters and their union", async () => {
    await fc.assert(
      fc.asyncProperty(distinctPair, (p) => expectProtected(p, true).then(() => undefined)),
      { numRuns: 400 },
    );
  });

  it("months inside a 2-D table's total", async () => {
    await fc.assert(
      fc.asyncProperty(monthsIn2D, (p) => expectProtected(p, true).then(() => undefined)),
      { numRuns: 300 },
    );
  });

  it("two 2-D tables linked by their grand total, 4x3 (LP audit only)", async () => {
    await fc.assert(
      fc.asyncProperty(grid(4, 3), grid(3, 4), async (a, b) => {
        const first = twoDProblem(a, "a.", "grand");
        const second = twoDProblem(b, "b.", "grand2");
        const grandA = first.cells.find((c) => c.id === "grand")?.value ?? 0;
        const grandB = second.cells.find((c) => c.id === "grand2")?.value ?? 0;
        // Link them as a reader would: the two grand totals are published side by side and
        // their sum is a headline figure.
        const problem: ProtectionProblem = {
          cells: [...first.cells, ...second.cells, { id: "all", value: grandA + grandB }],
          relations: [
            ...first.relations,
            ...second.relations,
            { kind: "sum", total: "all", parts: ["grand", "grand2"] },
          ],
          threshold: T,
        };
        await expectProtected(problem, false);
      }),
      { numRuns: 150 },
    );
  });
});

describe("protect — determinism", () => {
  it("gives the same suppression for the same problem in any order", async () => {
    await fc.assert(
      fc.asyncProperty(twoD, fc.integer(), async (problem, seed) => {
        const first = await protect(problem);
        const shuffle = <X>(list: X[]) => {
          let s = seed >>> 0;
          const out = [...list];
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j] as X, out[i] as X];
          }
          return out;
        };
        const second = await protect({
          ...problem,
          cells: shuffle(problem.cells),
          relations: shuffle(problem.relations),
        });
        expect([...second.suppressed].sort()).toEqual([...first.suppressed].sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe("protect — input checks", () => {
  it("refuses relations that do not hold, unknown ids and negative values", async () => {
    await expect(
      protect({
        cells: [
          { id: "a", value: 1 },
          { id: "t", value: 3 },
        ],
        relations: [{ kind: "sum", total: "t", parts: ["a"] }],
        threshold: 5,
      }),
    ).rejects.toThrow(/does not hold/);
    await expect(
      protect({
        cells: [{ id: "a", value: 1 }],
        relations: [{ kind: "sum", total: "t", parts: ["a"] }],
        threshold: 5,
      }),
    ).rejects.toThrow(/unknown cell/);
    await expect(protect({ cells: [{ id: "a", value: -1 }], relations: [], threshold: 5 })).rejects.toThrow(
      /non-negative/,
    );
    await expect(
      attackerBounds({ cells: [{ id: "a", value: 0 }], relations: [], threshold: 5 }, new Set(["a"])),
    ).rejects.toThrow(/zero/);
  });
});

describe("protect — coverage of the enumeration check", () => {
  it("checked many of the random protections above by plain enumeration too", () => {
    // The small cases (≤ 4 suppressed cells, small sums) are audited a second time without LP.
    expect(enumerated).toBeGreaterThan(300);
  });
});
