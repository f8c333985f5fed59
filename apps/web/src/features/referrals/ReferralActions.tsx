import {
  type ReferralStatusName,
  referralTransitions,
  transitionNeedsMessage,
  transitionNeedsOutcome,
} from "@maillage/domain";
import { transitionReferralInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { z } from "zod";
import { failureOf, mutate } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import type { ReferralStatus } from "../../generated/enums.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumSelectField } from "../../ui/EnumSelectField.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { type ReferralDetail, referralKeys, TransitionReferral } from "./referrals.graphql.ts";

/** Transitions that ask for something first (a reason, an outcome) open a small form. */
const needsForm = (to: ReferralStatusName) => transitionNeedsMessage(to) || transitionNeedsOutcome(to);

const actionLabel: Record<ReferralStatus, MessageKey | null> = {
  SENT: null,
  ACCEPTED: "referrals.actions.accept",
  DECLINED: "referrals.actions.decline",
  IN_PROGRESS: "referrals.actions.start",
  COMPLETED: "referrals.actions.complete",
  CLOSED_NO_CONTACT: "referrals.actions.closeNoContact",
  WITHDRAWN: "referrals.actions.withdraw",
};

/** The confirm button of the transitions that open a form (`needsForm`). */
const confirmLabel: Partial<Record<ReferralStatus, MessageKey>> = {
  DECLINED: "referrals.actions.confirmDecline",
  COMPLETED: "referrals.actions.confirmComplete",
  CLOSED_NO_CONTACT: "referrals.actions.confirmClose",
};

/**
 * The API's transition input (@maillage/domain/inputs) as the small form holds it: the outcome
 * chosen in a list ("" for none yet). What a transition asks for (a reason to decline, an outcome to
 * close) is the domain's rule, the one the API applies.
 */
function transitionForm(to: ReferralStatusName) {
  return z
    .object({
      message: transitionReferralInput.shape.message,
      outcome: transitionReferralInput.shape.outcome.or(z.literal("").transform(() => null)),
      outcomeNote: transitionReferralInput.shape.outcomeNote,
    })
    .superRefine((values, context) => {
      if (transitionNeedsOutcome(to) && !values.outcome)
        context.addIssue({ code: "custom", path: ["outcome"], message: "REQUIRED" });
      if (transitionNeedsMessage(to) && !values.message)
        context.addIssue({ code: "custom", path: ["message"], message: "REQUIRED" });
    });
}
type TransitionValues = z.output<ReturnType<typeof transitionForm>>;

/** Moves the referral on; the page shows the new state at once, the lists refresh behind. */
function useTransition(referral: ReferralDetail, onDone: (status: ReferralStatus) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ to, values }: { to: ReferralStatus; values?: TransitionValues }) =>
      mutate(TransitionReferral, (data) => data.transitionReferral, {
        input: {
          referralId: referral.id,
          expectedVersion: referral.version,
          to,
          message: values?.message || null,
          outcome: values?.outcome ?? null,
          outcomeNote: values?.outcomeNote || null,
        },
      }),
    onSuccess: async ({ referral: next }) => {
      onDone(next.status);
      queryClient.setQueryData(referralKeys.detail(referral.id), {
        node: { __typename: "Referral" as const, ...next },
      });
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === "referrals" && query.queryKey[1] !== "detail",
      });
    },
    onError: async (error) => {
      // Someone else moved it first: reload it, so the buttons offered are the right ones.
      if (failureOf(error).code === "CONFLICT")
        await queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}

function TransitionForm({
  referral,
  to,
  onDone,
  onConflict,
  onCancel,
}: {
  referral: ReferralDetail;
  to: ReferralStatusName;
  onDone(status: ReferralStatus): void;
  onConflict(): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const form = useDomainForm(transitionForm(to), {
    defaultValues: { message: "", outcome: "", outcomeNote: "" },
  });
  const field = fieldBinder(form);
  const transition = useTransition(referral, onDone);
  const closing = transitionNeedsOutcome(to);
  const declining = transitionNeedsMessage(to);
  return (
    <form
      onSubmit={form.handleSubmit((values) =>
        transition.mutate(
          { to, values },
          {
            onError: (error) => {
              if (failureOf(error).code === "CONFLICT") onConflict();
              else showFailure(form, error);
            },
          },
        ),
      )}
      noValidate
    >
      <FormAlert form={form} />
      {closing ? (
        <>
          <EnumSelectField
            vocabulary="ReferralOutcome"
            label={t("referrals.outcome")}
            placeholder="—"
            {...field("outcome")}
          />
          <TextAreaField
            label={t("referrals.outcomeNote")}
            optional
            {...field("outcomeNote")}
            column="Referral.outcomeNote"
          />
        </>
      ) : null}
      <TextAreaField
        label={t(declining ? "referrals.actions.declineReason" : "referrals.actions.message")}
        optional={!declining}
        {...field("message")}
        column="ReferralTransition.message"
      />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={transition.isPending}>
          {t(confirmLabel[to] ?? "app.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

/** What the viewer's side may do with a referral at its current status, and doing it. */
export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const { t, enumLabel, failureMessage } = useT();
  const titleId = useId();
  const side = referral.direction === "RECEIVED" ? "RECEIVER" : "SENDER";
  const allowed = referralTransitions[referral.status].filter((transition) => transition.by === side);
  // Which transition's form is open, and what the last one did: states of the screen, not of a form.
  const [open, setOpen] = useState<ReferralStatusName | null>(null);
  const [done, setDone] = useState<ReferralStatus | null>(null);
  const [conflict, setConflict] = useState(false);
  const finish = (status: ReferralStatus) => {
    setOpen(null);
    setDone(status);
  };
  const direct = useTransition(referral, finish);

  function start(to: ReferralStatusName) {
    setDone(null);
    setConflict(false);
    direct.reset();
    if (needsForm(to)) setOpen(to);
    else direct.mutate({ to });
  }

  const directFailure = direct.isError ? failureOf(direct.error) : null;
  const conflicted = conflict || directFailure?.code === "CONFLICT";
  return (
    <section className="card referral-actions" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("referrals.actions.title")}</h2>
      <div role="status" className={done ? "alert alert--ok" : "visually-hidden"}>
        {done ? t("referrals.actions.done", { status: enumLabel("ReferralStatus", done) }) : null}
      </div>
      <div role="alert" className={conflicted || directFailure ? "alert alert--error" : "visually-hidden"}>
        {conflicted ? t("referrals.actions.conflict") : directFailure ? failureMessage(directFailure) : null}
      </div>
      {allowed.length === 0 ? (
        <p className="muted">{t("referrals.actions.none")}</p>
      ) : (
        <div className="row">
          {allowed.map(({ to }) => {
            const label = actionLabel[to];
            return label ? (
              <button
                key={to}
                type="button"
                className={
                  to === "DECLINED" || to === "WITHDRAWN" ? "button button--danger" : "button button--primary"
                }
                aria-expanded={needsForm(to) ? open === to : undefined}
                disabled={direct.isPending}
                onClick={() => start(to)}
              >
                {t(label)}
              </button>
            ) : null;
          })}
        </div>
      )}
      {open ? (
        <TransitionForm
          // A new form for each transition opened: it starts empty.
          key={open}
          referral={referral}
          to={open}
          onDone={finish}
          onConflict={() => {
            setOpen(null);
            setConflict(true);
          }}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
