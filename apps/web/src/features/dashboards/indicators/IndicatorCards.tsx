/**
 * One indicator as the page shows it: its title and definition, a chart of its published values
 * and, always read by screen readers, its table — shown in the chart's place by "Voir le tableau".
 */
import { type ReactNode, useId, useState } from "react";
import { useT } from "../../../app/i18n/index.tsx";
import { DistributionChart, MonthlyChart, PartitionChart } from "./charts.tsx";
import { IndicatorTable } from "./IndicatorTable.tsx";
import {
  distributionPoints,
  hasSuppressed,
  type IndicatorDistributionView,
  type IndicatorMonthView,
  isPartition,
  monthLabel,
  monthlyPoints,
  partitionRows,
  shown,
} from "./indicators-model.ts";
import { Value } from "./Value.tsx";

interface PeriodLabels {
  periodLabel: string;
  /** null: no previous period to compare with. */
  previousLabel: string | null;
  threshold: number;
}

/** The card around a chart and its table, with the toggle between them. */
function ChartCard({
  title,
  definition,
  notes,
  chart,
  table,
}: {
  title: string;
  definition: string;
  /** The notes under the table (footnote, denominator…), each with its id. */
  notes: { id: string; text: string }[];
  /** null: nothing to draw (every value hidden, or none): the table alone. */
  chart: ReactNode | null;
  table(describedBy: string): ReactNode;
}) {
  const { t } = useT();
  const id = useId();
  const [view, setView] = useState<"chart" | "table">("chart");
  const showTable = chart === null || view === "table";
  const describedBy = [`${id}-definition`, ...notes.map((note) => note.id)].join(" ");
  return (
    <section className="card indicator" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-definition`} className="small muted">
        {definition}
      </p>
      {chart !== null && !showTable ? chart : null}
      {/* Screen readers always read the table; the chart is its picture. */}
      <div id={`${id}-table`} className={showTable ? undefined : "visually-hidden"}>
        {table(describedBy)}
      </div>
      {notes.map((note) => (
        <p key={note.id} id={note.id} className="small muted indicator__note">
          {note.text}
        </p>
      ))}
      {chart !== null ? (
        <button
          type="button"
          className="button button--quiet indicator__toggle"
          aria-controls={`${id}-table`}
          onClick={() => setView(showTable ? "chart" : "table")}
        >
          {t(showTable ? "indicators.showChart" : "indicators.showTable")}
        </button>
      ) : null}
    </section>
  );
}

/** A distribution: horizontal bars, or a stacked 100 % bar for a partition (gender, age). */
export function DistributionCard({
  table,
  periodLabel,
  previousLabel,
  threshold,
}: { table: IndicatorDistributionView } & PeriodLabels) {
  const { t } = useT();
  const id = useId();
  const withPrevious = previousLabel !== null;
  const partition = isPartition(table);
  const drawn = partition
    ? partitionRows(table, { current: periodLabel, previous: previousLabel })
    : (() => {
        const { points, hidden, zeros } = distributionPoints(table, withPrevious);
        return { rows: points, hidden, zeros };
      })();
  const notes: { id: string; text: string }[] = [];
  if (hasSuppressed(table, withPrevious))
    notes.push({ id: `${id}-footnote`, text: t("indicators.footnote", { max: threshold - 1 }) });
  if (drawn.hidden && drawn.rows.length > 0)
    notes.push({ id: `${id}-chart`, text: t("indicators.chartNote") });
  if (drawn.zeros.length > 0 && drawn.rows.length > 0)
    notes.push({
      id: `${id}-zeros`,
      text: t("indicators.zeroCategories", { categories: drawn.zeros.join(", ") }),
    });
  if (table.denominator !== null)
    notes.push({
      id: `${id}-denominator`,
      text: t("indicators.denominator", { denominator: table.denominator }),
    });
  if (table.overlapping && table.denominator !== null)
    notes.push({ id: `${id}-overlapping`, text: t("indicators.overlapping") });
  if (table.cells.length === 0)
    return (
      <section className="card indicator" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{table.title}</h3>
        <p className="small muted">{table.definition}</p>
        <p className="muted">{t("indicators.none")}</p>
      </section>
    );
  const chart =
    drawn.rows.length === 0 ? null : partition ? (
      <PartitionChart table={table} periodLabel={periodLabel} previousLabel={previousLabel} />
    ) : (
      <DistributionChart table={table} periodLabel={periodLabel} previousLabel={previousLabel} />
    );
  return (
    <ChartCard
      title={table.title}
      definition={table.definition}
      notes={notes}
      chart={chart}
      table={(describedBy) => (
        <IndicatorTable
          table={table}
          periodLabel={periodLabel}
          previousLabel={previousLabel}
          describedBy={describedBy}
        />
      )}
    />
  );
}

/** The monthly trend and its table (month, encounters, people reached, known persons). */
export function MonthlyCard({ monthly, threshold }: { monthly: IndicatorMonthView[]; threshold: number }) {
  const { t, intl } = useT();
  const id = useId();
  const { points, hidden } = monthlyPoints(monthly);
  const notes = hidden
    ? [
        { id: `${id}-footnote`, text: t("indicators.footnote", { max: threshold - 1 }) },
        { id: `${id}-chart`, text: t("indicators.chartNote") },
      ]
    : [];
  const title = t("indicators.monthly.title");
  return (
    <ChartCard
      title={title}
      definition={t("indicators.monthly.definition")}
      notes={notes}
      chart={<MonthlyChart monthly={points} />}
      table={(describedBy) => (
        <div className="table-scroll">
          <table className="indicator-table" aria-describedby={describedBy}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.column.month")}</th>
                <th scope="col" className="numeric">
                  {t("indicators.monthly.encounters")}
                </th>
                <th scope="col" className="numeric">
                  {t("indicators.monthly.contacts")}
                </th>
                <th scope="col" className="numeric">
                  {t("indicators.monthly.personsMet")}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{monthLabel(month.month, intl.locale)}</th>
                  <td className="numeric">
                    <Value value={shown(month.encounters)} />
                  </td>
                  <td className="numeric">
                    <Value value={shown(month.contacts)} />
                  </td>
                  <td className="numeric">
                    <Value value={shown(month.personsMet)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    />
  );
}
