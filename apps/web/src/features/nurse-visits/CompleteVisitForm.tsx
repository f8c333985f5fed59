import { visitLimits } from "@maillage/domain";
import { clinicalActKind, clinicalNoteInput, completeNurseVisitInput } from "@maillage/domain/inputs";
import type { UseMutationResult } from "@tanstack/react-query";
import { useId } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { ClinicalActKind } from "../../generated/enums.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Stepper } from "../../ui/Stepper.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import type { VisitDetail } from "./nurse-visits.graphql.ts";

/**
 * The API's completion input (@maillage/domain/inputs) as the form holds it: a count per kind of
 * act (those at zero are not sent), and one note per person of the visit (an empty one is not
 * sent). Each note is checked where it stands, so a problem shows under its own person.
 */
const completionForm = z.object({
  acts: z
    .record(clinicalActKind, z.number())
    .transform((counts) =>
      Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => ({ kind, count })),
    )
    .pipe(completeNurseVisitInput.shape.acts),
  notes: z
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
    .pipe(completeNurseVisitInput.shape.notes),
});
export type CompletionValues = z.output<typeof completionForm>;

/** The page's completion mutation: the page says "completed" once the form is gone. */
export type CompleteMutation = UseMutationResult<unknown, Error, CompletionValues>;

/**
 * Completing a visit: acts performed (shared with the logistics) and clinical notes and results
 * (the organisation's nurses only). The page shows it to the visit's own nurse only: the API
 * refuses anyone else, and nobody else is ever offered a clinical note's fields.
 */
export function CompleteVisitForm({ visit, complete }: { visit: VisitDetail; complete: CompleteMutation }) {
  const { t, enumLabel } = useT();
  const titleId = useId();
  const form = useDomainForm(completionForm, {
    defaultValues: {
      acts: Object.fromEntries(enumOptions("ClinicalActKind").map((kind) => [kind, 0])) as Record<
        ClinicalActKind,
        number
      >,
      notes: visit.persons.map((person) => ({ personId: person.id, body: "", results: "" })),
    },
  });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const acts = useController({ control: form.control, name: "acts" });
  const counts = acts.field.value;
  const submit = form.handleSubmit((values) =>
    complete.mutate(values, {
      // The API counts the notes it was sent; the form shows each under its person.
      onError: (error) =>
        showFailure(form, error, (path) => {
          const note = /^notes\.(\d+)\.(body|results)$/.exec(path);
          if (!note) return path === "acts" ? "acts" : null;
          const sent = values.notes?.[Number(note[1])];
          const index = visit.persons.findIndex((person) => person.id === sent?.personId);
          return index < 0 ? null : `notes.${index}.${note[2] === "body" ? "body" : "results"}`;
        }),
    }),
  );
  return (
    <section className="card visit-card visit-complete" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("visits.complete")}</h2>
      <form onSubmit={submit} noValidate>
        <FormAlert form={form} />
        <FieldSet legend={t("visits.acts")} hint={t("visits.completeIntro")} error={errors.acts}>
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
                    onChange={(count) => acts.field.onChange({ ...counts, [kind]: count })}
                    decreaseLabel={t("visits.actLess", { act: name })}
                    increaseLabel={t("visits.actMore", { act: name })}
                    valueLabel={t("visits.actCount", { act: name, count: counts[kind] })}
                    buttonRef={index === 0 ? acts.field.ref : undefined}
                  />
                </li>
              );
            })}
          </ul>
        </FieldSet>
        {visit.persons.length > 0 ? <p className="alert alert--warn small">{t("visits.nurseOnly")}</p> : null}
        {visit.persons.map((person, index) => (
          <div key={person.id} className="grid-2">
            <TextAreaField
              label={t("visits.clinicalNote", { alias: person.alias })}
              optional
              {...field(`notes.${index}.body`)}
              column="ClinicalNote.body"
            />
            <TextAreaField
              label={t("visits.resultsFor", { alias: person.alias })}
              optional
              {...field(`notes.${index}.results`)}
              column="ClinicalNote.results"
            />
          </div>
        ))}
        <button type="submit" className="button button--primary" disabled={complete.isPending}>
          {t("visits.complete")}
        </button>
      </form>
    </section>
  );
}
