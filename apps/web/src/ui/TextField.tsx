import { columnLengths } from "@maillage/domain/inputs";
import type { ComponentProps } from "react";
import { Field, type FieldLabelling, splitLabelling } from "./Field.tsx";

/** The database column a text box fills: its length is the box's `maxLength`. */
export type TextColumn = keyof typeof columnLengths;

/**
 * A one-line text box with its label, hint and error (Field). Every other prop goes to the
 * input: spread a form's `field(name)` (ui/domain-form.tsx) on it.
 */
export function TextField(props: FieldLabelling & { column?: TextColumn } & ComponentProps<"input">) {
  const [labelling, { column, ...input }] = splitLabelling(props);
  const maxLength = column && columnLengths[column];
  return <Field {...labelling}>{(control) => <input {...control} maxLength={maxLength} {...input} />}</Field>;
}
