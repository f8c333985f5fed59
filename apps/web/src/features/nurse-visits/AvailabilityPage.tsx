import { addAbsenceInput, setWeeklyAvailabilityArgs } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { type Path, useFieldArray } from "react-hook-form";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { fieldMessageKey, type MessageKey, useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextField } from "../../ui/TextField.tsx";
import {
  AddAbsence,
  type MyAvailability,
  MyAvailabilityQuery,
  RemoveAbsence,
  RotateCalendarFeed,
  SetWeeklyAvailability,
  visitKeys,
} from "./nurse-visits.graphql.ts";
import { TimeRangeFields } from "./TimeRangeFields.tsx";
import { zonedInstant } from "./week.ts";
import "./visits.css";

/** ISO weekdays (1 = Monday), with their names. */
const weekdays: { day: number; label: MessageKey }[] = [
  { day: 1, label: "weekday.1" },
  { day: 2, label: "weekday.2" },
  { day: 3, label: "weekday.3" },
  { day: 4, label: "weekday.4" },
  { day: 5, label: "weekday.5" },
  { day: 6, label: "weekday.6" },
  { day: 7, label: "weekday.7" },
];

type WeeklyValues = z.input<typeof setWeeklyAvailabilityArgs>;

/** A problem the API reports on one time of the week goes on that time's field. */
function weeklyFieldOf(path: string): Path<WeeklyValues> | null {
  if (/^slots\.\d+\.(weekday|start|end)$/.test(path)) return path as Path<WeeklyValues>;
  return path.startsWith("slots") ? "slots" : null;
}

function WeeklyForm({ initial }: { initial: WeeklyValues }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(setWeeklyAvailabilityArgs, { defaultValues: initial });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const slots = useFieldArray({ control: form.control, name: "slots" });
  const save = useMutation({
    mutationFn: (values: z.output<typeof setWeeklyAvailabilityArgs>) =>
      mutate(SetWeeklyAvailability, (data) => data.setWeeklyAvailability, values),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: visitKeys.availability }),
    onError: (error) => showFailure(form, error, weeklyFieldOf),
  });
  // A problem with the list as a whole (too many times), not with one of them.
  const listCode = errors.slots?.root?.message ?? errors.slots?.message;
  return (
    <form
      className="card visit-card"
      noValidate
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h2>{t("availability.weekly")}</h2>
      <FormAlert form={form} />
      <SuccessStatus shown={save.isSuccess}>{t("availability.saved")}</SuccessStatus>
      {slots.fields.length === 0 ? <p className="muted small">{t("availability.noSlot")}</p> : null}
      <ul className="availability-slots">
        {slots.fields.map((slot, index) => (
          <li key={slot.id} className="availability-slot">
            <SelectField
              label={t("availability.weekday")}
              choices={weekdays.map(({ day, label }) => ({ value: day, label: t(label) }))}
              {...field(`slots.${index}.weekday`, { valueAsNumber: true })}
            />
            <TextField label={t("availability.from")} type="time" {...field(`slots.${index}.start`)} />
            <TextField label={t("availability.to")} type="time" {...field(`slots.${index}.end`)} />
            <button type="button" className="button button--quiet" onClick={() => slots.remove(index)}>
              {t("availability.removeSlot")}
            </button>
          </li>
        ))}
      </ul>
      {listCode ? (
        <p className="field__error">{t(fieldMessageKey(listCode) ?? "field.INVALID_VALUE")}</p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => slots.append({ weekday: 2, start: "13:00", end: "17:00" })}
        >
          {t("availability.addSlot")}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t("availability.save")}
        </button>
      </div>
    </form>
  );
}

/**
 * The API's absence input with the times as the form holds them: `datetime-local` boxes in the
 * programme's time zone.
 */
const absenceFormIn = (timeZone: string) =>
  addAbsenceInput.extend({
    startsAt: z
      .string()
      .transform((text) => zonedInstant(text, timeZone))
      .pipe(addAbsenceInput.shape.startsAt),
    endsAt: z
      .string()
      .transform((text) => zonedInstant(text, timeZone))
      .pipe(addAbsenceInput.shape.endsAt),
  });
