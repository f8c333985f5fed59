import { describe, expect, it } from "vitest";
import { torontoInstant, torontoLocal, torontoWeek } from "./week.ts";

describe("Toronto wall time in the visit screens", () => {
  it("reads a datetime-local box as Toronto time, whatever the device's zone", () => {
    // EST (UTC−5) in January, EDT (UTC−4) in July.
    expect(torontoInstant("2026-01-15T13:30")?.toISOString()).toBe("2026-01-15T18:30:00.000Z");
    expect(torontoInstant("2026-07-15T13:30")?.toISOString()).toBe("2026-07-15T17:30:00.000Z");
  });

  it("says empty as undefined and nonsense as an invalid date", () => {
    expect(torontoInstant("")).toBeUndefined();
    expect(Number.isNaN(torontoInstant("demain")?.getTime())).toBe(true);
  });

  it("writes an instant back as the box holds it", () => {
    expect(torontoLocal("2026-07-15T17:30:00.000Z")).toBe("2026-07-15T13:30");
    expect(torontoLocal("2026-01-16T04:59:00.000Z")).toBe("2026-01-15T23:59");
  });

  it("gives the Monday-to-Sunday week, a 23-hour day when the clocks go forward", () => {
    // Sunday 8 March 2026: Toronto moves from EST to EDT.
    const week = torontoWeek(new Date("2026-03-06T15:00:00Z"));
    expect(week.days).toHaveLength(7);
    expect(week.first.start.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(week.last.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(week.last.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(week.last.end.getTime() - week.last.start.getTime()).toBe(23 * 3_600_000);
  });
});
