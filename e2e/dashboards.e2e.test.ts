// Dashboards on a phone: a coordinator reads her organisation's exact counts and downloads them as
// CSV; a follow-up committee member reads a quarter of the partnership's, where every small count
// and what is hidden beside it read "x" (said "masqué"), and no person appears anywhere.

import { readFile } from "node:fs/promises";
import { createOrganisation, createPerson, createUser } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, type Language, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;

/** Last fiscal year (1 April – 31 March, Toronto): wholly past, whatever day the test runs. */
function lastFiscalYear(): number {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Toronto",
    year: "numeric",
    month: "numeric",
  })
    .formatToParts(new Date())
    .filter((part) => part.type === "year" || part.type === "month")
    .map((part) => Number(part.value));
  return (month ?? 1) >= 4 ? (year ?? 0) - 1 : (year ?? 0) - 2;
}

/** A table's body and foot rows: the row's heading, and each cell as seen and as a screen reader says it. */
interface Row {
  label: string;
  seen: string[];
  said: string[];
}

/**
 * The rows of the table captioned `title` (drawn or not: the chart's table is always in the page
 * for screen readers). Seen: without the words only screen readers get; said: without what is
 * hidden from them. Spaces (a percentage's narrow no-break one) read as plain spaces.
 */
function rowsOf(page: Page, title: string): Promise<Row[]> {
  return page.getByRole("table", { name: title, exact: true }).evaluate((table) => {
    const read = (cell: Element, dropped: string) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll(dropped))) hidden.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    };
    return Array.from(table.querySelectorAll("tbody tr, tfoot tr")).map((row) => {
      const cells = Array.from(row.querySelectorAll("td"));
      return {
        label: (row.querySelector("th")?.textContent ?? "").trim(),
        seen: cells.map((cell) => read(cell, ".visually-hidden")),
        said: cells.map((cell) => read(cell, '[aria-hidden="true"]')),
      };
    });
  });
}

/** Every cell of every indicator table of the page, as seen. */
function everyCellSeen(page: Page): Promise<string[]> {
  return page.locator("main table td").evaluateAll((cells) =>
    cells.map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll(".visually-hidden"))) hidden.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
}

const row = (rows: Row[], label: string) => {
  const found = rows.find((each) => each.label === label);
  if (!found) throw new Error(`No row ${label} in ${JSON.stringify(rows)}`);
  return found;
};

/** Every table's rows, as rowsOf reads them. */
function allRowsOf(page: Page): Promise<Row[]> {
  return page.locator("main table").evaluateAll((tables) =>
    tables.flatMap((table) => {
      const read = (cell: Element, dropped: string) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        for (const hidden of Array.from(copy.querySelectorAll(dropped))) hidden.remove();
        return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
      };
      return Array.from(table.querySelectorAll("tbody tr")).map((row) => {
        const cells = Array.from(row.querySelectorAll("td"));
        return {
          label: (row.querySelector("th")?.textContent ?? "").trim(),
          seen: cells.map((cell) => read(cell, ".visually-hidden")),
          said: cells.map((cell) => read(cell, '[aria-hidden="true"]')),
        };
      });
    }),
  );
}

