/**
 * A dry run's answer, where the coordinator looks (the focus moves to it): how many rows were
 * read, would be added, were already imported, and every problem — line, column, value and rule,
 * in her language — in a table a screen reader reads by its headers.
 */
import { useEffect, useId, useRef } from "react";
import { useT } from "../../app/i18n/index.tsx";
import type { ImportReport } from "./import-steps.ts";

export function ReportCounts({ report }: { report: ImportReport }) {
  const { t, intl } = useT();
  const counts = [
    ["imports.check.rows", report.rows],
    ["imports.check.toCreate", report.toCreate],
    ["imports.check.already", report.alreadyImported],
    ["imports.check.problems", report.problems.length + report.unlisted],
  ] as const;
  return (
    <dl className="tiles imports__counts">
      {counts.map(([label, value]) => (
        <div key={label} className="card">
          <dt className="small">{t(label)}</dt>
          <dd className="tile__value">{intl.formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProblemsTable({ report }: { report: ImportReport }) {
  const { t } = useT();
  const captionId = useId();
  if (report.problems.length === 0) return null;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keyboard. */}
      <section className="table-scroll imports__problems" tabIndex={0} aria-labelledby={captionId}>
        <table>
          <caption id={captionId}>{t("imports.problems.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t("imports.problems.line")}
              </th>
              <th scope="col">{t("imports.problems.column")}</th>
              <th scope="col">{t("imports.problems.value")}</th>
              <th scope="col">{t("imports.problems.rule")}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several problems, in the report's order.
              <tr key={index}>
                <th scope="row" className="numeric">
                  {problem.line}
                </th>
                <td>{problem.column ?? ""}</td>
                <td className="imports__value">
                  {problem.value ? (
                    problem.value
                  ) : (
                    <span className="muted">{t("imports.problems.empty")}</span>
                  )}
                </td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {report.unlisted > 0 ? (
        <p className="small muted">{t("imports.check.moreProblems", { count: report.unlisted })}</p>
      ) : null}
    </>
  );
}

/** The dry run's result: its heading takes the focus once drawn, the summary is said after it. */
export function DryRunResult({ report }: { report: ImportReport }) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const problems = report.problems.length + report.unlisted;
  const summary =
    problems > 0
      ? t("imports.check.refused", { count: problems })
      : report.toCreate === 0 && report.alreadyImported > 0
        ? t("imports.check.nothingNew", { already: report.alreadyImported })
        : t("imports.check.ok", { toCreate: report.toCreate });
  return (
    <section aria-labelledby="imports-check-heading">
      <h2 id="imports-check-heading" ref={headingRef} tabIndex={-1} aria-describedby="imports-check-summary">
        {t("imports.check.title")}
      </h2>
      <p id="imports-check-summary" className={problems > 0 ? "alert alert--error" : "alert alert--ok"}>
        {summary}
      </p>
      <ReportCounts report={report} />
      <ProblemsTable report={report} />
    </section>
  );
}
