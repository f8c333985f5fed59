import { useQuery } from "@tanstack/react-query";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import { DeliveryCard } from "./DeliveryCard.tsx";
import { ClosedDeliveriesQuery, deliveryKeys, OpenDeliveriesQuery } from "./deliveries.graphql.ts";
import { newDeliveryPath } from "./deliveries.routes.ts";
import "./deliveries.css";

/** One list of open requests: the viewer's, or the rest of the team's. */
function OpenList({ mine }: { mine: boolean }) {
  const { t } = useT();
  const key = deliveryKeys.open(mine);
  const open = useQuery({
    queryKey: key,
    queryFn: () => request(OpenDeliveriesQuery, { mine }),
    // A step keeps its card in place (DeliveryCard): read again when the screen opens, not on focus.
    refetchOnWindowFocus: false,
  });
  const headingId = mine ? "deliveries-mine" : "deliveries-team";
  return (
    <section aria-labelledby={headingId} className="deliveries__section">
      <h2 id={headingId}>{t(mine ? "deliveries.mine" : "deliveries.team")}</h2>
      <Loaded
        query={open}
        emptyWhen={(data) => data.materialDeliveries.edges.length === 0}
        emptyText={t(mine ? "deliveries.noneMine" : "deliveries.noneTeam")}
      >
        {(data) => (
          <ul className="card-list deliveries__list">
            {data.materialDeliveries.edges.map(({ node }) => (
              <DeliveryCard key={node.id} delivery={node} listKey={key} />
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/**
 * Material delivery requests (`/livraisons`): the open ones assigned to the viewer first, then
 * the team's, each with its next steps; the latest closed ones below. A new request from the
 * button at the top (or the line's screen).
 */
export function DeliveriesPage() {
  const { t } = useT();
  const me = useViewer();
  const closed = useQuery({
    queryKey: deliveryKeys.closed,
    queryFn: () => request(ClosedDeliveriesQuery),
    refetchOnWindowFocus: false,
  });
  return (
    <section className="page deliveries">
      <div className="row row--between deliveries__heading">
        <h1>{t("deliveries.title")}</h1>
        {mayWrite(me, "MATERIAL_DELIVERY") ? (
          <Link to={newDeliveryPath} className="button button--primary">
            {t("deliveries.new")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("deliveries.intro")}</p>
      <OpenList mine />
      <OpenList mine={false} />
      <details className="deliveries__closed">
        <summary>{t("deliveries.closed")}</summary>
        <Loaded
          query={closed}
          emptyWhen={(data) => data.materialDeliveries.edges.length === 0}
          emptyText={t("deliveries.noneClosed")}
        >
          {(data) => (
            <ul className="card-list deliveries__list">
              {data.materialDeliveries.edges.map(({ node }) => (
                <DeliveryCard key={node.id} delivery={node} listKey={deliveryKeys.closed} />
              ))}
            </ul>
          )}
        </Loaded>
      </details>
    </section>
  );
}
