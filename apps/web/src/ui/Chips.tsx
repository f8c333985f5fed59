/** A group of toggle chips (buttons with aria-pressed) inside a fieldset with its legend. */
export function ChipGroup<V extends string>({
  legend,
  options,
  selected,
  onToggle,
  label,
  describedBy,
}: {
  legend: string;
  options: readonly V[];
  selected: readonly V[];
  onToggle(value: V): void;
  label(value: V): string;
  describedBy?: string | undefined;
}) {
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="chips">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            className="chip"
            aria-pressed={selected.includes(option)}
            onClick={() => onToggle(option)}
          >
            {label(option)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
