// Issue 15 (items 1 and 5): on a 360 px phone, a coordinator adds a material item to her
// organisation's catalogue in French and English (its shared code suggested from the name),
// retires it, and records stock received of condoms; screens in both languages at 360 and 1280 px.
import { createOrganisation } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

describe.skipIf(browserMissing)("catalogue and stock", () => {
  it(
    "adds a material item, retires it, and records stock received",
    async () => {
      const { pool, member } = testData(env.server.databaseUrl);
      const organisation = await createOrganisation(pool, { name: "Centre de nuit (catalogue e2e)" });
      const coordinator = await member(organisation, ["COORDINATOR"], "Clara Catalogue");
      const entry = async () =>
        (
          await pool.query(
            "SELECT code, label_fr, label_en, category, unit, retired_at FROM catalogue_entries WHERE organisation_id = $1 AND code = 'BONS_D_EPICERIE'",
            [organisation.id],
          )
        ).rows[0];

      const page = await env.signIn(coordinator);
      await page.getByRole("link", { name: "Catalogue", exact: true }).first().click();
      await page.getByRole("heading", { name: "Catalogue de l’organisme" }).waitFor();
      expect(await page.getByRole("tab", { name: "Matériel" }).getAttribute("aria-selected")).toBe("true");
      await page.getByRole("heading", { name: "Trousses de naloxone" }).waitFor();
      if (shots) await page.screenshot({ path: `${shots}/catalogue-fr-360.png`, fullPage: true });

      // The shared code follows the French name until typed, and can be changed before saving.
      const form = page.getByRole("form", { name: "Ajouter du matériel" });
      await form.getByLabel("Nom en français").fill("Bons d'épicerie");
      expect(await form.getByLabel("Code partagé").inputValue()).toBe("BONS_D_EPICERIE");
      await form.getByLabel("Nom en anglais").fill("Grocery vouchers");
      await form.getByRole("button", { name: "Ajouter du matériel" }).click();
      // Category and unit are asked of a material item: said on their fields, nothing sent.
      await form.getByText("Ce champ est obligatoire.").first().waitFor();
      expect(await entry()).toBeUndefined();
      await form.getByLabel("Catégorie").selectOption({ label: "Bons alimentaires" });
      await form.getByLabel("Unité").selectOption({ label: "Bon" });
      if (shots) await page.screenshot({ path: `${shots}/catalogue-add-fr-360.png`, fullPage: true });
      await form.getByRole("button", { name: "Ajouter du matériel" }).click();
      await form.getByRole("status").getByText("« Bons d'épicerie » est ajouté au catalogue.").waitFor();
      expect(await entry()).toEqual({
        code: "BONS_D_EPICERIE",
        label_fr: "Bons d'épicerie",
        label_en: "Grocery vouchers",
        category: "FOOD_VOUCHERS",
        unit: "VOUCHER",
        retired_at: null,
      });

      // Renamed in its card, the focus back on the button that opened the form.
      const lubricant = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Lubrifiant" }) });
      await lubricant.getByRole("button", { name: "Modifier : Lubrifiant" }).click();
      const edit = page.getByRole("form", { name: "Modifier Lubrifiant" });
      await edit.getByLabel("Nom en anglais").fill("Lube");
      if (shots) await lubricant.screenshot({ path: `${shots}/catalogue-edit-card-fr-360.png` });
      await edit.getByRole("button", { name: "Enregistrer" }).click();
      await lubricant.getByRole("status").getByText("Modifications enregistrées.").waitFor();
      await lubricant.getByText("En anglais : Lube").waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toBe("Modifier : Lubrifiant");
      const { rows: renamed } = await pool.query(
        "SELECT label_en FROM catalogue_entries WHERE organisation_id = $1 AND code = 'LUBRICANT'",
        [organisation.id],
      );
      expect(renamed).toEqual([{ label_en: "Lube" }]);

      // Retired in its card: said there, the focus kept on the button that now brings it back.
      const card = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Bons d'épicerie" }) });
      await card.getByText("En anglais : Grocery vouchers").waitFor();
      await card.getByRole("button", { name: "Retirer : Bons d'épicerie" }).click();
      await card
        .getByRole("status")
        .getByText(/^Retiré : il n’est plus proposé/)
        .waitFor();
      await card.getByText("Retiré", { exact: true }).waitFor();
      expect((await entry())?.retired_at).not.toBeNull();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toBe("Remettre en usage : Bons d'épicerie");
      if (shots) await card.screenshot({ path: `${shots}/catalogue-retired-card-fr-360.png` });

      // The tabs answer the arrow keys; a platform is a site's name, never a person's handle.
      await page.getByRole("tab", { name: "Matériel" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      const platforms = page.getByRole("tab", { name: "Plateformes en ligne" });
      expect(await platforms.getAttribute("aria-selected")).toBe("true");
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe("Plateformes en ligne");
      await page.getByRole("heading", { name: "LeoList" }).waitFor();
      const platformForm = page.getByRole("form", { name: "Ajouter une plateforme" });
      await platformForm.getByLabel("Nom en français").fill("@jane.doe");
      await platformForm.getByLabel("Nom en anglais").fill("Jane");
      await platformForm.getByRole("button", { name: "Ajouter une plateforme" }).click();
      await platformForm.getByText(/jamais l'annonce ou le compte d'une personne/).waitFor();
      if (shots) await page.screenshot({ path: `${shots}/catalogue-platforms-fr-360.png`, fullPage: true });

      // Stock received of condoms, said in the item's card.
      await page.getByRole("link", { name: "Stock", exact: true }).first().click();
      await page.getByRole("heading", { name: "Stock de matériel" }).waitFor();
      // A retired item is no longer offered here.
      expect(await page.getByRole("heading", { name: "Bons d'épicerie" }).count()).toBe(0);
      const condoms = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Condoms" }) });
      // Stock received opens under the count (a summary named with its item).
      await condoms.getByText("Réception de stock", { exact: true }).click();
      await condoms.getByLabel("Quantité reçue").fill("200");
      await condoms.getByLabel("Provenance").selectOption({ label: "Santé publique" });
      await condoms.getByRole("button", { name: "Enregistrer la réception : Condoms" }).click();
      await condoms
        .getByRole("status")
        .filter({ hasText: "Réception enregistrée : 200 × Condoms." })
        .waitFor();
      await condoms.getByText(/^200 en stock/).waitFor();
      await condoms.getByText("Depuis le décompte : 200 reçus, 0 remis en rencontre.").waitFor();
      const { rows } = await pool.query(
        "SELECT item, quantity, source FROM material_receipts WHERE organisation_id = $1",
        [organisation.id],
      );
      expect(rows).toEqual([{ item: "CONDOMS", quantity: 200, source: "PUBLIC_HEALTH_SUPPLY" }]);
      if (shots) await page.screenshot({ path: `${shots}/stock-fr-360.png`, fullPage: true });

      if (!shots) return;
      // The same screens in English on a phone, and in both languages on a desktop.
      for (const [language, viewport, size] of [
        ["en", undefined, "360"],
        ["fr", desktop, "1280"],
        ["en", desktop, "1280"],
      ] as const) {
        const other = await env.signIn(coordinator, { language, ...(viewport ? { viewport } : {}) });
        await other.goto(`${env.server.url}/catalogue`);
        await other
          .getByRole("heading", { name: "Bons d'épicerie" })
          .or(other.getByRole("heading", { name: "Grocery vouchers" }))
          .waitFor();
        await other.screenshot({ path: `${shots}/catalogue-${language}-${size}.png`, fullPage: true });
        await other.goto(`${env.server.url}/stock`);
        await other.getByRole("heading", { name: "Condoms" }).waitFor();
        await other.screenshot({ path: `${shots}/stock-${language}-${size}.png`, fullPage: true });
        await other.context().close();
      }
    }, // The screenshots sign in three more times: longer on a busy machine.
    shots ? 300_000 : undefined,
  );
});
