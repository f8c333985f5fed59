/**
 * Opening tonight's evening: the centre (one of the organisation's night centres), the day, the
 * staff on duty (the viewer first), the partners present (organisations of the partnerships, and
 * another one by its name with the service it offers). The previous evening's handover is read
 * before anything else, on the screen that shows this form.
 */
import { openNightCentreEveningInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useController } from "react-hook-form";
import { z } from "zod";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { navigate } from "../../app/router.tsx";
import type { NightCentreHomeQuery } from "../../generated/graphql.ts";
import { ToggleChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { type CatalogueChoice, choiceLabel } from "../encounters/catalogue-choices.ts";
import { zonedDay } from "../safety-alerts/safety-alerts.graphql.ts";
import { nightCentreKeys, OpenEvening } from "./night-centre.graphql.ts";
import { eveningPath } from "./night-centre.paths.ts";

type Choices = NightCentreHomeQuery["nightCentreChoices"];

const dayOf = (text: string) => (text ? new Date(`${text}T00:00:00.000Z`) : undefined);

/** The API's input as the form holds it: the day as the date box has it, one partner named. */
const openForm = z.object({
  venueId: openNightCentreEveningInput.shape.venueId,
  eveningOn: z.string().transform(dayOf).pipe(openNightCentreEveningInput.shape.eveningOn),
  staffIds: openNightCentreEveningInput.shape.staffIds,
  partnerIds: z.array(z.string()),
  otherPartner: z.string().trim().max(120),
  otherService: z.string(),
});
type OpenValues = z.input<typeof openForm>;
type OpenOutput = z.output<typeof openForm>;

/** The API's path of a refused field, as the form names it. */
function fieldOf(path: string): keyof OpenValues | null {
  if (path.startsWith("partners")) return "partnerIds";
  if (path === "venueId" || path === "eveningOn" || path.startsWith("staffIds"))
    return path.split(".")[0] as keyof OpenValues;
  return null;
}

export function OpenEveningForm({
  choices,
  services,
  viewerId,
  venueId,
  onVenueChange,
}: {
  choices: Choices;
  services: CatalogueChoice[];
  viewerId: string;
  venueId: string;
  onVenueChange(venueId: string): void;
}) {
  const { t, language, timeZone } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(openForm, {
    defaultValues: {
      venueId,
      eveningOn: zonedDay(timeZone),
      staffIds: choices.staff.some((member) => member.id === viewerId) ? [viewerId] : [],
      partnerIds: [],
      otherPartner: "",
      otherService: "",
    },
  });
  const field = fieldBinder(form);
  const staff = useController({ control: form.control, name: "staffIds" });
  const partners = useController({ control: form.control, name: "partnerIds" });
  const open = useMutation({
    mutationFn: (values: OpenOutput) =>
      mutate(OpenEvening, (data) => data.openNightCentreEvening, {
        input: {
          venueId: values.venueId,
          eveningOn: (values.eveningOn as Date).toISOString().slice(0, 10),
          staffIds: values.staffIds,
          partners: [
            ...values.partnerIds.map((organisationId) => ({ organisationId })),
            ...(values.otherPartner
              ? [{ name: values.otherPartner, service: values.otherService || null }]
              : values.otherService
                ? [{ service: values.otherService }]
                : []),
          ],
        },
      }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: nightCentreKeys.home });
      navigate(eveningPath(result.evening.id));
    },
    onError: (error) => showFailure(form, error, fieldOf),
  });
  const staffName = (id: string) => choices.staff.find((member) => member.id === id)?.displayName ?? id;
  const partnerName = (id: string) => choices.partnerOrganisations.find((o) => o.id === id)?.name ?? id;
  return (
    <section aria-labelledby="open-evening-title" className="card">
      <h2 id="open-evening-title">{t("night.open.title")}</h2>
      <p className="small muted">{t("night.open.intro")}</p>
      <form onSubmit={form.handleSubmit((values) => open.mutate(values))} noValidate>
        {choices.centres.length > 1 ? (
          <SelectField
            label={t("night.open.centre")}
            choices={choices.centres.map((centre) => ({ value: centre.id, label: centre.name }))}
            {...field("venueId", { onChange: (event) => onVenueChange(event.target.value) })}
          />
        ) : null}
        <TextField label={t("night.open.date")} type="date" {...field("eveningOn")} />
        <ToggleChips
          legend={t("night.open.staff")}
          options={choices.staff.map((member) => member.id)}
          label={staffName}
          value={staff.field.value}
          onChange={staff.field.onChange}
          chipRef={staff.field.ref}
          error={staff.fieldState.error}
        />
        {choices.partnerOrganisations.length > 0 ? (
          <ToggleChips
            legend={t("night.open.partners")}
            options={choices.partnerOrganisations.map((organisation) => organisation.id)}
            label={partnerName}
            value={partners.field.value}
            onChange={partners.field.onChange}
            chipRef={partners.field.ref}
            error={partners.fieldState.error}
          />
        ) : null}
        <TextField
          label={t("night.open.otherPartner")}
          hint={t("night.open.otherPartnerHint")}
          optional
          autoComplete="off"
          {...field("otherPartner")}
        />
        {services.length > 0 ? (
          <SelectField
            label={t("night.open.otherService")}
            placeholder={t("night.open.noService")}
            optional
            choices={services.map((choice) => ({ value: choice.code, label: choiceLabel(choice, language) }))}
            {...field("otherService")}
          />
        ) : null}
        <FormAlert form={form} />
        <button type="submit" className="button button--primary button--block" disabled={open.isPending}>
          {open.isPending ? t("night.open.opening") : t("night.open.submit")}
        </button>
      </form>
    </section>
  );
}
