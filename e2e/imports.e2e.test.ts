// Issue 16 (items 3–5): a coordinator imports a small spreadsheet of persons on a laptop —
// columns suggested from its headers, a dry run that shows the one bad row and writes nothing,
// the fixed file sent again, checked and committed — then finds the files in the persons list;
// the same file again adds nothing, and says so; and she downloads her organisation's export.
// Every step is drawn at 1280 and 360 px, in French and English.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

const header = "Référence,Pseudonyme,Année de naissance,Genre,Langues,Texto permis";
const badFile = [
  header,
  "P-001,Nadia B.,1990,Femme,fr; es,oui",
  "P-002,Kim L.,19x0,Femme trans,en,non",
  "P-003,Joëlle R.,1985,,fr,",
].join("\r\n");
const goodFile = badFile.replace("19x0", "1998");

/** The page at both widths and in both languages, back to French on the laptop. */
async function drawEverywhere(page: Page, step: string) {
  for (const [language, viewport, width] of [
    ["fr", desktop, 1280],
    ["fr", phone, 360],
    ["en", phone, 360],
    ["en", desktop, 1280],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.getByRole("button", { name: language.toUpperCase(), exact: true }).click();
    await page
      .getByRole("heading", {
        level: 1,
        name: language === "fr" ? "Importer et exporter des données" : "Import and export data",
      })
      .waitFor();
    // The page never scrolls sideways: wide tables scroll in their own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (shots)
      await page.screenshot({ path: `${shots}/import-${step}-${language}-${width}.png`, fullPage: true });
  }
  await page.getByRole("button", { name: "FR", exact: true }).click();
}

async function sendFile(page: Page, name: string, text: string) {
  await page.getByLabel("Fichier à importer").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${text}\r\n`, "utf8"),
  });
  await page.getByRole("button", { name: "Envoyer le fichier" }).click();
  await page.getByRole("heading", { name: "Quelle colonne du fichier pour chaque champ?" }).waitFor();
}

describe.skipIf(browserMissing)("importing and exporting spreadsheets", () => {
  it("a coordinator imports persons through the columns, the dry run and the commit, then exports them", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street } = await partners({ street: "Import (e2e)", health: "Santé import (e2e)" });
    const coordinator = await member(street, ["COORDINATOR"], "Carole Import");
    const persons = async () =>
      (
        await pool.query<{ alias: string; birth_year: number | null }>(
          "SELECT alias, birth_year FROM persons WHERE organisation_id = $1 ORDER BY alias",
          [street.id],
        )
      ).rows;

    const page = await env.signIn(coordinator, { viewport: desktop, acceptDownloads: true });
    await page.getByRole("link", { name: "Importer et exporter" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Importer et exporter des données" }).waitFor();

    // 1. What the file holds, and its templates.
    await page.getByRole("radio", { name: /Personnes \(dossiers\)/ }).check();
    await page.getByRole("link", { name: "Modèle français (CSV)" }).waitFor();
    expect(await page.getByRole("link", { name: "Modèle anglais (XLSX)" }).getAttribute("href")).toBe(
      "/imports/templates/PERSONS.en.xlsx",
    );
    // No file: said at the field, nothing sent.
    await page.getByRole("button", { name: "Envoyer le fichier" }).click();
    await page.getByText("Ce champ est obligatoire.").waitFor();
    await drawEverywhere(page, "1-file");

    // 2. The columns, suggested from the headers, beside the file's first rows.
    await sendFile(page, "personnes.csv", badFile);
    expect(await page.getByLabel("Pseudonyme (obligatoire)").inputValue()).toBe("Pseudonyme");
    expect(await page.getByLabel("Année de naissance").inputValue()).toBe("Année de naissance");
    expect(await page.getByLabel("Suivi régulier").inputValue()).toBe("");
    const preview = page.getByRole("region", { name: "Premières lignes du fichier" });
    await preview.getByRole("cell", { name: "Kim L." }).waitFor();
    await drawEverywhere(page, "2-columns");

    // 3. The dry run: the bad row, where she looks, and nothing written.
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page.getByRole("heading", { name: "Résultat de la vérification" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("imports-check-heading");
    await page.getByText("1 problème empêche l’import. Rien n’a été enregistré.", { exact: false }).waitFor();
    const problems = page.getByRole("table", { name: /^(Problèmes, ligne par ligne|Problems, row by row)$/ });
    const problem = problems.getByRole("row").nth(1);
    expect(await problem.getByRole("rowheader").textContent()).toBe("3");
    expect(await problem.getByRole("cell").allTextContents()).toEqual([
      "Année de naissance",
      "19x0",
      "Nombre entier attendu (sans décimale, sans texte).",
    ]);
    expect(await persons()).toEqual([]);
    // The rule follows the language shown.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await problems
      .getByRole("cell", { name: "A whole number is expected (no decimals, no text)." })
      .waitFor();
    await page.getByRole("button", { name: "FR", exact: true }).click();
    await problems
      .getByRole("cell", { name: "Nombre entier attendu (sans décimale, sans texte)." })
      .waitFor();
    await drawEverywhere(page, "3-problems");

    // The fixed file, sent again for the same shape: no problem, three rows to add.
    await page.getByRole("button", { name: "Envoyer un fichier corrigé" }).click();
    expect(await page.getByRole("radio", { name: /Personnes \(dossiers\)/ }).isChecked()).toBe(true);
    await sendFile(page, "personnes.csv", goodFile);
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page.getByText("Aucun problème : 3 lignes à ajouter.").waitFor();
    await drawEverywhere(page, "3-checked");

    // 4. The commit, after a confirmation.
    await page.getByRole("button", { name: "Importer 3 lignes" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Confirmer l’import" });
    await confirm.getByText("Ajouter 3 lignes de personnes.csv").waitFor();
    await drawEverywhere(page, "4-confirm");
    await confirm.getByRole("button", { name: "Oui, importer" }).click();
    await page.getByRole("heading", { name: "Import terminé" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("imports-done-heading");
    await page.getByText("3 ajoutées, aucune déjà importée.").waitFor();
    expect(await persons()).toEqual([
      { alias: "Joëlle R.", birth_year: 1985 },
      { alias: "Kim L.", birth_year: 1998 },
      { alias: "Nadia B.", birth_year: 1990 },
    ]);
    await drawEverywhere(page, "4-done");

    // The records, where the team sees them.
    await page.getByRole("link", { name: "Voir les données" }).click();
    await page.getByLabel("Rechercher un pseudonyme").fill("kim");
    await page.getByRole("link", { name: "Kim L." }).waitFor();

    // The same file again: nothing to add, and said so.
    await page.getByRole("link", { name: "Importer et exporter" }).first().click();
    await page.getByRole("radio", { name: /Personnes \(dossiers\)/ }).check();
    await sendFile(page, "personnes.csv", goodFile);
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page
      .getByText("0 à ajouter, 3 déjà importées : ce fichier a déjà été importé.", { exact: false })
      .waitFor();
    expect(await page.getByRole("button", { name: /^Importer \d/ }).count()).toBe(0);
    expect((await persons()).length).toBe(3);
    await drawEverywhere(page, "5-again");

    // The export of the organisation's persons: the three, under their references.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Exporter Personnes (dossiers) en CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^maillage-persons-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await file.path()) as string, "utf8");
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFRéférence,Pseudonyme,Année de naissance,Genre,Langues,Texto permis,Message permis,Consignes de contact,Suivi régulier",
    );
    expect(text).toContain("P-002,Kim L.,1998,Femme trans,en,non,non,,non");
    await page.getByRole("status").filter({ hasText: "Export téléchargé : Personnes (dossiers)." }).waitFor();
    const { rows } = await pool.query(
      "SELECT details FROM audit_events WHERE action = 'EXPORT_DOWNLOADED' AND user_id = $1",
      [coordinator.id],
    );
    expect(rows).toEqual([{ details: { shape: "PERSONS", format: "csv", rows: 3 } }]);
    await drawEverywhere(page, "6-export");
  }, 240_000);

  it("is not offered to an outreach worker", async () => {
    const { partners, member } = testData(env.server.databaseUrl);
    const { street } = await partners({ street: "Import refusé (e2e)", health: "Santé import refusé (e2e)" });
    const worker = await member(street, ["OUTREACH_WORKER"]);
    const page = await env.signIn(worker);
    expect(await page.getByRole("link", { name: "Importer et exporter" }).count()).toBe(0);
  }, 60_000);
});
