import type { Locale } from "@maillage/domain";
import { indicatorSections, indicatorSectionTitles } from "@maillage/domain/indicators";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderAnnualReport } from "./annual-report-pdf.ts";
import { reportFixture } from "./report-fixture.ts";

const generatedAt = new Date("2019-04-20T14:00:00Z");

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text;
}

/** Extracted text with its no-break spaces as plain ones, lines joined, for phrase matching. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");

const rendered = new Map<Locale, Promise<string[]>>();
function report(locale: Locale): Promise<string[]> {
  let pages = rendered.get(locale);
  if (!pages) {
    pages = renderAnnualReport(reportFixture(), locale, { generatedAt }).then(pagesOf);
    rendered.set(locale, pages);
  }
  return pages;
}

describe("the annual report in PDF", () => {
  it("is a PDF on Letter paper for a Québec programme, A4 elsewhere", async () => {
    const letter = await renderAnnualReport(reportFixture(), "fr", { generatedAt });
    expect(letter.subarray(0, 5).toString()).toBe("%PDF-");
    const document = await getDocumentProxy(new Uint8Array(letter));
    const page = await document.getPage(1);
    expect(page.view.slice(2)).toEqual([612, 792]);

    const a4 = await renderAnnualReport(reportFixture({ timeZone: "Europe/Brussels" }), "fr", {
      generatedAt,
    });
    const a4Page = await (await getDocumentProxy(new Uint8Array(a4))).getPage(1);
    expect(a4Page.view[2]).toBeCloseTo(595.28, 1);
    expect(a4Page.view[3]).toBeCloseTo(841.89, 1);
  });

  it("embeds DejaVu Sans (accents, no-break spaces), never a standard PDF font", async () => {
    const pdf = (await renderAnnualReport(reportFixture(), "fr", { generatedAt })).toString("latin1");
    const fonts = [...pdf.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((match) =>
      match[1]?.replace(/^[A-Z]{6}\+/, ""),
    );
    expect(new Set(fonts)).toEqual(
      new Set([
        "DejaVuSansCondensed",
        "DejaVuSansCondensed-Bold",
        "DejaVuSansCondensed-Oblique",
        "DejaVuSans-Bold",
      ]),
    );
  });

  it("opens with the title block and the headline numbers beside the previous year (French)", async () => {
    const pages = await report("fr");
    const text = plain(pages[0] ?? "");
    expect(text).toContain("RAPPORT ANNUEL · STATISTIQUES D’ACTIVITÉ");
    expect(text).toContain("Table de concertation en travail de rue");
    expect(text).toContain("Partenariat · 2018–2019");
    expect(text).toContain("2018–2019 (1er avril 2018 – 31 mars 2019)");
    expect(text).toContain("Chiffres au 15 avril 2019");
    expect(text).toContain("1 284 Personnes rencontrées 2017–2018 : 1 197 +7,3 %");
    expect(text).toContain("5 166 Rencontres 2017–2018 : 4 890 +5,6 %");
    expect(text).toContain("3 412 Contacts anonymes 2017–2018 : 3 055 +11,7 %");
    expect(text).toContain("Rencontres par mois");
    expect(text).toMatch(/402 avr\. 418 mai/);
    expect(text).toMatch(/Page 1 sur \d+/);
  });

  it("opens with the same numbers in English", async () => {
    const text = plain((await report("en"))[0] ?? "");
    expect(text).toContain("ANNUAL REPORT · ACTIVITY STATISTICS");
    expect(text).toContain("Partnership · 2018–2019");
    expect(text).toContain("2018–2019 (April 1, 2018 – March 31, 2019)");
    expect(text).toContain("Figures as of April 15, 2019");
    expect(text).toContain("1,284 Persons met 2017–2018: 1,197 +7.3%");
    expect(text).toContain("5,166 Encounters 2017–2018: 4,890 +5.6%");
    expect(text).toMatch(/402 Apr 418 May/);
  });

  it("prints each table with its counts, shares and the previous year, x for suppressed cells", async () => {
    const fr = plain((await report("fr")).join("\n"));
    expect(fr).toContain("Personnes rencontrées selon le genre");
    expect(fr).toContain("Genre déclaré par la personne, le plus récent consigné dans la période.");
    expect(fr).toContain("Femme 702 54,7 % 650 54,3 %");
    expect(fr).toContain("Homme trans x x x x");
    expect(fr).toContain("Total : Personnes rencontrées dans la période 1 284 1 197");
    // A true zero is 0, with its share.
    expect(fr).toContain("Moins de 18 ans 0 0,0 % 0 0,0 %");
    // A table without a denominator: counts only.
    expect(fr).toContain("Tests de grossesse 0 x");
    expect(fr).toContain("Condoms 30 412 28 870");
    // Overlapping tables say so.
    expect(fr).toContain("la somme des parts peut dépasser 100 %");
    // The x footnote.
    expect(fr).toContain("x : valeur masquée (effectif de 1 à 4");

    const en = plain((await report("en")).join("\n"));
    expect(en).toContain("Persons met by gender");
    expect(en).toContain("Woman 702 54.7% 650 54.3%");
    expect(en).toContain("Trans man x x x x");
    expect(en).toContain("Under 18 0 0.0% 0 0.0%");
    expect(en).toContain("shares may add up to more than 100%");
    expect(en).toContain("x: value hidden (a count from 1 to 4");
  });

  it("has one part per section, in order, with translated titles", async () => {
    const fr = plain((await report("fr")).join("\n"));
    // The registry's section titles, in the registry's order.
    const titles = indicatorSections.map((section) => indicatorSectionTitles[section].fr);
    expect(titles).toHaveLength(12);
    let from = 0;
    titles.forEach((title, index) => {
      const at = fr.indexOf(`${index + 1}. ${title}`, from);
      expect(at, title).toBeGreaterThan(from);
      from = at;
    });
    const en = plain((await report("en")).join("\n"));
    for (const title of [
      `1. ${indicatorSectionTitles.persons.en}`,
      `6. ${indicatorSectionTitles.referrals.en}`,
      `8. ${indicatorSectionTitles.nightCentre.en}`,
      `9. ${indicatorSectionTitles.line.en}`,
      `12. ${indicatorSectionTitles.outcomes.en}`,
    ]) {
      expect(en).toContain(title);
    }
  });

  it("puts the footnote on every page that shows an x, and only there", async () => {
    for (const locale of ["fr", "en"] as const) {
      const footnote = locale === "fr" ? "x : valeur masquée" : "x: value hidden";
      const pages = await report(locale);
      // The methods note quotes « x » in its text: the pages before it hold the figures.
      const methodsAt = pages.findIndex((page) => /Note méthodologique|Methods note/.test(page));
      let withFootnote = 0;
      for (const page of pages.slice(0, methodsAt)) {
        if (plain(page).includes(footnote)) withFootnote += 1;
        const body = plain(page).replace(plain(footnote), "");
        const showsX = / x( |$)/.test(body.replace(/\(x\)/g, ""));
        expect(plain(page).includes(footnote), page.slice(0, 80)).toBe(showsX);
      }
      expect(withFootnote).toBeGreaterThan(3);
      expect(withFootnote).toBeLessThan(methodsAt);
    }
  });

  it("ends with the methods note: period, follow-up rule, suppression rule, definitions", async () => {
    const fr = await report("fr");
    const methodsAt = fr.findIndex((page) => page.includes("Note méthodologique"));
    expect(methodsAt).toBeGreaterThan(0);
    const methods = plain(fr.slice(methodsAt).join("\n"));
    expect(methods).toContain("du 1er avril 2018 au 31 mars 2019 inclusivement");
    expect(methods).toContain("America/Toronto");
    expect(methods).toContain("rencontrée au moins 6 fois au cours de la période");
    expect(methods).toContain("instantané des indicateurs calculé chaque nuit, ici celui du 15 avril 2019");
    expect(methods).toContain("programmation linéaire en nombres entiers");
    expect(methods).toContain("compris entre 1 et 4 est masqué");
    expect(methods).not.toContain("{threshold}");
    expect(methods).toContain("Définitions des indicateurs");
    expect(methods).toContain(
      "Délai de première réponse Jours entre la référence et la première réponse du service.",
    );

    const en = await report("en");
    const enMethods = plain(en.slice(en.findIndex((page) => page.includes("Methods note"))).join("\n"));
    expect(enMethods).toContain("met at least 6 times in the period");
    expect(enMethods).toContain("integer linear programming");
    expect(enMethods).toContain(
      "Time to first answer Days between the referral and the service's first answer.",
    );
  });

  it("numbers its pages", async () => {
    const pages = await report("en");
    pages.forEach((page, index) => {
      expect(plain(page)).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it("prints x for a suppressed month and a suppressed headline figure", async () => {
    const published = reportFixture();
    const monthly = published.monthly.map((month, index) =>
      index === 2 ? { ...month, encounters: null } : month,
    );
    const figures = published.figures.map((figure) =>
      figure.name === "anonymousContacts" ? { ...figure, value: null } : figure,
    );
    const pages = await pagesOf(
      await renderAnnualReport({ ...published, monthly, figures }, "fr", { generatedAt }),
    );
    const first = plain(pages[0] ?? "");
    expect(first).toContain("x Contacts anonymes 2017–2018 : 3 055");
    expect(first).toMatch(/418 mai x juin 470 juil\./);
    expect(first).toContain("x : valeur masquée");
  });

  it("states exact live figures for one organisation, without previous period", async () => {
    const published = reportFixture({
      scope: { kind: "ORGANISATION", name: "Stella, l’amie de Maimie" },
      suppressed: false,
      asOf: null,
      previous: null,
    });
    const text = plain(
      (await pagesOf(await renderAnnualReport(published, "fr", { generatedAt }))).join("\n"),
    );
    expect(text).toContain("Organisation · 2018–2019");
    expect(text).toContain("Chiffres au 20 avril 2019 (chiffres en direct)");
    expect(text).toContain("Période de comparaison aucune");
    expect(text).toContain("Femme 702 54,7 %");
    expect(text).not.toContain("Femme 702 54,7 % 650");
    expect(text).toContain("aucun effectif n’y est masqué");
    expect(text).not.toContain("programmation linéaire");
  });
});
