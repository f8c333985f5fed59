import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { hasRole, useViewer } from "../auth/session.ts";
import { calendarQuery, markReadMutation, noticesQuery, type Visit, visitKeys } from "./visits.graphql.ts";
import { torontoWeek } from "./week.ts";
import "./visits.css";

interface Calendar {
  visits: Visit[];
  accompaniments: {
    id: string;
    plannedAt: string;
    destination: string;
    status: string;
    person: { alias: string } | null;
  }[];
}

const visitPath = (id: string) => `/visites/${encodeURIComponent(id)}`;

function Pending() {
  const { t, formatDateTime, language } = useT();
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const pending = useQuery({
    queryKey: visitKeys.pending,
    queryFn: async () =>
      (await graphql<{ myCalendar: Calendar }>(calendarQuery, { from, to })).myCalendar.visits,
  });
  const open = (pending.data ?? []).filter((v) => v.status === "PROPOSED" || v.status === "COUNTER_PROPOSED");
  const mine = open.filter((v) => !v.proposedByViewer);
  const theirs = open.filter((v) => v.proposedByViewer);
  const list = (visits: Visit[]) =>
    visits.length === 0 ? (
      <p className="muted small">{t("visits.none")}</p>
    ) : (
      <ul className="card-list">
        {visits.map((visit) => (
          <li key={visit.id} className="card">
            <Link to={visitPath(visit.id)}>{formatDateTime(visit.plannedStart)}</Link>
            <p className="small" style={{ margin: "0.25rem 0 0" }}>
              {enumLabel(language, visit.placeType)} · {visit.persons.map((p) => p.alias).join(", ") || "—"} ·{" "}
              {t("visits.with", {
                name: (visit.viewerRole === "NURSE" ? visit.workerName : visit.nurseName) ?? "",
              })}{" "}
              · <span className="badge badge--warn">{enumLabel(language, visit.status)}</span>
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="grid-2">
      <section aria-labelledby="waiting-me">
        <h2 id="waiting-me">{t("visits.waitingForMe")}</h2>
        {list(mine)}
      </section>
      <section aria-labelledby="waiting-them">
        <h2 id="waiting-them">{t("visits.waitingForThem")}</h2>
        {list(theirs)}
      </section>
    </div>
  );
}

function Notices() {
  const { t, formatDateTime } = useT();
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: visitKeys.notices,
    queryFn: async () =>
      (
        await graphql<{
          myNotifications: { id: string; kind: string; recordId: string | null; createdAt: string }[];
        }>(noticesQuery)
      ).myNotifications.filter((n) => n.kind.startsWith("NURSE_VISIT_")),
    refetchInterval: 30_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => graphql(markReadMutation, { ids }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: visitKeys.notices }),
  });
  if (!notices.data?.length) return null;
  return (
    <section aria-labelledby="notices" className="alert alert--warn">
      <h2 id="notices" style={{ marginTop: 0 }}>
        {t("visits.notices")}
      </h2>
      <ul>
        {notices.data.map((notice) => (
          <li key={notice.id}>
            {t(`visits.notice.${notice.kind}` as MessageKey)} — {formatDateTime(notice.createdAt)}
            {notice.recordId ? (
              <>
                {" "}
                <Link
                  to={visitPath(btoa(`NurseVisit:${notice.recordId}`))}
                  onClick={() => markRead.mutate([notice.id])}
                >
                  →
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WeekCalendar() {
  const { t, formatDate, formatDateTime, language } = useT();
  const [anchor, setAnchor] = useState(() => new Date());
  const days = torontoWeek(anchor);
  const from = days[0]!.start.toISOString();
  const to = days[6]!.end.toISOString();
  const calendar = useQuery({
    queryKey: visitKeys.calendar(from),
    queryFn: async () => (await graphql<{ myCalendar: Calendar }>(calendarQuery, { from, to })).myCalendar,
  });
  const time = (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" });
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("visits.calendar")}</h2>
      <div className="row row--between">
        <button
          type="button"
          className="button"
          onClick={() => setAnchor(new Date(days[0]!.start.getTime() - 3 * 86_400_000))}
        >
          ← {t("visits.previousWeek")}
        </button>
        <strong aria-live="polite">{t("visits.weekOf", { date: formatDate(days[0]!.label) })}</strong>
        <button
          type="button"
          className="button"
          onClick={() => setAnchor(new Date(days[6]!.end.getTime() + 3 * 86_400_000))}
        >
          {t("visits.nextWeek")} →
        </button>
      </div>
      <ol className="week">
        {days.map((day) => {
          const visits = (calendar.data?.visits ?? []).filter(
            (v) => new Date(v.plannedStart) >= day.start && new Date(v.plannedStart) < day.end,
          );
          const accompaniments = (calendar.data?.accompaniments ?? []).filter(
            (a) => new Date(a.plannedAt) >= day.start && new Date(a.plannedAt) < day.end,
          );
          const events = [
            ...visits.map((v) => ({
              at: v.plannedStart,
              key: v.id,
              node: (
                <Link to={visitPath(v.id)}>
                  {time(v.plannedStart)} {t("visits.kind.visit")} · {enumLabel(language, v.placeType)} ·{" "}
                  {enumLabel(language, v.status)}
                </Link>
              ),
            })),
            ...accompaniments.map((a) => ({
              at: a.plannedAt,
              key: a.id,
              node: (
                <span>
                  {time(a.plannedAt)} {t("visits.kind.accompaniment")} · {enumLabel(language, a.destination)}{" "}
                  · {a.person?.alias ?? ""}
                </span>
              ),
            })),
          ].sort((a, b) => a.at.localeCompare(b.at));
          return (
            <li key={day.start.toISOString()} className="week__day card">
              <h3>{formatDateTime(day.label, { dateStyle: "full", timeStyle: undefined })}</h3>
              {events.length === 0 ? (
                <p className="small muted">{t("visits.emptyDay")}</p>
              ) : (
                <ul className="week__events">
                  {events.map((event) => (
                    <li key={event.key} className="small">
                      {event.node}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function VisitsPage() {
  const { t } = useT();
  const me = useViewer();
  return (
    <section className="page">
      <div className="row row--between">
        <h1>{t("visits.title")}</h1>
        {hasRole(me, "OUTREACH_WORKER", "COORDINATOR") ? (
          <Link to="/visites/nouvelle" className="button button--primary">
            {t("visits.book")}
          </Link>
        ) : null}
      </div>
      <Notices />
      <Pending />
      <WeekCalendar />
    </section>
  );
}
