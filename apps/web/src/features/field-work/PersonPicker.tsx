import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { fieldWorkKeys, personSearchQuery } from "./field-work.graphql.ts";

export interface PickedPerson {
  id: string;
  alias: string;
}

/** Search-as-you-type over the organisation's persons (accents ignored by the API). */
export function PersonPicker({
  value,
  onChange,
  error,
}: {
  value: PickedPerson | null;
  onChange(p: PickedPerson | null): void;
  error?: React.ReactNode;
}) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    queryKey: fieldWorkKeys.personSearch(term),
    enabled: value === null && term.length > 0,
    queryFn: async () =>
      (
        await graphql<{ persons: { edges: { node: PickedPerson & { birthYear: number | null } }[] } }>(
          personSearchQuery,
          { search: term },
        )
      ).persons.edges.map((edge) => edge.node),
  });
  if (value) {
    return (
      <div className="row card" role="status">
        <strong>{t("encounter.chosen", { alias: value.alias })}</strong>
        <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
          {t("encounter.change")}
        </button>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t("encounter.searchPerson")}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error}
      {results.data ? (
        results.data.length === 0 ? (
          <p className="small muted" role="status">
            {t("encounter.noMatch")}
          </p>
        ) : (
          <ul
            className="chips"
            aria-label={t("encounter.searchPerson")}
            style={{ listStyle: "none", padding: 0, margin: "0.5rem 0 0" }}
          >
            {results.data.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t("encounter.choose", { alias: person.alias })}
                  onClick={() => onChange(person)}
                >
                  {person.alias}
                  {person.birthYear ? <span className="muted small"> ({person.birthYear})</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
