import { reassignNurseVisitInput } from "@maillage/domain/inputs";
import { type UseMutationResult, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { VisitNursesQuery, visitKeys } from "./nurse-visits.graphql.ts";

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
  const team = useQuery({
    queryKey: visitKeys.nurses,
    queryFn: async () => (await request(VisitNursesQuery)).team,
  });
  const form = useDomainForm(reassignForm, { defaultValues: { nurseId: "" } });
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
      <Field
        label={t("visits.reassignTo")}
        hint={t("visits.reassignHint")}
        error={form.formState.errors.nurseId}
      >
        {(control) => (
          <select {...control} {...form.register("nurseId")}>
            <option value="">{team.isPending ? t("app.loading") : "—"}</option>
            {nurses.map((nurse) => (
              <option key={nurse.userId} value={nurse.userId}>
                {nurse.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
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
