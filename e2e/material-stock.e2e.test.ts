// Issue "field-ready": a coordinator counts the stock, the field's encounters draw on it, and her
// home screen says when it is low.
import { createOrganisation } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

describe.skipIf(browserMissing)("material stock", () => {
  it("is counted by a coordinator, drawn on by encounters and shown low on her home screen", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (stock e2e)" });
    const coordinator = await member(organisation, ["COORDINATOR"], "Sophie Stock");
    const worker = await member(organisation, ["OUTREACH_WORKER"]);

    const lead = await env.signIn(coordinator);
    await lead.getByRole("link", { name: "Stock", exact: true }).first().click();
    await lead.getByRole("heading", { name: "Stock de matériel" }).waitFor();
    const kits = lead
      .getByRole("listitem")
      .filter({ has: lead.getByRole("heading", { name: "Trousses de naloxone" }) });
    await kits.getByLabel("En stock maintenant").fill("12");
    await kits.getByLabel("Stock bas à").fill("5");
    await kits.getByRole("button", { name: "Enregistrer le décompte : Trousses de naloxone" }).click();
    await kits.getByRole("status").filter({ hasText: "Décompte enregistré" }).waitFor();
    await kits.getByText("12 en stock").waitFor();

    const field = await env.signIn(worker);
    await field.getByRole("link", { name: "Nouvelle rencontre" }).first().click();
    await field.getByRole("heading", { name: "Nouvelle rencontre" }).waitFor();
    await field.getByRole("button", { name: "Trousses de naloxone : 10" }).click();
    await field.getByRole("button", { name: "Enregistrer la rencontre" }).click();
    await field.getByRole("status").filter({ hasText: "Rencontre enregistrée." }).waitFor();

    await lead.getByRole("link", { name: "Accueil" }).first().click();
    const card = lead.getByRole("region", { name: "Stock bas" });
    await card.getByText("Trousses de naloxone : 2 en stock").waitFor();
    expect(await card.getByRole("link", { name: "Stock de matériel" }).count()).toBe(1);
  });
});
