import { proposeNurseVisitInput } from "@maillage/domain/inputs";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link, navigate, usePath } from "../../app/router.tsx";
import { ChoiceChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumChoiceChips } from "../../ui/EnumChipsField.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Loading } from "../../ui/Loaded.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { PersonPicker, requiredPerson } from "../encounters/PersonPicker.tsx";
import { PersonAliasQuery } from "../persons/persons.graphql.ts";
import {
  type JointSlot,
  JointVisitConsentsQuery,
  JointVisitSlotsQuery,
  ProposeNurseVisit,
  visitKeys,
} from "./nurse-visits.graphql.ts";
import "./visits.css";

/** How long a visit may be booked for, in minutes (the API takes any length within its limits). */
const durations = ["30", "60", "90"] as const;

/**
 * The API's proposal input (@maillage/domain/inputs) as the form holds it: the person picked
 * (sent as the list of ids), and the common free time chosen, by its key (it gives the nurse,
 * the start and the end). Every other rule is the API's.
 */
const bookingForm = z.object({
  person: requiredPerson,
  placeType: proposeNurseVisitInput.shape.placeType,
  durationMinutes: z.enum(durations),
  reason: proposeNurseVisitInput.shape.reason,
  meetingPlace: proposeNurseVisitInput.shape.meetingPlace,
  slot: z.string().min(1),
});
type BookingValues = z.input<typeof bookingForm>;
type BookingOutput = z.output<typeof bookingForm>;

const slotKey = (slot: JointSlot) => `${slot.nurse.id}|${slot.start}`;

/** The API names the nurse and the times; the form shows them as the one choice of a free time. */
function bookingFieldOf(path: string) {
  if (path === "nurseId" || path === "start" || path === "end") return "slot" as const;
  if (path.startsWith("personIds")) return "person" as const;
  if (path === "placeType" || path === "reason" || path === "meetingPlace") return path;
  return null;
}

/** `/visites/nouvelle` (`?personne=<id>` from a file): propose a joint visit at a common free time. */
export function BookVisitPage() {
  const { t } = useT();
  const { search } = usePath();
  const preselected = search.get("personne");
  const named = useQuery({
    queryKey: visitKeys.named(preselected ?? ""),
    enabled: preselected !== null,
    queryFn: async () => (await request(PersonAliasQuery, { id: preselected ?? "" })).person,
  });
  if (preselected !== null && named.isPending) {
    return (
      <section className="page">
        <h1>{t("app.loading")}</h1>
      </section>
    );
  }
  if (named.isError) return <QueryFailure error={named.error} onRetry={() => void named.refetch()} />;
  const initial: BookingValues = {
    person: named.data ?? null,
    placeType: "HOME",
    durationMinutes: "60",
    reason: "",
    meetingPlace: "",
    slot: "",
  };
  // Keyed by the person named in the address: the form starts from it, never copied in by an effect.
  return <BookingForm key={preselected ?? ""} initial={initial} />;
}

/** The free times of one day, by nurse (usually one): a compact wrap of time chips. */
interface SlotDay {
  key: string;
  label: string;
  slots: JointSlot[];
}

function slotDays(slots: JointSlot[], dayOf: (slot: JointSlot) => string): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const slot of slots) {
    const label = dayOf(slot);
    const day = days.get(label) ?? { key: label, label, slots: [] };
    day.slots.push(slot);
    days.set(label, day);
  }
  return [...days.values()];
}

