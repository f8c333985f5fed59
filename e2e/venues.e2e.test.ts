// Issue 14 (item 6): a venue's details changed in place, archived with a confirmation and an undo,
// found again under "Archivés" and restored — at 360 px and on a desktop, in French and English.

import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

describe.skipIf(browserMissing)("venues: edit, archive, restore", () => {
  it("changes a venue, archives it out of the list with an undo, and restores it from the archived ones", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street } = await partners({ street: "Milieux (e2e)", health: "Santé milieux (e2e)" });
    const worker = await member(street, ["OUTREACH_WORKER"]);
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days, address)
       VALUES ($1, 'Bar Lune', 'DANCERS_BAR', 7, '3 rue de la Lune'), ($1, 'Salon Jade', 'MASSAGE_PARLOUR', 14, NULL)
       RETURNING id`,
      [street.id],
    );
    const lune = rows[0]?.id;
    const venue = async () =>
      (
        await pool.query("SELECT visit_cadence_days, agreements, archived_at FROM venues WHERE id = $1", [
          lune,
        ])
      ).rows[0];

    const page = await env.signIn(worker);
    await page.getByRole("link", { name: "Milieux" }).click();
    await page.getByRole("heading", { name: "Bar Lune" }).waitFor();

    // Edit in place: the card becomes its form, the result is said in the card.
    await page.getByRole("button", { name: "Modifier Bar Lune" }).click();
    const form = page.getByRole("form", { name: "Modifier Bar Lune" });
    await form.getByLabel(/Fréquence de visite/).fill("0");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Cette valeur est trop petite.").waitFor();
    await form.getByLabel(/Fréquence de visite/).fill("10");
    await form.getByLabel(/Ententes/).fill("Entrer par la cour");
    if (shots) await page.screenshot({ path: `${shots}/venue-edit-fr-360.png`, fullPage: true });
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Milieu modifié.").waitFor();
    expect(await venue()).toMatchObject({ visit_cadence_days: 10, agreements: "Entrer par la cour" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Modifier");

    // Archive: asked first, then said at the top with an undo.
    await page.getByRole("button", { name: "Archiver Bar Lune" }).click();
    await page.getByRole("alertdialog", { name: "Archiver" }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/venue-archive-confirm-fr-360.png`, fullPage: true });
    await page.getByRole("alertdialog").getByRole("button", { name: "Archiver" }).click();
    await page.getByRole("status").getByText("« Bar Lune » est archivé.").waitFor();
    await expect.poll(() => page.getByRole("heading", { name: "Bar Lune" }).count()).toBe(0);
    expect((await venue())?.archived_at).not.toBeNull();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    if (shots) await page.screenshot({ path: `${shots}/venue-archived-fr-360.png`, fullPage: true });
    await page.getByRole("button", { name: "Annuler l’archivage" }).click();
    await page.getByRole("heading", { name: "Bar Lune" }).waitFor();
    expect((await venue())?.archived_at).toBeNull();

    // Archived again, it is found under "Archivés" and restored from there.
    await page.getByRole("button", { name: "Archiver Bar Lune" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Archiver" }).click();
    await page.getByText("« Bar Lune » est archivé.").waitFor();
    await page.getByRole("button", { name: "Archivés" }).click();
    await page.getByRole("heading", { name: "Bar Lune" }).waitFor();
    expect(await page.getByRole("heading", { name: "Salon Jade" }).count()).toBe(0);
    if (shots) await page.screenshot({ path: `${shots}/venue-archived-list-fr-360.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.getByRole("button", { name: "Restaurer Bar Lune" }).click();
    await page.getByText("Aucun milieu archivé.").waitFor();
    expect((await venue())?.archived_at).toBeNull();

    // In English on a desktop: the same screens speak English.
    const wide = await env.signIn(worker, { viewport: desktop, language: "en" });
    await wide.getByRole("link", { name: "Venues" }).click();
    await wide.getByRole("button", { name: "Edit Bar Lune" }).click();
    await wide
      .getByRole("form", { name: "Edit Bar Lune" })
      .getByLabel(/Agreements/)
      .waitFor();
    if (shots) await wide.screenshot({ path: `${shots}/venue-edit-en-1280.png`, fullPage: true });
    await wide.getByRole("button", { name: "Cancel" }).click();
    await wide.getByRole("button", { name: "Archive Bar Lune" }).click();
    if (shots) await wide.screenshot({ path: `${shots}/venue-archive-confirm-en-1280.png`, fullPage: true });
    await wide.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click();
    await wide.getByText("“Bar Lune” is archived.").waitFor();
    if (shots) await wide.screenshot({ path: `${shots}/venue-archived-en-1280.png`, fullPage: true });
    await wide.getByRole("button", { name: "Archived" }).click();
    await wide.getByRole("button", { name: "Restore Bar Lune" }).waitFor();
    if (shots) await wide.screenshot({ path: `${shots}/venue-archived-list-en-1280.png`, fullPage: true });
    await page.context().close();
    await wide.context().close();
  });
});
