import { useQuery } from "@tanstack/react-query";
import { graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { hasRole, useMe } from "../auth/session.ts";
import { referralCountsQuery, referralKeys } from "./referrals.graphql.ts";
import "./referrals.css";

interface ReferralCounts {
  inboxUnread: number;
  outboxUnread: number;
  inboxOverdue: number;
}

/**
 * For the app frame's header: new referrals (and unread answers, overdue ones) as one link to
 * /references, polled every 30 s while signed in with a role that handles referrals.
 */
export function ReferralBadge() {
  const { t } = useT();
  const me = useMe().data;
  const handlesReferrals = !!me?.actingOrganisation && hasRole(me, "OUTREACH_WORKER", "NURSE", "COORDINATOR");
  const counts = useQuery({
    queryKey: referralKeys.counts,
    enabled: handlesReferrals,
    refetchInterval: handlesReferrals ? 30_000 : false,
    queryFn: () => graphql<{ referralCounts: ReferralCounts }>(referralCountsQuery),
  });
  const data = counts.data?.referralCounts;
  if (!handlesReferrals || !data) return null;
  const { inboxUnread, outboxUnread, inboxOverdue } = data;
  if (inboxUnread + outboxUnread + inboxOverdue === 0) return null;
  const parts = [
    ...(inboxUnread > 0
      ? [inboxUnread === 1 ? t("referrals.badge.one") : t("referrals.badge", { count: inboxUnread })]
      : []),
    ...(outboxUnread > 0 ? [t("referrals.badge.answers", { count: outboxUnread })] : []),
    ...(inboxOverdue > 0 ? [t("referrals.badge.overdue", { count: inboxOverdue })] : []),
  ];
  const target = inboxUnread > 0 || inboxOverdue > 0 ? "INBOX" : "OUTBOX";
  return (
    <Link to={`/references?boite=${target}&vue=ALL`} className="referral-badge">
      <span className="referral-badge__count" aria-hidden="true">
        {inboxUnread + outboxUnread || inboxOverdue}
      </span>
      <span className="referral-badge__text">{parts.join(" · ")}</span>
    </Link>
  );
}
