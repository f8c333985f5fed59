import { describe, expect, it } from "vitest";
import { mayChangeShiftReport, shiftTimesProblem } from "./shift-reports.ts";

const now = new Date("2026-12-02T03:00:00Z");
const hour = 3_600_000;
const at = (hours: number) => new Date(now.getTime() + hours * hour);

describe("shift reports", () => {
  it("changed by their author or a coordinator only", () => {
    expect(mayChangeShiftReport({ userId: "a", roles: ["OUTREACH_WORKER"] }, { authorId: "a" })).toBe(true);
    expect(mayChangeShiftReport({ userId: "b", roles: ["OUTREACH_WORKER"] }, { authorId: "a" })).toBe(false);
    expect(mayChangeShiftReport({ userId: "b", roles: ["COORDINATOR"] }, { authorId: "a" })).toBe(true);
  });

  it("takes a shift that has begun, ends after its start and lasts a day at most", () => {
    expect(shiftTimesProblem(at(-6), at(-1), now)).toBeNull();
    // Written as the shift goes on: its end may still be ahead.
    expect(shiftTimesProblem(at(-2), at(3), now)).toBeNull();
    expect(shiftTimesProblem(at(-2), at(-3), now)).toEqual({ path: "endsAt", code: "BEFORE_START" });
    expect(shiftTimesProblem(at(-2), at(-2), now)).toEqual({ path: "endsAt", code: "BEFORE_START" });
    expect(shiftTimesProblem(at(-30), at(-4), now)).toEqual({ path: "endsAt", code: "TOO_LARGE" });
    expect(shiftTimesProblem(at(2), at(6), now)).toEqual({ path: "startsAt", code: "TOO_FAR_IN_FUTURE" });
    expect(shiftTimesProblem(at(-24 * 800), at(-24 * 800 + 4), now)).toEqual({
      path: "startsAt",
      code: "IN_THE_PAST",
    });
  });
});
