/**
 * A check before a safety alert is published (issue 14): does its text look like it names or
 * pins down a person — the victim, whom an alert must never identify? It is a warning, not a
 * filter: it looks for the usual slips (a first name, an age, a phone number, an e-mail, a
 * street address) in French and English and says what it found, and the writer decides. It
 * errs towards warning: a place or a brand written with a capital reads as a name (the writer
 * checks and goes on), while a name at the very start of a sentence, or written in lower case,
 * goes unnoticed (every sentence starts with a capital; the reminder above the form covers it).
 */

export const identifyingDetailKinds = ["NAME", "AGE", "PHONE", "EMAIL", "STREET_ADDRESS"] as const;
export type IdentifyingDetailKind = (typeof identifyingDetailKinds)[number];

export interface IdentifyingDetail {
  kind: IdentifyingDetailKind;
  /** The words found, as written. */
  text: string;
  /** Where they start in the text (UTF-16 index). */
  index: number;
}

const streetWords =
  "rue|boulevard|boul\\.?|bd|avenue|av\\.?|ave\\.?|chemin|ch\\.|rang|route|place|street|st\\.?|road|rd\\.?|blvd\\.?|drive|dr\\.?|lane|way|court";
const patterns: { kind: Exclude<IdentifyingDetailKind, "NAME">; pattern: RegExp }[] = [
  { kind: "EMAIL", pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu },
  // North-American numbers, with or without the area code and the leading 1.
  {
    kind: "PHONE",
    pattern: /(?<![\p{N}])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)?\d{3}[\s.-]\d{4}(?![\p{N}])/gu,
  },
  // "1234 rue Ontario", "1234, boul. Saint-Laurent": the number, then the kind of street.
  {
    kind: "STREET_ADDRESS",
    pattern: new RegExp(`(?<![\\p{N}])\\d{1,5}[a-z]?,?\\s+(?:${streetWords})(?![\\p{L}])`, "giu"),
  },
  // "12 Main Street", "400 Saint Paul St": the number, the street's capitalised name, its kind.
  {
    kind: "STREET_ADDRESS",
    pattern:
      /(?<![\p{N}])\d{1,5}[a-z]?,?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Way|Court)(?![\p{L}])/gu,
  },
  // "23 ans", "23 years old", "23yo", "23-year-old", "âgée de 23", "aged 23", "age 23".
  {
    kind: "AGE",
    pattern:
      /(?<![\p{N}])\d{1,2}\s?(?:ans(?![\p{L}])|-?years?[\s-]old|-?yrs?[\s-]old|y\.?o\.?(?![\p{L}]))|(?:âgée?s?|agée?s?|aged?)\s+(?:de\s+|d'environ\s+|of\s+|about\s+)?\d{1,2}(?![\p{N}])/giu,
  },
];

/** Capitalised words that are not names when written inside a sentence (English capitalises them). */
const notNames = new Set(
  [
    "i",
    "i'm",
    "i've",
    "i'd",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "mme",
    "mlle",
  ].map((word) => word.normalize("NFC")),
);

/** Words after which capitalised words name a place, not a person ("rue Ontario", "parc Lafontaine"). */
const placeWords = new Set([
  ...streetWords.replace(/\\\.\?|\\\./g, "").split("|"),
  "métro",
  "metro",
  "station",
  "parc",
  "park",
  "pont",
  "bridge",
  "quartier",
  "secteur",
  "hôtel",
  "hotel",
  "motel",
  "bar",
  "club",
  "salon",
  "centre",
  "center",
  "mont",
  "lac",
  "île",
  "ville",
]);

// A capitalised word (Marie, Marie-Ève, O'Neil), not an acronym (SPVM, CLSC): a capital then a
// lower-case letter.
const capitalised = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}[\p{L}]*(?:['’-]\p{Lu}?\p{Ll}[\p{L}]*)*/gu;

/** Whether the text before `index` ends a sentence (or there is none): its first word is capitalised anyway. */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'«»“”‘’([—–-]+$/u, "");
  return before === "" || /[.!?…:;\n]$/u.test(before) || /\n\s*$/u.test(text.slice(0, index));
}

function previousWord(text: string, index: number): string {
  const match = /([\p{L}.]+)[\s,]*$/u.exec(text.slice(0, index));
  return (match?.[1] ?? "").replace(/\.$/, "").toLowerCase();
}

function nameLikeWords(text: string): IdentifyingDetail[] {
  const found: IdentifyingDetail[] = [];
  const words = [...text.matchAll(capitalised)].map((m) => ({ text: m[0], index: m.index }));
  let i = 0;
  while (i < words.length) {
    // A run of capitalised words separated by single spaces is one name ("Marie Tremblay").
    const run = [words[i] as { text: string; index: number }];
    while (i + run.length < words.length) {
      const last = run[run.length - 1] as { text: string; index: number };
      const next = words[i + run.length] as { text: string; index: number };
      if (text.slice(last.index + last.text.length, next.index) !== " ") break;
      run.push(next);
    }
    i += run.length;
    const first = run[0] as { text: string; index: number };
    const named = run.filter((word) => !notNames.has(word.text.toLowerCase()));
    if (named.length === 0) continue;
    if (placeWords.has(previousWord(text, first.index))) continue;
    // One capitalised word opening a sentence is how sentences start; two read as a name.
    if (atSentenceStart(text, first.index) && named.length < 2) continue;
    const start = named[0] as { text: string; index: number };
    const end = named[named.length - 1] as { text: string; index: number };
    found.push({
      kind: "NAME",
      text: text.slice(start.index, end.index + end.text.length),
      index: start.index,
    });
  }
  return found;
}

/** What in `text` may identify a person, in the order it appears (empty: nothing found). */
export function identifyingDetails(text: string): IdentifyingDetail[] {
  const normalised = text.normalize("NFC");
  const found: IdentifyingDetail[] = [];
  for (const { kind, pattern } of patterns) {
    for (const match of normalised.matchAll(pattern)) {
      const overlapsEarlier = found.some(
        (other) =>
          match.index < other.index + other.text.length && other.index < match.index + match[0].length,
      );
      if (!overlapsEarlier) found.push({ kind, text: match[0].trim(), index: match.index });
    }
  }
  for (const name of nameLikeWords(normalised)) {
    // The capitalised street of an address is already found as the address.
    const inAddress = found.some(
      (other) => other.index <= name.index && name.index < other.index + other.text.length,
    );
    if (!inAddress) found.push(name);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The kinds found, each once, in a fixed order (what the audit event records). */
export function identifyingDetailKindsIn(text: string): IdentifyingDetailKind[] {
  const kinds = new Set(identifyingDetails(text).map((detail) => detail.kind));
  return identifyingDetailKinds.filter((kind) => kinds.has(kind));
}
