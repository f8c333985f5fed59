import { updateSharingAgreementInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { enumOptions, type MessageKey, useT } from "../../app/i18n/index.tsx";
import type { SharedRecordKind } from "../../generated/enums.ts";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import {
  type Partnership,
  partnershipKeys,
  type SharingAgreement,
  SharingAgreementsQuery,
  UpdateSharingAgreement,
} from "./partnerships.graphql.ts";
import "./partnerships.css";

/** What a kind holds, where its name alone does not say it. */
const kindDetails: Partial<Record<SharedRecordKind, MessageKey>> = {
  PROFILE: "partnership.kindDetail.PROFILE",
};

/** The API's agreement input (@maillage/domain/inputs): the form holds the kinds only. */
const agreementForm = updateSharingAgreementInput.pick({ recordKinds: true });

async function loadPartnerships() {
  return (await request(SharingAgreementsQuery)).myPartnerships;
}

function AgreementForm({
  partnership,
  agreement,
  onSubmitted,
  onConflict,
}: {
  partnership: Partnership;
  agreement: SharingAgreement;
  onSubmitted(): void;
  onConflict(): Promise<void>;
}) {
  const { t, enumLabel, formatDateTime } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(agreementForm, { defaultValues: { recordKinds: agreement.recordKinds } });
  const { errors, isDirty } = form.formState;
  const save = useMutation({
    mutationFn: ({ recordKinds }: { recordKinds: SharedRecordKind[] }) =>
      mutate(UpdateSharingAgreement, (data) => data.updateSharingAgreement, {
        input: { partnershipId: partnership.id, recordKinds, expectedVersion: agreement.version },
      }),
    onSuccess: ({ sharingAgreement }) => {
      // What was saved becomes the form's starting point (and the next expected version).
      form.reset({ recordKinds: sharingAgreement.recordKinds });
      queryClient.setQueryData<Partnership[]>(partnershipKeys.sharingAgreements, (partnerships) =>
        partnerships?.map((p) => (p.id === partnership.id ? { ...p, sharingAgreement } : p)),
      );
    },
    onError: async (error) => {
      if (failureOf(error).code === "CONFLICT") await onConflict();
      else showFailure(form, error);
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit((values) => {
        onSubmitted();
        save.mutate(values);
      })}
      noValidate
    >
      <FormAlert form={form} />
      <FieldSet legend={t("partnership.recordKinds")} error={errors.recordKinds}>
        {enumOptions("SharedRecordKind").map((kind) => {
          const detail = kindDetails[kind];
          return (
            <label key={kind} className="check-row">
              <input type="checkbox" value={kind} {...form.register("recordKinds")} />
              <span>
                {enumLabel("SharedRecordKind", kind)}
                {detail ? <span className="small muted"> ({t(detail)})</span> : null}
              </span>
            </label>
          );
        })}
      </FieldSet>
      <p className="small muted">
        {t("partnership.version", { version: agreement.version, date: formatDateTime(agreement.updatedAt) })}
      </p>
      <div role="status" className={save.isSuccess && !isDirty ? "alert alert--ok" : "visually-hidden"}>
        {save.isSuccess && !isDirty ? t("partnership.saved") : null}
      </div>
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t("partnership.saving") : t("app.save")}
      </button>
    </form>
  );
}

function PartnershipCard({ partnership }: { partnership: Partnership }) {
  const { t, enumLabel } = useT();
  const queryClient = useQueryClient();
  // After a concurrent change the form starts again from the reloaded agreement (a new key),
  // and the card says why the boxes moved.
  const [reloads, setReloads] = useState(0);
  const [conflict, setConflict] = useState(false);
  const headingId = `p-${partnership.id}`;
  return (
    <article className="card partnership-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{partnership.name}</h2>
      <h3>{t("partnership.members")}</h3>
      <ul>
        {partnership.members.map((member) => (
          <li key={member.id}>
            {member.name} <span className="small muted">({enumLabel("OrganisationKind", member.kind)})</span>
          </li>
        ))}
      </ul>
      {conflict ? (
        <p role="alert" className="alert alert--error">
          {t("partnership.conflict")}
        </p>
      ) : null}
      {partnership.sharingAgreement ? (
        <AgreementForm
          key={reloads}
          partnership={partnership}
          agreement={partnership.sharingAgreement}
          onSubmitted={() => setConflict(false)}
          onConflict={async () => {
            await queryClient.refetchQueries({ queryKey: partnershipKeys.sharingAgreements });
            setConflict(true);
            setReloads((count) => count + 1);
          }}
        />
      ) : (
        <p className="muted">{t("partnership.noAgreement")}</p>
      )}
    </article>
  );
}

/** /partenariat: each partnership's members and what its sharing agreement allows. */
export function SharingAgreementPage() {
  const { t } = useT();
  const partnerships = useQuery({ queryKey: partnershipKeys.sharingAgreements, queryFn: loadPartnerships });
  return (
    <section className="page">
      <h1>{t("partnership.title")}</h1>
      <p>{t("partnership.intro")}</p>
      <p className="alert alert--warn">{t("partnership.narrowing")}</p>
      <Loaded query={partnerships} emptyWhen={(data) => data.length === 0} emptyText={t("partnership.none")}>
        {(data) =>
          data.map((partnership) => <PartnershipCard key={partnership.id} partnership={partnership} />)
        }
      </Loaded>
    </section>
  );
}
