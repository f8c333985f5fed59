/** An evening's totals: visits, distinct visitors, first visits, items and services by catalogue entry. */
import { useT } from "../../app/i18n/index.tsx";
import type { EveningFieldsFragment } from "../../generated/graphql.ts";

type Totals = EveningFieldsFragment["totals"];

function CodeTable({ id, title, rows }: { id: string; title: string; rows: Totals["items"] }) {
  const { t, formatNumber } = useT();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t("night.totals.none")}</p>
      ) : (
        <table>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{formatNumber(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function EveningTotals({
  totals,
  headingRef,
}: {
  totals: Totals;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const { t, formatNumber } = useT();
  const tiles = [
    { key: "visits", label: t("night.totals.visits"), value: totals.visits },
    { key: "distinct", label: t("night.totals.distinctVisitors"), value: totals.distinctVisitors },
    { key: "first", label: t("night.totals.firstVisits"), value: totals.firstVisits },
    { key: "checkIns", label: t("night.totals.checkIns"), value: totals.checkIns },
  ];
  return (
    <section aria-labelledby="evening-totals-title" className="evening-totals">
      <h2 id="evening-totals-title" ref={headingRef} tabIndex={-1}>
        {t("night.totals.title")}
      </h2>
      <dl className="tiles">
        {tiles.map((tile) => (
          <div key={tile.key} className="card">
            <dt className="small muted">{tile.label}</dt>
            <dd className="tile__value">{formatNumber(tile.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="grid-2">
        <CodeTable id="evening-items" title={t("night.totals.items")} rows={totals.items} />
        <CodeTable id="evening-services" title={t("night.totals.services")} rows={totals.services} />
      </div>
    </section>
  );
}
