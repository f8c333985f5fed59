import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import type { ReferralSummary } from "./referrals.graphql.ts";

const statusTone: Record<ReferralSummary["status"], string> = {
  SENT: "badge",
  ACCEPTED: "badge badge--ok",
  IN_PROGRESS: "badge badge--ok",
  COMPLETED: "badge badge--ok",
  DECLINED: "badge badge--danger",
  WITHDRAWN: "badge",
  CLOSED_NO_CONTACT: "badge badge--warn",
};

const urgencyTone: Record<ReferralSummary["urgency"], string> = {
  ROUTINE: "badge",
  SOON: "badge badge--warn",
  URGENT: "badge badge--danger",
};

/** Status, urgency, overdue and withdrawn consent, as badges with words (never colour alone). */
export function ReferralStatusBadges({ referral }: { referral: ReferralSummary }) {
  const { t } = useT();
  return (
    <span className="row">
      <span className={statusTone[referral.status]}>
        {t(`referrals.status.${referral.status}` as MessageKey)}
      </span>
      <span className={urgencyTone[referral.urgency]}>
        {t("referrals.urgencyBadge", {
          urgency: t(`referrals.urgency.${referral.urgency}` as MessageKey),
        })}
      </span>
      {referral.overdue ? <span className="badge badge--danger">{t("referrals.overdue")}</span> : null}
      {referral.consentInForce ? null : (
        <span className="badge badge--warn">{t("referrals.consentWithdrawn")}</span>
      )}
    </span>
  );
}
