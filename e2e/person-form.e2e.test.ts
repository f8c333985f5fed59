// The person form (react-hook-form with the API's own input schema): rules shown on their
// fields before anything is sent, the first wrong field focused and described by its error;
// then a file created and edited, in French and in English, on a phone-sized screen.

import { createOrganisation } from "@maillage/db/factories";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

/** The texts that describe a control (its hint and its error), by aria-describedby. */
async function description(page: Page, control: Locator): Promise<string> {
  const ids = (await control.getAttribute("aria-describedby")) ?? "";
  return page.evaluate(
    (list) =>
      list
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" | "),
    ids,
  );
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("name"));

describe.skipIf(browserMissing)("person form", () => {
  it("shows the API's rules on their fields before sending, then creates and edits a file", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (formulaire e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    const persons = async () =>
      (
        await pool.query<{
          alias: string;
          birth_year: number | null;
          languages: string[];
          note: string | null;
        }>(
          "SELECT alias, birth_year, languages, safe_contact_note AS note FROM persons WHERE organisation_id = $1",
          [organisation.id],
        )
      ).rows;

    const page = await env.signIn(worker);
    await page.getByRole("link", { name: "Personnes" }).click();
    await page.getByRole("link", { name: "Nouvelle personne" }).click();
    await page.getByRole("heading", { name: "Nouvelle personne" }).waitFor();

    // Nothing typed: the alias is required, said on the field, which takes the focus.
    const alias = page.getByLabel("Pseudonyme");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect.poll(() => alias.getAttribute("aria-invalid")).toBe("true");
    expect(await focusedName(page)).toBe("alias");
    expect(await description(page, alias)).toContain("Ce champ est obligatoire.");

    // Two wrong fields: each says why, the first one (in the page's order) has the focus.
    await alias.fill("Zoé Formulaire");
    const birthYear = page.getByLabel("Année de naissance");
    const languages = page.getByLabel("Langues");
    await birthYear.fill("19x0");
    await languages.fill("fr, 12");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect.poll(() => birthYear.getAttribute("aria-invalid")).toBe("true");
    expect(await alias.getAttribute("aria-invalid")).toBeNull();
    expect(await focusedName(page)).toBe("birthYear");
    expect(await description(page, birthYear)).toContain("Cette valeur n'est pas permise.");
    expect(await description(page, languages)).toContain("Le format n'est pas valide.");
    expect(await persons()).toEqual([]);

    await birthYear.fill("1990");
    await languages.fill("fr, ES");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await page.getByRole("heading", { name: "Zoé Formulaire" }).waitFor();
    expect(await persons()).toEqual([
      { alias: "Zoé Formulaire", birth_year: 1990, languages: ["fr", "es"], note: null },
    ]);
    const profile = page.locator("section[aria-labelledby=profile-title]");
    expect(await profile.textContent()).toContain("Femme");

    // In English: the file, the caseload's plural, and the edit form with its saved values.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await profile.getByText("Woman").waitFor();
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByRole("heading", { name: "Edit profile" }).waitFor();
    expect(await page.getByLabel("Alias").inputValue()).toBe("Zoé Formulaire");
    expect(await page.getByLabel("Languages").inputValue()).toBe("fr, es");
    await page.getByLabel("Alias").fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => description(page, page.getByLabel("Alias"))).toContain("This field is required.");
    await page.getByLabel("Alias").fill("Zoé F.");
    await page.getByLabel("Safe-contact instructions").fill("texto seulement");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Profile saved.").waitFor();
    expect(await persons()).toEqual([
      { alias: "Zoé F.", birth_year: 1990, languages: ["fr", "es"], note: "texto seulement" },
    ]);

    await page.getByRole("link", { name: "Persons", exact: true }).click();
    await page.getByText("1 person shown").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
