import { createPersonInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link, navigate } from "../../app/router.tsx";
import { CheckboxInput } from "../../ui/CheckboxInput.tsx";
import { FormAlert, fieldBinder, numberText, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumSelectField } from "../../ui/EnumSelectField.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { mayTake, mayWrite, useViewer } from "../auth/session.ts";
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
  birthYear: numberText(createPersonInput.shape.birthYear),
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
  const { t } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const form = useDomainForm(personForm, { defaultValues: initial });
  const field = fieldBinder(form);
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
              {mayTake(me, "MERGE_PERSON_FILES") ? (
                <div>
                  <Link
                    to={`${fileLink(person.id)}?fusionner=${encodeURIComponent(created.person.id)}`}
                    className="button button--quiet"
                  >
                    {t("merge.suggest")}
                  </Link>
                </div>
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
        <SuccessStatus shown={Boolean(editing) && save.isSuccess}>{t("form.saved")}</SuccessStatus>
        <TextField
          label={t("form.alias")}
          hint={t("form.aliasHint")}
          {...field("alias")}
          required
          column="Person.alias"
          autoComplete="off"
        />
        <div className="grid-2">
          <TextField
            label={t("form.birthYear")}
            optional
            {...field("birthYear")}
            inputMode="numeric"
            maxLength={4}
          />
          <EnumSelectField vocabulary="Gender" label={t("form.gender")} {...field("gender")} />
        </div>
        <TextField
          label={t("form.languages")}
          hint={t("form.languagesHint")}
          {...field("languages")}
          autoComplete="off"
        />
        <CheckboxInput label={t("form.mayText")} {...field("mayText")} />
        <CheckboxInput label={t("form.mayLeaveMessage")} {...field("mayLeaveMessage")} />
        <TextField
          label={t("form.safeContactNote")}
          optional
          {...field("safeContactNote")}
          column="Person.safeContactNote"
        />
        <CheckboxInput label={t("form.followUp")} {...field("inRegularFollowUp")} />
        {mayWrite(me, "LEGAL_NAME") ? (
          <TextField
            label={t("form.legalName")}
            {...field("legalName")}
            column="PersonLegalName.legalName"
            autoComplete="off"
          />
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
