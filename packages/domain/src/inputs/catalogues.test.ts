import { describe, expect, it } from "vitest";
import { addCatalogueEntryInput, codeFromLabel, namesAnAccount } from "./catalogues.ts";
import { fieldErrorCodeOf, fieldPathOf } from "./field-problems.ts";

/** The field codes a parse of `input` finds, by path. */
function problems(input: unknown): Record<string, string> {
  const result = addCatalogueEntryInput.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [fieldPathOf(issue), fieldErrorCodeOf(issue)]));
}

describe("catalogue entries", () => {
  it("suggests a code from a label", () => {
    expect(codeFromLabel("Bons d'épicerie")).toBe("BONS_D_EPICERIE");
    expect(codeFromLabel("  3 trousses — naloxone ")).toBe("TROUSSES_NALOXONE");
    expect(codeFromLabel("é")).toBe("");
  });

  it("tells a site's name from a person's ad or handle", () => {
    for (const site of ["LeoList", "leolist.cc", "OnlyFans", "Teams / Zoom", "Snapchat"])
      expect(namesAnAccount(site), site).toBe(false);
    for (const account of [
      "https://leolist.cc/personals/jane",
      "www.onlyfans.com",
      "onlyfans.com/jane",
      "@jane.doe",
      "Instagram @jane",
      "jane@example.com",
    ])
      expect(namesAnAccount(account), account).toBe(true);
  });

  it("names each refusal by its field code", () => {
    const material = { list: "MATERIAL", code: "KITS", labelFr: "Trousses", labelEn: "Kits" };
    expect(problems({ ...material, unit: "KIT" })).toEqual({ category: "REQUIRED" });
    expect(problems({ ...material, list: "SERVICE", category: "HYGIENE" })).toEqual({
      category: "INVALID_VALUE",
    });
    expect(problems({ ...material, list: "PLATFORM", labelEn: "@kits" })).toEqual({
      labelEn: "SITE_NAME_ONLY",
    });
    // The same names on a material item are not a platform's: no such rule.
    expect(problems({ ...material, labelEn: "@kits", category: "OTHER", unit: "KIT" })).toEqual({});
  });
});
