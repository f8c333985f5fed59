/**
 * The accessible table behind a distribution's chart: caption = the indicator's title, described
 * by its definition and notes; columns category, count, %, previous period, % previous; "x" for a
 * suppressed value with the footnote that explains it.
 */
import { useT } from "../../../app/i18n/index.tsx";
import { type IndicatorDistributionView, shown, tableRows } from "./indicators-model.ts";
import { Value } from "./Value.tsx";

export function IndicatorTable({
  table,
  withPrevious,
  describedBy,
}: {
  table: IndicatorDistributionView;
  withPrevious: boolean;
  /** The ids of the definition and notes shown beside the table. */
  describedBy: string;
}) {
  const { t } = useT();
  const rows = tableRows(table, withPrevious);
  const hasShares = table.denominator !== null;
  return (
    <div className="table-scroll">
      <table className="indicator-table" aria-describedby={describedBy}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("indicators.column.category")}</th>
            <th scope="col" className="numeric">
              {t("indicators.column.count")}
            </th>
            {hasShares ? (
              <th scope="col" className="numeric">
                {t("indicators.column.share")}
              </th>
            ) : null}
            {withPrevious ? (
              <th scope="col" className="numeric">
                {t("indicators.column.previous")}
              </th>
            ) : null}
            {withPrevious && hasShares ? (
              <th scope="col" className="numeric">
                {t("indicators.column.previousShare")}
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
