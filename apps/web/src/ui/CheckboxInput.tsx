import type { ComponentProps } from "react";
import { CheckboxField } from "./Field.tsx";

/** A checkbox in its label (CheckboxField); every other prop goes to the input (a form's `field(name)`). */
export function CheckboxInput({
  label,
  error,
  ...input
}: { label: string; error?: unknown } & ComponentProps<"input">) {
  return (
    <CheckboxField label={label} error={error}>
      {(control) => <input {...control} type="checkbox" {...input} />}
    </CheckboxField>
  );
}
