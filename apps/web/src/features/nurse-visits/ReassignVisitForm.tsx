import { reassignNurseVisitInput } from "@maillage/domain/inputs";
import { type UseMutationResult, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { loadTeam, organisationKeys } from "../organisations/organisations.graphql.ts";

/** The API's reassignment input: the nurse chosen in the list (none chosen yet: required). */
const reassignForm = z.object({
  nurseId: z.string().min(1).pipe(reassignNurseVisitInput.shape.nurseId),
});
export type ReassignValues = z.output<typeof reassignForm>;
export type ReassignMutation = UseMutationResult<unknown, Error, ReassignValues>;

/**
 * A coordinator of the organisation that owns the visit hands it to another of its nurses (who
 * will then be the one to complete it). The page offers it to such a coordinator only.
 */
export function ReassignVisitForm({ reassign, onCancel }: { reassign: ReassignMutation; onCancel(): void }) {
  const { t } = useT();
  const team = useQuery({ queryKey: organisationKeys.team, queryFn: loadTeam });
  const form = useDomainForm(reassignForm, { defaultValues: { nurseId: "" } });
  const field = fieldBinder(form);
  const nurses = (team.data ?? []).filter((member) => member.roles.includes("NURSE"));
  return (
    <form
      className="card visit-card"
      noValidate
      onSubmit={form.handleSubmit((values) =>
        reassign.mutate(values, { onError: (error) => showFailure(form, error) }),
      )}
    >
      <h2>{t("visits.reassignTitle")}</h2>
      <FormAlert form={form} />
      {team.isError ? <QueryFailure error={team.error} onRetry={() => void team.refetch()} /> : null}
      <SelectField
        label={t("visits.reassignTo")}
        hint={t("visits.reassignHint")}
        placeholder={team.isPending ? t("app.loading") : "—"}
        choices={nurses.map((nurse) => ({ value: nurse.userId, label: nurse.displayName }))}
        {...field("nurseId")}
      />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={reassign.isPending}>
          {t("visits.reassignSubmit")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
