import { recordId } from "@maillage/domain/inputs";
import { useQuery } from "@tanstack/react-query";
import { type RefCallback, useState } from "react";
import { z } from "zod";
import { useT } from "../../app/i18n/index.tsx";
import { Field } from "../../ui/Field.tsx";
import { useDebounced } from "../../ui/useDebounced.ts";
import { encounterKeys } from "./encounters.graphql.ts";
import { searchPersons } from "./last-encounter.ts";
import "./encounters.css";

/** A person of the acting organisation, as a picker holds her: the id sent, the alias shown. */
export const pickedPerson = z.object({ id: recordId(), alias: z.string() });
export type PickedPerson = z.infer<typeof pickedPerson>;

/** A form field holding a picked person, required: none chosen yet (null) reads "required". */
export const requiredPerson = pickedPerson.nullable().pipe(pickedPerson);

/**
 * Search-as-you-type over the organisation's persons (accents ignored by the API; with no signal,
 * over the caseload slice kept on the phone, offline/caseload-slice.ts). Bound to a
 * form field: `controller` is what react-hook-form's `useController(…)` returns (its field's `ref`
 * gives the search box the focus when no person is chosen, its fieldState holds the error).
 */
export function PersonPicker({
  controller: {
    field: { value, onChange, ref: inputRef },
    fieldState: { error },
  },
}: {
  controller: {
    field: {
      value: PickedPerson | null;
      onChange(person: PickedPerson | null): void;
      ref?: RefCallback<HTMLInputElement> | undefined;
    };
    fieldState: { error?: unknown };
  };
}) {
  const { t } = useT();
  // The search box's text: what is being looked for, not a value of the form.
  const [text, setText] = useState("");
  const term = useDebounced(text.trim(), 200);
  const results = useQuery({
    queryKey: encounterKeys.personSearch(term),
    enabled: value === null && term.length > 0,
    // Answered by the phone when there is no network (TanStack Query would wait for one).
    networkMode: "always",
    retry: false,
    queryFn: () => searchPersons(term),
  });
  if (value) {
    return (
      <div className="row row--between card person-picker__chosen" role="status">
        <strong>{t("personPicker.chosen", { alias: value.alias })}</strong>
        <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
          {t("personPicker.change")}
        </button>
      </div>
    );
  }
  return (
    <>
      <Field label={t("personPicker.search")} error={error}>
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            type="search"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      {results.data && term.length > 0 ? (
        results.data.length === 0 ? (
          <p className="small muted" role="status">
            {t("personPicker.noMatch")}
          </p>
        ) : (
          <ul className="chips person-picker__results" aria-label={t("personPicker.results")}>
            {results.data.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t("personPicker.choose", { alias: person.alias })}
                  onClick={() => {
                    setText("");
                    onChange({ id: person.id, alias: person.alias });
                  }}
                >
                  {person.alias}
                  {person.birthYear ? <span className="small"> ({person.birthYear})</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
