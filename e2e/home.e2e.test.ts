// Home screens per role, on the demo data: each demo account signs in and finds what to do
// today, in cards; screenshots of each at 360×740 and 1280×800, in French and English.

import { mkdirSync } from "node:fs";
import { startTestServer, type TestServer } from "@maillage/api/testing";
import {
  createDatabase,
  demoAccounts,
  demoPassword,
  demoTotpSecret,
  dropDatabase,
  prepareDatabase,
} from "@maillage/db/admin";
import { startEmbeddedPostgres } from "@maillage/db/embedded";
import { adminPool, closeAdminPool, knowSecondFactor } from "@maillage/db/factories";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  browserMissing,
  desktop,
  type Language,
  launchBrowser,
  phone,
  signInThroughPage,
} from "./browser.ts";

const shots = process.env.HOME_SHOTS_DIR ?? "/tmp/shots/home";
const cleanups: (() => Promise<void>)[] = [];
let server: TestServer;
let browser: Browser;

/** A database of its own, migrated and seeded with the demo (which needs an empty one). */
async function demoDatabase(): Promise<string> {
  let url: string;
  if (inject("databaseKind") === "server") {
    const admin = new URL(inject("databaseUrl"));
    admin.pathname = "/postgres";
    const name = `maillage_home_e2e_${process.pid}`;
    url = await createDatabase(admin.toString(), name);
    cleanups.push(() => dropDatabase(admin.toString(), name));
  } else {
    const embedded = await startEmbeddedPostgres({ maxConnections: 5 });
    cleanups.push(() => embedded.stop());
    url = embedded.connectionString;
  }
  await prepareDatabase(url, { seedIfEmpty: true });
  // The demo's coordinators and admins sign in with the published demo key.
  for (const demo of demoAccounts) knowSecondFactor(adminPool(url), demo.email, demoTotpSecret);
  // Cleanups run in reverse: the pool is closed before its database is dropped.
  cleanups.push(() => closeAdminPool(url));
  return url;
}

beforeAll(async () => {
  if (browserMissing) return;
  server = await startTestServer({ databaseUrl: await demoDatabase() });
  cleanups.push(() => server.stop());
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  mkdirSync(shots, { recursive: true });
}, 300_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function account(email: string) {
  const found = demoAccounts.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return { email, password: demoPassword, displayName: found.displayName };
}

async function homeOf(email: string, language: Language = "fr"): Promise<Page> {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await signInThroughPage(page, server.url, account(email), language);
  await page.getByRole("heading", { level: 2 }).first().waitFor();
  return page;
}

/** The page at both sizes, in one language, for looking at. */
async function screenshots(page: Page, name: string, language: Language) {
  for (const [size, viewport] of [
    ["360", phone],
    ["1280", desktop],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${shots}/${name}-${language}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize(phone);
}

const card = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

describe.skipIf(browserMissing)("home screens", () => {
  it("an outreach worker sees her accompaniments and visit of today, venues due and her referrals", async () => {
    const page = await homeOf("marie.rue@ancrage.demo");
    await expect
      .poll(() => card(page, "Accompagnements aujourd'hui").textContent())
      .toContain("2 accompagnements");
    await expect.poll(() => card(page, "Visites conjointes aujourd'hui").textContent()).toContain("1 visite");
    const venues = await card(page, "Milieux à visiter").textContent();
    expect(venues).toContain("Hôtel Le Relais");
    expect(venues).toContain("Jamais visité");
    expect(
      await card(page, "Références en attente de réponse").getByRole("listitem").count(),
    ).toBeGreaterThan(0);
    expect(await card(page, "Alertes de sécurité récentes").textContent()).toContain("2 alertes actives");
    // No team follow-up, no administration for a worker.
    expect(await page.getByRole("heading", { name: "Suivi de l'équipe" }).count()).toBe(0);
    await screenshots(page, "worker", "fr");
    // Her visit's item opens the visit.
    await card(page, "Visites conjointes aujourd'hui").getByRole("listitem").getByRole("link").click();
    await page.waitForURL(/\/visites\/.+/);
    await page.context().close();
    const english = await homeOf("marie.rue@ancrage.demo", "en");
    expect(await card(english, "Accompaniments today").textContent()).toContain("2 accompaniments");
    await screenshots(english, "worker", "en");
    await english.context().close();
  });

  it("a nurse sees her day and the visits waiting for her answer", async () => {
    const page = await homeOf("isabelle.inf@cisss.demo");
    await expect.poll(() => card(page, "Votre journée").textContent()).toContain("1 visite");
    expect(await card(page, "Visites à confirmer").getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { name: "Votre journée sur le terrain" }).count()).toBe(0);
    await screenshots(page, "nurse", "fr");
    await page.context().close();
    const english = await homeOf("isabelle.inf@cisss.demo", "en");
    await card(english, "Visits to confirm").waitFor();
    await screenshots(english, "nurse", "en");
    await english.context().close();
  });

  it("a coordinator sees overdue referrals, alerts to review and the team's week", async () => {
    const page = await homeOf("sophie.coord@ancrage.demo");
    await card(page, "Références en retard").waitFor();
    expect(await card(page, "Alertes à revoir").textContent()).toContain("2 alertes actives");
    const team = card(page, "Activité de l'équipe cette semaine");
    expect(await team.getByRole("listitem").filter({ hasText: "Marie L." }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Votre journée sur le terrain" }).count()).toBe(0);
    await screenshots(page, "coordinator", "fr");
    await page.context().close();
    const english = await homeOf("sophie.coord@ancrage.demo", "en");
    await card(english, "Overdue referrals").waitFor();
    await screenshots(english, "coordinator", "en");
    await english.context().close();
  });

  it("an organisation admin sees the pending invitation, the members and the audit log", async () => {
    const page = await homeOf("admin@ancrage.demo");
    await expect
      .poll(() => card(page, "Invitations en attente").textContent())
      .toContain("1 invitation en attente");
    expect(await card(page, "Membres").getByRole("link", { name: "Gérer l'équipe" }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Suivi de l'équipe" }).count()).toBe(0);
    await screenshots(page, "admin", "fr");
    await page.context().close();
    const english = await homeOf("admin@ancrage.demo", "en");
    await card(english, "Pending invitations").waitFor();
    await screenshots(english, "admin", "en");
    await english.context().close();
  });

  it("a committee member sees the partnership's latest figures and a link to the dashboard", async () => {
    const page = await homeOf("comite@calacs.demo");
    await page
      .getByRole("heading", { name: "Comité de suivi — Volet Intervention Prostitution — Lévis" })
      .waitFor();
    await page.getByRole("link", { name: "Voir le tableau de bord et le rapport" }).waitFor();
    expect(await page.getByRole("heading", { name: "Votre journée sur le terrain" }).count()).toBe(0);
    await screenshots(page, "committee", "fr");
    await page.getByRole("link", { name: "Voir le tableau de bord et le rapport" }).click();
    await page.waitForURL(/\/tableau-de-bord$/);
    await page.context().close();
    const english = await homeOf("comite@calacs.demo", "en");
    await english.getByRole("link", { name: "See the dashboard and the report" }).waitFor();
    await screenshots(english, "committee", "en");
    await english.context().close();
  });
});
