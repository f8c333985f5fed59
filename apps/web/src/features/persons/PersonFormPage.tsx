import { columnLengths, createPersonInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import { Link, navigate } from "../../app/router.tsx";
import type { Gender } from "../../generated/enums.ts";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { CheckboxField, Field } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import {
  CreatePerson,
  type PersonFile,
  PersonFileQuery,
  personKeys,
  UpdatePerson,
} from "./persons.graphql.ts";

/**
 * The API's person input (@maillage/domain/inputs), read from the form's text boxes: the birth
 * year as digits, the languages as codes separated by commas. Every other rule is the API's.
 */
const personForm = createPersonInput.extend({
  birthYear: z
    .string()
    .trim()
    .transform((text): number | null | undefined => (text === "" ? null : Number(text)))
    .pipe(createPersonInput.shape.birthYear),
  languages: z
    .string()
    .transform((text): string[] | null | undefined => text.split(/[,\s]+/).filter(Boolean))
    .pipe(createPersonInput.shape.languages),
});
type PersonFormValues = z.input<typeof personForm>;
type PersonFormOutput = z.output<typeof personForm>;

const empty: PersonFormValues = {
  alias: "",
  birthYear: "",
  gender: "WOMAN",
  languages: "fr",
  mayText: false,
  mayLeaveMessage: false,
  safeContactNote: "",
  inRegularFollowUp: false,
  legalName: "",
};

function formValuesOf(person: PersonFile): PersonFormValues {
  return {
    alias: person.alias,
    birthYear: person.birthYear ? String(person.birthYear) : "",
    gender: person.gender,
    languages: person.languages.join(", "),
    mayText: person.mayText,
    mayLeaveMessage: person.mayLeaveMessage,
    safeContactNote: person.safeContactNote ?? "",
    inRegularFollowUp: person.inRegularFollowUp,
    legalName: person.legalName ?? "",
  };
}

/** Create a file (`/personnes/nouvelle`) or edit one (`/personnes/:id/modifier`). */
export function PersonFormPage({ params }: { params: Record<string, string> }) {
  const { t } = useT();
  const editing = params.id ?? null;
  const existing = useQuery({
    queryKey: personKeys.file(editing ?? ""),
    enabled: editing !== null,
    queryFn: async () => (await request(PersonFileQuery, { id: editing ?? "" })).person,
  });
  if (editing === null) return <PersonForm editing={null} initial={empty} />;
  if (existing.isPending) {
    return (
      <section className="page">
        <h1>{t("app.loading")}</h1>
      </section>
    );
  }
  if (existing.isError)
    return <QueryFailure error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!existing.data) {
    return (
      <section className="page">
        <h1>{t("errors.NOT_FOUND")}</h1>
        <Link to="/personnes">{t("persons.title")}</Link>
      </section>
    );
  }
  // Keyed by the file: the form starts from the loaded values, never copied in by an effect.
  return <PersonForm key={editing} editing={editing} initial={formValuesOf(existing.data)} />;
}

function PersonForm({ editing, initial }: { editing: string | null; initial: PersonFormValues }) {
  const { t, enumLabel } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const form = useDomainForm(personForm, { defaultValues: initial });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: async ({ legalName, ...profile }: PersonFormOutput) => {
      // The legal name is sent only by those who may write it (an empty one clears it).
      const legal = mayWrite(me, "LEGAL_NAME");
      if (editing) {
        const { person } = await mutate(UpdatePerson, (data) => data.updatePerson, {
          input: { ...profile, id: editing, ...(legal ? { legalName: legalName ?? "" } : {}) },
        });
        return { person, possibleDuplicates: [] };
      }
      return mutate(CreatePerson, (data) => data.createPerson, {
        input: { ...profile, ...(legal ? { legalName: legalName || null } : {}) },
      });
    },
    onSuccess: ({ person, possibleDuplicates }) => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      if (possibleDuplicates.length === 0 && !editing) navigate(fileLink(person.id));
    },
    onError: (error) => showFailure(form, error),
  });

  const created = save.data;
  if (created && created.possibleDuplicates.length > 0) {
    return (
      <section className="page">
        <h1>{t("form.duplicatesTitle")}</h1>
        <p role="status" className="alert alert--warn">
          {t("form.duplicatesIntro")}
        </p>
        <ul className="card-list">
          {created.possibleDuplicates.map((person) => (
            <li key={person.id} className="card">
              <Link to={fileLink(person.id)}>{person.alias}</Link>
              {person.birthYear ? (
                <span className="muted"> · {t("persons.bornIn", { year: person.birthYear })}</span>
              ) : null}
            </li>
          ))}
        </ul>
        <Link to={fileLink(created.person.id)} className="button button--primary">
          {t("form.openNew")}
        </Link>
      </section>
    );
  }

  return (
    <section className="page">
      <h1>{t(editing ? "form.editTitle" : "form.createTitle")}</h1>
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
        <FormAlert form={form} />
        {editing && save.isSuccess ? (
          <p role="status" className="alert alert--ok">
            {t("form.saved")}
          </p>
        ) : null}
        <Field label={t("form.alias")} hint={t("form.aliasHint")} error={errors.alias}>
          {(control) => (
            <input
              {...control}
              {...form.register("alias")}
              required
              maxLength={columnLengths["Person.alias"]}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="grid-2">
          <Field label={t("form.birthYear")} error={errors.birthYear} optional>
            {(control) => (
              <input {...control} {...form.register("birthYear")} inputMode="numeric" maxLength={4} />
            )}
          </Field>
          <Field label={t("form.gender")} error={errors.gender}>
            {(control) => (
              <select {...control} {...form.register("gender")}>
                {enumOptions("Gender").map((gender: Gender) => (
                  <option key={gender} value={gender}>
                    {enumLabel("Gender", gender)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t("form.languages")} hint={t("form.languagesHint")} error={errors.languages}>
          {(control) => <input {...control} {...form.register("languages")} autoComplete="off" />}
        </Field>
        <CheckboxField label={t("form.mayText")} error={errors.mayText}>
          {(control) => <input {...control} type="checkbox" {...form.register("mayText")} />}
        </CheckboxField>
        <CheckboxField label={t("form.mayLeaveMessage")} error={errors.mayLeaveMessage}>
          {(control) => <input {...control} type="checkbox" {...form.register("mayLeaveMessage")} />}
        </CheckboxField>
        <Field label={t("form.safeContactNote")} error={errors.safeContactNote} optional>
          {(control) => (
            <input
              {...control}
              {...form.register("safeContactNote")}
              maxLength={columnLengths["Person.safeContactNote"]}
            />
          )}
        </Field>
        <CheckboxField label={t("form.followUp")} error={errors.inRegularFollowUp}>
          {(control) => <input {...control} type="checkbox" {...form.register("inRegularFollowUp")} />}
        </CheckboxField>
        {mayWrite(me, "LEGAL_NAME") ? (
          <Field label={t("form.legalName")} error={errors.legalName}>
            {(control) => (
              <input
                {...control}
                {...form.register("legalName")}
                maxLength={columnLengths["PersonLegalName.legalName"]}
                autoComplete="off"
              />
            )}
          </Field>
        ) : null}
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t(editing ? "form.save" : "form.create")}
        </button>
      </form>
    </section>
  );
}

function fileLink(id: string) {
  return `/personnes/${encodeURIComponent(id)}`;
}
