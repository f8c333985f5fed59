import type { UseMutationResult } from "@tanstack/react-query";
import { useId } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import type { VisitDetail } from "./nurse-visits.graphql.ts";
import { ActsAndNotes, actCounts, noActs, personNotes } from "./VisitActs.tsx";

/**
 * The API's completion input (@maillage/domain/inputs) as the form holds it: a count per kind of
 * act (those at zero are not sent), and one note per person of the visit (an empty one is not
 * sent). Each note is checked where it stands, so a problem shows under its own person.
 */
const completionForm = z.object({
  acts: actCounts(),
  notes: personNotes(),
});
export type CompletionValues = z.output<typeof completionForm>;

/** The page's completion mutation: the page says "completed" once the form is gone. */
export type CompleteMutation = UseMutationResult<unknown, Error, CompletionValues>;

/**
 * Completing a visit: acts performed (shared with the logistics) and clinical notes and results
 * (the organisation's nurses only). The page shows it to the visit's own nurse only: the API
 * refuses anyone else, and nobody else is ever offered a clinical note's fields. A visit the
 * worker recorded after it happened is confirmed the same way (its title says so).
 */
export function CompleteVisitForm({ visit, complete }: { visit: VisitDetail; complete: CompleteMutation }) {
  const { t } = useT();
  const titleId = useId();
  const confirming = visit.status === "AWAITING_CONFIRMATION";
  const form = useDomainForm(completionForm, {
    defaultValues: {
      acts: noActs(),
      notes: visit.persons.map((person) => ({ personId: person.id, body: "", results: "" })),
    },
  });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const acts = useController({ control: form.control, name: "acts" });
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
      <h2 id={titleId}>{confirming ? t("visits.confirmPast") : t("visits.complete")}</h2>
      {confirming ? <p className="small">{t("visits.confirmPastIntro")}</p> : null}
      <form onSubmit={submit} noValidate>
        <FormAlert form={form} />
        <ActsAndNotes
          acts={acts.field}
          actsError={errors.acts}
          persons={visit.persons}
          noteField={(index, part) => field(`notes.${index}.${part}`)}
        />
        <button type="submit" className="button button--primary" disabled={complete.isPending}>
          {confirming ? t("visits.confirmPastSubmit") : t("visits.complete")}
        </button>
      </form>
    </section>
  );
}
