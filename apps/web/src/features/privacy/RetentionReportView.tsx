/**
 * A dry run of the retention job (retentionReport): how many files it would de-identify at its next
 * daily run and within 90 days, day by day, and which. Nothing is changed by reading it.
 */
import { useId } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import type { RetentionReport } from "./privacy.graphql.ts";

/** The day a report names (UTC midnight) shown as that calendar day in every zone. */
function calendarDay(day: string): Date {
  return new Date(`${day.slice(0, 10)}T12:00:00Z`);
}

/** Long lists start folded: the counts are what a coordinator reads first. */
const shownOpenUpTo = 10;

export function RetentionReportView({ report }: { report: RetentionReport }) {
  const { t, formatDate } = useT();
  const daysId = useId();
  const filesId = useId();
  const later = report.total - report.dueNow;
  const now = Date.now();
  return (
    <div className="retention-report">
      <ul className="retention-report__counts">
        <li>
          <strong className="retention-report__figure">{report.dueNow}</strong>{" "}
          {t("privacy.report.dueNow", { count: report.dueNow })}
        </li>
        <li>
          <strong className="retention-report__figure">{later}</strong>{" "}
          {t("privacy.report.dueLater", { count: later, days: report.horizonDays })}
        </li>
      </ul>
      {report.byDay.length > 0 ? (
        <details className="retention-report__details" open={report.byDay.length <= shownOpenUpTo}>
          <summary>{t("privacy.report.byDay", { count: report.byDay.length })}</summary>
          <div className="table-scroll">
            <table aria-labelledby={daysId}>
              <caption id={daysId} className="visually-hidden">
                {t("privacy.report.byDayCaption", { days: report.horizonDays })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("privacy.report.day")}</th>
                  <th scope="col">{t("privacy.report.files")}</th>
                </tr>
              </thead>
              <tbody>
                {report.byDay.map((day, index) => (
                  <tr key={day.day}>
                    <td>
                      {index === 0 && report.dueNow > 0
                        ? t("privacy.report.nextRun", { date: formatDate(calendarDay(day.day)) })
                        : formatDate(calendarDay(day.day))}
                    </td>
                    <td>{day.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {report.files.length > 0 ? (
        <details className="retention-report__details" open={report.files.length <= shownOpenUpTo}>
          <summary>{t("privacy.report.fileList", { count: report.files.length })}</summary>
          <div className="table-scroll">
            <table aria-labelledby={filesId}>
              <caption id={filesId} className="visually-hidden">
                {t("privacy.report.fileCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("privacy.report.file")}</th>
                  <th scope="col">{t("privacy.report.lastActivity")}</th>
                  <th scope="col">{t("privacy.report.dueAt")}</th>
                </tr>
              </thead>
              <tbody>
                {report.files.map((file, index) => (
                  <tr key={file.person?.id ?? `hidden-${index}`}>
                    <td>
                      {file.person ? (
                        <Link to={`/personnes/${encodeURIComponent(file.person.id)}`}>
                          {file.person.alias}
                        </Link>
                      ) : (
                        <span className="muted">{t("privacy.report.hiddenFile")}</span>
                      )}
                    </td>
                    <td>{formatDate(file.lastActivityAt)}</td>
                    <td>
                      {new Date(file.dueAt).getTime() <= now
                        ? t("privacy.report.atNextRun")
                        : formatDate(file.dueAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}
