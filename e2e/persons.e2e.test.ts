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

describe.skipIf(browserMissing)("person file: edit, archive, merge a duplicate", () => {
  const shots = process.env.SCREENSHOTS_DIR;

  it("edits the file, archives and restores it, and merges a duplicate into it (coordinator)", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street } = await partners({ street: "Fusion (e2e)", health: "Santé fusion (e2e)" });
    const coordinator = await member(street, ["COORDINATOR"]);
    const kept = await createPerson(pool, { organisationId: street.id, alias: "Jade", birthYear: 1994 });
    const duplicate = await createPerson(pool, { organisationId: street.id, alias: "Jadé", birthYear: 1994 });
    await createEncounter(pool, {
      organisationId: street.id,
      authorId: coordinator.id,
      personId: duplicate.id,
    });
    await createEncounter(pool, {
      organisationId: street.id,
      authorId: coordinator.id,
      personId: duplicate.id,
    });
    const onFile = (id: string) =>
      pool.query<{ n: number }>("SELECT count(*)::int AS n FROM encounters WHERE person_id = $1", [id]);
    const fileUrl = `${env.server.url}/personnes/${encodeURIComponent(encodeGlobalID("Person", kept.id))}`;

    const page = await env.signIn(coordinator);
    await page.goto(fileUrl);
    await page.getByRole("heading", { name: "Jade", exact: true }).waitFor();

    // Edit: the form opens from the file with its values.
    await page.getByRole("link", { name: "Modifier" }).click();
    await page.getByRole("heading", { name: "Modifier le profil" }).waitFor();
    await page.getByLabel("Pseudonyme").fill("Jade R.");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Profil enregistré.").waitFor();
    await page.goto(fileUrl);
    await page.getByRole("heading", { name: "Jade R." }).waitFor();

    // Merge: find the duplicate, read what moves, confirm.
    await page.getByRole("button", { name: "Fusionner avec un autre dossier…" }).click();
    await page.getByLabel("Rechercher le doublon par pseudonyme").fill("jade");
    await page.getByRole("button", { name: /Choisir Jadé/ }).click();
    await page.getByText("Sera déplacé de Jadé vers Jade R. :").waitFor();
    await page.getByText("2 rencontres").waitFor();
    if (shots) await page.screenshot({ path: `${shots}/merge-summary-fr-360.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("alertdialog").getByRole("button", { name: "Fusionner" }).click();
    await page.getByRole("status").getByText("Dossiers fusionnés. Déplacé dans ce dossier :").waitFor();
    // The history shown already holds the two encounters moved.
    expect(await page.getByText("Rien à afficher pour l'instant.").count()).toBe(0);
    expect(await page.getByText("Rencontre", { exact: true }).count()).toBe(2);
    if (shots) await page.screenshot({ path: `${shots}/merge-done-fr-360.png`, fullPage: true });
    expect((await onFile(kept.id)).rows[0]?.n).toBe(2);
    expect((await onFile(duplicate.id)).rows[0]?.n).toBe(0);
    const merged = await pool.query("SELECT merged_into_id FROM persons WHERE id = $1", [duplicate.id]);
    expect(merged.rows[0]?.merged_into_id).toBe(kept.id);

    // Archive with a reason: out of the caseload, back with "Inclure les archivés", then restored.
    await page.getByRole("button", { name: "Archiver le dossier" }).click();
    await page.getByLabel(/Raison/).fill("A déménagé");
    if (shots) await page.screenshot({ path: `${shots}/person-archive-confirm-fr-360.png`, fullPage: true });
    await page.getByRole("alertdialog").getByRole("button", { name: "Archiver le dossier" }).click();
    await page.getByText(/^Dossier archivé le/).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/person-archived-fr-360.png`, fullPage: true });
    await page.getByRole("link", { name: "Personnes" }).click();
    await page.getByLabel("Rechercher un pseudonyme").fill("jade");
    await page.getByText("Aucune personne ne correspond.").waitFor();
    await page.getByRole("button", { name: "Inclure les archivés" }).click();
    await page.getByRole("link", { name: "Jade R." }).click();
    await page.getByRole("button", { name: "Restaurer le dossier" }).click();
    await page.getByText("Dossier restauré.").waitFor();
    const audit = await pool.query(
      "SELECT action FROM audit_events WHERE organisation_id = $1 AND action IN ('PERSONS_MERGED', 'PERSON_ARCHIVED', 'PERSON_RESTORED') ORDER BY id",
      [street.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      "PERSONS_MERGED",
      "PERSON_ARCHIVED",
      "PERSON_RESTORED",
    ]);

    // In English on a desktop.
    const other = await createPerson(pool, { organisationId: street.id, alias: "Jade bis", birthYear: 1994 });
    const wide = await env.signIn(coordinator, { viewport: desktop, language: "en" });
    await wide.goto(fileUrl);
    await wide.getByRole("button", { name: "Merge with another file…" }).click();
    await wide.getByLabel("Search the duplicate by alias").fill("jade bis");
    await wide.getByRole("button", { name: /Choose Jade bis/ }).click();
    await wide.getByText("Will move from Jade bis to Jade R.:").waitFor();
    if (shots) await wide.screenshot({ path: `${shots}/merge-summary-en-1280.png`, fullPage: true });
    await wide.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
    await wide.getByRole("button", { name: "Archive the file" }).click();
    if (shots) await wide.screenshot({ path: `${shots}/person-archive-confirm-en-1280.png`, fullPage: true });
    expect(
      (await pool.query("SELECT merged_into_id FROM persons WHERE id = $1", [other.id])).rows[0]
        ?.merged_into_id,
    ).toBeNull();
    await page.context().close();
    await wide.context().close();
  });
});
