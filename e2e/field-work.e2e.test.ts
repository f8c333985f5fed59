// Issue "field work": quick encounter entry on a 360×740 phone, measured (taps and time), an
// accompaniment planned and closed, venues with their overdue flag.

import { createOrganisation, createPerson } from "@maillage/db/factories";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

describe.skipIf(browserMissing)("field work on a phone", () => {
  it("records an anonymous and a person's encounter in a few taps, plans and closes an accompaniment, flags overdue venues", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (terrain e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    await createPerson(pool, { organisationId: organisation.id, alias: "Maëlle" });
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days) VALUES
         ($1, 'Salon Lotus', 'MASSAGE_PARLOUR', 7), ($1, 'Agence Rubis', 'ESCORT_AGENCY', 14) RETURNING id`,
      [organisation.id],
    );
    const rubisId = rows[1]?.id;
    if (!rubisId) throw new Error("The two venues were not created");
    // Rubis was last visited 20 days ago (cadence 14: overdue).
    await pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, themes)
       VALUES ($1, $2, now() - interval '20 days', 'IN_PERSON', 'WORKPLACE', $3, '{}')`,
      [organisation.id, worker.id, rubisId],
    );
    const page = await env.signIn(worker, { hasTouch: true });

    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.click();
    };

    // (a) Anonymous contact: age, two themes, two condoms, submit.
    await page.goto(`${env.server.url}/rencontres/nouvelle`);
    await page.getByRole("heading", { name: "Nouvelle rencontre" }).waitFor();
    let started = performance.now();
    taps = 0;
    await tap(page.getByRole("button", { name: "26–35 ans" }));
    await tap(page.getByRole("button", { name: "Sexualité" }));
    await tap(page.getByRole("button", { name: "Relations sociales" }));
    await tap(page.getByRole("button", { name: "Ajouter : Condoms" }));
    await tap(page.getByRole("button", { name: "Ajouter : Condoms" }));
    await tap(page.getByRole("button", { name: "Enregistrer la rencontre" }));
    await page.getByText("Rencontre enregistrée.").waitFor();
    const anonymous = { taps, milliseconds: Math.round(performance.now() - started) };

    // (b) A person's encounter: switch, search, pick, one theme, submit.
    started = performance.now();
    taps = 0;
    await tap(page.getByRole("button", { name: "Personne connue" }));
    await tap(page.getByLabel("Pseudonyme"));
    await page.getByLabel("Pseudonyme").pressSequentially("maelle");
    await tap(page.getByRole("button", { name: "Choisir Maëlle" }));
    await tap(page.getByRole("button", { name: "Logement" }));
    await tap(page.getByRole("button", { name: "Enregistrer la rencontre" }));
    await page.getByText("Rencontre enregistrée.").waitFor();
    const known = { taps, milliseconds: Math.round(performance.now() - started) };
    console.log(
      `Quick entry on 360×740 — anonymous: ${anonymous.taps} taps, ${anonymous.milliseconds} ms; person: ${known.taps} taps (+ 6 keystrokes), ${known.milliseconds} ms`,
    );
    expect(anonymous.taps).toBeLessThanOrEqual(8);
    expect(known.taps).toBeLessThanOrEqual(8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const saved = await pool.query(
      `SELECT e.person_id IS NULL AS anonymous, e.anonymous_age_bracket, e.themes::text[] AS themes, e.head_count,
              coalesce((SELECT sum(quantity) FROM encounter_materials m WHERE m.encounter_id = e.id AND m.item = 'CONDOMS'), 0)::int AS condoms,
              p.alias, v.name AS venue
         FROM encounters e LEFT JOIN persons p ON p.id = e.person_id LEFT JOIN venues v ON v.id = e.venue_id
        WHERE e.organisation_id = $1 AND e.author_id = $2 AND e.occurred_at > now() - interval '1 hour'
        ORDER BY e.created_at`,
      [organisation.id, worker.id],
    );
    expect(saved.rows).toEqual([
      // The venue defaulted to the worker's last one (Agence Rubis), with no tap.
      {
        anonymous: true,
        anonymous_age_bracket: "AGE_26_35",
        themes: ["SEXUALITY", "SOCIAL_RELATIONS"],
        head_count: 1,
        condoms: 2,
        alias: null,
        venue: "Agence Rubis",
      },
      {
        anonymous: false,
        anonymous_age_bracket: null,
        themes: ["HOUSING"],
        head_count: 1,
        condoms: 0,
        alias: "Maëlle",
        venue: "Agence Rubis",
      },
    ]);

    // The author edits the person's encounter from the file, then deletes it; both are audited.
    const [maelle] = (
      await pool.query<{ id: string }>(
        "SELECT id FROM persons WHERE alias = 'Maëlle' AND organisation_id = $1",
        [organisation.id],
      )
    ).rows;
    if (!maelle) throw new Error("Maëlle's file was not created");
    const personId = maelle.id;
    await page.goto(
      `${env.server.url}/personnes/${encodeURIComponent(Buffer.from(`Person:${personId}`).toString("base64"))}`,
    );
    await page.getByRole("heading", { name: "Historique" }).waitFor();
    await page.getByRole("link", { name: "Modifier", exact: true }).last().click();
    await page.getByRole("heading", { name: "Modifier la rencontre" }).waitFor();
    await expect
      .poll(() => page.getByRole("button", { name: "Logement" }).getAttribute("aria-pressed"))
      .toBe("true");
    await page.getByRole("button", { name: "Justice" }).click();
    await page.getByRole("button", { name: "Enregistrer la rencontre" }).click();
    await page.getByRole("heading", { name: "Historique" }).waitFor();
    await page.getByText("Logement, Justice").waitFor();
    await page.getByRole("button", { name: "Supprimer" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Supprimer" }).click();
    await expect
      .poll(
        async () =>
          (await pool.query("SELECT count(*)::int AS n FROM encounters WHERE person_id = $1", [personId]))
            .rows[0].n,
      )
      .toBe(0);
    const audit = await pool.query(
      "SELECT action FROM audit_events WHERE organisation_id = $1 AND record_kind = 'ENCOUNTER' ORDER BY id",
      [organisation.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["ENCOUNTER_UPDATED", "ENCOUNTER_DELETED"]);

    // Accompaniment: plan one for tomorrow, then mark it done. The week shown is the page's
    // "today" when it loads: fixed, so that it is the same day as `today` here even if midnight
    // passes in between (on a Sunday, tomorrow is in next week's list).
    const today = new Date();
    await page.clock.setFixedTime(today);
    await page.goto(`${env.server.url}/accompagnements`);
    await page.getByRole("heading", { name: "Ma semaine d'accompagnements" }).waitFor();
    await page.getByLabel("Pseudonyme").fill("maelle");
    await page.getByRole("button", { name: "Choisir Maëlle" }).click();
    await page.getByRole("button", { name: "Tribunal" }).click();
    const tomorrow = new Date(today.getTime() + 86_400_000);
    tomorrow.setHours(10, 0, 0, 0);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, "0")}-${String(tomorrow.getDate()).padStart(2, "0")}T10:00`;
    await page.getByLabel("Date et heure").fill(local);
    await page.getByRole("button", { name: "Planifier un accompagnement" }).click();
    await page.getByText("Accompagnement planifié.").waitFor();
    if (today.getDay() === 0) await page.getByRole("button", { name: /Semaine suivante/ }).click();
    const planned = page.locator("ul.card-list > li").filter({ hasText: "Maëlle" });
    await planned.waitFor();
    await planned.getByLabel("Résultat (facultatif)").fill("Audience reportée");
    await planned.getByRole("button", { name: "Fait" }).click();
    await expect
      .poll(
        async () =>
          (
            await pool.query("SELECT status FROM accompaniments WHERE organisation_id = $1", [
              organisation.id,
            ])
          ).rows[0]?.status,
      )
      .toBe("DONE");

    // Venues: Rubis (14-day cadence) was visited today by the entries above: not overdue;
    // Lotus (7-day cadence) was never visited: overdue.
    await page.goto(`${env.server.url}/milieux`);
    await page.getByRole("heading", { name: "Milieux couverts" }).waitFor();
    const rubis = page.getByRole("listitem").filter({ hasText: "Agence Rubis" });
    const lotus = page.getByRole("listitem").filter({ hasText: "Salon Lotus" });
    await rubis.waitFor();
    expect(await rubis.getByText("En retard").count()).toBe(0);
    expect(await rubis.getByText(/Dernière visite/).count()).toBe(1);
    expect(await lotus.getByText("En retard").count()).toBe(1);
    expect(await lotus.getByText("Jamais visité").count()).toBe(1);
    await page.context().close();
  });
});
