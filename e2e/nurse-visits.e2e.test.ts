// Issue "joint nurse visits": a worker books a joint visit on a phone, a nurse of the partner
// public-health organisation accepts it on a desktop — two browsers, the real API.

import { createPerson } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, signInThroughPage } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

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
    // Every weekday, both free 13:00–16:00 (Toronto time).
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
    const firstSlot = workerPage.locator(".slots button").first();
    await firstSlot.waitFor();
    expect(await firstSlot.textContent()).toContain("Isabelle Inf");
    await firstSlot.click();
    await workerPage.getByRole("button", { name: "Proposer cette plage" }).click();
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
    await nursePage.getByRole("button", { name: "Accepter" }).click();
    await nursePage.getByText("C'est noté. L'autre partie est avisée.").waitFor();

    await workerPage.goto(`${env.server.url}/visites`);
    await workerPage.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await workerPage.getByText("Visite acceptée").waitFor();
    const { rows } = await pool.query("SELECT status, place_type FROM nurse_visits WHERE worker_id = $1", [
      worker.id,
    ]);
    expect(rows).toEqual([{ status: "ACCEPTED", place_type: "HOME" }]);
    await workerPage.context().close();
    await nursePage.context().close();
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
});
