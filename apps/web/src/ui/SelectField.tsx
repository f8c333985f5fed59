import type { ComponentProps } from "react";
import { Field, type FieldLabelling, splitLabelling } from "./Field.tsx";

/** One option of a select: the value sent, the words shown. */
export interface Choice {
  value: string | number;
  label: string;
}

export type SelectFieldProps = FieldLabelling & {
  choices: readonly Choice[];
  /** The words of an empty first option, when the select may start with none chosen. */
  placeholder?: string | undefined;
} & ComponentProps<"select">;

/**
 * A select with its label, hint and error (Field), offering `choices`. Every other prop goes to
 * the select (react-hook-form's `register(name)`, or a value and its onChange).
 */
export function SelectField(props: SelectFieldProps) {
  const [labelling, { choices, placeholder, ...select }] = splitLabelling(props);
  return (
    <Field {...labelling}>
      {(control) => (
        <select {...control} {...select}>
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
