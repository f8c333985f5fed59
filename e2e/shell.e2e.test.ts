// People's flow through the real page: sign-in (bad then good password), the app frame in
// French and English, organisation switching, sign-out, on a 360 px phone.

import { adminPool, createOrganisation, createUser, signInCodeFor } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";

const env = browserTestEnvironment();

describe.skipIf(browserMissing)("app shell", () => {
  it("signs in through the page, shows the frame in French then English, switches organisation and signs out", async () => {
    const pool = adminPool(env.server.databaseUrl);
    const street = await createOrganisation(pool, { name: "Réseau Ancrage (test)" });
    const night = await createOrganisation(pool, { name: "La Halte de nuit (test)" });
    const user = await createUser(pool, {
      displayName: "Camille Test",
      memberships: [
        { organisationId: street.id, roles: ["OUTREACH_WORKER"] },
        { organisationId: night.id, roles: ["COORDINATOR"] },
      ],
    });
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForURL(`${env.server.url}/connexion`);
    expect(await page.getAttribute("html", "lang")).toBe("fr-CA");

    await page.getByLabel("Courriel").fill(user.email);
    await page.getByLabel("Mot de passe").fill("pas le bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Courriel ou mot de passe incorrect.");

    await page.getByLabel("Mot de passe").fill(user.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    // Her coordinator's role elsewhere asks for a second factor: the code of her app.
    await page
      .getByLabel("Code à 6 chiffres ou code de secours")
      .fill((await signInCodeFor(user.email)) ?? "");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Bonjour, Camille Test" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    const header = page.getByRole("banner");
    expect(await header.getByText("Intervenant·e de proximité").isVisible()).toBe(true);
    expect(await header.getByText("Camille Test", { exact: true }).isVisible()).toBe(true);
    // The acting organisation: the first membership, chosen in the switcher.
    const switcher = page.getByLabel("Changer d'organisme");
    expect(await switcher.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(
      "Réseau Ancrage (test)",
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The session cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).not.toContain("maillage_session");

    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.getByRole("heading", { name: "Hello, Camille Test" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en-CA");
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);

    await page.getByLabel("Switch organisation").selectOption({ label: "La Halte de nuit (test)" });
    await page.getByText("Coordinator", { exact: true }).waitFor();
    // The choice of language survives a reload; the session too.
    await page.reload();
    await page.getByRole("heading", { name: "Hello, Camille Test" }).waitFor();
    expect(
      await page
        .getByLabel("Switch organisation")
        .evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text),
    ).toBe("La Halte de nuit (test)");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/connexion");
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();

    // A page asked for while signed out is the one shown once signed in.
    await page.goto(`${env.server.url}/alertes`);
    await page.waitForURL(`${env.server.url}/connexion?retour=%2Falertes`);
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("6-digit code or recovery code").fill((await signInCodeFor(user.email)) ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${env.server.url}/alertes`);
    await context.close();
  });
});
