// Issue 15, the confidential line: three contacts logged on a line shift and a delivery requested
// then delivered, on a 360×740 phone, taps and keystrokes counted; and the line's and deliveries'
// screens photographed at 360 and 1280 px, in French and in English (/tmp/shots/line/).
import { mkdirSync } from "node:fs";
import { createOrganisation, createPerson } from "@maillage/db/factories";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment, desktop, phone } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

function counter(page: Page) {
  const counts = { taps: 0, keystrokes: 0 };
  return {
    counts,
    reset() {
      counts.taps = 0;
      counts.keystrokes = 0;
    },
    async tap(target: Locator) {
      counts.taps += 1;
      await target.tap();
    },
    /** Typed into whatever has the focus (a tap put it there, or the form did). */
    async type(text: string) {
      counts.keystrokes += text.length;
      await page.keyboard.type(text);
    },
  };
}

/** The outcome is said where the thumb is: in the phone's screen, and focused. */
async function outcomeInView(page: Page, text: string) {
  const outcome = page.getByRole("status").filter({ hasText: text });
  await outcome.waitFor();
  await expect
    .poll(async () => {
      const box = await outcome.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 740;
    })
    .toBe(true);
  await expect.poll(() => outcome.evaluate((element) => element === document.activeElement)).toBe(true);
}

