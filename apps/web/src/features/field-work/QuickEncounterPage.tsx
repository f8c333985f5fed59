import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { navigate, usePath } from "../../app/router.tsx";
import { ChipGroup } from "../../ui/Chips.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { useFormFailure } from "../../ui/form-failure.tsx";
import {
  defaultsQuery,
  encounterForEditQuery,
  fieldWorkKeys,
  personAliasQuery,
  recordEncounterMutation,
  updateEncounterMutation,
} from "./field-work.graphql.ts";
import { PersonPicker, type PickedPerson } from "./PersonPicker.tsx";
import "./field-work.css";

const channels = ["IN_PERSON", "PHONE", "SMS", "ONLINE_PLATFORM", "VIDEO"] as const;
const places = [
  "WORKPLACE",
  "OFFICE",
  "HOME",
  "PUBLIC_PLACE",
  "BAR",
  "NIGHT_CENTRE",
  "ONLINE",
  "OTHER",
] as const;
const themes = [
  "SOCIAL_RELATIONS",
  "SEXUALITY",
  "SUBSTANCE_USE",
  "FINANCES",
  "MENTAL_HEALTH",
  "HOUSING",
  "JUSTICE",
  "PHYSICAL_HEALTH",
  "VIOLENCE",
  "EMPLOYMENT",
  "FOOD",
] as const;
const materials = [
  "CONDOMS",
  "LUBRICANT",
  "SYRINGES",
  "CRACK_KITS",
  "NALOXONE_KITS",
  "FOOD",
  "HYGIENE_KITS",
  "PREGNANCY_TESTS",
] as const;
const genders = ["WOMAN", "TRANS_WOMAN", "MAN", "NON_BINARY", "UNDISCLOSED"] as const;
const ages = ["UNDER_18", "AGE_18_25", "AGE_26_35", "AGE_36_PLUS", "UNKNOWN"] as const;

type MutationResult = { __typename: string } & Partial<AppErrorResult>;

interface EditedEncounter {
  id: string;
  occurredAt: string;
  channel: string;
  placeType: string;
  venueId: string | null;
  themes: string[];
  headCount: number;
  anonymousGender: string | null;
  anonymousAgeBracket: string | null;
  note: string | null;
  materials: { item: string; quantity: number }[];
  person: PickedPerson | null;
}

/** A date as the value of an <input type="datetime-local"> (the device's clock). */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

type Defaults = {
  encounterDefaults: { channel: string; placeType: string; venue: { id: string } | null };
  venues: { edges: { node: { id: string; name: string } }[] };
};

