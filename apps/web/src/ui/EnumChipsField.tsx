/**
 * Chips offering the values of a schema enum (in their labels' order), bound to one form field:
 * `controller` is what react-hook-form's `useController(…)` returns (its field's `ref` focuses the
 * first chip when the field is refused, its fieldState holds the error).
 */
import type { RefCallback } from "react";
import type { EnumName, EnumTypes } from "../app/i18n/enum-labels.ts";
import { enumOptions, useT } from "../app/i18n/index.tsx";
import { ChoiceChips, ToggleChips } from "./ChipsField.tsx";

/** The part of `useController(…)`'s answer the chips read. */
export interface ChipsController<Value, Change = Value> {
  field: { value: Value; onChange(value: Change): void; ref?: RefCallback<HTMLButtonElement> | undefined };
  fieldState: { error?: unknown };
}

interface EnumChipsProps<E extends EnumName, Value, Change = Value> {
  vocabulary: E;
  legend: string;
  hint?: string | undefined;
  controller: ChipsController<Value, Change>;
}

/** The chips' options and labels from the enum, their value and error from the controller. */
function useEnumChips<E extends EnumName, Value, Change>({
  vocabulary,
  controller: { field, fieldState },
  ...fieldSet
}: EnumChipsProps<E, Value, Change>) {
  const { enumLabel } = useT();
  return {
    ...fieldSet,
    options: enumOptions(vocabulary),
    label: (value: EnumTypes[E]) => enumLabel(vocabulary, value),
    value: field.value,
    onChange: field.onChange,
    chipRef: field.ref,
    error: fieldState.error,
  };
}

/** One value of the enum. */
export function EnumChoiceChips<E extends EnumName>(props: EnumChipsProps<E, EnumTypes[E]>) {
  return <ChoiceChips {...useEnumChips(props)} />;
}

/** Any number of the enum's values. */
export function EnumToggleChips<E extends EnumName>(
  props: EnumChipsProps<E, readonly EnumTypes[E][] | null | undefined, EnumTypes[E][]>,
) {
  return <ToggleChips {...useEnumChips(props)} />;
}
