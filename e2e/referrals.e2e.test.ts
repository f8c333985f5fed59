// The closed loop of a referral, in two browsers: one organisation refers a consenting person
// to its partner; the partner accepts, starts and completes it; the sender sees the outcome.

import { createPerson } from "@maillage/db/factories";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserMissing, browserTestEnvironment } from "./browser.ts";
import { testData } from "./test-data.ts";

const env = browserTestEnvironment();

/** A Relay global id, as the API encodes it. */
const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString("base64");

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(browserMissing)("referrals", () => {
  it("sends a referral, and the partner accepts, starts and completes it; the sender sees the outcome", async () => {
    const { pool, partners, member, consent } = testData(env.server.databaseUrl);
    const { street, health } = await partners({
      street: "Réseau Ancrage (référence)",
      health: "CIUSSS Santé (référence)",
    });
    const sender = await member(street, ["OUTREACH_WORKER"], "Sam Envoi");
    const receiver = await member(health, ["NURSE"], "Rita Réception");
    const person = await createPerson(pool, { organisationId: street.id, alias: "Étoile-référée" });
    await consent(street, person, health, ["PROFILE"], sender);

    // The sender refers the person from the send screen.
    const sent = await env.signIn(sender);
    await sent.goto(
      `${env.server.url}/references/nouvelle?personne=${encodeURIComponent(globalId("Person", person.id))}`,
    );
    await sent.getByText("Personne : Étoile-référée").waitFor();
    await sent.getByLabel("Organisme partenaire").selectOption({ label: health.name });
    await sent.getByLabel("Service demandé").fill("Dépistage ITSS");
    await sent.getByLabel("Motif de la référence").fill("Souhaite un dépistage rapidement.");
    await sent.getByRole("button", { name: "Urgente" }).click();
    expect(await sent.getByRole("button", { name: "Urgente" }).getAttribute("aria-pressed")).toBe("true");
    await sent.getByRole("button", { name: "Envoyer la référence" }).click();
    await sent.getByText(`Référence envoyée à ${health.name}.`).waitFor();
    expect(await noSidewaysScroll(sent)).toBeLessThanOrEqual(360);

    // The receiver, in another browser context, finds it among the new ones and opens it.
    const received = await env.signIn(receiver);
    await received.getByRole("link", { name: "Références" }).click();
    await received.getByRole("heading", { name: "Références", level: 1 }).waitFor();
    expect(await received.getByRole("button", { name: "Reçues" }).getAttribute("aria-pressed")).toBe("true");
    const row = received.getByRole("listitem").filter({ hasText: "Dépistage ITSS" });
    expect(await row.textContent()).toContain(`De : ${street.name}`);
    expect(await row.textContent()).toContain("Urgence : Urgente");
    await row.getByRole("link", { name: /Étoile-référée/ }).click();
    await received.getByRole("heading", { name: "Référence : Dépistage ITSS" }).waitFor();

    await received.getByRole("button", { name: "Accepter" }).click();
    await received.getByText("C'est noté : la référence est maintenant « Acceptée ».").waitFor();
    await received.getByRole("button", { name: "Commencer le suivi" }).click();
    await received.getByText("C'est noté : la référence est maintenant « En cours ».").waitFor();
    await received.getByRole("button", { name: "Compléter" }).click();
    // The outcome is required: the API's field error shows next to it, the note typed is kept.
    await received.getByLabel("Note sur l'issue").fill("Rendez-vous pris à la clinique.");
    await received.getByRole("button", { name: "Confirmer : compléter" }).click();
    await received.getByText("Ce champ est obligatoire.").waitFor();
    expect(await received.getByLabel("Note sur l'issue").inputValue()).toBe(
      "Rendez-vous pris à la clinique.",
    );
    await received
      .getByRole("combobox", { name: /^Issue/ })
      .selectOption({ label: "Personne reliée au service" });
    await received.getByRole("button", { name: "Confirmer : compléter" }).click();
    await received.getByText("C'est noté : la référence est maintenant « Complétée ».").waitFor();
    const history = received.getByRole("list").filter({ hasText: "Envoyée —" });
    expect(await history.getByRole("listitem").count()).toBe(4);
    expect(await noSidewaysScroll(received)).toBeLessThanOrEqual(360);

    // Back to the sender: the outbox and the detail show the closed loop.
    await sent.getByRole("link", { name: "Références" }).click();
    await sent.getByRole("button", { name: "Envoyées" }).click();
    await sent.getByRole("button", { name: "Fermées" }).click();
    const closed = sent.getByRole("listitem").filter({ hasText: "Dépistage ITSS" });
    await closed.getByText("Complétée").waitFor();
    await closed.getByRole("link", { name: /Étoile-référée/ }).click();
    await sent.getByRole("heading", { name: "Référence : Dépistage ITSS" }).waitFor();
    await sent.getByText("Personne reliée au service").waitFor();
    await sent.getByText("Rendez-vous pris à la clinique.").waitFor();
    expect(
      await sent.getByText("Aucune action de votre part n'est possible à cette étape.").isVisible(),
    ).toBe(true);
    await sent.context().close();
    await received.context().close();
  });
});
