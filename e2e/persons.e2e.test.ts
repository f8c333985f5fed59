// Issue "access model": consent screens (record, see, withdraw) and "see as partner", in
// French and English, through the real page — and what the partner sees in its own env.browser.

import { createEncounter, createPerson } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

describe.skipIf(browserMissing)("consent and see-as-partner screens", () => {
  it("records a consent, previews the partner's view, withdraws it; the partner's own view follows", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street: owner, health: partner } = await partners({
      street: "Rue (e2e)",
      health: "Clinique partenaire (e2e)",
      partnership: "Partenariat (e2e)",
    });
    const worker = await member(owner, ["OUTREACH_WORKER"]);
    const partnerWorker = await member(partner, ["NURSE"]);
    const person = await createPerson(pool, {
      organisationId: owner.id,
      alias: "Noémie-Éloïse",
      legalName: "Nom Secret",
    });
    await createEncounter(pool, {
      organisationId: owner.id,
      authorId: worker.id,
      personId: person.id,
      note: "Note très privée",
    });
    const fileUrl = `${env.server.url}/personnes/${encodeURIComponent(encodeGlobalID("Person", person.id))}`;

    const page = await env.signIn(worker);
    await page.getByRole("link", { name: "Personnes" }).click();
    await page.getByLabel("Rechercher un pseudonyme").fill("noemie-eloise");
    await page.getByRole("link", { name: "Noémie-Éloïse" }).click();
    await page.getByRole("heading", { name: "Historique" }).waitFor();
    await page.getByText("Note très privée").waitFor();

    // Before any consent, the partner sees nothing.
    await page.getByLabel("Organisme partenaire").selectOption({ label: "Clinique partenaire (e2e)" });
    await expect
      .poll(() => page.getByTestId("preview-verdict").textContent())
      .toBe("Clinique partenaire (e2e) ne voit pas cette personne.");

    // Record a consent: profile and encounters summary.
    await page.getByLabel("Partenaire", { exact: true }).selectOption({ label: "Clinique partenaire (e2e)" });
    await page.getByRole("button", { name: "Résumé des rencontres" }).click();
    await page.getByRole("button", { name: "Enregistrer un consentement" }).click();
    // Exact: "Aucun consentement enregistré." may still be shown until the list has reloaded.
    await page.getByText("Consentement enregistré.", { exact: true }).waitFor();
    await page.getByText("En vigueur", { exact: true }).waitFor();

    // The preview now shows the person and the encounter, never the note or the legal name.
    await page.getByLabel("Organisme partenaire").selectOption({ label: "Clinique partenaire (e2e)" });
    await page.getByLabel("Organisme partenaire").selectOption({ index: 0 });
    await page.getByLabel("Organisme partenaire").selectOption({ label: "Clinique partenaire (e2e)" });
    await expect
      .poll(() => page.getByTestId("preview-verdict").textContent())
      .toBe("Clinique partenaire (e2e) voit cette personne.");
    await page.getByText("Rencontres visibles : 1").waitFor();
    const previewText = await page.locator("section[aria-labelledby=preview-title]").textContent();
    expect(previewText).not.toContain("Note très privée");
    expect(previewText).not.toContain("Nom Secret");
    expect(previewText).toContain("masqué");

    // The partner, in its own browser, sees the file while the consent is in force.
    const partnerPage = await env.signIn(partnerWorker, { viewport: desktop });
    await partnerPage.goto(fileUrl);
    await partnerPage.getByRole("heading", { name: "Noémie-Éloïse" }).waitFor();
    await partnerPage.getByText(/Ce dossier appartient à Rue \(e2e\)/).waitFor();
    expect(await partnerPage.getByText("Note très privée").count()).toBe(0);
    expect(await partnerPage.getByText("Nom Secret").count()).toBe(0);

    // In English, the consent section speaks English.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.getByRole("heading", { name: "Consents" }).waitFor();
    await page.getByText("In force", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Withdraw" }).click();
    await page.getByRole("button", { name: "Yes, withdraw" }).click();
    await page.getByText("Withdrawn", { exact: true }).waitFor();
    await page.getByLabel("Partner organisation").selectOption({ index: 0 });
    await page.getByLabel("Partner organisation").selectOption({ label: "Clinique partenaire (e2e)" });
    await expect
      .poll(() => page.getByTestId("preview-verdict").textContent())
      .toBe("Clinique partenaire (e2e) does not see this person.");

    // The partner loses the file on its very next request.
    await partnerPage.reload();
    await partnerPage.getByRole("heading", { name: "Introuvable, ou vous n'y avez pas accès." }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
    await partnerPage.context().close();
  });
});
