import { encounterLimits } from "@maillage/domain";
import { columnLengths } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useController } from "react-hook-form";
import { mutate } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import { navigate } from "../../app/router.tsx";
import { ChoiceChips, ToggleChips } from "../../ui/ChipsField.tsx";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { CheckboxField, Field, FieldSet } from "../../ui/Field.tsx";
import { Stepper } from "../../ui/Stepper.tsx";
import { personKeys } from "../persons/persons.graphql.ts";
import { venueKeys } from "../venues/venues.graphql.ts";
import {
  type EncounterFormOutput,
  type EncounterFormValues,
  encounterFieldOf,
  encounterForm,
  encounterInput,
  nextEncounterValues,
} from "./encounter-form.ts";
import { RecordEncounter, UpdateEncounter } from "./encounters.graphql.ts";
import { PersonPicker } from "./PersonPicker.tsx";

/** The quick entry itself: every choice is a tap (chips, steppers), the note and time on demand. */
export function EncounterForm({
  editing,
  initial,
  venues,
}: {
  /** The encounter being edited, or null for a new one. */
  editing: string | null;
  initial: EncounterFormValues;
  venues: { id: string; name: string }[];
}) {
  const { t, enumLabel } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(encounterForm, { defaultValues: initial });
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
  const materials = useController({ control, name: "materials" });
  // Whether the note box is shown: a state of the screen (one tap opens it), not a form value.
  const [noteOpen, setNoteOpen] = useState(Boolean(initial.note));
  const save = useMutation({
    mutationFn: async (values: EncounterFormOutput) => {
      const input = encounterInput(values);
      const { encounter } = editing
        ? await mutate(UpdateEncounter, (data) => data.updateEncounter, { input: { ...input, id: editing } })
        : await mutate(RecordEncounter, (data) => data.recordEncounter, { input });
      return encounter;
    },
    onSuccess: (_saved, values) => {
      // A person's timeline and a venue's last visit now read differently.
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
      if (editing) {
        const back = values.contact === "PERSON" ? values.person : null;
        navigate(back ? `/personnes/${encodeURIComponent(back.id)}` : "/");
        return;
      }
      // Ready for the next one, on the same spot: the same channel, place and venue, from the top
      // of the screen, where the confirmation is.
      form.reset(nextEncounterValues(form.getValues()));
      setNoteOpen(false);
      window.scrollTo({ top: 0 });
    },
    onError: (error) => showFailure(form, error, encounterFieldOf),
  });
  const quantities = materials.field.value;
  const setQuantity = (item: keyof typeof quantities, quantity: number) =>
    materials.field.onChange({ ...quantities, [item]: quantity });
  const anonymous = contact.field.value === "ANONYMOUS";
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
      <FormAlert form={form} />
      {/* Until the next entry is begun: the last one is saved. */}
      {save.isSuccess && !isDirty ? (
        <p role="status" className="alert alert--ok">
          {t("encounter.saved")}
        </p>
      ) : null}
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
          <button type="button" aria-pressed={!anonymous} onClick={() => contact.field.onChange("PERSON")}>
            {t("encounter.person")}
          </button>
        </div>
      </fieldset>
      {anonymous ? (
        <>
          <ChoiceChips
            legend={t("encounter.gender")}
            options={enumOptions("Gender")}
            label={(value) => enumLabel("Gender", value)}
            value={gender.field.value}
            onChange={gender.field.onChange}
            chipRef={gender.field.ref}
            error={errors.anonymous?.gender}
          />
          <ChoiceChips
            legend={t("encounter.age")}
            options={enumOptions("AgeBracket")}
            label={(value) => enumLabel("AgeBracket", value)}
            value={age.field.value}
            onChange={age.field.onChange}
            chipRef={age.field.ref}
            error={errors.anonymous?.ageBracket}
          />
          <FieldSet legend={t("encounter.headCount")} error={errors.anonymous?.headCount}>
            <Stepper
              value={headCount.field.value ?? 1}
              min={1}
              max={encounterLimits.maxHeadCount}
              onChange={headCount.field.onChange}
              decreaseLabel={t("encounter.headCountLess")}
              increaseLabel={t("encounter.headCountMore")}
              buttonRef={headCount.field.ref}
            />
          </FieldSet>
        </>
      ) : (
        <PersonPicker
          value={person.field.value}
          onChange={person.field.onChange}
          error={errors.person}
          inputRef={person.field.ref}
        />
      )}
      <ChoiceChips
        legend={t("encounter.channel")}
        options={enumOptions("Channel")}
        label={(value) => enumLabel("Channel", value)}
        value={channel.field.value}
        onChange={channel.field.onChange}
        chipRef={channel.field.ref}
        error={errors.channel}
      />
      <ChoiceChips
        legend={t("encounter.place")}
        options={enumOptions("PlaceType")}
        label={(value) => enumLabel("PlaceType", value)}
        value={place.field.value}
        onChange={place.field.onChange}
        chipRef={place.field.ref}
        error={errors.placeType}
      />
      <Field label={t("encounter.venue")} error={errors.venueId}>
        {(control) => (
          <select {...control} {...form.register("venueId")}>
            <option value="">{t("encounter.noVenue")}</option>
            {venues.map((venue) => (
              <option key={venue.id} value={venue.id}>
                {venue.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ToggleChips
        legend={t("encounter.themes")}
        options={enumOptions("Theme")}
        label={(value) => enumLabel("Theme", value)}
        value={themes.field.value}
        onChange={themes.field.onChange}
        chipRef={themes.field.ref}
        error={errors.themes}
      />
      <FieldSet legend={t("encounter.materials")} error={errors.materials}>
        <ul className="steppers">
          {enumOptions("MaterialItem").map((item, index) => {
            const name = enumLabel("MaterialItem", item);
            const count = quantities[item] ?? 0;
            return (
              <li key={item}>
                <Stepper
                  label={name}
                  value={count}
                  min={0}
                  max={encounterLimits.maxQuantity}
                  onChange={(quantity) => setQuantity(item, quantity)}
                  decreaseLabel={t("encounter.remove", { item: name })}
                  increaseLabel={t("encounter.add", { item: name })}
                  valueLabel={t("encounter.quantity", { item: name, count })}
                  buttonRef={index === 0 ? materials.field.ref : undefined}
                />
              </li>
            );
          })}
        </ul>
      </FieldSet>
      {noteOpen ? (
        <Field label={t("encounter.note")} error={errors.note}>
          {(control) => (
            <textarea
              {...control}
              {...form.register("note")}
              maxLength={columnLengths["EncounterNote.body"]}
            />
          )}
        </Field>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setNoteOpen(true)}>
          {t("encounter.addNote")}
        </button>
      )}
      <CheckboxField label={t("encounter.earlier")} error={errors.earlier}>
        {(control) => <input {...control} type="checkbox" {...form.register("earlier")} />}
      </CheckboxField>
      {form.watch("earlier") ? (
        <Field label={t("encounter.when")} error={errors.occurredAt}>
          {(control) => <input {...control} type="datetime-local" {...form.register("occurredAt")} />}
        </Field>
      ) : null}
      <button
        type="submit"
        className="button button--primary button--block quick-entry__submit"
        disabled={save.isPending}
      >
        {save.isPending ? t("encounter.saving") : t("encounter.submit")}
      </button>
    </form>
  );
}
