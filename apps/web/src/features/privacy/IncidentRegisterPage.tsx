/**
 * /reglages/confidentialite/incidents: the organisation's confidentiality-incident register (Law 25
 * s. 3.8), kept by its coordinators and org admins: the entries, latest discovered first, a page
 * at a time; a new entry; an entry completed in place (the notices made since, often). Entries
 * are kept five years after their discovery and cannot be deleted; every change is audited.
 */
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Fact } from "../../ui/Fact.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { useFocusWhen } from "../../ui/useFocusWhen.ts";
import { calendarDate, zonedDay } from "../safety-alerts/safety-alerts.graphql.ts";
import { IncidentFields } from "./IncidentForm.tsx";
import {
  type IncidentOutput,
  incidentForm,
  incidentInputOf,
  incidentValuesOf,
  newIncidentValues,
} from "./incident-form.ts";
import {
  type ConfidentialityIncident,
  ConfidentialityIncidentsQuery,
  privacyKeys,
  RecordConfidentialityIncident,
  UpdateConfidentialityIncident,
} from "./privacy.graphql.ts";
import { privacyPath } from "./privacy-paths.ts";
import "./privacy.css";

function RecordIncidentForm({ onDone }: { onDone(recorded: ConfidentialityIncident | null): void }) {
  const { t, timeZone } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const form = useDomainForm(incidentForm, { defaultValues: newIncidentValues(zonedDay(timeZone)) });
  // The form opens where the user looks: its first box takes the focus.
  useEffect(() => {
    form.setFocus("whatHappened");
  }, [form]);
  const record = useMutation({
    mutationFn: (values: IncidentOutput) =>
      mutate(RecordConfidentialityIncident, (data) => data.recordConfidentialityIncident, {
        input: incidentInputOf(values),
      }),
    onSuccess: async ({ incident }) => {
      await queryClient.invalidateQueries({ queryKey: privacyKeys.incidents });
      onDone(incident);
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form
      className="card incident-form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.handleSubmit((values) => record.mutate(values))}
    >
      <h2 id={headingId}>{t("privacy.incident.new")}</h2>
      <IncidentFields form={form} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {record.isPending ? t("privacy.incident.saving") : t("privacy.incident.record")}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

function EditIncidentForm({
  incident,
  onDone,
}: {
  incident: ConfidentialityIncident;
  onDone(saved: boolean): void;
}) {
  const { t, formatDate } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(incidentForm, { defaultValues: incidentValuesOf(incident) });
  useEffect(() => {
    form.setFocus("whatHappened");
  }, [form]);
  const save = useMutation({
    mutationFn: (values: IncidentOutput) =>
      mutate(UpdateConfidentialityIncident, (data) => data.updateConfidentialityIncident, {
        input: { incidentId: incident.id, ...incidentInputOf(values) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: privacyKeys.incidents });
      onDone(true);
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form
      className="incident-form"
      noValidate
      aria-label={t("privacy.incident.editNamed", { date: formatDate(calendarDate(incident.discoveredOn)) })}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <IncidentFields form={form} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t("privacy.incident.saving") : t("privacy.incident.save")}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A notice's day, or "not yet". */
function NoticeDay({ day }: { day: string | null }) {
  const { t, formatDate } = useT();
  return <>{day ? formatDate(calendarDate(day)) : t("privacy.incident.notYet")}</>;
}

function IncidentCard({
  incident,
  justRecorded,
}: {
  incident: ConfidentialityIncident;
  justRecorded: boolean;
}) {
  const { t, formatDate, formatDateTime } = useT();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // After the form closes, the focus goes back to where the user was (an effect: after the commit).
  const [closed, setClosed] = useState(0);
  const editButton = useRef<HTMLButtonElement>(null);
  const savedStatus = useRef<HTMLParagraphElement>(null);
  const recordedStatus = useFocusWhen<HTMLParagraphElement>(justRecorded);
  useEffect(() => {
    if (!closed) return;
    if (saved) savedStatus.current?.focus();
    else editButton.current?.focus();
  }, [closed, saved]);
  const day = (value: string) => formatDate(calendarDate(value));
  const occurred = incident.occurredUntil
    ? t("privacy.incident.period", { from: day(incident.occurredFrom), until: day(incident.occurredUntil) })
    : day(incident.occurredFrom);
  const informationCategories = incident.informationCategories
    .map((value) => t(`privacy.incident.information.${value}`))
    .join(", ");
  const personCategories = incident.personCategories
    .map((value) => t(`privacy.incident.persons.${value}`))
    .join(", ");
  return (
    <li>
      <article className="card incident-card" aria-labelledby={headingId}>
        <div className="row row--between">
          <h3 id={headingId} className="incident-card__title">
            {t("privacy.incident.discoveredTitle", { date: day(incident.discoveredOn) })}
          </h3>
          <span className="row">
            {incident.seriousHarmRisk ? (
              <span className="badge badge--danger">{t("privacy.incident.badge.seriousRisk")}</span>
            ) : (
              <span className="badge">{t("privacy.incident.badge.noSeriousRisk")}</span>
            )}
            {incident.notificationsDue ? (
              <span className="badge badge--warn">{t("privacy.incident.badge.noticesDue")}</span>
            ) : null}
          </span>
        </div>
        {justRecorded ? (
          <p ref={recordedStatus} tabIndex={-1} role="status" className="alert alert--ok">
            {t("privacy.incident.recorded")}
          </p>
        ) : null}
        {editing ? (
          <EditIncidentForm
            incident={incident}
            onDone={(wasSaved) => {
              setSaved(wasSaved);
              setEditing(false);
              setClosed((count) => count + 1);
            }}
          />
        ) : (
          <>
            <p className="incident-card__text">{incident.whatHappened}</p>
            <dl className="facts incident-card__facts">
              <Fact term={t("privacy.incident.fact.occurred")}>{occurred}</Fact>
              <Fact term={t("privacy.incident.fact.information")}>
                {incident.informationInvolved}
                {informationCategories ? <div className="small muted">{informationCategories}</div> : null}
              </Fact>
              <Fact term={t("privacy.incident.fact.persons")}>
                {t("privacy.incident.personsCount", { count: incident.personsAffected })}
                {personCategories ? <div className="small muted">{personCategories}</div> : null}
              </Fact>
              <Fact term={t("privacy.incident.fact.risk")}>{incident.riskAssessment}</Fact>
              <Fact term={t("privacy.incident.fact.measures")}>{incident.measuresTaken ?? "—"}</Fact>
              <Fact term={t("privacy.incident.fact.commission")}>
                <NoticeDay day={incident.commissionNotifiedOn} />
              </Fact>
              <Fact term={t("privacy.incident.fact.personsNotified")}>
                <NoticeDay day={incident.personsNotifiedOn} />
                {incident.notificationDetails ? (
                  <div className="small">{incident.notificationDetails}</div>
                ) : null}
              </Fact>
            </dl>
            <p className="small muted">
              {t("privacy.incident.recordedBy", {
                name: incident.recordedBy ?? t("privacy.incident.someone"),
                date: formatDateTime(incident.createdAt),
              })}{" "}
              · {t("privacy.incident.keptUntil", { date: day(incident.keptUntil) })}
            </p>
            {saved ? (
              <p ref={savedStatus} tabIndex={-1} role="status" className="alert alert--ok">
                {t("privacy.incident.saved")}
              </p>
            ) : null}
            <button
              ref={editButton}
              type="button"
              className="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t("privacy.incident.edit")}
            </button>
          </>
        )}
      </article>
    </li>
  );
}

export function IncidentRegisterPage() {
  const { t } = useT();
  const [recording, setRecording] = useState(false);
  const [recordedId, setRecordedId] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(0);
  const newButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (cancelled) newButton.current?.focus();
  }, [cancelled]);
  const register = useInfiniteQuery({
    queryKey: privacyKeys.incidents,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (await request(ConfidentialityIncidentsQuery, { after: pageParam })).confidentialityIncidents,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null),
  });
  const incidents = register.data?.pages.flatMap((page) => page.edges.map((edge) => edge.node)) ?? [];
  const due = incidents.filter((incident) => incident.notificationsDue).length;
  return (
    <section className="page privacy">
      <p className="small">
        <Link to={privacyPath}>{t("privacy.back")}</Link>
      </p>
      <h1>{t("privacy.incidents.title")}</h1>
      <p>{t("privacy.incidents.intro")}</p>
      {recording ? (
        <RecordIncidentForm
          onDone={(recorded) => {
            setRecording(false);
            if (recorded) setRecordedId(recorded.id);
            else setCancelled((count) => count + 1);
          }}
        />
      ) : (
        <button
          ref={newButton}
          type="button"
          className="button button--primary"
          onClick={() => {
            setRecordedId(null);
            setRecording(true);
          }}
        >
          {t("privacy.incident.new")}
        </button>
      )}
      <h2>{t("privacy.incident.listTitle")}</h2>
      {due > 0 ? (
        <p role="note" className="alert alert--warn">
          {t("privacy.incident.noticesDueCount", { count: due })}
        </p>
      ) : null}
      <Loaded
        query={register}
        emptyWhen={() => incidents.length === 0}
        emptyText={t("privacy.incident.none")}
      >
        {() => (
          <ul className="card-list">
            {incidents.map((incident) => (
              <IncidentCard key={incident.id} incident={incident} justRecorded={incident.id === recordedId} />
            ))}
          </ul>
        )}
      </Loaded>
      {register.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={register.isFetchingNextPage}
            onClick={() => void register.fetchNextPage()}
          >
            {register.isFetchingNextPage ? t("app.loading") : t("app.loadMore")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
