import type { EnumName } from "../app/i18n/enum-labels.ts";
import { enumOptions, useT } from "../app/i18n/index.tsx";
import { SelectField, type SelectFieldProps } from "./SelectField.tsx";

/** A select offering the values of a schema enum, in their labels' order (app/i18n/enum-labels.ts). */
export function EnumSelectField<E extends EnumName>({
  vocabulary,
  ...select
}: { vocabulary: E } & Omit<SelectFieldProps, "choices">) {
  const { enumLabel } = useT();
  const choices = enumOptions(vocabulary).map((value) => ({ value, label: enumLabel(vocabulary, value) }));
  return <SelectField choices={choices} {...select} />;
}
