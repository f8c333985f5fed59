// Issue "joint nurse visits": a worker books a joint visit on a phone, a nurse of the partner
// public-health organisation accepts it on a desktop — two browsers, the real API.

import { createPerson } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone, signInThroughPage } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

/** With SCREENSHOTS_DIR set, keeps a picture of the screen to look at (issue 14: every changed screen). */
async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  // A chosen time is shown as the screen shows it (the button must be on it); the rest, whole.
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: !name.includes("chosen") });
}

describe.skipIf(browserMissing)("joint visit booking", () => {
  it("a worker proposes a common free time; the nurse sees the request and accepts it", async () => {
    const { pool, partners, member, consent } = testData(env.server.databaseUrl);
    const { street, health } = await partners({
      street: "Rue (visites e2e)",
      health: "Santé publique (visites e2e)",
    });
    const worker = await member(street, ["OUTREACH_WORKER"], "Julie Rue");
    const nurse = await member(health, ["NURSE"], "Isabelle Inf");
    const person = await createPerson(pool, { organisationId: street.id, alias: "Rosalie" });
    // Every weekday, both free 13:00–16:00 (Toronto time): about 40 common times in two weeks.
    for (const weekday of [1, 2, 3, 4, 5, 6, 7]) {
      await pool.query(
        `INSERT INTO availability_slots (user_id, organisation_id, weekday, start_minute, end_minute)
         VALUES ($1, $2, $5, 780, 960), ($3, $4, $5, 780, 960)`,
        [worker.id, street.id, nurse.id, health.id, weekday],
      );
    }
    await consent(street, person, health, ["PROFILE", "NURSE_VISIT_LOGISTICS"], worker);

    const workerPage = await env.signIn(worker);
    await workerPage.goto(`${env.server.url}/visites/nouvelle`);
    await workerPage.getByRole("heading", { name: "Proposer une visite conjointe" }).waitFor();
    await workerPage.getByLabel("Pseudonyme").fill("rosalie");
    await workerPage.getByRole("button", { name: "Choisir Rosalie" }).click();
    await workerPage.getByRole("button", { name: "Domicile" }).click();
    await workerPage.getByLabel(/Lieu de rencontre et consignes/).fill("Porte de côté, sonner deux fois");
    const firstSlot = workerPage.locator(".slot-chips button").first();
    await firstSlot.waitFor();
    expect(await firstSlot.getAttribute("aria-label")).toContain("Isabelle Inf");
    // One day open at a time: only its times are on the page.
    expect(await workerPage.locator(".slot-chips button").count()).toBeLessThanOrEqual(6);
    await shoot(workerPage, "booking-slots-fr-360");
    await firstSlot.click();
    const confirm = workerPage.getByRole("button", { name: "Proposer cette plage" });
    await confirm.waitFor();
    // Confirmed in place: the button is on the screen, focused, just under the time chosen.
    const viewport = workerPage.viewportSize() ?? { width: 360, height: 740 };
    const button = await confirm.boundingBox();
    const slot = await firstSlot.boundingBox();
    if (!button || !slot) throw new Error("no box");
    expect(button.y).toBeGreaterThanOrEqual(0);
    expect(button.y + button.height).toBeLessThanOrEqual(viewport.height);
    await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    const distance = Math.round(button.y - slot.y);
    console.info(`booking: first slot to confirm button, ${distance} px (was ~3,200 px)`);
    expect(distance).toBeLessThan(400);
    await shoot(workerPage, "booking-chosen-fr-360");
    await confirm.click();
    await workerPage.getByText("Visite proposée. L'infirmière est avisée.").waitFor();
    expect(await workerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const nursePage = await env.signIn(nurse, { viewport: desktop });
    await nursePage.goto(`${env.server.url}/visites`);
    await nursePage.getByRole("heading", { name: "En attente de ma réponse" }).waitFor();
    await nursePage.getByText("Nouvelle demande de visite").waitFor();
    const request = nursePage.locator("section[aria-labelledby=waiting-me] li").first();
    await request.waitFor();
    expect(await request.textContent()).toContain("Rosalie");
    await request.getByRole("link").click();
    // The meeting place is the nurse's to read on the visit's page.
    await nursePage.locator("dd", { hasText: "Porte de côté, sonner deux fois" }).waitFor();
    await shoot(nursePage, "visit-detail-fr-1280");
    await nursePage.getByRole("button", { name: "Accepter" }).click();
    await nursePage.getByText("C'est noté. L'autre partie est avisée.").waitFor();

    await workerPage.goto(`${env.server.url}/visites`);
    await workerPage.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await workerPage.getByText("Visite acceptée").waitFor();
    const { rows } = await pool.query(
      `SELECT v.status, v.place_type, m.body AS meeting_place
         FROM nurse_visits v JOIN nurse_visit_meeting_places m ON m.nurse_visit_id = v.id
        WHERE v.worker_id = $1`,
      [worker.id],
    );
    expect(rows).toEqual([
      { status: "ACCEPTED", place_type: "HOME", meeting_place: "Porte de côté, sonner deux fois" },
    ]);
    await workerPage.context().close();
    await nursePage.context().close();
  });

  it("without a consent naming the nurse's organisation, the page links to the consent before any time", async () => {
    const { pool, partners, member } = testData(env.server.databaseUrl);
    const { street, health } = await partners({ street: "Rue (sans consentement)", health: "Santé (sans)" });
    const worker = await member(street, ["OUTREACH_WORKER"]);
    const nurse = await member(health, ["NURSE"]);
    const person = await createPerson(pool, { organisationId: street.id, alias: "Maëlle" });
    await pool.query(
      `INSERT INTO availability_slots (user_id, organisation_id, weekday, start_minute, end_minute)
       SELECT u, o, d, 780, 960 FROM (VALUES ($1::uuid, $2::uuid), ($3::uuid, $4::uuid)) AS p(u, o), generate_series(1, 7) AS d`,
      [worker.id, street.id, nurse.id, health.id],
    );
    for (const [language, viewport, words] of [
      ["fr", phone, { alias: "Pseudonyme", choose: "Choisir Maëlle", record: "Inscrire un consentement" }],
      ["en", desktop, { alias: "Alias", choose: "Choose Maëlle", record: "Record a consent" }],
    ] as const) {
      const page = await env.signIn(worker, { language, viewport });
      await page.goto(`${env.server.url}/visites/nouvelle`);
      await page.getByLabel(words.alias).fill("maelle");
      await page.getByRole("button", { name: words.choose }).click();
      const link = page.getByRole("link", { name: words.record });
      await link.waitFor();
      expect(await page.locator(".slot-chips button").count()).toBe(0);
      const personId = Buffer.from(`Person:${person.id}`).toString("base64");
      expect(await link.getAttribute("href")).toBe(`/personnes/${encodeURIComponent(personId)}#consentement`);
      await shoot(page, `booking-no-consent-${language}-${viewport.width}`);
      await page.context().close();
    }
  });

  it("reads well in English on a desktop, and in both languages at 360 px (screenshots)", async () => {
    const { pool, partners, member, consent } = testData(env.server.databaseUrl);
    const { street, health } = await partners({ street: "Street (en)", health: "Health (en)" });
    const worker = await member(street, ["OUTREACH_WORKER"]);
    const nurse = await member(health, ["NURSE"], "Nora Nurse");
    const person = await createPerson(pool, { organisationId: street.id, alias: "Lou" });
    await pool.query(
      `INSERT INTO availability_slots (user_id, organisation_id, weekday, start_minute, end_minute)
       SELECT u, o, d, 780, 960 FROM (VALUES ($1::uuid, $2::uuid), ($3::uuid, $4::uuid)) AS p(u, o), generate_series(1, 7) AS d`,
      [worker.id, street.id, nurse.id, health.id],
    );
    await consent(street, person, health, ["PROFILE", "NURSE_VISIT_LOGISTICS"], worker);
    for (const [language, viewport] of [
      ["en", desktop],
      ["en", phone],
      ["fr", desktop],
    ] as const) {
      const page = await env.signIn(worker, { language, viewport });
      await page.goto(`${env.server.url}/visites/nouvelle`);
      await page.getByLabel(language === "fr" ? "Pseudonyme" : "Alias").fill("lou");
      await page.getByRole("button", { name: language === "fr" ? "Choisir Lou" : "Choose Lou" }).click();
      const first = page.locator(".slot-chips button").first();
      await first.click();
      const confirm = page.getByRole("button", {
        name: language === "fr" ? "Proposer cette plage" : "Propose this time",
      });
      await confirm.waitFor();
      const box = await confirm.boundingBox();
      expect(box && box.y + box.height <= viewport.height).toBe(true);
      await shoot(page, `booking-chosen-${language}-${viewport.width}`);
      await page.context().close();
    }
  });

  it("only the visit's nurse is offered its completion; a coordinator hands it to another nurse", async () => {
    const { pool, partners, member, consent } = testData(env.server.databaseUrl);
    const { street, health } = await partners({ street: "Rue (remise e2e)", health: "Santé (remise e2e)" });
    const worker = await member(street, ["OUTREACH_WORKER"]);
    const firstNurse = await member(health, ["NURSE"], "Nadia Première");
    const secondNurse = await member(health, ["NURSE"], "Sophie Seconde");
    const coordinator = await member(health, ["COORDINATOR"]);
    const person = await createPerson(pool, { organisationId: street.id, alias: "Océane" });
    await consent(street, person, health, ["PROFILE", "NURSE_VISIT_LOGISTICS"], worker);
    // An accepted visit of the first nurse, starting in a few minutes (so it may be completed).
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
         planned_start, planned_end, status, proposed_by_id)
       VALUES ($1, $2, $3, $4, 'HOME', now() + interval '10 minutes', now() + interval '70 minutes', 'ACCEPTED', $3)
       RETURNING id`,
      [health.id, firstNurse.id, worker.id, street.id],
    );
    const visitId = rows[0]?.id ?? "";
    await pool.query("INSERT INTO nurse_visit_persons (nurse_visit_id, person_id) VALUES ($1, $2)", [
      visitId,
      person.id,
    ]);
    const visitUrl = `${env.server.url}/visites/${encodeURIComponent(Buffer.from(`NurseVisit:${visitId}`).toString("base64"))}`;

    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const openAs = async (user: { email: string; password: string }) => {
      await context.clearCookies();
      await signInThroughPage(page, env.server.url, user);
      await page.goto(visitUrl);
      await page.getByRole("heading", { name: "Visite conjointe" }).waitFor();
      await page.locator("dd", { hasText: "Océane" }).waitFor();
    };

    // Another nurse of the organisation reads the visit but is offered neither completion nor notes.
    await openAs(secondNurse);
    expect(await page.getByRole("heading", { name: "Compléter la visite" }).count()).toBe(0);
    expect(await page.getByLabel(/Note clinique/).count()).toBe(0);

    // The worker neither.
    await openAs(worker);
    expect(await page.getByRole("heading", { name: "Compléter la visite" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Confier à une autre infirmière" }).count()).toBe(0);

    // The coordinator hands it to the second nurse.
    await openAs(coordinator);
    expect(await page.getByLabel(/Note clinique/).count()).toBe(0);
    await page.getByRole("button", { name: "Confier à une autre infirmière" }).click();
    await page.getByLabel("Infirmière de votre organisme").selectOption({ label: "Sophie Seconde" });
    await page.getByRole("button", { name: "Confier la visite" }).click();
    await page.getByText("Visite confiée à Sophie Seconde. Elle en est avisée.").waitFor();
    expect(
      (await pool.query("SELECT nurse_id FROM nurse_visits WHERE id = $1", [visitId])).rows[0]?.nurse_id,
    ).toBe(secondNurse.id);

    // The first nurse no longer completes it; the second does, with a clinical note.
    await openAs(firstNurse);
    expect(await page.getByRole("heading", { name: "Compléter la visite" }).count()).toBe(0);
    await openAs(secondNurse);
    await page.getByRole("button", { name: "Un de plus : Dépistage ITSS" }).click();
    await page.getByLabel(/Note clinique — Océane/).fill("Dépistage fait, suivi dans deux semaines.");
    await page.getByRole("button", { name: "Compléter la visite" }).click();
    await page.getByText("Visite complétée.").waitFor();
    const { rows: completed } = await pool.query(
      `SELECT v.status, n.author_id, n.body, a.kind, a.count
         FROM nurse_visits v JOIN clinical_notes n ON n.nurse_visit_id = v.id
         JOIN clinical_acts a ON a.nurse_visit_id = v.id
        WHERE v.id = $1`,
      [visitId],
    );
    expect(completed).toEqual([
      {
        status: "COMPLETED",
        author_id: secondNurse.id,
        body: "Dépistage fait, suivi dans deux semaines.",
        kind: "STBBI_TEST",
        count: 1,
      },
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it("a visit that already happened: the worker records it, the nurse confirms it; the nurse records her own with its acts", async () => {
    const { pool, partners, member, consent } = testData(env.server.databaseUrl);
    const { street, health } = await partners({ street: "Rue (déjà faite)", health: "Santé (déjà faite)" });
    // The public-health organisation's history starts on 1 April 2015.
    await pool.query("UPDATE organisations SET started_on = '2015-04-01' WHERE id = $1", [health.id]);
    const worker = await member(street, ["OUTREACH_WORKER"], "Julie Rue");
    const nurse = await member(health, ["NURSE"], "Isabelle Inf");
    const person = await createPerson(pool, { organisationId: street.id, alias: "Rosalie" });
    await consent(street, person, health, ["PROFILE", "NURSE_VISIT_LOGISTICS"], worker);
    /** An instant as a `datetime-local` box holds it, in the programme's zone (Toronto). */
    const local = (instant: Date) =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone: "America/Toronto",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .format(instant)
        .replace(", ", "T");

    // The worker, on her phone: from the visits screen, for the nurse to confirm.
    const workerPage = await env.signIn(worker);
    await workerPage.goto(`${env.server.url}/visites`);
    await workerPage.getByRole("link", { name: "Enregistrer une visite déjà faite" }).click();
    await workerPage.getByRole("heading", { name: "Enregistrer une visite déjà faite" }).waitFor();
    await workerPage.getByText(/L'infirmière confirmera la visite et y ajoutera ses actes/).waitFor();
    await workerPage
      .getByLabel("Infirmière venue avec vous")
      .selectOption({ label: "Isabelle Inf — Santé (déjà faite)" });
    await workerPage.getByLabel("Pseudonyme").fill("ros");
    await workerPage.getByRole("button", { name: "Choisir Rosalie" }).click();
    await workerPage.getByRole("button", { name: "Retirer Rosalie" }).waitFor();
    // The chosen person's button is gone: the focus is back in the search box, for the keyboard.
    await workerPage.waitForFunction(() => document.activeElement?.getAttribute("type") === "search");
    await workerPage.getByRole("button", { name: "Domicile" }).click();
    // Before the nurse's organisation's start date: refused, and the rule is said under the field.
    await workerPage.getByLabel("Début", { exact: true }).fill("2014-06-10T10:00");
    await workerPage.getByLabel("Fin", { exact: true }).fill("2014-06-10T11:00");
    await workerPage.getByRole("button", { name: "Envoyer à l'infirmière pour confirmation" }).click();
    const rule = workerPage.getByText(/au plus tôt le 1(er)? avril 2015, date de début de l'organisme/);
    await rule.waitFor();
    expect(await workerPage.getByLabel("Début", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await shoot(workerPage, "past-visit-worker-refused-fr-360");
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    twoDaysAgo.setUTCMinutes(0, 0, 0);
    await workerPage.getByLabel("Début", { exact: true }).fill(local(twoDaysAgo));
    await workerPage
      .getByLabel("Fin", { exact: true })
      .fill(local(new Date(twoDaysAgo.getTime() + 3_600_000)));
    await workerPage.getByRole("button", { name: "Envoyer à l'infirmière pour confirmation" }).click();
    await workerPage
      .getByText("Visite envoyée à l'infirmière : elle la confirmera avec ses actes.")
      .waitFor();
    await workerPage.locator("dd", { hasText: "À confirmer par l'infirmière" }).waitFor();
    expect(await workerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(workerPage, "past-visit-worker-sent-fr-360");

    // The nurse, on a desktop: the visit is hers to confirm; she does, with her acts.
    const nursePage = await env.signIn(nurse, { viewport: desktop });
    await nursePage.goto(`${env.server.url}/visites`);
    await nursePage.getByText("Visite déjà faite à confirmer").waitFor();
    const toConfirm = nursePage.locator("section[aria-labelledby=to-confirm] li").first();
    await toConfirm.waitFor();
    expect(await toConfirm.textContent()).toContain("Rosalie");
    await shoot(nursePage, "past-visit-to-confirm-fr-1280");
    await toConfirm.getByRole("link").click();
    await nursePage.getByRole("heading", { name: "Confirmer la visite" }).waitFor();
    expect(await nursePage.getByRole("button", { name: "Refuser" }).count()).toBe(1);
    await nursePage.getByRole("button", { name: "Un de plus : Dépistage ITSS" }).click();
    await shoot(nursePage, "past-visit-confirm-fr-1280");
    await nursePage.getByRole("button", { name: "Confirmer avec ces actes" }).click();
    await nursePage.getByText("Visite confirmée.").waitFor();

    // Then her own visit of earlier today, with its acts and a note: completed at once.
    await nursePage.goto(`${env.server.url}/visites`);
    await nursePage.getByRole("link", { name: "Enregistrer une visite déjà faite" }).click();
    await nursePage.getByRole("heading", { name: "Enregistrer une visite déjà faite" }).waitFor();
    await nursePage
      .getByLabel("Intervenant·e venu·e avec vous")
      .selectOption({ label: "Julie Rue — Rue (déjà faite)" });
    await nursePage.getByLabel("Pseudonyme").fill("ros");
    await nursePage.getByRole("button", { name: "Choisir Rosalie" }).click();
    await nursePage.getByRole("button", { name: "Un de plus : Dépistage ITSS" }).click();
    await nursePage.getByRole("button", { name: "Un de plus : Dépistage ITSS" }).click();
    await nursePage.getByLabel(/Note clinique — Rosalie/).fill("Dépistage fait au salon.");
    await shoot(nursePage, "past-visit-nurse-fr-1280");
    await nursePage.getByRole("button", { name: "Enregistrer la visite" }).click();
    await nursePage.getByText("Visite déjà faite enregistrée.").waitFor();
    await nursePage.locator("dd", { hasText: "Réalisée" }).waitFor();

    const { rows } = await pool.query(
      `SELECT v.status, v.recorded_after, v.proposed_by_id = v.nurse_id AS by_nurse,
              (SELECT sum(count)::int FROM clinical_acts a WHERE a.nurse_visit_id = v.id) AS acts,
              (SELECT count(*)::int FROM clinical_notes n WHERE n.nurse_visit_id = v.id) AS notes
         FROM nurse_visits v WHERE v.nurse_id = $1 ORDER BY v.planned_start`,
      [nurse.id],
    );
    expect(rows).toEqual([
      { status: "COMPLETED", recorded_after: true, by_nurse: false, acts: 1, notes: 0 },
      { status: "COMPLETED", recorded_after: true, by_nurse: true, acts: 2, notes: 1 },
    ]);
    await workerPage.context().close();
    await nursePage.context().close();

    // In English, on a phone and on a desktop (screenshots).
    for (const [user, viewport, name] of [
      [nurse, phone, "nurse"],
      [worker, desktop, "worker"],
    ] as const) {
      const page = await env.signIn(user, { language: "en", viewport });
      await page.goto(`${env.server.url}/visites/deja-faite`);
      await page.getByRole("heading", { name: "Record a visit that already happened" }).waitFor();
      if (name === "worker") await page.getByText(/The nurse will confirm the visit/).waitFor();
      else
        await page
          .getByText("Choose the outreach worker first: the persons are her organisation's.")
          .waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await shoot(page, `past-visit-${name}-en-${viewport.width}`);
      await page.context().close();
    }
  });
});
