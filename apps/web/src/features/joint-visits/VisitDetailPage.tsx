import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { usePath } from "../../app/router.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { completeMutation, respondMutation, type Visit, visitKeys, visitQuery } from "./visits.graphql.ts";
import "./visits.css";

const actKinds = [
  "STBBI_TEST",
  "COUNSELLING",
  "TREATMENT",
  "CONTRACEPTION",
  "VACCINATION",
  "PREGNANCY_TEST",
  "CONTRACEPTIVE_INJECTION",
  "NALOXONE_TRAINING",
  "WOUND_CARE",
  "OTHER",
];

type MutationResult = { __typename: string } & Partial<AppErrorResult>;

function CompleteForm({ visit, onDone }: { visit: Visit; onDone(): void }) {
  const { t, language } = useT();
  const form = useFormFailure();
  const id = useId();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState<Record<string, { body: string; results: string }>>({});
  const complete = useMutation({
    mutationFn: () =>
      graphql<{ completeNurseVisit: MutationResult }>(completeMutation, {
        input: {
          visitId: visit.id,
          acts: Object.entries(counts)
            .filter(([, c]) => c > 0)
            .map(([kind, count]) => ({ kind, count })),
          notes: Object.entries(notes)
            .filter(([, n]) => n.body.trim())
            .map(([personId, n]) => ({ personId, body: n.body, results: n.results || null })),
        },
      }),
    onSuccess: ({ completeNurseVisit }) => {
      if (completeNurseVisit.__typename === "CompleteNurseVisitSuccess") onDone();
      else form.fromResult(completeNurseVisit as AppErrorResult);
    },
    onError: form.fromError,
  });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("visits.complete")}</h2>
      {form.summary()}
      <p className="small muted">{t("visits.completeIntro")}</p>
      <ul className="steppers">
        {actKinds.map((kind) => (
          <li key={kind} className="stepper">
            <span className="stepper__label">{enumLabel(language, kind)}</span>
            <button
              type="button"
              className="button"
              aria-label={`− ${enumLabel(language, kind)}`}
              onClick={() => setCounts((c) => ({ ...c, [kind]: Math.max(0, (c[kind] ?? 0) - 1) }))}
            >
              −
            </button>
            <output aria-live="polite">{counts[kind] ?? 0}</output>
            <button
              type="button"
              className="button"
              aria-label={`+ ${enumLabel(language, kind)}`}
              onClick={() => setCounts((c) => ({ ...c, [kind]: Math.min(50, (c[kind] ?? 0) + 1) }))}
            >
              +
            </button>
          </li>
        ))}
      </ul>
      <p className="alert alert--warn small">{t("visits.nurseOnly")}</p>
      {visit.persons.map((person) => (
        <div key={person.id} className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-${person.id}-body`}>
              {t("visits.clinicalNote", { alias: person.alias })}
            </label>
            <textarea
              id={`${id}-${person.id}-body`}
              maxLength={8000}
              value={notes[person.id]?.body ?? ""}
              onChange={(e) =>
                setNotes((n) => ({
                  ...n,
                  [person.id]: { body: e.target.value, results: n[person.id]?.results ?? "" },
                }))
              }
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${person.id}-results`}>{t("visits.results")}</label>
            <textarea
              id={`${id}-${person.id}-results`}
              maxLength={4000}
              value={notes[person.id]?.results ?? ""}
              onChange={(e) =>
                setNotes((n) => ({
                  ...n,
                  [person.id]: { body: n[person.id]?.body ?? "", results: e.target.value },
                }))
              }
            />
          </div>
        </div>
      ))}
      <button
        type="button"
        className="button button--primary"
        disabled={complete.isPending}
        onClick={() => complete.mutate()}
      >
        {t("visits.complete")}
      </button>
    </section>
  );
}

