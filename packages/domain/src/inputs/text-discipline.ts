/**
 * The one boundary every written string crosses (apps/api/src/mutations.ts runs it on each
 * mutation's arguments before its schema): text is stored as it was meant, or refused — never
 * silently changed by the database or the driver.
 *
 * - Refused: a string that is not well-formed UTF-16 (a lone surrogate, which UTF-8 cannot store);
 *   C0 and C1 control characters other than tab, line feed and carriage return (NUL among them,
 *   which PostgreSQL refuses); the bidirectional embedding, override and isolate controls
 *   (U+202A–U+202E, U+2066–U+2069), with which "Marie" can be made to read as another name.
 * - Normalised: everything else to NFC, so that "é" typed on two keyboards is one value (and one
 *   search key, one length).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string may be stored as it is (after NFC). */
export function isAcceptableText(text: string): boolean {
  return !loneSurrogate.test(text) && !forbidden.test(text);
}

export interface DisciplinedText {
  /** The value with each string in NFC (the same shape otherwise). */
  value: unknown;
  /** Paths ("alias", "items.2.note") of the strings refused. */
  refused: string[];
}

/** Walks a value (objects, arrays, strings), refusing and normalising its strings. */
export function disciplinedText(value: unknown, path: string[] = []): DisciplinedText {
  if (typeof value === "string") {
    return isAcceptableText(value)
      ? { value: value.normalize("NFC"), refused: [] }
      : { value, refused: [path.join(".")] };
  }
  if (Array.isArray(value)) {
    const refused: string[] = [];
    const items = value.map((item, index) => {
      const checked = disciplinedText(item, [...path, String(index)]);
      refused.push(...checked.refused);
      return checked.value;
    });
    return { value: items, refused };
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const refused: string[] = [];
    const entries = Object.entries(value).map(([key, item]) => {
      const checked = disciplinedText(item, [...path, key]);
      refused.push(...checked.refused);
      return [key, checked.value] as const;
    });
    return { value: Object.fromEntries(entries), refused };
  }
  return { value, refused: [] };
}
