import { columnLengths, proposeNurseVisitInput } from "@maillage/domain/inputs";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useController } from "react-hook-form";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import { Link, navigate, usePath } from "../../app/router.tsx";
import { ChoiceChips } from "../../ui/ChipsField.tsx";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field, FieldSet } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { PersonPicker, requiredPerson } from "../encounters/PersonPicker.tsx";
import {
  type JointSlot,
  JointVisitSlotsQuery,
  ProposeNurseVisit,
  VisitPersonAliasQuery,
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
  slot: z.string().min(1),
});
type BookingValues = z.input<typeof bookingForm>;
type BookingOutput = z.output<typeof bookingForm>;

const slotKey = (slot: JointSlot) => `${slot.nurse.id}|${slot.start}`;

/** The API names the nurse and the times; the form shows them as the one choice of a free time. */
function bookingFieldOf(path: string) {
  if (path === "nurseId" || path === "start" || path === "end") return "slot" as const;
  if (path.startsWith("personIds")) return "person" as const;
  if (path === "placeType" || path === "reason") return path;
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
    queryFn: async () => (await request(VisitPersonAliasQuery, { id: preselected ?? "" })).person,
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
    slot: "",
  };
  // Keyed by the person named in the address: the form starts from it, never copied in by an effect.
  return <BookingForm key={preselected ?? ""} initial={initial} />;
}

function BookingForm({ initial }: { initial: BookingValues }) {
  const { t, enumLabel, formatDateTime } = useT();
  const form = useDomainForm(bookingForm, { defaultValues: initial });
  const { errors } = form.formState;
  const person = useController({ control: form.control, name: "person" });
  const place = useController({ control: form.control, name: "placeType" });
  const duration = useController({ control: form.control, name: "durationMinutes" });
  const chosen = useController({ control: form.control, name: "slot" });
  const durationMinutes = duration.field.value;
  const slots = useQuery({
    queryKey: visitKeys.slots(durationMinutes),
    enabled: person.field.value !== null,
    queryFn: async () => {
      const from = new Date().toISOString();
      const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
      return (await request(JointVisitSlotsQuery, { from, to, durationMinutes: Number(durationMinutes) }))
        .jointVisitSlots;
    },
  });
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
    const slot = slots.data?.find((candidate) => slotKey(candidate) === values.slot);
    if (!slot) {
      form.setError("slot", { type: "stale", message: "REQUIRED" }, { shouldFocus: true });
      return;
    }
    propose.mutate({ values, slot });
  });
  const byDay = new Map<string, JointSlot[]>();
  for (const slot of slots.data ?? []) {
    const day = formatDateTime(slot.start, { dateStyle: "full", timeStyle: undefined });
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const time = (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" });
  const picked = person.field.value;
  const consentMissing = propose.isError && failureOf(propose.error).code === "CONSENT_REQUIRED";
  return (
    <section className="page">
      <h1>{t("visits.bookTitle")}</h1>
      <form onSubmit={submit} noValidate>
        <FormAlert form={form} />
        {consentMissing && picked ? (
          <p className="alert alert--warn">
            {t("visits.consentNeeded")}{" "}
            <Link to={`/personnes/${encodeURIComponent(picked.id)}#consentement`}>
              {t("visits.openConsent")}
            </Link>
          </p>
        ) : null}
        <FieldSet legend={t("visits.persons")}>
          <PersonPicker
            value={picked}
            onChange={(next) => {
              person.field.onChange(next);
              chosen.field.onChange("");
            }}
            error={errors.person}
            inputRef={person.field.ref}
          />
        </FieldSet>
        <ChoiceChips
          legend={t("visits.place")}
          options={enumOptions("PlaceType")}
          label={(value) => enumLabel("PlaceType", value)}
          value={place.field.value}
          onChange={place.field.onChange}
          chipRef={place.field.ref}
          error={errors.placeType}
        />
        <ChoiceChips
          legend={t("visits.duration")}
          options={durations}
          label={(value) => t("visits.minutes", { count: Number(value) })}
          value={durationMinutes}
          onChange={(value) => {
            duration.field.onChange(value);
            // The free times depend on the length: the chosen one may no longer be offered.
            chosen.field.onChange("");
          }}
          chipRef={duration.field.ref}
          error={errors.durationMinutes}
        />
        <Field label={t("visits.reason")} hint={t("visits.reasonHint")} error={errors.reason} optional>
          {(control) => (
            <input
              {...control}
              {...form.register("reason")}
              maxLength={columnLengths["NurseVisitReason.body"]}
              autoComplete="off"
            />
          )}
        </Field>
        {picked ? (
          <FieldSet legend={t("visits.slotsTitle")} error={errors.slot}>
            {slots.isPending ? (
              <p role="status" className="muted">
                {t("app.loading")}
              </p>
            ) : null}
            {slots.isError ? <QueryFailure error={slots.error} onRetry={() => void slots.refetch()} /> : null}
            {slots.data && slots.data.length === 0 ? <p className="muted">{t("visits.noSlots")}</p> : null}
            {[...byDay.entries()].map(([day, daySlots], dayIndex) => (
              <div key={day}>
                <h3 className="slots__day">{day}</h3>
                <ul className="slots">
                  {daySlots.map((slot, index) => (
                    <li key={slotKey(slot)}>
                      <button
                        // The first free time takes the focus when none was chosen.
                        ref={dayIndex === 0 && index === 0 ? chosen.field.ref : undefined}
                        type="button"
                        className="button"
                        aria-pressed={chosen.field.value === slotKey(slot)}
                        onClick={() => chosen.field.onChange(slotKey(slot))}
                      >
                        {t("visits.slot", {
                          time: `${time(slot.start)} – ${time(slot.end)}`,
                          nurse: slot.nurse.displayName,
                          organisation: slot.organisation.name,
                        })}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </FieldSet>
        ) : null}
        {picked && slots.data && slots.data.length > 0 ? (
          <button type="submit" className="button button--primary button--block" disabled={propose.isPending}>
            {t("visits.confirm")}
          </button>
        ) : null}
      </form>
    </section>
  );
}
