// Law 25 screens, on a 360 px phone: a coordinator previews a shorter retention period (which files
// it would de-identify now and within 90 days) before confirming it; enters a confidentiality
// incident (a refused empty form first) and completes it with the notices made since; on a file a
// partner has viewed, sees who viewed it, exports it, and de-identifies it after typing its alias.
// With SCREENSHOTS_DIR: every screen in French and English at 360 and 1280 px.
import { createEncounter, createPerson } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/**
 * How far right the page reaches: the whole page, or only `within` (the file page's profile, not
 * this feature's, is wider than a phone in English: "Legal name (restricted)").
 */
async function rightEdge(page: Page, within?: Locator): Promise<number> {
  if (!within) return page.evaluate(() => document.documentElement.scrollWidth);
  return within.evaluate((element) =>
    Math.max(
      ...[element, ...Array.from(element.querySelectorAll("*"))].map((e) => e.getBoundingClientRect().right),
    ),
  );
}

/**
 * The page as it is now: no sideways scroll on the phone; with SCREENSHOTS_DIR, shot in both
 * languages at both widths, then back to French on the phone.
 */
async function look(page: Page, name: string, within?: Locator) {
  expect(await rightEdge(page, within)).toBeLessThanOrEqual(phone.width);
  if (!shots) return;
  for (const language of ["fr", "en"] as const) {
    await page.getByRole("button", { name: language.toUpperCase(), exact: true }).click();
    for (const viewport of [phone, desktop]) {
      await page.setViewportSize({ width: viewport.width, height: 800 });
      await page.screenshot({ path: `${shots}/${name}-${language}-${viewport.width}.png`, fullPage: true });
      expect(await rightEdge(page, within)).toBeLessThanOrEqual(viewport.width);
    }
  }
  await page.getByRole("button", { name: "FR", exact: true }).click();
  await page.setViewportSize(phone);
}

const dayAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(browserMissing)("privacy (Law 25)", () => {
  it("previews and sets the retention period, keeps the incident register, shows who viewed a file and de-identifies it", async () => {
    const { pool, partners, member, consent } = testData(env.server.databaseUrl);
    const { street, health } = await partners({
      street: "Refuge Lumière (confidentialité e2e)",
      health: "Clinique du Quartier (confidentialité e2e)",
    });
    const coordinator = await member(street, ["COORDINATOR"], "Camille Coordination");
    const worker = await member(street, ["OUTREACH_WORKER"], "Wanda Terrain");
    const nurse = await member(health, ["NURSE"], "Nadia Santé");

    /** A file whose every trace is `ago` old (its opening and one encounter). */
    const fileLastActive = async (alias: string, ago: string) => {
      const person = await createPerson(pool, { organisationId: street.id, alias });
      const encounter = await createEncounter(pool, {
        organisationId: street.id,
        authorId: worker.id,
        personId: person.id,
      });
      await pool.query(
        `UPDATE encounters SET occurred_at = now() - $2::interval, updated_at = now() - $2::interval WHERE id = $1`,
        [encounter.id, ago],
      );
      await pool.query(
        `UPDATE persons SET created_at = now() - $2::interval, updated_at = now() - $2::interval WHERE id = $1`,
        [person.id, ago],
      );
      return person;
    };
    // Under the 5 years a new organisation starts with, one file is due; under 3 years, two are
    // due now and a third within 90 days.
    await fileLastActive("Ancienne-Alice", "6 years");
    await fileLastActive("Bérénice", "4 years");
    await fileLastActive("Marguerite", "3 years - 20 days");
    const rosalie = await createPerson(pool, {
      organisationId: street.id,
      alias: "Rosalie",
      legalName: "Rosalie Nom-Légal",
    });
    await createEncounter(pool, {
      organisationId: street.id,
      authorId: worker.id,
      personId: rosalie.id,
      note: "Rosalie cherche un logement",
    });
    await consent(street, rosalie, health, ["PROFILE", "ENCOUNTERS_SUMMARY"], worker);
    const fileUrl = `${env.server.url}/personnes/${encodeURIComponent(encodeGlobalID("Person", rosalie.id))}`;

    // The partner's nurse and the worker read Rosalie's file (each read is audited).
    const nursePage = await env.signIn(nurse);
    await nursePage.goto(fileUrl);
    await nursePage.getByRole("heading", { name: "Rosalie", level: 1 }).waitFor();
    // Not the partner's to see: the privacy card is for the file's own coordinators.
    expect(await nursePage.getByRole("heading", { name: "Confidentialité du dossier" }).count()).toBe(0);
    await nursePage.context().close();
    const workerPage = await env.signIn(worker);
    await workerPage.goto(fileUrl);
    await workerPage.getByRole("heading", { name: "Rosalie", level: 1 }).waitFor();
    expect(await workerPage.getByRole("link", { name: "Confidentialité", exact: true }).count()).toBe(0);
    expect(await workerPage.getByRole("heading", { name: "Confidentialité du dossier" }).count()).toBe(0);
    await workerPage.context().close();

    // ── Retention: the period in force and what it does, then a change previewed first.
    const page = await env.signIn(coordinator, { acceptDownloads: true });
    await page.getByRole("link", { name: "Confidentialité", exact: true }).click();
    await page.getByRole("heading", { name: "Confidentialité et Loi 25", level: 1 }).waitFor();
    const retention = page.getByRole("article", { name: "Durée de conservation des dossiers" });
    await retention
      .getByText("En vigueur : les dossiers sans activité depuis 5 ans sont dé-identifiés automatiquement.")
      .waitFor();
    await retention.getByText("dossier à dé-identifier au prochain passage").waitFor();
    await retention.getByRole("link", { name: "Ancienne-Alice" }).waitFor();
    await look(page, "privacy-page");

    await retention.getByLabel("Durée sans activité (en années)").fill("3");
    await retention.getByRole("button", { name: "Voir l’effet avant de confirmer" }).click();
    const preview = page.getByRole("region", { name: "Effet d’une durée de 3 ans" });
    await preview.waitFor();
    // The preview takes the focus: it is what the coordinator reads before confirming.
    await expect.poll(() => isFocused(preview)).toBe(true);
    expect(await preview.locator(".retention-report__counts li").allTextContents()).toEqual([
      "2 dossiers à dé-identifier au prochain passage",
      "1 autre dossier dans les 90 jours suivants",
    ]);
    for (const alias of ["Ancienne-Alice", "Bérénice", "Marguerite"]) {
      await preview.getByRole("link", { name: alias }).waitFor();
    }
    await preview.getByText("Ces 2 dossiers seront dé-identifiés au prochain passage quotidien").waitFor();
    // Nothing is changed by a preview.
    const retentionYears = async () =>
      (await pool.query("SELECT retention_years FROM organisations WHERE id = $1", [street.id])).rows[0]
        .retention_years;
    expect(await retentionYears()).toBe(5);
    await look(page, "privacy-preview");

    await preview.getByRole("button", { name: "Confirmer : 3 ans" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Durée de conservation enregistrée : 3 ans" });
    await saved.waitFor();
    await expect.poll(() => isFocused(saved)).toBe(true);
    expect(await retentionYears()).toBe(3);
    await retention
      .getByText("En vigueur : les dossiers sans activité depuis 3 ans sont dé-identifiés automatiquement.")
      .waitFor();
    await look(page, "privacy-saved");

    // ── The incident register: an empty entry is refused where it is typed, then one is entered.
    await page.getByRole("link", { name: "Ouvrir le registre" }).click();
    await page
      .getByRole("heading", { name: "Registre des incidents de confidentialité", level: 1 })
      .waitFor();
    await page.getByText("Aucun incident inscrit.").waitFor();
    await page.getByRole("button", { name: "Inscrire un incident" }).click();
    const form = page.getByRole("form", { name: "Inscrire un incident" });
    const circumstances = form.getByLabel("Circonstances");
    await expect.poll(() => isFocused(circumstances)).toBe(true);
    await form.getByRole("button", { name: "Inscrire au registre" }).click();
    await expect.poll(() => circumstances.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => isFocused(circumstances)).toBe(true);
    await form.getByText("Ce champ est obligatoire.").first().waitFor();
    await look(page, "incident-form-refused");

    await circumstances.fill("Un téléphone de l’équipe a été perdu pendant une tournée de nuit.");
    await form.getByLabel("Survenu le").fill(dayAgo(3));
    await form
      .getByLabel("Renseignements concernés")
      .fill("Pseudonymes et dernières notes de la liste de suivi.");
    await form.getByRole("button", { name: "Identité, pseudonyme" }).click();
    await form.getByRole("button", { name: "Notes d’intervention" }).click();
    await form.getByLabel("Nombre de personnes concernées").fill("12");
    await form.getByRole("button", { name: "Personnes rejointes" }).click();
    await form.getByLabel("risque de préjudice sérieux").check();
    await form.getByText("la loi demande d’aviser promptement").waitFor();
    await form.getByLabel("Évaluation du risque").fill("Notes sensibles ; le téléphone était verrouillé.");
    await form.getByLabel("Mesures prises").fill("Session du téléphone fermée à distance.");
    await form.getByRole("button", { name: "Inscrire au registre" }).click();
    const recorded = page.getByRole("status").filter({ hasText: "Incident inscrit au registre." });
    await recorded.waitFor();
    await expect.poll(() => isFocused(recorded)).toBe(true);
    const entry = page.getByRole("article", { name: /^Incident découvert le / });
    await entry.getByText("Avis à faire").waitFor();
    await entry.getByText("12 personnes").waitFor();
    await page.getByText("1 incident présente un risque de préjudice sérieux").waitFor();
    await look(page, "incident-register");

    // Completed with the notices made since.
    await entry.getByRole("button", { name: "Compléter ou corriger" }).click();
    const edit = entry.getByRole("form", { name: /^Modifier l’incident découvert le / });
    await edit.getByLabel("Commission d’accès à l’information avisée le").fill(dayAgo(1));
    await edit.getByLabel("Personnes concernées avisées le").fill(dayAgo(0));
    await edit.getByLabel("Comment les personnes ont été avisées").fill("En personne, lors des tournées.");
    await look(page, "incident-edit");
    await edit.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const changed = entry.getByRole("status").filter({ hasText: "Modifications enregistrées." });
    await changed.waitFor();
    await expect.poll(() => isFocused(changed)).toBe(true);
    expect(await entry.getByText("Avis à faire").count()).toBe(0);
    const incident = (
      await pool.query(
        `SELECT persons_affected, serious_harm_risk, information_categories::text[] AS categories,
                commission_notified_on IS NOT NULL AS commission, persons_notified_on IS NOT NULL AS persons
           FROM confidentiality_incidents WHERE organisation_id = $1`,
        [street.id],
      )
    ).rows;
    expect(incident).toEqual([
      {
        persons_affected: 12,
        serious_harm_risk: true,
        categories: ["IDENTITY", "NOTES"],
        commission: true,
        persons: true,
      },
    ]);

    // ── Rosalie's file: who viewed it (the partner included), its export, its de-identification.
    await page.goto(fileUrl);
    await page.getByRole("heading", { name: "Rosalie", level: 1 }).waitFor();
    const card = page.getByRole("region", { name: "Confidentialité du dossier" });
    await card.getByRole("button", { name: "Voir qui a consulté ce dossier" }).click();
    const reads = card.getByRole("table", { name: "Consultations de ce dossier, la plus récente d’abord" });
    const workerReads = reads.getByRole("row").filter({ hasText: "Wanda Terrain" });
    await workerReads.filter({ hasText: "A consulté le dossier" }).first().waitFor();
    await workerReads.filter({ hasText: "A consulté le nom légal" }).first().waitFor();
    const partnerRead = reads.getByRole("row").filter({ hasText: health.name }).first();
    await partnerRead.getByText("Une personne du partenaire").waitFor();
    await partnerRead.getByText("A consulté le dossier").waitFor();
    // A partner's staff is named by its organisation and roles, never by name.
    expect(await partnerRead.textContent()).not.toContain("Nadia");
    await look(page, "file-reads", page.locator("section.privacy-file"));

    const download = page.waitForEvent("download");
    await card.getByRole("button", { name: "Exporter ce dossier" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^maillage-dossier-.*\.json$/);
    const exported = JSON.parse(
      await new Promise<string>((resolve, reject) => {
        void file.createReadStream().then((stream) => {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          stream.on("error", reject);
        });
      }),
    );
    expect(exported.person.alias).toBe("Rosalie");
    expect(exported.person.legalName).toBe("Rosalie Nom-Légal");
    const exportedStatus = card.getByRole("status").filter({ hasText: "Dossier exporté" });
    await expect.poll(() => isFocused(exportedStatus)).toBe(true);
    // The export is one more read of the file.
    await reads.getByText("A exporté le dossier").waitFor();

    // De-identification: a reason and the alias typed again, said to be irreversible.
    await card.getByRole("button", { name: "Dé-identifier ce dossier…" }).click();
    const question = card.getByRole("heading", { name: "Dé-identifier le dossier de « Rosalie » ?" });
    await expect.poll(() => isFocused(question)).toBe(true);
    await card.getByText("C’est irréversible").waitFor();
    const confirmAlias = card.getByLabel("Pseudonyme, pour confirmer");
    await confirmAlias.fill("Rosali");
    await card.getByRole("button", { name: "Dé-identifier définitivement" }).click();
    // Refused before anything is sent: the reason is missing, the alias does not match.
    await expect.poll(() => card.getByLabel("Raison").getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => confirmAlias.getAttribute("aria-invalid")).toBe("true");
    await look(page, "file-deidentify", page.locator("section.privacy-file"));
    await card.getByLabel("Raison").selectOption({ label: "À la demande de la personne" });
    await confirmAlias.fill("Rosalie");
    await card.getByRole("button", { name: "Dé-identifier définitivement" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Ce dossier a été dé-identifié le" });
    await notice.waitFor();
    await expect.poll(() => isFocused(notice)).toBe(true);
    await page.getByRole("heading", { name: /^X-[0-9A-F]{8}$/, level: 1 }).waitFor();
    expect(await page.getByText("Rosalie").count()).toBe(0);
    expect(await card.getByRole("button", { name: "Dé-identifier ce dossier…" }).count()).toBe(0);
    const person = (
      await pool.query(
        `SELECT alias, deidentified_at IS NOT NULL AS done,
                (SELECT count(*)::int FROM person_legal_names WHERE person_id = p.id) AS legal_names
           FROM persons p WHERE id = $1`,
        [rosalie.id],
      )
    ).rows[0];
    expect(person).toMatchObject({ done: true, legal_names: 0 });
    expect(person.alias).toMatch(/^X-/);
    await look(page, "file-deidentified", page.locator("section.privacy-file"));
    await page.context().close();
  });
});
