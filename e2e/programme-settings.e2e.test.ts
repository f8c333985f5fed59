// Issue 15 item 8 (programmes outside Québec): on a 360 px phone a coordinator sets her
// organisation's time zone, fiscal-year start and locale to the Wallonia programme's, then her
// partnership's; the dashboard's years become calendar years. Screens in both languages at 360
// and 1280 px (SCREENSHOTS_DIR).
import { createOrganisation, createPartnership } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

describe.skipIf(browserMissing)("programme settings", () => {
  it("a coordinator moves her organisation and her partnership to Brussels, by calendar year", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Espace P… Liège (réglages e2e)" });
    const partnership = await createPartnership(pool, {
      organisationIds: [organisation.id],
      name: "Programme wallon (réglages e2e)",
    });
    const coordinator = await member(organisation, ["COORDINATOR"], "Chloé Coordination");
    const settings = async (table: "organisations" | "partnerships", id: string) =>
      (
        await pool.query(
          `SELECT time_zone AS "timeZone", fiscal_year_start_month AS "month", locale FROM ${table} WHERE id = $1`,
          [id],
        )
      ).rows[0];

    const page = await env.signIn(coordinator);
    await page.getByRole("link", { name: "Réglages", exact: true }).first().click();
    await page.getByRole("heading", { name: "Réglages du programme", level: 1 }).waitFor();
    const own = page.getByRole("article", { name: `Votre organisme : ${organisation.name}` });
    const shared = page.getByRole("article", { name: `Partenariat : ${partnership.name}` });
    await shared.waitFor();
    if (shots) await page.screenshot({ path: `${shots}/settings-fr-360-before.png`, fullPage: true });

    // Her organisation: three choices and a save (keyboard or taps alike).
    await own.getByLabel("Fuseau horaire").selectOption("Europe/Brussels");
    await own.getByLabel("Début de l'année financière").selectOption({ label: "1er janvier" });
    await own.getByLabel("Dates et nombres").selectOption("fr-BE");
    await own.getByRole("button", { name: "Enregistrer les réglages de l'organisme" }).click();
    const saved = own.getByRole("status").filter({ hasText: "Réglages de l'organisme enregistrés." });
    await saved.waitFor();
    // The outcome takes the focus, so a screen reader says it.
    await expect.poll(() => saved.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await settings("organisations", organisation.id)).toEqual({
      timeZone: "Europe/Brussels",
      month: 1,
      locale: "fr-BE",
    });
    // The partnership still counts Québec's way: the page says they differ.
    await shared.getByText("Les réglages de votre organisme diffèrent de ceux de ce partenariat.").waitFor();
    if (shots) await page.screenshot({ path: `${shots}/settings-fr-360-differs.png`, fullPage: true });

    await shared.getByLabel("Fuseau horaire").selectOption("Europe/Brussels");
    await shared.getByLabel("Début de l'année financière").selectOption({ label: "1er janvier" });
    await shared.getByLabel("Dates et nombres").selectOption("fr-BE");
    await shared.getByRole("button", { name: "Enregistrer les réglages du partenariat" }).click();
    await shared.getByRole("status").filter({ hasText: "Réglages du partenariat enregistrés." }).waitFor();
    expect(await shared.getByText("diffèrent").count()).toBe(0);
    expect(await settings("partnerships", partnership.id)).toEqual({
      timeZone: "Europe/Brussels",
      month: 1,
      locale: "fr-BE",
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    // Her dashboard's years are calendar years now.
    await page.getByRole("link", { name: "Tableau de bord", exact: true }).first().click();
    const year = new Date().getUTCFullYear();
    const thisYear = `(${year}|${year + 1})`;
    // The period the figures are for, as the API names it: a calendar year, not an "Exercice".
    await page
      .locator(".indicator-period__compare span")
      .filter({ hasText: new RegExp(`^Période\\s:\\sAnnée ${thisYear}$`) })
      .waitFor();
    // Every year of the picker is a calendar year ("2026", never "2025–2026"), this one first.
    const picker = page.getByLabel("Année financière");
    const years = await picker.locator("option").allTextContents();
    expect(years[0]).toMatch(new RegExp(`^${thisYear}$`));
    expect(years.filter((name) => !/^\d{4}$/.test(name))).toEqual([]);
    // Its quarters run from January: T1 is January to March, T4 October to December.
    const quarters = await page.getByLabel("Partie de l'année").locator("option").allTextContents();
    expect(quarters).toContain("T1 (janvier à mars)");
    expect(quarters).toContain("T4 (octobre à décembre)");
    await page.context().close();

    for (const [language, viewport] of [
      ["en", phone],
      ["en", desktop],
      ["fr", desktop],
    ] as const) {
      const other = await env.signIn(coordinator, { language, viewport });
      const title = language === "en" ? "Programme settings" : "Réglages du programme";
      await other
        .getByRole("link", { name: language === "en" ? "Settings" : "Réglages", exact: true })
        .first()
        .click();
      await other.getByRole("heading", { name: title, level: 1 }).waitFor();
      await other.getByRole("article").nth(1).waitFor();
      if (shots) {
        await other.screenshot({
          path: `${shots}/settings-${language}-${viewport.width}.png`,
          fullPage: true,
        });
      }
      expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await other.context().close();
    }
  });
});
