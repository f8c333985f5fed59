/**
 * The intake form of a person's first night-centre visit: for each of the seven domains, no
 * need, a long-term one or an immediate one (one tap each; a second tap empties it: "not
 * discussed"), and an optional comment private to the organisation. The same form corrects it on
 * the person's file. Validated by the API's own schema (recordIntakeAssessmentInput).
 */
import { intakeDomainFields, intakeDomains, intakeNeedLevels } from "@maillage/domain";
import { recordIntakeAssessmentInput } from "@maillage/domain/inputs";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import type { IntakeFieldsFragment } from "../../generated/graphql.ts";
import { ChoiceChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { RecordIntake, UpdateIntake } from "./night-centre.graphql.ts";

type Level = (typeof intakeNeedLevels)[number];
/** A domain's answer as the chips hold it: a level, or "" for "not discussed". */
const answer = z
  .enum(["", ...intakeNeedLevels])
  .transform((value): Level | null => (value === "" ? null : value));

const intakeForm = z.object({
  housing: answer,
  health: answer,
  substanceUse: answer,
  justice: answer,
  income: answer,
  employment: answer,
  safety: answer,
  comment: recordIntakeAssessmentInput.shape.comment,
});
type IntakeValues = z.input<typeof intakeForm>;
type IntakeOutput = z.output<typeof intakeForm>;
type DomainField = Exclude<keyof IntakeValues, "comment">;

function valuesOf(existing: IntakeFieldsFragment | null): IntakeValues {
  const levels = Object.fromEntries(
    intakeDomains.map((domain) => [
      intakeDomainFields[domain],
      existing?.needs.find((need) => need.domain === domain)?.level ?? "",
    ]),
  ) as Record<DomainField, IntakeValues[DomainField]>;
  return { ...levels, comment: existing?.comment ?? "" };
}

function DomainChips({
  form,
  domain,
}: {
  form: ReturnType<typeof useDomainForm<typeof intakeForm>>;
  domain: (typeof intakeDomains)[number];
}) {
  const { enumLabel } = useT();
  const controller = useController({ control: form.control, name: intakeDomainFields[domain] });
  const value = controller.field.value ?? "";
  return (
    <ChoiceChips
      legend={enumLabel("IntakeDomain", domain)}
      options={intakeNeedLevels}
      label={(level) => enumLabel("IntakeNeedLevel", level)}
      value={value as Level}
      onChange={(level: Level) => controller.field.onChange(value === level ? "" : level)}
      chipRef={controller.field.ref}
      error={controller.fieldState.error}
    />
  );
}

export function IntakeForm({
  personId,
  alias,
  visitId = null,
  existing = null,
  onSaved,
  onLater,
}: {
  personId: string;
  alias: string;
  /** The evening visit it is made at (none when filled in from the file). */
  visitId?: string | null;
  /** The intake being corrected, or null for a new one. */
  existing?: IntakeFieldsFragment | null;
  onSaved(intake: IntakeFieldsFragment): void;
  onLater?: () => void;
}) {
  const { t } = useT();
  const form = useDomainForm(intakeForm, { defaultValues: valuesOf(existing) });
  const field = fieldBinder(form);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form takes the focus when it appears (a screen reader says its title at once).
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const save = useMutation({
    mutationFn: async (values: IntakeOutput) => {
      const { comment, ...needs } = values;
      if (existing) {
        const corrected = await mutate(UpdateIntake, (data) => data.updateIntakeAssessment, {
          input: { id: existing.id, version: existing.version, needs, comment: comment ?? null },
        });
        return corrected.intake;
      }
      const saved = await mutate(RecordIntake, (data) => data.recordIntakeAssessment, {
        input: { personId, visitId, needs, comment: comment ?? null },
      });
      return saved.intake;
    },
    onSuccess: (intake) => onSaved(intake),
    onError: (error) => showFailure(form, error),
  });
  const titleId = `intake-title-${personId}`;
  return (
    <section className="card intake" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t("night.intake.title", { alias })}
      </h2>
      <p className="small muted">{t("night.intake.intro")}</p>
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
        {intakeDomains.map((domain) => (
          <DomainChips key={domain} form={form} domain={domain} />
        ))}
        <TextAreaField
          label={t("night.intake.comment")}
          column="IntakeAssessment.comment"
          optional
          {...field("comment")}
        />
        <FormAlert form={form} />
        <div className="row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {existing ? t("intake.edit") : t("night.intake.save")}
          </button>
          {onLater ? (
            <button type="button" className="button" onClick={onLater}>
              {t("night.intake.later")}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
