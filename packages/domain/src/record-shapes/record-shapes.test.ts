import { describe, expect, it } from "vitest";
import {
  createPersonInput,
  createVenueInput,
  receiveMaterialInput,
  recordWorkshopInput,
} from "../inputs/index.ts";
import {
  comparableLabel,
  importFileProblemMessage,
  importFileProblems,
  importRowProblemCodes,
  importRowProblemMessage,
  looksLikeFormula,
  parseDay,
  parseDayAndTime,
  parseQuantities,
  parseTimeOfDay,
  parseWholeNumber,
  parseYesNo,
  recordShapes,
  shapeDefinitions,
  shapeFields,
  shapeVocabularies,
  suggestMapping,
  templateRows,
  vocabularyLabels,
  vocabularyValue,
  withoutNeutralisingApostrophe,
} from "./index.ts";

describe("cells", () => {
  it("read a vocabulary value by its code or either label, whatever the case and accents", () => {
    expect(vocabularyValue("PlaceType", "Lieu public")).toBe("PUBLIC_PLACE");
    expect(vocabularyValue("PlaceType", "lieu-PUBLIC")).toBe("PUBLIC_PLACE");
    expect(vocabularyValue("PlaceType", "public_place")).toBe("PUBLIC_PLACE");
    expect(vocabularyValue("Channel", "telephone")).toBe("PHONE");
    expect(vocabularyValue("AgeBracket", "18–25 ans")).toBe("AGE_18_25");
    expect(vocabularyValue("AgeBracket", "18-25")).toBe("AGE_18_25");
    expect(vocabularyValue("Gender", "Pigeon")).toBeNull();
  });

  it("every label of every vocabulary reads back as its own code", () => {
    for (const [name, codes] of Object.entries(shapeVocabularies)) {
      for (const code of codes) {
        for (const locale of ["fr", "en"] as const) {
          const label = (vocabularyLabels[locale] as unknown as Record<string, Record<string, string>>)[
            name
          ]?.[code];
          expect(label, `${name}.${code}`).toBeTruthy();
          expect(
            vocabularyValue(name as keyof typeof shapeVocabularies, label ?? ""),
            `${name}.${code} ${locale}`,
          ).toBe(code);
        }
      }
    }
  });

  it("read days as YYYY-MM-DD only, times as 14:30 or 14h30, whole numbers and yes/no", () => {
    expect(parseDay("2018-04-15")).toEqual({ ok: true, value: "2018-04-15" });
    expect(parseDay("2018/4/5")).toEqual({ ok: true, value: "2018-04-05" });
    expect(parseDay(new Date(Date.UTC(2018, 3, 15)))).toEqual({ ok: true, value: "2018-04-15" });
    expect(parseDay("15/04/2018").ok).toBe(false);
    expect(parseDay("2018-02-30").ok).toBe(false);
    expect(parseDayAndTime("2018-11-20 21:15")).toEqual({
      ok: true,
      value: { day: "2018-11-20", minutes: 21 * 60 + 15 },
    });
    expect(parseTimeOfDay("14h30")).toEqual({ ok: true, value: 870 });
    expect(parseTimeOfDay("9:05")).toEqual({ ok: true, value: 545 });
    expect(parseTimeOfDay(0.5)).toEqual({ ok: true, value: 720 });
    expect(parseTimeOfDay("25:00").ok).toBe(false);
    expect(parseWholeNumber("1 500")).toEqual({ ok: true, value: 1500 });
    expect(parseWholeNumber("12,0")).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber(12.5).ok).toBe(false);
    expect(parseWholeNumber("deux").ok).toBe(false);
    expect(parseYesNo("Oui")).toEqual({ ok: true, value: true });
    expect(parseYesNo("")).toEqual({ ok: true, value: false });
    expect(parseYesNo("peut-être").ok).toBe(false);
  });

  it("read items and quantities, and tell a formula", () => {
    expect(parseQuantities("CONDOMS:12; Lubrifiant = 3")).toEqual({
      ok: true,
      value: [
        { item: "CONDOMS", quantity: 12 },
        { item: "Lubrifiant", quantity: 3 },
      ],
    });
    expect(parseQuantities("CONDOMS").ok).toBe(false);
    expect(looksLikeFormula("=SUM(A1:A2)")).toBe(true);
    expect(looksLikeFormula("-3")).toBe(false);
    expect(withoutNeutralisingApostrophe("'=cmd")).toBe("=cmd");
    expect(withoutNeutralisingApostrophe("l'été")).toBe("l'été");
  });
});

describe("shapes", () => {
  it("start with the optional reference, and name each field and header once", () => {
    for (const shape of recordShapes) {
      const columns = shapeDefinitions[shape].columns;
      expect(columns[0]?.key).toBe("reference");
      expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
      for (const locale of ["fr", "en"] as const) {
        const headers = columns.map((c) => comparableLabel(c.header[locale]));
        expect(new Set(headers).size, `${shape} ${locale}`).toBe(headers.length);
      }
    }
  });

  it("suggest a mapping from the headers of either language, and the template maps itself", () => {
    for (const shape of recordShapes) {
      for (const locale of ["fr", "en"] as const) {
        const [headers = []] = templateRows(shape, locale);
        const mapping = suggestMapping(shapeFields(shape), headers);
        expect(mapping.map((m) => m.field)).toEqual(shapeDefinitions[shape].columns.map((c) => c.key));
      }
    }
    expect(suggestMapping(shapeFields("ENCOUNTERS"), ["jour", "Canal", "TYPE DE LIEU", "Remarques"])).toEqual(
      [
        { field: "channel", column: "Canal" },
        { field: "placeType", column: "TYPE DE LIEU" },
        { field: "date", column: "jour" },
        { field: "note", column: "Remarques" },
      ],
    );
  });

  it("keep the inputs' limits (a text column is its input's length)", () => {
    const lengthOf = (schema: { shape: Record<string, unknown> }, key: string) =>
      (schema.shape[key] as { unwrap?: () => { maxLength: number }; maxLength?: number }).maxLength ??
      (schema.shape[key] as { unwrap: () => { maxLength: number } }).unwrap().maxLength;
    const kind = (shape: (typeof recordShapes)[number], key: string) =>
      shapeDefinitions[shape].columns.find((c) => c.key === key)?.kind;
    expect(kind("PERSONS", "alias")).toEqual({ type: "text", max: lengthOf(createPersonInput, "alias") });
    expect(kind("VENUES", "name")).toEqual({ type: "text", max: lengthOf(createVenueInput, "name") });
    expect(kind("WORKSHOPS", "place")).toEqual({ type: "text", max: lengthOf(recordWorkshopInput, "place") });
    expect(receiveMaterialInput.shape.quantity.maxValue).toBe(
      (kind("MATERIAL_RECEIPTS", "quantity") as { max: number }).max,
    );
  });
});

describe("messages", () => {
  it("exist in French and English, different, for every problem", () => {
    for (const problem of importFileProblems) {
      const fr = importFileProblemMessage("fr", problem, { headers: "Date" });
      expect(fr).not.toBe(importFileProblemMessage("en", problem, { headers: "Date" }));
    }
    const values = { min: 1, max: 10, values: "a, b", line: 3, limit: "2015-04-01", field: "Date" };
    for (const code of importRowProblemCodes) {
      const fr = importRowProblemMessage("fr", code, values);
      expect(fr.length, code).toBeGreaterThan(10);
      expect(fr, code).not.toBe(importRowProblemMessage("en", code, values));
    }
    expect(importFileProblemMessage("fr", "TOO_MANY_ROWS")).toMatch(/20\s000 lignes/);
  });
});
