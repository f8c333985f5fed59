/** The home screen's sections, one per role: cards ordered by what is most urgent. */
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { stockPath } from "../material-stock/material-stock.routes.ts";
import { calendarDate } from "../safety-alerts/safety-alerts.graphql.ts";
import type { Today } from "./home.graphql.ts";
import { QueuedEntriesCard, useQueuedEntryCounts } from "./QueuedEntriesCard.tsx";
import { TodayCard } from "./TodayCard.tsx";

type Part<K extends keyof Today> = NonNullable<Today[K]>;

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

function useFormats() {
  const { formatDateTime, formatDate } = useT();
  return {
    time: (value: string) => formatDateTime(value, { dateStyle: undefined, timeStyle: "short" }),
    dayAndTime: (value: string) => formatDateTime(value, { dateStyle: "medium", timeStyle: "short" }),
    date: formatDate,
  };
}

/** A joint visit: when and where, linking to the visit, and who else goes. */
function VisitItem({ id, label, with: name }: { id: string; label: string; with: string | null }) {
  const { t } = useT();
  return (
    <>
      <Link to={path("/visites", id)}>{label}</Link>
      {name ? (
        <span className="small muted today-card__detail">{t("today.visit.with", { name })}</span>
      ) : null}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="today-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="today-grid">{children}</div>
    </section>
  );
}

export function NurseSection({ nurse }: { nurse: Part<"nurse"> }) {
  const { t, enumLabel } = useT();
  const { time, dayAndTime } = useFormats();
  const { awaitingAnswer, visits } = nurse;
  return (
    <Section id="today-nurse" title={t("today.section.nurse")}>
      <TodayCard
        title={t("today.awaiting.title")}
        urgent
        summary={t("today.visits.count", { count: awaitingAnswer.totalCount })}
        total={awaitingAnswer.totalCount}
        emptyText={t("today.awaiting.empty")}
        items={awaitingAnswer.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <VisitItem
              id={node.id}
              label={t("today.visit.dated", {
                date: dayAndTime(node.plannedStart),
                place: enumLabel("PlaceType", node.placeType),
              })}
              with={node.workerName}
            />
          ),
        }))}
        link={{ to: "/visites", label: t("today.seeAll") }}
      />
      <TodayCard
        title={t("today.nurseDay.title")}
        summary={t("today.visits.count", { count: visits.totalCount })}
        total={visits.totalCount}
        emptyText={t("today.nurseDay.empty")}
        items={visits.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <VisitItem
              id={node.id}
              label={t("today.nurseDay.item", {
                start: time(node.plannedStart),
                end: time(node.plannedEnd),
                place: enumLabel("PlaceType", node.placeType),
              })}
              with={node.workerName}
            />
          ),
        }))}
      />
    </Section>
  );
}

