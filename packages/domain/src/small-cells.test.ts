import { describe, expect, it } from "vitest";
import { suppressSmallCells } from "./small-cells.ts";

function hidden(table: ReturnType<typeof suppressSmallCells>) {
  return table.cells.filter((c) => c.count === null).map((c) => c.key);
}

describe("suppressSmallCells", () => {
  it("hides counts under 5 and keeps the others", () => {
    const table = suppressSmallCells({ a: 120, b: 3, c: 2, d: 40 });
    expect(hidden(table)).toEqual(["b", "c"]);
    expect(table.total).toBe(165);
  });
  it("hides a second cell when a single hidden one could be derived from the total", () => {
    const table = suppressSmallCells({ a: 120, b: 3, d: 40 });
    expect(hidden(table)).toEqual(["b", "d"]);
    // Whatever is shown, the hidden cells' sum is the only thing derivable: never one of them.
    const shown = table.cells.filter((c) => c.count !== null).reduce((sum, c) => sum + (c.count ?? 0), 0);
    expect(table.total).toBe(shown + 43);
  });
  it("treats a zero as a cell that can be the complement", () => {
    expect(hidden(suppressSmallCells({ a: 0, b: 4, c: 50 }))).toEqual(["a", "b"]);
  });
  it("hides everything when the total is small", () => {
    expect(suppressSmallCells({ a: 1, b: 2 })).toEqual({
      cells: [
        { key: "a", count: null },
        { key: "b", count: null },
      ],
      total: null,
    });
  });
  it("leaves a table with nothing small untouched", () => {
    expect(hidden(suppressSmallCells({ a: 5, b: 9 }))).toEqual([]);
  });
});
