/**
 * The organisation's start date on /reglages (issue 16): the first day its records may be dated,
 * so that its history (years of tally sheets) is entered back to it and never before. Earlier is
 * always allowed; later than its earliest record is refused by the API (AFTER_EARLIEST_RECORD,
 * naming that day), and the card says that day beforehand.
 */
import { updateOrganisationStartDateInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { type Me, meQueryKey } from "../auth/session.ts";
import { calendarDate, zonedDay } from "../safety-alerts/safety-alerts.graphql.ts";
import {
  programmeSettingsKeys,
  RecordDatesQuery,
  UpdateOrganisationStartDate,
} from "./programme-settings.graphql.ts";

/** The API's input as the form holds it: the day as the date box has it. */
const startDateForm = z.object({
  startedOn: z
    .string()
    .transform((text) => (text ? new Date(`${text}T00:00:00.000Z`) : undefined))
    .pipe(updateOrganisationStartDateInput.shape.startedOn),
});

export function StartDateCard() {
  const { t, formatDate, timeZone } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const dates = useQuery({
    queryKey: programmeSettingsKeys.recordDates,
    queryFn: async () => (await request(RecordDatesQuery)).me?.recordDates ?? null,
  });
  const current = dates.data?.startedOn ?? null;
  const earliest = dates.data?.earliestRecordOn ?? null;
  const form = useDomainForm(startDateForm, { defaultValues: { startedOn: current ?? "" } });
  const field = fieldBinder(form);
  const outcome = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current) form.reset({ startedOn: current });
  }, [current, form]);
  const save = useMutation({
    mutationFn: (startedOn: Date) =>
      mutate(UpdateOrganisationStartDate, (data) => data.updateOrganisationStartDate, {
        input: { startedOn: startedOn.toISOString().slice(0, 10) },
      }),
    onSuccess: ({ recordDates }) => {
      queryClient.setQueryData(programmeSettingsKeys.recordDates, recordDates);
      // Every form's rule follows at once.
      queryClient.setQueryData<Me | null>(meQueryKey, (me) =>
        me ? { ...me, recordDates: { startedOn: recordDates.startedOn } } : me,
      );
      form.reset({ startedOn: recordDates.startedOn });
      setSaved(true);
    },
    onError: (error) => {
      setSaved(false);
      showFailure(form, error);
    },
  });
  useEffect(() => {
    if (saved) outcome.current?.focus();
  }, [saved]);
  const showSaved = saved && !form.formState.isDirty;
  return (
    <article className="card programme-settings__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("settings.startDate.title")}</h2>
      <p className="small muted">{t("settings.startDate.hint")}</p>
      <form
        className="programme-settings__form"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setSaved(false);
          save.mutate(values.startedOn);
        })}
      >
        <FormAlert form={form} />
        <TextField
          label={t("settings.startDate")}
          type="date"
          min="1970-01-01"
          max={zonedDay(timeZone)}
          hint={
            earliest
              ? t("settings.startDate.earliest", { date: formatDate(calendarDate(earliest)) })
              : t("settings.startDate.noRecord")
          }
          {...field("startedOn")}
        />
        <p
          ref={outcome}
          tabIndex={-1}
          role="status"
          className={showSaved ? "alert alert--ok" : "visually-hidden"}
        >
          {showSaved ? t("settings.startDate.saved") : null}
        </p>
        <button type="submit" className="button button--primary button--block" disabled={save.isPending}>
          {save.isPending ? t("settings.saving") : t("settings.startDate.save")}
        </button>
      </form>
    </article>
  );
}