/** Quick entry on a phone: anonymous by default, defaults from the last entry, one submit. */
export function QuickEncounterPage() {
  const { t, language } = useT();
  const { search } = usePath();
  const ids = { venue: useId(), when: useId(), note: useId() };
  const form = useFormFailure();
  const label = (value: string) => enumLabel(language, value);
  const defaults = useQuery({
    queryKey: fieldWorkKeys.defaults,
    queryFn: () => graphql<Defaults>(defaultsQuery),
  });
  const [anonymous, setAnonymous] = useState(true);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [gender, setGender] = useState<string>("WOMAN");
  const [age, setAge] = useState<string>("UNKNOWN");
  const [headCount, setHeadCount] = useState(1);
  const [channel, setChannel] = useState<string>("IN_PERSON");
  const [place, setPlace] = useState<string>("WORKPLACE");
  const [venueId, setVenueId] = useState("");
  const [chosenThemes, setThemes] = useState<string[]>([]);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState("");
  const [earlier, setEarlier] = useState(false);
  const [when, setWhen] = useState("");
  const [saved, setSaved] = useState(false);
  // The person named in the link (?personne=) is preselected.
  const preselected = search.get("personne");
  // Editing one (?modifier=<encounter id>): the same screen, prefilled.
  const editing = search.get("modifier");
  const existing = useQuery({
    queryKey: ["field-work", "edit", editing],
    enabled: Boolean(editing),
    queryFn: async () =>
      (await graphql<{ node: EditedEncounter | null }>(encounterForEditQuery, { id: editing })).node,
  });
  useEffect(() => {
    const e = existing.data;
    if (!e) return;
    setAnonymous(!e.person);
    setPerson(e.person);
    if (e.anonymousGender) setGender(e.anonymousGender);
    if (e.anonymousAgeBracket) setAge(e.anonymousAgeBracket);
    setHeadCount(e.headCount);
    setChannel(e.channel);
    setPlace(e.placeType);
    setVenueId(e.venueId ?? "");
    setThemes(e.themes);
    setQuantities(Object.fromEntries(e.materials.map((m) => [m.item, m.quantity])));
    setNote(e.note ?? "");
    setNoteOpen(Boolean(e.note));
    setEarlier(true);
    setWhen(toLocalInput(new Date(e.occurredAt)));
  }, [existing.data]);
  const named = useQuery({
    queryKey: ["field-work", "named", preselected],
    enabled: Boolean(preselected),
    queryFn: async () =>
      (await graphql<{ person: PickedPerson | null }>(personAliasQuery, { id: preselected })).person,
  });
  useEffect(() => {
    if (named.data) {
      setAnonymous(false);
      setPerson(named.data);
    }
  }, [named.data]);
  useEffect(() => {
    const d = defaults.data?.encounterDefaults;
    if (d && !editing) {
      setChannel(d.channel);
      setPlace(d.placeType);
      setVenueId(d.venue?.id ?? "");
    }
  }, [defaults.data, editing]);
  const record = useMutation({
    mutationFn: () =>
      graphql<{ recordEncounter?: MutationResult; updateEncounter?: MutationResult }>(
        editing ? updateEncounterMutation : recordEncounterMutation,
        {
          input: {
            ...(editing ? { id: editing } : {}),
            ...(anonymous
              ? { anonymous: { gender, ageBracket: age, headCount } }
              : { personId: person?.id ?? null }),
            channel,
            placeType: place,
            venueId: venueId || null,
            themes: chosenThemes,
            materials: Object.entries(quantities)
              .filter(([, q]) => q > 0)
              .map(([item, quantity]) => ({ item, quantity })),
            note: note || null,
            occurredAt: earlier && when ? new Date(when).toISOString() : null,
          },
        },
      ),
    onSuccess: (data) => {
      const result = (data.recordEncounter ?? data.updateEncounter) as MutationResult;
      if (result.__typename !== "RecordEncounterSuccess" && result.__typename !== "UpdateEncounterSuccess") {
        form.fromResult(result as AppErrorResult);
        return;
      }
      if (editing) {
        navigate(person ? `/personnes/${encodeURIComponent(person.id)}` : "/");
        return;
      }
      form.setFailure(null);
      setSaved(true);
      // Ready for the next one: keep the channel, place and venue.
      setPerson(null);
      setThemes([]);
      setQuantities({});
      setNote("");
      setNoteOpen(false);
      setHeadCount(1);
      setEarlier(false);
    },
    onError: form.fromError,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!anonymous && !person) {
      form.setFailure({ code: "INPUT_VALIDATION", summary: t("encounter.personRequired"), fields: {} });
      return;
    }
    record.mutate();
  }
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const step = (item: string, delta: number) =>
    setQuantities((current) => ({
      ...current,
      [item]: Math.max(0, Math.min(10_000, (current[item] ?? 0) + delta)),
    }));
  return (
    <section className="page quick-entry">
      <h1>{t(editing ? "encounter.editTitle" : "encounter.title")}</h1>
      {saved ? (
        <p role="status" className="alert alert--ok">
          {t("encounter.saved")}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        {form.summary()}
        <fieldset>
          <legend>{t("encounter.who")}</legend>
          <div className="segmented segmented--wide">
            <button type="button" aria-pressed={anonymous} onClick={() => setAnonymous(true)}>
              {t("encounter.anonymous")}
            </button>
            <button type="button" aria-pressed={!anonymous} onClick={() => setAnonymous(false)}>
              {t("encounter.person")}
            </button>
          </div>
        </fieldset>
        {anonymous ? (
          <>
            <ChipGroup
              legend={t("encounter.gender")}
              options={genders}
              selected={[gender]}
              onToggle={setGender}
              label={label}
            />
            <ChipGroup
              legend={t("encounter.age")}
              options={ages}
              selected={[age]}
              onToggle={setAge}
              label={label}
            />
            <fieldset className="field">
              <legend>{t("encounter.headCount")}</legend>
              <div className="stepper">
                <button
                  type="button"
                  className="button"
                  aria-label="−1"
                  onClick={() => setHeadCount((n) => Math.max(1, n - 1))}
                >
                  −
                </button>
                <output aria-live="polite">{headCount}</output>
                <button
                  type="button"
                  className="button"
                  aria-label="+1"
                  onClick={() => setHeadCount((n) => Math.min(50, n + 1))}
                >
                  +
                </button>
              </div>
              {form.fieldError("anonymous.headCount")}
            </fieldset>
          </>
        ) : (
          <PersonPicker value={person} onChange={setPerson} error={form.fieldError("personId")} />
        )}
        <ChipGroup
          legend={t("encounter.channel")}
          options={channels}
          selected={[channel]}
          onToggle={setChannel}
          label={label}
        />
        <ChipGroup
          legend={t("encounter.place")}
          options={places}
          selected={[place]}
          onToggle={setPlace}
          label={label}
        />
        <div className="field">
          <label htmlFor={ids.venue}>{t("encounter.venue")}</label>
          <select
            id={ids.venue}
            value={venueId}
            onChange={(e) => setVenueId(e.target.value)}
            {...form.fieldProps("venueId")}
          >
            <option value="">{t("encounter.noVenue")}</option>
            {defaults.data?.venues.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
          {form.fieldError("venueId")}
        </div>
        <ChipGroup
          legend={t("encounter.themes")}
          options={themes}
          selected={chosenThemes}
          onToggle={(v) => setThemes((c) => toggle(c, v))}
          label={label}
        />
        <fieldset>
          <legend>{t("encounter.materials")}</legend>
          <ul className="steppers">
            {materials.map((item, index) => (
              <li key={item} className="stepper">
                <span className="stepper__label">{label(item)}</span>
                <button
                  type="button"
                  className="button"
                  aria-label={t("encounter.remove", { item: label(item) })}
                  onClick={() => step(item, -1)}
                >
                  −
                </button>
                <output
                  aria-live="polite"
                  aria-label={t("encounter.quantity", { item: label(item), count: quantities[item] ?? 0 })}
                >
                  {quantities[item] ?? 0}
                </output>
                <button
                  type="button"
                  className="button"
                  aria-label={t("encounter.add", { item: label(item) })}
                  onClick={() => step(item, 1)}
                >
                  +
                </button>
                {form.fieldError(`materials.${index}.quantity`)}
              </li>
            ))}
          </ul>
        </fieldset>
        {noteOpen ? (
          <div className="field">
            <label htmlFor={ids.note}>{t("encounter.note")}</label>
            <textarea
              id={ids.note}
              value={note}
              maxLength={4000}
              onChange={(e) => setNote(e.target.value)}
              {...form.fieldProps("note")}
            />
            {form.fieldError("note")}
          </div>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setNoteOpen(true)}>
            {t("encounter.addNote")}
          </button>
        )}
        <label className="row" style={{ minHeight: 44 }}>
          <input
            type="checkbox"
            style={{ width: 24, minHeight: 24 }}
            checked={earlier}
            onChange={(e) => setEarlier(e.target.checked)}
          />
          {t("encounter.earlier")}
        </label>
        {earlier ? (
          <div className="field">
            <label htmlFor={ids.when}>{t("encounter.when")}</label>
            <input
              id={ids.when}
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              {...form.fieldProps("occurredAt")}
            />
            {form.fieldError("occurredAt")}
          </div>
        ) : null}
        <button
          type="submit"
          className="button button--primary button--block quick-entry__submit"
          disabled={record.isPending}
        >
          {record.isPending ? t("encounter.saving") : t("encounter.submit")}
        </button>
      </form>
    </section>
  );
}
