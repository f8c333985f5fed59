// Issue "joint nurse visits": a worker books a joint visit on a phone, a nurse of the partner
// public-health organisation accepts it on a desktop — two browsers, the real API.

import {
  adminPool,
  createOrganisation,
  createPartnership,
  createPerson,
  createUser,
} from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, signInThroughPage } from "./browser.ts";

const env = browserTestEnvironment();

describe.skipIf(browserMissing)("joint visit booking", () => {
  it("a worker proposes a common free time; the nurse sees the request and accepts it", async () => {
    const pool = adminPool(env.server.databaseUrl);
    const street = await createOrganisation(pool, { name: "Rue (visites e2e)" });
    const health = await createOrganisation(pool, {
      name: "Santé publique (visites e2e)",
      kind: "PUBLIC_HEALTH",
    });
    await createPartnership(pool, { organisationIds: [street.id, health.id] });
    const worker = await createUser(pool, {
      displayName: "Julie Rue",
      memberships: [{ organisationId: street.id, roles: ["OUTREACH_WORKER"] }],
    });
    const nurse = await createUser(pool, {
      displayName: "Isabelle Inf",
      memberships: [{ organisationId: health.id, roles: ["NURSE"] }],
    });
    const person = await createPerson(pool, { organisationId: street.id, alias: "Rosalie" });
    // Every weekday, both free 13:00–16:00 (Toronto time).
    for (const weekday of [1, 2, 3, 4, 5, 6, 7]) {
      await pool.query(
        `INSERT INTO availability_slots (user_id, organisation_id, weekday, start_minute, end_minute)
         VALUES ($1, $2, $5, 780, 960), ($3, $4, $5, 780, 960)`,
        [worker.id, street.id, nurse.id, health.id, weekday],
      );
    }
    await pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
       VALUES ($1, $2, $3, '{PROFILE,NURSE_VISIT_LOGISTICS}', $4)`,
      [street.id, person.id, health.id, worker.id],
    );

    const workerContext = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    const workerPage = await workerContext.newPage();
    await signInThroughPage(workerPage, env.server.url, worker);
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

    const nurseContext = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const nursePage = await nurseContext.newPage();
    await signInThroughPage(nursePage, env.server.url, nurse);
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
    await workerContext.close();
    await nurseContext.close();
  });
});