export function OutreachSection({ outreach }: { outreach: Part<"outreach"> }) {
  const { t, enumLabel } = useT();
  const { time, date } = useFormats();
  const queued = useQueuedEntryCounts();
  const { accompaniments, jointVisits, venuesDue, referralsAwaitingAnswer } = outreach;
  return (
    <Section id="today-outreach" title={t("today.section.outreach")}>
      {queued && queued.waiting + queued.failed > 0 ? <QueuedEntriesCard {...queued} /> : null}
      <TodayCard
        title={t("today.accompaniments.title")}
        summary={t("today.accompaniments.count", { count: accompaniments.totalCount })}
        total={accompaniments.totalCount}
        emptyText={t("today.accompaniments.empty")}
        items={accompaniments.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <>
              <Link to="/accompagnements">
                {t("today.accompaniments.item", {
                  time: time(node.plannedAt),
                  destination: enumLabel("AccompanimentDestination", node.destination),
                })}
              </Link>
              {node.person ? <span className="small muted"> · {node.person.alias}</span> : null}
            </>
          ),
        }))}
        link={{ to: "/accompagnements", label: t("today.seeAll") }}
      />
      <TodayCard
        title={t("today.jointVisits.title")}
        summary={t("today.visits.count", { count: jointVisits.totalCount })}
        total={jointVisits.totalCount}
        emptyText={t("today.jointVisits.empty")}
        items={jointVisits.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <VisitItem
              id={node.id}
              label={t("today.visit.item", {
                time: time(node.plannedStart),
                place: enumLabel("PlaceType", node.placeType),
              })}
              with={node.nurseName}
            />
          ),
        }))}
      />
      <TodayCard
        title={t("today.venues.title")}
        urgent={venuesDue.overdueCount > 0}
        summary={t("today.venues.count", { count: venuesDue.totalCount, overdue: venuesDue.overdueCount })}
        total={venuesDue.totalCount}
        emptyText={t("today.venues.empty")}
        items={venuesDue.items.map((item) => ({
          key: item.venue.id,
          content: (
            <>
              <Link to="/milieux">{item.venue.name}</Link>{" "}
              <span className={`badge ${item.overdue ? "badge--warn" : ""}`}>
                {item.overdue ? t("today.venues.overdue") : t("today.venues.dueToday")}
              </span>
              <span className="small muted today-card__detail">
                {item.lastVisitAt
                  ? t("today.venues.lastVisit", { date: date(item.lastVisitAt) })
                  : t("today.venues.never")}
              </span>
            </>
          ),
        }))}
        link={{ to: "/milieux", label: t("today.seeAll") }}
      />
      <TodayCard
        title={t("today.referrals.title")}
        summary={t("today.referrals.count", { count: referralsAwaitingAnswer.totalCount })}
        total={referralsAwaitingAnswer.totalCount}
        emptyText={t("today.referrals.empty")}
        items={referralsAwaitingAnswer.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <>
              <Link to={path("/references", node.id)}>{node.person?.alias ?? node.toOrganisation.name}</Link>
              <span className="small muted today-card__detail">
                {t("today.referrals.sentTo", { organisation: node.toOrganisation.name })} ·{" "}
                {enumLabel("Urgency", node.urgency)} ·{" "}
                {t("today.referrals.sentOn", { date: date(node.createdAt) })}
              </span>
            </>
          ),
        }))}
        link={{ to: "/references", label: t("today.seeAll") }}
      />
      <TodayCard
        title={t("today.alerts.title")}
        urgent={outreach.recentSafetyAlerts > 0}
        summary={t("today.alerts.count", { count: outreach.recentSafetyAlerts })}
        link={{ to: "/alertes", label: t("today.alerts.link") }}
      />
    </Section>
  );
}

