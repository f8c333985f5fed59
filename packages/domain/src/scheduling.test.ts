import { describe, expect, it } from "vitest";
import {
  expandWeeklySlots,
  findJointSlots,
  instantAtWallTime,
  minutesFromClock,
  subtractIntervals,
  wallTime,
  zoneOffsetMinutes,
} from "./scheduling.ts";

const at = (iso: string) => new Date(iso);

describe("time zone arithmetic", () => {
  it("knows Toronto's offset on both sides of daylight saving", () => {
    expect(zoneOffsetMinutes(at("2026-07-01T12:00:00Z"))).toBe(-240);
    expect(zoneOffsetMinutes(at("2026-12-01T12:00:00Z"))).toBe(-300);
  });
  it("converts wall times to instants across the changes (8 March and 1 November 2026)", () => {
    expect(instantAtWallTime(2026, 3, 6, 10 * 60).toISOString()).toBe("2026-03-06T15:00:00.000Z");
    expect(instantAtWallTime(2026, 3, 9, 10 * 60).toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(instantAtWallTime(2026, 10, 30, 10 * 60).toISOString()).toBe("2026-10-30T14:00:00.000Z");
    expect(instantAtWallTime(2026, 11, 2, 10 * 60).toISOString()).toBe("2026-11-02T15:00:00.000Z");
    // 02:30 does not exist on 8 March: the later reading (03:30 EDT) is used.
    expect(wallTime(instantAtWallTime(2026, 3, 8, 150)).hour).toBe(3);
  });
});

describe("weekly availability", () => {
  it("keeps 9:00–12:00 local on Mondays on both sides of the spring change", () => {
    const slots = expandWeeklySlots([{ weekday: 1, startMinute: 540, endMinute: 720 }], {
      start: at("2026-03-01T00:00:00Z"),
      end: at("2026-03-17T00:00:00Z"),
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-02T14:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
      "2026-03-16T13:00:00.000Z",
    ]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 3 * 3_600_000)).toBe(true);
  });
  it("subtracts absences", () => {
    const free = [{ start: at("2026-05-04T13:00:00Z"), end: at("2026-05-04T16:00:00Z") }];
    expect(
      subtractIntervals(free, [{ start: at("2026-05-04T14:00:00Z"), end: at("2026-05-04T15:00:00Z") }]),
    ).toEqual([
      { start: at("2026-05-04T13:00:00Z"), end: at("2026-05-04T14:00:00Z") },
      { start: at("2026-05-04T15:00:00Z"), end: at("2026-05-04T16:00:00Z") },
    ]);
  });
});

describe("findJointSlots", () => {
  const nurse = { slots: [{ weekday: 2, startMinute: 9 * 60, endMinute: 16 * 60 }], busy: [] };
  const worker = { slots: [{ weekday: 2, startMinute: 13 * 60, endMinute: 20 * 60 }], busy: [] };
  it("offers the hours both are free, at local half-hours, across the fall change", () => {
    // Tuesday 27 October (EDT) and Tuesday 3 November 2026 (EST).
    const slots = findJointSlots(
      nurse,
      worker,
      { start: at("2026-10-26T00:00:00Z"), end: at("2026-11-05T00:00:00Z") },
      60,
    );
    const local = slots.map((s) => {
      const w = wallTime(s.start);
      return `${w.month}-${w.day} ${w.hour}:${String(w.minute).padStart(2, "0")}`;
    });
    expect(local).toEqual([
      "10-27 13:00",
      "10-27 13:30",
      "10-27 14:00",
      "10-27 14:30",
      "10-27 15:00",
      "11-3 13:00",
      "11-3 13:30",
      "11-3 14:00",
      "11-3 14:30",
      "11-3 15:00",
    ]);
    expect(slots[0]?.start.toISOString()).toBe("2026-10-27T17:00:00.000Z");
    expect(slots[5]?.start.toISOString()).toBe("2026-11-03T18:00:00.000Z");
  });
  it("skips what either is already committed to", () => {
    const busyNurse = {
      ...nurse,
      busy: [{ start: at("2026-10-27T17:00:00Z"), end: at("2026-10-27T19:00:00Z") }],
    };
    const slots = findJointSlots(
      busyNurse,
      worker,
      { start: at("2026-10-26T00:00:00Z"), end: at("2026-10-28T00:00:00Z") },
      60,
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual(["2026-10-27T19:00:00.000Z"]);
  });
});

describe("minutesFromClock", () => {
  it("reads HH:MM", () => {
    expect(minutesFromClock("09:30")).toBe(570);
    expect(minutesFromClock("24:00")).toBe(1440);
    expect(minutesFromClock("9h30")).toBeNull();
  });
});
