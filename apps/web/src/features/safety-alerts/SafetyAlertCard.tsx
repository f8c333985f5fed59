import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { failureOf, mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { calendarDate, type SafetyAlert, WithdrawSafetyAlert } from "./safety-alerts.graphql.ts";

/**
 * One alert: what happened, who and what to look out for, where, when, until when. With
 * `onWithdrawn`, a writer of the publishing organisation may take it down (after confirming).
 */
export function SafetyAlertCard({
  alert,
  headingLevel = 3,
  onWithdrawn,
}: {
  alert: SafetyAlert;
  headingLevel?: 2 | 3;
  onWithdrawn?: (alert: SafetyAlert) => void;
}) {
  const { t, formatDate } = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [confirming, setConfirming] = useState(false);
  // The question replaces the button: focus goes to its harmless answer (cancel), then back.
  const actions = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming || asked.current) [...(actions.current?.querySelectorAll("button") ?? [])].at(-1)?.focus();
    asked.current = confirming || asked.current;
  }, [confirming]);
  const withdraw = useMutation({
    mutationFn: () => mutate(WithdrawSafetyAlert, (data) => data.withdrawSafetyAlert, { id: alert.id }),
    onSuccess: () => onWithdrawn?.(alert),
  });
  const title = t("alerts.card.title", {
    area: alert.area,
    date: formatDate(calendarDate(alert.occurredOn)),
  });
  return (
    <li className="card safety-alert">
      <Heading className="safety-alert__title">{title}</Heading>
      <p className="safety-alert__what">{alert.whatHappened}</p>
      <dl className="facts small">
        {alert.aggressorDescription ? (
          <>
            <dt>{t("alerts.aggressor")}</dt>
            <dd>{alert.aggressorDescription}</dd>
          </>
        ) : null}
        {alert.vehicleDescription ? (
          <>
            <dt>{t("alerts.vehicle")}</dt>
            <dd>{alert.vehicleDescription}</dd>
          </>
        ) : null}
        <dt>{t("alerts.area")}</dt>
        <dd>{alert.area}</dd>
        <dt>{t("alerts.occurredOn")}</dt>
        <dd>{formatDate(calendarDate(alert.occurredOn))}</dd>
        <dt>{t("alerts.expiresAt")}</dt>
        <dd>{formatDate(alert.expiresAt)}</dd>
        <dt>{t("alerts.partnership")}</dt>
        <dd>{alert.partnership.name}</dd>
      </dl>
      {onWithdrawn && alert.withdrawable ? (
        <div ref={actions}>
          {confirming ? (
            <ConfirmDialog
              label={t("alerts.withdraw.label", { title })}
              question={t("alerts.withdraw.question")}
              confirmLabel={t("alerts.withdraw.confirm")}
              pending={withdraw.isPending}
              onConfirm={() => withdraw.mutate()}
              onCancel={() => setConfirming(false)}
            >
              {withdraw.isError ? (
                <p role="alert" className="small">
                  {failureOf(withdraw.error).message}
                </p>
              ) : null}
            </ConfirmDialog>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              aria-label={t("alerts.withdraw.label", { title })}
              onClick={() => setConfirming(true)}
            >
              {t("alerts.withdraw.button")}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}
