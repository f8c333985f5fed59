import { describe, expect, it } from "vitest";
import { encounterLimits } from "../field-work.ts";
import { anonymousContactInput } from "./encounters.ts";

describe("an anonymous group's head count", () => {
  const group = (headCount: number) =>
    anonymousContactInput.safeParse({ gender: "WOMAN", ageBracket: "AGE_18_25", headCount });

  it("is no longer capped at 50: a group of 120 (a school assembly, a festival stand) is counted", () => {
    expect(group(120)).toMatchObject({ success: true, data: { headCount: 120 } });
    expect(group(encounterLimits.maxHeadCount).success).toBe(true);
  });
  it("stays within a few thousand, under the SmallInt column's 32,767, and at least one", () => {
    expect(encounterLimits.maxHeadCount).toBeLessThanOrEqual(32_767);
    expect(group(encounterLimits.maxHeadCount + 1).success).toBe(false);
    expect(group(0).success).toBe(false);
  });
});
