import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { hasRole, useViewer } from "../auth/session.ts";
import { type TeamMember, teamQuery, teamQueryKey } from "./team.graphql.ts";
import "./audit.css";

interface AuditEvent {
  id: string;
  at: string;
  action: string;
  recordKind: string;
  recordId: string | null;
  userDisplayName: string | null;
}

interface AuditPage {
  auditLog: { edges: { node: AuditEvent }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const auditLogQuery = `query AuditLog($after: String, $filter: AuditLogFilter) {
  auditLog(first: 50, after: $after, filter: $filter) {
    edges { node { id at action recordKind recordId userDisplayName } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Filter {
  userId: string;
  recordId: string;
}

/** An action or kind the catalogue knows, translated; otherwise its code as the API wrote it. */
function useLabel() {
  const { t } = useT();
  return (key: string, code: string) => {
    const label = t(key as MessageKey);
    return label === key ? code : label;
  };
}

/** /journal: the organisation's audit log, newest first, filtered by user or record. */
export function AuditLogPage() {
  const { t, formatDateTime } = useT();
  const label = useLabel();
  const ids = useId();
  const me = useViewer();
  const isAdmin = hasRole(me, "ORG_ADMIN");
  const team = useQuery({
    queryKey: teamQueryKey,
    enabled: isAdmin,
    queryFn: () => graphql<{ team: TeamMember[] }>(teamQuery),
  });
  const [draft, setDraft] = useState<Filter>({ userId: "", recordId: "" });
  const [filter, setFilter] = useState<Filter>(draft);
  const log = useInfiniteQuery({
    queryKey: ["audit", "log", filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      graphql<AuditPage>(auditLogQuery, {
        after: pageParam,
        filter: { userId: filter.userId.trim() || null, recordId: filter.recordId.trim() || null },
      }),
    getNextPageParam: (page) =>
      page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(draft);
  }

  const events = log.data?.pages.flatMap((page) => page.auditLog.edges.map((edge) => edge.node)) ?? [];
  return (
    <section className="page">
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <form className="card audit-filters" onSubmit={apply} aria-label={t("audit.filters")}>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${ids}-user`}>{t(isAdmin ? "audit.filter.user" : "audit.filter.userId")}</label>
            {isAdmin ? (
              <select
                id={`${ids}-user`}
                value={draft.userId}
                onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
              >
                <option value="">{t("audit.filter.anyUser")}</option>
                {(team.data?.team ?? []).map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.displayName}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${ids}-user`}
                value={draft.userId}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => setDraft({ ...draft, userId: event.target.value })}
              />
            )}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-record`}>{t("audit.filter.record")}</label>
            <input
              id={`${ids}-record`}
              value={draft.recordId}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${ids}-record-hint`}
              onChange={(event) => setDraft({ ...draft, recordId: event.target.value })}
            />
            <span id={`${ids}-record-hint`} className="small muted">
              {t("audit.filter.recordHint")}
            </span>
          </div>
        </div>
        <div className="row">
          <button type="submit" className="button button--primary">
            {t("audit.filter.apply")}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              const empty = { userId: "", recordId: "" };
              setDraft(empty);
              setFilter(empty);
            }}
          >
            {t("audit.filter.reset")}
          </button>
        </div>
      </form>
      {log.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : log.isError ? (
        <QueryFailure error={log.error} onRetry={() => void log.refetch()} />
      ) : events.length === 0 ? (
        <p className="muted">{t("audit.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="audit-table">
            <caption className="visually-hidden">{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.col.at")}</th>
                <th scope="col">{t("audit.col.who")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.recordKind")}</th>
                <th scope="col">{t("audit.col.recordId")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td data-label={t("audit.col.at")}>
                    <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                  </td>
                  <td data-label={t("audit.col.who")}>{event.userDisplayName ?? t("audit.unknownUser")}</td>
                  <td data-label={t("audit.col.action")}>
                    {label(`audit.action.${event.action}`, event.action)}
                  </td>
                  <td data-label={t("audit.col.recordKind")}>
                    {label(`audit.recordKind.${event.recordKind}`, event.recordKind)}
                  </td>
                  <td data-label={t("audit.col.recordId")} className="audit-table__id">
                    {event.recordId ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t("app.loading") : t("app.loadMore")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
