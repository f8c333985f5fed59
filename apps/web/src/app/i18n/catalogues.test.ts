/**
 * The French and English catalogues (shell, features, the domain's error messages, the enum
 * labels) must have the same keys, parse as ICU messages, take the same values in both
 * languages, and say something in French that is not the English text left in place.
 */
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogues } from "./catalogues.ts";

type Catalogue = Record<string, string>;

/**
 * Keys whose French is rightly the same as the English: a proper noun, or a word both languages
 * spell alike. Each entry is a reviewed exception; anything else identical is an untranslated
 * string.
 */
const sameInBothLanguages = new Set([
  "app.name", // "Maillage", the product's name
  "timeline.note", // "Note"
  "enum.PlaceType.BAR", // "Bar"
  "enum.VenueKind.BAR", // "Bar"
  "enum.MaterialCategory.NALOXONE", // "Naloxone"
  "enum.CatalogueList.SERVICE", // "Services"
  "catalogue.nav", // "Catalogue"
  "enum.ClinicalActKind.CONTRACEPTION", // "Contraception"
  "enum.ClinicalActKind.VACCINATION", // "Vaccination"
  "enum.Theme.FINANCES", // "Finances"
  "enum.Theme.JUSTICE", // "Justice"
  "enum.Theme.VIOLENCE", // "Violence"
  "enum.AccompanimentDestination.POLICE", // "Police"
  "dashboard.total", // "Total"
  "dashboard.suppressedMark", // "x": the mark of a suppressed count in both (DESIGN.md §3, rule 4)
  "accompaniments.destination", // "Destination"
  "referrals.detail.message", // "Message"
  "audit.col.action", // "Action"
  "audit.recordKind.SESSION", // "Session"
  "audit.recordKind.INVITATION", // "Invitation"
  "visits.minutes", // "{count} min": the same abbreviation
]);

/** The words of a message outside its placeholders (a message of only values and signs has none). */
function literalWords(elements: MessageFormatElement[]): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.plural || element.type === TYPE.select)
        return Object.values(element.options)
          .map((option) => literalWords(option.value))
          .join(" ");
      return " ";
    })
    .join("");
}

/** The values a message takes, with their kind: `name:argument`, `count:plural`… */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}:argument`);
        break;
      case TYPE.number:
        found.add(`${element.value}:number`);
        break;
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:date`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(element.options)) placeholders(option.value, found);
        break;
      case TYPE.tag:
        found.add(`${element.value}:tag`);
        placeholders(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

/** Every problem of a pair of catalogues, as readable lines (empty when they are right). */
function problemsOf(fr: Catalogue, en: Catalogue, allowedSame: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(fr)) if (!(key in en)) problems.push(`${key}: missing in English`);
  for (const key of Object.keys(en)) if (!(key in fr)) problems.push(`${key}: missing in French`);
  for (const key of Object.keys(fr)) {
    const french = fr[key];
    const english = en[key];
    if (french === undefined || english === undefined) continue;
    let frenchValues: Set<string>;
    let englishValues: Set<string>;
    try {
      frenchValues = placeholders(parse(french));
    } catch (error) {
      problems.push(`${key}: French does not parse (${String(error)})`);
      continue;
    }
    try {
      englishValues = placeholders(parse(english));
    } catch (error) {
      problems.push(`${key}: English does not parse (${String(error)})`);
      continue;
    }
    const frenchList = [...frenchValues].sort().join(", ");
    const englishList = [...englishValues].sort().join(", ");
    if (frenchList !== englishList)
      problems.push(`${key}: values differ (fr ${frenchList}; en ${englishList})`);
    if (!french.trim()) problems.push(`${key}: empty in French`);
    if (!english.trim()) problems.push(`${key}: empty in English`);
    // "{area} — {date}" or "< 5" say nothing in a language: only words can be left untranslated.
    const hasWords = /\p{L}/u.test(literalWords(parse(french)));
    if (french === english && hasWords && !allowedSame.has(key))
      problems.push(`${key}: French left as the English "${english}"`);
  }
  return problems;
}

function format(language: "fr" | "en", key: string, values: Record<string, number>): string {
  const message = (catalogues[language] as Catalogue)[key];
  if (message === undefined) throw new Error(`no message ${key}`);
  return String(new IntlMessageFormat(message, language === "fr" ? "fr-CA" : "en-CA").format(values));
}

describe("catalogues", () => {
  it("are complete, parse, take the same values and are translated", () => {
    expect(problemsOf(catalogues.fr, catalogues.en, sameInBothLanguages)).toEqual([]);
  });

  it("hold the domain's error messages and the schema enums' labels", () => {
    expect(catalogues.fr["errors.NOT_FOUND"]).toBe("Introuvable, ou vous n'y avez pas accès.");
    expect(catalogues.en["field.REQUIRED"]).toBe("This field is required.");
    expect(catalogues.fr["enum.Gender.NON_BINARY"]).toBe("Non binaire");
  });

  // The check must be able to fail: each kind of mistake it exists for is caught.
  it("finds a missing key, a parse error, different values and an untranslated string", () => {
    const fr = {
      "a.missing": "Seulement en français",
      "a.broken": "Bonjour {name",
      "a.values": "Bonjour {name}",
      "a.plural": "{count, plural, one {# réponse} other {# réponses}}",
      "a.same": "Identical words",
      "a.reviewed": "Allowed",
      "a.signs": "{a} — {b}",
    };
    const en = {
      "a.broken": "Hello {name}",
      "a.values": "Hello {person}",
      "a.plural": "{count} answers",
      "a.same": "Identical words",
      "a.reviewed": "Allowed",
      "a.signs": "{a} — {b}",
      "a.extra": "Only in English",
    };
    expect(problemsOf(fr, en, new Set(["a.reviewed"]))).toEqual([
      "a.missing: missing in English",
      "a.extra: missing in French",
      expect.stringMatching(/^a\.broken: French does not parse/),
      "a.values: values differ (fr name:argument; en person:argument)",
      "a.plural: values differ (fr count:plural; en count:argument)",
      'a.same: French left as the English "Identical words"',
    ]);
  });

  it("says plurals right in both languages", () => {
    // French: 0 and 1 take the singular; English: only 1.
    expect(format("fr", "persons.shown", { count: 0 })).toBe("0 personne affichée");
    expect(format("fr", "persons.shown", { count: 1 })).toBe("1 personne affichée");
    expect(format("fr", "persons.shown", { count: 2 })).toBe("2 personnes affichées");
    expect(format("en", "persons.shown", { count: 0 })).toBe("0 people shown");
    expect(format("en", "persons.shown", { count: 1 })).toBe("1 person shown");
    expect(format("en", "persons.shown", { count: 2 })).toBe("2 people shown");
    expect(format("fr", "timeline.people", { count: 3 })).toBe("3 personnes rencontrées");
    expect(format("en", "timeline.people", { count: 1 })).toBe("1 person met");
    expect(format("fr", "errors.TOO_MANY_ATTEMPTS", { minutes: 1 })).toBe(
      "Trop de tentatives de connexion. Réessayez dans 1 minute.",
    );
    expect(format("en", "errors.TOO_MANY_ATTEMPTS", { minutes: 5 })).toBe(
      "Too many sign-in attempts. Try again in 5 minutes.",
    );
    // Numbers take each language's grouping: a no-break space in Canadian French, a comma in English.
    expect(format("fr", "persons.shown", { count: 1200 })).toBe("1\u00a0200 personnes affichées");
    expect(format("en", "persons.shown", { count: 1200 })).toBe("1,200 people shown");
  });
});
