import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { ReferralActions } from "./ReferralActions.tsx";
import { ReferralStatusBadges } from "./ReferralStatusBadges.tsx";
import { MarkReferralRead, type ReferralDetail, ReferralQuery, referralKeys } from "./referrals.graphql.ts";
import "./referrals.css";
import { Fact } from "../../ui/Fact.tsx";
import { Loading } from "../../ui/Loaded.tsx";

function ReferralHistory({ referral }: { referral: ReferralDetail }) {
  const { t, formatDateTime, enumLabel } = useT();
  return (
    <ol className="referral-history">
      {referral.transitions.map((transition) => (
        <li key={`${transition.at}-${transition.toStatus}`}>
          <p>
            <strong>
              {t("referrals.detail.historyEntry", {
                status: enumLabel("ReferralStatus", transition.toStatus),
                organisation: transition.byOrganisation.name,
              })}
            </strong>
          </p>
          <p className="small muted">
            <time dateTime={transition.at}>{formatDateTime(transition.at)}</time>
          </p>
          {transition.message ? <p>{transition.message}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** /references/:id: the referral, its whole history, and what the viewer's side may do next. */
export function ReferralDetailPage({ params }: { params: Record<string, string> }) {
  const { t, enumLabel } = useT();
  const id = params.id ?? "";
  const queryClient = useQueryClient();
  const referral = useQuery({
    queryKey: referralKeys.detail(id),
    queryFn: () => request(ReferralQuery, { id }),
  });
  // A plain Boolean, not a union: nothing to narrow, so `request` rather than `mutate`.
  const markRead = useMutation({
    mutationFn: () => request(MarkReferralRead, { id }),
    onSuccess: ({ markReferralRead: changed }) => {
      if (changed) void queryClient.invalidateQueries({ queryKey: referralKeys.counts });
    },
  });
  const { mutate: markAsRead } = markRead;
  const found = referral.data?.node?.__typename === "Referral";
  // Opening a referral reads its notices, once per visit.
  useEffect(() => {
    if (found) markAsRead();
  }, [found, markAsRead]);

  if (referral.isPending) {
    return (
      <section className="page">
        <h1>{t("referrals.title")}</h1>
        <Loading />
      </section>
    );
  }
  const node = referral.data?.node;
  if (referral.isError || !node || node.__typename !== "Referral") {
    return (
      <section className="page">
        <h1>{t("referrals.title")}</h1>
        {referral.isError ? (
          <QueryFailure error={referral.error} onRetry={() => void referral.refetch()} />
        ) : (
          <p className="alert alert--error" role="alert">
            {t("errors.NOT_FOUND")}
          </p>
        )}
        <Link to="/references">{t("referrals.detail.back")}</Link>
      </section>
    );
  }
  return (
    <section className="page">
      <p className="small">
        <Link to={`/references?boite=${node.direction === "RECEIVED" ? "INBOX" : "OUTBOX"}&vue=ALL`}>
          {t("referrals.detail.back")}
        </Link>
      </p>
      <h1>{t("referrals.detail.title", { service: node.serviceRequested })}</h1>
      <ReferralStatusBadges referral={node} />
      {node.consentInForce ? null : (
        <p className="alert alert--warn">{t("referrals.detail.consentWithdrawn")}</p>
      )}
      <div className="card referral-facts">
        <dl className="facts">
          <Fact term={t("referrals.detail.person")}>
            {node.person ? (
              <Link to={`/personnes/${encodeURIComponent(node.person.id)}`}>{node.person.alias}</Link>
            ) : (
              t("referrals.personHidden")
            )}
          </Fact>
          <Fact term={t("referrals.detail.fromOrganisation")}>{node.fromOrganisation.name}</Fact>
          <Fact term={t("referrals.detail.toOrganisation")}>{node.toOrganisation.name}</Fact>
          <Fact term={t("referrals.detail.service")}>{node.serviceRequested}</Fact>
          <Fact term={t("referrals.detail.reason")}>{node.reason}</Fact>
          {node.message ? <Fact term={t("referrals.detail.message")}>{node.message}</Fact> : null}
          <Fact term={t("referrals.detail.status")}>{enumLabel("ReferralStatus", node.status)}</Fact>
          {node.outcome ? (
            <Fact term={t("referrals.outcome")}>{enumLabel("ReferralOutcome", node.outcome)}</Fact>
          ) : null}
          {node.outcomeNote ? <Fact term={t("referrals.outcomeNote")}>{node.outcomeNote}</Fact> : null}
        </dl>
      </div>
      <ReferralActions referral={node} />
      <h2>{t("referrals.detail.history")}</h2>
      <ReferralHistory referral={node} />
    </section>
  );
}
