/**
 * The team page's invitations: invite someone (e-mail, name, roles), the link shown once right
 * after, to hand on (Maillage sends no e-mail), and the pending invitations with their revocation.
 */
import { mayChangeMemberRoles } from "@maillage/domain";
import { inviteMemberInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useController } from "react-hook-form";
import { failureOf, mutate } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { Role } from "../../generated/enums.ts";
import { ToggleChips } from "../../ui/ChipsField.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../auth/session.ts";
import {
  InviteMember,
  invitationKeys,
  loadInvitations,
  type PendingInvitation,
  RevokeInvitation,
} from "./organisations.graphql.ts";

/** The link as the invitee opens it: this site's address, the token after `#` (never sent to a server). */
function absoluteLink(link: string): string {
  return `${location.origin}${link}`;
}

/** The link of the invitation just made: shown this once, with a button that copies it. */
function NewLink({ name, link }: { name: string; link: string }) {
  const { t } = useT();
  const inputId = useId();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(absoluteLink(link));
      setCopied("yes");
    } catch {
      // No clipboard (an old browser, no permission): select it for a manual copy.
      input.current?.select();
      setCopied("no");
    }
  };
  return (
    <div className="alert alert--ok invitation-link">
      <p>
        <strong>{t("invitations.created", { name })}</strong>
      </p>
      <p>{t("invitations.linkOnce", { name })}</p>
      <label htmlFor={inputId}>{t("invitations.link")}</label>
      <input
        ref={input}
        id={inputId}
        readOnly
        value={absoluteLink(link)}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button type="button" className="button button--primary" onClick={() => void copy()}>
        {t("invitations.copy")}
      </button>
      <p role="status" className="small">
        {copied === "yes" ? t("invitations.copied") : copied === "no" ? t("invitations.copyByHand") : null}
      </p>
    </div>
  );
}

function InviteForm({ onSent }: { onSent(sent: { name: string; link: string }): void }) {
  const { t, enumLabel } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const form = useDomainForm(inviteMemberInput, {
    defaultValues: { email: "", displayName: "", roles: [] },
  });
  const field = fieldBinder(form);
  const roles = useController({ control: form.control, name: "roles" });
  // The roles the viewer may give someone new (an org admin any, a coordinator working roles).
  const offered = enumOptions("Role").filter((role) =>
    mayChangeMemberRoles({ userId: me.user.id, roles: me.roles }, { userId: "", current: [] }, [role]),
  );
  const invite = useMutation({
    mutationFn: (input: { email: string; displayName: string; roles: Role[] }) =>
      mutate(InviteMember, (data) => data.inviteMember, { input }),
    onSuccess: (sent) => {
      form.reset({ email: "", displayName: "", roles: [] });
      onSent({ name: sent.invitation.displayName, link: sent.link });
      void queryClient.invalidateQueries({ queryKey: invitationKeys.pending });
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form
      className="card"
      onSubmit={form.handleSubmit((input) => {
        if (!invite.isPending) invite.mutate(input);
      })}
      noValidate
    >
      <h3>{t("invitations.formTitle")}</h3>
      <TextField
        label={t("invitations.email")}
        type="email"
        autoComplete="off"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        column="Invitation.email"
        {...field("email")}
      />
      <TextField
        label={t("invitations.name")}
        hint={t("invitations.nameHint")}
        autoComplete="off"
        column="Invitation.displayName"
        {...field("displayName")}
      />
      <ToggleChips
        legend={t("invitations.roles")}
        hint={me.roles.includes("ORG_ADMIN") ? undefined : t("invitations.rolesByCoordinator")}
        options={offered}
        label={(role) => enumLabel("Role", role)}
        value={roles.field.value}
        onChange={roles.field.onChange}
        chipRef={roles.field.ref}
        error={roles.fieldState.error}
      />
      <FormAlert form={form} />
      <button type="submit" className="button button--primary" aria-disabled={invite.isPending || undefined}>
        {invite.isPending ? t("invitations.inviting") : t("invitations.invite")}
      </button>
    </form>
  );
}

function PendingRow({ invitation }: { invitation: PendingInvitation }) {
  const { t, enumLabel, formatDate, failureMessage } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () =>
      mutate(RevokeInvitation, (data) => data.revokeInvitation, { input: { invitationId: invitation.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.pending }),
  });
  return (
    <li className="card team-member">
      <h3>{invitation.displayName}</h3>
      <p className="small muted">{invitation.email}</p>
      <p>
        {invitation.roles.length > 0
          ? invitation.roles.map((role) => enumLabel("Role", role)).join(" · ")
          : t("team.noRole")}
      </p>
      <p className="small muted">
        {t("invitations.pendingBy", {
          who: invitation.invitedByName,
          until: formatDate(invitation.expiresAt),
        })}
      </p>
      {confirming ? (
        <ConfirmDialog
          label={t("invitations.revokeLabel", { name: invitation.displayName })}
          question={t("invitations.revokeQuestion", { name: invitation.displayName })}
          confirmLabel={t("invitations.revoke")}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate()}
          onCancel={() => setConfirming(false)}
        >
          {revoke.isError ? <p role="alert">{failureMessage(failureOf(revoke.error))}</p> : null}
        </ConfirmDialog>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t("invitations.revokeButton", { name: invitation.displayName })}
        </button>
      )}
    </li>
  );
}

export function InvitationsSection() {
  const { t } = useT();
  const headingId = useId();
  const [sent, setSent] = useState<{ name: string; link: string } | null>(null);
  const pending = useQuery({ queryKey: invitationKeys.pending, queryFn: loadInvitations });
  return (
    <section aria-labelledby={headingId} className="team-section">
      <h2 id={headingId}>{t("invitations.title")}</h2>
      <p className="muted">{t("invitations.intro")}</p>
      <InviteForm onSent={setSent} />
      {/* Where the inviter is looking once the form is sent: the link, read out as it appears. */}
      <div aria-live="polite">{sent ? <NewLink name={sent.name} link={sent.link} /> : null}</div>
      <h3>{t("invitations.pending")}</h3>
      <p className="small muted">{t("invitations.lostLink")}</p>
      <Loaded
        query={pending}
        emptyWhen={(invitations) => invitations.length === 0}
        emptyText={t("invitations.none")}
      >
        {(invitations) => (
          <ul className="card-list">
            {invitations.map((invitation) => (
              <PendingRow key={invitation.id} invitation={invitation} />
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
