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
const toronto = "America/Toronto";
const brussels = "Europe/Brussels";

describe("time zone arithmetic", () => {
  it("knows Toronto's offset on both sides of daylight saving", () => {
    expect(zoneOffsetMinutes(at("2026-07-01T12:00:00Z"), toronto)).toBe(-240);
    expect(zoneOffsetMinutes(at("2026-12-01T12:00:00Z"), toronto)).toBe(-300);
  });
  it("converts wall times to instants across the changes (8 March and 1 November 2026)", () => {
    expect(instantAtWallTime(2026, 3, 6, 10 * 60, toronto).toISOString()).toBe("2026-03-06T15:00:00.000Z");
    expect(instantAtWallTime(2026, 3, 9, 10 * 60, toronto).toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(instantAtWallTime(2026, 10, 30, 10 * 60, toronto).toISOString()).toBe("2026-10-30T14:00:00.000Z");
    expect(instantAtWallTime(2026, 11, 2, 10 * 60, toronto).toISOString()).toBe("2026-11-02T15:00:00.000Z");
    // 02:30 does not exist on 8 March: the later reading (03:30 EDT) is used.
    expect(wallTime(instantAtWallTime(2026, 3, 8, 150, toronto), toronto).hour).toBe(3);
    // 01:30 happens twice on 1 November: the first (EDT).
    expect(instantAtWallTime(2026, 11, 1, 90, toronto).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
  it("counts Brussels' own changes (29 March and 25 October 2026), not Toronto's", () => {
    expect(zoneOffsetMinutes(at("2026-01-15T12:00:00Z"), brussels)).toBe(60);
    expect(zoneOffsetMinutes(at("2026-07-15T12:00:00Z"), brussels)).toBe(120);
    // Midnight on 1 January is 23:00 UTC the day before (CET, UTC+1).
    expect(instantAtWallTime(2026, 1, 1, 0, brussels).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    // 10:00 the Friday before and the Monday after the spring change.
    expect(instantAtWallTime(2026, 3, 27, 10 * 60, brussels).toISOString()).toBe("2026-03-27T09:00:00.000Z");
    expect(instantAtWallTime(2026, 3, 30, 10 * 60, brussels).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // Between 8 and 29 March Toronto has changed and Brussels not yet: 10:00 is 5 hours apart, not 6.
    const tenInToronto = instantAtWallTime(2026, 3, 16, 10 * 60, toronto).getTime();
    const tenInBrussels = instantAtWallTime(2026, 3, 16, 10 * 60, brussels).getTime();
    expect((tenInToronto - tenInBrussels) / 3_600_000).toBe(5);
    // 02:30 does not exist on 29 March in Brussels: the later reading (03:30 CEST).
    expect(wallTime(instantAtWallTime(2026, 3, 29, 150, brussels), brussels).hour).toBe(3);
    // 02:30 happens twice on 25 October: the first (CEST, 00:30 UTC).
    expect(instantAtWallTime(2026, 10, 25, 150, brussels).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(wallTime(at("2026-10-25T01:30:00Z"), brussels)).toMatchObject({ day: 25, hour: 2, minute: 30 });
  });
});

describe("weekly availability", () => {
  it("keeps 9:00–12:00 local on Mondays on both sides of the spring change", () => {
    const slots = expandWeeklySlots(
      [{ weekday: 1, startMinute: 540, endMinute: 720 }],
      { start: at("2026-03-01T00:00:00Z"), end: at("2026-03-17T00:00:00Z") },
      toronto,
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-02T14:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
      "2026-03-16T13:00:00.000Z",
    ]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 3 * 3_600_000)).toBe(true);
  });
  it("keeps 9:00–12:00 Brussels time on Mondays on both sides of Brussels' spring change", () => {
    const slots = expandWeeklySlots(
      [{ weekday: 1, startMinute: 540, endMinute: 720 }],
      { start: at("2026-03-15T00:00:00Z"), end: at("2026-04-01T00:00:00Z") },
      brussels,
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-16T08:00:00.000Z",
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
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
  const nurse = {
    slots: [{ weekday: 2, startMinute: 9 * 60, endMinute: 16 * 60 }],
    timeZone: toronto,
    busy: [],
  };
  const worker = {
    slots: [{ weekday: 2, startMinute: 13 * 60, endMinute: 20 * 60 }],
    timeZone: toronto,
    busy: [],
  };
  it("offers the hours both are free, at local half-hours, across the fall change", () => {
    // Tuesday 27 October (EDT) and Tuesday 3 November 2026 (EST).
    const slots = findJointSlots(
      nurse,
      worker,
      { start: at("2026-10-26T00:00:00Z"), end: at("2026-11-05T00:00:00Z") },
      60,
    );
    const local = slots.map((s) => {
      const w = wallTime(s.start, toronto);
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
  it("reads each one's hours in her own zone, on the worker's half-hours", () => {
    // A Brussels nurse free 9:00–16:00 and a Brussels worker 13:00–20:00 on Tuesday 31 March
    // 2026 (CEST, UTC+2): 13:00–15:00 Brussels time, whatever Toronto's clocks say.
    const slots = findJointSlots(
      { ...nurse, timeZone: brussels },
      { ...worker, timeZone: brussels },
      { start: at("2026-03-30T00:00:00Z"), end: at("2026-04-01T00:00:00Z") },
      60,
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-31T11:00:00.000Z",
      "2026-03-31T11:30:00.000Z",
      "2026-03-31T12:00:00.000Z",
      "2026-03-31T12:30:00.000Z",
      "2026-03-31T13:00:00.000Z",
    ]);
  });
});

describe("minutesFromClock", () => {
  it("reads HH:MM", () => {
    expect(minutesFromClock("09:30")).toBe(570);
    expect(minutesFromClock("24:00")).toBe(1440);
    expect(minutesFromClock("9h30")).toBeNull();
  });
});
