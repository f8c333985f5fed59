import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "./errors.ts";
import {
  happenedAtProblem,
  happenedOnProblem,
  isLateDayEntry,
  isLateEntry,
  notBeforeStartProblem,
  recordDateLimits,
  startedOnProblem,
} from "./record-dates.ts";

const now = new Date("2026-12-02T15:00:00.000Z"); // 10:00 in Montréal
const rule = { startedOn: "2015-04-01", timeZone: "America/Toronto", now };

describe("the date rule of records of what happened", () => {
  it("takes any instant from the start date's midnight in the zone to now plus the tolerance", () => {
    expect(happenedAtProblem(new Date("2015-04-01T04:00:00.000Z"), rule)).toBeNull(); // 00:00 EDT
    expect(happenedAtProblem(new Date("2018-06-15T18:00:00.000Z"), rule)).toBeNull();
    expect(
      happenedAtProblem(new Date(now.getTime() + recordDateLimits.futureToleranceMinutes * 60_000), rule),
    ).toBeNull();
  });

  it("refuses the day before the start, in the organisation's zone, naming the start date", () => {
    // 23:59 on 31 March in Montréal is already 1 April in UTC: still before the start.
    expect(happenedAtProblem(new Date("2015-04-01T03:59:00.000Z"), rule)).toEqual({
      code: "BEFORE_ORGANISATION_START",
      limit: "2015-04-01",
    });
    expect(happenedOnProblem("2015-03-31", rule)).toEqual({
      code: "BEFORE_ORGANISATION_START",
      limit: "2015-04-01",
    });
    expect(notBeforeStartProblem(new Date("2014-01-01T12:00:00.000Z"), rule)?.code).toBe(
      "BEFORE_ORGANISATION_START",
    );
  });

  it("refuses the future beyond the tolerance, and a day after today in the zone", () => {
    expect(happenedAtProblem(new Date(now.getTime() + 16 * 60_000), rule)).toEqual({ code: "IN_THE_FUTURE" });
    expect(happenedOnProblem("2026-12-02", rule)).toBeNull();
    expect(happenedOnProblem("2026-12-03", rule)).toEqual({ code: "AFTER_TODAY" });
    // 21:00 in Montréal on 2 December is 3 December in UTC: today is still the 2nd there.
    const evening = { ...rule, now: new Date("2026-12-03T02:00:00.000Z") };
    expect(happenedOnProblem("2026-12-03", evening)).toEqual({ code: "AFTER_TODAY" });
  });

  it("says the rule in both languages", () => {
    expect(fieldErrorMessage("fr", "BEFORE_ORGANISATION_START", "2015-04-01")).toBe(
      "Cette date est trop ancienne : au plus tôt le 1 avril 2015, date de début de l'organisme (dans ses réglages).",
    );
    expect(fieldErrorMessage("en", "BEFORE_ORGANISATION_START", "2015-04-01")).toBe(
      "This date is too early: no earlier than April 1, 2015, the organisation's start date (in its settings).",
    );
    expect(fieldErrorMessage("fr", "IN_THE_FUTURE")).toContain("15 minutes");
    expect(fieldErrorMessage("en", "AFTER_TODAY")).toContain("today at the latest");
  });

  it("marks an entry made more than three days after the fact as late", () => {
    const occurredAt = new Date("2026-11-20T15:00:00.000Z");
    expect(isLateEntry(occurredAt, new Date("2026-11-23T15:00:00.000Z"))).toBe(false);
    expect(isLateEntry(occurredAt, new Date("2026-11-23T15:00:01.000Z"))).toBe(true);
    // An entry made before the fact (a plan) is not late.
    expect(isLateEntry(occurredAt, new Date("2026-11-01T15:00:00.000Z"))).toBe(false);
  });

  it("counts a day's record late from the fourth day after it, in the organisation's zone", () => {
    const zone = "America/Toronto";
    expect(isLateDayEntry("2026-11-20", new Date("2026-11-23T23:00:00.000Z"), zone)).toBe(false);
    // 23:30 on the 23rd in Montréal is the 24th in UTC: still the third day after, not late.
    expect(isLateDayEntry("2026-11-20", new Date("2026-11-24T04:30:00.000Z"), zone)).toBe(false);
    expect(isLateDayEntry("2026-11-20", new Date("2026-11-24T05:00:00.000Z"), zone)).toBe(true);
    expect(
      isLateDayEntry(new Date("2026-11-20T00:00:00.000Z"), new Date("2026-11-30T12:00:00.000Z"), zone),
    ).toBe(true);
  });

  it("takes a start date that is a real day between 1970 and today", () => {
    expect(startedOnProblem("2015-04-01", now, "America/Toronto")).toBeNull();
    expect(startedOnProblem("2015-02-30", now, "America/Toronto")).toBe("INVALID_FORMAT");
    expect(startedOnProblem("0215-04-01", now, "America/Toronto")).toBe("TOO_SMALL");
    expect(startedOnProblem("2026-12-03", now, "America/Toronto")).toBe("AFTER_TODAY");
  });
});
