/**
 * Workshops and prevention kiosks held at a partner's request: one recorded in a few fields on a
 * phone (the API's own input schema checks it first), the fiscal year's listed below, each
 * changed or deleted in place. Counts of participants only: never a person.
 */

import { fiscalYearBounds, wallTime } from "@maillage/domain";
import { recordWorkshopInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { FormAlert, fieldBinder, numberText, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumChoiceChips } from "../../ui/EnumChipsField.tsx";
import { EnumSelectField } from "../../ui/EnumSelectField.tsx";
import { firstErrorCode } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../auth/session.ts";
import { currentFiscalYear, useFiscalYearLabel } from "../dashboards/fiscal-years.ts";
import { LateEntryMark } from "../record-dates/LateEntryMark.tsx";
import { calendarDate, zonedDay } from "../safety-alerts/safety-alerts.graphql.ts";
import {
  DeleteWorkshop,
  RecordWorkshop,
  UpdateWorkshop,
  WorkshopFacilitatorChoicesQuery,
  type WorkshopItem,
  WorkshopsQuery,
  workshopKeys,
} from "./workshops.graphql.ts";
import "./workshops.css";

/** A `date` box's day as the API's `Date` (UTC midnight, as it stores it); undefined when empty. */
function dayOf(text: string): Date | undefined {
  return text ? new Date(`${text}T00:00:00.000Z`) : undefined;
}

/** The API's input as the form holds it: the day as the date box has it, numbers as typed. */
const workshopForm = recordWorkshopInput.extend({
  heldOn: z.string().transform(dayOf).pipe(recordWorkshopInput.shape.heldOn),
  durationMinutes: numberText(recordWorkshopInput.shape.durationMinutes),
  participants: numberText(recordWorkshopInput.shape.participants),
});
type WorkshopValues = z.input<typeof workshopForm>;
type WorkshopOutput = z.output<typeof workshopForm>;
type WorkshopForm = ReturnType<typeof useDomainForm<typeof workshopForm>>;

function inputOf(values: WorkshopOutput) {
  return {
    ...values,
    heldOn: values.heldOn.toISOString().slice(0, 10),
    durationMinutes: values.durationMinutes ?? null,
    note: values.note ?? "",
  };
}

function valuesOf(workshop: WorkshopItem): WorkshopValues {
  return {
    kind: workshop.kind,
    topic: workshop.topic,
    audience: workshop.audience,
    place: workshop.place,
    heldOn: workshop.heldOn,
    durationMinutes: workshop.durationMinutes ? String(workshop.durationMinutes) : "",
    participants: String(workshop.participants),
    requestedBy: workshop.requestedBy,
    facilitatorIds: workshop.facilitators.map((facilitator) => facilitator.id),
    note: workshop.note ?? "",
  };
}

function useFacilitatorChoices() {
  return useQuery({
    queryKey: workshopKeys.facilitators,
    queryFn: async () => (await request(WorkshopFacilitatorChoicesQuery)).workshopFacilitatorChoices,
    staleTime: 5 * 60_000,
  });
}

/** The team's members who held it: a checkbox each (one alone is still a list). */
function FacilitatorsField({
  form,
  choices,
}: {
  form: WorkshopForm;
  choices: readonly { id: string; displayName: string }[];
}) {
  const { t } = useT();
  const id = useId();
  const { field, fieldState } = useController({ control: form.control, name: "facilitatorIds" });
  const chosen: readonly string[] = field.value ?? [];
  // The list's own words: "choose someone", not a text's length.
  const error = firstErrorCode(fieldState.error) ? t("workshops.facilitatorsRequired") : null;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="workshop-form__facilitators">
      <legend>{t("workshops.facilitators")}</legend>
      {choices.map((member, index) => (
        <label key={member.id} className="row workshop-form__facilitator">
          <input
            ref={index === 0 ? field.ref : undefined}
            type="checkbox"
            checked={chosen.includes(member.id)}
            aria-invalid={error ? true : undefined}
            onChange={(event) =>
              field.onChange(
                event.target.checked
                  ? [...chosen, member.id]
                  : chosen.filter((facilitator) => facilitator !== member.id),
              )
            }
          />
          {member.displayName}
        </label>
      ))}
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** The workshop's fields, for recording one or changing it. */
function WorkshopFields({
  form,
  choices,
}: {
  form: WorkshopForm;
  choices: readonly { id: string; displayName: string }[];
}) {
  const { t, timeZone } = useT();
  const startedOn = useViewer().recordDates?.startedOn ?? null;
  const field = fieldBinder(form);
  const kind = useController({ control: form.control, name: "kind" });
  return (
    <>
      <EnumChoiceChips vocabulary="WorkshopKind" legend={t("workshops.kind")} controller={kind} />
      <div className="grid-2">
        <EnumSelectField vocabulary="WorkshopTopic" label={t("workshops.topic")} {...field("topic")} />
        <EnumSelectField
          vocabulary="WorkshopAudience"
          label={t("workshops.audience")}
          {...field("audience")}
        />
        <TextField
          label={t("workshops.place")}
          hint={t("workshops.placeHint")}
          column="Workshop.place"
          autoComplete="off"
          {...field("place")}
        />
        <TextField
          label={t("workshops.requestedBy")}
          hint={t("workshops.requestedByHint")}
          column="Workshop.requestedBy"
          autoComplete="off"
          {...field("requestedBy")}
        />
      </div>
      <div className="workshop-form__numbers">
        <TextField
          label={t("workshops.heldOn")}
          type="date"
          min={startedOn ?? undefined}
          max={zonedDay(timeZone)}
          hint={
            startedOn
              ? t("recordDates.dayRule", { start: new Date(`${startedOn}T00:00:00.000Z`) })
              : undefined
          }
          {...field("heldOn")}
        />
        <TextField
          label={t("workshops.participants")}
          hint={t("workshops.participantsHint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          {...field("participants")}
        />
        <TextField
          label={t("workshops.duration")}
          optional
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          {...field("durationMinutes")}
        />
      </div>
      <FacilitatorsField form={form} choices={choices} />
      <TextAreaField
        label={t("workshops.note")}
        optional
        column="WorkshopNote.body"
        rows={2}
        {...field("note")}
      />
    </>
  );
}

function RecordWorkshopForm({ choices }: { choices: readonly { id: string; displayName: string }[] }) {
  const { t, enumLabel, formatDate, timeZone } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const confirmation = useRef<HTMLParagraphElement>(null);
  const mine = choices.some((member) => member.id === me.user.id) ? [me.user.id] : [];
  // What was recorded, in the API's words: said in the language shown now (it may change).
  const [saved, setSaved] = useState<Pick<WorkshopItem, "kind" | "place" | "heldOn" | "participants"> | null>(
    null,
  );
  const form = useDomainForm(workshopForm, {
    defaultValues: {
      kind: "WORKSHOP",
      topic: "SEXUAL_HEALTH",
      audience: "YOUTH_SECONDARY_SCHOOL",
      place: "",
      requestedBy: "",
      heldOn: zonedDay(timeZone),
      participants: "",
      durationMinutes: "",
      facilitatorIds: mine,
      note: "",
    },
  });
  const record = useMutation({
    mutationFn: (values: WorkshopOutput) =>
      mutate(RecordWorkshop, (data) => data.recordWorkshop, { input: inputOf(values) }),
    onSuccess: ({ workshop }) => {
      // The next one is often the same kind of session elsewhere: the place and numbers start empty.
      form.reset({
        ...form.getValues(),
        place: "",
        requestedBy: "",
        participants: "",
        durationMinutes: "",
        note: "",
      });
      void queryClient.invalidateQueries({ queryKey: workshopKeys.all });
      setSaved(workshop);
    },
    onError: (error) => {
      setSaved(null);
      showFailure(form, error);
    },
  });
  // The confirmation, at the button, takes the focus once drawn (a screen reader says it).
  useEffect(() => {
    if (saved) confirmation.current?.focus();
  }, [saved]);
  return (
    <form
      onSubmit={form.handleSubmit((values) => record.mutate(values))}
      noValidate
      className="card workshop-form"
      aria-labelledby="record-workshop"
    >
      <h2 id="record-workshop">{t("workshops.record")}</h2>
      <FormAlert form={form} />
      <WorkshopFields form={form} choices={choices} />
      <button type="submit" className="button button--primary" disabled={record.isPending}>
        {t("workshops.save")}
      </button>
      {saved && !form.formState.isDirty ? (
        <p ref={confirmation} tabIndex={-1} role="status" className="alert alert--ok">
          {t("workshops.recorded", {
            kind: enumLabel("WorkshopKind", saved.kind),
            place: saved.place,
            date: formatDate(calendarDate(saved.heldOn)),
            count: saved.participants,
          })}
        </p>
      ) : null}
    </form>
  );
}

function EditWorkshop({
  workshop,
  choices,
  onDone,
}: {
  workshop: WorkshopItem;
  choices: readonly { id: string; displayName: string }[];
  onDone(saved: boolean): void;
}) {
  const { t, formatDate } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(workshopForm, { defaultValues: valuesOf(workshop) });
  // A facilitator who has left the team since stays offered on her own workshop.
  const offered = [
    ...choices,
    ...workshop.facilitators.filter((facilitator) => !choices.some((member) => member.id === facilitator.id)),
  ];
  const save = useMutation({
    mutationFn: (values: WorkshopOutput) =>
      mutate(UpdateWorkshop, (data) => data.updateWorkshop, {
        input: { id: workshop.id, ...inputOf(values) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workshopKeys.all });
      onDone(true);
    },
    onError: (error) => showFailure(form, error),
  });
  const named = { date: formatDate(calendarDate(workshop.heldOn)), place: workshop.place };
  return (
    <form
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      noValidate
      aria-label={t("workshops.editNamed", named)}
      className="workshop-form"
    >
      <FormAlert form={form} />
      <WorkshopFields form={form} choices={offered} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t("workshops.save")}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

type CardState = "shown" | "editing" | "confirmingDelete";

function WorkshopCard({
  workshop,
  choices,
  onDeleted,
}: {
  workshop: WorkshopItem;
  choices: readonly { id: string; displayName: string }[];
  onDeleted(words: { place: string; date: string }): void;
}) {
  const { t, enumLabel, formatDate, failureMessage } = useT();
  const queryClient = useQueryClient();
  const [state, setState] = useState<CardState>("shown");
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const named = { date: formatDate(calendarDate(workshop.heldOn)), place: workshop.place };
  const remove = useMutation({
    mutationFn: () => mutate(DeleteWorkshop, (data) => data.deleteWorkshop, { input: { id: workshop.id } }),
    onSuccess: async () => {
      onDeleted(named);
      await queryClient.invalidateQueries({ queryKey: workshopKeys.all });
    },
  });
  const names = workshop.facilitators.map((facilitator) => facilitator.displayName).join(", ");
  return (
    <li className="card">
      <h3 className="workshop-card__title">
        {t("workshops.card.title", {
          kind: enumLabel("WorkshopKind", workshop.kind),
          topic: enumLabel("WorkshopTopic", workshop.topic),
        })}
      </h3>
      {state === "editing" ? (
        <EditWorkshop
          workshop={workshop}
          choices={choices}
          onDone={(wasSaved) => {
            setSaved(wasSaved);
            setState("shown");
            // Back where the user was: the button that opened the form.
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <>
          <p className="small workshop-card__line">
            {named.date}
            {workshop.durationMinutes ? ` · ${t("visits.minutes", { count: workshop.durationMinutes })}` : ""}{" "}
            · {workshop.place}
          </p>
          <LateEntryMark lateEntry={workshop.lateEntry} enteredAt={workshop.enteredAt} />
          <p className="small workshop-card__line">
            {t("workshops.card.participants", {
              count: workshop.participants,
              audience: enumLabel("WorkshopAudience", workshop.audience),
            })}
          </p>
          <p className="small muted workshop-card__line">
            {t("workshops.card.requestedBy", { name: workshop.requestedBy })}
            {names ? ` · ${t("workshops.card.facilitators", { names })}` : ""}
          </p>
          {workshop.note ? <p className="small workshop-card__line">{workshop.note}</p> : null}
        </>
      )}
      {saved && state === "shown" ? (
        <p role="status" className="alert alert--ok">
          {t("workshops.saved")}
        </p>
      ) : null}
      {remove.error ? (
        <p role="alert" className="alert alert--error">
          {failureMessage(failureOf(remove.error))}
        </p>
      ) : null}
      {state === "confirmingDelete" ? (
        <ConfirmDialog
          label={t("workshops.delete")}
          question={t("workshops.deleteQuestion", named)}
          confirmLabel={t("workshops.delete")}
          pending={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => setState("shown")}
        />
      ) : null}
      {state === "shown" ? (
        <div className="row">
          <button
            ref={editButton}
            type="button"
            className="button button--quiet"
            onClick={() => {
              setSaved(false);
              setState("editing");
            }}
            aria-label={t("workshops.editNamed", named)}
          >
            {t("workshops.edit")}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setState("confirmingDelete")}
            aria-label={t("workshops.deleteNamed", named)}
          >
            {t("workshops.delete")}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** What was just deleted, said at the top of the list (the focus goes there). */
function DeletedNotice({ words }: { words: { place: string; date: string } }) {
  const { t } = useT();
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => notice.current?.focus(), []);
  return (
    <p ref={notice} tabIndex={-1} role="status" className="alert alert--ok">
      {t("workshops.deleted", words)}
    </p>
  );
}

/** A day of the programme's zone as YYYY-MM-DD. */
function zonedDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallTime(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The fiscal year's workshops (as the organisation's settings count it: 1 April – 31 March in
 * Québec, the calendar year in Wallonia), the latest first, with their totals.
 */
function WorkshopList({ choices }: { choices: readonly { id: string; displayName: string }[] }) {
  const { t } = useT();
  const settings = useViewer().programmeSettings;
  const yearLabel = useFiscalYearLabel();
  const [fiscalYear, setFiscalYear] = useState(() => currentFiscalYear(settings));
  const [deleted, setDeleted] = useState<{ place: string; date: string } | null>(null);
  const bounds = fiscalYearBounds(fiscalYear, settings);
  const from = zonedDate(bounds.from, settings.timeZone);
  // The last day of the year: a minute before the next one starts.
  const to = zonedDate(new Date(bounds.to.getTime() - 60_000), settings.timeZone);
  const workshops = useQuery({
    queryKey: workshopKeys.list(from, to),
    queryFn: async () => (await request(WorkshopsQuery, { from, to })).workshops,
  });
  const items = workshops.data?.edges.map((edge) => edge.node) ?? [];
  const participants = items.reduce((sum, item) => sum + item.participants, 0);
  return (
    <section aria-labelledby="workshops-held">
      <h2 id="workshops-held">{t("workshops.listTitle")}</h2>
      <div className="workshop-list__period">
        <SelectField
          label={t("workshops.period")}
          choices={[0, 1, 2].map((back) => {
            const year = currentFiscalYear(settings) - back;
            return { value: year, label: yearLabel(year, settings) };
          })}
          value={fiscalYear}
          onChange={(event) => {
            setFiscalYear(Number(event.target.value));
            setDeleted(null);
          }}
        />
      </div>
      {deleted ? <DeletedNotice key={`${deleted.place} ${deleted.date}`} words={deleted} /> : null}
      {workshops.isError ? (
        <QueryFailure error={workshops.error} onRetry={() => void workshops.refetch()} />
      ) : null}
      {workshops.data ? (
        <p className="muted">
          {workshops.data.totalCount === 0
            ? t("workshops.none")
            : t("workshops.summary", { sessions: workshops.data.totalCount, participants })}
        </p>
      ) : null}
      <ul className="card-list">
        {items.map((workshop) => (
          <WorkshopCard key={workshop.id} workshop={workshop} choices={choices} onDeleted={setDeleted} />
        ))}
      </ul>
    </section>
  );
}

export function WorkshopsPage() {
  const { t } = useT();
  const choices = useFacilitatorChoices();
  return (
    <section className="page">
      <h1>{t("workshops.title")}</h1>
      <p className="muted">{t("workshops.intro")}</p>
      {choices.isError ? <QueryFailure error={choices.error} onRetry={() => void choices.refetch()} /> : null}
      {choices.data ? (
        <>
          <RecordWorkshopForm choices={choices.data} />
          <WorkshopList choices={choices.data} />
        </>
      ) : null}
    </section>
  );
}
