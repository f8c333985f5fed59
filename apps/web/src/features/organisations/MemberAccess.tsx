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
  ResetMemberSecondFactor,
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

/**
 * A member's two-step sign-in, on her card: on or off, and — when the viewer may end her access
 * (the same rule as deactivation) and it is on — its reset for a lost phone: her factor, recovery
 * codes, remembered devices and sessions go; she sets a new one at her next sign-in.
 */
export function SecondFactorOfMember({ member }: { member: TeamMember }) {
  const { t, failureMessage } = useT();
  const me = useViewer();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useMutation({
    mutationFn: () =>
      mutate(ResetMemberSecondFactor, (data) => data.resetMemberSecondFactor, {
        input: { userId: member.userId },
      }),
    onSuccess: ({ member: changed }) => {
      setConfirming(false);
      setDone(true);
      queryClient.setQueryData<TeamMember[]>(organisationKeys.team, (team) =>
        team?.map((m) => (m.userId === changed.userId ? changed : m)),
      );
    },
  });
  const mayReset = mayDeactivateMember({ userId: me.user.id, roles: me.roles }, member);
  return (
    <div className="member__second-factor">
      <p className="small">
        {t(member.secondFactorOn ? "members.secondFactorOn" : "members.secondFactorOff")}
      </p>
      <p role="status" className={done ? "alert alert--ok" : "visually-hidden"}>
        {done ? t("members.secondFactorResetDone", { name: member.displayName }) : null}
      </p>
      {mayReset && member.secondFactorOn && !confirming ? (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t("members.secondFactorReset", { name: member.displayName })}
        </button>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          label={t("members.secondFactorReset", { name: member.displayName })}
          question={t("members.secondFactorResetQuestion", { name: member.displayName })}
          confirmLabel={t("members.secondFactorResetConfirm")}
          pending={reset.isPending}
          onConfirm={() => reset.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("members.secondFactorResetEffect")}</p>
          {reset.isError ? <p role="alert">{failureMessage(failureOf(reset.error))}</p> : null}
        </ConfirmDialog>
      ) : null}
    </div>
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
