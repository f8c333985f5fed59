/**
 * Tonight's evening on a phone: the previous evening's handover first, then a big "+ Visitor",
 * tonight's visitors with what each received (a tap to add services and items), the intake form
 * when a person comes for the first time, the handover for the next shift, and the closing with
 * the evening's totals behind a confirmation. A closed evening shows its totals and its visitors.
 * Every outcome is said where the person looks (a focused status), screen readers included.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import type { EveningFieldsFragment } from "../../generated/graphql.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { NotFoundPage } from "../../ui/NotFoundPage.tsx";
import { catalogueChoices } from "../encounters/catalogue-choices.ts";
import { useFieldQueue } from "../offline-queue/useFieldQueue.ts";
import { personKeys } from "../persons/persons.graphql.ts";
import { calendarDate } from "../safety-alerts/safety-alerts.graphql.ts";
import { type CheckedIn, CheckInPanel } from "./CheckInPanel.tsx";
import { EveningTotals } from "./EveningTotals.tsx";
import { HandoverForm } from "./HandoverForm.tsx";
import { IntakeForm } from "./IntakeForm.tsx";
import { CloseEvening, EveningQuery, nightCentreKeys } from "./night-centre.graphql.ts";
import { nightCentrePath } from "./night-centre.paths.ts";
import { VisitorList } from "./VisitorList.tsx";
import "./night-centre.css";

type Evening = EveningFieldsFragment;
type Visit = Evening["visits"][number];

/** The previous evening's handover, read first. */
function PreviousHandover({ evening }: { evening: Evening }) {
  const { t, formatDate } = useT();
  const previous = evening.previousEvening;
  if (!previous) return null;
  return (
    <section aria-labelledby="previous-handover-title" className="alert alert--warn handover-previous">
      <h2 id="previous-handover-title">
        {t("night.previousHandover", { date: formatDate(calendarDate(previous.eveningOn)) })}
      </h2>
      {previous.handoverNote ? (
        <p className="handover-previous__body">{previous.handoverNote}</p>
      ) : (
        <p className="muted">{t("night.noPreviousHandover")}</p>
      )}
    </section>
  );
}

function CloseSection({ evening, onClosed }: { evening: Evening; onClosed(closed: Evening): void }) {
  const { t, failureMessage } = useT();
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The way back takes the focus (never the closing itself: a second Enter must not close).
    if (confirming)
      [...(dialog.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])].at(-1)?.focus();
  }, [confirming]);
  const close = useMutation({
    mutationFn: () =>
      mutate(CloseEvening, (data) => data.closeNightCentreEvening, {
        input: { id: evening.id, version: evening.version },
      }),
    onSuccess: (result) => {
      setConfirming(false);
      onClosed(result.evening);
    },
  });
  return (
    <section aria-labelledby="close-title" className="card">
      <h2 id="close-title">{t("night.close.title")}</h2>
      {confirming ? (
        <>
          <EveningTotals totals={evening.totals} />
          <div ref={dialog}>
            <ConfirmDialog
              label={t("night.close.title")}
              question={t("night.close.question")}
              confirmLabel={t("night.close.confirm")}
              pending={close.isPending}
              onConfirm={() => close.mutate()}
              onCancel={() => {
                close.reset();
                setConfirming(false);
              }}
            >
              {close.isError ? (
                <p role="alert" className="alert alert--error">
                  {failureMessage(failureOf(close.error))}
                </p>
              ) : null}
            </ConfirmDialog>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button--danger button--block"
          onClick={() => setConfirming(true)}
        >
          {t("night.close.button")}
        </button>
      )}
    </section>
  );
}

