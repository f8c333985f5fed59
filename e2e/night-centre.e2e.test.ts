// Issue 15 (item 2): a night-centre evening on a 360×740 phone, counted in taps and keystrokes from
// the home screen: open tonight's evening (the previous evening's handover read first), check in
// three visitors — a known person on her first visit (the intake form opens), an anonymous visitor,
// and a known person back again (no intake) —, record what the first received, write the handover,
// close the evening behind a confirmation and read its totals. Then each screen in French and
// English at 360 and 1280 px (screenshots in SCREENSHOTS_DIR when set).
import { createOrganisation, createPerson } from "@maillage/db/factories";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;
const yesterdaysHandover = "Douche du fond en panne ; la clinique dentaire revient jeudi.";

function counter(page: Page) {
  const counts = { taps: 0, keystrokes: 0 };
  return {
    counts,
    async tap(target: Locator) {
      counts.taps += 1;
      await target.tap();
    },
    /** Typed into whatever has the focus (no tap: the screen put the focus there). */
    async type(text: string) {
      counts.keystrokes += text.length;
      await page.keyboard.type(text);
    },
  };
}

/** A status said where the person looks: in the phone's screen, and focused. */
async function focusedStatus(page: Page, text: string | RegExp) {
  const status = page.getByRole("status").filter({ hasText: text });
  await status.waitFor();
  await expect.poll(() => status.evaluate((element) => element === document.activeElement)).toBe(true);
  await expect
    .poll(async () => {
      const box = await status.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 740;
    })
    .toBe(true);
}

/**
 * A check-in's outcome, said and focused: sent ("Entrée inscrite : …"), or — when the phone's
 * queue was busy sending another entry at that moment — kept and sent right after.
 */
function checkedIn(page: Page, who: string) {
  return focusedStatus(page, new RegExp(`Entrée inscrite : ${who}|Entrée gardée sur le téléphone`));
}

/**
 * The rows of the indicator table captioned `title` (drawn or not: the chart's table is always in
 * the page for screen readers): each category and its count as seen (without the words only screen
 * readers get).
 */
function countsOf(page: Page, title: string): Promise<string[][]> {
  return page.getByRole("table", { name: title, exact: true }).evaluate((table) =>
    Array.from(table.querySelectorAll("tbody tr")).map((row) => {
      const count = row.querySelector("td")?.cloneNode(true) as HTMLElement | undefined;
      for (const hidden of Array.from(count?.querySelectorAll(".visually-hidden") ?? [])) hidden.remove();
      return [(row.querySelector("th")?.textContent ?? "").trim(), (count?.textContent ?? "").trim()];
    }),
  );
}

