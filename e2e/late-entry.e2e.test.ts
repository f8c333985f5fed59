// Issue 16 (items 1 and 5): on a 360 px phone a worker writes up yesterday's and last week's
// contacts ("Hier", a day in the date box), sees them on the person's file — last week's marked
// "Saisie tardive — saisie le …" —, and a day before the organisation's start date is refused on
// the field with the rule (the start date), in French and in English.
import { createOrganisation, createPerson } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;
const zone = "America/Toronto";
/** The day (YYYY-MM-DD) and the wall time (HH:MM) of an instant in the organisation's zone. */
const dayInZone = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(instant);
const timeInZone = (instant: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
const daysAgo = (days: number) => dayInZone(new Date(Date.now() - days * 86_400_000));

const words = {
  fr: {
    title: "Nouvelle rencontre",
    day: "Jour",
    time: "Heure",
    yesterday: "Hier",
    save: "Enregistrer la rencontre",
    saved: "Rencontre enregistrée.",
    rule: "Cette date est trop ancienne : au plus tôt le 1 avril 2015, date de début de l'organisme (dans ses réglages).",
    hint: "Au plus tôt le 1 avril 2015 (date de début de l’organisme), au plus tard maintenant.",
  },
  en: {
    title: "New encounter",
    day: "Date",
    time: "Time",
    yesterday: "Yesterday",
    save: "Record the encounter",
    saved: "Encounter recorded.",
    rule: "This date is too early: no earlier than April 1, 2015, the organisation's start date (in its settings).",
    hint: "No earlier than April 1, 2015 (the organisation’s start date), no later than now.",
  },
} as const;

async function save(page: Page, language: "fr" | "en") {
  await page.getByRole("button", { name: words[language].save }).click();
  await page.getByText(words[language].saved).waitFor();
}

describe.skipIf(browserMissing)("late entry on a phone", () => {
  it("writes up yesterday's and last week's contacts, marks the late one on the file, refuses a day before the start date", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (saisie tardive e2e)" });
    await pool.query("UPDATE organisations SET started_on = '2015-04-01' WHERE id = $1", [organisation.id]);
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    const person = await createPerson(pool, { organisationId: organisation.id, alias: "Maëlle" });
    const personId = encodeGlobalID("Person", person.id);
    const page = await env.signIn(worker, { hasTouch: true });
    const form = `${env.server.url}/rencontres/nouvelle?personne=${encodeURIComponent(personId)}`;
    const fr = words.fr;

    // Yesterday's: one tap on "Hier", the time as it was.
    await page.goto(form);
    await page.getByRole("heading", { name: fr.title }).waitFor();
    await page.getByText(fr.hint).waitFor();
    await page.getByRole("button", { name: fr.yesterday, exact: true }).click();
    expect(await page.getByLabel(fr.day, { exact: true }).inputValue()).toBe(daysAgo(1));
    await page.getByLabel(fr.time, { exact: true }).fill("21:30");
    await page.getByRole("button", { name: "Logement" }).click();
    await save(page, "fr");

    // Last week's: a day typed in the date box (more than three days ago: it will be marked).
    await page.goto(form);
    await page.getByRole("heading", { name: fr.title }).waitFor();
    await page.getByLabel(fr.day, { exact: true }).fill(daysAgo(7));
    await page.getByLabel(fr.time, { exact: true }).fill("15:00");
    await page.getByText("Plus de 3 jours après : elle sera marquée « saisie tardive ».").waitFor();
    if (shots) {
      await page.screenshot({ path: `${shots}/late-entry-past-fr-360.png`, fullPage: true });
      await page
        .locator("fieldset.happened-at")
        .screenshot({ path: `${shots}/late-entry-when-past-fr-360.png` });
    }
    await save(page, "fr");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const { rows } = await pool.query<{ occurred_at: Date; late: boolean }>(
      `SELECT occurred_at, created_at - occurred_at > interval '3 days' AS late FROM encounters
        WHERE person_id = $1 ORDER BY occurred_at DESC`,
      [person.id],
    );
    expect(rows.map((row) => timeInZone(row.occurred_at))).toEqual(["21:30", "15:00"]);
    expect(rows.map((row) => dayInZone(row.occurred_at))).toEqual([daysAgo(1), daysAgo(7)]);
    expect(rows.map((row) => row.late)).toEqual([false, true]);

    // On the person's file: last week's is marked, with the day it was entered; yesterday's is not.
    await page.goto(`${env.server.url}/personnes/${encodeURIComponent(personId)}`);
    const entries = page.locator(".timeline__entry--encounter");
    await entries.first().waitFor();
    expect(await entries.count()).toBe(2);
    await expect(
      entries
        .nth(0)
        .getByText(/Saisie tardive/)
        .count(),
    ).resolves.toBe(0);
    const today = new Intl.DateTimeFormat("fr-CA", { dateStyle: "medium", timeZone: zone }).format(
      new Date(),
    );
    await entries.nth(1).getByText(`Saisie tardive — saisie le ${today}`).waitFor();
    if (shots) {
      await page.screenshot({ path: `${shots}/late-entry-file-fr-360.png`, fullPage: true });
      await entries.nth(1).screenshot({ path: `${shots}/late-entry-file-entry-fr-360.png` });
    }

    // A day before the start date: refused on the field, with the rule; nothing is sent.
    await page.goto(form);
    await page.getByRole("heading", { name: fr.title }).waitFor();
    await page.getByLabel(fr.day, { exact: true }).fill("2015-03-31");
    await page.getByLabel(fr.time, { exact: true }).fill("10:00");
    await page.getByRole("button", { name: fr.save }).click();
    await page.getByText(fr.rule).waitFor();
    const day = page.getByLabel(fr.day, { exact: true });
    expect(await day.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await day.getAttribute("aria-describedby")) ?? "";
    const described = await Promise.all(
      describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(described).toContain(fr.rule);
    if (shots) {
      await page.screenshot({ path: `${shots}/late-entry-refused-fr-360.png`, fullPage: true });
      await page
        .locator("fieldset.happened-at")
        .screenshot({ path: `${shots}/late-entry-when-refused-fr-360.png` });
    }
    expect(
      (await pool.query("SELECT 1 FROM encounters WHERE person_id = $1", [person.id])).rows,
    ).toHaveLength(2);
  });

  it("says the same in English, and on a laptop", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Street (late entry e2e)" });
    await pool.query("UPDATE organisations SET started_on = '2015-04-01' WHERE id = $1", [organisation.id]);
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    const person = await createPerson(pool, { organisationId: organisation.id, alias: "Rosalie" });
    const form = `${env.server.url}/rencontres/nouvelle?personne=${encodeURIComponent(encodeGlobalID("Person", person.id))}`;
    for (const [language, viewport, size] of [
      ["en", undefined, 360],
      ["fr", desktop, 1280],
      ["en", desktop, 1280],
    ] as const) {
      const page = await env.signIn(worker, { language, ...(viewport ? { viewport } : {}) });
      const said = words[language];
      await page.goto(form);
      await page.getByRole("heading", { name: said.title }).waitFor();
      await page.getByLabel(said.day, { exact: true }).fill(daysAgo(7));
      await page.getByLabel(said.time, { exact: true }).fill("15:00");
      if (shots)
        await page.screenshot({ path: `${shots}/late-entry-past-${language}-${size}.png`, fullPage: true });
      await page.getByLabel(said.day, { exact: true }).fill("2015-03-31");
      await page.getByRole("button", { name: said.save }).click();
      await page.getByText(said.rule).waitFor();
      if (shots) {
        await page.screenshot({
          path: `${shots}/late-entry-refused-${language}-${size}.png`,
          fullPage: true,
        });
        await page
          .locator("fieldset.happened-at")
          .screenshot({ path: `${shots}/late-entry-when-refused-${language}-${size}.png` });
      }
      await page.context().close();
    }
  });

  it("a coordinator moves the start date back on the settings page, never after the earliest record", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (date de début e2e)" });
    const coordinator = await member(organisation, ["COORDINATOR"]);
    await pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
       VALUES ($1, $2, '2016-05-10T16:00:00Z', 'IN_PERSON', 'WORKPLACE', '{}')`,
      [organisation.id, coordinator.id],
    );
    for (const [language, viewport, size] of [
      ["fr", undefined, 360],
      ["en", desktop, 1280],
    ] as const) {
      const page = await env.signIn(coordinator, { language, ...(viewport ? { viewport } : {}) });
      await page.goto(`${env.server.url}/reglages`);
      const card = page.getByRole("article", {
        name: language === "fr" ? "Date de début de l’organisme" : "The organisation’s start date",
      });
      await card
        .getByText(
          language === "fr"
            ? "La fiche la plus ancienne est datée du 10 mai 2016 : la date de début ne peut pas être après."
            : "The earliest record is dated May 10, 2016: the start date cannot be later than that.",
        )
        .waitFor();
      const box = card.getByLabel(language === "fr" ? "Date de début" : "Start date", { exact: true });
      await box.fill("2017-01-01");
      await card
        .getByRole("button", {
          name: language === "fr" ? "Enregistrer la date de début" : "Save the start date",
        })
        .click();
      await card
        .getByText(
          language === "fr"
            ? "Des fiches de l'organisme sont datées du 10 mai 2016 : la date de début ne peut pas être après cette date."
            : "Some of the organisation's records are dated May 10, 2016: the start date cannot be later than that.",
        )
        .waitFor();
      expect(await box.getAttribute("aria-invalid")).toBe("true");
      if (shots) await card.screenshot({ path: `${shots}/start-date-refused-${language}-${size}.png` });
      await box.fill(language === "fr" ? "2015-04-01" : "2014-09-01");
      await card
        .getByRole("button", {
          name: language === "fr" ? "Enregistrer la date de début" : "Save the start date",
        })
        .click();
      await card
        .getByRole("status")
        .filter({ hasText: language === "fr" ? "Date de début enregistrée." : "Start date saved." })
        .waitFor();
      if (shots) await card.screenshot({ path: `${shots}/start-date-saved-${language}-${size}.png` });
      await page.context().close();
    }
    const { rows } = await pool.query<{ day: string }>(
      "SELECT to_char(started_on, 'YYYY-MM-DD') AS day FROM organisations WHERE id = $1",
      [organisation.id],
    );
    expect(rows[0]?.day).toBe("2014-09-01");
  });
});
