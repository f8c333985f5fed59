/**
 * /compte/securite: the signed-in person's two-step sign-in. Turning it on: a new secret shown as
 * a QR code and as text, confirmed by a first code, then ten recovery codes shown once. Once on:
 * how many recovery codes are left, new ones for a current code, and — unless a role requires it
 * (coordinator, org admin) — turning it off. Forms read the API's own input schema.
 */
import { secondFactorCodeInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useFocusWhen } from "../../ui/useFocusWhen.ts";
import { type Me, meQueryKey, useViewer } from "../auth/session.ts";
import {
  ConfirmSecondFactorEnrolment,
  RemoveSecondFactor,
  RenewRecoveryCodes,
  StartSecondFactorEnrolment,
} from "./account.graphql.ts";
import { QrCode } from "./QrCode.tsx";
import "./account.css";

/** A form of one code (the authenticator's, or a recovery code) sent to `send`. */
function CodeForm({
  label,
  submitLabel,
  pendingLabel,
  send,
  onDone,
  danger = false,
}: {
  label: string;
  submitLabel: string;
  pendingLabel: string;
  send: (code: string) => Promise<unknown>;
  onDone: (answer: unknown) => void;
  danger?: boolean;
}) {
  const { t } = useT();
  const form = useDomainForm(secondFactorCodeInput, { defaultValues: { code: "" } });
  const field = fieldBinder(form);
  const sending = useMutation({
    mutationFn: ({ code }: { code: string }) => send(code),
    onSuccess: (answer) => {
      form.reset({ code: "" });
      onDone(answer);
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (!sending.isPending) sending.mutate(values);
      })}
    >
      <TextField
        label={label}
        hint={t("account.codeHint")}
        {...field("code")}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <FormAlert form={form} />
      <button
        type="submit"
        className={danger ? "button button--danger" : "button button--primary"}
        aria-disabled={sending.isPending || undefined}
      >
        {sending.isPending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

/** Recovery codes, shown once: written down or printed before they are put away. */
function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useT();
  const headingId = useId();
  const heading = useFocusWhen<HTMLHeadingElement>(codes);
  return (
    <section className="card account__codes" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("account.codes.title")}
      </h2>
      <p>{t("account.codes.intro")}</p>
      <ol className="account__code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("account.codes.print")}
        </button>
        <button type="button" className="button button--primary" onClick={onSaved}>
          {t("account.codes.saved")}
        </button>
      </div>
    </section>
  );
}

/** The secret in groups of four, as authenticator apps let one type it. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function TurnOn({ me, onCodes }: { me: Me; onCodes: (codes: string[]) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const start = useMutation({
    mutationFn: () => mutate(StartSecondFactorEnrolment, (data) => data.startSecondFactorEnrolment),
  });
  const enrolment = start.data?.enrolment ?? null;
  const scanHeading = useFocusWhen<HTMLHeadingElement>(enrolment);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("account.off.title")}</h2>
      <p>{t(me.secondFactor.required ? "account.off.required" : "account.off.optional")}</p>
      {enrolment ? (
        <>
          <h3 ref={scanHeading} tabIndex={-1}>
            {t("account.scan.title")}
          </h3>
          <ol className="account__steps">
            <li>{t("account.scan.app")}</li>
            <li>
              {t("account.scan.qr")}
              <QrCode text={enrolment.otpauthUri} label={t("account.scan.qrLabel")} />
              <p className="small">{t("account.scan.orType")}</p>
              <p>
                <code className="account__secret">{groupedSecret(enrolment.secret)}</code>
              </p>
            </li>
            <li>
              <CodeForm
                label={t("account.scan.code")}
                submitLabel={t("account.scan.confirm")}
                pendingLabel={t("account.scan.confirming")}
                send={(code) =>
                  mutate(ConfirmSecondFactorEnrolment, (data) => data.confirmSecondFactorEnrolment, {
                    input: { code },
                  })
                }
                onDone={(answer) => {
                  const { confirmed } = answer as { confirmed: { recoveryCodes: string[]; me: Me } };
                  queryClient.setQueryData(meQueryKey, confirmed.me);
                  onCodes(confirmed.recoveryCodes);
                }}
              />
            </li>
          </ol>
        </>
      ) : (
        <button
          type="button"
          className="button button--primary"
          aria-disabled={start.isPending || undefined}
          onClick={() => {
            if (!start.isPending) start.mutate();
          }}
        >
          {start.isPending ? t("account.off.starting") : t("account.off.start")}
        </button>
      )}
      {start.isError ? (
        <p role="alert" className="alert alert--error">
          {t("account.off.startFailed")}
        </p>
      ) : null}
    </section>
  );
}

function TurnedOn({ me, onCodes }: { me: Me; onCodes: (codes: string[]) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [removed, setRemoved] = useState(false);
  const left = me.secondFactor.recoveryCodesLeft;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("account.on.title")}</h2>
      <p>{t("account.on.intro")}</p>
      <p className={left <= 2 ? "alert alert--warn" : undefined}>
        {t("account.on.codesLeft", { count: left })}
      </p>
      <h3>{t("account.renew.title")}</h3>
      <p className="small">{t("account.renew.intro")}</p>
      <CodeForm
        label={t("account.renew.code")}
        submitLabel={t("account.renew.submit")}
        pendingLabel={t("account.renew.submitting")}
        send={(code) => mutate(RenewRecoveryCodes, (data) => data.renewRecoveryCodes, { input: { code } })}
        onDone={(answer) => {
          onCodes((answer as { renewed: { recoveryCodes: string[] } }).renewed.recoveryCodes);
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
        }}
      />
      <h3>{t("account.remove.title")}</h3>
      {me.secondFactor.required ? (
        <p className="small">{t("account.remove.required")}</p>
      ) : (
        <>
          <p className="small">{t("account.remove.intro")}</p>
          <CodeForm
            label={t("account.remove.code")}
            submitLabel={t("account.remove.submit")}
            pendingLabel={t("account.remove.submitting")}
            danger
            send={(code) =>
              mutate(RemoveSecondFactor, (data) => data.removeSecondFactor, { input: { code } })
            }
            onDone={(answer) => {
              setRemoved(true);
              queryClient.setQueryData(meQueryKey, (answer as { me: Me }).me);
            }}
          />
        </>
      )}
      <SuccessStatus shown={removed}>{t("account.remove.done")}</SuccessStatus>
    </section>
  );
}

export function SecurityPage() {
  const { t } = useT();
  const me = useViewer();
  // Recovery codes just made: shown once, above everything else, until put away.
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <section className="page account">
      <h1>{t("account.title")}</h1>
      <p>{t("account.intro")}</p>
      {me.secondFactor.withheldRoles.length > 0 ? (
        <p className="alert alert--warn">{t("account.withheld")}</p>
      ) : null}
      {codes ? <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} /> : null}
      {me.secondFactor.enabled ? (
        codes ? null : (
          <TurnedOn me={me} onCodes={setCodes} />
        )
      ) : (
        <TurnOn me={me} onCodes={setCodes} />
      )}
    </section>
  );
}