type AbsenceForm = ReturnType<typeof absenceFormIn>;

function Absences({ exceptions }: { exceptions: MyAvailability["exceptions"] }) {
  const { t, formatDateTime, failureMessage, timeZone } = useT();
  const absenceForm = useMemo(() => absenceFormIn(timeZone), [timeZone]);
  const queryClient = useQueryClient();
  const form = useDomainForm(absenceForm, { defaultValues: { startsAt: "", endsAt: "", reason: "" } });
  const field = fieldBinder(form);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: visitKeys.availability });
  const add = useMutation({
    mutationFn: ({ startsAt, endsAt, reason }: z.output<AbsenceForm>) =>
      mutate(AddAbsence, (data) => data.addAbsence, {
        input: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason: reason || null },
      }),
    onSuccess: () => {
      form.reset();
      refresh();
    },
    onError: (error) => showFailure(form, error),
  });
  const remove = useMutation({
    mutationFn: (id: string) => mutate(RemoveAbsence, (data) => data.removeAbsence, { id }),
    onSuccess: refresh,
  });
  return (
    <form className="card visit-card" noValidate onSubmit={form.handleSubmit((values) => add.mutate(values))}>
      <h2>{t("availability.absences")}</h2>
      <FormAlert form={form} />
      {remove.isError ? (
        <p role="alert" className="alert alert--error">
          {failureMessage(failureOf(remove.error))}
        </p>
      ) : null}
      {exceptions.length === 0 ? (
        <p className="muted small">{t("availability.noAbsence")}</p>
      ) : (
        <ul className="card-list">
          {exceptions.map((absence) => (
            <li key={absence.id} className="row row--between">
              <span>
                {formatDateTime(absence.startsAt)} – {formatDateTime(absence.endsAt)}
                {absence.reason ? ` (${absence.reason})` : ""}
              </span>
              <button
                type="button"
                className="button button--quiet"
                disabled={remove.isPending}
                onClick={() => remove.mutate(absence.id)}
              >
                {t("availability.removeAbsence")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <TimeRangeFields start={field("startsAt")} end={field("endsAt")} />
      <TextField
        label={t("availability.absenceReason")}
        optional
        {...field("reason")}
        column="AvailabilityException.reason"
        autoComplete="off"
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t("availability.addAbsence")}
      </button>
    </form>
  );
}

function CalendarFeed() {
  const { t, failureMessage } = useT();
  const id = useId();
  const rotate = useMutation({ mutationFn: () => request(RotateCalendarFeed) });
  return (
    <section className="card visit-card" aria-labelledby={`${id}-feed`}>
      <h2 id={`${id}-feed`}>{t("availability.feed")}</h2>
      <p className="small muted">{t("availability.feedIntro")}</p>
      <button type="button" className="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {t("availability.feedCreate")}
      </button>
      {rotate.isError ? (
        <p role="alert" className="alert alert--error">
          {failureMessage(failureOf(rotate.error))}
        </p>
      ) : null}
      {rotate.data ? (
        <div className="field availability-feed">
          <label htmlFor={`${id}-feed-url`}>{t("availability.feedUrl")}</label>
          <input
            id={`${id}-feed-url`}
            readOnly
            value={`${location.origin}${rotate.data.rotateCalendarFeed.path}`}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
    </section>
  );
}

/** `/disponibilites`: weekly free times for joint visits, absences, and the calendar link. */
export function AvailabilityPage() {
  const { t } = useT();
  const availability = useQuery({
    queryKey: visitKeys.availability,
    queryFn: async () => (await request(MyAvailabilityQuery)).myAvailability,
  });
  return (
    <section className="page">
      <h1>{t("availability.title")}</h1>
      <Loaded query={availability}>
        {(data) => (
          <>
            {/* Loaded first, then the form starts from the saved times (never copied in by an effect). */}
            <WeeklyForm
              initial={{ slots: data.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })) }}
            />
            <Absences exceptions={data.exceptions} />
          </>
        )}
      </Loaded>
      <CalendarFeed />
    </section>
  );
}
