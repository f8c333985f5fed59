import { useQuery } from "@tanstack/react-query";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link, navigate, usePath } from "../../app/router.tsx";
import "./referrals.css";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { ReferralStatusBadges } from "./ReferralStatusBadges.tsx";
import {
  type ReferralBox,
  type ReferralSummary,
  type ReferralView,
  referralKeys,
  referralsQuery,
  referralViews,
} from "./referrals.graphql.ts";

const boxes: ReferralBox[] = ["INBOX", "OUTBOX"];

/** The views that make sense for a box (the API answers nothing for the other side's waits). */
function viewsOf(box: ReferralBox): ReferralView[] {
  return referralViews.filter((view) => view !== (box === "INBOX" ? "WAITING_FOR_THEM" : "WAITING_FOR_ME"));
}

function ReferralRow({ referral }: { referral: ReferralSummary }) {
  const { t, formatDateTime } = useT();
  const partner =
    referral.direction === "RECEIVED"
      ? t("referrals.from", { name: referral.fromOrganisation.name })
      : t("referrals.to", { name: referral.toOrganisation.name });
  return (
    <li className="card referral-row">
      <p className="referral-row__title">
        <Link to={`/references/${encodeURIComponent(referral.id)}`}>
          {referral.person ? referral.person.alias : t("referrals.personHidden")}
          <span className="visually-hidden"> — </span>
        </Link>{" "}
        <span>{referral.serviceRequested}</span>
      </p>
      <p className="small">{partner}</p>
      <ReferralStatusBadges referral={referral} />
      <p className="small muted">{t("referrals.sentOn", { date: formatDateTime(referral.createdAt) })}</p>
    </li>
  );
}

/** /references: the inbox and outbox, filtered by view; the box and view live in the address. */
export function ReferralsPage() {
  const { t } = useT();
  const { search } = usePath();
  const box: ReferralBox = search.get("boite") === "OUTBOX" ? "OUTBOX" : "INBOX";
  const requestedView = search.get("vue") as ReferralView | null;
  const view: ReferralView = requestedView && viewsOf(box).includes(requestedView) ? requestedView : "NEW";
  const referrals = useQuery({
    queryKey: referralKeys.list(box, view),
    queryFn: () =>
      graphql<{ referrals: { edges: { node: ReferralSummary }[] } }>(referralsQuery, { box, view }),
  });
  const choose = (next: { box?: ReferralBox; view?: ReferralView }) =>
    navigate(`/references?boite=${next.box ?? box}&vue=${next.view ?? (next.box ? "NEW" : view)}`, {
      replace: true,
    });

  return (
    <section className="page">
      <h1>{t("referrals.title")}</h1>
      <fieldset>
        <legend className="visually-hidden">{t("referrals.boxes")}</legend>
        <div className="segmented referral-boxes">
          {boxes.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === box}
              onClick={() => choose({ box: option })}
            >
              {t(`referrals.box.${option}` as MessageKey)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("referrals.views")}</legend>
        <div className="chips">
          {viewsOf(box).map((option) => (
            <button
              key={option}
              type="button"
              className="chip"
              aria-pressed={option === view}
              onClick={() => choose({ view: option })}
            >
              {t(`referrals.view.${option}` as MessageKey)}
            </button>
          ))}
        </div>
      </fieldset>
      {box === "OUTBOX" ? <p className="small muted">{t("referrals.newReferralHint")}</p> : null}
      {referrals.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : referrals.isError ? (
        <QueryFailure error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.referrals.edges.length === 0 ? (
        <p className="muted">{t("referrals.empty")}</p>
      ) : (
        <ul className="card-list" aria-label={t(`referrals.box.${box}` as MessageKey)}>
          {referrals.data.referrals.edges.map(({ node }) => (
            <ReferralRow key={node.id} referral={node} />
          ))}
        </ul>
      )}
    </section>
  );
}
