import { type IdentifyingDetail, identifyingDetails, instantAtWallTime } from "@maillage/domain";
import { columnLengths, publishSafetyAlertInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useId, useMemo } from "react";
import { z } from "zod";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { CheckboxInput } from "../../ui/CheckboxInput.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useMyPartnerships } from "../partnerships/useMyPartnerships.ts";
import { PublishSafetyAlert, safetyAlertKeys, zonedDay } from "./safety-alerts.graphql.ts";

/** A `date` box's day as the API's `Date` (UTC midnight, as it stores it); undefined when empty. */
function dayOf(text: string): Date | undefined {
  return text ? new Date(`${text}T00:00:00.000Z`) : undefined;
}

/** The end of a day in the programme's time zone: the alert stays up through its last day. */
function endOfZonedDay(text: string, timeZone: string): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return text ? new Date(Number.NaN) : undefined;
  return instantAtWallTime(Number(parts[1]), Number(parts[2]), Number(parts[3]), 23 * 60 + 59, timeZone);
}

/**
 * The API's alert input (@maillage/domain/inputs) with its dates as the form's `date` boxes hold
 * them (YYYY-MM-DD). Every rule is the API's.
 */
const alertFormIn = (timeZone: string) =>
  publishSafetyAlertInput.extend({
    occurredOn: z.string().transform(dayOf).pipe(publishSafetyAlertInput.shape.occurredOn),
    expiresAt: z
      .string()
      .transform((text) => endOfZonedDay(text, timeZone))
      .pipe(publishSafetyAlertInput.shape.expiresAt),
  });
type AlertForm = ReturnType<typeof alertFormIn>;
type AlertValues = z.input<AlertForm>;

const emptyAlert = (partnershipId: string, timeZone: string): AlertValues => ({
  partnershipId,
  whatHappened: "",
  aggressorDescription: "",
  vehicleDescription: "",
  area: "",
  occurredOn: zonedDay(timeZone),
  expiresAt: zonedDay(timeZone, 30),
  checkedNoOneIdentifiable: false,
});

const detailLabels = {
  NAME: "alerts.identifying.NAME",
  AGE: "alerts.identifying.AGE",
  PHONE: "alerts.identifying.PHONE",
  EMAIL: "alerts.identifying.EMAIL",
  STREET_ADDRESS: "alerts.identifying.STREET_ADDRESS",
} as const;

/**
 * Beside "what happened", as it is typed: what in the text may identify someone (the domain's
 * identifyingDetails, which the API runs again). The writer may still publish, after ticking
 * that she checked — one deliberate tap, which the audit event records.
 */
function IdentifyingWarning({ id, details }: { id: string; details: IdentifyingDetail[] }) {
  const { t } = useT();
  return (
    <div id={id} className="alert alert--warn identifying-warning" role="status">
      <p>{t("alerts.identifying.title")}</p>
      <ul>
        {details.map((detail) => (
          <li key={`${detail.kind}-${detail.index}`}>
            {t("alerts.identifying.item", { text: detail.text, kind: t(detailLabels[detail.kind]) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Those who write alerts publish one to one of their partnerships (never the victim's identity). */
export function PublishSafetyAlertForm() {
  const { t } = useT();
  const titleId = useId();
  const partnerships = useMyPartnerships();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("alerts.publish.title")}</h2>
      {/* Loaded first: the only partnership, when there is one, is chosen from the start. */}
      <Loaded query={partnerships}>{(data) => <AlertForm partnerships={data} />}</Loaded>
    </section>
  );
}

function AlertForm({ partnerships }: { partnerships: { id: string; name: string }[] }) {
  const { t, timeZone } = useT();
  const ids = useId();
  const queryClient = useQueryClient();
  const only = partnerships.length === 1 ? (partnerships[0]?.id ?? "") : "";
  const alertForm = useMemo(() => alertFormIn(timeZone), [timeZone]);
  const form = useDomainForm(alertForm, { defaultValues: emptyAlert(only, timeZone) });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  // Checked on the deferred text: typing stays quick on a slow phone.
  const whatHappened = useDeferredValue(form.watch("whatHappened"));
  const details = identifyingDetails(whatHappened ?? "");
  const warningId = `${ids}-identifying`;
  const publish = useMutation({
    mutationFn: ({ occurredOn, expiresAt, ...alert }: z.output<AlertForm>) =>
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
      form.reset(emptyAlert(only, timeZone));
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
      <form
        className="card"
        onSubmit={form.handleSubmit((values) => {
          // The API refuses it too: the warning must have been read and the box ticked.
          if (identifyingDetails(values.whatHappened).length > 0 && !values.checkedNoOneIdentifiable) {
            form.setError(
              "checkedNoOneIdentifiable",
              { type: "MAY_IDENTIFY_SOMEONE", message: "MAY_IDENTIFY_SOMEONE" },
              { shouldFocus: true },
            );
            return;
          }
          publish.mutate(values);
        })}
        noValidate
      >
        <FormAlert form={form} />
        <SelectField
          label={t("alerts.partnership")}
          hint={partnerships.length === 0 ? t("alerts.publish.noPartnership") : undefined}
          placeholder={t("alerts.publish.choosePartnership")}
          choices={partnerships.map((partnership) => ({ value: partnership.id, label: partnership.name }))}
          {...field("partnershipId")}
        />
        <Field label={t("alerts.whatHappened")} error={errors.whatHappened}>
          {(control) => (
            <textarea
              {...control}
              // The reminder above says what never to write here.
              aria-describedby={[
                control["aria-describedby"],
                reminderId,
                details.length > 0 ? warningId : null,
              ]
                .filter(Boolean)
                .join(" ")}
              {...form.register("whatHappened")}
              maxLength={columnLengths["SafetyAlert.whatHappened"]}
            />
          )}
        </Field>
        {details.length > 0 ? (
          <>
            <IdentifyingWarning id={warningId} details={details} />
            <div className="identifying-check">
              <CheckboxInput label={t("alerts.identifying.checked")} {...field("checkedNoOneIdentifiable")} />
            </div>
          </>
        ) : null}
        <div className="grid-2">
          <TextAreaField
            label={t("alerts.aggressor")}
            optional
            {...field("aggressorDescription")}
            column="SafetyAlert.aggressorDescription"
          />
          <TextAreaField
            label={t("alerts.vehicle")}
            optional
            {...field("vehicleDescription")}
            column="SafetyAlert.vehicleDescription"
          />
        </div>
        <TextField label={t("alerts.area")} {...field("area")} column="SafetyAlert.area" autoComplete="off" />
        <div className="grid-2">
          <TextField
            label={t("alerts.occurredOn")}
            type="date"
            max={zonedDay(timeZone, 1)}
            {...field("occurredOn")}
          />
          <TextField
            label={t("alerts.expiresAt")}
            hint={t("alerts.publish.expiresHint")}
            type="date"
            min={zonedDay(timeZone)}
            {...field("expiresAt")}
          />
        </div>
        <button type="submit" className="button button--primary button--block" disabled={publish.isPending}>
          {publish.isPending ? t("alerts.publish.publishing") : t("alerts.publish.submit")}
        </button>
      </form>
    </>
  );
}
