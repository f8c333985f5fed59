import { encounterLimits } from "@maillage/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useController } from "react-hook-form";
import { MutationFailure, mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { navigate } from "../../app/router.tsx";
import { resubmitEntry, submitEntry } from "../../offline/field-queue.ts";
import { ChoiceChips, ToggleChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumChoiceChips, EnumToggleChips } from "../../ui/EnumChipsField.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { QuantityField } from "../../ui/QuantityField.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { useViewer } from "../auth/session.ts";
import { queuePath } from "../offline-queue/offline-queue.routes.ts";
import { personKeys } from "../persons/persons.graphql.ts";
import { HappenedAtField } from "../record-dates/HappenedAtField.tsx";
import { happenedAtFormProblem } from "../record-dates/happened-at.ts";
import { venueKeys } from "../venues/venues.graphql.ts";
import { type CatalogueChoices, choiceLabel } from "./catalogue-choices.ts";
import {
  chosenMoment,
  type EncounterFormOutput,
  type EncounterFormValues,
  encounterFieldOf,
  encounterForm,
  encounterInput,
  nextEncounterValues,
  platformChannels,
  repeatedEncounterValues,
} from "./encounter-form.ts";
import { UpdateEncounter } from "./encounters.graphql.ts";
import { useLastEncounter } from "./last-encounter.ts";
import { PersonPicker } from "./PersonPicker.tsx";

/** What became of the last save, said at the button: sent, or kept on the phone until signal. */
type Saved = "sent" | "queued" | null;

/**
 * The quick entry itself: every choice is a tap (chips, quick quantities), the note and time on
 * demand, "same as last time" for a known person. A new entry goes through the phone's queue
 * (offline/field-queue.ts): sent at once when there is signal, kept encrypted and sent later
 * when there is none. The outcome is said at the button, where the thumb is, and focused.
 */
export function EncounterForm({
  editing,
  resuming = null,
  initial,
  venues,
  catalogue,
}: {
  /** The encounter being edited, or null for a new one. */
  editing: string | null;
  /** A refused entry of the phone's queue being fixed (its id), or null. */
  resuming?: string | null;
  initial: EncounterFormValues;
  venues: { id: string; name: string }[];
  /** The organisation's items, services and platforms to choose from. */
  catalogue: CatalogueChoices;
}) {
  const { t, language, timeZone } = useT();
  const startedOn = useViewer().recordDates?.startedOn ?? null;
  const queryClient = useQueryClient();
  const form = useDomainForm(encounterForm, { defaultValues: initial });
  const field = fieldBinder(form);
  const { errors, isDirty } = form.formState;
  const { control } = form;
  const contact = useController({ control, name: "contact" });
  const person = useController({ control, name: "person" });
  const gender = useController({ control, name: "anonymous.gender" });
  const age = useController({ control, name: "anonymous.ageBracket" });
  const headCount = useController({ control, name: "anonymous.headCount" });
  const channel = useController({ control, name: "channel" });
  const place = useController({ control, name: "placeType" });
  const themes = useController({ control, name: "themes" });
  const outcomes = useController({ control, name: "outcomes" });
  const materials = useController({ control, name: "materials" });
  const services = useController({ control, name: "services" });
  const platform = useController({ control, name: "platform" });
  const occurredOn = useController({ control, name: "occurredOn" });
  const [earlier, occurredTime] = form.watch(["earlier", "occurredTime"]);
  // Whether the note box is shown: a state of the screen (one tap opens it), not a form value.
  const [noteOpen, setNoteOpen] = useState(Boolean(initial.note));
  const [saved, setSaved] = useState<Saved>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  // The outcome of a save takes the focus once it is drawn (a screen reader says it at once).
  const outcomeShown = saved !== null && !isDirty;
  useEffect(() => {
    if (outcomeShown) outcome.current?.focus();
  }, [outcomeShown]);
  const last = useLastEncounter(contact.field.value === "PERSON" ? (person.field.value?.id ?? null) : null);
  const save = useMutation({
    // Kept on the phone when there is no network: never held back waiting for one.
    networkMode: "always",
    mutationFn: async (values: EncounterFormOutput): Promise<Saved> => {
      if (editing) {
        const input = encounterInput(values, timeZone);
        await mutate(UpdateEncounter, (data) => data.updateEncounter, { input: { ...input, id: editing } });
        return "sent";
      }
      const input = encounterInput(values, timeZone, new Date());
      const summary = values.person ? values.person.alias : t("encounter.anonymous");
      const submitted = resuming
        ? await resubmitEntry(resuming, { input }, summary)
        : await submitEntry("recordEncounter", { input }, summary);
      if (submitted.state === "refused") throw new MutationFailure(submitted.failure);
      return submitted.state;
    },
    onSuccess: (state, values) => {
      // A person's timeline and a venue's last visit now read differently.
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
      if (editing) {
        const back = values.contact === "PERSON" ? values.person : null;
        navigate(back ? `/personnes/${encodeURIComponent(back.id)}` : "/");
        return;
      }
      if (resuming) {
        navigate(queuePath);
        return;
      }
      // Ready for the next one, on the same spot: the same channel, place and venue; the
      // outcome is said beside the button, and focused for a screen reader.
      form.reset(nextEncounterValues(form.getValues()));
      setNoteOpen(false);
      setSaved(state);
    },
    onError: (error) => {
      setSaved(null);
      showFailure(form, error, encounterFieldOf);
    },
  });
  const quantities = materials.field.value;
  const setQuantity = (item: string, quantity: number) =>
    materials.field.onChange({ ...quantities, [item]: quantity });
  // The catalogue's items, and any item of the edited encounter retired since (kept on it).
  const items = [
    ...catalogue.materials,
    ...Object.keys(initial.materials ?? {})
      .filter((code) => !catalogue.materials.some((choice) => choice.code === code))
      .map((code) => ({ code, labelFr: code, labelEn: code })),
  ];
  const labelOf = (list: CatalogueChoices[keyof CatalogueChoices]) => (code: string) => {
    const choice = list.find((c) => c.code === code);
    return choice ? choiceLabel(choice, language) : code;
  };
  const serviceCodes = [
    ...catalogue.services.map((choice) => choice.code),
    ...(initial.services ?? []).filter((code) => !catalogue.services.some((choice) => choice.code === code)),
  ];
  const platformCodes = catalogue.platforms.map((choice) => choice.code);
  const namesPlatform = platformChannels.has(channel.field.value) && platformCodes.length > 0;
  const anonymous = contact.field.value === "ANONYMOUS";
  const repeatable = person.field.value ? (last.data ?? null) : null;
  return (
    <form
      onSubmit={form.handleSubmit(
        (values) => {
          // The API's date rule, checked here too: an entry kept on the phone would be refused later.
          const problem = happenedAtFormProblem(chosenMoment(values, timeZone) ?? new Date(), {
            startedOn,
            timeZone,
            now: new Date(),
          });
          if (problem) {
            form.setError("occurredOn", { type: "rule", message: problem }, { shouldFocus: true });
            requestAnimationFrame(() =>
              document.querySelector("[aria-invalid='true']")?.scrollIntoView({ block: "center" }),
            );
            return;
          }
          save.mutate(values);
        },
        // A refused field may be far above the thumb: bring it into view (focus alone may not).
        () =>
          requestAnimationFrame(() =>
            document.querySelector("[aria-invalid='true']")?.scrollIntoView({ block: "center" }),
          ),
      )}
      noValidate
    >
      <fieldset>
        <legend>{t("encounter.who")}</legend>
        <div className="segmented segmented--wide">
          <button
            ref={contact.field.ref}
            type="button"
            aria-pressed={anonymous}
            onClick={() => contact.field.onChange("ANONYMOUS")}
          >
            {t("encounter.anonymous")}
          </button>
          <button
            type="button"
            aria-pressed={!anonymous}
            onClick={() => {
              // The search box is drawn now and focused before the next keystroke: the alias is typed
              // without another tap, and no letter typed quickly lands elsewhere.
              flushSync(() => contact.field.onChange("PERSON"));
              form.setFocus("person");
            }}
          >
            {t("encounter.person")}
          </button>
        </div>
      </fieldset>
      {anonymous ? (
        <>
          <EnumChoiceChips vocabulary="Gender" legend={t("encounter.gender")} controller={gender} />
          <EnumChoiceChips vocabulary="AgeBracket" legend={t("encounter.age")} controller={age} />
          {/* A group is typed (120 at a street festival) or nudged, kept within the limits. */}
          <QuantityField
            label={t("encounter.headCount")}
            value={headCount.field.value ?? 1}
            min={1}
            max={encounterLimits.maxHeadCount}
            onChange={headCount.field.onChange}
            decreaseLabel={t("encounter.headCountLess")}
            increaseLabel={t("encounter.headCountMore")}
            quickLabel={(count) => t("encounter.headCountQuick", { count })}
            inputRef={headCount.field.ref}
          />
        </>
      ) : (
        <>
          <PersonPicker controller={person} />
          {repeatable ? (
            <button
              type="button"
              className="button button--block"
              onClick={() =>
                form.reset(repeatedEncounterValues(form.getValues(), repeatable), { keepDefaultValues: true })
              }
            >
              {t("encounter.sameAsLastTime")}
            </button>
          ) : null}
        </>
      )}
      <EnumChoiceChips vocabulary="Channel" legend={t("encounter.channel")} controller={channel} />
      {namesPlatform ? (
        <ChoiceChips
          legend={t("encounter.platform")}
          hint={t("encounter.platformHint")}
          options={platformCodes}
          label={labelOf(catalogue.platforms)}
          value={platform.field.value ?? ""}
          onChange={(code: string) => platform.field.onChange(platform.field.value === code ? "" : code)}
          chipRef={platform.field.ref}
          error={platform.fieldState.error}
        />
      ) : null}
      <EnumChoiceChips vocabulary="PlaceType" legend={t("encounter.place")} controller={place} />
      <SelectField
        label={t("encounter.venue")}
        placeholder={t("encounter.noVenue")}
        choices={venues.map((venue) => ({ value: venue.id, label: venue.name }))}
        {...field("venueId")}
      />
      <EnumToggleChips vocabulary="Theme" legend={t("encounter.themes")} controller={themes} />
      {/* Optional, and about a person's path: never offered for an anonymous contact. */}
      {anonymous ? null : (
        <EnumToggleChips
          vocabulary="PersonOutcome"
          legend={t("encounter.outcomes")}
          hint={t("encounter.outcomesHint")}
          controller={outcomes}
        />
      )}
      <FieldSet legend={t("encounter.materials")} error={errors.materials}>
        <ul className="steppers">
          {items.map((choice, index) => {
            const item = choice.code;
            const name = choiceLabel(choice, language);
            return (
              <li key={item}>
                <QuantityField
                  label={name}
                  value={quantities[item] ?? 0}
                  max={encounterLimits.maxQuantity}
                  onChange={(quantity) => setQuantity(item, quantity)}
                  decreaseLabel={t("encounter.remove", { item: name })}
                  increaseLabel={t("encounter.add", { item: name })}
                  quickLabel={(count) => t("encounter.quantity", { item: name, count })}
                  inputRef={index === 0 ? materials.field.ref : undefined}
                />
              </li>
            );
          })}
        </ul>
      </FieldSet>
      {serviceCodes.length > 0 ? (
        <ToggleChips
          legend={t("encounter.services")}
          options={serviceCodes}
          label={labelOf(catalogue.services)}
          value={services.field.value ?? []}
          onChange={services.field.onChange}
          chipRef={services.field.ref}
          error={services.fieldState.error}
        />
      ) : null}
      {noteOpen ? (
        <TextAreaField label={t("encounter.note")} {...field("note")} column="EncounterNote.body" />
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setNoteOpen(true)}>
          {t("encounter.addNote")}
        </button>
      )}
      <HappenedAtField
        value={{ earlier, on: occurredOn.field.value, time: occurredTime }}
        onChange={(next) => {
          form.setValue("earlier", next.earlier, { shouldDirty: true });
          occurredOn.field.onChange(next.on);
          form.setValue("occurredTime", next.time, { shouldDirty: true });
        }}
        error={occurredOn.fieldState.error}
        startedOn={startedOn}
        dateRef={occurredOn.field.ref}
      />
      <div className="quick-entry__footer">
        <FormAlert form={form} />
        {/* Until the next entry is begun: the last one is saved (or kept on the phone). */}
        {outcomeShown ? (
          <p
            ref={outcome}
            tabIndex={-1}
            role="status"
            className={saved === "sent" ? "alert alert--ok" : "alert alert--warn"}
          >
            {t(saved === "sent" ? "encounter.saved" : "encounter.queued")}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={save.isPending}>
          {save.isPending ? t("encounter.saving") : t("encounter.submit")}
        </button>
      </div>
    </form>
  );
}
