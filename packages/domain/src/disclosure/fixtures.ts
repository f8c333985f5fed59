// Test fixtures: a synthetic fiscal year built from simulated records, so that every table,
// total and month is consistent the way real aggregates are. Used by the tests only.

import { type LatticeSeriesInput, type LatticeTableInput, quarterRanges } from "./lattice.ts";

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rangeQuarters = (range: string): number[] => {
  const [first, last] = range.replace(/Q/g, "").split("-").map(Number);
  const out: number[] = [];
  for (let q = first ?? 1; q <= (last ?? first ?? 1); q++) out.push(q);
  return out;
};

interface Encounter {
  person: number;
  month: number; // 0..11
  category: Record<string, string[]>; // table → categories it falls in
}

/** Skewed pick: a few common categories and a long tail of rare ones. */
function pick(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * rand() ** 2.2));
}

export interface SyntheticYear {
  tables: LatticeTableInput[];
  series: LatticeSeriesInput[];
}

/**
 * A year of `persons` persons and `encounters` encounters: persons by gender (partition) and
 * age bracket (covering), encounters by several partitions and by theme (overlapping), plus
 * `extraTables` additive event tables with their own totals, and 3 monthly series.
 */
export function syntheticYear(
  seed: number,
  persons: number,
  encounters: number,
  extraTables = 20,
): SyntheticYear {
  const rand = random(seed);
  const genders = ["F", "H", "NB", "X"];
  const ages = ["<18", "18-24", "25-35", "36+", "?"];
  const encounterTables: { name: string; categories: number; overlapping: boolean }[] = [
    { name: "channel", categories: 6, overlapping: false },
    { name: "place", categories: 9, overlapping: false },
    { name: "theme", categories: 12, overlapping: true },
  ];
  const personGender = Array.from({ length: persons }, () => genders[pick(rand, genders.length)] ?? "F");
  const list: Encounter[] = [];
  for (let i = 0; i < encounters; i++) {
    const person = Math.floor(persons * rand() ** 1.5);
    const month = Math.floor(rand() * 12);
    const category: Record<string, string[]> = {};
    for (const table of encounterTables) {
      if (table.overlapping) {
        const themes = new Set<string>();
        const count = Math.floor(rand() * 3);
        for (let k = 0; k < count; k++) themes.add(`c${pick(rand, table.categories)}`);
        category[table.name] = [...themes];
      } else category[table.name] = [`c${pick(rand, table.categories)}`];
    }
    // Age at the date of the encounter: mostly one bracket per person, sometimes the next.
    category.age = [ages[(person + (rand() < 0.05 ? 1 : 0)) % ages.length] ?? "?"];
    list.push({ person, month, category });
  }
  const inRange = (range: string, month: number) => rangeQuarters(range).includes(Math.floor(month / 3) + 1);
  const tables: LatticeTableInput[] = [];
  for (const table of encounterTables) {
    const values: Record<string, Record<string, number>> = {};
    const totals: Record<string, number> = {};
    for (const range of quarterRanges) {
      const row: Record<string, number> = {};
      for (let c = 0; c < table.categories; c++) row[`c${c}`] = 0;
      let total = 0;
      for (const e of list) {
        if (!inRange(range, e.month)) continue;
        total++;
        for (const c of e.category[table.name] ?? []) row[c] = (row[c] ?? 0) + 1;
      }
      values[range] = row;
      totals[range] = total;
    }
    tables.push({
      name: table.name,
      additive: true,
      partition: !table.overlapping,
      totalId: "encounters",
      values,
      ...(table.overlapping ? { totals } : {}),
    });
  }
  for (const [name, categories, partition] of [
    ["gender", genders, true],
    ["age", ages, false],
  ] as const) {
    const values: Record<string, Record<string, number>> = {};
    for (const range of quarterRanges) {
      const sets = new Map<string, Set<number>>(categories.map((c) => [c, new Set<number>()]));
      for (const e of list) {
        if (!inRange(range, e.month)) continue;
        const cats = name === "gender" ? [personGender[e.person] ?? "F"] : (e.category.age ?? []);
        for (const c of cats) sets.get(c)?.add(e.person);
      }
      values[range] = Object.fromEntries([...sets].map(([c, s]) => [c, s.size]));
    }
    const totals: Record<string, number> = {};
    for (const range of quarterRanges) {
      totals[range] = new Set(list.filter((e) => inRange(range, e.month)).map((e) => e.person)).size;
    }
    tables.push({
      name,
      additive: false,
      partition,
      covering: !partition,
      totalId: "personsMet",
      values,
      ...(partition ? {} : { totals }),
    });
  }
  for (let t = 0; t < extraTables; t++) {
    const categories = 2 + Math.floor(rand() * 12);
    const events = Math.floor(rand() * encounters * 0.3);
    const perMonth: number[][] = Array.from({ length: 12 }, () => new Array<number>(categories).fill(0));
    for (let i = 0; i < events; i++) {
      const row = perMonth[Math.floor(rand() * 12)];
      const c = pick(rand, categories);
      if (row) row[c] = (row[c] ?? 0) + 1;
    }
    const values: Record<string, Record<string, number>> = {};
    for (const range of quarterRanges) {
      const row: Record<string, number> = {};
      for (let c = 0; c < categories; c++) {
        let sum = 0;
        for (let m = 0; m < 12; m++) if (inRange(range, m)) sum += perMonth[m]?.[c] ?? 0;
        row[`k${c}`] = sum;
      }
      values[range] = row;
    }
    tables.push({ name: `extra${t}`, additive: true, partition: true, values });
  }
  const monthKey = (m: number) => `M${String(m + 1).padStart(2, "0")}`;
  const monthly = (f: (m: number) => number) =>
    Object.fromEntries(Array.from({ length: 12 }, (_, m) => [monthKey(m), f(m)]));
  const series: LatticeSeriesInput[] = [
    {
      name: "encounters",
      additive: true,
      totalId: "encounters",
      values: monthly((m) => list.filter((e) => e.month === m).length),
    },
    {
      name: "personsMet",
      additive: false,
      totalId: "personsMet",
      values: monthly((m) => new Set(list.filter((e) => e.month === m).map((e) => e.person)).size),
    },
    { name: "contacts", additive: true, totalId: "contacts", values: monthly(() => Math.floor(rand() * 6)) },
  ];
  return { tables, series };
}
