import { indicatorSectionTitles } from "@maillage/domain/indicators";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { indicatorsCsv } from "./indicator-csv.ts";
import { reportFixture } from "./report-fixture.ts";

function rowsOf(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return parse(csv.slice(1), { relax_column_count: false }) as string[][];
}

describe("the indicators CSV", () => {
  it("has a translated header and CRLF rows", () => {
    const fr = indicatorsCsv(reportFixture(), "fr");
    expect(fr).toContain("\r\n");
    expect(rowsOf(fr)[0]).toEqual([
      "Section",
      "Indicateur",
      "Catégorie",
      "Nombre",
      "Part (%)",
      "Nombre, période précédente",
      "Part (%), période précédente",
      "Définition",
    ]);
    expect(rowsOf(indicatorsCsv(reportFixture(), "en"))[0]).toEqual([
      "Section",
      "Indicator",
      "Category",
      "Count",
      "Share (%)",
      "Count, previous period",
      "Share (%), previous period",
      "Definition",
    ]);
  });

  it("holds every figure, every table cell with its total, and every month", () => {
    const published = reportFixture();
    const rows = rowsOf(indicatorsCsv(published, "fr")).slice(1);
    const cells = published.tables.reduce((sum, table) => sum + table.cells.length, 0);
    const totals = published.tables.filter((table) => table.denominator !== null).length;
    expect(rows).toHaveLength(published.figures.length + cells + totals + 3 * published.monthly.length);

    expect(rows).toContainEqual([
      indicatorSectionTitles.persons.fr,
      "Personnes rencontrées",
      "",
      "1284",
      "",
      "1197",
      "",
      published.figures[0]?.definition.fr,
    ]);
    const gender = rows.filter((row) => row[1] === "Personnes rencontrées selon le genre");
    expect(gender.map((row) => row.slice(2, 7))).toEqual([
      ["Femme", "702", "54,7", "650", "54,3"],
      ["Homme", "431", "33,6", "410", "34,3"],
      ["Femme trans", "92", "7,2", "84", "7,0"],
      ["Homme trans", "x", "x", "x", "x"],
      ["Non binaire", "36", "2,8", "33", "2,8"],
      ["Bispirituel·le", "x", "x", "x", "x"],
      ["Non précisé", "13", "1,0", "12", "1,0"],
      ["Total : Personnes rencontrées dans la période", "1284", "", "1197", ""],
    ]);
    // Zeros are 0; a table without a denominator has no share.
    expect(rows.find((row) => row[2] === "Moins de 18 ans")?.slice(3, 7)).toEqual(["0", "0,0", "0", "0,0"]);
    const material = rows.filter((row) => row[1] === "Matériel remis selon l’article");
    expect(material.find((row) => row[2] === "Tests de grossesse")?.slice(3, 7)).toEqual(["0", "", "x", ""]);
    expect(rows).toContainEqual([
      "Évolution mensuelle",
      "Rencontres par mois",
      "avril 2018",
      "402",
      "",
      "",
      "",
      "",
    ]);
  });

  it("writes shares with the English decimal point in English", () => {
    const rows = rowsOf(indicatorsCsv(reportFixture(), "en"));
    expect(rows.find((row) => row[2] === "Woman" && row[1] === "Persons met by gender")?.slice(3, 7)).toEqual(
      ["702", "54.7", "650", "54.3"],
    );
  });

  it("leaves the previous columns empty when there is no previous period", () => {
    const rows = rowsOf(indicatorsCsv(reportFixture({ previous: null }), "en"));
    const woman = rows.find((row) => row[2] === "Woman" && row[1] === "Persons met by gender");
    expect(woman?.slice(3, 7)).toEqual(["702", "54.7", "", ""]);
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const published = reportFixture();
    const [first, ...rest] = published.tables;
    if (!first) throw new Error("the fixture has tables");
    const cell = first.cells[0];
    if (!cell) throw new Error("the fixture's table has cells");
    const hostile = {
      ...first,
      title: { fr: '=HYPERLINK("http://example.test")', en: "+1+1" },
      cells: [{ ...cell, label: { fr: "@SUM(A1)", en: "-2" } }, ...first.cells.slice(1)],
    };
    const rows = rowsOf(indicatorsCsv({ ...published, tables: [hostile, ...rest] }, "fr"));
    expect(rows).toContainEqual(expect.arrayContaining(['\'=HYPERLINK("http://example.test")', "'@SUM(A1)"]));
    const en = rowsOf(indicatorsCsv({ ...published, tables: [hostile, ...rest] }, "en"));
    expect(en).toContainEqual(expect.arrayContaining(["'+1+1", "'-2"]));
  });
});
