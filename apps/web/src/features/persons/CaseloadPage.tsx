import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { useDebounced } from "../../ui/useDebounced.ts";
import { mayWrite, useViewer } from "../auth/session.ts";
import { CaseloadQuery, personKeys } from "./persons.graphql.ts";
import "./persons.css";

const filters = [
  { key: "activeInLast90Days", label: "persons.filter.active" },
  { key: "inRegularFollowUp", label: "persons.filter.followUp" },
  { key: "minors", label: "persons.filter.minors" },
] as const;

export function CaseloadPage() {
  const { t, formatDate } = useT();
  const me = useViewer();
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [active, setActive] = useState<(typeof filters)[number]["key"][]>([]);
  // Archived files are out of the caseload; a search can bring them back in view.
  const [includeArchived, setIncludeArchived] = useState(false);
  const term = useDebounced(search.trim(), 250);
  const caseload = useInfiniteQuery({
    queryKey: personKeys.caseload(term, includeArchived ? [...active, "archived"] : active),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      request(CaseloadQuery, {
        search: term || null,
        filter: Object.fromEntries(active.map((key) => [key, true])),
        after: pageParam,
        includeArchived,
      }),
    getNextPageParam: (page) => (page.persons.pageInfo.hasNextPage ? page.persons.pageInfo.endCursor : null),
  });
  const rows = caseload.data?.pages.flatMap((page) => page.persons.edges.map((edge) => edge.node)) ?? [];
  return (
    <section className="page">
      <PageHeading
        title={t("persons.title")}
        action={
          mayWrite(me, "PERSON_PROFILE") ? { to: "/personnes/nouvelle", label: t("persons.new") } : null
        }
      />
      <div className="field">
        <label htmlFor={searchId}>{t("persons.search")}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-describedby={`${searchId}-hint`}
          autoComplete="off"
        />
        <span id={`${searchId}-hint`} className="small muted">
          {t("persons.searchHint")}
        </span>
      </div>
      <fieldset>
        <legend className="visually-hidden">{t("persons.filters")}</legend>
        <div className="chips">
          {filters.map((filter) => (
            <button
              key={filter.key}
              type="button"
              className="chip"
              aria-pressed={active.includes(filter.key)}
              onClick={() =>
                setActive((current) =>
                  current.includes(filter.key)
                    ? current.filter((k) => k !== filter.key)
                    : [...current, filter.key],
                )
              }
            >
              {t(filter.label)}
            </button>
          ))}
          <button
            type="button"
            className="chip"
            aria-pressed={includeArchived}
            onClick={() => setIncludeArchived((current) => !current)}
          >
            {t("persons.includeArchived")}
          </button>
        </div>
      </fieldset>
      {caseload.isError ? (
        <QueryFailure error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : null}
      {caseload.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : rows.length === 0 ? (
        <p className="muted" role="status">
          {t("persons.none")}
        </p>
      ) : (
        <>
          <p className="small muted">{t("persons.shown", { count: rows.length })}</p>
          <ul className="card-list caseload">
            {rows.map((person) => {
              const last = person.encounters.edges[0]?.node.occurredAt;
              return (
                <li key={person.id} className="card caseload__row">
                  <Link to={`/personnes/${encodeURIComponent(person.id)}`} className="caseload__alias">
                    {person.alias}
                  </Link>
                  <span className="small muted">
                    {person.birthYear ? t("persons.bornIn", { year: person.birthYear }) : null}
                    {person.birthYear ? " · " : null}
                    {last ? t("persons.lastMet", { date: formatDate(last) }) : t("persons.neverMet")}
                  </span>
                  <span className="row">
                    {person.archivedAt ? <span className="badge">{t("persons.archived")}</span> : null}
                    {person.possiblyMinor ? (
                      <span className="badge badge--danger">{t("persons.minor")}</span>
                    ) : null}
                    {person.inRegularFollowUp ? (
                      <span className="badge badge--ok">{t("persons.followUp")}</span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {caseload.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() => void caseload.fetchNextPage()}
          disabled={caseload.isFetchingNextPage}
        >
          {t("app.loadMore")}
        </button>
      ) : null}
    </section>
  );
}
