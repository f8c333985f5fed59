// Administration, in French then in English: a coordinator narrows the partnership's sharing
// agreement; an org admin of the same organisation then finds that change, translated, in the
// audit log.

import {
  adminPool,
  createOrganisation,
  createPartnership,
  createUser,
  type TestUser,
} from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";

const env = browserTestEnvironment();

const words = {
  fr: {
    email: "Courriel",
    password: "Mot de passe",
    signIn: "Se connecter",
    hello: "Bonjour",
    partnershipNav: "Partenariat",
    agreementTitle: "Entente de partage",
    kind: "Références",
    save: "Enregistrer",
    saved: "Entente enregistrée.",
    auditNav: "Journal d'audit",
    event: "Entente de partage modifiée",
    kindColumn: "Partenariat",
  },
  en: {
    email: "E-mail",
    password: "Password",
    signIn: "Sign in",
    hello: "Hello",
    partnershipNav: "Partnership",
    agreementTitle: "Sharing agreement",
    kind: "Referrals",
    save: "Save",
    saved: "Agreement saved.",
    auditNav: "Audit log",
    event: "Sharing agreement changed",
    kindColumn: "Partnership",
  },
};

async function signIn(user: TestUser, language: "fr" | "en", width: number): Promise<Page> {
  const w = words[language];
  const context = await env.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  if (language === "en") await page.getByRole("button", { name: "EN" }).click();
  await page.getByLabel(w.email).fill(user.email);
  await page.getByLabel(w.password).fill(user.password);
  await page.getByRole("button", { name: w.signIn }).click();
  await page.getByRole("heading", { name: `${w.hello}, ${user.displayName}` }).waitFor();
  return page;
}

describe.skipIf(browserMissing)("administration", () => {
  it.each([
    ["fr", 360],
    ["en", 1280],
  ] as const)(
    "narrows the sharing agreement and finds the change in the audit log (%s, %i px)",
    async (language, width) => {
      const w = words[language];
      const pool = adminPool(env.server.databaseUrl);
      const street = await createOrganisation(pool, { name: `Réseau Ancrage (${language})` });
      const health = await createOrganisation(pool, {
        name: `Santé publique (${language})`,
        kind: "PUBLIC_HEALTH",
      });
      const partnership = await createPartnership(pool, {
        organisationIds: [street.id, health.id],
        name: `Volet Lévis (${language})`,
      });
      const coordinator = await createUser(pool, {
        displayName: `Coco ${language}`,
        memberships: [{ organisationId: street.id, roles: ["COORDINATOR"] }],
      });
      const admin = await createUser(pool, {
        displayName: `Ada ${language}`,
        memberships: [{ organisationId: street.id, roles: ["ORG_ADMIN"] }],
      });

      const page = await signIn(coordinator, language, width);
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

      const adminPage = await signIn(admin, language, width);
      await adminPage.getByRole("link", { name: w.auditNav }).click();
      await adminPage.getByRole("heading", { name: w.auditNav, level: 1 }).waitFor();
      const event = adminPage.getByRole("row").filter({ hasText: w.event });
      await event.first().waitFor();
      expect(await event.count()).toBe(1);
      expect(await event.textContent()).toContain(coordinator.displayName);
      expect(await event.textContent()).toContain(w.kindColumn);
      expect(await event.textContent()).toContain(partnership.id);
      expect(await adminPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await adminPage.context().close();
    },
  );
});
