import { sendReferralInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useController } from "react-hook-form";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link, usePath } from "../../app/router.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumChoiceChips } from "../../ui/EnumChipsField.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../auth/session.ts";
import { ReferredPersonQuery, referralKeys, SendReferral } from "./referrals.graphql.ts";
import "./referrals.css";
import type { MyPartnership } from "../partnerships/partnerships.graphql.ts";
import { useMyPartnerships } from "../partnerships/useMyPartnerships.ts";

type Partnerships = MyPartnership[];

/** Every partner organisation once, never the acting one. */
function partnerOrganisations(partnerships: Partnerships, actingId: string | undefined) {
  const byId = new Map<string, string>();
  for (const partnership of partnerships) {
    for (const member of partnership.members) if (member.id !== actingId) byId.set(member.id, member.name);
  }
  return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The API's referral input (@maillage/domain/inputs) without the person (the address names
 * her); the partner is chosen in a list, so "none chosen" is the empty choice.
 */
const referralForm = sendReferralInput.omit({ personId: true }).extend({
  toOrganisationId: z.string().min(1).pipe(sendReferralInput.shape.toOrganisationId),
});
type ReferralFormOutput = z.output<typeof referralForm>;

/** /references/nouvelle?personne=<Person id>: refers one of our persons to a partner. */
export function SendReferralPage() {
  const { t } = useT();
  const personId = usePath().search.get("personne") ?? "";
  const person = useQuery({
    queryKey: referralKeys.person(personId),
    enabled: personId !== "",
    queryFn: async () => (await request(ReferredPersonQuery, { id: personId })).node,
  });
  const alias = person.data?.__typename === "Person" ? person.data.alias : null;
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
  return (
    <section className="page">
      <h1>{t("referrals.send.title")}</h1>
      <p>{alias ? t("referrals.send.person", { alias }) : t("app.loading")}</p>
      <p className="small muted">{t("referrals.send.privacy")}</p>
      <SendReferralForm personId={personId} />
    </section>
  );
}

function SendReferralForm({ personId }: { personId: string }) {
  const { t } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const partnerships = useMyPartnerships();
  const partners = partnerOrganisations(partnerships.data ?? [], me.actingOrganisation?.id);
  const form = useDomainForm(referralForm, {
    defaultValues: {
      toOrganisationId: "",
      serviceRequested: "",
      reason: "",
      urgency: "ROUTINE",
      message: "",
    },
  });
  const field = fieldBinder(form);
  const urgency = useController({ control: form.control, name: "urgency" });
  const send = useMutation({
    mutationFn: ({ message, ...referral }: ReferralFormOutput) =>
      mutate(SendReferral, (data) => data.sendReferral, {
        input: { ...referral, personId, message: message || null },
      }),
    onSuccess: async () => {
      // The partner and urgency stay chosen for a next referral; the texts were this one's.
      form.resetField("serviceRequested", { defaultValue: "" });
      form.resetField("reason", { defaultValue: "" });
      form.resetField("message", { defaultValue: "" });
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
    onError: (error) => showFailure(form, error),
  });
  const sent = send.data?.referral;
  const consentRequired = send.isError && failureOf(send.error).code === "CONSENT_REQUIRED";
  return (
    <>
      <div role="status" className={sent ? "alert alert--ok" : "visually-hidden"}>
        {sent ? (
          <>
            {t("referrals.send.sent", { organisation: sent.toOrganisation.name })}{" "}
            <Link to={`/references/${encodeURIComponent(sent.id)}`}>{t("referrals.send.openSent")}</Link>
          </>
        ) : null}
      </div>
      <form className="card" onSubmit={form.handleSubmit((values) => send.mutate(values))} noValidate>
        <FormAlert form={form} />
        {consentRequired ? (
          <p>
            <Link to={`/personnes/${encodeURIComponent(personId)}#consentement`}>
              {t("referrals.send.consentLink")}
            </Link>
          </p>
        ) : null}
        <SelectField
          label={t("referrals.send.partner")}
          hint={partnerships.isSuccess && partners.length === 0 ? t("referrals.send.noPartner") : undefined}
          placeholder={t("referrals.send.choosePartner")}
          choices={partners}
          {...field("toOrganisationId")}
        />
        <TextField
          label={t("referrals.send.service")}
          {...field("serviceRequested")}
          column="Referral.serviceRequested"
        />
        <TextAreaField label={t("referrals.send.reason")} {...field("reason")} column="Referral.reason" />
        <EnumChoiceChips vocabulary="Urgency" legend={t("referrals.urgency")} controller={urgency} />
        <TextAreaField
          label={t("referrals.send.message")}
          optional
          {...field("message")}
          column="Referral.message"
        />
        <button type="submit" className="button button--primary button--block" disabled={send.isPending}>
          {send.isPending ? t("referrals.send.sending") : t("referrals.send.submit")}
        </button>
      </form>
    </>
  );
}
