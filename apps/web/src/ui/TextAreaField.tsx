import { columnLengths } from "@maillage/domain/inputs";
import type { ComponentProps } from "react";
import { Field, type FieldLabelling, splitLabelling } from "./Field.tsx";
import type { TextColumn } from "./TextField.tsx";

/** A text area with its label, hint and error (Field); every other prop goes to the textarea. */
export function TextAreaField(props: FieldLabelling & { column: TextColumn } & ComponentProps<"textarea">) {
  const [labelling, { column, ...textarea }] = splitLabelling(props);
  return (
    <Field {...labelling}>
      {(control) => <textarea {...control} maxLength={columnLengths[column]} {...textarea} />}
    </Field>
  );
}
