import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { useViewer } from "../auth/session.ts";
import {
  type Consent,
  type Partnership,
  partnershipsQuery,
  personKeys,
  recordConsentMutation,
  withdrawConsentMutation,
} from "./persons.graphql.ts";

const allKinds = ["PROFILE", "ENCOUNTERS_SUMMARY", "ACCOMPANIMENTS", "REFERRALS", "NURSE_VISIT_LOGISTICS"];
const statusBadge = {
  ACTIVE: "badge--ok",
  EXPIRED: "",
  WITHDRAWN: "badge--danger",
  UPCOMING: "badge--warn",
} as const;

export function usePartnerships() {
  return useQuery({
    queryKey: personKeys.partnerships,
    queryFn: async () => (await graphql<{ myPartnerships: Partnership[] }>(partnershipsQuery)).myPartnerships,
    staleTime: 60_000,
  });
}

function ConsentItem({ consent, personId }: { consent: Consent; personId: string }) {
  const { t, formatDate } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => graphql(withdrawConsentMutation, { id: consent.id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: personKeys.file(personId) }),
  });
  const grantee =
    consent.granteeOrganisation?.name ??
    t("consent.wholePartnership", { name: consent.granteePartnership?.name ?? "" });
  return (
    <li className="card">
      <div className="row row--between">
        <strong>{grantee}</strong>
        <span className={`badge ${statusBadge[consent.status]}`}>
          {t(`consent.status.${consent.status}` as MessageKey)}
        </span>
      </div>
      <p className="small" style={{ margin: "0.25rem 0" }}>
        {consent.recordKinds.map((kind) => t(`kind.${kind}` as MessageKey)).join(", ")}
      </p>
      <p className="small muted" style={{ margin: 0 }}>
        {t("consent.from", { date: formatDate(consent.startsAt) })},{" "}
        {consent.expiresAt
          ? t("consent.until", { date: formatDate(consent.expiresAt) })
          : t("consent.noExpiry")}
        {consent.recordedByName ? ` · ${t("consent.recordedBy", { name: consent.recordedByName })}` : ""}
      </p>
      {consent.note ? <p className="small">{consent.note}</p> : null}
      {consent.status === "ACTIVE" || consent.status === "UPCOMING" ? (
        confirming ? (
          <div className="alert alert--warn" role="alertdialog" aria-label={t("consent.withdraw")}>
            <p>{t("consent.withdrawConfirm")}</p>
            <div className="row">
              <button
                type="button"
                className="button button--danger"
                onClick={() => withdraw.mutate()}
                disabled={withdraw.isPending}
              >
                {t("consent.withdrawYes")}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t("app.cancel")}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t("consent.withdraw")}
          </button>
        )
      ) : null}
    </li>
  );
}

function RecordConsentForm({ personId }: { personId: string }) {
  const { t } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const partnerships = usePartnerships();
  const form = useFormFailure();
  const ids = { grantee: useId(), expires: useId(), note: useId() };
  const [grantee, setGrantee] = useState("");
  const [kinds, setKinds] = useState<string[]>(["PROFILE"]);
  const [expiresAt, setExpiresAt] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState(false);
  const options = (partnerships.data ?? []).flatMap((partnership) => [
    {
      value: `partnership:${partnership.id}`,
      label: t("consent.wholePartnership", { name: partnership.name }),
      allowed: partnership.sharingAgreement?.recordKinds ?? [],
    },
    ...partnership.members
      .filter((member) => member.id !== me.actingOrganisation?.id)
      .map((member) => ({
        value: `organisation:${member.id}`,
        label: member.name,
        allowed: partnership.sharingAgreement?.recordKinds ?? [],
      })),
  ]);
  const chosen = options.find((option) => option.value === grantee);
  const allowedKinds = chosen ? allKinds.filter((kind) => chosen.allowed.includes(kind)) : allKinds;
  const record = useMutation({
    mutationFn: () => {
      const [type, id] = grantee.split(":");
      return graphql<{ recordConsent: { __typename: string } & Partial<AppErrorResult> }>(
        recordConsentMutation,
        {
          input: {
            personId,
            ...(type === "partnership"
              ? { granteePartnershipId: id }
              : { granteeOrganisationId: id || null }),
            recordKinds: kinds,
            expiresAt: expiresAt ? new Date(`${expiresAt}T23:59:00`).toISOString() : null,
            note: note || null,
          },
        },
      );
    },
    onSuccess: ({ recordConsent }) => {
      if (recordConsent.__typename === "RecordConsentSuccess") {
        form.setFailure(null);
        setDone(true);
        setNote("");
        void queryClient.invalidateQueries({ queryKey: personKeys.file(personId) });
      } else form.fromResult(recordConsent as AppErrorResult);
    },
    onError: form.fromError,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    record.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h3>{t("consent.record")}</h3>
      {form.summary()}
      {done ? (
        <p role="status" className="alert alert--ok">
          {t("consent.recorded")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={ids.grantee}>{t("consent.grantee")}</label>
        <select
          id={ids.grantee}
          value={grantee}
          onChange={(e) => setGrantee(e.target.value)}
          {...form.fieldProps("granteeOrganisationId")}
        >
          <option value="">—</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {form.fieldError("granteeOrganisationId")}
        {form.fieldError("granteePartnershipId")}
      </div>
      <fieldset>
        <legend>{t("consent.kinds")}</legend>
        <p className="small muted">{t("consent.agreementLimit")}</p>
        <div className="chips">
          {allowedKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className="chip"
              aria-pressed={kinds.includes(kind)}
              onClick={() =>
                setKinds((current) =>
                  current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind],
                )
              }
            >
              {t(`kind.${kind}` as MessageKey)}
            </button>
          ))}
        </div>
        {Object.keys(form.failure?.fields ?? {})
          .filter((path) => path.startsWith("recordKinds"))
          .map((path) => (
            <span key={path}>{form.fieldError(path)}</span>
          ))}
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={ids.expires}>
            {t("consent.expiresAt")} <span className="muted small">({t("app.optional")})</span>
          </label>
          <input
            id={ids.expires}
            type="date"
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.target.value)}
            {...form.fieldProps("expiresAt")}
          />
          {form.fieldError("expiresAt")}
        </div>
        <div className="field">
          <label htmlFor={ids.note}>
            {t("consent.note")} <span className="muted small">({t("app.optional")})</span>
          </label>
          <input
            id={ids.note}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            {...form.fieldProps("note")}
          />
          {form.fieldError("note")}
        </div>
      </div>
      <button type="submit" className="button button--primary" disabled={record.isPending}>
        {t("consent.record")}
      </button>
    </form>
  );
}

export function ConsentSection({ personId, consents }: { personId: string; consents: Consent[] }) {
  const { t } = useT();
  return (
    <section aria-labelledby="consentement" id="consentement-section">
      <h2 id="consentement">{t("consent.title")}</h2>
      <p className="small muted">{t("consent.intro")}</p>
      {consents.length === 0 ? (
        <p className="muted">{t("consent.none")}</p>
      ) : (
        <ul className="card-list">
          {consents.map((consent) => (
            <ConsentItem key={consent.id} consent={consent} personId={personId} />
          ))}
        </ul>
      )}
      <RecordConsentForm personId={personId} />
    </section>
  );
}
