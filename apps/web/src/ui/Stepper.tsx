/**
 * A count changed by taps (− and +, thumb-sized), kept between `min` and `max`. Used for
 * quantities in the field, where typing a number on a phone costs more taps than it saves.
 */
import type { RefCallback } from "react";
import "./stepper.css";

export function Stepper({
  label,
  value,
  min,
  max,
  onChange,
  decreaseLabel,
  increaseLabel,
  valueLabel,
  buttonRef,
}: {
  /** Shown before the buttons (a material's name); none when a legend already says it. */
  label?: string | undefined;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  decreaseLabel: string;
  increaseLabel: string;
  /** What a screen reader says of the count ("Condoms: 2"). */
  valueLabel?: string | undefined;
  /** react-hook-form's `field.ref`: the first button takes the focus when the count is refused. */
  buttonRef?: RefCallback<HTMLButtonElement> | undefined;
}) {
  return (
    <div className="stepper">
      {label ? <span className="stepper__label">{label}</span> : null}
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-label={decreaseLabel}
        onClick={() => onChange(Math.max(min, value - 1))}
      >
        −
      </button>
      <output aria-live="polite" aria-label={valueLabel}>
        {value}
      </output>
      <button
        type="button"
        className="button"
        aria-label={increaseLabel}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </button>
    </div>
  );
}
