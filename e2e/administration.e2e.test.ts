// Administration, in French then in English: a coordinator narrows the partnership's sharing
// agreement; an org admin of the same organisation then finds that change, translated, in the
// audit log.

import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

const words = {
  fr: {
    partnershipNav: "Partenariat",
    agreementTitle: "Entente de partage",
    kind: "Références",
    save: "Enregistrer",
    saved: "Entente enregistrée.",
    auditNav: "Journal d'audit",
    event: "a modifié l'entente de partage du partenariat",
  },
  en: {
    partnershipNav: "Partnership",
    agreementTitle: "Sharing agreement",
    kind: "Referrals",
    save: "Save",
    saved: "Agreement saved.",
    auditNav: "Audit log",
    event: "changed the sharing agreement of the partnership",
  },
};

describe.skipIf(browserMissing)("administration", () => {
  it.each([
    ["fr", 360],
    ["en", 1280],
  ] as const)(
    "narrows the sharing agreement and finds the change in the audit log (%s, %i px)",
    async (language, width) => {
      const w = words[language];
      const { partners, member } = testData(env.server.databaseUrl);
      const { street, partnership } = await partners({
        street: `Réseau Ancrage (${language})`,
        health: `Santé publique (${language})`,
        partnership: `Volet Lévis (${language})`,
      });
      const coordinator = await member(street, ["COORDINATOR"], `Coco ${language}`);
      const admin = await member(street, ["ORG_ADMIN"], `Ada ${language}`);

      const page = await env.signIn(coordinator, { language, viewport: { width, height: 800 } });
      await page.getByRole("link", { name: w.partnershipNav }).click();
      await page.getByRole("heading", { name: w.agreementTitle, level: 1 }).waitFor();
      const card = page.getByRole("article", { name: partnership.name });
      const referrals = card.getByRole("checkbox", { name: w.kind, exact: true });
      expect(await referrals.isChecked()).toBe(true);
      await referrals.uncheck();
      await card.getByRole("button", { name: w.save }).click();
      await card.getByText(w.saved).waitFor();
      await page.reload();
      expect(
        await page
          .getByRole("article", { name: partnership.name })
          .getByRole("checkbox", { name: w.kind, exact: true })
          .isChecked(),
      ).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();

      const adminPage = await env.signIn(admin, { language, viewport: { width, height: 800 } });
      await adminPage.getByRole("link", { name: w.auditNav }).click();
      await adminPage.getByRole("heading", { name: w.auditNav, level: 1 }).waitFor();
      const event = adminPage.getByRole("row").filter({ hasText: w.event });
      await event.first().waitFor();
      expect(await event.count()).toBe(1);
      expect(await event.textContent()).toContain(coordinator.displayName);
      // In words: who did what to which partnership, by its name.
      expect(await event.textContent()).toContain(partnership.name);
      if (process.env.SCREENSHOTS_DIR) {
        await adminPage.screenshot({
          path: `${process.env.SCREENSHOTS_DIR}/audit-${language}-${width}.png`,
          fullPage: true,
        });
      }
      expect(await adminPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await adminPage.context().close();
    },
  );
});
