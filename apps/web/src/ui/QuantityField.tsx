/**
 * A quantity handed out in the field: typed (a numeric keypad), chosen from quick values
 * (5, 10, 20: one tap for a box of condoms) or nudged with − and +. Kept between `min` (0 unless
 * said) and `max`.
 */
import { type RefCallback, useId } from "react";
import "./stepper.css";

const quickValues = [5, 10, 20] as const;

export function QuantityField({
  label,
  value,
  min = 0,
  max,
  onChange,
  decreaseLabel,
  increaseLabel,
  quickLabel,
  inputRef,
}: {
  label: string;
  value: number;
  /** The smallest value (an empty box reads as it). */
  min?: number;
  max: number;
  onChange(value: number): void;
  decreaseLabel: string;
  increaseLabel: string;
  /** What a quick value's button says to a screen reader ("Condoms: 10"). */
  quickLabel(quantity: number): string;
  /** react-hook-form's `field.ref`: the box takes the focus when the quantities are refused. */
  inputRef?: RefCallback<HTMLInputElement> | undefined;
}) {
  const id = useId();
  const clamp = (quantity: number) => Math.min(max, Math.max(min, Math.trunc(quantity)));
  return (
    <fieldset className="quantity">
      <legend className="quantity__label" id={`${id}-label`}>
        {label}
      </legend>
      <div className="stepper">
        <button
          type="button"
          className="button"
          aria-label={decreaseLabel}
          onClick={() => onChange(clamp(value - 1))}
        >
          −
        </button>
        <input
          ref={inputRef}
          aria-labelledby={`${id}-label`}
          className="quantity__input"
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          // An empty box is 0; a typed value stays within the limits.
          value={value === 0 ? "" : String(value)}
          placeholder={String(min)}
          onChange={(event) => {
            const digits = event.target.value.replace(/\D/g, "");
            onChange(digits ? clamp(Number(digits)) : min);
          }}
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className="button"
          aria-label={increaseLabel}
          onClick={() => onChange(clamp(value + 1))}
        >
          +
        </button>
        {quickValues.map((quantity) => (
          <button
            key={quantity}
            type="button"
            className="chip quantity__quick"
            aria-pressed={value === quantity}
            aria-label={quickLabel(quantity)}
            onClick={() => onChange(clamp(quantity))}
          >
            {quantity}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
