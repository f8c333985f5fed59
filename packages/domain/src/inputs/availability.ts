import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { named, optionalText } from "./fields.ts";

export const weeklySlotInput = named(
  "WeeklySlotInput",
  z.object({
    weekday: z.number().int().min(1).max(7),
    start: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .describe("HH:MM"),
    end: z
      .string()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)
      .describe("HH:MM (24:00 for midnight)"),
  }),
);

/** setWeeklyAvailability's arguments (a list of slots, not an input object). */
export const setWeeklyAvailabilityArgs = z.object({ slots: z.array(weeklySlotInput).max(50) });

export const addAbsenceInput = named(
  "AbsenceInput",
  z.object({
    startsAt: z.date(),
    endsAt: z.date(),
    reason: optionalText(columnLengths["AvailabilityException.reason"]),
  }),
);
