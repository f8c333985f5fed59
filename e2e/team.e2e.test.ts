// The team page, in French then in English: an org admin sees its own roles without a way to
// change them (nobody grants a role to itself) and changes a worker's; a coordinator cannot
// touch the admin role, and when a save is refused — the worker became an admin in between —
// the page says why and shows the current roles. An admin invites someone: the link, shown once,
// opened in a fresh browser, lets her choose a password and lands her signed in; the admin then
// deactivates a member.

import { createOrganisation } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(browserMissing)("team", () => {
  it("keeps an admin's own roles out of its reach, and shows a refused change of roles", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const street = await createOrganisation(pool, { name: "Réseau Ancrage (équipe)" });
    const admin = await member(street, ["ORG_ADMIN"], "Ada Admin");
    const coordinator = await member(street, ["COORDINATOR"], "Coco Coordination");
    const worker = await member(street, ["OUTREACH_WORKER"], "Wim Terrain");

    // The admin, on a phone: its own row lists its roles, with no checkbox; a worker's can change.
    const adminPage = await env.signIn(admin, { viewport: { width: 360, height: 800 } });
    await adminPage.getByRole("link", { name: "Équipe", exact: true }).click();
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
    const page = await env.signIn(coordinator, { language: "en", viewport: desktop });
    await page.getByRole("link", { name: "Team", exact: true }).click();
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

  it("invites someone through a link she opens elsewhere, and deactivates a member", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const street = await createOrganisation(pool, { name: "Réseau Ancrage (invitations)" });
    const admin = await member(street, ["ORG_ADMIN"], "Alix Admin");
    const leaving = await member(street, ["OUTREACH_WORKER"], "Lou Départ");
    const email = `nouvelle-${street.id}@test.example`;

    const adminPage = await env.signIn(admin, { viewport: desktop });
    await adminPage.getByRole("link", { name: "Équipe", exact: true }).click();
    const invitations = adminPage.getByRole("region", { name: "Inviter une personne" });
    await invitations.getByLabel("Courriel de la personne").fill(email);
    await invitations.getByLabel("Nom", { exact: true }).fill("Nina Nouvelle");
    await invitations.getByRole("button", { name: "Infirmière clinicienne" }).click();
    await invitations.getByRole("button", { name: "Créer l'invitation" }).click();
    await invitations.getByText("Invitation créée pour Nina Nouvelle.").waitFor();
    const link = await invitations.getByLabel("Lien d'invitation").inputValue();
    expect(link).toMatch(new RegExp(`^${env.server.url}/invitation#[A-Za-z0-9_-]{43}$`));
    await invitations.getByRole("listitem").filter({ hasText: email }).waitFor();

    // A browser that never signed in, on a phone: the link's page, her name and password.
    const context = await env.browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "Rejoindre l'équipe", level: 1 }).waitFor();
    // The token leaves the address bar once read.
    expect(new URL(page.url()).hash).toBe("");
    await page.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe solide");
    await page.getByLabel("Mot de passe, une deuxième fois").fill("une phrase de passe solide");
    await page.getByRole("button", { name: "Rejoindre l'équipe" }).click();
    await page.getByRole("heading", { name: "Bonjour, Nina Nouvelle" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(360);
    await context.close();
    const { rows } = await pool.query<{ roles: string }>(
      "SELECT m.roles::text FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organisation_id = $2",
      [email, street.id],
    );
    expect(rows).toEqual([{ roles: "{NURSE}" }]);

    // The admin deactivates a member, after saying yes to what it does.
    await adminPage.reload();
    const leavingRow = adminPage.getByRole("listitem").filter({ hasText: leaving.email });
    await leavingRow.getByRole("button", { name: `Désactiver ${leaving.displayName}` }).click();
    const dialog = leavingRow.getByRole("alertdialog");
    await dialog.getByText("ne verra plus rien de l'organisme", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Désactiver", exact: true }).click();
    await adminPage.getByText(`${leaving.displayName} est désactivé·e`, { exact: false }).waitFor();
    expect(await adminPage.getByRole("listitem").filter({ hasText: leaving.email }).count()).toBe(0);
    const ended = await pool.query<{ ended_at: Date | null }>(
      "SELECT ended_at FROM memberships WHERE user_id = $1 AND organisation_id = $2",
      [leaving.id, street.id],
    );
    expect(ended.rows[0]?.ended_at).not.toBeNull();
    await adminPage.context().close();
  });
});
