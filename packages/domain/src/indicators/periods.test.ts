import { describe, expect, it } from "vitest";
import {
  fiscalYearMonths,
  parseQuarterRangeKey,
  periodLabel,
  previousPeriod,
  quarterRangeKeys,
  resolvePeriod,
} from "./periods.ts";

const quebec = { timeZone: "America/Toronto", fiscalYearStartMonth: 4, locale: "fr-CA" };
const wallonia = { timeZone: "Europe/Brussels", fiscalYearStartMonth: 1, locale: "fr-BE" };

describe("indicator periods", () => {
  it("lists the 10 contiguous quarter ranges of a year", () => {
    expect(quarterRangeKeys).toEqual([
      "Q1",
      "Q1-Q2",
      "Q1-Q3",
      "Q1-Q4",
      "Q2",
      "Q2-Q3",
      "Q2-Q4",
      "Q3",
      "Q3-Q4",
      "Q4",
    ]);
    expect(quarterRangeKeys.map(parseQuarterRangeKey)).toContainEqual([2, 3]);
    expect(parseQuarterRangeKey("Q3-Q2")).toBeNull();
  });

  it("bounds a fiscal year and its quarters at midnight in the programme's zone", () => {
    const year = resolvePeriod({ fiscalYear: 2018 }, quebec, false);
    expect(year?.from.toISOString()).toBe("2018-04-01T04:00:00.000Z");
    expect(year?.to.toISOString()).toBe("2019-04-01T04:00:00.000Z");
    const q4 = resolvePeriod({ fiscalYear: 2018, firstQuarter: 4, lastQuarter: 4 }, quebec, false);
    // January to March 2019: Eastern standard time.
    expect(q4?.from.toISOString()).toBe("2019-01-01T05:00:00.000Z");
    expect(q4?.to.toISOString()).toBe("2019-04-01T04:00:00.000Z");
    const brussels = resolvePeriod({ fiscalYear: 2025 }, wallonia, false);
    expect(brussels?.from.toISOString()).toBe("2024-12-31T23:00:00.000Z");
  });

  it("names the months of a fiscal year in its zone", () => {
    const months = fiscalYearMonths(2018, quebec);
    expect(months.map((m) => m.month)).toEqual([
      "2018-04",
      "2018-05",
      "2018-06",
      "2018-07",
      "2018-08",
      "2018-09",
      "2018-10",
      "2018-11",
      "2018-12",
      "2019-01",
      "2019-02",
      "2019-03",
    ]);
    expect(months[0]?.key).toBe("M01");
    expect(months[11]?.to.toISOString()).toBe("2019-04-01T04:00:00.000Z");
  });

  it("refuses what is not a period, and custom ranges for a partnership", () => {
    expect(resolvePeriod({ fiscalYear: 2018, firstQuarter: 3, lastQuarter: 2 }, quebec, false)).toBeNull();
    expect(resolvePeriod({ fiscalYear: 2018, firstQuarter: 2 }, quebec, false)).toBeNull();
    expect(resolvePeriod({ fiscalYear: 2018, firstQuarter: 0, lastQuarter: 2 }, quebec, false)).toBeNull();
    expect(
      resolvePeriod({ fiscalYear: 2018, fromDay: "2018-05-01", toDay: "2018-05-31" }, quebec, false),
    ).toBeNull();
    expect(
      resolvePeriod({ fiscalYear: 2018, fromDay: "2018-02-30", toDay: "2018-05-31" }, quebec, true),
    ).toBeNull();
    expect(
      resolvePeriod({ fiscalYear: 2018, fromDay: "2018-06-01", toDay: "2018-05-31" }, quebec, true),
    ).toBeNull();
    expect(
      resolvePeriod({ fiscalYear: 2018, fromDay: "2017-01-01", toDay: "2018-05-31" }, quebec, true),
    ).toBeNull();
  });

  it("takes a custom range's days whole, the last one included", () => {
    const may = resolvePeriod({ fiscalYear: 2018, fromDay: "2018-05-01", toDay: "2018-05-31" }, quebec, true);
    expect(may?.from.toISOString()).toBe("2018-05-01T04:00:00.000Z");
    expect(may?.to.toISOString()).toBe("2018-06-01T04:00:00.000Z");
    const before = may && previousPeriod(may, quebec);
    expect(before?.days).toEqual(["2017-05-01", "2017-05-31"]);
  });

  it("compares with the same quarters of the year before", () => {
    const q2 = resolvePeriod({ fiscalYear: 2018, firstQuarter: 2, lastQuarter: 3 }, quebec, false);
    const before = q2 && previousPeriod(q2, quebec);
    expect(before?.fiscalYear).toBe(2017);
    expect(before?.quarters).toEqual([2, 3]);
    expect(q2 && periodLabel(q2, quebec)).toEqual({ fr: "T2–T3 2018–2019", en: "Q2–Q3 2018–2019" });
    const year = resolvePeriod({ fiscalYear: 2025 }, wallonia, false);
    expect(year && periodLabel(year, wallonia)).toEqual({ fr: "Année 2025", en: "Year 2025" });
  });
});
