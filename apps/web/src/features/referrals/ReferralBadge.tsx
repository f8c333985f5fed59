import { useQuery } from "@tanstack/react-query";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { mayRead, useMe } from "../auth/session.ts";
import { ReferralCountsQuery, referralKeys } from "./referrals.graphql.ts";
import "./referrals.css";

/**
 * The unread counts of the acting organisation's referrals, polled every 30 s for whom the API
 * answers them (the roles that read referrals, as its scope on `referralCounts` says). The
 * header's badge and the referral screen's boxes share this one query.
 */
export function useReferralCounts() {
  const me = useMe().data;
  const handlesReferrals = !!me && mayRead(me, "REFERRAL");
  const counts = useQuery({
    queryKey: referralKeys.counts,
    enabled: handlesReferrals,
    refetchInterval: handlesReferrals ? 30_000 : false,
    queryFn: async () => (await request(ReferralCountsQuery)).referralCounts,
  });
  return handlesReferrals ? counts.data : undefined;
}

/**
 * For the app frame's header: new referrals (and unread answers, overdue ones) as one link to
 * /references.
 */
export function ReferralBadge() {
  const { t, formatNumber } = useT();
  const counts = useReferralCounts();
  if (!counts) return null;
  const { inboxUnread, outboxUnread, inboxOverdue } = counts;
  if (inboxUnread + outboxUnread + inboxOverdue === 0) return null;
  const parts = [
    ...(inboxUnread > 0 ? [t("referrals.badge.new", { count: inboxUnread })] : []),
    ...(outboxUnread > 0 ? [t("referrals.badge.answers", { count: outboxUnread })] : []),
    ...(inboxOverdue > 0 ? [t("referrals.badge.overdue", { count: inboxOverdue })] : []),
  ];
  const target = inboxUnread > 0 || inboxOverdue > 0 ? "INBOX" : "OUTBOX";
  return (
    <Link to={`/references?boite=${target}&vue=ALL`} className="referral-badge">
      <span className="referral-badge__count" aria-hidden="true">
        {formatNumber(inboxUnread + outboxUnread || inboxOverdue)}
      </span>
      <span className="referral-badge__text">{parts.join(" · ")}</span>
    </Link>
  );
}