/** A night centre with yesterday's evening (closed, with its handover) where `regular` came. */
async function centreWithYesterday(
  pool: ReturnType<typeof testData>["pool"],
  organisationId: string,
  worker: { id: string },
  regular: { id: string },
) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO venues (organisation_id, name, kind, confidential, address)
     VALUES ($1, 'Halte de nuit', 'NIGHT_CENTRE', true, '12 rue Discrète') RETURNING id`,
    [organisationId],
  );
  const venue = rows[0]?.id;
  const { rows: evenings } = await pool.query<{ id: string }>(
    `INSERT INTO night_centre_evenings (organisation_id, venue_id, evening_on, staff_ids, opened_by_id, opened_at, closed_at, closed_by_id)
     VALUES ($1, $2, (now() AT TIME ZONE 'America/Toronto')::date - 1, ARRAY[$3]::uuid[], $3, now() - interval '1 day',
             now() - interval '20 hours', $3)
     RETURNING id`,
    [organisationId, venue, worker.id],
  );
  const evening = evenings[0]?.id;
  await pool.query(
    `INSERT INTO night_centre_handover_notes (evening_id, organisation_id, body, written_by_id) VALUES ($1, $2, $3, $4)`,
    [evening, organisationId, yesterdaysHandover, worker.id],
  );
  await pool.query(
    `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, venue_id, evening_id)
     VALUES ($1, $2, $3, now() - interval '22 hours', 'IN_PERSON', 'NIGHT_CENTRE', $4, $5)`,
    [organisationId, regular.id, worker.id, venue, evening],
  );
  await pool.query(
    `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing) VALUES ($1, $2, $3, 'LONG_TERM')`,
    [organisationId, regular.id, worker.id],
  );
  return venue;
}

describe.skipIf(browserMissing)("a night-centre evening", () => {
  it("opens, checks in three visitors (one anonymous, one first visit with intake) and closes, on a 360×740 phone", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Halte (soirée e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"], "Léa Veille");
    const newcomer = await createPerson(pool, { organisationId: organisation.id, alias: "Mirabelle" });
    const regular = await createPerson(pool, { organisationId: organisation.id, alias: "Rosalie" });
    await centreWithYesterday(pool, organisation.id, worker, regular);

    const page = await env.signIn(worker, { hasTouch: true, isMobile: true });
    const shot = async (name: string) => {
      if (shots) await page.screenshot({ path: `${shots}/${name}-fr-360.png`, fullPage: true });
    };
    const { counts, tap, type } = counter(page);

    // Open tonight's evening: yesterday's handover is read first, the viewer is on duty already.
    await tap(page.getByRole("link", { name: "Centre de nuit" }).first());
    const previous = page.getByRole("region", { name: /Relève de la soirée précédente/ });
    await previous.getByText(yesterdaysHandover).waitFor();
    expect(await page.getByRole("button", { name: "Léa Veille" }).getAttribute("aria-pressed")).toBe("true");
    await shot("night-open");
    await tap(page.getByRole("button", { name: "Ouvrir la soirée" }));
    await page.getByRole("heading", { level: 1, name: /Halte de nuit/ }).waitFor();
    // The evening's own screen reads the previous evening's handover first, too.
    await page
      .getByRole("region", { name: /Relève de la soirée précédente/ })
      .getByText(yesterdaysHandover)
      .waitFor();

    // 1. A known person, her first visit: the intake form opens at once.
    const addVisitor = page.getByRole("button", { name: "+ Visiteur·euse" });
    await tap(addVisitor);
    await type("mirabelle");
    await tap(page.getByRole("button", { name: "Choisir Mirabelle" }));
    await shot("night-check-in");
    await tap(page.getByRole("button", { name: "Inscrire l’entrée" }));
    const intake = page.getByRole("region", { name: "Formulaire d’accueil — Mirabelle" });
    await intake.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Formulaire d’accueil — Mirabelle");
    const domain = (name: string) => intake.getByRole("group", { name });
    await tap(domain("Logement").getByRole("button", { name: "Immédiat" }));
    await tap(domain("Santé").getByRole("button", { name: "À long terme" }));
    await tap(domain("Sécurité").getByRole("button", { name: "Immédiat" }));
    await shot("night-intake");
    await tap(intake.getByRole("button", { name: "Enregistrer l’accueil" }));
    await focusedStatus(page, "Accueil enregistré : Mirabelle.");

    // 2. An anonymous visitor: gender and age, one tap each.
    await tap(addVisitor);
    await tap(page.getByRole("button", { name: "Anonyme", exact: true }));
    await tap(page.getByRole("button", { name: "Femme", exact: true }));
    await tap(page.getByRole("button", { name: "26–35 ans" }));
    await tap(page.getByRole("button", { name: "Inscrire l’entrée" }));
    await checkedIn(page, "Anonyme");

    // 3. Rosalie, back again: no intake is offered.
    await tap(page.getByRole("button", { name: "Personne connue" }));
    await type("rosalie");
    await tap(page.getByRole("button", { name: "Choisir Rosalie" }));
    await tap(page.getByRole("button", { name: "Inscrire l’entrée" }));
    await checkedIn(page, "Rosalie");
    await page.getByRole("heading", { name: "3 entrées ce soir" }).waitFor();
    expect(await page.getByRole("region", { name: /Formulaire d’accueil/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Remplir l’accueil/ }).count()).toBe(0);

    // What Mirabelle received: a tap on her row, a meal and five condoms.
    await tap(page.getByRole("button", { name: /^Mirabelle/ }));
    await tap(page.getByRole("button", { name: "Repas", exact: true }));
    await tap(page.getByRole("button", { name: "Condoms : 5" }));
    await shot("night-received");
    await tap(page.getByRole("button", { name: /^Enregistrer — Ce qu’a reçu Mirabelle/ }));
    await focusedStatus(page, "Enregistré : ce qu’a reçu Mirabelle.");
    await page.getByText("Reçu : Repas, Condoms × 5").waitFor();

    // The handover for the next shift.
    const handover = "Mirabelle cherche un logement : la rappeler lundi.";
    // One tap on the box (Playwright's touch tap leaves a text area without typed input in
    // emulation, so the tap is sent as a click: still one tap), then the text.
    counts.taps += 1;
    await page.getByLabel("Notes de relève").click();
    await type(handover);
    await tap(page.getByRole("button", { name: "Enregistrer la relève" }));
    await focusedStatus(page, "Relève enregistrée.");
    await shot("night-evening");

    // Closed behind a confirmation, with its totals.
    await tap(page.getByRole("button", { name: "Fermer la soirée…" }));
    const dialog = page.getByRole("alertdialog", { name: "Fermer la soirée" });
    await dialog.waitFor();
    await shot("night-close-confirm");
    await tap(dialog.getByRole("button", { name: "Oui, fermer la soirée" }));
    const totals = page.getByRole("region", { name: "Bilan de la soirée" });
    await totals.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Bilan de la soirée");
    const tiles = await totals
      .locator("dl > div")
      .evaluateAll((items) =>
        Object.fromEntries(
          items.map((item) => [item.querySelector("dt")?.textContent, item.querySelector("dd")?.textContent]),
        ),
      );
    expect(tiles).toEqual({
      Visites: "3",
      "Personnes différentes": "3",
      "Premières visites": "1",
      "Entrées inscrites": "3",
    });
    await totals.getByRole("row", { name: "Condoms 5" }).waitFor();
    await totals.getByRole("row", { name: "Repas 1" }).waitFor();
    expect(await page.getByRole("button", { name: "+ Visiteur·euse" }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot("night-closed");

    console.log(
      `Night-centre evening on 360×740 from home (open, 3 check-ins with 1 intake of 3 answers, what one received, handover, close): ` +
        `${counts.taps} taps + ${counts.keystrokes} keystrokes (${"mirabelle".length + "rosalie".length} of them the two aliases, ${handover.length} the handover)`,
    );

    // What was written: three visits of the evening, one intake, the items once.
    const { rows } = await pool.query(
      `SELECT p.alias, e.anonymous_gender AS gender, e.place_type AS place,
              (SELECT array_agg(m.item || ':' || m.quantity) FROM encounter_materials m WHERE m.encounter_id = e.id)::text[] AS items,
              (SELECT array_agg(s.service) FROM encounter_services s WHERE s.encounter_id = e.id)::text[] AS services
         FROM encounters e JOIN night_centre_evenings v ON v.id = e.evening_id LEFT JOIN persons p ON p.id = e.person_id
        WHERE v.organisation_id = $1 AND v.opened_at > now() - interval '1 hour'
        ORDER BY e.occurred_at`,
      [organisation.id],
    );
    expect(rows).toEqual([
      { alias: "Mirabelle", gender: null, place: "NIGHT_CENTRE", items: ["CONDOMS:5"], services: ["MEAL"] },
      { alias: null, gender: "WOMAN", place: "NIGHT_CENTRE", items: null, services: null },
      { alias: "Rosalie", gender: null, place: "NIGHT_CENTRE", items: null, services: null },
    ]);
    const { rows: intakes } = await pool.query(
      "SELECT housing, health, safety, justice FROM intake_assessments WHERE person_id = $1",
      [newcomer.id],
    );
    expect(intakes).toEqual([
      { housing: "IMMEDIATE", health: "LONG_TERM", safety: "IMMEDIATE", justice: null },
    ]);

    // Her file shows the intake's answers.
    await page.goto(
      `${env.server.url}/personnes/${encodeURIComponent(Buffer.from(`Person:${newcomer.id}`).toString("base64"))}`,
    );
    const section = page.getByRole("region", { name: "Formulaire d’accueil" });
    await section.getByText("Rempli le", { exact: false }).waitFor();
    await shot("night-person-intake");
  });

  it.each([
    ["en", phone],
    ["fr", desktop],
    ["en", desktop],
  ] as const)("every screen reads in %s at %o", async (language, viewport) => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, {
      name: `Halte (écrans ${language} ${viewport.width})`,
    });
    const worker = await member(organisation, ["OUTREACH_WORKER"], "Léa Veille");
    const coordinator = await member(organisation, ["COORDINATOR"], "Sam Coord");
    const newcomer = await createPerson(pool, { organisationId: organisation.id, alias: "Mirabelle" });
    const regular = await createPerson(pool, { organisationId: organisation.id, alias: "Rosalie" });
    await centreWithYesterday(pool, organisation.id, worker, regular);
    const en = language === "en";
    const page = await env.signIn(worker, { language, viewport });
    const shot = async (name: string) => {
      if (shots)
        await page.screenshot({ path: `${shots}/${name}-${language}-${viewport.width}.png`, fullPage: true });
    };
    await page
      .getByRole("link", { name: en ? "Night centre" : "Centre de nuit" })
      .first()
      .click();
    await page.getByText(yesterdaysHandover).waitFor();
    await shot("night-open");
    await page.getByRole("button", { name: en ? "Open the evening" : "Ouvrir la soirée" }).click();
    await page.getByRole("button", { name: en ? "+ Visitor" : "+ Visiteur·euse" }).click();
    await page.keyboard.type("mirabelle");
    await page.getByRole("button", { name: en ? "Choose Mirabelle" : "Choisir Mirabelle" }).click();
    await shot("night-check-in");
    await page.getByRole("button", { name: en ? "Check in" : "Inscrire l’entrée" }).click();
    const intake = page.getByRole("region", {
      name: en ? "Intake form — Mirabelle" : "Formulaire d’accueil — Mirabelle",
    });
    await intake.waitFor();
    await intake
      .getByRole("group", { name: en ? "Housing" : "Logement" })
      .getByRole("button", { name: en ? "Immediate" : "Immédiat" })
      .click();
    await shot("night-intake");
    await intake.getByRole("button", { name: en ? "Save the intake" : "Enregistrer l’accueil" }).click();
    await page.getByRole("status").filter({ hasText: "Mirabelle" }).waitFor();
    await page.getByRole("button", { name: /^Mirabelle/ }).click();
    await page.getByRole("button", { name: en ? "Meal" : "Repas", exact: true }).click();
    await shot("night-received");
    await page
      .getByRole("button", {
        name: en ? /^Save — What Mirabelle received/ : /^Enregistrer — Ce qu’a reçu Mirabelle/,
      })
      .click();
    await page.getByRole("status").filter({ hasText: "Mirabelle" }).waitFor();
    await shot("night-evening");
    await page.getByRole("button", { name: en ? "Close the evening…" : "Fermer la soirée…" }).click();
    await shot("night-close-confirm");
    await page.getByRole("button", { name: en ? "Yes, close the evening" : "Oui, fermer la soirée" }).click();
    await page.getByRole("region", { name: en ? "The evening’s totals" : "Bilan de la soirée" }).waitFor();
    await shot("night-closed");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await page.goto(
      `${env.server.url}/personnes/${encodeURIComponent(Buffer.from(`Person:${newcomer.id}`).toString("base64"))}`,
    );
    await page
      .getByRole("region", { name: en ? "Intake form" : "Formulaire d’accueil" })
      .getByText(en ? "Filled in on" : "Rempli le", { exact: false })
      .waitFor();
    await shot("night-person-intake");

    // The coordinator's dashboard counts the intake's answers.
    const lead = await env.signIn(coordinator, { language, viewport });
    await lead
      .getByRole("link", { name: en ? "Dashboard" : "Tableau de bord" })
      .first()
      .click();
    // Both intakes of the year: Rosalie's earlier one and Mirabelle's tonight.
    const intakesMade = en ? "Intake forms filled in" : "Formulaires d'accueil remplis";
    const intakes = lead
      .locator(".indicator-tile")
      .filter({ has: lead.getByText(intakesMade, { exact: true }) });
    expect(await intakes.locator(".tile__value").textContent()).toBe("2");
    const housing = en ? "Needs noted at intake: housing" : "Besoins notés à l'accueil : logement";
    const needs = lead.getByRole("region", { name: housing, exact: true });
    // Mirabelle's immediate need, and Rosalie's long-term one from her earlier intake: exact, none hidden.
    const counts = await countsOf(lead, housing);
    expect(counts).toEqual(
      en
        ? [
            ["No need", "0"],
            ["Long-term need", "1"],
            ["Immediate need", "1"],
            ["Not asked", "0"],
          ]
        : [
            ["Aucun besoin", "0"],
            ["Besoin à long terme", "1"],
            ["Besoin immédiat", "1"],
            ["Non demandé", "0"],
          ],
    );
    // The table in the chart's place, as the screenshot shows it.
    await needs.getByRole("button", { name: en ? "Show the table" : "Voir le tableau" }).click();
    await needs.getByRole("button", { name: en ? "Show the chart" : "Voir le graphique" }).waitFor();
    if (shots) await needs.screenshot({ path: `${shots}/night-dashboard-${language}-${viewport.width}.png` });
  });
});
