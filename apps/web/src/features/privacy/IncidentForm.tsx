/**
 * One entry of the confidentiality-incident register, for recording it or completing it later
 * (Regulation respecting confidentiality incidents, s. 11: what happened, when, the information
 * and the persons concerned — a count and categories, never names —, the risk of serious injury
 * and why, the measures taken, the notices to the Commission and to the persons).
 */
import { incidentInformationCategories, incidentPersonCategories } from "@maillage/domain";
import { useController } from "react-hook-form";
import { useT } from "../../app/i18n/index.tsx";
import { CheckboxInput } from "../../ui/CheckboxInput.tsx";
import { ToggleChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, type useDomainForm } from "../../ui/domain-form.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { zonedDay } from "../safety-alerts/safety-alerts.graphql.ts";
import type { incidentForm } from "./incident-form.ts";

export type IncidentFormApi = ReturnType<typeof useDomainForm<typeof incidentForm>>;

export function IncidentFields({ form }: { form: IncidentFormApi }) {
  const { t, timeZone } = useT();
  const field = fieldBinder(form);
  const today = zonedDay(timeZone);
  const information = useController({ control: form.control, name: "informationCategories" });
  const persons = useController({ control: form.control, name: "personCategories" });
  const seriousHarmRisk = form.watch("seriousHarmRisk");
  return (
    <>
      <FormAlert form={form} />
      <fieldset className="incident-form__part">
        <legend>{t("privacy.incident.part.what")}</legend>
        <TextAreaField
          label={t("privacy.incident.whatHappened")}
          hint={t("privacy.incident.whatHappenedHint")}
          column="ConfidentialityIncident.whatHappened"
          rows={3}
          {...field("whatHappened")}
        />
        <div className="incident-form__dates">
          <TextField
            label={t("privacy.incident.occurredFrom")}
            hint={t("privacy.incident.occurredFromHint")}
            type="date"
            max={today}
            {...field("occurredFrom")}
          />
          <TextField
            label={t("privacy.incident.occurredUntil")}
            hint={t("privacy.incident.occurredUntilHint")}
            optional
            type="date"
            max={today}
            {...field("occurredUntil")}
          />
          <TextField
            label={t("privacy.incident.discoveredOn")}
            type="date"
            max={today}
            {...field("discoveredOn")}
          />
        </div>
      </fieldset>
      <fieldset className="incident-form__part">
        <legend>{t("privacy.incident.part.concerned")}</legend>
        <TextAreaField
          label={t("privacy.incident.informationInvolved")}
          hint={t("privacy.incident.informationInvolvedHint")}
          column="ConfidentialityIncident.informationInvolved"
          rows={2}
          {...field("informationInvolved")}
        />
        <ToggleChips
          legend={t("privacy.incident.informationCategories")}
          options={incidentInformationCategories}
          label={(value) => t(`privacy.incident.information.${value}`)}
          value={information.field.value}
          onChange={information.field.onChange}
          chipRef={information.field.ref}
          error={information.fieldState.error}
        />
        <TextField
          label={t("privacy.incident.personsAffected")}
          hint={t("privacy.incident.personsAffectedHint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          {...field("personsAffected")}
        />
        <ToggleChips
          legend={t("privacy.incident.personCategories")}
          options={incidentPersonCategories}
          label={(value) => t(`privacy.incident.persons.${value}`)}
          value={persons.field.value}
          onChange={persons.field.onChange}
          chipRef={persons.field.ref}
          error={persons.fieldState.error}
        />
      </fieldset>
      <fieldset className="incident-form__part">
        <legend>{t("privacy.incident.part.risk")}</legend>
        <CheckboxInput label={t("privacy.incident.seriousHarmRisk")} {...field("seriousHarmRisk")} />
        <TextAreaField
          label={t("privacy.incident.riskAssessment")}
          hint={t("privacy.incident.riskAssessmentHint")}
          column="ConfidentialityIncident.riskAssessment"
          rows={3}
          {...field("riskAssessment")}
        />
        <TextAreaField
          label={t("privacy.incident.measuresTaken")}
          optional
          column="ConfidentialityIncident.measuresTaken"
          rows={2}
          {...field("measuresTaken")}
        />
      </fieldset>
      <fieldset className="incident-form__part">
        <legend>{t("privacy.incident.part.notices")}</legend>
        <p className={seriousHarmRisk ? "alert alert--warn" : "small muted"}>
          {t(seriousHarmRisk ? "privacy.incident.noticesDue" : "privacy.incident.noticesHint")}
        </p>
        <div className="incident-form__dates">
          <TextField
            label={t("privacy.incident.commissionNotifiedOn")}
            optional
            type="date"
            max={today}
            {...field("commissionNotifiedOn")}
          />
          <TextField
            label={t("privacy.incident.personsNotifiedOn")}
            optional
            type="date"
            max={today}
            {...field("personsNotifiedOn")}
          />
        </div>
        <TextAreaField
          label={t("privacy.incident.notificationDetails")}
          hint={t("privacy.incident.notificationDetailsHint")}
          optional
          column="ConfidentialityIncident.notificationDetails"
          rows={2}
          {...field("notificationDetails")}
        />
      </fieldset>
    </>
  );
}
