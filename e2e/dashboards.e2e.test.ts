// Dashboards on a phone: a coordinator reads her organisation's exact counts; a follow-up
// committee member reads the partnership's with every small count, and the cell hidden beside it,
// under the same mark, and no person anywhere.

import { createPerson, createUser } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

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

/**
 * The count in a table's row as a screen reader says it (a suppressed one: "masqué"), and as it is
 * seen (a suppressed one: "x").
 */
async function countIn(page: Page, table: string, row: string): Promise<{ said: string; seen: string }> {
  const cell = page
    .getByRole("region", { name: table })
    .getByRole("row", { name: new RegExp(`^${row} `) })
    .getByRole("cell");
  const said = await cell.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"]'))) hidden.remove();
    return (copy.textContent ?? "").trim();
  });
  const seen = await cell.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of Array.from(copy.querySelectorAll(".visually-hidden"))) hidden.remove();
    return (copy.textContent ?? "").trim();
  });
  return { said, seen };
}

const shown = (count: string) => ({ said: count, seen: count });
const suppressed = { said: "masqué", seen: "x" };

describe.skipIf(browserMissing)("dashboards", () => {
  it("shows a coordinator exact counts and a committee member suppressed ones", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const {
      street: owner,
      health: partner,
      partnership,
    } = await partners({ street: "Rue (tableaux e2e)", health: "Santé publique (tableaux e2e)" });
    const worker = await member(owner, ["OUTREACH_WORKER"]);
    const coordinator = await member(owner, ["COORDINATOR"]);
    const committeeMember = await createUser(pool, {
      memberships: [{ organisationId: partner.id, roles: [] }],
      committeePartnershipIds: [partnership.id],
    });
    const person = await createPerson(pool, { organisationId: owner.id, alias: "Zélie" });
    const fiscalYear = lastFiscalYear();
    // 12 at a workplace (one person), 3 in a bar, 9 at home; all in last fiscal year.
    for (const [place, count] of [
      ["WORKPLACE", 12],
      ["BAR", 3],
      ["HOME", 9],
    ] as const) {
      await pool.query(
        `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes)
         SELECT $1, CASE WHEN $4::text = 'WORKPLACE' THEN $3::uuid END, $2,
                make_timestamptz($5, 5, 1, 12, 0, 0, 'America/Toronto') + make_interval(days => g),
                'IN_PERSON', $4::"PlaceType", '{SEXUALITY}'
           FROM generate_series(1, $6) g`,
        [owner.id, worker.id, person.id, place, fiscalYear, count],
      );
    }

    const open = async (user: { email: string; password: string }) => {
      const page = await env.signIn(user, { timezoneId: "America/Toronto" });
      // The menu's link, or the home screen's team card once it is drawn: both open the dashboard.
      await page.getByRole("link", { name: "Tableau de bord", exact: true }).first().click();
      await page.getByLabel("Année financière").selectOption(String(fiscalYear));
      await page.getByRole("region", { name: "Lieux des rencontres" }).getByRole("table").waitFor();
      return page;
    };

    const coordinatorPage = await open(coordinator);
    await coordinatorPage.getByRole("heading", { name: "Indicateurs de Rue (tableaux e2e)" }).waitFor();
    await coordinatorPage.getByText("Vue de la coordination : nombres exacts de votre organisme.").waitFor();
    expect(await countIn(coordinatorPage, "Lieux des rencontres", "Milieu de travail")).toEqual(shown("12"));
    expect(await countIn(coordinatorPage, "Lieux des rencontres", "Bar")).toEqual(shown("3"));
    expect(await countIn(coordinatorPage, "Lieux des rencontres", "Domicile")).toEqual(shown("9"));
    expect(await countIn(coordinatorPage, "Lieux des rencontres", "Total")).toEqual(shown("24"));
    expect(await coordinatorPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await coordinatorPage.context().close();

    const committeePage = await open(committeeMember);
    await committeePage
      .getByRole("heading", { name: `Indicateurs du partenariat ${partnership.name}` })
      .waitFor();
    await committeePage.getByText(/tout nombre de 1 à 4 est masqué/).waitFor();
    expect(await countIn(committeePage, "Lieux des rencontres", "Milieu de travail")).toEqual(shown("12"));
    // Bar (3) is small; Domicile (9) is hidden beside it: both read the same, neither says "< 5".
    expect(await countIn(committeePage, "Lieux des rencontres", "Bar")).toEqual(suppressed);
    expect(await countIn(committeePage, "Lieux des rencontres", "Domicile")).toEqual(suppressed);
    expect(await countIn(committeePage, "Lieux des rencontres", "Total")).toEqual(shown("24"));
    const text = (await committeePage.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Zélie");
    expect(text).not.toMatch(/\b3\b|\b9\b|< 5/);
    expect(await committeePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await committeePage.context().close();
  });
});
