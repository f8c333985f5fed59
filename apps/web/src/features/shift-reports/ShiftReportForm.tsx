import { shiftReportLimits } from "@maillage/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { type Path, useController } from "react-hook-form";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ToggleChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Stepper } from "../../ui/Stepper.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { homeKeys } from "../home/home.graphql.ts";
import { venueKeys } from "../venues/venues.graphql.ts";
import {
  endsNextDay,
  type ShiftReportFormOutput,
  type ShiftReportFormValues,
  shiftReportForm,
  shiftReportInput,
} from "./shift-report-form.ts";
import { RecordShiftReport, shiftReportKeys, UpdateShiftReport } from "./shift-reports.graphql.ts";

export interface ShiftChoices {
  venues: { id: string; name: string; overdue: boolean }[];
  members: { userId: string; displayName: string }[];
  /** The member organisations of the acting organisation's partnerships (itself left out). */
  partners: { id: string; name: string }[];
}

/** The form field an API problem points at (the API's instants are the form's clock times). */
function shiftFieldOf(path: string): Path<ShiftReportFormValues> | null {
  const [head] = path.split(".");
  switch (head) {
    case "startsAt":
      return "start";
    case "endsAt":
      return "end";
    case "memberIds":
    case "venueIds":
    case "partners":
    case "handoverNote":
      return head;
    default:
      return null;
  }
}

type Partner = NonNullable<ShiftReportFormValues["partners"]>[number];
type Saved = "saved" | "updated" | null;

/**
 * Tonight's report, or a report being changed: the times on the programme's clock, venues,
 * team and partners by taps on chips, the handover notes. The outcome is said at the button,
 * where the thumb is, and focused for a screen reader.
 */
