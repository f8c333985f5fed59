import { describe, expect, it } from "vitest";
import {
  errorCodes,
  errorMessage,
  errorMessages,
  fieldErrorCodes,
  fieldErrorMessage,
  fieldErrorMessages,
  minutesToWait,
} from "./errors.ts";
import { locales } from "./locale.ts";

describe("error messages", () => {
  it("says how many minutes to wait, with the plural of each language", () => {
    expect(errorMessage("fr", "TOO_MANY_ATTEMPTS", { minutes: 1 })).toBe(
      "Trop de tentatives de connexion. Réessayez dans 1 minute.",
    );
    expect(errorMessage("fr", "TOO_MANY_ATTEMPTS", { minutes: 15 })).toBe(
      "Trop de tentatives de connexion. Réessayez dans 15 minutes.",
    );
    expect(errorMessage("en", "TOO_MANY_ATTEMPTS", { minutes: 1 })).toBe(
      "Too many sign-in attempts. Try again in 1 minute.",
    );
    expect(errorMessage("en", "TOO_MANY_ATTEMPTS", { minutes: 2 })).toBe(
      "Too many sign-in attempts. Try again in 2 minutes.",
    );
  });

  it("waits at least one whole minute", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(0)).toBe(1);
  });

  // The API still reads `errorMessages[locale][code]` directly in places (server.ts): for a code
  // that takes no values, the catalogue's text must be the formatted message itself (no ICU
  // quoting such as '' or '{ that would print differently).
  it("keeps every message without values readable as it is written", () => {
    for (const locale of locales) {
      for (const code of errorCodes) {
        if (code === "TOO_MANY_ATTEMPTS") continue;
        expect(errorMessage(locale, code)).toBe(errorMessages[locale][code]);
      }
      for (const code of fieldErrorCodes) {
        // The two that take values (record-dates.test.ts checks their words).
        if (code === "BEFORE_ORGANISATION_START" || code === "IN_THE_FUTURE") continue;
        if (code === "AFTER_EARLIEST_RECORD") continue;
        expect(fieldErrorMessage(locale, code)).toBe(fieldErrorMessages[locale][code]);
      }
    }
  });
});
