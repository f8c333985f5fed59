import { recordConsentInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { failureOf, mutate } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { ConsentStatus, SharedRecordKind } from "../../generated/enums.ts";
import { ToggleChips } from "../../ui/ChipsField.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../auth/session.ts";
import { useMyPartnerships } from "../partnerships/useMyPartnerships.ts";
import { instantOfWallClock } from "../record-dates/happened-at.ts";
import { zonedDay } from "../safety-alerts/safety-alerts.graphql.ts";
import { type Consent, personKeys, RecordConsent, WithdrawConsent } from "./persons.graphql.ts";

const statusBadge: Record<ConsentStatus, string> = {
  ACTIVE: "badge--ok",
  EXPIRED: "",
  WITHDRAWN: "badge--danger",
  UPCOMING: "badge--warn",
};

function ConsentItem({ consent, personId }: { consent: Consent; personId: string }) {
  const { t, formatDate, enumLabel, failureMessage } = useT();
  const queryClient = useQueryClient();
  // Whether the confirmation is open: a state of the screen, not of a form.
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => mutate(WithdrawConsent, (data) => data.withdrawConsent, { id: consent.id }),
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
          {enumLabel("ConsentStatus", consent.status)}
        </span>
      </div>
      <p className="small" style={{ margin: "0.25rem 0" }}>
        {consent.recordKinds.map((kind) => enumLabel("SharedRecordKind", kind)).join(", ")}
      </p>
      <p className="small muted" style={{ margin: 0 }}>
        {t("consent.from", { date: formatDate(consent.startsAt) })},{" "}
        {consent.expiresAt
          ? t("consent.until", { date: formatDate(consent.expiresAt) })
          : t("consent.noExpiry")}
        {consent.recordedByName ? ` · ${t("consent.recordedBy", { name: consent.recordedByName })}` : ""}
      </p>
      {consent.note ? <p className="small">{consent.note}</p> : null}
      {withdraw.isError ? (
        <p role="alert" className="alert alert--error">
          {failureMessage(failureOf(withdraw.error))}
        </p>
      ) : null}
      {consent.status === "ACTIVE" || consent.status === "UPCOMING" ? (
        confirming ? (
          <ConfirmDialog
            label={t("consent.withdraw")}
            question={t("consent.withdrawConfirm")}
            confirmLabel={t("consent.withdrawYes")}
            pending={withdraw.isPending}
            onConfirm={() => withdraw.mutate()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t("consent.withdraw")}
          </button>
        )
      ) : null}
    </li>
  );
}

/**
 * The API's consent input (@maillage/domain/inputs), as the form holds it: one grantee chosen in
 * one list ("partnership:<id>" or "organisation:<id>", so exactly one, as the API requires), the
 * expiry as a day (to its end, in the device's time zone).
 */
const consentForm = z.object({
  grantee: z.string().min(1),
  recordKinds: recordConsentInput.shape.recordKinds,
  // The day it was given, when earlier (on paper, a past year's): empty is now.
  startsOn: z.string(),
  expiresAt: z
    .string()
    .transform((day): Date | null | undefined => (day ? new Date(`${day}T23:59:00`) : null))
    .pipe(recordConsentInput.shape.expiresAt),
  note: recordConsentInput.shape.note,
});

/** The API reports a grantee problem on either id; the form shows both on its one list. */
function consentFieldOf(path: string) {
  if (path.startsWith("grantee")) return "grantee" as const;
  if (path.startsWith("recordKinds")) return "recordKinds" as const;
  if (path === "expiresAt" || path === "note") return path;
  if (path === "startsAt") return "startsOn" as const;
  return null;
}

function RecordConsentForm({ personId }: { personId: string }) {
  const { t, enumLabel, timeZone } = useT();
  const me = useViewer();
  const startedOn = me.recordDates?.startedOn ?? null;
  const queryClient = useQueryClient();
  const partnerships = useMyPartnerships();
  const form = useDomainForm(consentForm, {
    defaultValues: { grantee: "", recordKinds: ["PROFILE"], startsOn: "", expiresAt: "", note: "" },
  });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const kinds = useController({ control: form.control, name: "recordKinds" });
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
  const chosen = options.find((option) => option.value === form.watch("grantee"));
  const offeredKinds = enumOptions("SharedRecordKind").filter(
    (kind) => !chosen || chosen.allowed.includes(kind),
  );
  const record = useMutation({
    mutationFn: ({ grantee, recordKinds, startsOn, expiresAt, note }: z.output<typeof consentForm>) => {
      const [type, id = ""] = grantee.split(":");
      // A day given: from its midnight in the organisation's zone.
      const startsAt = startsOn ? instantOfWallClock({ on: startsOn, time: "00:00" }, timeZone) : null;
      return mutate(RecordConsent, (data) => data.recordConsent, {
        input: {
          personId,
          ...(type === "partnership" ? { granteePartnershipId: id } : { granteeOrganisationId: id }),
          recordKinds,
          ...(startsAt ? { startsAt: startsAt.toISOString() } : {}),
          expiresAt: expiresAt ? expiresAt.toISOString() : null,
          note: note || null,
        },
      });
    },
    onSuccess: () => {
      form.resetField("note");
      void queryClient.invalidateQueries({ queryKey: personKeys.file(personId) });
    },
    onError: (error) => showFailure(form, error, consentFieldOf),
  });
  const selected: SharedRecordKind[] = kinds.field.value;
  return (
    <form onSubmit={form.handleSubmit((values) => record.mutate(values))} noValidate className="card">
      <h3>{t("consent.record")}</h3>
      <FormAlert form={form} />
      <SuccessStatus shown={record.isSuccess}>{t("consent.recorded")}</SuccessStatus>
      <SelectField
        label={t("consent.grantee")}
        placeholder="—"
        choices={options}
        {...field("grantee", {
          // Kinds the new grantee's agreement does not allow are no longer offered: unselect them.
          onChange: (event: { target: { value: string } }) => {
            const allowed = options.find((option) => option.value === event.target.value)?.allowed;
            if (allowed) kinds.field.onChange(selected.filter((kind) => allowed.includes(kind)));
          },
        })}
      />
      <ToggleChips
        legend={t("consent.kinds")}
        hint={t("consent.agreementLimit")}
        error={errors.recordKinds}
        options={offeredKinds}
        label={(kind) => enumLabel("SharedRecordKind", kind)}
        value={selected}
        onChange={kinds.field.onChange}
        chipRef={kinds.field.ref}
      />
      <div className="grid-2">
        <TextField
          label={t("consent.startsOn")}
          optional
          type="date"
          min={startedOn ?? undefined}
          max={zonedDay(timeZone)}
          hint={
            startedOn
              ? t("consent.startsOnHint", { start: new Date(`${startedOn}T00:00:00.000Z`) })
              : t("consent.startsOnToday")
          }
          {...field("startsOn")}
        />
        <TextField label={t("consent.expiresAt")} optional type="date" {...field("expiresAt")} />
        <TextField label={t("consent.note")} optional column="Consent.note" {...field("note")} />
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
