import { useT } from "../../app/i18n/index.tsx";
import type { ReferralStatus, Urgency } from "../../generated/enums.ts";
import type { ReferralSummary } from "./referrals.graphql.ts";

const statusTone: Record<ReferralStatus, string> = {
  SENT: "badge",
  ACCEPTED: "badge badge--ok",
  IN_PROGRESS: "badge badge--ok",
  COMPLETED: "badge badge--ok",
  DECLINED: "badge badge--danger",
  WITHDRAWN: "badge",
  CLOSED_NO_CONTACT: "badge badge--warn",
};

const urgencyTone: Record<Urgency, string> = {
  ROUTINE: "badge",
  SOON: "badge badge--warn",
  URGENT: "badge badge--danger",
};

type Badged = Pick<ReferralSummary, "status" | "urgency" | "overdue" | "consentInForce">;

/** Status, urgency, overdue and withdrawn consent, as badges with words (never colour alone). */
export function ReferralStatusBadges({ referral }: { referral: Badged }) {
  const { t, enumLabel } = useT();
  return (
    <span className="row">
      <span className={statusTone[referral.status]}>{enumLabel("ReferralStatus", referral.status)}</span>
      <span className={urgencyTone[referral.urgency]}>
        {t("referrals.urgencyBadge", { urgency: enumLabel("Urgency", referral.urgency) })}
      </span>
      {referral.overdue ? <span className="badge badge--danger">{t("referrals.overdue")}</span> : null}
      {referral.consentInForce ? null : (
        <span className="badge badge--warn">{t("referrals.consentWithdrawn")}</span>
      )}
    </span>
  );
}
