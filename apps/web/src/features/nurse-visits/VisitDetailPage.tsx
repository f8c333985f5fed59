import { completableVisitStatuses, type VisitResponse, visitResponseOutcome } from "@maillage/domain";
import { respondToNurseVisitInput } from "@maillage/domain/inputs";
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { usePath } from "../../app/router.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
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
import { TimeRangeFields } from "./TimeRangeFields.tsx";
import { zonedInstant, zonedLocal } from "./week.ts";
import "./visits.css";
import { Fact } from "../../ui/Fact.tsx";
import { NotFoundPage } from "../../ui/NotFoundPage.tsx";

interface Answer {
  response: VisitResponse;
  start?: string | null;
  end?: string | null;
}

/**
 * The API's answer input with the times as the form holds them: `datetime-local` boxes in the
 * programme's time zone. Whether a time is needed is the API's rule (it says so on the field).
 */
const otherTimeFormIn = (timeZone: string) =>
  z.object({
    start: z
      .string()
      .transform((text): Date | null | undefined => zonedInstant(text, timeZone))
      .pipe(respondToNurseVisitInput.shape.start),
    end: z
      .string()
      .transform((text): Date | null | undefined => zonedInstant(text, timeZone))
      .pipe(respondToNurseVisitInput.shape.end),
  });

function OtherTimeForm({
  visit,
  respond,
}: {
  visit: VisitDetail;
  respond: UseMutationResult<unknown, Error, Answer>;
}) {
  const { t, timeZone } = useT();
  const otherTimeForm = useMemo(() => otherTimeFormIn(timeZone), [timeZone]);
  const form = useDomainForm(otherTimeForm, {
    defaultValues: {
      start: zonedLocal(visit.plannedStart, timeZone),
      end: zonedLocal(visit.plannedEnd, timeZone),
    },
  });
  const field = fieldBinder(form);
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
      <TimeRangeFields start={field("start")} end={field("end")} />
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
  if (!v) return <NotFoundPage />;
  // Answers are the two people's (viewerRole), as the domain's booking rules allow them now.
  const answers = (response: VisitResponse) =>
    v.viewerRole !== null &&
    mayWrite(me, "NURSE_VISIT") &&
    visitResponseOutcome(v.status, response, v.proposedByViewer) !== null;
  const ownsVisit = v.organisation.id === me.actingOrganisation?.id;
  // Only the visit's own nurse (the API says whether the viewer is: viewerRole) completes it and
  // is ever shown a clinical note's fields; the API refuses anyone else.
  // An accepted visit, or one the worker recorded after it happened (confirming is completing it).
  const mayComplete =
    (completableVisitStatuses as readonly string[]).includes(v.status) &&
    v.viewerRole === "NURSE" &&
    ownsVisit &&
    mayWrite(me, "CLINICAL_NOTE");
  // A visit that may still be cancelled is still to be made: it may change hands.
  const mayReassign =
    ownsVisit &&
    mayTake(me, "REASSIGN_NURSE_VISIT") &&
    visitResponseOutcome(v.status, "CANCEL", false) !== null;
  // What a button answering at once does, and what a button opening a panel does.
  const answerButton = (response: "ACCEPT" | "DECLINE") => ({
    disabled: respond.isPending,
    onClick: () => respond.mutate({ response }),
  });
  const panelToggle = (name: "otherTime" | "reassign") => ({
    "aria-expanded": panel === name,
    onClick: () => setPanel(panel === name ? null : name),
  });
  const status = respond.isSuccess
    ? t("visits.updated")
    : complete.isSuccess
      ? v.recordedAfter
        ? t("visits.confirmed")
        : t("visits.completed")
      : reassign.isSuccess
        ? t("visits.reassigned", { name: reassign.data.visit.nurseName ?? "—" })
        : search.get("propose") === "ok"
          ? t("visits.proposed")
          : search.get("deja-faite") === "ok"
            ? v.status === "AWAITING_CONFIRMATION"
              ? t("visits.past.sent")
              : t("visits.past.saved")
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
        <Fact term={t("visits.status")}>
          <span className="badge">{enumLabel("NurseVisitStatus", v.status)}</span>
        </Fact>
        <Fact term={t("visits.when")}>
          {formatDateTime(v.plannedStart)} –{" "}
          {formatDateTime(v.plannedEnd, { dateStyle: undefined, timeStyle: "short" })}
        </Fact>
        {v.recordedAfter ? <Fact term={t("visits.past.recordedAfter")}>{t("visits.past.yes")}</Fact> : null}
        <Fact term={t("visits.place")}>{enumLabel("PlaceType", v.placeType)}</Fact>
        <Fact term={t("visits.nurse")}>
          {v.nurseName ?? "—"} ({v.organisation.name})
        </Fact>
        <Fact term={t("visits.worker")}>{v.workerName ?? "—"}</Fact>
        <Fact term={t("visits.personsOf", { count: Math.max(1, v.persons.length) })}>
          {v.persons.map((p) => p.alias).join(", ") || "—"}
        </Fact>
        {v.reason ? <Fact term={t("visits.reason")}>{v.reason}</Fact> : null}
        {v.meetingPlace ? (
          <Fact term={t("visits.meetingPlaceShort")}>
            <span className="visit-meeting-place">{v.meetingPlace}</span>
          </Fact>
        ) : null}
        {v.acts.length ? (
          <Fact term={t("visits.acts")}>
            {v.acts.map((a) => `${enumLabel("ClinicalActKind", a.kind)} × ${a.count}`).join(", ")}
          </Fact>
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
          <button type="button" className="button button--primary" {...answerButton("ACCEPT")}>
            {t("visits.accept")}
          </button>
        ) : null}
        {answers("DECLINE") ? (
          <button type="button" className="button" {...answerButton("DECLINE")}>
            {t("visits.decline")}
          </button>
        ) : null}
        {answers("PROPOSE_OTHER_TIME") ? (
          <button type="button" className="button" {...panelToggle("otherTime")}>
            {t("visits.otherTime")}
          </button>
        ) : null}
        {mayReassign ? (
          <button type="button" className="button" {...panelToggle("reassign")}>
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
        <ConfirmDialog
          label={t("visits.cancel")}
          question={t("visits.cancelConfirm")}
          confirmLabel={t("visits.cancel")}
          pending={respond.isPending}
          onConfirm={() => respond.mutate({ response: "CANCEL" })}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel === "otherTime" ? <OtherTimeForm visit={v} respond={respond} /> : null}
      {panel === "reassign" && mayReassign ? (
        <ReassignVisitForm reassign={reassign} onCancel={() => setPanel(null)} />
      ) : null}
      {mayComplete ? <CompleteVisitForm key={v.id} visit={v} complete={complete} /> : null}
    </section>
  );
}
