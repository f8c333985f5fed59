/**
 * Chips (toggle buttons, big enough for a thumb) bound to one form field, with the field's
 * legend, hint and error (FieldSet). Give `chipRef` react-hook-form's `field.ref`: the first chip
 * takes the focus when the field is refused.
 */
import type { RefCallback } from "react";
import { FieldSet } from "./Field.tsx";

interface ChipsProps<V extends string> {
  legend: string;
  hint?: string | undefined;
  error?: unknown;
  options: readonly V[];
  label(value: V): string;
  chipRef?: RefCallback<HTMLButtonElement> | undefined;
}

function Chips<V extends string>({
  options,
  label,
  chipRef,
  isPressed,
  onToggle,
}: Pick<ChipsProps<V>, "options" | "label" | "chipRef"> & {
  isPressed(value: V): boolean;
  onToggle(value: V): void;
}) {
  return (
    <div className="chips">
      {options.map((option, index) => (
        <button
          key={option}
          ref={index === 0 ? chipRef : undefined}
          type="button"
          className="chip"
          aria-pressed={isPressed(option)}
          onClick={() => onToggle(option)}
        >
          {label(option)}
        </button>
      ))}
    </div>
  );
}

/** The chips inside their field set (legend, hint, error). */
function ChipsFieldSet<V extends string>({
  legend,
  hint,
  error,
  ...chips
}: ChipsProps<V> & { isPressed(value: V): boolean; onToggle(value: V): void }) {
  return (
    <FieldSet legend={legend} hint={hint} error={error}>
      <Chips {...chips} />
    </FieldSet>
  );
}

/** One value among the chips. */
export function ChoiceChips<V extends string>({
  value,
  onChange,
  ...chips
}: ChipsProps<V> & { value: V; onChange(value: V): void }) {
  return <ChipsFieldSet {...chips} isPressed={(option) => option === value} onToggle={onChange} />;
}

/** Any number of the chips' values (none is an empty list). */
export function ToggleChips<V extends string>({
  value,
  onChange,
  ...chips
}: ChipsProps<V> & { value: readonly V[] | null | undefined; onChange(value: V[]): void }) {
  const selected = value ?? [];
  return (
    <ChipsFieldSet
      {...chips}
      isPressed={(option) => selected.includes(option)}
      onToggle={(option) =>
        onChange(
          selected.includes(option) ? selected.filter((chosen) => chosen !== option) : [...selected, option],
        )
      }
    />
  );
}
