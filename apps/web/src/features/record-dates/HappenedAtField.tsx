/**
 * When it happened, on a phone (issue 16 item 5): "Today" and "Yesterday" in one tap, a date box
 * and a time box (the organisation's zone), now until the worker changes them; the rule beside
 * it (from the organisation's start date to now) and, on the date box, the refusal in words.
 */
import { type RefCallback, useEffect, useId, useState } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { firstErrorCode } from "../../ui/Field.tsx";
import { instantOfWallClock, shiftDay, type WallClock, wallClockOf, willBeLate } from "./happened-at.ts";
import "./record-dates.css";

/** What the field holds: `earlier` false is "now" (the moment the entry is saved). */
export interface HappenedAtValue extends WallClock {
  earlier: boolean;
}

/** The clock, read again every half minute: what "now" shows while the worker writes. */
function useNow(ticking: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

export function HappenedAtField({
  value,
  onChange,
  error,
  startedOn,
  dateRef,
  legend,
}: {
  value: HappenedAtValue;
  onChange(next: HappenedAtValue): void;
  /** The error of the moment (the API's `occurredAt`), shown on the date box. */
  error?: unknown;
  /** The organisation's start date (YYYY-MM-DD), or null when this phone does not know it yet. */
  startedOn: string | null;
  /** react-hook-form's ref: the date box takes the focus when the moment is refused. */
  dateRef?: RefCallback<HTMLInputElement> | undefined;
  legend?: string;
}) {
  const { t, timeZone, fieldProblemText } = useT();
  const id = useId();
  const now = useNow(!value.earlier);
  const shown: WallClock = value.earlier ? value : wallClockOf(now, timeZone);
  const today = wallClockOf(now, timeZone).on;
  const yesterday = shiftDay(today, -1);
  const code = firstErrorCode(error);
  const message = code ? fieldProblemText(code) : null;
  const at = instantOfWallClock(shown, timeZone);
  // Said ahead, unless the moment is refused (then the refusal says what to do).
  const late = value.earlier && !message && at !== null && willBeLate(at, now);
  const describedBy = [`${id}-hint`, message && `${id}-error`].filter(Boolean).join(" ");
  const change = (next: Partial<WallClock>) => onChange({ ...shown, ...next, earlier: true });
  const onDay = (day: string) => {
    if (day === today && !value.earlier) return;
    // Today at a time still ahead (it was yesterday evening's): now's time instead.
    const next = { on: day, time: shown.time };
    const instant = instantOfWallClock(next, timeZone);
    change(instant && instant > now ? { on: day, time: wallClockOf(now, timeZone).time } : next);
  };
  return (
    <fieldset className="happened-at" aria-describedby={describedBy}>
      <legend>{legend ?? t("recordDates.when")}</legend>
      <div className="chips">
        {[
          [today, t("recordDates.today")],
          [yesterday, t("recordDates.yesterday")],
        ].map(([day = "", label]) => (
          <button
            key={day}
            type="button"
            className="chip"
            aria-pressed={shown.on === day}
            onClick={() => onDay(day)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="happened-at__boxes">
        <div className="field">
          <label htmlFor={`${id}-day`}>{t("recordDates.day")}</label>
          <input
            ref={dateRef}
            id={`${id}-day`}
            type="date"
            value={shown.on}
            min={startedOn ?? undefined}
            max={today}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => change({ on: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t("recordDates.time")}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={shown.time}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => change({ time: event.target.value })}
          />
        </div>
      </div>
      <p id={`${id}-hint`} className="small muted happened-at__hint">
        {value.earlier ? null : `${t("recordDates.nowHint")} `}
        {startedOn
          ? t("recordDates.rule", { start: new Date(`${startedOn}T00:00:00.000Z`) })
          : t("recordDates.ruleUnknown")}
        {late ? ` ${t("recordDates.willBeLate")}` : null}
      </p>
      {message ? (
        <span id={`${id}-error`} className="field__error">
          {message}
        </span>
      ) : null}
      {value.earlier ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onChange({ ...wallClockOf(new Date(), timeZone), earlier: false })}
        >
          {t("recordDates.now")}
        </button>
      ) : null}
    </fieldset>
  );
}
