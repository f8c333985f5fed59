import { instantAtWallTime } from "@maillage/domain";
import { columnLengths, publishSafetyAlertInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import {
  AlertPartnershipsQuery,
  PublishSafetyAlert,
  safetyAlertKeys,
  torontoDay,
} from "./safety-alerts.graphql.ts";

/** A `date` box's day as the API's `Date` (UTC midnight, as it stores it); undefined when empty. */
function dayOf(text: string): Date | undefined {
  return text ? new Date(`${text}T00:00:00.000Z`) : undefined;
}

/** The end of a day in Montréal/Toronto: the alert stays up through its last day. */
function endOfTorontoDay(text: string): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return text ? new Date(Number.NaN) : undefined;
  return instantAtWallTime(Number(parts[1]), Number(parts[2]), Number(parts[3]), 23 * 60 + 59);
}

/**
 * The API's alert input (@maillage/domain/inputs) with its dates as the form's `date` boxes hold
 * them (YYYY-MM-DD). Every rule is the API's.
 */
const alertForm = publishSafetyAlertInput.extend({
  occurredOn: z.string().transform(dayOf).pipe(publishSafetyAlertInput.shape.occurredOn),
  expiresAt: z.string().transform(endOfTorontoDay).pipe(publishSafetyAlertInput.shape.expiresAt),
});
type AlertValues = z.input<typeof alertForm>;

const emptyAlert = (partnershipId: string): AlertValues => ({
  partnershipId,
  whatHappened: "",
  aggressorDescription: "",
  vehicleDescription: "",
  area: "",
  occurredOn: torontoDay(),
  expiresAt: torontoDay(30),
});

/** Those who write alerts publish one to one of their partnerships (never the victim's identity). */
export function PublishSafetyAlertForm() {
  const { t } = useT();
  const titleId = useId();
  const partnerships = useQuery({
    queryKey: safetyAlertKeys.partnerships,
    queryFn: async () => (await request(AlertPartnershipsQuery)).myPartnerships,
  });
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("alerts.publish.title")}</h2>
      {partnerships.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : partnerships.isError ? (
        <QueryFailure error={partnerships.error} onRetry={() => void partnerships.refetch()} />
      ) : (
        // Loaded first: the only partnership, when there is one, is chosen from the start.
        <AlertForm partnerships={partnerships.data} />
      )}
    </section>
  );
}

function AlertForm({ partnerships }: { partnerships: { id: string; name: string }[] }) {
  const { t } = useT();
  const ids = useId();
  const queryClient = useQueryClient();
  const only = partnerships.length === 1 ? (partnerships[0]?.id ?? "") : "";
  const form = useDomainForm(alertForm, { defaultValues: emptyAlert(only) });
  const { errors } = form.formState;
  const publish = useMutation({
    mutationFn: ({ occurredOn, expiresAt, ...alert }: z.output<typeof alertForm>) =>
      mutate(PublishSafetyAlert, (data) => data.publishSafetyAlert, {
        input: {
          ...alert,
          aggressorDescription: alert.aggressorDescription || null,
          vehicleDescription: alert.vehicleDescription || null,
          occurredOn: occurredOn.toISOString().slice(0, 10),
          expiresAt: expiresAt.toISOString(),
        },
      }),
    onSuccess: () => {
      form.reset(emptyAlert(only));
      void queryClient.invalidateQueries({ queryKey: safetyAlertKeys.all });
    },
    onError: (error) => showFailure(form, error),
  });
  const reminderId = `${ids}-reminder`;
  return (
    <>
      <p className="alert alert--warn" id={reminderId}>
        {t("alerts.publish.reminder")}
      </p>
      <div role="status" className={publish.isSuccess ? "alert alert--ok" : "visually-hidden"}>
        {publish.isSuccess ? t("alerts.publish.published") : null}
      </div>
      <form className="card" onSubmit={form.handleSubmit((values) => publish.mutate(values))} noValidate>
        <FormAlert form={form} />
        <Field
          label={t("alerts.partnership")}
          hint={partnerships.length === 0 ? t("alerts.publish.noPartnership") : undefined}
          error={errors.partnershipId}
        >
          {(control) => (
            <select {...control} {...form.register("partnershipId")}>
              <option value="">{t("alerts.publish.choosePartnership")}</option>
              {partnerships.map((partnership) => (
                <option key={partnership.id} value={partnership.id}>
                  {partnership.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("alerts.whatHappened")} error={errors.whatHappened}>
          {(control) => (
            <textarea
              {...control}
              // The reminder above says what never to write here.
              aria-describedby={[control["aria-describedby"], reminderId].filter(Boolean).join(" ")}
              {...form.register("whatHappened")}
              maxLength={columnLengths["SafetyAlert.whatHappened"]}
            />
          )}
        </Field>
        <div className="grid-2">
          <Field label={t("alerts.aggressor")} error={errors.aggressorDescription} optional>
            {(control) => (
              <textarea
                {...control}
                {...form.register("aggressorDescription")}
                maxLength={columnLengths["SafetyAlert.aggressorDescription"]}
              />
            )}
          </Field>
          <Field label={t("alerts.vehicle")} error={errors.vehicleDescription} optional>
            {(control) => (
              <textarea
                {...control}
                {...form.register("vehicleDescription")}
                maxLength={columnLengths["SafetyAlert.vehicleDescription"]}
              />
            )}
          </Field>
        </div>
        <Field label={t("alerts.area")} error={errors.area}>
          {(control) => (
            <input
              {...control}
              {...form.register("area")}
              maxLength={columnLengths["SafetyAlert.area"]}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="grid-2">
          <Field label={t("alerts.occurredOn")} error={errors.occurredOn}>
            {(control) => (
              <input {...control} type="date" max={torontoDay(1)} {...form.register("occurredOn")} />
            )}
          </Field>
          <Field
            label={t("alerts.expiresAt")}
            hint={t("alerts.publish.expiresHint")}
            error={errors.expiresAt}
          >
            {(control) => (
              <input {...control} type="date" min={torontoDay()} {...form.register("expiresAt")} />
            )}
          </Field>
        </div>
        <button type="submit" className="button button--primary button--block" disabled={publish.isPending}>
          {publish.isPending ? t("alerts.publish.publishing") : t("alerts.publish.submit")}
        </button>
      </form>
    </>
  );
}
