import { type VisitResponse, visitResponseOutcome } from "@maillage/domain";
import { respondToNurseVisitInput } from "@maillage/domain/inputs";
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { usePath } from "../../app/router.tsx";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayTake, mayWrite, useViewer } from "../auth/session.ts";
import { CompleteVisitForm, type CompletionValues } from "./CompleteVisitForm.tsx";
import {
  CompleteNurseVisit,
  ReassignNurseVisit,
  RespondToNurseVisit,
  type VisitDetail,
  VisitQuery,
  visitKeys,
} from "./nurse-visits.graphql.ts";
import { type ReassignValues, ReassignVisitForm } from "./ReassignVisitForm.tsx";
import { torontoInstant, torontoLocal } from "./week.ts";
import "./visits.css";

interface Answer {
  response: VisitResponse;
  start?: string | null;
  end?: string | null;
}

/**
 * The API's answer input with the times as the form holds them: `datetime-local` boxes in
 * Montréal/Toronto time. Whether a time is needed is the API's rule (it says so on the field).
 */
const otherTimeForm = z.object({
  start: z
    .string()
    .transform((text): Date | null | undefined => torontoInstant(text))
    .pipe(respondToNurseVisitInput.shape.start),
  end: z
    .string()
    .transform((text): Date | null | undefined => torontoInstant(text))
    .pipe(respondToNurseVisitInput.shape.end),
});

function OtherTimeForm({
  visit,
  respond,
}: {
  visit: VisitDetail;
  respond: UseMutationResult<unknown, Error, Answer>;
}) {
  const { t } = useT();
  const form = useDomainForm(otherTimeForm, {
    defaultValues: { start: torontoLocal(visit.plannedStart), end: torontoLocal(visit.plannedEnd) },
  });
  const { errors } = form.formState;
  return (
    <form
      className="card visit-card"
      noValidate
      onSubmit={form.handleSubmit(({ start, end }) =>
        respond.mutate(
          {
            response: "PROPOSE_OTHER_TIME",
            start: start ? start.toISOString() : null,
            end: end ? end.toISOString() : null,
          },
          { onError: (error) => showFailure(form, error) },
        ),
      )}
    >
      <h2>{t("visits.otherTime")}</h2>
      <FormAlert form={form} />
      <div className="grid-2">
        <Field label={t("visits.start")} hint={t("visits.localTime")} error={errors.start}>
          {(control) => <input {...control} type="datetime-local" {...form.register("start")} />}
        </Field>
        <Field label={t("visits.end")} error={errors.end}>
          {(control) => <input {...control} type="datetime-local" {...form.register("end")} />}
        </Field>
      </div>
      <button type="submit" className="button button--primary" disabled={respond.isPending}>
        {t("visits.send")}
      </button>
    </form>
  );
}

