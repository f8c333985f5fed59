/**
 * The period of the figures: a fiscal year with data, its whole or a run of its quarters (T1–T4,
 * first to last), and for one organisation's own figures a custom range of days. A partnership's
 * figures are never asked for a custom range (overlapping ranges would give away days by difference).
 */
import { useId } from "react";
import { useT } from "../../../app/i18n/index.tsx";
import { SelectField } from "../../../ui/SelectField.tsx";
import { TextField } from "../../../ui/TextField.tsx";
import { fiscalYearName } from "../fiscal-years.ts";
import {
  monthName,
  type PeriodChoice,
  quarterMonths,
  quarterRanges,
  quarterSpan,
} from "./indicators-model.ts";

export function PeriodPicker({
  years,
  fiscalYearStartMonth,
  choice,
  onChange,
  allowCustom,
  shownLabel,
  previousLabel,
}: {
  /** Fiscal years with data, newest first. */
  years: readonly number[];
  fiscalYearStartMonth: number;
  choice: PeriodChoice;
  onChange(choice: PeriodChoice): void;
  allowCustom: boolean;
  /** The period shown and the one it is compared with, as the API names them (once loaded). */
  shownLabel: string | null;
  previousLabel: string | null;
}) {
  const { t, intl } = useT();
  const badRangeId = useId();
  const yearChoices = [...new Set([choice.fiscalYear, ...years])].sort((a, b) => b - a);
  const spanLabel = (first: number, last: number) => {
    const [firstMonth, lastMonth] = quarterMonths(first, last, fiscalYearStartMonth);
    return t(first === last ? "indicators.period.quarter" : "indicators.period.quarters", {
      first,
      last,
      firstMonth: monthName(firstMonth, intl.locale),
      lastMonth: monthName(lastMonth, intl.locale),
    });
  };
  const spans = [
    { value: "year", label: t("indicators.period.wholeYear") },
    ...quarterRanges
      .filter(([first, last]) => !(first === 1 && last === 4))
      .map(([first, last]) => ({ value: quarterSpan(first, last), label: spanLabel(first, last) })),
    ...(allowCustom ? [{ value: "custom", label: t("indicators.period.custom") }] : []),
  ];
  const custom = allowCustom && choice.span === "custom";
  const badRange = custom && choice.fromDay !== "" && choice.toDay !== "" && choice.toDay < choice.fromDay;
  return (
    <fieldset className="indicator-period">
      <legend>{t("indicators.period.legend")}</legend>
      <div className="indicator-period__fields">
        <SelectField
          label={t("indicators.period.year")}
          choices={yearChoices.map((year) => ({
            value: year,
            label: fiscalYearName(year, fiscalYearStartMonth),
          }))}
          value={choice.fiscalYear}
          onChange={(event) => onChange({ ...choice, fiscalYear: Number(event.target.value) })}
        />
        <SelectField
          label={t("indicators.period.span")}
          choices={spans}
          value={custom ? "custom" : choice.span}
          onChange={(event) => onChange({ ...choice, span: event.target.value })}
        />
        {custom ? (
          <>
            <TextField
              label={t("indicators.period.fromDay")}
              type="date"
              value={choice.fromDay}
              onChange={(event) => onChange({ ...choice, fromDay: event.target.value })}
              invalidBecause={badRange ? badRangeId : undefined}
            />
            <TextField
              label={t("indicators.period.toDay")}
              type="date"
              value={choice.toDay}
              min={choice.fromDay || undefined}
              onChange={(event) => onChange({ ...choice, toDay: event.target.value })}
              invalidBecause={badRange ? badRangeId : undefined}
            />
          </>
        ) : null}
      </div>
      {badRange ? (
        <p id={badRangeId} role="alert" className="field__error">
          {t("indicators.period.badRange")}
        </p>
      ) : null}
      <p className="small indicator-period__compare" aria-live="polite">
        {shownLabel ? <span>{t("indicators.period.shown", { label: shownLabel })}</span> : null}
        {shownLabel ? " · " : null}
        {shownLabel
          ? previousLabel
            ? t("indicators.period.compared", { label: previousLabel })
            : t("indicators.period.noPrevious")
          : null}
      </p>
    </fieldset>
  );
}