/** With SCREENSHOTS_DIR: the page in French and English, on a phone and a desktop. */
async function screenshots(page: Page, name: string) {
  for (const [language, viewport] of [
    ["fr", phone],
    ["fr", desktop],
    ["en", desktop],
    ["en", phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.getByRole("button", { name: language.toUpperCase(), exact: true }).click();
    await page
      .getByRole("heading", { level: 1, name: language === "fr" ? /^Indicateurs/ : /^Indicators/ })
      .waitFor();
    await page.screenshot({ path: `${shots}/${name}-${language}-${viewport.width}.png`, fullPage: true });
  }
  await page.getByRole("button", { name: "FR", exact: true }).click();
}

const byPlace = "Rencontres selon le type de lieu";

describe.skipIf(browserMissing)("dashboards", () => {
  it("shows a coordinator exact counts and their CSV, a committee member a protected quarter", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const fiscalYear = lastFiscalYear();
    const yearName = `${fiscalYear}–${fiscalYear + 1}`;

    /**
     * `count` in-person encounters of `organisation` at `place`, from the `day`th of `month` of the
     * fiscal year (1 = April … 12 = March), one a day at noon in Toronto, of `person` when given.
     */
    const encounters = async (
      organisation: { id: string },
      author: { id: string },
      place: string,
      count: number,
      month: number,
      person: { id: string } | null = null,
      day = 2,
    ) => {
      await pool.query(
        `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes)
         SELECT $1, $3::uuid, $2,
                make_timestamptz($5 + ($6 + 2) / 12, ($6 + 2) % 12 + 1, $7 + g, 12, 0, 0, 'America/Toronto'),
                'IN_PERSON', $4::"PlaceType", '{SEXUALITY}'
           FROM generate_series(0, $8 - 1) g`,
        [organisation.id, author.id, person?.id ?? null, place, fiscalYear, month, day, count],
      );
    };

    // ── The coordinator's own organisation (no partnership): 12 at a workplace, 3 in a bar, 9 at home.
    const own = await createOrganisation(pool, { name: "Rue (tableaux e2e)" });
    const ownWorker = await member(own, ["OUTREACH_WORKER"]);
    const coordinator = await member(own, ["COORDINATOR"]);
    const ownPerson = await createPerson(pool, { organisationId: own.id, alias: "Zélie" });
    await encounters(own, ownWorker, "WORKPLACE", 12, 2, ownPerson);
    await encounters(own, ownWorker, "BAR", 3, 5);
    await encounters(own, ownWorker, "HOME", 9, 8);

    // ── A partnership: 5 encounters at a workplace every month (60, of one person, Zoé), and 3 in
    // a bar in July (the second quarter). Written before the committee's first read, which
    // computes the day's snapshot.
    const { street, health, partnership } = await partners({
      street: "Rue partenaire (tableaux e2e)",
      health: "Santé publique (tableaux e2e)",
    });
    const streetWorker = await member(street, ["OUTREACH_WORKER"]);
    const zoe = await createPerson(pool, { organisationId: street.id, alias: "Zoé-Lune" });
    for (let month = 1; month <= 12; month += 1)
      await encounters(street, streetWorker, "WORKPLACE", 5, month, zoe);
    await encounters(street, streetWorker, "BAR", 3, 4, null, 20);
    const committeeMember = await createUser(pool, {
      memberships: [{ organisationId: health.id, roles: [] }],
      committeePartnershipIds: [partnership.id],
    });

    const open = async (user: { email: string; password: string }, language: Language = "fr") => {
      const page = await env.signIn(user, { timezoneId: "America/Toronto", language });
      // The menu's link, or the home screen's team card once it is drawn: both open the dashboard.
      await page
        .getByRole("link", { name: language === "fr" ? "Tableau de bord" : "Dashboard", exact: true })
        .first()
        .click();
      await page
        .getByLabel(language === "fr" ? "Année financière" : "Fiscal year")
        .selectOption(String(fiscalYear));
      return page;
    };
    // The period the figures shown are of, once they are drawn (a partnership's first read of a
    // year computes its snapshot first: long, hence the generous ceiling).
    const shownPeriod = (page: Page, label: RegExp) =>
      page
        .locator(".indicator-period__compare span")
        .filter({ hasText: label })
        .waitFor({ timeout: 120_000 });

    // ── The coordinator: exact counts, their shares in French, and the CSV.
    const coordinatorPage = await open(coordinator);
    await coordinatorPage
      .getByRole("heading", { name: "Indicateurs de Rue (tableaux e2e)", level: 1 })
      .waitFor();
    await shownPeriod(coordinatorPage, new RegExp(`^Période\\s:\\sExercice ${yearName}$`));
    await coordinatorPage
      .getByRole("note")
      .filter({ hasText: "Chiffres exacts de votre organisme, à jour." })
      .waitFor();
    const ownRows = await rowsOf(coordinatorPage, byPlace);
    expect(row(ownRows, "Milieu de travail").seen.slice(0, 2)).toEqual(["12", "50 %"]);
    expect(row(ownRows, "Bar").seen.slice(0, 2)).toEqual(["3", "12,5 %"]);
    expect(row(ownRows, "Domicile").seen.slice(0, 2)).toEqual(["9", "37,5 %"]);
    expect(row(ownRows, "Bureau").seen[0]).toBe("0");
    // Nothing is hidden from her: no count or share of the period, nor a previous count, reads "x".
    expect(
      ownRows
        .flatMap((each) => [...each.seen.slice(0, 3), ...each.said.slice(0, 3)])
        .filter((cell) => /x|masqué/.test(cell)),
    ).toEqual([]);
    // The table in the chart's place, as it is seen.
    const placeCard = coordinatorPage.getByRole("region", { name: byPlace });
    await placeCard.getByRole("button", { name: "Voir le tableau" }).click();
    await placeCard.getByRole("row", { name: /^Milieu de travail 12 50/ }).waitFor();
    await placeCard.getByRole("button", { name: "Voir le graphique" }).waitFor();
    expect(await coordinatorPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );

    const download = coordinatorPage.waitForEvent("download");
    await coordinatorPage.getByRole("button", { name: "Tableaux (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `maillage-indicateurs-fiscal-year-${fiscalYear}-${fiscalYear + 1}.csv`,
    );
    const csv = await readFile((await file.path()) as string, "utf8");
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFFSection,Indicateur,Catégorie,Nombre,Part \(%\),/);
    expect(lines.find((line) => line.includes(byPlace) && line.includes("Milieu de travail"))).toMatch(
      /Milieu de travail,12,"?50,0"?,/,
    );
    await coordinatorPage.getByRole("status").filter({ hasText: "Fichier téléchargé." }).waitFor();
    await coordinatorPage.context().close();

    // ── The committee member: the partnership's second quarter of last year, protected. Her
    // first read of the year computes its snapshot (every range and month, protected together).
    const committeePage = await open(committeeMember);
    await committeePage
      .getByRole("heading", { name: `Indicateurs du partenariat ${partnership.name}`, level: 1 })
      .waitFor();
    await shownPeriod(committeePage, new RegExp(`^Période\\s:\\sExercice ${yearName}$`));
    await committeePage.getByLabel("Partie de l'année").selectOption("Q2");
    await shownPeriod(committeePage, new RegExp(`^Période\\s:\\sT2 ${yearName}$`));
    await committeePage
      .getByRole("note")
      .filter({ hasText: /Les valeurs de 1 à 4 sont masquées \(x\)/ })
      .waitFor();

    // The bar's 3 is hidden: seen "x", said "masqué", and its share too; never "< 5".
    // Every other place is at 0 or hidden that quarter: nothing to draw, the table stands alone.
    const quarterCard = committeePage.getByRole("region", { name: byPlace });
    await quarterCard.getByText(/^À 0, non représentés dans le graphique/).waitFor({ state: "detached" });
    expect(await quarterCard.getByRole("button", { name: "Voir le tableau" }).count()).toBe(0);
    await quarterCard.getByRole("row", { name: /^Bar masqué masqué/ }).waitFor();
    const bar = row(await rowsOf(committeePage, byPlace), "Bar");
    expect(bar.seen.slice(0, 2)).toEqual(["x", "x"]);
    expect(bar.said.slice(0, 2)).toEqual(["masqué", "masqué"]);
    await quarterCard.getByText(/^x : valeur masquée, un nombre de 1 à 4 ou un autre masqué/).waitFor();

    // No count from 1 to 4 in any table (a share may be small: it is not a count).
    const cells = await everyCellSeen(committeePage);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((cell) => /^[1-4]$/.test(cell))).toEqual([]);
    // What protection leaves is shown: somewhere a count of at least 5 with its percentage (the
    // quarter's 18 encounters, all in person, are not small).
    const published = (await allRowsOf(committeePage)).filter(
      (each) => Number(each.seen[0]) >= 5 && /^\d+(,\d)? %$/.test(each.seen[1] ?? ""),
    );
    expect(published.length).toBeGreaterThan(0);
    // No person: neither alias is anywhere on the page.
    const text = (await committeePage.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Zoé");
    expect(text).not.toContain("Zélie");
    expect(text).not.toMatch(/< ?5/);
    expect(await committeePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );

    if (shots) {
      for (const [name, page] of [["committee", committeePage]] as const) await screenshots(page, name);
      const again = await open(coordinator);
      await shownPeriod(again, new RegExp(`^Période\\s:\\sExercice ${yearName}$`));
      await screenshots(again, "coordinator");
      await again.context().close();
    }
    await committeePage.context().close();
  }, 300_000);
});
