/**
 * The accessible table behind a distribution's chart: caption = the indicator's title, described
 * by its definition and notes; with a previous period, two column groups named by their periods
 * (number and % under each: narrow enough for a phone, and a screen reader says "T2 2025–2026,
 * %" for a cell); "x" for a suppressed value with the footnote that explains it.
 */
import { useT } from "../../../app/i18n/index.tsx";
import { type IndicatorDistributionView, shown, tableRows } from "./indicators-model.ts";
import { Value } from "./Value.tsx";

export function IndicatorTable({
  table,
  periodLabel,
  previousLabel,
  describedBy,
}: {
  table: IndicatorDistributionView;
  periodLabel: string;
  /** The previous period's name, or null when there is none to compare with. */
  previousLabel: string | null;
  /** The ids of the definition and notes shown beside the table. */
  describedBy: string;
}) {
  const { t } = useT();
  const withPrevious = previousLabel !== null;
  const rows = tableRows(table, withPrevious);
  const hasShares = table.denominator !== null;
  const span = hasShares ? 2 : 1;
  return (
    <div className="table-scroll">
      <table className="indicator-table" aria-describedby={describedBy}>
        <caption>{table.title}</caption>
        <thead>
          {withPrevious ? (
            <tr>
              <td />
              <th scope="colgroup" colSpan={span} className="numeric indicator-table__period">
                {periodLabel}
              </th>
              <th scope="colgroup" colSpan={span} className="numeric indicator-table__period">
                {previousLabel}
              </th>
            </tr>
          ) : null}
          <tr>
            <th scope="col">{t("indicators.column.category")}</th>
            <th scope="col" className="numeric">
              <CountHeader />
            </th>
            {hasShares ? (
              <th scope="col" className="numeric">
                {t("indicators.column.share")}
              </th>
            ) : null}
            {withPrevious ? (
              <th scope="col" className="numeric">
                <CountHeader />
              </th>
            ) : null}
            {withPrevious && hasShares ? (
              <th scope="col" className="numeric">
                {t("indicators.column.share")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="numeric">
                <Value value={row.count} />
              </td>
              {hasShares ? (
                <td className="numeric">
                  <Value value={row.share} share />
                </td>
              ) : null}
              {withPrevious ? (
                <td className="numeric">
                  <Value value={row.previousCount} />
                </td>
              ) : null}
              {withPrevious && hasShares ? (
                <td className="numeric">
                  <Value value={row.previousShare} share />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {table.denominator !== null ? (
          <tfoot>
            <tr>
              <th scope="row">{table.denominator}</th>
              <td className="numeric">
                <Value value={shown(table.denominatorCount)} />
              </td>
              <td />
              {withPrevious ? (
                <td className="numeric">
                  <Value value={shown(table.previousDenominatorCount)} />
                </td>
              ) : null}
              {withPrevious ? <td /> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** "Nombre" on a wide screen; "n" on a phone, where a screen reader still hears "Nombre". */
function CountHeader() {
  const { t } = useT();
  return (
    <>
      <span className="indicator-table__long">{t("indicators.column.count")}</span>
      <span className="indicator-table__short" aria-hidden="true">
        n
      </span>
    </>
  );
}
