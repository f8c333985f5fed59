import { describe, expect, it } from "vitest";
import { mayChangeShiftReport, shiftTimesProblem } from "./shift-reports.ts";

const now = new Date("2026-12-02T03:00:00Z");
const rule = { startedOn: "2015-04-01", timeZone: "America/Toronto", now };
const hour = 3_600_000;
const at = (hours: number) => new Date(now.getTime() + hours * hour);

describe("shift reports", () => {
  it("changed by their author or a coordinator only", () => {
    expect(mayChangeShiftReport({ userId: "a", roles: ["OUTREACH_WORKER"] }, { authorId: "a" })).toBe(true);
    expect(mayChangeShiftReport({ userId: "b", roles: ["OUTREACH_WORKER"] }, { authorId: "a" })).toBe(false);
    expect(mayChangeShiftReport({ userId: "b", roles: ["COORDINATOR"] }, { authorId: "a" })).toBe(true);
  });

  it("takes a shift that has begun, ends after its start and lasts a day at most", () => {
    expect(shiftTimesProblem(at(-6), at(-1), rule)).toBeNull();
    // Written as the shift goes on: its end may still be ahead.
    expect(shiftTimesProblem(at(-2), at(3), rule)).toBeNull();
    expect(shiftTimesProblem(at(-2), at(-3), rule)).toEqual({ path: "endsAt", code: "BEFORE_START" });
    expect(shiftTimesProblem(at(-2), at(-2), rule)).toEqual({ path: "endsAt", code: "BEFORE_START" });
    expect(shiftTimesProblem(at(-30), at(-4), rule)).toEqual({ path: "endsAt", code: "TOO_LARGE" });
    expect(shiftTimesProblem(at(2), at(6), rule)).toEqual({ path: "startsAt", code: "IN_THE_FUTURE" });
    // Logged years later (a past year's sheets): back to the organisation's start date, not before.
    expect(shiftTimesProblem(at(-24 * 2000), at(-24 * 2000 + 4), rule)).toBeNull();
    expect(
      shiftTimesProblem(new Date("2015-03-31T22:00:00Z"), new Date("2015-04-01T06:00:00Z"), rule),
    ).toEqual({ path: "startsAt", code: "BEFORE_ORGANISATION_START", limit: "2015-04-01" });
  });
});