function BookingForm({ initial }: { initial: BookingValues }) {
  const { t, formatDateTime, enumLabel } = useT();
  const ids = useId();
  const form = useDomainForm(bookingForm, { defaultValues: initial });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const person = useController({ control: form.control, name: "person" });
  const place = useController({ control: form.control, name: "placeType" });
  const duration = useController({ control: form.control, name: "durationMinutes" });
  const chosen = useController({ control: form.control, name: "slot" });
  const durationMinutes = duration.field.value;
  const picked = person.field.value;
  // Before any time is offered: the organisations whose nurses this person may be booked with.
  const consents = useQuery({
    queryKey: visitKeys.consents(picked?.id ?? ""),
    enabled: picked !== null,
    queryFn: async () =>
      (await request(JointVisitConsentsQuery, { personIds: [picked?.id ?? ""] })).jointVisitConsents,
  });
  const consented = new Set(
    (consents.data ?? []).filter((entry) => entry.consented).map((entry) => entry.organisation.id),
  );
  const slots = useQuery({
    queryKey: visitKeys.slots(durationMinutes),
    enabled: picked !== null && consented.size > 0,
    queryFn: async () => {
      const from = new Date().toISOString();
      const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
      return (await request(JointVisitSlotsQuery, { from, to, durationMinutes: Number(durationMinutes) }))
        .jointVisitSlots;
    },
  });
  const offered = (slots.data ?? []).filter((slot) => consented.has(slot.organisation.id));
  const propose = useMutation({
    mutationFn: ({ values, slot }: { values: BookingOutput; slot: JointSlot }) =>
      mutate(ProposeNurseVisit, (data) => data.proposeNurseVisit, {
        input: {
          nurseId: slot.nurse.id,
          personIds: [values.person.id],
          placeType: values.placeType,
          start: slot.start,
          end: slot.end,
          reason: values.reason || null,
          meetingPlace: values.meetingPlace || null,
        },
      }),
    onSuccess: ({ visit }) => navigate(`/visites/${encodeURIComponent(visit.id)}?propose=ok`),
    onError: (error) => {
      showFailure(form, error, bookingFieldOf);
      // Someone took that time meanwhile: show the times still free.
      if (failureOf(error).code === "DOUBLE_BOOKING") {
        form.setValue("slot", "");
        void slots.refetch();
      }
    },
  });
  const submit = form.handleSubmit((values) => {
    const slot = offered.find((candidate) => slotKey(candidate) === values.slot);
    if (!slot) {
      form.setError("slot", { type: "stale", message: "REQUIRED" }, { shouldFocus: true });
      return;
    }
    propose.mutate({ values, slot });
  });
  const time = (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" });
  const days = slotDays(offered, (slot) =>
    formatDateTime(slot.start, { dateStyle: "full", timeStyle: undefined }),
  );
  const chosenSlot = offered.find((slot) => slotKey(slot) === chosen.field.value) ?? null;
  // One day open at a time keeps the page short on a phone: the first, or the chosen time's.
  const [openDay, setOpenDay] = useState<string | null>(null);
  const shownDay = openDay ?? days[0]?.key ?? null;
  // Choosing a time confirms it in place: the summary and the button right under it, focused.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const chosenKey = chosenSlot ? slotKey(chosenSlot) : null;
  useEffect(() => {
    if (chosenKey) confirmRef.current?.focus();
  }, [chosenKey]);
  const clearChoice = () => chosen.field.onChange("");
  const missing = picked !== null && consents.isSuccess && consented.size === 0;
  const consentRefused = propose.isError && failureOf(propose.error).code === "CONSENT_REQUIRED";
  const consentLink = picked ? `/personnes/${encodeURIComponent(picked.id)}#consentement` : "";
  const summaryId = `${ids}-summary`;
  return (
    <section className="page">
      <h1>{t("visits.bookTitle")}</h1>
      <form onSubmit={submit} noValidate>
        <FormAlert form={form} />
        <FieldSet legend={t("visits.persons")}>
          <PersonPicker
            controller={{
              ...person,
              field: {
                ...person.field,
                onChange: (next) => {
                  person.field.onChange(next);
                  clearChoice();
                  setOpenDay(null);
                },
              },
            }}
          />
        </FieldSet>
        <EnumChoiceChips vocabulary="PlaceType" legend={t("visits.place")} controller={place} />
        <ChoiceChips
          legend={t("visits.duration")}
          options={durations}
          label={(value) => t("visits.minutes", { count: Number(value) })}
          value={durationMinutes}
          onChange={(value) => {
            duration.field.onChange(value);
            // The free times depend on the length: the chosen one may no longer be offered.
            clearChoice();
          }}
          chipRef={duration.field.ref}
          error={errors.durationMinutes}
        />
        <TextField
          label={t("visits.reason")}
          hint={t("visits.reasonHint")}
          optional
          {...field("reason")}
          column="NurseVisitReason.body"
          autoComplete="off"
        />
        <TextAreaField
          label={t("visits.meetingPlace")}
          hint={t("visits.meetingPlaceHint")}
          optional
          rows={2}
          {...field("meetingPlace")}
          column="NurseVisitMeetingPlace.body"
        />
        {picked && consents.isPending ? <Loading /> : null}
        {consents.isError ? (
          <QueryFailure error={consents.error} onRetry={() => void consents.refetch()} />
        ) : null}
        {missing ? (
          <div className="alert alert--warn booking-consent" role="status">
            <p>{t("visits.consentFirst", { alias: picked.alias })}</p>
            <Link className="button" to={consentLink}>
              {t("visits.recordConsent")}
            </Link>
          </div>
        ) : null}
        {picked && consented.size > 0 ? (
          <FieldSet legend={t("visits.slotsTitle")} error={errors.slot}>
            {slots.isPending ? <Loading /> : null}
            {slots.isError ? <QueryFailure error={slots.error} onRetry={() => void slots.refetch()} /> : null}
            {slots.isSuccess && offered.length === 0 ? <p className="muted">{t("visits.noSlots")}</p> : null}
            <ul className="slot-days">
              {days.map((day, dayIndex) => {
                const open = day.key === shownDay;
                const panelId = `${ids}-day-${dayIndex}`;
                return (
                  <li key={day.key} className="slot-day">
                    <h3 className="slot-day__heading">
                      <button
                        type="button"
                        className="slot-day__toggle"
                        aria-expanded={open}
                        aria-controls={panelId}
                        onClick={() => setOpenDay(open ? "" : day.key)}
                      >
                        <span className="slots__day">{day.label}</span>
                        <span className="slot-day__count">
                          {t("visits.slotCount", { count: day.slots.length })}
                        </span>
                      </button>
                    </h3>
                    {open ? (
                      <div id={panelId}>
                        <ul className="slot-chips">
                          {day.slots.map((slot, index) => {
                            const key = slotKey(slot);
                            return (
                              <li key={key}>
                                <button
                                  // The day's first time takes the focus when none was chosen.
                                  ref={dayIndex === 0 && index === 0 ? chosen.field.ref : undefined}
                                  type="button"
                                  className="chip slot-chip"
                                  aria-pressed={chosen.field.value === key}
                                  aria-label={t("visits.slotName", {
                                    time: `${time(slot.start)} – ${time(slot.end)}`,
                                    nurse: slot.nurse.displayName,
                                    organisation: slot.organisation.name,
                                  })}
                                  onClick={() => chosen.field.onChange(chosen.field.value === key ? "" : key)}
                                >
                                  {time(slot.start)}
                                  {nursesOf(day).length > 1 ? (
                                    <span className="slot-chip__nurse">{slot.nurse.displayName}</span>
                                  ) : null}
                                </button>
                              </li>
                            );
                          })}
                        </ul>
                        {nursesOf(day).length === 1 ? (
                          <p className="small muted slot-day__nurse">
                            {t("visits.withNurse", {
                              nurse: day.slots[0]?.nurse.displayName ?? "",
                              organisation: day.slots[0]?.organisation.name ?? "",
                            })}
                          </p>
                        ) : null}
                        {chosenSlot && day.slots.includes(chosenSlot) ? (
                          <div className="card booking-confirm">
                            <p id={summaryId} aria-live="polite">
                              {t("visits.chosenSummary", {
                                when: `${formatDateTime(chosenSlot.start, { dateStyle: "full", timeStyle: "short" })} – ${time(chosenSlot.end)}`,
                                nurse: chosenSlot.nurse.displayName,
                                place: enumLabel("PlaceType", place.field.value),
                                alias: picked.alias,
                              })}
                            </p>
                            {consentRefused ? (
                              <p className="alert alert--warn" role="alert">
                                {t("visits.consentNeeded")}{" "}
                                <Link to={consentLink}>{t("visits.openConsent")}</Link>
                              </p>
                            ) : null}
                            <div className="row">
                              <button
                                ref={confirmRef}
                                type="submit"
                                className="button button--primary"
                                aria-describedby={summaryId}
                                disabled={propose.isPending}
                              >
                                {propose.isPending ? t("visits.proposing") : t("visits.confirm")}
                              </button>
                              <button type="button" className="button button--quiet" onClick={clearChoice}>
                                {t("visits.otherSlot")}
                              </button>
                            </div>
                          </div>
                        ) : null}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </FieldSet>
        ) : null}
      </form>
    </section>
  );
}

function nursesOf(day: SlotDay): string[] {
  return [...new Set(day.slots.map((slot) => slot.nurse.id))];
}
