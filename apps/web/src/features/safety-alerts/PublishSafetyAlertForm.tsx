import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { graphql, isAppError } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import type { MutationResult } from "../referrals/referrals.graphql.ts";
import {
  alertPartnershipsQuery,
  publishSafetyAlertMutation,
  type SafetyAlert,
  safetyAlertKeys,
  torontoDay,
} from "./safety-alerts.graphql.ts";

const emptyAlert = () => ({
  partnershipId: "",
  whatHappened: "",
  aggressorDescription: "",
  vehicleDescription: "",
  area: "",
  occurredOn: torontoDay(),
  expiresOn: torontoDay(30),
});

/** Coordinators publish an alert to one of their partnerships (never the victim's identity). */
export function PublishSafetyAlertForm() {
  const { t } = useT();
  const ids = useId();
  const queryClient = useQueryClient();
  const partnerships = useQuery({
    queryKey: safetyAlertKeys.partnerships,
    queryFn: () => graphql<{ myPartnerships: { id: string; name: string }[] }>(alertPartnershipsQuery),
  });
  const [draft, setDraft] = useState(emptyAlert);
  const [published, setPublished] = useState(false);
  const failure = useFormFailure();
  const options = partnerships.data?.myPartnerships ?? [];
  const partnershipId = draft.partnershipId || (options.length === 1 ? options[0]!.id : "");

  const publish = useMutation({
    mutationFn: () =>
      graphql<{ publishSafetyAlert: MutationResult<{ alert: SafetyAlert }> }>(publishSafetyAlertMutation, {
        input: {
          partnershipId,
          whatHappened: draft.whatHappened,
          aggressorDescription: draft.aggressorDescription || null,
          vehicleDescription: draft.vehicleDescription || null,
          area: draft.area,
          occurredOn: draft.occurredOn,
          // The alert stays up through its last day, Toronto time.
          expiresAt: new Date(`${draft.expiresOn}T23:59:00`).toISOString(),
        },
      }),
    onSuccess: async ({ publishSafetyAlert: result }) => {
      if (isAppError(result)) {
        failure.fromResult(result);
        return;
      }
      failure.clear();
      setPublished(true);
      setDraft(emptyAlert());
      await queryClient.invalidateQueries({ queryKey: safetyAlertKeys.all });
    },
    onError: failure.fromError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setPublished(false);
    // Dates are scalars: an empty one would be refused before any field check, so say it here.
    const missing = (["occurredOn", "expiresOn"] as const).filter((key) => !draft[key]);
    if (missing.length > 0) {
      failure.setFailure({
        code: "INPUT_VALIDATION",
        summary: t("errors.INPUT_VALIDATION"),
        fields: Object.fromEntries(
          missing.map((key) => [key === "expiresOn" ? "expiresAt" : key, t("field.REQUIRED")]),
        ),
      });
      return;
    }
    publish.mutate();
  }

  const set = (key: keyof ReturnType<typeof emptyAlert>) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t("alerts.publish.title")}</h2>
      <p className="alert alert--warn" id={`${ids}-reminder`}>
        {t("alerts.publish.reminder")}
      </p>
      <div role="status" className={published ? "alert alert--ok" : "visually-hidden"}>
        {published ? t("alerts.publish.published") : null}
      </div>
      <form className="card" onSubmit={submit} noValidate>
        {failure.summary()}
        <div className="field">
          <label htmlFor={`${ids}-partnership`}>{t("alerts.partnership")}</label>
          <select
            id={`${ids}-partnership`}
            value={partnershipId}
            onChange={set("partnershipId")}
            {...failure.fieldProps("partnershipId")}
          >
            <option value="">{t("alerts.publish.choosePartnership")}</option>
            {options.map((partnership) => (
              <option key={partnership.id} value={partnership.id}>
                {partnership.name}
              </option>
            ))}
          </select>
          {partnerships.isSuccess && options.length === 0 ? (
            <span className="small muted">{t("alerts.publish.noPartnership")}</span>
          ) : null}
          {failure.fieldError("partnershipId")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-what`}>{t("alerts.whatHappened")}</label>
          <textarea
            id={`${ids}-what`}
            value={draft.whatHappened}
            maxLength={2000}
            onChange={set("whatHappened")}
            {...failure.fieldProps("whatHappened")}
            aria-describedby={failure.fieldProps("whatHappened")["aria-describedby"] ?? `${ids}-reminder`}
          />
          {failure.fieldError("whatHappened")}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${ids}-aggressor`}>
              {t("alerts.aggressor")} <span className="small muted">({t("app.optional")})</span>
            </label>
            <textarea
              id={`${ids}-aggressor`}
              value={draft.aggressorDescription}
              maxLength={1000}
              onChange={set("aggressorDescription")}
              {...failure.fieldProps("aggressorDescription")}
            />
            {failure.fieldError("aggressorDescription")}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-vehicle`}>
              {t("alerts.vehicle")} <span className="small muted">({t("app.optional")})</span>
            </label>
            <textarea
              id={`${ids}-vehicle`}
              value={draft.vehicleDescription}
              maxLength={500}
              onChange={set("vehicleDescription")}
              {...failure.fieldProps("vehicleDescription")}
            />
            {failure.fieldError("vehicleDescription")}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-area`}>{t("alerts.area")}</label>
          <input
            id={`${ids}-area`}
            value={draft.area}
            maxLength={200}
            onChange={set("area")}
            {...failure.fieldProps("area")}
          />
          {failure.fieldError("area")}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${ids}-occurred`}>{t("alerts.occurredOn")}</label>
            <input
              id={`${ids}-occurred`}
              type="date"
              value={draft.occurredOn}
              max={torontoDay(1)}
              onChange={set("occurredOn")}
              {...failure.fieldProps("occurredOn")}
            />
            {failure.fieldError("occurredOn")}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-expires`}>{t("alerts.expiresAt")}</label>
            <input
              id={`${ids}-expires`}
              type="date"
              value={draft.expiresOn}
              min={torontoDay()}
              onChange={set("expiresOn")}
              {...failure.fieldProps("expiresAt")}
              aria-describedby={failure.fieldProps("expiresAt")["aria-describedby"] ?? `${ids}-expires-hint`}
            />
            <span className="small muted" id={`${ids}-expires-hint`}>
              {t("alerts.publish.expiresHint")}
            </span>
            {failure.fieldError("expiresAt")}
          </div>
        </div>
        <button type="submit" className="button button--primary button--block" disabled={publish.isPending}>
          {publish.isPending ? t("alerts.publish.publishing") : t("alerts.publish.submit")}
        </button>
      </form>
    </section>
  );
}
