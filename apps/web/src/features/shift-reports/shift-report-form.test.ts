import { describe, expect, it } from "vitest";
import {
  editedShiftReportValues,
  endsNextDay,
  newShiftReportValues,
  shiftInstants,
} from "./shift-report-form.ts";

const toronto = "America/Toronto";
const brussels = "Europe/Brussels";

describe("the shift report form's clock", () => {
  it("reads the shift on the programme's clock, a night shift ending the next morning", () => {
    expect(shiftInstants({ date: "2026-12-01", start: "18:00", end: "23:30" }, toronto)).toEqual({
      startsAt: new Date("2026-12-01T23:00:00.000Z"),
      endsAt: new Date("2026-12-02T04:30:00.000Z"),
    });
    // 22:00 → 02:00: the end is the next day's, across the end of the month too.
    expect(shiftInstants({ date: "2026-11-30", start: "22:00", end: "02:00" }, brussels)).toEqual({
      startsAt: new Date("2026-11-30T21:00:00.000Z"),
      endsAt: new Date("2026-12-01T01:00:00.000Z"),
    });
    expect(endsNextDay("22:00", "02:00")).toBe(true);
    expect(endsNextDay("18:00", "18:00")).toBe(true);
    expect(endsNextDay("18:00", "23:00")).toBe(false);
  });

  it("guesses tonight's shift as ending now and begun four hours earlier, the writer on it", () => {
    const now = new Date("2026-12-02T04:37:12Z"); // 23:37 in Toronto, the 1st
    const values = newShiftReportValues(now, toronto, "me");
    expect(values).toMatchObject({ date: "2026-12-01", start: "19:35", end: "23:35", memberIds: ["me"] });
    const { startsAt, endsAt } = shiftInstants(
      values as { date: string; start: string; end: string },
      toronto,
    );
    expect(endsAt.getTime() - startsAt.getTime()).toBe(4 * 3_600_000);
    // Written at 1 a.m.: the shift began the day before and ends today.
    const late = newShiftReportValues(new Date("2026-12-02T06:02:00Z"), toronto, "me");
    expect(late).toMatchObject({ date: "2026-12-01", start: "21:00", end: "01:00" });
  });

  it("gives a report back to the form as it was written", () => {
    const values = editedShiftReportValues(
      {
        startsAt: "2026-12-02T02:00:00.000Z",
        endsAt: "2026-12-02T06:00:00.000Z",
        handoverNote: null,
        members: [{ userId: "u1" }],
        venues: [{ id: "v1" }],
        partners: [
          { name: "Clinique mobile", interventions: 2, organisation: null },
          { name: "Santé", interventions: 1, organisation: { id: "o1" } },
        ],
      },
      toronto,
    );
    expect(values).toEqual({
      date: "2026-12-01",
      start: "21:00",
      end: "01:00",
      memberIds: ["u1"],
      venueIds: ["v1"],
      partners: [
        { name: "Clinique mobile", interventions: 2 },
        { organisationId: "o1", interventions: 1 },
      ],
      handoverNote: "",
    });
  });
});
