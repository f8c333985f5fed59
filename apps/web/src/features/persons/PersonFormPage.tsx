import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link, navigate } from "../../app/router.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import {
  createPersonMutation,
  type PersonFile,
  personFileQuery,
  personKeys,
  updatePersonMutation,
} from "./persons.graphql.ts";

const genders = ["WOMAN", "TRANS_WOMAN", "MAN", "TRANS_MAN", "NON_BINARY", "OTHER", "UNDISCLOSED"];

interface Draft {
  alias: string;
  birthYear: string;
  gender: string;
  languages: string;
  mayText: boolean;
  mayLeaveMessage: boolean;
  safeContactNote: string;
  inRegularFollowUp: boolean;
  legalName: string;
}

const empty: Draft = {
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

type Result = {
  __typename: string;
  person?: { id: string };
  possibleDuplicates?: { id: string; alias: string; birthYear: number | null }[];
} & Partial<AppErrorResult>;

/** Create a file (`/personnes/nouvelle`) or edit one (`/personnes/:id/modifier`). */
export function PersonFormPage({ params }: { params: Record<string, string> }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const editing = params.id ?? null;
  const form = useFormFailure();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(empty);
  const [duplicates, setDuplicates] = useState<{
    created: string;
    list: { id: string; alias: string; birthYear: number | null }[];
  } | null>(null);
  const [saved, setSaved] = useState(false);
  const existing = useQuery({
    queryKey: personKeys.file(editing ?? ""),
    enabled: editing !== null,
    queryFn: async () =>
      (await graphql<{ person: PersonFile | null }>(personFileQuery, { id: editing })).person,
  });
  useEffect(() => {
    const person = existing.data;
    if (person) {
      setDraft({
        alias: person.alias,
        birthYear: person.birthYear ? String(person.birthYear) : "",
        gender: person.gender,
        languages: person.languages.join(", "),
        mayText: person.mayText,
        mayLeaveMessage: person.mayLeaveMessage,
        safeContactNote: person.safeContactNote ?? "",
        inRegularFollowUp: person.inRegularFollowUp,
        legalName: person.legalName ?? "",
      });
    }
  }, [existing.data]);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        alias: draft.alias,
        birthYear: draft.birthYear ? Number(draft.birthYear) : null,
        gender: draft.gender,
        languages: draft.languages.split(/[,\s]+/).filter(Boolean),
        mayText: draft.mayText,
        mayLeaveMessage: draft.mayLeaveMessage,
        safeContactNote: draft.safeContactNote,
        inRegularFollowUp: draft.inRegularFollowUp,
        legalName: draft.legalName,
      };
      return editing
        ? graphql<{ updatePerson: Result }>(updatePersonMutation, { input: { ...input, id: editing } }).then(
            (d) => d.updatePerson,
          )
        : graphql<{ createPerson: Result }>(createPersonMutation, {
            input: { ...input, legalName: input.legalName || null },
          }).then((d) => d.createPerson);
    },
    onSuccess: (result) => {
      if (!result.person) {
        form.fromResult(result as AppErrorResult);
        return;
      }
      form.setFailure(null);
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      const target = `/personnes/${encodeURIComponent(result.person.id)}`;
      if (result.possibleDuplicates?.length)
        setDuplicates({ created: target, list: result.possibleDuplicates });
      else if (editing) setSaved(true);
      else navigate(target);
    },
    onError: form.fromError,
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  if (duplicates) {
    return (
      <section className="page">
        <h1>{t("form.duplicatesTitle")}</h1>
        <p role="status" className="alert alert--warn">
          {t("form.duplicatesIntro")}
        </p>
        <ul className="card-list">
          {duplicates.list.map((person) => (
            <li key={person.id} className="card">
              <Link to={`/personnes/${encodeURIComponent(person.id)}`}>{person.alias}</Link>
              {person.birthYear ? (
                <span className="muted"> · {t("persons.bornIn", { year: person.birthYear })}</span>
              ) : null}
            </li>
          ))}
        </ul>
        <Link to={duplicates.created} className="button button--primary">
          {t("form.openNew")}
        </Link>
      </section>
    );
  }
  const text = (
    key: "alias" | "birthYear" | "languages" | "safeContactNote" | "legalName",
    label: MessageKey,
    extra: Record<string, unknown> = {},
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        {...extra}
        {...form.fieldProps(key)}
      />
      {form.fieldError(key)}
    </div>
  );
  const check = (key: "mayText" | "mayLeaveMessage" | "inRegularFollowUp", label: MessageKey) => (
    <label className="row" style={{ minHeight: 44 }}>
      <input
        type="checkbox"
        style={{ width: 24, minHeight: 24 }}
        checked={draft[key]}
        onChange={(e) => set(key, e.target.checked)}
      />
      {t(label)}
    </label>
  );
  return (
    <section className="page">
      <h1>{t(editing ? "form.editTitle" : "form.createTitle")}</h1>
      <form onSubmit={submit} noValidate>
        {form.summary()}
        {saved ? (
          <p role="status" className="alert alert--ok">
            {t("form.saved")}
          </p>
        ) : null}
        {text("alias", "form.alias", { required: true, maxLength: 80, autoComplete: "off" })}
        <div className="grid-2">
          {text("birthYear", "form.birthYear", { inputMode: "numeric", maxLength: 4 })}
          <div className="field">
            <label htmlFor={`${id}-gender`}>{t("form.gender")}</label>
            <select id={`${id}-gender`} value={draft.gender} onChange={(e) => set("gender", e.target.value)}>
              {genders.map((gender) => (
                <option key={gender} value={gender}>
                  {t(`gender.${gender}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {text("languages", "form.languages")}
        {Object.keys(form.failure?.fields ?? {})
          .filter((path) => path.startsWith("languages."))
          .map((path) => (
            <span key={path}>{form.fieldError(path)}</span>
          ))}
        {check("mayText", "form.mayText")}
        {check("mayLeaveMessage", "form.mayLeaveMessage")}
        {text("safeContactNote", "form.safeContactNote", { maxLength: 500 })}
        {check("inRegularFollowUp", "form.followUp")}
        {text("legalName", "form.legalName", { maxLength: 200, autoComplete: "off" })}
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t(editing ? "form.save" : "form.create")}
        </button>
      </form>
    </section>
  );
}
