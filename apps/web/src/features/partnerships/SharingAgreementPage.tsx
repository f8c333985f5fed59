import { type SharedRecordKind, sharedRecordKinds } from "@maillage/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { graphql, isAppError } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import type { MutationResult } from "../referrals/referrals.graphql.ts";
import "./partnerships.css";

interface SharingAgreement {
  recordKinds: SharedRecordKind[];
  version: number;
  updatedAt: string;
}

interface Partnership {
  id: string;
  name: string;
  members: { name: string; kind: string }[];
  sharingAgreement: SharingAgreement | null;
}

const partnershipsQuery = `query SharingAgreements {
  myPartnerships { id name members { name kind } sharingAgreement { recordKinds version updatedAt } }
}`;

const updateMutation = `mutation UpdateSharingAgreement($input: UpdateSharingAgreementInput!) {
  updateSharingAgreement(input: $input) {
    __typename
    ... on UpdateSharingAgreementSuccess { sharingAgreement { recordKinds version updatedAt } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

const queryKey = ["partnerships", "sharing-agreements"] as const;

function AgreementForm({
  partnership,
  agreement,
}: {
  partnership: Partnership;
  agreement: SharingAgreement;
}) {
  const { t, formatDateTime } = useT();
  const ids = useId();
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<SharedRecordKind[]>(agreement.recordKinds);
  const [saved, setSaved] = useState(false);
  const failure = useFormFailure();
  const save = useMutation({
    mutationFn: () =>
      graphql<{ updateSharingAgreement: MutationResult<{ sharingAgreement: SharingAgreement }> }>(
        updateMutation,
        {
          input: { partnershipId: partnership.id, recordKinds: kinds, expectedVersion: agreement.version },
        },
      ),
    onSuccess: async ({ updateSharingAgreement: result }) => {
      if (isAppError(result)) {
        if (result.code === "CONFLICT") {
          failure.setFailure({ code: "CONFLICT", fields: {}, summary: t("partnership.conflict") });
          const fresh = await queryClient.fetchQuery({
            queryKey,
            queryFn: () => graphql<{ myPartnerships: Partnership[] }>(partnershipsQuery),
          });
          const reloaded = fresh.myPartnerships.find((p) => p.id === partnership.id)?.sharingAgreement;
          if (reloaded) setKinds(reloaded.recordKinds);
        } else failure.fromResult(result);
        return;
      }
      failure.clear();
      setSaved(true);
      setKinds(result.sharingAgreement.recordKinds);
      queryClient.setQueryData<{ myPartnerships: Partnership[] }>(queryKey, (data) =>
        data
          ? {
              myPartnerships: data.myPartnerships.map((p) =>
                p.id === partnership.id ? { ...p, sharingAgreement: result.sharingAgreement } : p,
              ),
            }
          : data,
      );
    },
    onError: failure.fromError,
  });

  function toggle(kind: SharedRecordKind, checked: boolean) {
    setSaved(false);
    setKinds((current) => (checked ? [...current, kind] : current.filter((k) => k !== kind)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      {failure.summary()}
      <fieldset>
        <legend className="field-legend">{t("partnership.recordKinds")}</legend>
        {sharedRecordKinds.map((kind) => (
          <label key={kind} className="check-row" htmlFor={`${ids}-${kind}`}>
            <input
              id={`${ids}-${kind}`}
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(event) => toggle(kind, event.target.checked)}
            />
            <span>{t(`partnership.kind.${kind}` as MessageKey)}</span>
          </label>
        ))}
        {failure.fieldError("recordKinds")}
      </fieldset>
      <p className="small muted">
        {t("partnership.version", { version: agreement.version, date: formatDateTime(agreement.updatedAt) })}
      </p>
      <div role="status" className={saved ? "alert alert--ok" : "visually-hidden"}>
        {saved ? t("partnership.saved") : null}
      </div>
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t("partnership.saving") : t("app.save")}
      </button>
    </form>
  );
}

/** /partenariat: each partnership's members and what its sharing agreement allows. */
export function SharingAgreementPage() {
  const { t } = useT();
  const partnerships = useQuery({
    queryKey,
    queryFn: () => graphql<{ myPartnerships: Partnership[] }>(partnershipsQuery),
  });
  return (
    <section className="page">
      <h1>{t("partnership.title")}</h1>
      <p>{t("partnership.intro")}</p>
      <p className="alert alert--warn">{t("partnership.narrowing")}</p>
      {partnerships.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : partnerships.isError ? (
        <QueryFailure error={partnerships.error} onRetry={() => void partnerships.refetch()} />
      ) : partnerships.data.myPartnerships.length === 0 ? (
        <p className="muted">{t("partnership.none")}</p>
      ) : (
        partnerships.data.myPartnerships.map((partnership) => (
          <article
            key={partnership.id}
            className="card partnership-card"
            aria-labelledby={`p-${partnership.id}`}
          >
            <h2 id={`p-${partnership.id}`}>{partnership.name}</h2>
            <h3>{t("partnership.members")}</h3>
            <ul>
              {partnership.members.map((member) => (
                <li key={member.name}>
                  {member.name}{" "}
                  <span className="small muted">
                    ({t(`partnership.orgKind.${member.kind}` as MessageKey)})
                  </span>
                </li>
              ))}
            </ul>
            {partnership.sharingAgreement ? (
              <AgreementForm partnership={partnership} agreement={partnership.sharingAgreement} />
            ) : (
              <p className="muted">{t("partnership.noAgreement")}</p>
            )}
          </article>
        ))
      )}
    </section>
  );
}