function EveningView({
  evening,
  catalogue,
}: {
  evening: Evening;
  catalogue: ReturnType<typeof catalogueChoices>;
}) {
  const { t, formatDate, formatDateTime } = useT();
  const queryClient = useQueryClient();
  const [panelOpen, setPanelOpen] = useState(false);
  const [outcome, setOutcome] = useState<CheckedIn | null>(null);
  const [awaitingIntake, setAwaitingIntake] = useState<string | null>(null);
  const [intakeFor, setIntakeFor] = useState<Visit | null>(null);
  const [intakeSaved, setIntakeSaved] = useState<string | null>(null);
  const [justClosed, setJustClosed] = useState(false);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const totalsHeading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: nightCentreKeys.evening(evening.id) });
  // A check-in kept on the phone is in the list once the queue has sent it.
  const queue = useFieldQueue();
  const waitingBefore = useRef(queue.waiting);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again only when the queue shrinks
  useEffect(() => {
    if (queue.waiting < waitingBefore.current) void refresh();
    waitingBefore.current = queue.waiting;
  }, [queue.waiting]);
  useEffect(() => {
    if (outcome || intakeSaved) outcomeRef.current?.focus();
  }, [outcome, intakeSaved]);
  useEffect(() => {
    if (justClosed) totalsHeading.current?.focus();
  }, [justClosed]);
  // A known person's first visit, once the list holds it: her intake form opens.
  useEffect(() => {
    if (!awaitingIntake) return;
    const visit = evening.visits.find((v) => v.person?.id === awaitingIntake);
    if (!visit) return;
    setAwaitingIntake(null);
    if (evening.visitFlags.some((flag) => flag.visitId === visit.id && flag.intakeDue)) {
      setPanelOpen(false);
      setIntakeFor(visit);
    }
  }, [awaitingIntake, evening]);
  const title = t("night.evening.title", {
    centre: evening.centre.name,
    date: formatDate(calendarDate(evening.eveningOn)),
  });
  const partnerNames = evening.partners.map((p) =>
    [p.organisation?.name ?? p.name, p.serviceLabel].filter(Boolean).join(" — "),
  );
  return (
    <section className="page night">
      <h1>{title}</h1>
      <PreviousHandover evening={evening} />
      <p className="small">
        {t("night.evening.staff", { names: evening.staff.map((s) => s.displayName).join(", ") })}
      </p>
      <p className="small">
        {partnerNames.length > 0
          ? t("night.evening.partners", { names: partnerNames.join(" · ") })
          : t("night.evening.noPartner")}
      </p>
      {evening.closed ? (
        <>
          {justClosed ? (
            <p role="status" className="alert alert--ok">
              {t("night.close.done")}
            </p>
          ) : null}
          {evening.closedAt ? (
            <p className="small muted">{t("night.closedOn", { when: formatDateTime(evening.closedAt) })}</p>
          ) : null}
          <EveningTotals totals={evening.totals} headingRef={totalsHeading} />
        </>
      ) : (
        <>
          {outcome || intakeSaved ? (
            <p
              ref={outcomeRef}
              tabIndex={-1}
              role="status"
              className={outcome?.state === "queued" ? "alert alert--warn" : "alert alert--ok"}
            >
              {intakeSaved
                ? t("night.intake.saved", { alias: intakeSaved })
                : outcome?.state === "queued"
                  ? t("night.checkIn.queued")
                  : t("night.checkIn.sent", { who: outcome?.who ?? "" })}
            </p>
          ) : null}
          {intakeFor?.person ? (
            <IntakeForm
              key={intakeFor.id}
              personId={intakeFor.person.id}
              alias={intakeFor.person.alias}
              visitId={intakeFor.id}
              onSaved={() => {
                setOutcome(null);
                setIntakeSaved(intakeFor.person?.alias ?? "");
                setIntakeFor(null);
                void refresh();
                void queryClient.invalidateQueries({ queryKey: personKeys.all });
              }}
              onLater={() => {
                setIntakeFor(null);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          ) : panelOpen ? (
            <CheckInPanel
              eveningId={evening.id}
              onCheckedIn={(checkedIn) => {
                setIntakeSaved(null);
                setOutcome({ ...checkedIn });
                // Her intake form opens once her visit is in the list (at once, or when the queue sends it).
                if (checkedIn.personId) setAwaitingIntake(checkedIn.personId);
                void refresh();
              }}
              onClose={() => {
                setPanelOpen(false);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          ) : (
            <button
              ref={addButton}
              type="button"
              className="button button--primary button--block night__add"
              onClick={() => {
                setOutcome(null);
                setIntakeSaved(null);
                setPanelOpen(true);
              }}
            >
              {t("night.addVisitor")}
            </button>
          )}
        </>
      )}
      <VisitorList
        visits={evening.visits}
        flags={evening.visitFlags}
        catalogue={catalogue}
        editable={!evening.closed}
        onChanged={() => void refresh()}
        onIntake={(visit) => {
          setPanelOpen(false);
          setIntakeFor(visit);
          window.scrollTo({ top: 0 });
        }}
      />
      <HandoverForm
        eveningId={evening.id}
        body={evening.handoverNote ?? null}
        onSaved={() => void refresh()}
      />
      {evening.closed ? (
        <Link to={nightCentrePath}>{t("night.backHome")}</Link>
      ) : (
        <CloseSection
          evening={evening}
          onClosed={(closed) => {
            queryClient.setQueryData(nightCentreKeys.evening(evening.id), (data: unknown) =>
              data && typeof data === "object" ? { ...data, node: closed } : data,
            );
            void queryClient.invalidateQueries({ queryKey: nightCentreKeys.home });
            setOutcome(null);
            setJustClosed(true);
          }}
        />
      )}
    </section>
  );
}

export function EveningScreen({ id }: { id: string }) {
  const { t } = useT();
  const evening = useQuery({
    queryKey: nightCentreKeys.evening(id),
    queryFn: () => request(EveningQuery, { id }),
  });
  return (
    <Loaded query={evening}>
      {(data) => {
        const node = data.node && "eveningOn" in data.node ? (data.node as Evening) : null;
        if (!node)
          return (
            <NotFoundPage>
              <Link to={nightCentrePath}>{t("night.backHome")}</Link>
            </NotFoundPage>
          );
        return <EveningView evening={node} catalogue={catalogueChoices(data.catalogue)} />;
      }}
    </Loaded>
  );
}
