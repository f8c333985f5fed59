import { describe, expect, it } from "vitest";
import { zonedInstant, zonedLocal, zonedWeek } from "./week.ts";

const toronto = "America/Toronto";
const brussels = "Europe/Brussels";

describe("the programme's wall time in the visit screens", () => {
  it("reads a datetime-local box in the programme's zone, whatever the device's", () => {
    // EST (UTC−5) in January, EDT (UTC−4) in July.
    expect(zonedInstant("2026-01-15T13:30", toronto)?.toISOString()).toBe("2026-01-15T18:30:00.000Z");
    expect(zonedInstant("2026-07-15T13:30", toronto)?.toISOString()).toBe("2026-07-15T17:30:00.000Z");
    // CET (UTC+1) in January, CEST (UTC+2) in July.
    expect(zonedInstant("2026-01-15T13:30", brussels)?.toISOString()).toBe("2026-01-15T12:30:00.000Z");
    expect(zonedInstant("2026-07-15T13:30", brussels)?.toISOString()).toBe("2026-07-15T11:30:00.000Z");
  });

  it("says empty as undefined and nonsense as an invalid date", () => {
    expect(zonedInstant("", toronto)).toBeUndefined();
    expect(Number.isNaN(zonedInstant("demain", toronto)?.getTime())).toBe(true);
  });

  it("writes an instant back as the box holds it", () => {
    expect(zonedLocal("2026-07-15T17:30:00.000Z", toronto)).toBe("2026-07-15T13:30");
    expect(zonedLocal("2026-01-16T04:59:00.000Z", toronto)).toBe("2026-01-15T23:59");
    expect(zonedLocal("2026-01-15T23:30:00.000Z", brussels)).toBe("2026-01-16T00:30");
  });

  it("gives the Monday-to-Sunday week, a 23-hour day when the clocks go forward", () => {
    // Sunday 8 March 2026: Toronto moves from EST to EDT.
    const week = zonedWeek(new Date("2026-03-06T15:00:00Z"), toronto);
    expect(week.days).toHaveLength(7);
    expect(week.first.start.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(week.last.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(week.last.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(week.last.end.getTime() - week.last.start.getTime()).toBe(23 * 3_600_000);
    // Sunday 29 March 2026: Brussels moves from CET to CEST, three weeks later.
    const brusselsWeek = zonedWeek(new Date("2026-03-27T15:00:00Z"), brussels);
    expect(brusselsWeek.first.start.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect(brusselsWeek.last.end.getTime() - brusselsWeek.last.start.getTime()).toBe(23 * 3_600_000);
  });
});