describe.skipIf(browserMissing)("the confidential line", () => {
  it("logs three line contacts and a delivery requested then delivered, on a 360×740 phone", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Ligne (e2e)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"], "Julie Ligne");
    await createPerson(pool, { organisationId: organisation.id, alias: "Maëlle" });
    // The coordinator's last count of condoms: the delivery draws on it.
    await pool.query(
      `INSERT INTO material_stocks (organisation_id, item, counted_quantity, low_threshold, counted_by_id, counted_at)
       VALUES ($1, 'CONDOMS', 100, 10, $2, now() - interval '1 hour')`,
      [organisation.id, worker.id],
    );
    const page = await env.signIn(worker, { hasTouch: true, isMobile: true });
    const { counts, reset, tap, type } = counter(page);
    const save = page.getByRole("button", { name: "Enregistrer le contact" });

    // (1) An anonymous phone call about sexuality: the line's screen, one topic, save.
    reset();
    await tap(page.getByRole("link", { name: "Ligne d’écoute" }).first());
    await page.getByRole("heading", { name: "Ligne d’écoute", level: 1 }).waitFor();
    await tap(page.getByRole("button", { name: "Sexualité" }));
    await tap(save);
    await outcomeInView(page, "Contact enregistré : Téléphone. 1 contact sur ce quart.");
    const call = { ...counts };

    // (2) A text from Maëlle about housing: the channel, the known person (alias typed), a topic.
    reset();
    await tap(page.getByRole("button", { name: "Texto" }));
    await tap(page.getByRole("button", { name: "Personne connue" }));
    await type("maelle");
    await tap(page.getByRole("button", { name: "Choisir Maëlle" }));
    await tap(page.getByRole("button", { name: "Logement" }));
    await tap(save);
    await outcomeInView(page, "Contact enregistré : Texto. 2 contacts sur ce quart.");
    const text = { ...counts };

    // (3) A WhatsApp video call from a woman aged 26–35, no topic.
    reset();
    await tap(page.getByRole("button", { name: "Vidéo" }));
    await tap(page.getByRole("button", { name: "WhatsApp" }));
    await tap(page.getByRole("button", { name: "Femme", exact: true }));
    await tap(page.getByRole("button", { name: "26–35 ans" }));
    await tap(save);
    await outcomeInView(page, "Contact enregistré : Vidéo. 3 contacts sur ce quart.");
    const video = { ...counts };

    // (4) A delivery requested from the line: 10 condoms, behind the corner shop; brought by her.
    reset();
    await tap(page.getByRole("link", { name: "Demande de livraison" }));
    await page.getByRole("heading", { name: "Nouvelle demande de livraison" }).waitFor();
    await tap(page.getByRole("button", { name: "Condoms : 10" }));
    await tap(page.getByLabel("Où (lieu discret)"));
    await type("derrière le dépanneur");
    await tap(page.getByRole("button", { name: "Enregistrer la demande" }));
    await outcomeInView(page, "Demande enregistrée : 10 × Condoms. Confiée à Julie Ligne.");
    const requested = { ...counts };

    // (5) Delivered: the list, the card's "Delivered", confirmed.
    reset();
    await tap(page.getByRole("link", { name: "Voir les livraisons" }));
    const mine = page.getByRole("region", { name: "À livrer par vous" });
    const card = mine.getByRole("listitem").filter({ hasText: "derrière le dépanneur" });
    await tap(card.getByRole("button", { name: "Livrée" }));
    await card.getByRole("alertdialog").waitFor();
    await tap(card.getByRole("button", { name: "Oui, c’est livré" }));
    await outcomeInView(page, "Livraison faite : 10 × Condoms comptés comme remis.");
    await card.getByText("Livrée", { exact: true }).waitFor();
    const delivered = { ...counts };

    console.log(
      `Line shift on 360×740 — anonymous phone call with a topic, from home: ${call.taps} taps; ` +
        `a text from a known person: ${text.taps} taps + ${text.keystrokes} keystrokes; ` +
        `a WhatsApp video call, gender and age said: ${video.taps} taps; ` +
        `a delivery request from the line (10 condoms, a place typed): ${requested.taps} taps + ${requested.keystrokes} keystrokes; ` +
        `delivered from the list, confirmed: ${delivered.taps} taps`,
    );
    expect(call.taps).toBeLessThanOrEqual(3);
    expect(text.taps).toBeLessThanOrEqual(5);
    expect(video.taps).toBeLessThanOrEqual(5);
    expect(requested.taps).toBeLessThanOrEqual(4);
    expect(delivered.taps).toBeLessThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const contacts = await pool.query(
      `SELECT e.channel, e.place_type, e.platform, e.person_id IS NOT NULL AS known, e.anonymous_gender AS gender,
              e.anonymous_age_bracket AS age, e.themes::text[] AS themes,
              (SELECT array_agg(m.item || ':' || m.quantity) FROM encounter_materials m WHERE m.encounter_id = e.id)::text[] AS items
         FROM encounters e WHERE e.organisation_id = $1 ORDER BY e.occurred_at`,
      [organisation.id],
    );
    expect(contacts.rows).toEqual([
      {
        channel: "PHONE",
        place_type: "OFFICE",
        platform: null,
        known: false,
        gender: "UNDISCLOSED",
        age: "UNKNOWN",
        themes: ["SEXUALITY"],
        items: null,
      },
      {
        channel: "SMS",
        place_type: "OFFICE",
        platform: null,
        known: true,
        gender: null,
        age: null,
        themes: ["HOUSING"],
        items: null,
      },
      {
        channel: "VIDEO",
        place_type: "ONLINE",
        platform: "WHATSAPP",
        known: false,
        gender: "WOMAN",
        age: "AGE_26_35",
        themes: [],
        items: null,
      },
      // The delivery's one encounter: the condoms handed out, once.
      {
        channel: "IN_PERSON",
        place_type: "PUBLIC_PLACE",
        platform: null,
        known: false,
        gender: "UNDISCLOSED",
        age: "UNKNOWN",
        themes: [],
        items: ["CONDOMS:10"],
      },
    ]);
    const delivery = await pool.query(
      `SELECT d.status, p.place, (SELECT array_agg(t.to_status::text ORDER BY t.at) FROM material_delivery_transitions t
                                   WHERE t.delivery_id = d.id)::text[] AS steps
         FROM material_deliveries d JOIN material_delivery_places p ON p.delivery_id = d.id
        WHERE d.organisation_id = $1`,
      [organisation.id],
    );
    expect(delivery.rows).toEqual([
      { status: "DELIVERED", place: "derrière le dépanneur", steps: ["REQUESTED", "DELIVERED"] },
    ]);
  });

  it("shows its screens at 360 and 1280 px, in French and in English", async () => {
    const { pool, member } = testData(env.server.databaseUrl);
    const organisation = await createOrganisation(pool, { name: "Ligne (captures)" });
    const worker = await member(organisation, ["OUTREACH_WORKER"], "Julie Ligne");
    const colleague = await member(organisation, ["OUTREACH_WORKER"], "Samir Route");
    const person = await createPerson(pool, { organisationId: organisation.id, alias: "Maëlle" });
    const deliveries = [
      {
        person: person.id,
        by: worker.id,
        status: "SCHEDULED",
        window: "jeudi après 18 h, texto avant",
        place: "derrière le dépanneur",
        items: [
          ["CONDOMS", 20],
          ["LUBRICANT", 10],
        ],
      },
      {
        person: null,
        by: worker.id,
        status: "REQUESTED",
        window: "ce soir",
        place: "arrêt d’autobus de la rue Principale",
        items: [["NALOXONE_KITS", 2]],
      },
      {
        person: null,
        by: colleague.id,
        status: "REQUESTED",
        window: null,
        place: "stationnement du parc",
        items: [
          ["CRACK_KITS", 5],
          ["SYRINGES", 20],
        ],
      },
      {
        person: person.id,
        by: worker.id,
        status: "CANCELLED",
        window: "lundi",
        place: "porte arrière",
        items: [["PREGNANCY_TESTS", 1]],
      },
    ] as const;
    for (const d of deliveries) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO material_deliveries (organisation_id, person_id, anonymous_gender, anonymous_age_bracket,
           requested_by_id, assigned_to_id, status, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
        [
          organisation.id,
          d.person,
          d.person ? null : "WOMAN",
          d.person ? null : "AGE_18_25",
          worker.id,
          d.by,
          d.status,
        ],
      );
      const id = rows[0]?.id;
      for (const [item, quantity] of d.items) {
        await pool.query(
          "INSERT INTO material_delivery_items (delivery_id, organisation_id, item, quantity) VALUES ($1, $2, $3, $4)",
          [id, organisation.id, item, quantity],
        );
      }
      await pool.query(
        "INSERT INTO material_delivery_places (delivery_id, organisation_id, time_window, place) VALUES ($1, $2, $3, $4)",
        [id, organisation.id, d.window, d.place],
      );
    }
    const folder = "/tmp/shots/line";
    mkdirSync(folder, { recursive: true });
    const words = {
      fr: {
        line: "Ligne d’écoute",
        deliveries: "Livraisons de matériel",
        request: "Nouvelle demande de livraison",
      },
      en: { line: "Phone and text line", deliveries: "Material deliveries", request: "New delivery request" },
    } as const;
    for (const language of ["fr", "en"] as const) {
      for (const [width, viewport] of [
        [360, phone],
        [1280, desktop],
      ] as const) {
        const page = await env.signIn(worker, { language, viewport });
        const base = env.server.url;
        const shoot = async (path: string, heading: string, name: string) => {
          await page.goto(`${base}${path}`);
          await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
          await page.getByRole("button").first().waitFor();
          await page.screenshot({ path: `${folder}/${name}-${language}-${width}.png`, fullPage: true });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        };
        await shoot("/ligne", words[language].line, "line");
        await page.getByRole("button", { name: language === "fr" ? "Vidéo" : "Video" }).click();
        await page.getByRole("button", { name: "WhatsApp" }).waitFor();
        await page.screenshot({ path: `${folder}/line-video-${language}-${width}.png`, fullPage: true });
        await shoot("/livraisons", words[language].deliveries, "deliveries");
        await page.getByText(language === "fr" ? "Terminées récemment" : "Recently closed").click();
        const scheduled = page.getByRole("listitem").filter({ hasText: "derrière le dépanneur" });
        await scheduled.getByRole("button", { name: language === "fr" ? "Livrée" : "Delivered" }).click();
        await scheduled.getByRole("alertdialog").waitFor();
        await page.screenshot({
          path: `${folder}/deliveries-confirm-${language}-${width}.png`,
          fullPage: true,
        });
        await shoot("/livraisons/nouvelle", words[language].request, "request");
        await page
          .getByRole("button", { name: language === "fr" ? "Enregistrer la demande" : "Save the request" })
          .click();
        await page
          .getByText(language === "fr" ? "Ce champ est obligatoire." : "This field is required.")
          .first()
          .waitFor();
        await page.screenshot({ path: `${folder}/request-refused-${language}-${width}.png`, fullPage: true });
        await page.context().close();
      }
    }
  });
});
