import { describe, expect, it } from "vitest";
import {
  defaultProgrammeSettings,
  fiscalYearBounds,
  fiscalYearOf,
  isProgrammeLocale,
  isTimeZone,
} from "./programme-settings.ts";

const wallonia = { timeZone: "Europe/Brussels", fiscalYearStartMonth: 1 };

describe("fiscal years", () => {
  it("runs Québec's from 1 April, midnight Toronto time", () => {
    expect(fiscalYearBounds(2025, defaultProgrammeSettings)).toEqual({
      from: new Date("2025-04-01T04:00:00.000Z"),
      to: new Date("2026-04-01T04:00:00.000Z"),
    });
  });
  it("runs a calendar year in Brussels from 1 January, midnight Brussels time (CET)", () => {
    expect(fiscalYearBounds(2026, wallonia)).toEqual({
      from: new Date("2025-12-31T23:00:00.000Z"),
      to: new Date("2026-12-31T23:00:00.000Z"),
    });
  });
  it("starts in the start month's own offset (1 July in Brussels is CEST, UTC+2)", () => {
    expect(fiscalYearBounds(2026, { ...wallonia, fiscalYearStartMonth: 7 }).from).toEqual(
      new Date("2026-06-30T22:00:00.000Z"),
    );
  });
  it("places an instant in the year in which its fiscal year started, in the zone", () => {
    // 31 March 2026, 23:30 in Toronto (1 April 03:30 UTC): still fiscal year 2025 there.
    expect(fiscalYearOf(new Date("2026-04-01T03:30:00Z"), defaultProgrammeSettings)).toBe(2025);
    expect(fiscalYearOf(new Date("2026-04-01T04:00:00Z"), defaultProgrammeSettings)).toBe(2026);
    // 31 December 2025, 23:30 UTC is already 1 January 2026 in Brussels.
    expect(fiscalYearOf(new Date("2025-12-31T23:30:00Z"), wallonia)).toBe(2026);
    expect(fiscalYearOf(new Date("2025-12-31T22:30:00Z"), wallonia)).toBe(2025);
  });
});

describe("settings' values", () => {
  it("knows real IANA zones as the runtime spells them, and nothing else", () => {
    for (const zone of ["America/Toronto", "Europe/Brussels", "Europe/Paris", "UTC", "Pacific/Auckland"])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["", "Europe/Bruxelles", "europe/brussels", "+01:00", "Mars/Olympus", "Toronto"])
      expect(isTimeZone(zone), zone).toBe(false);
  });
  it("offers the programmes' locales only", () => {
    expect(isProgrammeLocale("fr-BE")).toBe(true);
    expect(isProgrammeLocale("en-CA")).toBe(true);
    expect(isProgrammeLocale("fr")).toBe(false);
    expect(isProgrammeLocale("de-DE")).toBe(false);
  });
});
