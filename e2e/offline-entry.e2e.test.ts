// Issue "field-ready": entry without signal. Encounters recorded offline wait, encrypted, on the
// phone, survive a reload with no network, and are sent once when it returns; an answer lost on
// the way is sent again under the same idempotency key and recorded once; after sign-out nothing
// readable about a person remains in the browser's storage.
import { createOrganisation, createPerson } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

/** The service worker controls the page (the app shell is cached) and the vault was unlocked once. */
async function readyForOffline(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The device's keys exist once the API handed the vault its secret.
  await expect
    .poll(() =>
      page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === "maillage-offline")),
    )
    .toBe(true);
}

async function encountersBy(pool: ReturnType<typeof testData>["pool"], authorId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM encounters WHERE author_id = $1",
    [authorId],
  );
  return rows[0]?.n ?? -1;
}

async function recordAnonymous(page: Page, age: string) {
  await page.getByRole("button", { name: age }).click();
  await page.getByRole("button", { name: "Enregistrer la rencontre" }).click();
}

describe.skipIf(browserMissing)("entry without signal", () => {
  it("keeps three encounters made offline across an offline reload and sends them once the network returns", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (hors ligne e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    const page = await env.signIn(worker);
    await readyForOffline(page);

    await page.context().setOffline(true);
    await page.getByRole("link", { name: "Nouvelle rencontre" }).first().click();
    await page.getByRole("heading", { name: "Nouvelle rencontre" }).waitFor();
    for (const age of ["18–25 ans", "26–35 ans", "36 ans et plus"]) {
      await recordAnonymous(page, age);
      const kept = page.getByRole("status").filter({ hasText: "Gardée sur ce téléphone" });
      await kept.waitFor();
      // Said where the thumb is: the outcome is in view, beside the button.
      expect(await kept.isVisible()).toBe(true);
    }
    await page.getByRole("link", { name: /3 saisies en attente/ }).waitFor();
    expect(await encountersBy(pool, worker.id)).toBe(0);

    // The app opens with no network, and the entries are still there (counted; their content
    // stays encrypted until the phone reaches the API).
    await page.reload();
    await page.getByRole("link", { name: /Hors ligne · 3 saisies en attente/ }).waitFor();
    expect(await encountersBy(pool, worker.id)).toBe(0);

    await page.context().setOffline(false);
    await expect.poll(() => encountersBy(pool, worker.id)).toBe(3);
    await expect.poll(() => page.getByRole("link", { name: /en attente/ }).count()).toBe(0);
    // Sent once each: nothing more arrives.
    await page.getByRole("link", { name: "Nouvelle rencontre" }).first().click();
    await page.getByRole("heading", { name: "Nouvelle rencontre" }).waitFor();
    expect(await encountersBy(pool, worker.id)).toBe(3);
    const ages = await pool.query<{ age: string }>(
      "SELECT anonymous_age_bracket AS age FROM encounters WHERE author_id = $1 ORDER BY occurred_at",
      [worker.id],
    );
    expect(ages.rows.map((row) => row.age)).toEqual(["AGE_18_25", "AGE_26_35", "AGE_36_PLUS"]);
  });

  it("sends again, under the same key, an entry whose answer was lost, and records it once", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (réponse perdue e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    const page = await env.signIn(worker);
    await readyForOffline(page);

    const keys: string[] = [];
    let dropped = false;
    await page.route("**/graphql", async (route) => {
      const request = route.request();
      if (!request.postData()?.includes("mutation RecordEncounter")) return route.continue();
      keys.push((await request.allHeaders())["idempotency-key"] ?? "none");
      if (dropped) return route.continue();
      dropped = true;
      // The request reaches the API and is recorded; its answer never reaches the phone.
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByRole("link", { name: "Nouvelle rencontre" }).first().click();
    await page.getByRole("heading", { name: "Nouvelle rencontre" }).waitFor();
    await recordAnonymous(page, "26–35 ans");
    await page.getByRole("status").filter({ hasText: "Gardée sur ce téléphone" }).waitFor();
    expect(await encountersBy(pool, worker.id)).toBe(1);

    // The automatic retry, with the same key: the API answers the first result.
    await expect.poll(() => keys.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByRole("link", { name: /en attente/ }).count()).toBe(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await encountersBy(pool, worker.id)).toBe(1);
  });

  it("leaves nothing readable about a person in the browser after sign-out", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Rue (déconnexion e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"]);
    const alias = "Zéphyrine-Quatorze";
    const person = await createPerson(pool, { organisationId: organisation.id, alias });
    await pool.query(
      `INSERT INTO encounters (organisation_id, author_id, person_id, occurred_at, channel, place_type, themes)
       VALUES ($1, $2, $3, now() - interval '2 days', 'IN_PERSON', 'WORKPLACE', '{HOUSING}')`,
      [organisation.id, worker.id, person.id],
    );
    const page = await env.signIn(worker);
    await readyForOffline(page);
    // A person's file read, and an entry kept on the phone while offline.
    await page.goto(`${env.server.url}/personnes`);
    await page.getByText(alias).first().waitFor();
    await page.getByRole("link", { name: "Nouvelle rencontre" }).first().click();
    await page.getByRole("heading", { name: "Nouvelle rencontre" }).waitFor();
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Personne connue" }).click();
    await page.getByLabel("Pseudonyme").pressSequentially("zephyr");
    await page.getByRole("button", { name: `Choisir ${alias}` }).click();
    await page.getByRole("button", { name: "Enregistrer la rencontre" }).click();
    await page.getByRole("status").filter({ hasText: "Gardée sur ce téléphone" }).waitFor();
    await page.context().setOffline(false);
    await expect.poll(() => page.getByRole("link", { name: /en attente/ }).count()).toBe(0);

    const storage = () =>
      page.evaluate(async () => {
        const databases = (await indexedDB.databases()).map((db) => db.name ?? "");
        const dump: string[] = [];
        for (const name of databases) {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          for (const store of Array.from(db.objectStoreNames)) {
            const all = await new Promise<unknown[]>((resolve) => {
              const request = db.transaction(store).objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result);
            });
            dump.push(
              JSON.stringify(all, (_key, value) =>
                // Bytes read as text: a plaintext kept as bytes would show here.
                value instanceof ArrayBuffer || ArrayBuffer.isView(value)
                  ? new TextDecoder().decode(value instanceof ArrayBuffer ? value : value.buffer)
                  : value,
              ),
            );
          }
          db.close();
        }
        const cached: string[] = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            cached.push(request.url);
            dump.push(request.url, (await (await cache.match(request))?.text()) ?? "");
          }
        }
        const kept = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
        dump.push(...kept);
        return { databases, cached, text: dump.join("\n"), webStorage: kept.join("\n") };
      });

    // Before: the phone holds the vault (encrypted: the alias never appears in clear).
    const before = await storage();
    expect(before.databases).toContain("maillage-offline");
    expect(before.text).not.toContain(alias);
    expect(before.webStorage).toContain("maillage-offline-identity");

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByLabel("Courriel").waitFor();
    const after = await storage();
    expect(after.databases).not.toContain("maillage-offline");
    expect(after.text).not.toContain(alias);
    expect(after.webStorage).toBe("{}\n{}");
    expect(after.text).not.toContain(organisation.id);
    expect(after.text).not.toContain(worker.email);
    // The service worker's caches hold the app shell only: no API answer.
    expect(after.cached.length).toBeGreaterThan(0);
    expect(after.cached.filter((url) => url.includes("/graphql") || url.includes("/calendar/"))).toEqual([]);
    // The device's secret is forgotten by the API too.
    const vaults = await pool.query("SELECT 1 FROM device_vaults WHERE user_id = $1", [worker.id]);
    expect(vaults.rows).toHaveLength(0);
  });
});
