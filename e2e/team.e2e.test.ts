// The team page, in French then in English: an org admin sees its own roles without a way to
// change them (nobody grants a role to itself) and changes a worker's; a coordinator cannot
// touch the admin role, and when a save is refused — the worker became an admin in between —
// the page says why and shows the current roles.

import { adminPool, createOrganisation, createUser, type TestUser } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";

const env = browserTestEnvironment();

async function signIn(user: TestUser, language: "fr" | "en", width: number): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  if (language === "en") await page.getByRole("button", { name: "EN" }).click();
  await page.getByLabel(language === "fr" ? "Courriel" : "E-mail").fill(user.email);
  await page.getByLabel(language === "fr" ? "Mot de passe" : "Password").fill(user.password);
  await page.getByRole("button", { name: language === "fr" ? "Se connecter" : "Sign in" }).click();
  await page
    .getByRole("heading", { name: `${language === "fr" ? "Bonjour" : "Hello"}, ${user.displayName}` })
    .waitFor();
  return page;
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(browserMissing)("team", () => {
  it("keeps an admin's own roles out of its reach, and shows a refused change of roles", async () => {
    const pool = adminPool(env.server.databaseUrl);
    const street = await createOrganisation(pool, { name: "Réseau Ancrage (équipe)" });
    const admin = await createUser(pool, {
      displayName: "Ada Admin",
      memberships: [{ organisationId: street.id, roles: ["ORG_ADMIN"] }],
    });
    const coordinator = await createUser(pool, {
      displayName: "Coco Coordination",
      memberships: [{ organisationId: street.id, roles: ["COORDINATOR"] }],
    });
    const worker = await createUser(pool, {
      displayName: "Wim Terrain",
      memberships: [{ organisationId: street.id, roles: ["OUTREACH_WORKER"] }],
    });

    // The admin, on a phone: its own row lists its roles, with no checkbox; a worker's can change.
    const adminPage = await signIn(admin, "fr", 360);
    await adminPage.getByRole("link", { name: "Équipe" }).click();
    await adminPage.getByRole("heading", { name: "Équipe", level: 1 }).waitFor();
    const ownRow = adminPage.getByRole("listitem").filter({ hasText: admin.email });
    await ownRow.getByText("Administration de l'organisme").waitFor();
    expect(await ownRow.getByRole("checkbox").count()).toBe(0);
    expect(await ownRow.getByRole("button").count()).toBe(0);
    const workerRow = adminPage.getByRole("listitem").filter({ hasText: worker.email });
    await workerRow.getByRole("checkbox", { name: "Infirmière clinicienne" }).check();
    await workerRow.getByRole("button", { name: "Enregistrer" }).click();
    await workerRow.getByText(`Rôles de ${worker.displayName} enregistrés.`).waitFor();
    expect(await sidewaysScroll(adminPage)).toBeLessThanOrEqual(360);
    await adminPage.context().close();

    // The coordinator, in English: the admin role is not hers to give or take.
    const page = await signIn(coordinator, "en", 1280);
    await page.getByRole("link", { name: "Team" }).click();
    await page.getByRole("heading", { name: "Team", level: 1 }).waitFor();
    const adminRow = page.getByRole("listitem").filter({ hasText: admin.email });
    expect(await adminRow.getByRole("checkbox", { name: "Organisation admin" }).isDisabled()).toBe(true);
    const row = page.getByRole("listitem").filter({ hasText: worker.email });
    expect(await row.getByRole("checkbox", { name: "Nurse" }).isChecked()).toBe(true);

    // Meanwhile another admin makes the worker an admin: the coordinator's save would take it away.
    await pool.query(
      `UPDATE memberships SET roles = '{OUTREACH_WORKER,NURSE,ORG_ADMIN}'::"Role"[]
        WHERE user_id = $1 AND organisation_id = $2`,
      [worker.id, street.id],
    );
    await row.getByRole("checkbox", { name: "Outreach worker" }).uncheck();
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByText("You do not have access to this action.").waitFor();
    await row.getByText("Nobody can grant a role to themselves", { exact: false }).waitFor();
    // The reloaded row shows the admin role she cannot change, and the refusal stays said.
    const adminRole = row.getByRole("checkbox", { name: "Organisation admin", checked: true });
    await adminRole.waitFor();
    expect(await adminRole.isDisabled()).toBe(true);
    expect(await row.getByRole("checkbox", { name: "Outreach worker" }).isChecked()).toBe(true);
    await row.getByText("You do not have access to this action.").waitFor();
    const { rows } = await pool.query<{ roles: string }>(
      "SELECT roles::text FROM memberships WHERE user_id = $1 AND organisation_id = $2",
      [worker.id, street.id],
    );
    expect(rows[0]?.roles).toBe("{OUTREACH_WORKER,NURSE,ORG_ADMIN}");
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1280);
    await page.context().close();
  });
});
