import { describe, expect, it } from "vitest";
import {
  aliasSearchKey,
  editDistance,
  mayChangeEncounter,
  possibleDuplicates,
  venueIsOverdue,
} from "./field-work.ts";

describe("aliasSearchKey", () => {
  it("drops accents and case", () => {
    expect(aliasSearchKey("  Éloïse ")).toBe("eloise");
    expect(aliasSearchKey("MA-LOU  Ç")).toBe("ma-lou c");
  });
});

describe("possibleDuplicates", () => {
  const candidates = [
    { id: "1", aliasSearch: "eloise", birthYear: 1999 },
    { id: "2", aliasSearch: "eloise", birthYear: 1985 },
    { id: "3", aliasSearch: "heloise", birthYear: 2001 },
    { id: "4", aliasSearch: "cherry b.", birthYear: 1990 },
    { id: "5", aliasSearch: "mia", birthYear: 1990 },
  ];
  it("flags the same alias and birth year, and similar aliases", () => {
    expect(possibleDuplicates("Éloïse", 1999, candidates).map((c) => c.id)).toEqual(["1", "2"]);
    expect(possibleDuplicates("Éloïse", null, candidates).map((c) => c.id)).toEqual(["1", "2", "3"]);
    expect(possibleDuplicates("Cherry", null, candidates).map((c) => c.id)).toEqual(["4"]);
    expect(possibleDuplicates("Lia", 1990, candidates).map((c) => c.id)).toEqual(["5"]);
    expect(possibleDuplicates("Lia", 1970, candidates)).toEqual([]);
    expect(possibleDuplicates("Zoé", 1990, candidates)).toEqual([]);
  });
  it("bounds the edit distance", () => {
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("abcdefgh", "zzzzzzzz", 2)).toBe(3);
  });
});

describe("venueIsOverdue", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("is overdue when the cadence passed since the last visit, or never visited", () => {
    expect(venueIsOverdue(new Date("2026-11-10T12:00:00Z"), 14, now)).toBe(true);
    expect(venueIsOverdue(new Date("2026-11-20T12:00:00Z"), 14, now)).toBe(false);
    expect(venueIsOverdue(null, 7, now)).toBe(true);
    expect(venueIsOverdue(null, null, now)).toBe(false);
  });
});

describe("mayChangeEncounter", () => {
  it("lets the author and coordinators change an encounter", () => {
    expect(mayChangeEncounter({ userId: "a", roles: ["OUTREACH_WORKER"] }, { authorId: "a" })).toBe(true);
    expect(mayChangeEncounter({ userId: "b", roles: ["OUTREACH_WORKER"] }, { authorId: "a" })).toBe(false);
    expect(mayChangeEncounter({ userId: "c", roles: ["COORDINATOR"] }, { authorId: "a" })).toBe(true);
  });
});
