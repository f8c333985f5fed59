import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { graphql, isAppError } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link, usePath } from "../../app/router.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { useViewer } from "../auth/session.ts";
import {
  type MutationResult,
  partnerOrganisationsQuery,
  referralKeys,
  referredPersonQuery,
  sendReferralMutation,
  type Urgency,
  urgencies,
} from "./referrals.graphql.ts";
import "./referrals.css";

interface Partnerships {
  myPartnerships: { id: string; name: string; members: { id: string; name: string }[] }[];
}

/** Every partner organisation once, never the acting one. */
function partnerOrganisations(data: Partnerships | undefined, actingId: string | undefined) {
  const byId = new Map<string, string>();
  for (const partnership of data?.myPartnerships ?? []) {
    for (const member of partnership.members) if (member.id !== actingId) byId.set(member.id, member.name);
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** /references/nouvelle?personne=<Person id>: refers one of our persons to a partner. */
export function SendReferralPage() {
  const { t } = useT();
  const me = useViewer();
  const ids = useId();
  const queryClient = useQueryClient();
  const personId = usePath().search.get("personne") ?? "";
  const person = useQuery({
    queryKey: ["referrals", "person", personId],
    enabled: personId !== "",
    queryFn: () =>
      graphql<{ node: { __typename: string; id?: string; alias?: string } | null }>(referredPersonQuery, {
        id: personId,
      }),
  });
  const partnerships = useQuery({
    queryKey: referralKeys.partners,
    queryFn: () => graphql<Partnerships>(partnerOrganisationsQuery),
  });
  const partners = partnerOrganisations(partnerships.data, me.actingOrganisation?.id);
  const [toOrganisationId, setToOrganisationId] = useState("");
  const [reason, setReason] = useState("");
  const [serviceRequested, setServiceRequested] = useState("");
  const [urgency, setUrgency] = useState<Urgency>("ROUTINE");
  const [message, setMessage] = useState("");
  const [sent, setSent] = useState<{ id: string; organisation: string } | null>(null);
  const failure = useFormFailure();

  const send = useMutation({
    mutationFn: () =>
      graphql<{
        sendReferral: MutationResult<{ referral: { id: string; toOrganisation: { name: string } } }>;
      }>(sendReferralMutation, {
        input: { personId, toOrganisationId, reason, serviceRequested, urgency, message: message || null },
      }),
    onSuccess: async ({ sendReferral: result }) => {
      if (isAppError(result)) {
        setSent(null);
        failure.fromResult(result);
        if (result.code === "CONSENT_REQUIRED") {
          failure.setFailure({ code: result.code, fields: {}, summary: t("referrals.send.consentRequired") });
        }
        return;
      }
      failure.clear();
      setSent({ id: result.referral.id, organisation: result.referral.toOrganisation.name });
      setReason("");
      setServiceRequested("");
      setMessage("");
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
    onError: failure.fromError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    send.mutate();
  }

  const alias = person.data?.node?.__typename === "Person" ? person.data.node.alias : null;
  if (!personId || (person.isSuccess && !alias)) {
    return (
      <section className="page">
        <h1>{t("referrals.send.title")}</h1>
        <p className="alert alert--warn">
          {t(personId ? "errors.NOT_FOUND" : "referrals.send.personMissing")}
        </p>
        <Link to="/references">{t("referrals.detail.back")}</Link>
      </section>
    );
  }
  const consentRequired = failure.failure?.code === "CONSENT_REQUIRED";
  return (
    <section className="page">
      <h1>{t("referrals.send.title")}</h1>
      <p>{alias ? t("referrals.send.person", { alias }) : t("app.loading")}</p>
      <p className="small muted">{t("referrals.send.privacy")}</p>
      <div role="status" className={sent ? "alert alert--ok" : "visually-hidden"}>
        {sent ? (
          <>
            {t("referrals.send.sent", { organisation: sent.organisation })}{" "}
            <Link to={`/references/${encodeURIComponent(sent.id)}`}>{t("referrals.send.openSent")}</Link>
          </>
        ) : null}
      </div>
      <form className="card" onSubmit={submit} noValidate>
        {failure.summary()}
        {consentRequired ? (
          <p>
            <Link to={`/personnes/${encodeURIComponent(personId)}#consentement`}>
              {t("referrals.send.consentLink")}
            </Link>
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={`${ids}-partner`}>{t("referrals.send.partner")}</label>
          <select
            id={`${ids}-partner`}
            value={toOrganisationId}
            onChange={(event) => setToOrganisationId(event.target.value)}
            {...failure.fieldProps("toOrganisationId")}
          >
            <option value="">{t("referrals.send.choosePartner")}</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
          {partnerships.isSuccess && partners.length === 0 ? (
            <span className="small muted">{t("referrals.send.noPartner")}</span>
          ) : null}
          {failure.fieldError("toOrganisationId")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-service`}>{t("referrals.send.service")}</label>
          <input
            id={`${ids}-service`}
            value={serviceRequested}
            maxLength={200}
            onChange={(event) => setServiceRequested(event.target.value)}
            {...failure.fieldProps("serviceRequested")}
          />
          {failure.fieldError("serviceRequested")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t("referrals.send.reason")}</label>
          <textarea
            id={`${ids}-reason`}
            value={reason}
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
            {...failure.fieldProps("reason")}
          />
          {failure.fieldError("reason")}
        </div>
        <fieldset>
          <legend className="field-legend">{t("referrals.urgency")}</legend>
          <div className="chips">
            {urgencies.map((option) => (
              <button
                key={option}
                type="button"
                className="chip"
                aria-pressed={urgency === option}
                onClick={() => setUrgency(option)}
              >
                {t(`referrals.urgency.${option}` as MessageKey)}
              </button>
            ))}
          </div>
          {failure.fieldError("urgency")}
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-message`}>
            {t("referrals.send.message")} <span className="small muted">({t("app.optional")})</span>
          </label>
          <textarea
            id={`${ids}-message`}
            value={message}
            maxLength={2000}
            onChange={(event) => setMessage(event.target.value)}
            {...failure.fieldProps("message")}
          />
          {failure.fieldError("message")}
        </div>
        <button type="submit" className="button button--primary button--block" disabled={send.isPending}>
          {send.isPending ? t("referrals.send.sending") : t("referrals.send.submit")}
        </button>
      </form>
    </section>
  );
}
