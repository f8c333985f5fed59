import { useQuery } from "@tanstack/react-query";
import { request } from "../../app/graphql.ts";
import type { MessageKey } from "../../app/i18n/index.tsx";
import { useT } from "../../app/i18n/index.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { useViewer } from "../auth/session.ts";
import { HandoverCard } from "../shift-reports/HandoverCard.tsx";
import { homeKeys, TodayQuery } from "./home.graphql.ts";
import {
  AdministrationSection,
  CommitteeSection,
  CoordinationSection,
  NurseSection,
  OutreachSection,
} from "./TodaySections.tsx";
import "./home.css";

/**
 * The home page: what to do today, a section for each role held in the acting organisation
 * and each committee seat — the answers waited on first (a nurse's visits to confirm, the
 * field day, then the team's follow-up, administration, the committee's figures) — or what to
 * do when there is no role at all.
 */
export function HomePage() {
  const { t, formatDate } = useT();
  const me = useViewer();
  const today = useQuery({
    queryKey: [...homeKeys.today, me.actingOrganisation?.id ?? null],
    queryFn: async () => (await request(TodayQuery)).today,
  });
  const hint: MessageKey | null =
    !me.actingOrganisation && me.committeeSeats.length === 0
      ? "home.NO_ORGANISATION"
      : me.roles.length === 0 && me.committeeSeats.length === 0
        ? "home.NO_ROLE"
        : null;
  return (
    <section className="page today">
      <h1>{t("home.greeting", { name: me.user.displayName })}</h1>
      <p className="muted">
        {t("today.date", { date: formatDate(new Date()) })}
        {me.actingOrganisation ? ` · ${me.actingOrganisation.name}` : ""}
      </p>
      {hint ? <p className="card">{t(hint)}</p> : null}
      <Loaded query={today}>
        {(data) => (
          <>
            {/* The last shift's handover first: what the next shift reads before anything else. */}
            {data.latestShiftReport ? <HandoverCard report={data.latestShiftReport} /> : null}
            {data.nurse ? <NurseSection nurse={data.nurse} /> : null}
            {data.outreach ? <OutreachSection outreach={data.outreach} /> : null}
            {data.coordination ? <CoordinationSection coordination={data.coordination} /> : null}
            {data.administration ? <AdministrationSection administration={data.administration} /> : null}
            {data.committees.map((committee) => (
              <CommitteeSection key={committee.partnership.id} committee={committee} />
            ))}
          </>
        )}
      </Loaded>
    </section>
  );
}
