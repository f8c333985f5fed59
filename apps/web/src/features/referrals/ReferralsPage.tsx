import { useQuery } from "@tanstack/react-query";
import { request } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import { Link, navigate, usePath } from "../../app/router.tsx";
import type { ReferralBox, ReferralView } from "../../generated/enums.ts";
import { Loaded } from "../../ui/Loaded.tsx";
import { useReferralCounts } from "./ReferralBadge.tsx";
import { ReferralStatusBadges } from "./ReferralStatusBadges.tsx";
import { type ReferralSummary, ReferralsQuery, referralKeys } from "./referrals.graphql.ts";
import "./referrals.css";

/** The views that make sense for a box (the API answers nothing for the other side's waits). */
function viewsOf(box: ReferralBox): ReferralView[] {
  return enumOptions("ReferralView").filter(
    (view) => view !== (box === "INBOX" ? "WAITING_FOR_THEM" : "WAITING_FOR_ME"),
  );
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

/** What is unread in a box, as the button's second line ("2 nouvelles", "1 réponse à lire"). */
function BoxUnread({ box }: { box: ReferralBox }) {
  const { t } = useT();
  const counts = useReferralCounts();
  const count = box === "INBOX" ? counts?.inboxUnread : counts?.outboxUnread;
  if (!count) return null;
  return (
    <>
      {/* Read out as "Reçues, 3 nouvelles" rather than run together. */}
      <span className="visually-hidden">, </span>
      <span className="referral-boxes__unread">
        {t(box === "INBOX" ? "referrals.box.unreadInbox" : "referrals.box.unreadOutbox", { count })}
      </span>
    </>
  );
}

/** /references: the inbox and outbox, filtered by view; the box and view live in the address. */
export function ReferralsPage() {
  const { t, enumLabel } = useT();
  const { search } = usePath();
  const box: ReferralBox = search.get("boite") === "OUTBOX" ? "OUTBOX" : "INBOX";
  const view: ReferralView = viewsOf(box).find((option) => option === search.get("vue")) ?? "NEW";
  const referrals = useQuery({
    queryKey: referralKeys.list(box, view),
    queryFn: async () => (await request(ReferralsQuery, { box, view })).referrals,
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
          {enumOptions("ReferralBox").map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === box}
              onClick={() => choose({ box: option })}
            >
              <span>{enumLabel("ReferralBox", option)}</span>
              <BoxUnread box={option} />
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
              {enumLabel("ReferralView", option)}
            </button>
          ))}
        </div>
      </fieldset>
      {box === "OUTBOX" ? <p className="small muted">{t("referrals.newReferralHint")}</p> : null}
      <Loaded
        query={referrals}
        emptyWhen={(page) => page.edges.length === 0}
        emptyText={t("referrals.empty")}
      >
        {({ edges, pageInfo }) => (
          <>
            <p role="status" className="small muted">
              {t(pageInfo.hasNextPage ? "referrals.shownFirst" : "referrals.shown", { count: edges.length })}
            </p>
            <ul className="card-list" aria-label={enumLabel("ReferralBox", box)}>
              {edges.map(({ node }) => (
                <ReferralRow key={node.id} referral={node} />
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}
