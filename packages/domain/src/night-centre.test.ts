import { describe, expect, it } from "vitest";
import { intakeDomainFields, intakeDomains, intakeDue } from "./night-centre.ts";
import { happenedOnProblem } from "./record-dates.ts";

const now = new Date("2026-12-02T23:30:00Z"); // 18:30 in Montréal
const rule = { startedOn: "2015-04-01", timeZone: "America/Toronto", now };
const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("an evening's day (the date rule of records of what happened)", () => {
  it("is today, a forgotten one or a past year's, back to the start date; never after today", () => {
    expect(happenedOnProblem(day("2026-12-02"), rule)).toBeNull();
    expect(happenedOnProblem(day("2026-10-31"), rule)).toBeNull();
    expect(happenedOnProblem(day("2018-06-15"), rule)).toBeNull();
    // Already the 3rd in UTC, still the 2nd in Montréal: tomorrow's evening is not opened yet.
    expect(happenedOnProblem(day("2026-12-03"), rule)).toEqual({ code: "AFTER_TODAY" });
    expect(happenedOnProblem(day("2015-03-31"), rule)).toEqual({
      code: "BEFORE_ORGANISATION_START",
      limit: "2015-04-01",
    });
  });
});

describe("the intake form", () => {
  it("names a field for each of the seven domains", () => {
    expect(intakeDomains.map((domain) => intakeDomainFields[domain])).toEqual([
      "housing",
      "health",
      "substanceUse",
      "justice",
      "income",
      "employment",
      "safety",
    ]);
  });

  it("is offered at a first visit without an intake only", () => {
    expect(intakeDue({ firstVisit: true, intakeRecorded: false })).toBe(true);
    expect(intakeDue({ firstVisit: true, intakeRecorded: true })).toBe(false);
    expect(intakeDue({ firstVisit: false, intakeRecorded: false })).toBe(false);
  });
});