/** `/visites/:id`: a joint visit, the answers its two people may give, and its completion. */
export function VisitDetailPage({ params }: { params: Record<string, string> }) {
  const { t, formatDateTime, enumLabel, failureMessage } = useT();
  const me = useViewer();
  const { search } = usePath();
  const queryClient = useQueryClient();
  const id = params.id ?? "";
  // Which panel is open: states of the screen, not of a form.
  const [panel, setPanel] = useState<"otherTime" | "cancel" | "reassign" | null>(null);
  const visit = useQuery({
    queryKey: visitKeys.detail(id),
    queryFn: async () => {
      const { node } = await request(VisitQuery, { id });
      return node?.__typename === "NurseVisit" ? node : null;
    },
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: visitKeys.all });
  const respond = useMutation({
    mutationFn: (answer: Answer) =>
      mutate(RespondToNurseVisit, (data) => data.respondToNurseVisit, { input: { visitId: id, ...answer } }),
    onMutate: () => {
      complete.reset();
      reassign.reset();
    },
    onSuccess: () => {
      setPanel(null);
      refresh();
    },
  });
  const complete = useMutation({
    mutationFn: ({ acts, notes }: CompletionValues) =>
      mutate(CompleteNurseVisit, (data) => data.completeNurseVisit, {
        input: { visitId: id, acts, notes: notes ?? [] },
      }),
    onMutate: () => {
      respond.reset();
      reassign.reset();
    },
    onSuccess: refresh,
  });
  const reassign = useMutation({
    mutationFn: ({ nurseId }: ReassignValues) =>
      mutate(ReassignNurseVisit, (data) => data.reassignNurseVisit, { input: { visitId: id, nurseId } }),
    onMutate: () => {
      respond.reset();
      complete.reset();
    },
    onSuccess: () => {
      setPanel(null);
      refresh();
    },
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
  // Answers are the two people's (viewerRole), as the domain's booking rules allow them now.
  const answers = (response: VisitResponse) =>
    v.viewerRole !== null &&
    mayWrite(me, "NURSE_VISIT") &&
    visitResponseOutcome(v.status, response, v.proposedByViewer) !== null;
  const ownsVisit = v.organisation.id === me.actingOrganisation?.id;
  // Only the visit's own nurse (the API says whether the viewer is: viewerRole) completes it and
  // is ever shown a clinical note's fields; the API refuses anyone else.
  const mayComplete =
    v.status === "ACCEPTED" && v.viewerRole === "NURSE" && ownsVisit && mayWrite(me, "CLINICAL_NOTE");
  // A visit that may still be cancelled is still to be made: it may change hands.
  const mayReassign =
    ownsVisit &&
    mayTake(me, "REASSIGN_NURSE_VISIT") &&
    visitResponseOutcome(v.status, "CANCEL", false) !== null;
  const status = respond.isSuccess
    ? t("visits.updated")
    : complete.isSuccess
      ? t("visits.completed")
      : reassign.isSuccess
        ? t("visits.reassigned", { name: reassign.data.visit.nurseName ?? "—" })
        : search.get("propose") === "ok"
          ? t("visits.proposed")
          : null;
  const answerFailed = respond.isError && respond.variables?.response !== "PROPOSE_OTHER_TIME";
  return (
    <section className="page">
      <h1>{t("visits.detailTitle")}</h1>
      <p role="status" className={status ? "alert alert--ok" : "visually-hidden"}>
        {status}
      </p>
      {answerFailed ? (
        <p role="alert" className="alert alert--error">
          {failureMessage(failureOf(respond.error))}
        </p>
      ) : null}
      <dl className="facts card visit-card visit-facts">
        <dt>{t("visits.status")}</dt>
        <dd>
          <span className="badge">{enumLabel("NurseVisitStatus", v.status)}</span>
        </dd>
        <dt>{t("visits.when")}</dt>
        <dd>
          {formatDateTime(v.plannedStart)} –{" "}
          {formatDateTime(v.plannedEnd, { dateStyle: undefined, timeStyle: "short" })}
        </dd>
        <dt>{t("visits.place")}</dt>
        <dd>{enumLabel("PlaceType", v.placeType)}</dd>
        <dt>{t("visits.nurse")}</dt>
        <dd>
          {v.nurseName ?? "—"} ({v.organisation.name})
        </dd>
        <dt>{t("visits.worker")}</dt>
        <dd>{v.workerName ?? "—"}</dd>
        <dt>{t("visits.personsOf", { count: Math.max(1, v.persons.length) })}</dt>
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
            <dd>{v.acts.map((a) => `${enumLabel("ClinicalActKind", a.kind)} × ${a.count}`).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {v.clinicalNotes.length ? (
        <section className="card visit-card" aria-labelledby="clinical-notes">
          <h2 id="clinical-notes">{t("visits.clinicalNotes")}</h2>
          <p className="small muted">{t("visits.nurseOnly")}</p>
          {v.clinicalNotes.map((note) => (
            <div key={note.id} className="clinical-note">
              <p>{note.body}</p>
              {note.results ? (
                <p>
                  <strong>{t("visits.resultsLabel")}</strong> {note.results}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      <div className="row file-actions">
        {answers("ACCEPT") ? (
          <button
            type="button"
            className="button button--primary"
            disabled={respond.isPending}
            onClick={() => respond.mutate({ response: "ACCEPT" })}
          >
            {t("visits.accept")}
          </button>
        ) : null}
        {answers("DECLINE") ? (
          <button
            type="button"
            className="button"
            disabled={respond.isPending}
            onClick={() => respond.mutate({ response: "DECLINE" })}
          >
            {t("visits.decline")}
          </button>
        ) : null}
        {answers("PROPOSE_OTHER_TIME") ? (
          <button
            type="button"
            className="button"
            aria-expanded={panel === "otherTime"}
            onClick={() => setPanel(panel === "otherTime" ? null : "otherTime")}
          >
            {t("visits.otherTime")}
          </button>
        ) : null}
        {mayReassign ? (
          <button
            type="button"
            className="button"
            aria-expanded={panel === "reassign"}
            onClick={() => setPanel(panel === "reassign" ? null : "reassign")}
          >
            {t("visits.reassign")}
          </button>
        ) : null}
        {answers("CANCEL") ? (
          <button type="button" className="button button--danger" onClick={() => setPanel("cancel")}>
            {t("visits.cancel")}
          </button>
        ) : null}
      </div>
      {panel === "cancel" ? (
        <div className="alert alert--warn" role="alertdialog" aria-label={t("visits.cancel")}>
          <p>{t("visits.cancelConfirm")}</p>
          <div className="row">
            <button
              type="button"
              className="button button--danger"
              disabled={respond.isPending}
              onClick={() => respond.mutate({ response: "CANCEL" })}
            >
              {t("visits.cancel")}
            </button>
            <button type="button" className="button" onClick={() => setPanel(null)}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {panel === "otherTime" ? <OtherTimeForm visit={v} respond={respond} /> : null}
      {panel === "reassign" && mayReassign ? (
        <ReassignVisitForm reassign={reassign} onCancel={() => setPanel(null)} />
      ) : null}
      {mayComplete ? <CompleteVisitForm key={v.id} visit={v} complete={complete} /> : null}
    </section>
  );
}
