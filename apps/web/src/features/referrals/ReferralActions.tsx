import { type ReferralStatusName, referralTransitions } from "@maillage/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { graphql, isAppError } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import {
  type MutationResult,
  type ReferralDetail,
  type ReferralOutcome,
  referralKeys,
  referralOutcomes,
  transitionReferralMutation,
} from "./referrals.graphql.ts";

/** Transitions that ask for something first (a reason, an outcome) open a small form. */
const needsForm = new Set<ReferralStatusName>(["DECLINED", "COMPLETED", "CLOSED_NO_CONTACT"]);

const actionLabel: Partial<Record<ReferralStatusName, MessageKey>> = {
  ACCEPTED: "referrals.actions.accept",
  DECLINED: "referrals.actions.decline",
  IN_PROGRESS: "referrals.actions.start",
  COMPLETED: "referrals.actions.complete",
  CLOSED_NO_CONTACT: "referrals.actions.closeNoContact",
  WITHDRAWN: "referrals.actions.withdraw",
};

const confirmLabel: Partial<Record<ReferralStatusName, MessageKey>> = {
  DECLINED: "referrals.actions.confirmDecline",
  COMPLETED: "referrals.actions.confirmComplete",
  CLOSED_NO_CONTACT: "referrals.actions.confirmClose",
};

interface TransitionInput {
  to: ReferralStatusName;
  message?: string;
  outcome?: ReferralOutcome | "";
  outcomeNote?: string;
}

/** What the viewer's side may do with a referral at its current status, and doing it. */
export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const formId = useId();
  const side = referral.direction === "RECEIVED" ? "RECEIVER" : "SENDER";
  const allowed = referralTransitions[referral.status].filter((transition) => transition.by === side);
  const [open, setOpen] = useState<ReferralStatusName | null>(null);
  const [message, setMessage] = useState("");
  const [outcome, setOutcome] = useState<ReferralOutcome | "">("");
  const [outcomeNote, setOutcomeNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const failure = useFormFailure();

  const transition = useMutation({
    mutationFn: (input: TransitionInput) =>
      graphql<{ transitionReferral: MutationResult<{ referral: ReferralDetail }> }>(
        transitionReferralMutation,
        {
          input: {
            referralId: referral.id,
            expectedVersion: referral.version,
            to: input.to,
            message: input.message || null,
            outcome: input.outcome || null,
            outcomeNote: input.outcomeNote || null,
          },
        },
      ),
    onSuccess: async ({ transitionReferral: result }) => {
      if (isAppError(result)) {
        failure.fromResult(result);
        if (result.code === "CONFLICT") {
          failure.setFailure({ code: "CONFLICT", fields: {}, summary: t("referrals.actions.conflict") });
          setOpen(null);
          await queryClient.invalidateQueries({ queryKey: referralKeys.all });
        }
        return;
      }
      failure.clear();
      setOpen(null);
      setMessage("");
      setOutcome("");
      setOutcomeNote("");
      setDone(
        t("referrals.actions.done", {
          status: t(`referrals.status.${result.referral.status}` as MessageKey),
        }),
      );
      queryClient.setQueryData(referralKeys.detail(referral.id), { node: result.referral });
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === "referrals" && query.queryKey[1] !== "detail",
      });
    },
    onError: failure.fromError,
  });

  function start(to: ReferralStatusName) {
    setDone(null);
    failure.clear();
    if (needsForm.has(to)) setOpen(to);
    else transition.mutate({ to });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (open) transition.mutate({ to: open, message, outcome, outcomeNote });
  }

  const closing = open === "COMPLETED" || open === "CLOSED_NO_CONTACT";
  return (
    <section className="card referral-actions" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t("referrals.actions.title")}</h2>
      <div role="status" className={done ? "alert alert--ok" : "visually-hidden"}>
        {done}
      </div>
      {failure.summary()}
      {allowed.length === 0 ? (
        <p className="muted">{t("referrals.actions.none")}</p>
      ) : (
        <div className="row">
          {allowed.map(({ to }) => (
            <button
              key={to}
              type="button"
              className={
                to === "DECLINED" || to === "WITHDRAWN" ? "button button--danger" : "button button--primary"
              }
              aria-expanded={needsForm.has(to) ? open === to : undefined}
              disabled={transition.isPending}
              onClick={() => start(to)}
            >
              {t(actionLabel[to]!)}
            </button>
          ))}
        </div>
      )}
      {open ? (
        <form onSubmit={submit} noValidate>
          {closing ? (
            <>
              <div className="field">
                <label htmlFor={`${formId}-outcome`}>
                  {t("referrals.outcome")} <span className="small muted">({t("app.required")})</span>
                </label>
                <select
                  id={`${formId}-outcome`}
                  value={outcome}
                  onChange={(event) => setOutcome(event.target.value as ReferralOutcome | "")}
                  {...failure.fieldProps("outcome")}
                >
                  <option value="">—</option>
                  {referralOutcomes.map((value) => (
                    <option key={value} value={value}>
                      {t(`referrals.outcome.${value}` as MessageKey)}
                    </option>
                  ))}
                </select>
                {failure.fieldError("outcome")}
              </div>
              <div className="field">
                <label htmlFor={`${formId}-note`}>
                  {t("referrals.outcomeNote")} <span className="small muted">({t("app.optional")})</span>
                </label>
                <textarea
                  id={`${formId}-note`}
                  value={outcomeNote}
                  maxLength={1000}
                  onChange={(event) => setOutcomeNote(event.target.value)}
                  {...failure.fieldProps("outcomeNote")}
                />
                {failure.fieldError("outcomeNote")}
              </div>
            </>
          ) : null}
          <div className="field">
            <label htmlFor={`${formId}-message`}>
              {t(open === "DECLINED" ? "referrals.actions.declineReason" : "referrals.actions.message")}{" "}
              <span className="small muted">
                ({t(open === "DECLINED" ? "app.required" : "app.optional")})
              </span>
            </label>
            <textarea
              id={`${formId}-message`}
              value={message}
              maxLength={2000}
              onChange={(event) => setMessage(event.target.value)}
              {...failure.fieldProps("message")}
            />
            {failure.fieldError("message")}
          </div>
          <div className="row">
            <button type="submit" className="button button--primary" disabled={transition.isPending}>
              {t(confirmLabel[open]!)}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setOpen(null)}>
              {t("app.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
