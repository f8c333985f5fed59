// Issue 15 (item 4): an outreach worker records a school workshop on a 360×740 phone — refused
// first with no participant, then recorded, said at the button and listed; her coordinator's
// dashboard counts it apart from the work with persons. In French and English, phone and desktop.
import { createUser } from "@maillage/db/factories";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

/** The titles of the workshops' tables (packages/domain indicators registry). */
const byKind = { fr: "Ateliers et kiosques selon le type", en: "Workshops and kiosks by kind" };
const byTopic = { fr: "Ateliers et kiosques selon le sujet", en: "Workshops and kiosks by topic" };
const participantsByKind = { fr: "Participantes et participants selon le type", en: "Participants by kind" };

/** The text of each element without what is there for screen readers only (as seen). */
function seen(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((found) =>
    found.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll(".visually-hidden"))) hidden.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
}

/** The text of each element without what is hidden from screen readers (as said). */
function said(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((found) =>
    found.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"]'))) hidden.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
}

/**
 * The rows of the indicator table captioned `title` (drawn or not: the chart's table is always in
 * the page for screen readers): each category and its count, as seen.
 */
async function countsOf(within: Locator, title: string): Promise<string[][]> {
  const table = within.getByRole("table", { name: title, exact: true });
  const labels = await table.locator("tbody th").allTextContents();
  const counts = await seen(table.locator("tbody tr td:first-of-type"));
  return labels.map((label, index) => [label.trim(), counts[index] ?? ""]);
}

describe.skipIf(browserMissing)("workshops and prevention kiosks", () => {
  it("are recorded on a 360×740 phone and listed for the year, in French and English", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street } = await partners({ street: "Ateliers (e2e)", health: "Santé ateliers (e2e)" });
    const worker = await member(street, ["OUTREACH_WORKER"], "Inès Atelier");
    await member(street, ["NURSE"], "Noémie Infirmière");
    await member(street, ["COORDINATOR"], "Carole Coordination");
    const rows = async () =>
      (
        await pool.query<{ place: string; participants: number; topic: string; facilitators: number }>(
          `SELECT place, participants, topic, cardinality(facilitator_ids) AS facilitators
             FROM workshops WHERE organisation_id = $1 ORDER BY created_at`,
          [street.id],
        )
      ).rows;

    const page = await env.signIn(worker);
    await page.getByRole("link", { name: "Ateliers" }).first().click();
    await page.getByRole("heading", { name: "Ateliers et kiosques", level: 1 }).waitFor();
    const form = page.getByRole("form", { name: "Inscrire un atelier ou un kiosque" });
    await form.getByLabel("Thème").selectOption({ label: "Consentement et relations" });
    await form.getByLabel("Lieu").fill("École secondaire Jean-Rivard");
    await form.getByLabel("Demandé par").fill("École secondaire Jean-Rivard");
    // She is offered as facilitator, checked; her colleague can be added.
    expect(await form.getByRole("checkbox", { name: "Inès Atelier" }).isChecked()).toBe(true);
    await form.getByRole("checkbox", { name: "Noémie Infirmière" }).check();

    // No number of participants: said at the field, nothing sent.
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Ce champ est obligatoire.").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("inputmode")))
      .toBe("numeric");
    await form.getByLabel(/Nombre de participant·es/).fill("0");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.getByText("Cette valeur est trop petite.").waitFor();
    expect(await rows()).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/workshop-refused-fr-360.png`, fullPage: true });

    await form.getByLabel(/Nombre de participant·es/).fill("27");
    await form.getByLabel(/Durée/).fill("75");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const confirmation = form.getByRole("status").filter({ hasText: "Atelier enregistré" });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain("École secondaire Jean-Rivard");
    expect(await confirmation.textContent()).toContain("27 participant·es");
    // The confirmation is where she looks: at the button, and it has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    expect(await rows()).toEqual([
      {
        place: "École secondaire Jean-Rivard",
        participants: 27,
        topic: "CONSENT_AND_RELATIONSHIPS",
        facilitators: 2,
      },
    ]);
    // The place and the numbers start empty for the next one.
    expect(await form.getByLabel("Lieu").inputValue()).toBe("");
    const card = page.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: "Atelier · Consentement et relations" }),
    });
    await card.getByText("27 participant·es · Jeunes du secondaire").waitFor();
    await page.getByText(/1 atelier ou kiosque, 27 participant·es/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    if (shots) await page.screenshot({ path: `${shots}/workshops-fr-360.png`, fullPage: true });

    // In English, on the same phone: a prevention kiosk.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    const kioskForm = page.getByRole("form", { name: "Record a workshop or a kiosk" });
    await kioskForm.getByRole("button", { name: "Prevention kiosk" }).click();
    await kioskForm.getByLabel("Topic").selectOption({ label: "Overdose prevention and naloxone" });
    await kioskForm.getByLabel("Audience").selectOption({ label: "General public" });
    await kioskForm.getByLabel("Place").fill("Neighbourhood festival");
    await kioskForm.getByLabel("Requested by").fill("Festival committee");
    await kioskForm.getByLabel(/Number of participants/).fill("140");
    await kioskForm.getByRole("button", { name: "Save" }).click();
    await kioskForm.getByRole("status").filter({ hasText: "Prevention kiosk recorded" }).waitFor();
    await page.getByText(/2 workshops and kiosks, 167 participants/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    if (shots) await page.screenshot({ path: `${shots}/workshops-en-360.png`, fullPage: true });

    // On a desktop's width, in both languages.
    await page.setViewportSize(desktop);
    await page.getByRole("heading", { name: "Workshops and kiosks held" }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/workshops-en-1280.png`, fullPage: true });
    await page.getByRole("button", { name: "FR", exact: true }).click();
    await page.getByRole("heading", { name: "Ateliers et kiosques tenus" }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/workshops-fr-1280.png`, fullPage: true });
  }, 180_000);

  it("are counted in the coordinator's dashboard apart from persons, and suppressed for the committee", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street, health, partnership } = await partners({
      street: "Ateliers tableau (e2e)",
      health: "Santé ateliers tableau (e2e)",
    });
    const worker = await member(street, ["OUTREACH_WORKER"]);
    const coordinator = await member(street, ["COORDINATOR"], "Carole Coordination");
    await pool.query(
      `INSERT INTO workshops (organisation_id, kind, topic, audience, place, held_on, participants, requested_by, facilitator_ids, recorded_by_id)
       VALUES ($1, 'WORKSHOP', 'CONSENT_AND_RELATIONSHIPS', 'YOUTH_SECONDARY_SCHOOL', 'École', current_date, 27, 'École', ARRAY[$2]::uuid[], $2),
              ($1, 'KIOSK', 'OVERDOSE_PREVENTION_NALOXONE', 'GENERAL_PUBLIC', 'Festival', current_date, 140, 'Comité', ARRAY[$2]::uuid[], $2)`,
      [street.id, worker.id],
    );

    // Signed in in each language (the indicators' titles and labels are the API's, in the
    // language of the request), on a phone then a desktop.
    for (const [language, viewport, size] of [
      ["fr", phone, 360],
      ["fr", desktop, 1280],
      ["en", phone, 360],
      ["en", desktop, 1280],
    ] as const) {
      const fr = language === "fr";
      const lead = await env.signIn(coordinator, { language, viewport });
      await lead
        .getByRole("link", { name: fr ? "Tableau de bord" : "Dashboard", exact: true })
        .first()
        .click();
      const section = lead.getByRole("region", { name: fr ? "Ateliers" : "Workshops", exact: true });
      // The figures in the language chosen (the API's titles): wait for them before reading.
      await section.getByRole("table", { name: fr ? byKind.fr : byKind.en, exact: true }).waitFor();
      expect(await section.getByRole("term").allTextContents()).toEqual(
        fr
          ? ["Ateliers et kiosques", "Participantes et participants"]
          : ["Workshops and kiosks", "Participants"],
      );
      // Exact for her: the two held, and their 27 + 140 participants.
      expect(await section.locator(".tile__value").allTextContents()).toEqual(["2", "167"]);
      const [workshop, kiosk] = fr ? ["Atelier", "Kiosque de prévention"] : ["Workshop", "Prevention kiosk"];
      expect(await countsOf(section, fr ? byKind.fr : byKind.en)).toEqual([
        [workshop, "1"],
        [kiosk, "1"],
      ]);
      expect(await countsOf(section, fr ? participantsByKind.fr : participantsByKind.en)).toEqual([
        [workshop, "27"],
        [kiosk, "140"],
      ]);
      expect(
        (await countsOf(section, fr ? byTopic.fr : byTopic.en)).filter(([, count]) => count !== "0"),
      ).toEqual(
        fr
          ? [
              ["Consentement et relations", "1"],
              ["Prévention des surdoses et naloxone", "1"],
            ]
          : [
              ["Consent and relationships", "1"],
              ["Overdose prevention and naloxone", "1"],
            ],
      );
      // Apart from the work with persons: nobody is counted in the persons' figures.
      const persons = lead.getByRole("region", { name: fr ? "Personnes" : "Persons", exact: true });
      const personFigures = await persons.locator(".tile__value").allTextContents();
      expect(personFigures.length).toBeGreaterThan(0);
      expect(personFigures.filter((value) => value !== "0")).toEqual([]);
      if (shots)
        await lead.screenshot({ path: `${shots}/dashboard-${language}-${size}.png`, fullPage: true });
      await lead.context().close();
    }

    // A committee member of the partnership: two sessions, under 5: every count from 1 to 4 reads "x".
    const seat = await createUser(pool, {
      displayName: "Camille Comité",
      memberships: [{ organisationId: health.id, roles: [] }],
      committeePartnershipIds: [partnership.id],
    });
    const committee = await env.signIn(seat);
    await committee.getByRole("link", { name: "Tableau de bord" }).first().click();
    const suppressed = committee.getByRole("region", { name: "Ateliers", exact: true });
    await suppressed.getByRole("table", { name: byKind.fr, exact: true }).waitFor();
    await committee
      .getByRole("note")
      .filter({ hasText: /Les valeurs de 1 à 4 sont masquées \(x\)/ })
      .waitFor();
    // The two held (2) and each kind's one: hidden, seen "x" and said "masqué".
    const held = suppressed
      .locator(".indicator-tile")
      .filter({ has: committee.getByText("Ateliers et kiosques", { exact: true }) })
      .locator(".tile__value");
    expect(await seen(held)).toEqual(["x"]);
    expect(await said(held)).toEqual(["masqué"]);
    const kinds = suppressed
      .getByRole("table", { name: byKind.fr, exact: true })
      .locator("tbody tr td:first-of-type");
    expect(await seen(kinds)).toEqual(["x", "x"]);
    expect(await said(kinds)).toEqual(["masqué", "masqué"]);
    // Others may be hidden beside them; none from 1 to 4 shows anywhere on the page.
    const everyValue = await seen(committee.locator("main td, main .tile__value"));
    expect(everyValue.length).toBeGreaterThan(0);
    expect(everyValue.filter((value) => /^[1-4]$/.test(value))).toEqual([]);
    expect(await committee.locator("main").textContent()).not.toMatch(/< ?5/);
    if (shots)
      await committee.screenshot({ path: `${shots}/dashboard-committee-fr-360.png`, fullPage: true });
  }, 180_000);
});
