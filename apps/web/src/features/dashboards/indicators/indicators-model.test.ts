import { describe, expect, it } from "vitest";
import {
  difference,
  distributionPoints,
  formatShare,
  formatSigned,
  formatSignedShare,
  hasSuppressed,
  type IndicatorDistributionView,
  type IndicatorsView,
  isPartition,
  knownSection,
  monthLabel,
  monthlyPoints,
  partitionRows,
  periodInput,
  quarterMonths,
  quarterRanges,
  reportUrl,
  sectionAnchor,
  sectionsOf,
  tableRows,
  wrapLabel,
} from "./indicators-model.ts";
import { attachmentName } from "./report-download.ts";

/** Intl writes a no-break (or narrow no-break) space before "%" in French: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function table(overrides: Partial<IndicatorDistributionView> = {}): IndicatorDistributionView {
  return {
    name: "encountersByPlace",
    section: "encounters",
    title: "Lieux des rencontres",
    definition: "Rencontres selon le lieu.",
    denominator: "Rencontres de la période",
    denominatorCount: 40,
    previousDenominatorCount: 32,
    unit: "encounters",
    overlapping: false,
    cells: [
      { key: "STREET", label: "Rue", count: 30, share: 0.75, previousCount: 20, previousShare: 0.625 },
      { key: "BAR", label: "Bar", count: null, share: null, previousCount: 12, previousShare: 0.375 },
      { key: "HOME", label: "Domicile", count: null, share: null, previousCount: 0, previousShare: 0 },
      { key: "PARK", label: "Parc", count: 0, share: 0, previousCount: null, previousShare: null },
    ],
    ...overrides,
  };
}

describe("numbers as they are written", () => {
  it("writes shares as the locale does, one decimal at most", () => {
    expect(plain(formatShare(0.125, "fr-CA"))).toBe("12,5 %");
    expect(formatShare(0.125, "en-CA")).toBe("12.5%");
    expect(plain(formatShare(1 / 3, "fr-CA"))).toBe("33,3 %");
    expect(plain(formatShare(0, "fr-CA"))).toBe("0 %");
    expect(plain(formatShare(1, "fr-CA"))).toBe("100 %");
  });

  it("writes changes with their sign, a true minus, none for zero", () => {
    expect(formatSigned(12, "fr-CA")).toBe("+12");
    expect(formatSigned(-3, "fr-CA")).toBe("−3");
    expect(formatSigned(0, "fr-CA")).toBe("0");
    expect(plain(formatSigned(1200, "fr-CA"))).toBe("+1 200");
    expect(plain(formatSignedShare(0.085, "fr-CA"))).toBe("+8,5 %");
    expect(formatSignedShare(-0.5, "en-CA")).toBe("−50%");
  });
});

describe("a distribution's table", () => {
  it("keeps the API's order, writes suppressed cells and their shares as x and zeros as 0", () => {
    const rows = tableRows(table(), true);
    expect(rows.map((row) => row.key)).toEqual(["STREET", "BAR", "HOME", "PARK"]);
    expect(rows[0]).toEqual({
      key: "STREET",
      label: "Rue",
      count: { kind: "value", value: 30 },
      share: { kind: "value", value: 0.75 },
      previousCount: { kind: "value", value: 20 },
      previousShare: { kind: "value", value: 0.625 },
    });
    expect(rows[1]?.count).toEqual({ kind: "suppressed" });
    expect(rows[1]?.share).toEqual({ kind: "suppressed" });
    expect(rows[2]?.previousCount).toEqual({ kind: "value", value: 0 });
    expect(rows[3]?.count).toEqual({ kind: "value", value: 0 });
    expect(rows[3]?.previousShare).toEqual({ kind: "suppressed" });
  });

  it("never shows a share beside a suppressed count, even if one were sent", () => {
    const leaky = table({
      cells: [
        { key: "BAR", label: "Bar", count: null, share: 0.05, previousCount: null, previousShare: 0.1 },
      ],
    });
    const [row] = tableRows(leaky, true);
    expect(row?.share).toEqual({ kind: "suppressed" });
    expect(row?.previousShare).toEqual({ kind: "suppressed" });
  });

  it("has no share columns without a denominator, no previous columns without a previous period", () => {
    const [row] = tableRows(table({ denominator: null }), false);
    expect(row?.share).toBeNull();
    expect(row?.previousCount).toBeNull();
    expect(row?.previousShare).toBeNull();
  });

  it("knows when a footnote is needed", () => {
    expect(hasSuppressed(table(), true)).toBe(true);
    const clear = table({ cells: [table().cells[0] as IndicatorDistributionView["cells"][number]] });
    expect(hasSuppressed(clear, true)).toBe(false);
    expect(hasSuppressed({ ...clear, denominatorCount: null }, true)).toBe(true);
    expect(hasSuppressed({ ...clear, previousDenominatorCount: null }, false)).toBe(false);
  });
});

describe("charts draw only published values", () => {
  it("leaves suppressed categories out of the bars and says so", () => {
    const { points, hidden } = distributionPoints(table(), true);
    expect(points).toEqual([
      { key: "STREET", label: "Rue", count: 30, previousCount: 20 },
      { key: "PARK", label: "Parc", count: 0, previousCount: null },
    ]);
    expect(hidden).toBe(true);
    expect(distributionPoints(table({ cells: table().cells.slice(0, 1) }), true).hidden).toBe(false);
  });

  it("draws no bar for a category at a true 0 in every period shown, and names it", () => {
    const withZero = table({
      cells: [
        ...table().cells,
        { key: "CAR", label: "Voiture", count: 0, share: 0, previousCount: 0, previousShare: 0 },
      ],
    });
    const both = distributionPoints(withZero, true);
    expect(both.points.map((point) => point.key)).toEqual(["STREET", "PARK"]);
    expect(both.zeros).toEqual(["Voiture"]);
    const current = distributionPoints(withZero, false);
    expect(current.points.map((point) => point.key)).toEqual(["STREET"]);
    expect(current.zeros).toEqual(["Parc", "Voiture"]);
  });

  it("gives a partition's legend only the categories some bar draws", () => {
    const gender = table({
      name: "personsByGender",
      cells: [
        { key: "WOMAN", label: "Femme", count: 40, share: 1, previousCount: 30, previousShare: 1 },
        { key: "MAN", label: "Homme", count: 0, share: 0, previousCount: 0, previousShare: 0 },
      ],
    });
    const { drawn, zeros } = partitionRows(gender, { current: "2025–2026", previous: "2024–2025" });
    expect(drawn.map((cell) => cell.key)).toEqual(["WOMAN"]);
    expect(zeros).toEqual(["Homme"]);
  });

  it("stacks a partition's published shares, one row per period", () => {
    const gender = table({
      name: "personsByGender",
      cells: [
        { key: "WOMAN", label: "Femme", count: 30, share: 0.75, previousCount: 20, previousShare: 0.625 },
        { key: "MAN", label: "Homme", count: 10, share: 0.25, previousCount: null, previousShare: null },
      ],
    });
    expect(isPartition(gender)).toBe(true);
    expect(isPartition(table())).toBe(false);
    expect(isPartition({ ...gender, overlapping: true })).toBe(false);
    const { rows, hidden } = partitionRows(gender, { current: "2025–2026", previous: "2024–2025" });
    expect(rows).toEqual([
      { name: "2025–2026", values: { WOMAN: 0.75, MAN: 0.25 } },
      { name: "2024–2025", values: { WOMAN: 0.625 } },
    ]);
    expect(hidden).toBe(true);
    expect(partitionRows(gender, { current: "2025–2026", previous: null }).rows).toHaveLength(1);
    expect(partitionRows(gender, { current: "2025–2026", previous: null }).hidden).toBe(false);
  });

  it("flags a hidden month and names months in the locale", () => {
    expect(monthlyPoints([{ month: "2025-04", encounters: 12, contacts: 0, personsMet: 9 }]).hidden).toBe(
      false,
    );
    expect(monthlyPoints([{ month: "2025-04", encounters: 12, contacts: null, personsMet: 9 }]).hidden).toBe(
      true,
    );
    expect(monthLabel("2025-04", "fr-CA")).toBe("avr. 2025");
    expect(monthLabel("2026-01", "en-CA")).toBe("Jan 2026");
  });

  it("wraps an axis label at spaces, three lines at most", () => {
    expect(wrapLabel("Milieu de travail du sexe", 10)).toEqual(["Milieu de", "travail du", "sexe"]);
    expect(wrapLabel("Bar", 10)).toEqual(["Bar"]);
    expect(wrapLabel("un deux trois quatre cinq six sept", 6, 2)).toEqual(["un", "deux…"]);
  });
});

describe("tiles", () => {
  it("compares with the previous period unless either is hidden", () => {
    expect(difference(120, 100)).toEqual({ change: 20, relative: 0.2 });
    expect(difference(5, 0)).toEqual({ change: 5, relative: null });
    expect(difference(0, 0)).toEqual({ change: 0, relative: null });
    expect(difference(null, 100)).toBeNull();
    expect(difference(100, null)).toBeNull();
  });
});

describe("sections", () => {
  const indicators: IndicatorsView = {
    scopeKind: "PARTNERSHIP",
    scopeName: "Lévis",
    period: { from: "", to: "", fiscalYear: 2025, firstQuarter: null, lastQuarter: null, label: "2025–2026" },
    previous: null,
    suppressed: true,
    threshold: 5,
    asOf: null,
    timeZone: "America/Toronto",
    followUpMinEncounters: 3,
    years: [2025],
    figures: [
      {
        name: "venues",
        section: "VENUES",
        title: "",
        definition: "",
        unit: "",
        value: 1,
        previousValue: null,
      },
      {
        name: "personsMet",
        section: "persons",
        title: "",
        definition: "",
        unit: "",
        value: 1,
        previousValue: 0,
      },
    ],
    tables: [
      table({ section: "nurse-visits" }),
      table({ section: "encounters" }),
      table({ section: "other" }),
    ],
    monthly: [{ month: "2025-04", encounters: 1, contacts: 1, personsMet: 1 }],
  };

  it("orders known sections as the report does, unknown ones last, the trend with the encounters", () => {
    const sections = sectionsOf(indicators);
    expect(sections.map((content) => content.section)).toEqual([
      "persons",
      "encounters",
      "nurse-visits",
      "VENUES",
      "other",
    ]);
    expect(sections.map((content) => content.known)).toEqual([
      "persons",
      "encounters",
      "nurseVisits",
      "venues",
      null,
    ]);
    expect(sections.filter((content) => content.monthly).map((content) => content.section)).toEqual([
      "encounters",
    ]);
    expect(knownSection("NIGHT_CENTRE")).toBe("nightCentre");
    expect(sectionAnchor("nurseVisits")).toBe("indicateurs-nursevisits");
  });
});

describe("periods", () => {
  const base = { fiscalYear: 2025, span: "year", fromDay: "", toDay: "" };

  it("offers the 10 contiguous runs of quarters", () => {
    expect(quarterRanges).toHaveLength(10);
    expect(quarterRanges).toContainEqual([2, 3]);
    expect(quarterRanges).not.toContainEqual([3, 2]);
  });

  it("asks for a whole year, quarters or (own figures only) days", () => {
    expect(periodInput(base, false)).toEqual({ fiscalYear: 2025 });
    expect(periodInput({ ...base, span: "Q1-Q4" }, false)).toEqual({ fiscalYear: 2025 });
    expect(periodInput({ ...base, span: "Q2" }, false)).toEqual({
      fiscalYear: 2025,
      firstQuarter: 2,
      lastQuarter: 2,
    });
    expect(periodInput({ ...base, span: "Q2-Q3" }, false)).toEqual({
      fiscalYear: 2025,
      firstQuarter: 2,
      lastQuarter: 3,
    });
    const custom = { ...base, span: "custom", fromDay: "2025-05-01", toDay: "2025-05-31" };
    expect(periodInput(custom, true)).toEqual({
      fiscalYear: 2025,
      fromDay: "2025-05-01",
      toDay: "2025-05-31",
    });
    // A partnership's figures are never asked for days.
    expect(periodInput(custom, false)).toEqual({ fiscalYear: 2025 });
    expect(periodInput({ ...custom, toDay: "" }, true)).toBeNull();
    expect(periodInput({ ...custom, toDay: "2025-04-30" }, true)).toBeNull();
  });

  it("names a run of quarters by its calendar months", () => {
    expect(quarterMonths(1, 1, 4)).toEqual([3, 5]); // April to June
    expect(quarterMonths(4, 4, 4)).toEqual([0, 2]); // January to March
    expect(quarterMonths(2, 4, 1)).toEqual([3, 11]); // April to December, a calendar year
  });

  it("builds the report's address", () => {
    expect(reportUrl("pdf", "fr", { fiscalYear: 2025 })).toBe(
      "/indicators/report?format=pdf&locale=fr&fiscalYear=2025",
    );
    expect(reportUrl("csv", "en", { fiscalYear: 2025, firstQuarter: 1, lastQuarter: 2 }, "UGFy:1")).toBe(
      "/indicators/report?format=csv&locale=en&fiscalYear=2025&firstQuarter=1&lastQuarter=2&partnershipId=UGFy%3A1",
    );
    expect(reportUrl("csv", "fr", { fiscalYear: 2025, fromDay: "2025-05-01", toDay: "2025-05-31" })).toBe(
      "/indicators/report?format=csv&locale=fr&fiscalYear=2025&fromDay=2025-05-01&toDay=2025-05-31",
    );
  });

  it("reads the file name the answer gives", () => {
    expect(attachmentName(`attachment; filename*=UTF-8''rapport%202025.pdf`, "x.pdf")).toBe(
      "rapport 2025.pdf",
    );
    expect(attachmentName(`attachment; filename="tableaux.csv"`, "x.csv")).toBe("tableaux.csv");
    expect(attachmentName(null, "x.csv")).toBe("x.csv");
  });
});