export function CoordinationSection({ coordination }: { coordination: Part<"coordination"> }) {
  const { t, enumLabel } = useT();
  const { date } = useFormats();
  const { overdueReferrals, lowStock, alertsToReview, teamActivity } = coordination;
  return (
    <Section id="today-coordination" title={t("today.section.coordination")}>
      <TodayCard
        title={t("today.overdue.title")}
        urgent
        summary={t("today.referrals.count", { count: overdueReferrals.totalCount })}
        total={overdueReferrals.totalCount}
        emptyText={t("today.overdue.empty")}
        items={overdueReferrals.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <>
              <Link to={path("/references", node.id)}>
                {node.direction === "RECEIVED"
                  ? t("today.overdue.received", { organisation: node.fromOrganisation.name })
                  : t("today.overdue.sent", { organisation: node.toOrganisation.name })}
              </Link>
              <span className="small muted today-card__detail">
                {t("today.overdue.since", {
                  urgency: enumLabel("Urgency", node.urgency),
                  date: date(node.createdAt),
                })}
              </span>
            </>
          ),
        }))}
        link={{ to: "/references", label: t("today.seeAll") }}
      />
      <TodayCard
        title={t("stock.low")}
        urgent={lowStock.length > 0}
        summary={t("today.stock.count", { count: lowStock.length })}
        total={lowStock.length}
        emptyText={t("today.stock.empty")}
        items={lowStock.map((level) => ({
          key: level.item,
          content: (
            <Link to={stockPath}>{t("today.stock.item", { item: level.label, count: level.onHand })}</Link>
          ),
        }))}
        link={{ to: stockPath, label: t("stock.title") }}
      />
      <TodayCard
        title={t("today.review.title")}
        summary={t("today.review.count", { count: alertsToReview.totalCount })}
        total={alertsToReview.totalCount}
        emptyText={t("today.review.empty")}
        items={alertsToReview.edges.map(({ node }) => ({
          key: node.id,
          content: (
            <>
              <Link to="/alertes">
                {node.area} · {date(calendarDate(node.occurredOn))}
              </Link>
              <span className="small muted today-card__detail">
                {t("today.review.expires", { date: date(node.expiresAt) })}
              </span>
            </>
          ),
        }))}
        link={{ to: "/alertes", label: t("today.seeAll") }}
      />
      <TodayCard
        title={t("today.team.title")}
        summary={t("today.team.count", { count: teamActivity.encounters })}
        total={teamActivity.members.length}
        emptyText={t("today.team.empty")}
        items={teamActivity.members.map((member) => ({
          key: member.userId,
          content: (
            <span className="row row--between">
              <span>{member.displayName}</span>
              <span className="muted">{t("today.team.member", { count: member.encounters })}</span>
            </span>
          ),
        }))}
        link={{ to: "/tableau-de-bord", label: t("today.team.link") }}
      />
    </Section>
  );
}

export function AdministrationSection({ administration }: { administration: Part<"administration"> }) {
  const { t } = useT();
  return (
    <Section id="today-administration" title={t("today.section.administration")}>
      <TodayCard
        title={t("today.invitations.title")}
        urgent={administration.pendingInvitations > 0}
        summary={t("today.invitations.count", { count: administration.pendingInvitations })}
        link={{ to: "/equipe", label: t("today.members.link") }}
      />
      <TodayCard
        title={t("today.members.title")}
        summary={t("today.members.count", { count: administration.members })}
        link={{ to: "/equipe", label: t("today.members.link") }}
      />
      <TodayCard
        title={t("today.audit.title")}
        summary={t("today.audit.count", { count: administration.auditEventsToday })}
        link={{ to: "/journal", label: t("today.audit.link") }}
      />
    </Section>
  );
}

/** The headline figures the committee's home card shows (names of the indicators' registry). */
const figureNames = ["encounters", "contacts", "personsMet", "nurseVisitsCompleted"];

export function CommitteeSection({ committee }: { committee: Today["committees"][number] }) {
  const { t, formatNumber } = useT();
  const { indicators, partnership } = committee;
  const figures = figureNames.flatMap((name) => indicators?.figures.filter((f) => f.name === name) ?? []);
  const id = `today-committee-${partnership.id}`;
  return (
    <Section id={id} title={t("today.section.committee", { partnership: partnership.name })}>
      <section className="card today-card today-card--wide" aria-labelledby={`${id}-figures`}>
        <h3 id={`${id}-figures`} className="today-card__title">
          {indicators
            ? t("today.committee.year", { name: indicators.period.label })
            : t("today.committee.unavailable")}
        </h3>
        {indicators ? (
          <dl className="today-figures">
            {figures.map(({ name, title, value }) => {
              return (
                <div key={name}>
                  <dt>{title}</dt>
                  <dd>
                    {value === null ? (
                      <>
                        <span aria-hidden="true">{t("dashboard.suppressedMark")}</span>
                        <span className="visually-hidden">{t("dashboard.suppressedCell")}</span>
                      </>
                    ) : (
                      formatNumber(value)
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        ) : null}
        <p className="today-card__link">
          <Link to="/tableau-de-bord">{t("today.committee.link")}</Link>
        </p>
      </section>
    </Section>
  );
}
