/**
 * The shift report form: the API's input (@maillage/domain/inputs recordShiftReportInput) as the
 * screen holds it — the shift's day and its start and end as typed on a clock, in the programme's
 * time zone (an end at or before the start is the next morning: a night shift) — and how it
 * becomes the input sent.
 */
import { instantAtWallTime, wallTime } from "@maillage/domain";
import { recordShiftReportInput } from "@maillage/domain/inputs";
import { z } from "zod";
import type { RecordShiftReportInput } from "../../generated/graphql.ts";

const input = recordShiftReportInput.shape;

export const shiftReportForm = z.object({
  date: z
    .string()
    .min(1)
    .regex(/^\d{4}-\d{2}-\d{2}$/),
  start: z
    .string()
    .min(1)
    .regex(/^\d{2}:\d{2}$/),
  end: z
    .string()
    .min(1)
    .regex(/^\d{2}:\d{2}$/),
  memberIds: input.memberIds,
  venueIds: input.venueIds,
  partners: input.partners,
  handoverNote: input.handoverNote,
});

export type ShiftReportFormValues = z.input<typeof shiftReportForm>;
export type ShiftReportFormOutput = z.output<typeof shiftReportForm>;

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** Whether the shift ends the next day: its end reads at or before its start on the clock. */
export function endsNextDay(start: string, end: string): boolean {
  return Boolean(start && end) && minutesOf(end) <= minutesOf(start);
}

/** The shift's start and end as instants, read on the programme's clock (`timeZone`). */
export function shiftInstants(
  values: Pick<ShiftReportFormOutput, "date" | "start" | "end">,
  timeZone: string,
): { startsAt: Date; endsAt: Date } {
  const [year, month, day] = values.date.split("-").map(Number) as [number, number, number];
  const startsAt = instantAtWallTime(year, month, day, minutesOf(values.start), timeZone);
  const endDay = endsNextDay(values.start, values.end) ? day + 1 : day;
  const endsAt = instantAtWallTime(year, month, endDay, minutesOf(values.end), timeZone);
  return { startsAt, endsAt };
}

/** What is sent: the instants, the chosen members, venues and partners, the note or nothing. */
export function shiftReportInput(values: ShiftReportFormOutput, timeZone: string): RecordShiftReportInput {
  const { startsAt, endsAt } = shiftInstants(values, timeZone);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    memberIds: values.memberIds,
    venueIds: values.venueIds,
    partners: (values.partners ?? []).map((partner) => ({
      organisationId: partner.organisationId ?? null,
      name: partner.organisationId ? null : (partner.name ?? null),
      interventions: partner.interventions ?? 1,
    })),
    handoverNote: values.handoverNote || null,
  };
}

const two = (n: number) => String(n).padStart(2, "0");

/** An instant on the programme's clock: its day (YYYY-MM-DD) and its time (HH:MM). */
function onClock(instant: Date, timeZone: string): { date: string; time: string } {
  const { year, month, day, hour, minute } = wallTime(instant, timeZone);
  return { date: `${year}-${two(month)}-${two(day)}`, time: `${two(hour)}:${two(minute)}` };
}

/** The usual length of an evening in the street, for the form's first guess. */
const usualShiftHours = 4;

/**
 * Tonight's report, written as the shift ends: ending now (to the five minutes), begun four hours
 * earlier, the writer on the team. Nothing chosen yet.
 */
export function newShiftReportValues(now: Date, timeZone: string, writerId: string): ShiftReportFormValues {
  const end = new Date(Math.floor(now.getTime() / 300_000) * 300_000);
  const start = new Date(end.getTime() - usualShiftHours * 3_600_000);
  const begun = onClock(start, timeZone);
  return {
    date: begun.date,
    start: begun.time,
    end: onClock(end, timeZone).time,
    memberIds: [writerId],
    venueIds: [],
    partners: [],
    handoverNote: "",
  };
}

/** A report being changed, as it was written. */
export function editedShiftReportValues(
  report: {
    startsAt: string;
    endsAt: string;
    handoverNote: string | null;
    members: { userId: string }[];
    venues: { id: string }[];
    partners: { name: string; interventions: number; organisation: { id: string } | null }[];
  },
  timeZone: string,
): ShiftReportFormValues {
  const begun = onClock(new Date(report.startsAt), timeZone);
  return {
    date: begun.date,
    start: begun.time,
    end: onClock(new Date(report.endsAt), timeZone).time,
    memberIds: report.members.map((member) => member.userId),
    venueIds: report.venues.map((venue) => venue.id),
    partners: report.partners.map((partner) =>
      partner.organisation
        ? { organisationId: partner.organisation.id, interventions: partner.interventions }
        : { name: partner.name, interventions: partner.interventions },
    ),
    handoverNote: report.handoverNote ?? "",
  };
}
