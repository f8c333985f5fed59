import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { request } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import {
  type CalendarVisit,
  MarkNoticesRead,
  MyCalendarQuery,
  VisitNoticesQuery,
  VisitsAwaitingConfirmationQuery,
  visitKeys,
} from "./nurse-visits.graphql.ts";
import { zonedWeek } from "./week.ts";
import "./visits.css";

const visitPath = (id: string) => `/visites/${encodeURIComponent(id)}`;

/**
 * A notice names the visit by its database id; the visit's page takes its Relay global id,
 * which the API spells base64("NurseVisit:<id>").
 */
const visitPathOfNotice = (recordId: string) => visitPath(btoa(`NurseVisit:${recordId}`));

/** The joint-visit notices this screen lists, with their text (any other kind is not ours). */
const noticeLabels = {
  NURSE_VISIT_PROPOSED: "visits.notice.NURSE_VISIT_PROPOSED",
  NURSE_VISIT_ACCEPTED: "visits.notice.NURSE_VISIT_ACCEPTED",
  NURSE_VISIT_DECLINED: "visits.notice.NURSE_VISIT_DECLINED",
  NURSE_VISIT_COUNTER_PROPOSED: "visits.notice.NURSE_VISIT_COUNTER_PROPOSED",
  NURSE_VISIT_CANCELLED: "visits.notice.NURSE_VISIT_CANCELLED",
  NURSE_VISIT_COMPLETED: "visits.notice.NURSE_VISIT_COMPLETED",
  NURSE_VISIT_REASSIGNED: "visits.notice.NURSE_VISIT_REASSIGNED",
  NURSE_VISIT_AWAITING_CONFIRMATION: "visits.notice.NURSE_VISIT_AWAITING_CONFIRMATION",
  NURSE_VISIT_CONFIRMED: "visits.notice.NURSE_VISIT_CONFIRMED",
  NURSE_VISIT_RECORDED: "visits.notice.NURSE_VISIT_RECORDED",
} as const satisfies Record<string, MessageKey>;
type VisitNoticeKind = keyof typeof noticeLabels;
const isVisitNotice = (kind: string): kind is VisitNoticeKind => kind in noticeLabels;

