/**
 * The organisation's catalogue, kept by its coordinators (EDIT_CATALOGUES): three lists in tabs
 * (material, services, online platforms), each entry named in French and English, retired rather
 * than deleted once a record names it; a form under each list adds an entry to it.
 */
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useRef, useState } from "react";
import { request } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import { navigate, usePath } from "../../app/router.tsx";
import type { CatalogueList } from "../../generated/enums.ts";
import { Loaded } from "../../ui/Loaded.tsx";
import { CatalogueEntryCard, FocusedOnArrival } from "./CatalogueEntryCard.tsx";
import { AddEntryForm, addFormTitleId } from "./CatalogueEntryForms.tsx";
import { CatalogueQuery, catalogueKeys } from "./catalogues.graphql.ts";
import "./catalogues.css";

export const cataloguePath = "/catalogue";

/** The list shown, kept in the address (`?liste=SERVICE`) so a reload or a link keeps it. */
function useShownList(): [CatalogueList, (list: CatalogueList) => void] {
  const { search } = usePath();
  const lists = enumOptions("CatalogueList");
  const shown = lists.find((list) => list === search.get("liste")) ?? "MATERIAL";
  return [shown, (list) => navigate(`${cataloguePath}?liste=${list}`, { replace: true })];
}

/** What was just deleted, said where its card was. */
interface Deleted {
  label: string;
  index: number;
}

function ListPanel({ list }: { list: CatalogueList }) {
  const { t } = useT();
  const entries = useQuery({
    queryKey: catalogueKeys.list(list),
    queryFn: async () => (await request(CatalogueQuery, { list })).catalogue,
  });
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  return (
    <>
      {list === "PLATFORM" ? <p className="alert alert--warn">{t("catalogue.platformRule")}</p> : null}
      {/* The form is under a list of ten or more: this brings the coordinator to its first field. */}
      <button
        type="button"
        className="button"
        onClick={() => {
          const heading = document.getElementById(addFormTitleId(list));
          heading?.scrollIntoView({ block: "start" });
          heading?.closest("form")?.querySelector("input")?.focus();
        }}
      >
        {t("catalogue.goToAdd")}
      </button>
      <Loaded query={entries}>
        {(data) => {
          const cards = data.map((entry, index) => (
            <CatalogueEntryCard
              key={entry.code}
              entry={entry}
              onDeleted={(label) => setDeleted({ label, index })}
            />
          ));
          if (deleted) {
            cards.splice(
              Math.min(deleted.index, cards.length),
              0,
              <li key="deleted">
                <FocusedOnArrival>
                  <p role="status" className="alert alert--ok">
                    {t("catalogue.deleted", { label: deleted.label })}
                  </p>
                </FocusedOnArrival>
              </li>,
            );
          }
          return cards.length ? (
            <ul className="card-list catalogue__entries">{cards}</ul>
          ) : (
            <p className="muted">{t("catalogue.empty")}</p>
          );
        }}
      </Loaded>
      <AddEntryForm key={list} list={list} />
    </>
  );
}

export function CataloguePage() {
  const { t, enumLabel } = useT();
  const [shown, show] = useShownList();
  const lists = enumOptions("CatalogueList");
  const tabs = useRef(new Map<CatalogueList, HTMLButtonElement | null>());
  // The tabs' keys (WAI-ARIA tabs): arrows move to the next list and show it, Home and End too.
  const onKeyDown = (event: KeyboardEvent) => {
    const at = lists.indexOf(shown);
    const next =
      event.key === "ArrowRight"
        ? lists[(at + 1) % lists.length]
        : event.key === "ArrowLeft"
          ? lists[(at + lists.length - 1) % lists.length]
          : event.key === "Home"
            ? lists[0]
            : event.key === "End"
              ? lists[lists.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    show(next);
    tabs.current.get(next)?.focus();
  };
  return (
    <section className="page catalogue">
      <h1>{t("catalogue.title")}</h1>
      <p className="muted">{t("catalogue.intro")}</p>
      <div role="tablist" aria-label={t("catalogue.lists")} className="catalogue__tabs" onKeyDown={onKeyDown}>
        {lists.map((list) => (
          <button
            key={list}
            ref={(tab) => {
              tabs.current.set(list, tab);
            }}
            type="button"
            role="tab"
            id={`catalogue-tab-${list}`}
            aria-selected={list === shown}
            aria-controls="catalogue-panel"
            tabIndex={list === shown ? 0 : -1}
            onClick={() => show(list)}
          >
            {enumLabel("CatalogueList", list)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="catalogue-panel" aria-labelledby={`catalogue-tab-${shown}`}>
        <ListPanel key={shown} list={shown} />
      </div>
    </section>
  );
}
