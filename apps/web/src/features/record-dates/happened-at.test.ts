import { describe, expect, it } from "vitest";
import {
  happenedAtFormProblem,
  happenedOnFormProblem,
  instantOfWallClock,
  shiftDay,
  wallClockOf,
  willBeLate,
} from "./happened-at.ts";

const zone = "America/Toronto";
const now = new Date("2026-12-02T15:00:00.000Z"); // 10:00 in Montréal

describe("a moment as a form holds it", () => {
  it("reads and writes a day and a wall time in the organisation's zone", () => {
    expect(wallClockOf(now, zone)).toEqual({ on: "2026-12-02", time: "10:00" });
    // 21:30 on 1 December in Montréal is already the 2nd in UTC.
    expect(instantOfWallClock({ on: "2026-12-01", time: "21:30" }, zone)?.toISOString()).toBe(
      "2026-12-02T02:30:00.000Z",
    );
    // Summer time: four hours behind UTC.
    expect(instantOfWallClock({ on: "2023-06-15", time: "14:00" }, zone)?.toISOString()).toBe(
      "2023-06-15T18:00:00.000Z",
    );
    expect(instantOfWallClock({ on: "", time: "10:00" }, zone)).toBeNull();
    expect(instantOfWallClock({ on: "2026-12-01", time: "" }, zone)).toBeNull();
    expect(instantOfWallClock({ on: "2026-12-01", time: "25:00" }, zone)).toBeNull();
  });

  it("goes back a day across months and years", () => {
    expect(shiftDay("2026-12-02", -1)).toBe("2026-12-01");
    expect(shiftDay("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDay("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("checks the API's rule: the start date (named) and the future, encoded as a form keeps it", () => {
    const rule = { startedOn: "2015-04-01", timeZone: zone, now };
    expect(happenedAtFormProblem(new Date("2023-06-15T18:00:00.000Z"), rule)).toBeNull();
    expect(happenedAtFormProblem(new Date("2015-03-31T16:00:00.000Z"), rule)).toBe(
      "BEFORE_ORGANISATION_START@2015-04-01",
    );
    expect(happenedAtFormProblem(new Date(now.getTime() + 3_600_000), rule)).toBe("IN_THE_FUTURE");
    // The start date not known on this phone yet: the API says it when the entry is sent.
    expect(
      happenedAtFormProblem(new Date("1990-01-01T12:00:00.000Z"), { ...rule, startedOn: null }),
    ).toBeNull();
    expect(happenedOnFormProblem("2026-12-03", rule)).toBe("AFTER_TODAY");
    expect(happenedOnFormProblem("2015-03-31", rule)).toBe("BEFORE_ORGANISATION_START@2015-04-01");
  });

  it("tells ahead whether the entry will be marked late", () => {
    expect(willBeLate(new Date(now.getTime() - 86_400_000), now)).toBe(false);
    expect(willBeLate(new Date(now.getTime() - 4 * 86_400_000), now)).toBe(true);
  });
});
