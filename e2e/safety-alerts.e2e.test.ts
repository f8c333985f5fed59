// Issue 14: a coordinator publishes an alert after the check that its text may name someone,
// and withdraws one from the screen, confirming first — on a phone and on a desktop.

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const words = {
  fr: {
    what: "Ce qui s'est passé",
    area: "Secteur",
    warning: "Ce texte semble nommer ou décrire une personne.",
    checked: "J'ai vérifié : personne n'est reconnaissable dans ce texte",
    publish: "Publier l'alerte",
    published: "Alerte publiée.",
    withdraw: "Retirer l'alerte",
    confirm: "Oui, retirer l'alerte",
    withdrawn: "retirée",
    logWithdrawn: "a retiré l'alerte « Secteur Nord fr »",
    logOverridden: "Avertissement « texte identifiant » affiché, puis confirmé",
    mustCheck: "Ce texte semble nommer ou décrire une personne. Relisez-le",
  },
  en: {
    what: "What happened",
    area: "Area",
    warning: "This text seems to name or describe a person.",
    checked: "I checked: no one can be identified in this text",
    publish: "Publish the alert",
    published: "Alert published.",
    withdraw: "Withdraw the alert",
    confirm: "Yes, withdraw the alert",
    withdrawn: "withdrawn",
    logWithdrawn: "withdrew the alert “Secteur Nord en”",
    logOverridden: "“Identifying text” warning shown, then confirmed",
    mustCheck: "This text seems to name or describe a person. Read it again",
  },
};

describe.skipIf(browserMissing)("safety alerts", () => {
  it.each([
    ["fr", phone],
    ["en", desktop],
  ] as const)(
    "publishing warns of a name and an age, then the alert is withdrawn (%s)",
    async (language, viewport) => {
      const w = words[language];
      const { pool, partners, member } = testData(env.server.databaseUrl);
      const { street } = await partners({
        street: `Rue (alertes ${language})`,
        health: `Santé (alertes ${language})`,
      });
      const coordinator = await member(street, ["COORDINATOR"]);
      const page = await env.signIn(coordinator, { language, viewport });
      await page.goto(`${env.server.url}/alertes`);
      const what = page.getByLabel(w.what);
      await what.fill("Il a frappé Jessica, 23 ans, dans sa voiture.");
      await page.getByText(w.warning).waitFor();
      const warning = page.locator(".identifying-warning");
      expect(await warning.textContent()).toContain("Jessica");
      expect(await warning.textContent()).toContain("23 ans");
      const area = `Secteur Nord ${language}`;
      await page.getByLabel(w.area, { exact: true }).fill(area);
      // Not without saying she checked: the box is where the warning is, its error beside it.
      await page.getByRole("button", { name: w.publish }).click();
      await page.getByText(w.mustCheck).waitFor();
      expect(await page.getByLabel(w.checked).evaluate((element) => element === document.activeElement)).toBe(
        true,
      );
      await shoot(page, `alert-warning-${language}-${viewport.width}`);
      await page.getByLabel(w.checked).check();
      await page.getByRole("button", { name: w.publish }).click();
      await page.getByText(w.published).waitFor();
      const { rows } = await pool.query(
        `SELECT e.details FROM audit_events e JOIN safety_alerts a ON a.id::text = e.record_id
        WHERE a.organisation_id = $1 AND e.action = 'SAFETY_ALERT_PUBLISHED'`,
        [street.id],
      );
      expect(rows).toEqual([{ details: { identifyingWarning: ["NAME", "AGE"], overridden: true } }]);

      // Withdrawn from the list, after confirming.
      const card = page.getByRole("listitem").filter({ hasText: area });
      await card.getByRole("button", { name: new RegExp(w.withdraw) }).click();
      await shoot(page, `alert-withdraw-confirm-${language}-${viewport.width}`);
      await card.getByRole("button", { name: w.confirm }).click();
      await page.getByRole("status").filter({ hasText: w.withdrawn }).waitFor();
      await card.waitFor({ state: "detached" });
      const withdrawn = await pool.query(
        "SELECT withdrawn_at IS NOT NULL AS withdrawn FROM safety_alerts WHERE organisation_id = $1",
        [street.id],
      );
      expect(withdrawn.rows).toEqual([{ withdrawn: true }]);
      await shoot(page, `alert-withdrawn-${language}-${viewport.width}`);
      // The audit log says it in words, with the warning that was overridden.
      await page.goto(`${env.server.url}/journal`);
      await page.getByRole("row").filter({ hasText: w.logWithdrawn }).waitFor();
      await page.getByRole("row").filter({ hasText: w.logOverridden }).waitFor();
      await shoot(page, `audit-alerts-${language}-${viewport.width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.context().close();
    },
  );
});
