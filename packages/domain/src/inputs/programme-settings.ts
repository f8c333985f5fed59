import { z } from "zod";
import { followUpMinEncounters } from "../indicators/registry.ts";
import { isProgrammeLocale, isTimeZone, programmeLocales } from "../programme-settings.ts";
import { columnLengths } from "./column-lengths.ts";
import { calendarDate, recordId } from "./fields.ts";

/** The three settings, checked the same way in the API and in the web's form. */
const programmeSettingsFields = z.object({
  timeZone: z
    .string()
    .trim()
    // An empty or too long name is that, not also an unknown zone.
    .min(1, { abort: true })
    .max(columnLengths["Partnership.timeZone"], { abort: true })
    .refine(isTimeZone, { message: "an IANA time zone (Europe/Brussels)" })
    .describe("An IANA time zone, e.g. America/Toronto or Europe/Brussels."),
  fiscalYearStartMonth: z
    .number()
    .int()
    .min(1)
    .max(12)
    .describe("1 = January … 12 = December: fiscal year N starts on the 1st of this month of year N."),
  locale: z
    .string()
    .refine(isProgrammeLocale, { message: "one of the programme locales" })
    .describe(`How dates and numbers are written: ${programmeLocales.join(", ")}.`),
  followUpMinEncounters: z
    .number()
    .int()
    .min(followUpMinEncounters.min)
    .max(followUpMinEncounters.max)
    .optional()
    .describe(
      "The follow-up rule of the figures: a person is in regular follow-up when met at least this many times in the period (2–52). Absent: unchanged.",
    ),
});

/** A coordinator of the acting organisation sets its own settings (what its members see). */
export const updateOrganisationSettingsInput = programmeSettingsFields;

/** A coordinator of a member organisation sets a partnership's settings (its committee's figures). */
export const updatePartnershipSettingsInput = programmeSettingsFields.extend({
  partnershipId: recordId().min(1),
});

/**
 * A coordinator sets the first day the acting organisation's records may be dated (its history
 * is entered back to it): a real day, from 1970 to today; never after a record already dated.
 */
export const updateOrganisationStartDateInput = z.object({
  startedOn: calendarDate()
    .min(new Date("1970-01-01T00:00:00.000Z"))
    .describe(
      "The organisation's start date: records of what happened are dated from it to today (e.g. 2015-04-01).",
    ),
});