export function VisitDetailPage({ params }: { params: Record<string, string> }) {
  const { t, formatDateTime, language } = useT();
  const { search } = usePath();
  const queryClient = useQueryClient();
  const form = useFormFailure();
  const id = params.id ?? "";
  const ids = { start: useId(), end: useId() };
  const [message, setMessage] = useState<string | null>(
    search.get("propose") === "ok" ? t("visits.proposed") : null,
  );
  const [otherTime, setOtherTime] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const visit = useQuery({
    queryKey: visitKeys.detail(id),
    queryFn: async () => (await graphql<{ node: Visit | null }>(visitQuery, { id })).node,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["visits"] });
  };
  const respond = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      graphql<{ respondToNurseVisit: MutationResult }>(respondMutation, { input: { visitId: id, ...input } }),
    onSuccess: ({ respondToNurseVisit }) => {
      if (respondToNurseVisit.__typename === "RespondToNurseVisitSuccess") {
        form.setFailure(null);
        setMessage(t("visits.updated"));
        setOtherTime(false);
        setConfirmCancel(false);
        refresh();
      } else form.fromResult(respondToNurseVisit as AppErrorResult);
    },
    onError: form.fromError,
  });
  if (visit.isPending) return <p role="status">{t("app.loading")}</p>;
  if (visit.isError) return <QueryFailure error={visit.error} onRetry={() => void visit.refetch()} />;
  const v = visit.data;
  if (!v) {
    return (
      <section className="page">
        <h1>{t("errors.NOT_FOUND")}</h1>
      </section>
    );
  }
  const inPlay = ["PROPOSED", "COUNTER_PROPOSED", "ACCEPTED"].includes(v.status);
  const mayAnswer =
    (v.status === "PROPOSED" || v.status === "COUNTER_PROPOSED") &&
    !v.proposedByViewer &&
    v.viewerRole !== null;
  return (
    <section className="page">
      <h1>{t("visits.detailTitle")}</h1>
      {message ? (
        <p role="status" className="alert alert--ok">
          {message}
        </p>
      ) : null}
      {form.summary()}
      <dl className="facts card">
        <dt>{t("visits.status")}</dt>
        <dd>
          <span className="badge">{enumLabel(language, v.status)}</span>
        </dd>
        <dt>{t("visits.when")}</dt>
        <dd>
          {formatDateTime(v.plannedStart)} –{" "}
          {formatDateTime(v.plannedEnd, { dateStyle: undefined, timeStyle: "short" })}
        </dd>
        <dt>{t("visits.place")}</dt>
        <dd>{enumLabel(language, v.placeType)}</dd>
        <dt>{t("visits.nurse")}</dt>
        <dd>
          {v.nurseName ?? "—"} ({v.organisation.name})
        </dd>
        <dt>{t("visits.worker")}</dt>
        <dd>{v.workerName ?? "—"}</dd>
        <dt>{t("visits.persons")}</dt>
        <dd>{v.persons.map((p) => p.alias).join(", ") || "—"}</dd>
        {v.reason ? (
          <>
            <dt>{t("visits.reason")}</dt>
            <dd>{v.reason}</dd>
          </>
        ) : null}
        {v.acts.length ? (
          <>
            <dt>{t("visits.acts")}</dt>
            <dd>{v.acts.map((a) => `${enumLabel(language, a.kind)} × ${a.count}`).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {v.clinicalNotes.length ? (
        <section className="card">
          <h2>{t("visits.clinicalNotes")}</h2>
          <p className="small muted">{t("visits.nurseOnly")}</p>
          {v.clinicalNotes.map((note) => (
            <p key={note.id}>
              {note.body}
              {note.results ? (
                <>
                  <br />
                  <strong>{t("visits.results")} :</strong> {note.results}
                </>
              ) : null}
            </p>
          ))}
        </section>
      ) : null}
      <div className="row file-actions">
        {mayAnswer ? (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={respond.isPending}
              onClick={() => respond.mutate({ response: "ACCEPT" })}
            >
              {t("visits.accept")}
            </button>
            <button
              type="button"
              className="button"
              disabled={respond.isPending}
              onClick={() => respond.mutate({ response: "DECLINE" })}
            >
              {t("visits.decline")}
            </button>
          </>
        ) : null}
        {inPlay && v.viewerRole ? (
          <>
            <button
              type="button"
              className="button"
              aria-expanded={otherTime}
              onClick={() => setOtherTime((o) => !o)}
            >
              {t("visits.otherTime")}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirmCancel(true)}>
              {t("visits.cancel")}
            </button>
          </>
        ) : null}
      </div>
      {confirmCancel ? (
        <div className="alert alert--warn" role="alertdialog" aria-label={t("visits.cancel")}>
          <p>{t("visits.cancelConfirm")}</p>
          <div className="row">
            <button
              type="button"
              className="button button--danger"
              onClick={() => respond.mutate({ response: "CANCEL" })}
            >
              {t("visits.cancel")}
            </button>
            <button type="button" className="button" onClick={() => setConfirmCancel(false)}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {otherTime ? (
        <form
          className="card"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            respond.mutate({
              response: "PROPOSE_OTHER_TIME",
              start: start ? new Date(start).toISOString() : null,
              end: end ? new Date(end).toISOString() : null,
            });
          }}
        >
          <div className="grid-2">
            <div className="field">
              <label htmlFor={ids.start}>{t("visits.start")}</label>
              <input
                id={ids.start}
                type="datetime-local"
                value={start}
                onChange={(e) => setStart(e.target.value)}
                {...form.fieldProps("start")}
              />
              {form.fieldError("start")}
            </div>
            <div className="field">
              <label htmlFor={ids.end}>{t("visits.end")}</label>
              <input
                id={ids.end}
                type="datetime-local"
                value={end}
                onChange={(e) => setEnd(e.target.value)}
                {...form.fieldProps("end")}
              />
              {form.fieldError("end")}
            </div>
          </div>
          <button type="submit" className="button button--primary">
            {t("visits.send")}
          </button>
        </form>
      ) : null}
      {v.status === "ACCEPTED" && v.viewerRole === "NURSE" ? (
        <CompleteForm
          visit={v}
          onDone={() => {
            setMessage(t("visits.completed"));
            refresh();
          }}
        />
      ) : null}
    </section>
  );
}
