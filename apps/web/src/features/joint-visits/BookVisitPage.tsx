import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link, navigate, usePath } from "../../app/router.tsx";
import { ChipGroup } from "../../ui/Chips.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { personAliasQuery } from "../field-work/field-work.graphql.ts";
import { PersonPicker, type PickedPerson } from "../field-work/PersonPicker.tsx";
import { proposeMutation, slotsQuery, visitKeys } from "./visits.graphql.ts";
import "./visits.css";

const places = ["HOME", "WORKPLACE", "OFFICE", "PUBLIC_PLACE", "OTHER"] as const;
const durations = ["30", "60", "90"] as const;

interface Slot {
  nurse: { id: string; displayName: string };
  organisation: { id: string; name: string };
  start: string;
  end: string;
}

export function BookVisitPage() {
  const { t, language, formatDateTime } = useT();
  const { search } = usePath();
  const reasonId = useId();
  const form = useFormFailure();
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [place, setPlace] = useState<string>("HOME");
  const [duration, setDuration] = useState<string>("60");
  const [reason, setReason] = useState("");
  const [chosen, setChosen] = useState<Slot | null>(null);
  const preselected = search.get("personne");
  const named = useQuery({
    queryKey: ["visits", "named", preselected],
    enabled: Boolean(preselected),
    queryFn: async () =>
      (await graphql<{ person: PickedPerson | null }>(personAliasQuery, { id: preselected })).person,
  });
  useEffect(() => {
    if (named.data) setPerson(named.data);
  }, [named.data]);
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const slots = useQuery({
    queryKey: visitKeys.slots(`${duration}`),
    enabled: person !== null,
    queryFn: async () =>
      (await graphql<{ jointVisitSlots: Slot[] }>(slotsQuery, { from, to, duration: Number(duration) }))
        .jointVisitSlots,
  });
  const propose = useMutation({
    mutationFn: (slot: Slot) =>
      graphql<{
        proposeNurseVisit: { __typename: string; visit?: { id: string } } & Partial<AppErrorResult>;
      }>(proposeMutation, {
        input: {
          nurseId: slot.nurse.id,
          personIds: [person?.id],
          placeType: place,
          start: slot.start,
          end: slot.end,
          reason: reason || null,
        },
      }),
    onSuccess: ({ proposeNurseVisit }) => {
      if (proposeNurseVisit.visit) {
        navigate(`/visites/${encodeURIComponent(proposeNurseVisit.visit.id)}?propose=ok`);
        return;
      }
      form.fromResult(proposeNurseVisit as AppErrorResult);
      if (proposeNurseVisit.code === "DOUBLE_BOOKING") void slots.refetch();
    },
    onError: form.fromError,
  });
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots.data ?? []) {
    const day = formatDateTime(slot.start, { dateStyle: "full", timeStyle: undefined });
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const time = (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" });
  return (
    <section className="page">
      <h1>{t("visits.bookTitle")}</h1>
      {form.summary()}
      {form.failure?.code === "CONSENT_REQUIRED" && person ? (
        <p className="alert alert--warn">
          {t("visits.consentNeeded")}{" "}
          <Link to={`/personnes/${encodeURIComponent(person.id)}#consentement`}>
            {t("visits.openConsent")}
          </Link>
        </p>
      ) : null}
      <fieldset>
        <legend>{t("visits.persons")}</legend>
        <PersonPicker value={person} onChange={setPerson} error={form.fieldError("personIds.0")} />
      </fieldset>
      <ChipGroup
        legend={t("visits.place")}
        options={places}
        selected={[place]}
        onToggle={setPlace}
        label={(v) => enumLabel(language, v)}
      />
      <ChipGroup
        legend={t("visits.duration")}
        options={durations}
        selected={[duration]}
        onToggle={setDuration}
        label={(v) => t("visits.minutes", { count: v })}
      />
      <div className="field">
        <label htmlFor={reasonId}>{t("visits.reason")}</label>
        <input id={reasonId} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
      {person ? (
        <section aria-labelledby="slots-title">
          <h2 id="slots-title">{t("visits.slotsTitle")}</h2>
          {slots.data && slots.data.length === 0 ? <p className="muted">{t("visits.noSlots")}</p> : null}
          {[...byDay.entries()].map(([day, daySlots]) => (
            <div key={day}>
              <h3 style={{ textTransform: "capitalize" }}>{day}</h3>
              <ul className="slots">
                {daySlots.map((slot) => (
                  <li key={`${slot.nurse.id}-${slot.start}`}>
                    <button
                      type="button"
                      className="button"
                      aria-pressed={chosen === slot}
                      onClick={() => setChosen(slot)}
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
          {chosen ? (
            <button
              type="button"
              className="button button--primary button--block"
              disabled={propose.isPending}
              onClick={() => propose.mutate(chosen)}
            >
              {t("visits.confirm")}
            </button>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
