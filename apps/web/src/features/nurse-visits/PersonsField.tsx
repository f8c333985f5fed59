import { useQuery } from "@tanstack/react-query";
import { type RefCallback, useRef, useState } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { Field, FieldSet } from "../../ui/Field.tsx";
import { useDebounced } from "../../ui/useDebounced.ts";
import type { PickedPerson } from "../encounters/PersonPicker.tsx";

/** How many persons a joint visit names at most (the API's personIds). */
const maxPersons = 6;

/**
 * The persons of a joint visit: those chosen (each with a button to take her off), and a
 * search-as-you-type box to add another. `search` answers the persons the viewer may name (her
 * organisation's own, or — for the nurse — the worker's organisation's shared with hers);
 * `hint` says whose persons are offered, or why the box waits (`waiting`: no worker chosen yet).
 */
export function PersonsField({
  legend,
  chosen,
  onChange,
  search,
  searchKey,
  hint,
  waiting = false,
  error,
  inputRef,
}: {
  legend: string;
  chosen: PickedPerson[];
  onChange(persons: PickedPerson[]): void;
  search(term: string): Promise<{ id: string; alias: string; birthYear?: number | null }[]>;
  /** The query key of a search, by its term (cached per source of persons). */
  searchKey(term: string): readonly unknown[];
  hint?: string | undefined;
  /** The box waits for another field (the worker, whose organisation's persons are offered). */
  waiting?: boolean;
  error?: unknown;
  inputRef?: RefCallback<HTMLInputElement> | undefined;
}) {
  const { t } = useT();
  // The search box's text: what is being looked for, not a value of the form.
  const [text, setText] = useState("");
  const term = useDebounced(text.trim(), 200);
  const full = chosen.length >= maxPersons;
  const results = useQuery({
    queryKey: searchKey(term),
    enabled: !waiting && !full && term.length > 0,
    retry: false,
    queryFn: () => search(term),
  });
  const offered = (results.data ?? []).filter((person) => !chosen.some((c) => c.id === person.id));
  // The button pressed goes away (a person chosen or taken off): the focus returns to the box.
  const box = useRef<HTMLInputElement | null>(null);
  const change = (persons: PickedPerson[]) => {
    onChange(persons);
    setText("");
    requestAnimationFrame(() => box.current?.focus());
  };
  return (
    <FieldSet legend={legend} error={error}>
      <div aria-live="polite">
        {chosen.length > 0 ? (
          <ul className="chips past-visit__persons" aria-label={t("visits.past.chosen")}>
            {chosen.map((person) => (
              <li key={person.id} className="chip chip--static">
                <span>{person.alias}</span>
                <button
                  type="button"
                  className="button button--quiet past-visit__remove"
                  aria-label={t("visits.past.removePerson", { alias: person.alias })}
                  onClick={() => change(chosen.filter((c) => c.id !== person.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {full ? null : (
        <Field label={t("personPicker.search")} hint={hint}>
          {(control) => (
            <input
              {...control}
              ref={(element) => {
                box.current = element;
                inputRef?.(element);
              }}
              type="search"
              autoComplete="off"
              disabled={waiting}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
      )}
      {/* Cleared (a person just chosen): no results, before the debounced term catches up. */}
      {results.data && text.trim().length > 0 && term.length > 0 && !full ? (
        offered.length === 0 ? (
          <p className="small muted" role="status">
            {t("personPicker.noMatch")}
          </p>
        ) : (
          <ul className="chips person-picker__results" aria-label={t("personPicker.results")}>
            {offered.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t("personPicker.choose", { alias: person.alias })}
                  onClick={() => change([...chosen, { id: person.id, alias: person.alias }])}
                >
                  {person.alias}
                  {person.birthYear ? <span className="small"> ({person.birthYear})</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </FieldSet>
  );
}
