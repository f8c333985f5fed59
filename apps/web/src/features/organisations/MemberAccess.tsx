/**
 * Ending access on the team page: deactivating one member, and, for org admins, ending every
 * session of the team (a lost or stolen phone). Both ask first, saying what will happen.
 */
import { mayDeactivateMember } from "@maillage/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { failureOf, mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { mayTake, useViewer } from "../auth/session.ts";
import {
  DeactivateMember,
  EndAllSessions,
  organisationKeys,
  type TeamMember,
} from "./organisations.graphql.ts";

/** "Deactivate" under a member's card, when the viewer may (never herself; an admin by an admin). */
export function DeactivateButton({
  member,
  onDeactivated,
}: {
  member: TeamMember;
  onDeactivated(name: string): void;
}) {
  const { t, failureMessage } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const deactivate = useMutation({
    mutationFn: () =>
      mutate(DeactivateMember, (data) => data.deactivateMember, { input: { userId: member.userId } }),
    onSuccess: () => {
      onDeactivated(member.displayName);
      queryClient.setQueryData<TeamMember[]>(organisationKeys.team, (team) =>
        team?.filter((m) => m.userId !== member.userId),
      );
    },
  });
  if (!mayDeactivateMember({ userId: me.user.id, roles: me.roles }, member)) return null;
  if (!confirming) {
    return (
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t("members.deactivate", { name: member.displayName })}
      </button>
    );
  }
  return (
    <ConfirmDialog
      label={t("members.deactivate", { name: member.displayName })}
      question={t("members.deactivateQuestion", { name: member.displayName })}
      confirmLabel={t("members.deactivateConfirm")}
      pending={deactivate.isPending}
      onConfirm={() => deactivate.mutate()}
      onCancel={() => setConfirming(false)}
    >
      <p>{t("members.deactivateEffect")}</p>
      {deactivate.isError ? <p role="alert">{failureMessage(failureOf(deactivate.error))}</p> : null}
    </ConfirmDialog>
  );
}

/** For org admins: end every session of the team but this one, and forget every device's vault. */
export function EndSessionsSection() {
  const { t, failureMessage } = useT();
  const me = useViewer();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: () => mutate(EndAllSessions, (data) => data.endAllSessions),
    onSuccess: () => setConfirming(false),
  });
  if (!mayTake(me, "END_SESSIONS")) return null;
  return (
    <section aria-labelledby={headingId} className="team-section card">
      <h2 id={headingId}>{t("members.endAllTitle")}</h2>
      <p>{t("members.endAllIntro")}</p>
      {confirming ? (
        <ConfirmDialog
          label={t("members.endAll")}
          question={t("members.endAllQuestion")}
          confirmLabel={t("members.endAllConfirm")}
          pending={end.isPending}
          onConfirm={() => end.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <ul>
            <li>{t("members.endAllEffectSessions")}</li>
            <li>{t("members.endAllEffectDevices")}</li>
            <li>{t("members.endAllEffectYou")}</li>
          </ul>
          {end.isError ? <p role="alert">{failureMessage(failureOf(end.error))}</p> : null}
        </ConfirmDialog>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t("members.endAll")}
        </button>
      )}
      <p role="status" className={end.isSuccess ? "alert alert--ok" : "visually-hidden"}>
        {end.isSuccess ? t("members.endAllDone", end.data.ended) : null}
      </p>
    </section>
  );
}
