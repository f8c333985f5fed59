import { describe, expect, it } from "vitest";
import {
  eveningDayProblem,
  intakeDomainFields,
  intakeDomains,
  intakeDue,
  nightCentreLimits,
} from "./night-centre.ts";

const now = new Date("2026-12-02T23:30:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("an evening's day", () => {
  it("is today, yesterday's forgotten one, or tomorrow at most", () => {
    expect(eveningDayProblem(day("2026-12-02"), now)).toBeNull();
    expect(eveningDayProblem(day("2026-12-03"), now)).toBeNull();
    expect(eveningDayProblem(day("2026-12-04"), now)).toBe("TOO_FAR_IN_FUTURE");
    expect(eveningDayProblem(day("2026-11-01"), now)).toBeNull();
    expect(eveningDayProblem(day("2026-10-31"), now)).toBe("IN_THE_PAST");
    expect(nightCentreLimits.maxPastDays).toBe(31);
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
