// An ended session (expired, ended by an admin) brings the sign-in page with a notice that says
// so, in the page's language; signing in again works (issue 18).

import { adminPool, createOrganisation, createUser } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";

const env = browserTestEnvironment();

/**
 * Ends the session while no page of the browser is open, then opens the app again with the
 * cookie it held. With the page open, any request of its own still on its way (the home page's
 * queries, a badge's refresh) may be the one the API answers "ended" to, clearing the cookie
 * before the page under test asks: the page is closed first, so the ending is told to the page
 * opened after it.
 */
async function reopenAfter(page: Page, endSession: () => Promise<unknown>): Promise<Page> {
  const context = page.context();
  const cookies = await context.cookies();
  await page.close();
  await endSession();
  await context.clearCookies();
  await context.addCookies(cookies);
  const reopened = await context.newPage();
  await reopened.goto(`${env.server.url}/`);
  return reopened;
}

describe.skipIf(browserMissing)("an ended session", () => {
  it("shows the sign-in page with 'your session ended', then signs in again", async () => {
    const pool = adminPool(env.server.databaseUrl);
    const organisation = await createOrganisation(pool);
    const user = await createUser(pool, {
      displayName: "Alexis Session",
      memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
    });
    const page = await reopenAfter(await env.signIn(user), () =>
      pool.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [
        user.id,
      ]),
    );
    await page.waitForURL(/\/connexion/);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "session" }).textContent())
      .toContain("Votre session a pris fin.");
    // The cleared cookie: the browser keeps no session cookie.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "maillage_session")).toBeUndefined();
    await page.getByLabel("Courriel").fill(user.email);
    await page.getByLabel("Mot de passe").fill(user.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Bonjour, Alexis Session" }).waitFor();
    await page.context().close();
  });

  it("says it in English on an English page", async () => {
    const pool = adminPool(env.server.databaseUrl);
    const organisation = await createOrganisation(pool);
    const user = await createUser(pool, {
      memberships: [{ organisationId: organisation.id, roles: ["NURSE"] }],
    });
    const page = await reopenAfter(await env.signIn(user, { language: "en" }), () =>
      pool.query("DELETE FROM sessions WHERE user_id = $1", [user.id]),
    );
    await page.waitForURL(/\/connexion/);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "session" }).textContent())
      .toContain("Your session ended.");
    await page.context().close();
  });
});
