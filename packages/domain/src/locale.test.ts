import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locale.ts";

describe("localeFromAcceptLanguage", () => {
  it("defaults to French", () => {
    expect(localeFromAcceptLanguage(undefined)).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE")).toBe("fr");
  });
  it("follows the preferred language among French and English", () => {
    expect(localeFromAcceptLanguage("en-CA,en;q=0.9,fr;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("fr-CA, en;q=0.8")).toBe("fr");
    expect(localeFromAcceptLanguage("de;q=1, en;q=0.7")).toBe("en");
  });
});
