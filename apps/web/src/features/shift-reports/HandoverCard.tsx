import { useId } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { useShiftTimes } from "./ShiftReportCard.tsx";
import { shiftLogPath } from "./shift-reports.routes.ts";
import "./shift-reports.css";

/**
 * The top of an outreach worker's and a coordinator's home screen: the last shift's handover
 * notes, what the next shift reads first, with when it was and who wrote it.
 */
export function HandoverCard({
  report,
}: {
  report: {
    startsAt: string;
    endsAt: string;
    authorName: string;
    handoverNote: string | null;
    venues: { id: string; name: string }[];
  };
}) {
  const { t, formatDate } = useT();
  const { time } = useShiftTimes();
  const headingId = useId();
  return (
    <section className="card today-handover" aria-labelledby={headingId}>
      <h2 id={headingId} className="today-handover__title">
        {t("today.handover.title")}
      </h2>
      <p className="small muted">
        {t("today.handover.when", {
          date: formatDate(report.startsAt),
          start: time(report.startsAt),
          end: time(report.endsAt),
          name: report.authorName,
        })}
      </p>
      {report.handoverNote ? (
        <p className="shift-report__note">{report.handoverNote}</p>
      ) : (
        <p className="muted">{t("shift.noHandover")}</p>
      )}
      {report.venues.length > 0 ? (
        <p className="small">
          {t("today.handover.venues", { venues: report.venues.map((venue) => venue.name).join(", ") })}
        </p>
      ) : null}
      <p className="today-card__link">
        <Link to={shiftLogPath}>{t("today.handover.link")}</Link>
      </p>
    </section>
  );
}
