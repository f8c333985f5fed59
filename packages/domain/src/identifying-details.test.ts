import { describe, expect, it } from "vitest";
import { identifyingDetailKindsIn, identifyingDetails } from "./identifying-details.ts";

const found = (text: string) => identifyingDetails(text).map(({ kind, text }) => [kind, text]);

describe("identifyingDetails: what may name or pin down a person", () => {
  it("finds a first name inside a sentence, in French and English", () => {
    expect(found("Le client a frappé Marie dans la chambre.")).toEqual([["NAME", "Marie"]]);
    expect(found("The client hit Jessica in the car.")).toEqual([["NAME", "Jessica"]]);
    expect(found("Il a suivi Marie-Ève jusqu'au métro.")).toEqual([["NAME", "Marie-Ève"]]);
  });

  it("reads a first and last name as one, even opening a sentence", () => {
    expect(found("Il a menacé Marie Tremblay avec un couteau.")).toEqual([["NAME", "Marie Tremblay"]]);
    expect(found("Marie Tremblay a été frappée.")).toEqual([["NAME", "Marie Tremblay"]]);
  });

  it("finds ages written the usual ways", () => {
    expect(identifyingDetailKindsIn("Une femme de 23 ans a été agressée.")).toEqual(["AGE"]);
    expect(found("une jeune âgée de 17 ans")).toEqual([["AGE", "âgée de 17"]]);
    expect(found("victim 23 years old")).toEqual([["AGE", "23 years old"]]);
    expect(found("a 19yo worker")).toEqual([["AGE", "19yo"]]);
    expect(found("a 23-year-old woman")).toEqual([["AGE", "23-year-old"]]);
    expect(found("she was aged 21")).toEqual([["AGE", "aged 21"]]);
  });

  it("finds phone numbers, e-mails and street addresses", () => {
    expect(found("Texter au 514 555-1234 ou au (438) 555 9876.")).toEqual([
      ["PHONE", "514 555-1234"],
      ["PHONE", "(438) 555 9876"],
    ]);
    expect(found("call 555-0199")).toEqual([["PHONE", "555-0199"]]);
    expect(found("écrire à julie.b@exemple.ca")).toEqual([["EMAIL", "julie.b@exemple.ca"]]);
    expect(found("chez elle au 1234 rue Ontario")).toEqual([["STREET_ADDRESS", "1234 rue"]]);
    expect(found("au 4521, boul. Saint-Laurent")).toEqual([["STREET_ADDRESS", "4521, boul."]]);
    expect(found("at her place, 12 Main Street")).toEqual([["STREET_ADDRESS", "12 Main Street"]]);
  });

  it("says nothing of a text that describes the aggressor and the place only", () => {
    expect(found("Client violent, a refusé de payer et a frappé la travailleuse au visage.")).toEqual([]);
    expect(found("Homme grand, barbe rousse, tatouage au cou. Il se montre insistant.")).toEqual([]);
    expect(found("Pickup truck, grey. He refused to pay on Friday in March.")).toEqual([]);
    // Acronyms, and capitalised names of streets, parks and stations, are not names.
    expect(found("Signalé au SPVM et au CLSC, près du métro Berri et du parc Lafontaine.")).toEqual([]);
    expect(found("Vu rue Sainte-Catherine, boulevard Saint-Laurent.")).toEqual([]);
    // Dates, times and prices are not ages or phone numbers.
    expect(found("Le 23 mars vers 23 h, pour 200 $, chambre 12.")).toEqual([]);
  });

  it("accepts these false alarms: the writer reads the warning and goes on", () => {
    // A place or a brand without a street word before it reads as a name.
    expect(found("Il conduit une Honda Civic et traîne à Longueuil.")).toEqual([
      ["NAME", "Honda Civic"],
      ["NAME", "Longueuil"],
    ]);
    // The aggressor's age is an age too (the warning asks whose it is).
    expect(found("Un homme d'environ 40 ans.")).toEqual([["AGE", "40 ans"]]);
    // "2 ans de prison" is no one's age.
    expect(identifyingDetailKindsIn("Il sort de 2 ans de prison.")).toEqual(["AGE"]);
  });

  it("misses a single name opening a sentence, or a name in lower case (the reminder covers them)", () => {
    expect(found("Jessica a été frappée.")).toEqual([]);
    expect(found("le client a frappé jessica.")).toEqual([]);
  });

  it("lists the kinds found once each, in a fixed order", () => {
    expect(identifyingDetailKindsIn("Julie, 23 ans, au 514 555-1234, a vu Marie.")).toEqual([
      "NAME",
      "AGE",
      "PHONE",
    ]);
    expect(identifyingDetailKindsIn("")).toEqual([]);
  });
});
