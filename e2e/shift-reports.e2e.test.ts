// Issue 15 (item 6): a street team's shift log on a 360×740 phone. A worker writes tonight's report
// by taps (venue, teammate, partners), with handover notes; her teammate's home screen then opens
// on that handover, and the venue visited has left the overdue list. In French and English, at
// 360 px and on a desktop.
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();
const shots = process.env.SCREENSHOTS_DIR;
const handover = "Salon Jade : nouvelle gérante, repasser jeudi avec la trousse de naloxone.";

describe.skipIf(browserMissing)("shift log", () => {
  it("writes tonight's report by taps and the next worker reads its handover first on her home screen", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street } = await partners({ street: "Rue (quart e2e)", health: "Santé (quart e2e)" });
    const worker = await member(street, ["OUTREACH_WORKER"], "Camille Quart");
    const teammate = await member(street, ["OUTREACH_WORKER"], "Noé Relève");
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days)
       VALUES ($1, 'Salon Jade', 'MASSAGE_PARLOUR', 7), ($1, 'Bar Lune', 'DANCERS_BAR', 7) RETURNING id`,
      [street.id],
    );
    const jade = rows[0]?.id;
    // Jade was last seen ten days ago: overdue on the weekly cadence. Lune, yesterday.
    await pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, anonymous_gender, anonymous_age_bracket)
       VALUES ($1, $2, now() - interval '10 days', 'IN_PERSON', 'WORKPLACE', $3, 'WOMAN', 'UNKNOWN'),
              ($1, $2, now() - interval '1 day', 'IN_PERSON', 'WORKPLACE', $4, 'WOMAN', 'UNKNOWN')`,
      [street.id, worker.id, jade, rows[1]?.id],
    );

    const page = await env.signIn(worker);
    await page.getByRole("link", { name: "Journal de quart" }).first().click();
    await page.getByRole("heading", { name: "Journal de quart", level: 1 }).waitFor();
    await page.getByText("Aucun rapport de quart pour l’instant.").waitFor();

    // Every choice is a tap: the venue visited, the teammate, the partners alongside.
    const form = page.getByRole("form", { name: "Rapport de ce soir" });
    await form.getByRole("button", { name: "Salon Jade (en retard)" }).click();
    await form.getByRole("button", { name: "Noé Relève" }).click();
    await form.getByRole("button", { name: "Santé (quart e2e)" }).click();
    await form.getByRole("button", { name: "Une co-intervention de plus avec Santé (quart e2e)" }).click();
    await form.getByLabel("Autre partenaire (hors partenariat)").fill("Clinique mobile");
    await form.getByRole("button", { name: "Ajouter" }).click();
    await form.getByLabel("Notes de relève pour l’équipe suivante").fill(handover);
    expect(
      await form.getByRole("button", { name: "Salon Jade (en retard)" }).getAttribute("aria-pressed"),
    ).toBe("true");
    expect(await form.getByRole("button", { name: "Camille Quart" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    if (shots) await page.screenshot({ path: `${shots}/shift-form-fr-360.png`, fullPage: true });
    await form.getByRole("button", { name: "Enregistrer le rapport" }).click();

    // Said where the thumb is, and focused for a screen reader.
    const saved = form.getByRole("status").filter({ hasText: "Rapport enregistré." });
    await saved.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    const { rows: written } = await pool.query(
      `SELECT (SELECT count(*)::int FROM shift_report_venues v WHERE v.shift_report_id = r.id) AS venues,
              (SELECT count(*)::int FROM shift_report_members m WHERE m.shift_report_id = r.id) AS members,
              (SELECT sum(p.interventions)::int FROM shift_report_partners p WHERE p.shift_report_id = r.id) AS co,
              (SELECT body FROM shift_handover_notes n WHERE n.shift_report_id = r.id) AS note
         FROM shift_reports r WHERE r.organisation_id = $1`,
      [street.id],
    );
    expect(written).toEqual([{ venues: 1, members: 2, co: 3, note: handover }]);
    const latest = page.getByRole("region", { name: "Dernier quart" });
    await latest.getByText(handover).waitFor();
    await latest.getByText("Santé (quart e2e) : 2 co-interventions", { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    if (shots) await page.screenshot({ path: `${shots}/shift-log-saved-fr-360.png`, fullPage: true });

    // The next shift: the teammate's home screen opens on the handover; Jade is no longer due.
    const next = await env.signIn(teammate);
    const card = next.getByRole("region", { name: "Relève du dernier quart" });
    await card.getByText(handover).waitFor();
    await card.getByText(/Camille Quart/).waitFor();
    const venues = next.getByRole("region", { name: "Milieux à visiter" });
    await venues.waitFor();
    expect(await venues.getByRole("link", { name: "Salon Jade" }).count()).toBe(0);
    // The handover comes before every other card of the day.
    const first = await next.evaluate(
      () => document.querySelector(".today > section")?.getAttribute("class") ?? "",
    );
    expect(first).toContain("today-handover");
    expect(await next.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    if (shots) await next.screenshot({ path: `${shots}/home-handover-fr-360.png`, fullPage: true });
    await next.getByRole("link", { name: "Journal de quart" }).first().click();
    await next.getByRole("heading", { name: "Journal de quart", level: 1 }).waitFor();
    if (shots) await next.screenshot({ path: `${shots}/shift-log-fr-360.png`, fullPage: true });

    // In English, on a phone and on a desktop; and in French on a desktop.
    const english = await env.signIn(teammate, { language: "en" });
    await english.getByRole("region", { name: "Handover from the last shift" }).getByText(handover).waitFor();
    await english.getByRole("link", { name: "Shift log" }).first().click();
    await english.getByRole("form", { name: "Tonight's report" }).waitFor();
    if (shots) await english.screenshot({ path: `${shots}/shift-log-en-360.png`, fullPage: true });
    const wide = await env.signIn(teammate, { language: "en", viewport: desktop });
    await wide.getByRole("region", { name: "Handover from the last shift" }).getByText(handover).waitFor();
    if (shots) await wide.screenshot({ path: `${shots}/home-handover-en-1280.png`, fullPage: true });
    await wide.getByRole("link", { name: "Shift log" }).first().click();
    await wide.getByRole("form", { name: "Tonight's report" }).waitFor();
    if (shots) await wide.screenshot({ path: `${shots}/shift-log-en-1280.png`, fullPage: true });
    // Its author changes it in the same form (one more venue), then deletes it, once asked.
    const wideFr = await env.signIn(worker, { viewport: desktop });
    await wideFr.getByRole("link", { name: "Journal de quart" }).first().click();
    await wideFr.getByRole("button", { name: /^Modifier le rapport du quart/ }).click();
    const editing = wideFr.getByRole("form", { name: /^Modifier le rapport du quart/ });
    await editing.getByRole("button", { name: "Bar Lune" }).click();
    expect(await editing.getByLabel("Notes de relève pour l’équipe suivante").inputValue()).toBe(handover);
    if (shots) await wideFr.screenshot({ path: `${shots}/shift-log-edit-fr-1280.png`, fullPage: true });
    await editing.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await wideFr
      .getByRole("form", { name: "Rapport de ce soir" })
      .getByRole("status")
      .getByText("Rapport modifié.")
      .waitFor();
    await expect
      .poll(() => wideFr.evaluate(() => document.activeElement?.textContent))
      .toBe("Rapport modifié.");
    await wideFr.getByRole("region", { name: "Dernier quart" }).getByText("Bar Lune, Salon Jade").waitFor();
    await wideFr.getByRole("button", { name: /^Supprimer le rapport du quart/ }).click();
    await wideFr.getByRole("alertdialog").waitFor();
    if (shots) await wideFr.screenshot({ path: `${shots}/shift-log-delete-fr-1280.png`, fullPage: true });
    await wideFr.getByRole("alertdialog").getByRole("button", { name: "Supprimer" }).click();
    await wideFr.getByRole("status").getByText("Rapport supprimé.").waitFor();
    await wideFr.getByText("Aucun rapport de quart pour l’instant.").waitFor();
    expect(
      (await pool.query("SELECT 1 FROM shift_reports WHERE organisation_id = $1", [street.id])).rowCount,
    ).toBe(0);
    for (const opened of [page, next, english, wide, wideFr]) await opened.context().close();
  });
});
