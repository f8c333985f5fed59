import { visitLimits } from "@maillage/domain";
import { clinicalActKind, clinicalNoteInput, completeNurseVisitInput } from "@maillage/domain/inputs";
import type { RefCallback } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { ClinicalActKind } from "../../generated/enums.ts";
import { FieldSet } from "../../ui/Field.tsx";
import { Stepper } from "../../ui/Stepper.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";

/**
 * A visit's acts as a form holds them: a count per kind (those at zero are not sent), read for
 * the API's `acts` (completion and a visit recorded after it happened take the same list).
 */
export function actCounts() {
  return z
    .record(clinicalActKind, z.number())
    .transform((counts) =>
      Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => ({ kind, count })),
    )
    .pipe(completeNurseVisitInput.shape.acts);
}

/** Every kind at zero: the form's starting counts. */
export function noActs(): Record<ClinicalActKind, number> {
  return Object.fromEntries(enumOptions("ClinicalActKind").map((kind) => [kind, 0])) as Record<
    ClinicalActKind,
    number
  >;
}

/**
 * One note per person of the visit as the form holds it (an empty one is not sent), read for the
 * API's `notes` (the same list on completion and on a visit recorded after it happened). Each
 * note is checked where it stands, so a problem shows under its own person.
 */
export function personNotes() {
  return z
    .array(
      z
        .object({ personId: z.string(), body: z.string(), results: z.string() })
        .transform((note): z.input<typeof clinicalNoteInput> | null =>
          note.body.trim() || note.results.trim()
            ? { personId: note.personId, body: note.body, results: note.results || null }
            : null,
        )
        .pipe(clinicalNoteInput.nullable()),
    )
    .transform(
      (notes): z.input<typeof completeNurseVisitInput.shape.notes> => notes.filter((note) => note !== null),
    )
    .pipe(completeNurseVisitInput.shape.notes);
}

/** A stepper per kind of act, in the vocabulary's order (the first takes the focus on an error). */
export function ActSteppers({
  counts,
  onChange,
  buttonRef,
}: {
  counts: Record<ClinicalActKind, number>;
  onChange(counts: Record<ClinicalActKind, number>): void;
  buttonRef?: RefCallback<HTMLButtonElement> | undefined;
}) {
  const { t, enumLabel } = useT();
  return (
    <ul className="steppers">
      {enumOptions("ClinicalActKind").map((kind, index) => {
        const name = enumLabel("ClinicalActKind", kind);
        return (
          <li key={kind}>
            <Stepper
              label={name}
              value={counts[kind]}
              min={0}
              max={visitLimits.maxActCount}
              onChange={(count) => onChange({ ...counts, [kind]: count })}
              decreaseLabel={t("visits.actLess", { act: name })}
              increaseLabel={t("visits.actMore", { act: name })}
              valueLabel={t("visits.actCount", { act: name, count: counts[kind] })}
              buttonRef={index === 0 ? buttonRef : undefined}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** A note field bound to the form (`fieldBinder`'s answer for `notes.<index>.<part>`). */
type NoteField = (index: number, part: "body" | "results") => UseFormRegisterReturn & { error: unknown };

/**
 * The acts of a visit and a clinical note and results per person: the same block on completion,
 * on confirmation of a visit the worker recorded, and on a visit the nurse records afterwards.
 */
export function ActsAndNotes({
  acts,
  actsError,
  persons,
  noteField,
}: {
  acts: {
    value: Record<ClinicalActKind, number>;
    onChange(counts: Record<ClinicalActKind, number>): void;
    ref?: RefCallback<HTMLButtonElement> | undefined;
  };
  actsError: unknown;
  persons: readonly { id: string; alias: string }[];
  noteField: NoteField;
}) {
  const { t } = useT();
  return (
    <>
      <FieldSet legend={t("visits.acts")} hint={t("visits.completeIntro")} error={actsError}>
        <ActSteppers counts={acts.value} onChange={acts.onChange} buttonRef={acts.ref} />
      </FieldSet>
      {persons.length > 0 ? <p className="alert alert--warn small">{t("visits.nurseOnly")}</p> : null}
      {persons.map((person, index) => (
        <div key={person.id} className="grid-2">
          <TextAreaField
            label={t("visits.clinicalNote", { alias: person.alias })}
            optional
            {...noteField(index, "body")}
            column="ClinicalNote.body"
          />
          <TextAreaField
            label={t("visits.resultsFor", { alias: person.alias })}
            optional
            {...noteField(index, "results")}
            column="ClinicalNote.results"
          />
        </div>
      ))}
    </>
  );
}