export function ShiftReportForm({
  editing,
  initial,
  fresh,
  choices,
  announce = null,
  onSaved,
  onCancel,
}: {
  /** The report being changed (its id and day), or null for a new one. */
  editing: { id: string; day: string } | null;
  initial: ShiftReportFormValues;
  /** A new report's values: the form after one is saved. */
  fresh(): ShiftReportFormValues;
  choices: ShiftChoices;
  /** What the last save did, said at the button when the form opens (after a change). */
  announce?: Saved;
  onSaved(state: NonNullable<Saved>): void;
  /** Leaves a change without saving it. */
  onCancel(): void;
}) {
  const { t, timeZone } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const form = useDomainForm(shiftReportForm, { defaultValues: initial });
  const field = fieldBinder(form);
  const { errors, isDirty } = form.formState;
  const venues = useController({ control: form.control, name: "venueIds" });
  const members = useController({ control: form.control, name: "memberIds" });
  const partners = useController({ control: form.control, name: "partners" });
  const [otherPartner, setOtherPartner] = useState("");
  const [saved, setSaved] = useState<Saved>(announce);
  const outcome = useRef<HTMLParagraphElement>(null);
  const outcomeShown = saved !== null && !isDirty;
  useEffect(() => {
    if (outcomeShown) outcome.current?.focus();
  }, [outcomeShown]);

  const save = useMutation({
    mutationFn: async (values: ShiftReportFormOutput) => {
      const input = shiftReportInput(values, timeZone);
      if (editing) {
        await mutate(UpdateShiftReport, (data) => data.updateShiftReport, {
          input: { ...input, id: editing.id },
        });
        return "updated" as const;
      }
      await mutate(RecordShiftReport, (data) => data.recordShiftReport, { input });
      return "saved" as const;
    },
    onSuccess: (state) => {
      // The venues' last visits and the home screen's handover now read differently.
      void queryClient.invalidateQueries({ queryKey: shiftReportKeys.all });
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
      void queryClient.invalidateQueries({ queryKey: homeKeys.today });
      // Ready for the next shift's; a changed report goes back to the page's list.
      if (state === "saved") form.reset(fresh());
      setSaved(state);
      onSaved(state);
    },
    onError: (error) => {
      setSaved(null);
      showFailure(form, error, shiftFieldOf);
    },
  });

  const chosen: Partner[] = partners.field.value ?? [];
  const setPartners = (next: Partner[]) => partners.field.onChange(next);
  const partnerName = (partner: Partner) =>
    partner.organisationId
      ? (choices.partners.find((p) => p.id === partner.organisationId)?.name ?? "")
      : (partner.name ?? "");
  const addOtherPartner = () => {
    const name = otherPartner.trim();
    if (!name) return;
    const taken = chosen.some(
      (p) => !p.organisationId && p.name?.trim().toLowerCase() === name.toLowerCase(),
    );
    if (!taken) setPartners([...chosen, { name, interventions: 1 }]);
    setOtherPartner("");
  };
  const start = form.watch("start");
  const end = form.watch("end");
  const zone = timeZone.split("/").pop()?.replaceAll("_", " ") ?? timeZone;

  return (
    <form
      className="card shift-form"
      aria-labelledby={headingId}
      onSubmit={form.handleSubmit(
        (values) => save.mutate(values),
        () =>
          requestAnimationFrame(() =>
            document.querySelector("[aria-invalid='true']")?.scrollIntoView({ block: "center" }),
          ),
      )}
      noValidate
    >
      <h2 id={headingId} tabIndex={-1} className="shift-form__title">
        {editing ? t("shift.form.editing", { date: editing.day }) : t("shift.form.new")}
      </h2>
      <div className="shift-form__times">
        <TextField label={t("shift.form.date")} type="date" required {...field("date")} />
        <TextField
          label={t("shift.form.start")}
          type="time"
          required
          hint={t("shift.form.localTime", { zone })}
          {...field("start")}
        />
        <TextField
          label={t("shift.form.end")}
          type="time"
          required
          hint={endsNextDay(start, end) ? t("shift.form.nextDay") : undefined}
          {...field("end")}
        />
      </div>
      {choices.venues.length > 0 ? (
        <ToggleChips
          legend={t("shift.form.venues")}
          hint={t("shift.form.venuesHint")}
          error={errors.venueIds}
          options={choices.venues.map((venue) => venue.id)}
          label={(id) => {
            const venue = choices.venues.find((v) => v.id === id);
            if (!venue) return id;
            return venue.overdue ? t("shift.form.overdue", { name: venue.name }) : venue.name;
          }}
          value={venues.field.value}
          onChange={venues.field.onChange}
          chipRef={venues.field.ref}
        />
      ) : (
        <FieldSet legend={t("shift.form.venues")} error={errors.venueIds}>
          <p className="muted small">{t("shift.form.noVenues")}</p>
        </FieldSet>
      )}
      <ToggleChips
        legend={t("shift.form.team")}
        error={errors.memberIds}
        options={choices.members.map((member) => member.userId)}
        label={(id) => choices.members.find((m) => m.userId === id)?.displayName ?? id}
        value={members.field.value}
        onChange={members.field.onChange}
        chipRef={members.field.ref}
      />
      <FieldSet legend={t("shift.form.partners")} hint={t("shift.form.partnersHint")} error={errors.partners}>
        {choices.partners.length > 0 ? (
          <div className="chips">
            {choices.partners.map((partner, index) => {
              const pressed = chosen.some((p) => p.organisationId === partner.id);
              return (
                <button
                  key={partner.id}
                  ref={index === 0 ? partners.field.ref : undefined}
                  type="button"
                  className="chip"
                  aria-pressed={pressed}
                  onClick={() =>
                    setPartners(
                      pressed
                        ? chosen.filter((p) => p.organisationId !== partner.id)
                        : [...chosen, { organisationId: partner.id, interventions: 1 }],
                    )
                  }
                >
                  {partner.name}
                </button>
              );
            })}
          </div>
        ) : null}
        <div className="shift-form__other">
          <TextField
            label={t("shift.form.otherPartner")}
            hint={t("shift.form.otherPartnerHint")}
            column="ShiftReportPartner.name"
            autoComplete="off"
            value={otherPartner}
            onChange={(event) => setOtherPartner(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addOtherPartner();
              }
            }}
          />
          <button type="button" className="button" onClick={addOtherPartner}>
            {t("shift.form.addPartner")}
          </button>
        </div>
        {chosen.length > 0 ? (
          <ul className="steppers shift-form__partners">
            {chosen.map((partner, index) => {
              const name = partnerName(partner);
              return (
                <li key={partner.organisationId ?? `name:${partner.name}`}>
                  <span className="shift-form__partner-name">{t("shift.form.interventions", { name })}</span>
                  <Stepper
                    value={partner.interventions ?? 1}
                    min={1}
                    max={shiftReportLimits.maxInterventions}
                    onChange={(count) =>
                      setPartners(chosen.map((p, i) => (i === index ? { ...p, interventions: count } : p)))
                    }
                    valueLabel={t("shift.form.interventions", { name })}
                    decreaseLabel={t("shift.form.fewer", { name })}
                    increaseLabel={t("shift.form.more", { name })}
                  />
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setPartners(chosen.filter((_, i) => i !== index))}
                  >
                    {t("shift.form.removePartner", { name })}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </FieldSet>
      <TextAreaField
        label={t("shift.form.handover")}
        hint={t("shift.form.handoverHint")}
        column="ShiftHandoverNote.body"
        rows={5}
        {...field("handoverNote")}
      />
      <div className="shift-form__footer">
        <FormAlert form={form} />
        {outcomeShown ? (
          <p ref={outcome} tabIndex={-1} role="status" className="alert alert--ok">
            {t(saved === "updated" ? "shift.form.updated" : "shift.form.saved")}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending
              ? t("shift.form.saving")
              : editing
                ? t("shift.form.update")
                : t("shift.form.submit")}
          </button>
          {editing ? (
            <button type="button" className="button" onClick={onCancel}>
              {t("shift.form.cancelEdit")}
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
