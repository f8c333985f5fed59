/**
 * Every string shown to people, French first. Each feature keeps its own catalogue
 * (features/<domain>/messages.ts) with `fr` and an `en` typed against it, so a missing English
 * string fails the typecheck; this file merges them.
 */
export type Messages = Record<string, string>;

/** Declares a feature's messages: English must have exactly the French keys. */
export function defineMessages<const F extends Messages>(fr: F, en: { [K in keyof F]: string }) {
  return { fr, en };
}
