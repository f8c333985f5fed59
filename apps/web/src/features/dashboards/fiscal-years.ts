/**
 * Fiscal years as the programme's settings count them (packages/domain programme-settings.ts):
 * fiscal year N starts on the 1st of the start month of year N, midnight in the programme's zone
 * — 1 April in Québec, 1 January (a calendar year) in Wallonia.
 */
import {
  defaultProgrammeSettings,
  fiscalYearBounds,
  fiscalYearOf,
  type ProgrammeSettings,
  wallTime,
} from "@maillage/domain";
import { useT } from "../../app/i18n/index.tsx";

export type FiscalSettings = Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth">;

/**
 * The year the current fiscal year started in. Without settings, Québec's (1 April, Toronto):
 * pass the acting organisation's (`me.programmeSettings`) or the partnership's.
 */
export function currentFiscalYear(
  settings: FiscalSettings = defaultProgrammeSettings,
  now = new Date(),
): number {
  return fiscalYearOf(now, settings);
}

/** "2025–2026", or "2026" when the fiscal year is the calendar year. */
export function fiscalYearName(fiscalYear: number, startMonth: number): string {
  return startMonth === 1 ? String(fiscalYear) : `${fiscalYear}–${fiscalYear + 1}`;
}

/**
 * A fiscal year in words, for a year picker: "2025–2026 (1er avril au 31 mars)", "2026 (1 January
 * to 31 December)" — its month names in the person's language.
 */
export function useFiscalYearLabel(): (fiscalYear: number, settings: FiscalSettings) => string {
  const { t, formatDateTime } = useT();
  return (fiscalYear, settings) => {
    const { from, to } = fiscalYearBounds(fiscalYear, settings);
    const last = new Date(to.getTime() - 60_000);
    const month = (instant: Date) =>
      formatDateTime(instant, {
        dateStyle: undefined,
        timeStyle: undefined,
        month: "long",
        timeZone: settings.timeZone,
      });
    return t("dashboard.fiscalYearLabel", {
      name: fiscalYearName(fiscalYear, settings.fiscalYearStartMonth),
      firstMonth: month(from),
      lastDay: wallTime(last, settings.timeZone).day,
      lastMonth: month(last),
    });
  };
}
