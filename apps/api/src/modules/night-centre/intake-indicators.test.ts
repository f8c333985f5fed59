// The intake answers as a dashboard shows them: exact for a coordinator; for a committee, every
// count from 1 to 4 hidden with its complement, each domain's table holding every intake (the
// "not asked" cell too), so no hidden count is the difference of two shown ones.
import { describe, expect, it } from "vitest";
import { intakeFigures } from "./intake-indicators.ts";

const counts = {
  assessed: 12,
  needs: { HOUSING: { IMMEDIATE: 2, LONG_TERM: 6, NONE: 3 }, HEALTH: { NONE: 12 } },
};

describe("intake figures", () => {
  it("are exact for the organisation, with the intakes that left a domain empty", () => {
    const figures = intakeFigures(counts, false);
    expect(figures.assessed).toBe(12);
    expect(figures.domains.find((d) => d.domain === "HOUSING")?.levels).toEqual({
      cells: [
        { key: "NONE", count: 3 },
        { key: "LONG_TERM", count: 6 },
        { key: "IMMEDIATE", count: 2 },
        { key: "NOT_ASKED", count: 1 },
      ],
      total: 12,
    });
    expect(figures.domains.map((d) => d.domain)).toEqual([
      "HOUSING",
      "HEALTH",
      "SUBSTANCE_USE",
      "JUSTICE",
      "INCOME",
      "EMPLOYMENT",
      "SAFETY",
    ]);
  });

  it("hide small counts and their complements for a committee", () => {
    const figures = intakeFigures(counts, true);
    const housing = figures.domains.find((d) => d.domain === "HOUSING")?.levels;
    expect(housing?.total).toBe(12);
    expect(housing?.cells).toEqual([
      { key: "NONE", count: null },
      { key: "LONG_TERM", count: 6 },
      { key: "IMMEDIATE", count: null },
      { key: "NOT_ASKED", count: null },
    ]);
    // A domain nobody left empty: its zeros are shown (a zero is no one).
    expect(figures.domains.find((d) => d.domain === "HEALTH")?.levels.cells).toEqual([
      { key: "NONE", count: 12 },
      { key: "LONG_TERM", count: 0 },
      { key: "IMMEDIATE", count: 0 },
      { key: "NOT_ASKED", count: 0 },
    ]);
    expect(intakeFigures({ assessed: 3, needs: {} }, true).assessed).toBeNull();
    expect(intakeFigures({ assessed: 0, needs: {} }, true).assessed).toBe(0);
  });
});
