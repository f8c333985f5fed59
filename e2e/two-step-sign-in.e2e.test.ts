// Two-step sign-in, as a coordinator meets it: without it her role waits (the page says so and
// shows nothing of the team's files); she links an authenticator app from the QR page, keeps her
// ten recovery codes, and her role applies at once. Her next sign-in asks for a code (a recovery
// code works); the admin resets it for a lost phone from the team page. Screens at 360 and
// 1280 px in French and English (SCREENSHOTS_DIR to keep them).

import { join } from "node:path";
import { createOrganisation, createPerson, createUser, currentCodeOf } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone, signInThroughPage } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(browserMissing)("two-step sign-in", () => {
  it("holds a coordinator's role until she links an app, then asks for a code; an admin resets it", async () => {
    const { pool } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Halte (double authentification)" });
    await createPerson(pool, { organisationId: organisation.id, alias: "Rosalie D." });
    const coordinator = await createUser(pool, {
      displayName: "Cora Coordination",
      memberships: [{ organisationId: organisation.id, roles: ["COORDINATOR"] }],
      secondFactor: false,
    });
    const admin = await createUser(pool, {
      displayName: "Ada Admin",
      memberships: [{ organisationId: organisation.id, roles: ["ORG_ADMIN"] }],
    });

    // Signed in with her password only: her role waits, and the page says where to turn it on.
    const page = await env.signIn(coordinator, { viewport: phone });
    await page
      .getByText("Votre rôle de coordination ou d'administration attend la double authentification.")
      .waitFor();
    expect(await page.getByRole("link", { name: "Équipe", exact: true }).count()).toBe(0);
    await page.getByRole("link", { name: "L'activer maintenant" }).click();
    await page.getByRole("heading", { name: "Sécurité du compte", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Activer la double authentification" }).click();
    const scanHeading = page.getByRole("heading", { name: "Relier votre application d'authentification" });
    await scanHeading.waitFor();
    expect(await scanHeading.evaluate((element) => element === document.activeElement)).toBe(true);
    await page
      .getByRole("img", { name: "Code QR du compte Maillage pour l'application d'authentification" })
      .waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(360);
    await shoot(page, "two-step-enrol-fr-360");
    const secret = (await page.locator(".account__secret").innerText()).replace(/\s/g, "");

    // A wrong code is refused where she typed it; the right one turns it on.
    const codeBox = page.getByLabel("Code à 6 chiffres affiché par l'application");
    const right = currentCodeOf(secret);
    await codeBox.fill(right === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Activer", exact: true }).click();
    await page.getByText("Ce code ne convient pas, ou il a déjà servi.", { exact: false }).waitFor();
    await codeBox.fill(currentCodeOf(secret));
    await page.getByRole("button", { name: "Activer", exact: true }).click();
    const codesHeading = page.getByRole("heading", { name: "Vos codes de secours" });
    await codesHeading.waitFor();
    expect(await codesHeading.evaluate((element) => element === document.activeElement)).toBe(true);
    const recoveryCodes = await page.locator(".account__code-list code").allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await shoot(page, "two-step-codes-fr-360");
    await page.getByRole("button", { name: "J'ai noté mes codes" }).click();
    await page.getByRole("heading", { name: "Double authentification : activée" }).waitFor();
    await page.getByText("Il vous reste 10 codes de secours.").waitFor();
    // Her role applies at once: the team's page is in her menu again.
    await page.getByRole("link", { name: "Équipe", exact: true }).waitFor();
    await page.context().close();

    // Her next sign-in, in English on a desktop, asks for a code: a recovery code works.
    const context = await env.browser.newContext({ viewport: desktop });
    const next = await context.newPage();
    await next.goto(`${env.server.url}/`);
    await next.getByRole("button", { name: "EN" }).click();
    await next.getByLabel("E-mail").fill(coordinator.email);
    await next.getByLabel("Password").fill(coordinator.password);
    await next.getByRole("button", { name: "Sign in" }).click();
    const askCode = next.getByLabel("6-digit code or recovery code");
    await askCode.waitFor();
    expect(await askCode.evaluate((element) => element === document.activeElement)).toBe(true);
    await next.getByText("Second step").waitFor();
    await shoot(next, "two-step-sign-in-en-1280");
    await askCode.fill(recoveryCodes[0] ?? "");
    await next.getByRole("button", { name: "Sign in" }).click();
    await next.getByRole("heading", { name: `Hello, ${coordinator.displayName}` }).waitFor();
    await next.getByRole("link", { name: "Account security" }).click();
    await next.getByText("You have 9 recovery codes left.").waitFor();
    await next.getByText("it cannot be turned off", { exact: false }).waitFor();
    await shoot(next, "two-step-on-en-1280");
    await context.close();

    // Her phone is lost: the admin (who types her own code at sign-in) resets it from the team page.
    const adminPage = await env.signIn(admin, { viewport: desktop });
    await adminPage.getByRole("link", { name: "Équipe", exact: true }).click();
    const row = adminPage.getByRole("listitem").filter({ hasText: coordinator.email });
    await row.getByText("Double authentification : activée").waitFor();
    await row
      .getByRole("button", { name: `Réinitialiser la double authentification de ${coordinator.displayName}` })
      .click();
    await adminPage.getByRole("button", { name: "Réinitialiser", exact: true }).click();
    await row
      .getByText(`La double authentification de ${coordinator.displayName} est réinitialisée`, {
        exact: false,
      })
      .waitFor();
    await row.getByText("Double authentification : désactivée").waitFor();
    await adminPage.context().close();

    // Signed in again with her password only, her role waits for a new factor.
    const after = await env.browser.newContext({ viewport: phone });
    const again = await after.newPage();
    await signInThroughPage(again, env.server.url, coordinator, "en");
    await again
      .getByText("Your coordination or administration role is waiting for two-step sign-in.")
      .waitFor();
    await again.getByRole("link", { name: "Turn it on now" }).click();
    await again.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await again.getByRole("heading", { name: "Link your authenticator app" }).waitFor();
    expect(await sidewaysScroll(again)).toBeLessThanOrEqual(360);
    await shoot(again, "two-step-enrol-en-360");
    await after.close();
  });
});