function Pending() {
  const { t, formatDateTime, enumLabel } = useT();
  const pending = useQuery({
    queryKey: visitKeys.pending,
    queryFn: async () => {
      const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
      const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
      return (await request(MyCalendarQuery, { from, to })).myCalendar.visits;
    },
  });
  if (pending.isError) return <QueryFailure error={pending.error} onRetry={() => void pending.refetch()} />;
  const open = (pending.data ?? []).filter((v) => v.status === "PROPOSED" || v.status === "COUNTER_PROPOSED");
  const mine = open.filter((v) => !v.proposedByViewer);
  const theirs = open.filter((v) => v.proposedByViewer);
  const list = (visits: CalendarVisit[]) =>
    visits.length === 0 ? (
      <p className="muted small">{t("visits.none")}</p>
    ) : (
      <ul className="card-list">
        {visits.map((visit) => (
          <li key={visit.id} className="card">
            <Link to={visitPath(visit.id)}>{formatDateTime(visit.plannedStart)}</Link>
            <p className="small visit-line">
              {enumLabel("PlaceType", visit.placeType)} ·{" "}
              {visit.persons.map((p) => p.alias).join(", ") || "—"} ·{" "}
              {t("visits.with", {
                name: (visit.viewerRole === "NURSE" ? visit.workerName : visit.nurseName) ?? "—",
              })}{" "}
              · <span className="badge badge--warn">{enumLabel("NurseVisitStatus", visit.status)}</span>
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

/**
 * Visits a worker recorded after they happened, still awaiting the nurse, whatever their date:
 * the nurse's to confirm, the worker's to wait for.
 */
function AwaitingConfirmation() {
  const { t, formatDateTime, enumLabel } = useT();
  const awaiting = useQuery({
    queryKey: visitKeys.awaiting,
    queryFn: async () => (await request(VisitsAwaitingConfirmationQuery)).visitsAwaitingConfirmation,
  });
  if (awaiting.isError)
    return <QueryFailure error={awaiting.error} onRetry={() => void awaiting.refetch()} />;
  const visits = awaiting.data ?? [];
  const sections = [
    {
      id: "to-confirm",
      title: t("visits.toConfirm"),
      visits: visits.filter((v) => v.viewerRole === "NURSE"),
    },
    {
      id: "awaiting-nurse",
      title: t("visits.awaitingNurse"),
      visits: visits.filter((v) => v.viewerRole === "WORKER"),
    },
  ].filter((section) => section.visits.length > 0);
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          <ul className="card-list">
            {section.visits.map((visit) => (
              <li key={visit.id} className="card">
                <Link to={visitPath(visit.id)}>{formatDateTime(visit.plannedStart)}</Link>
                <p className="small visit-line">
                  {enumLabel("PlaceType", visit.placeType)} ·{" "}
                  {visit.persons.map((p) => p.alias).join(", ") || "—"} ·{" "}
                  {t("visits.with", {
                    name: (visit.viewerRole === "NURSE" ? visit.workerName : visit.nurseName) ?? "—",
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Notices() {
  const { t, formatDateTime } = useT();
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: visitKeys.notices,
    queryFn: async () =>
      (await request(VisitNoticesQuery)).myNotifications.flatMap((notice) =>
        isVisitNotice(notice.kind) ? [{ ...notice, kind: notice.kind }] : [],
      ),
    refetchInterval: 30_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => request(MarkNoticesRead, { ids }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: visitKeys.notices }),
  });
  if (!notices.data?.length) return null;
  return (
    <section aria-labelledby="notices" className="alert alert--warn notices">
      <h2 id="notices" className="notices__title">
        {t("visits.notices")}
      </h2>
      <ul>
        {notices.data.map((notice) => (
          <li key={notice.id}>
            {notice.recordId ? (
              <Link to={visitPathOfNotice(notice.recordId)} onClick={() => markRead.mutate([notice.id])}>
                {t(noticeLabels[notice.kind])}
              </Link>
            ) : (
              t(noticeLabels[notice.kind])
            )}{" "}
            — {formatDateTime(notice.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WeekCalendar() {
  const { t, formatDate, formatDateTime, enumLabel, timeZone } = useT();
  // Which week is shown: a state of the screen.
  const [anchor, setAnchor] = useState(() => new Date());
  const week = zonedWeek(anchor, timeZone);
  const from = week.first.start.toISOString();
  const to = week.last.end.toISOString();
  const calendar = useQuery({
    queryKey: visitKeys.calendar(from),
    queryFn: async () => (await request(MyCalendarQuery, { from, to })).myCalendar,
  });
  const time = (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" });
  const within = (day: { start: Date; end: Date }, at: string) =>
    new Date(at) >= day.start && new Date(at) < day.end;
  // The week's visits and accompaniments in time order; each day lists its own.
  const events = [
    ...(calendar.data?.visits ?? []).map((v) => ({
      at: v.plannedStart,
      key: v.id,
      node: (
        <Link to={visitPath(v.id)}>
          {time(v.plannedStart)} {t("visits.kind.visit")} · {enumLabel("PlaceType", v.placeType)} ·{" "}
          {enumLabel("NurseVisitStatus", v.status)}
        </Link>
      ),
    })),
    ...(calendar.data?.accompaniments ?? []).map((a) => ({
      at: a.plannedAt,
      key: a.id,
      node: (
        <span>
          {time(a.plannedAt)} {t("visits.kind.accompaniment")} ·{" "}
          {enumLabel("AccompanimentDestination", a.destination)}
          {a.person ? ` · ${a.person.alias}` : ""}
        </span>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("visits.calendar")}</h2>
      <div className="row row--between">
        <button
          type="button"
          className="button"
          onClick={() => setAnchor(new Date(week.first.start.getTime() - 3 * 86_400_000))}
        >
          ← {t("visits.previousWeek")}
        </button>
        <strong aria-live="polite">{t("visits.weekOf", { date: formatDate(week.first.label) })}</strong>
        <button
          type="button"
          className="button"
          onClick={() => setAnchor(new Date(week.last.end.getTime() + 3 * 86_400_000))}
        >
          {t("visits.nextWeek")} →
        </button>
      </div>
      {calendar.isError ? (
        <QueryFailure error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : null}
      <ol className="week">
        {week.days.map((day) => {
          const dayEvents = events.filter((event) => within(day, event.at));
          return (
            <li key={day.start.toISOString()} className="week__day card">
              <h3>
                {formatDateTime(day.label, {
                  dateStyle: undefined,
                  timeStyle: undefined,
                  weekday: "long",
                  day: "numeric",
                  month: "long",
                })}
              </h3>
              {dayEvents.length === 0 ? (
                <p className="small muted">{t("visits.emptyDay")}</p>
              ) : (
                <ul className="week__events">
                  {dayEvents.map((event) => (
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
  // The nurse records it with her acts; the worker for the nurse to confirm (RecordPastVisitPage).
  const recordsPast = mayWrite(me, "CLINICAL_NOTE") || mayWrite(me, "NURSE_VISIT");
  return (
    <section className="page">
      <PageHeading
        title={t("visits.title")}
        action={mayWrite(me, "NURSE_VISIT") ? { to: "/visites/nouvelle", label: t("visits.book") } : null}
      />
      {recordsPast ? (
        <p className="row visits-actions">
          <Link to="/visites/deja-faite" className="button">
            {t("visits.recordPast")}
          </Link>
        </p>
      ) : null}
      <Notices />
      <AwaitingConfirmation />
      <Pending />
      <WeekCalendar />
    </section>
  );
}
