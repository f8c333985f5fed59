// What an export writes must read back as it was (record-shapes/cell-values.ts), and never run.
import {
  comparableLabel,
  listItems,
  parseDay,
  parseQuantities,
  parseTimeOfDay,
  parseYesNo,
  vocabularyValue,
} from "@maillage/domain/record-shapes";
import { describe, expect, it } from "vitest";
import {
  dayCell,
  labelCell,
  listCell,
  neutralised,
  quantitiesCell,
  timeCell,
  yesNoCell,
} from "./export-values.ts";

describe("export values", () => {
  it("neutralise what a spreadsheet would run, and only that", () => {
    for (const text of ["=1+1", "+33 6", "-2", "@SUM(A1)", "\t=1", "\r=1"])
      expect(neutralised(text)).toBe(`'${text}`);
    for (const text of ["Nadia", "a=b", "1-2", "", "'déjà"]) expect(neutralised(text)).toBe(text);
  });

  it("read back as the values they were written from", () => {
    // 2018-04-15 23:30 in Toronto is already the 16th in UTC: the day is the organisation's.
    const late = new Date("2018-04-16T03:30:00Z");
    expect(dayCell(late, "America/Toronto")).toBe("2018-04-15");
    expect(parseDay(dayCell(late, "America/Toronto"))).toEqual({ ok: true, value: "2018-04-15" });
    expect(timeCell(late, "America/Toronto")).toBe("23:30");
    expect(parseTimeOfDay(timeCell(late, "America/Toronto"))).toEqual({ ok: true, value: 23 * 60 + 30 });
    for (const locale of ["fr", "en"] as const) {
      expect(parseYesNo(yesNoCell(locale, true))).toEqual({ ok: true, value: true });
      expect(parseYesNo(yesNoCell(locale, false))).toEqual({ ok: true, value: false });
      expect(vocabularyValue("AgeBracket", String(labelCell(locale, "AgeBracket", "AGE_18_25")))).toBe(
        "AGE_18_25",
      );
    }
    expect(listItems(String(listCell(["fr", "es"])))).toEqual(["fr", "es"]);
    expect(listCell([])).toBeNull();
    const quantities = quantitiesCell([
      { item: "LUBRICANT", quantity: 3 },
      { item: "CONDOMS", quantity: 12 },
    ]);
    expect(quantities).toBe("CONDOMS:12; LUBRICANT:3");
    expect(parseQuantities(String(quantities))).toEqual({
      ok: true,
      value: [
        { item: "CONDOMS", quantity: 12 },
        { item: "LUBRICANT", quantity: 3 },
      ],
    });
    expect(comparableLabel(String(labelCell("fr", "Gender", "UNDISCLOSED")))).toBe("non precise");
  });
});
