/**
 * The charts of the indicators (recharts, SVG). They are pictures of the table beside them: hidden
 * from screen readers (the table says it all), drawn only from published values — a suppressed
 * value is left out, never drawn as a number, and the chart's note says so.
 */
import { useEffect, useRef, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";
import { useT } from "../../../app/i18n/index.tsx";
import {
  distributionPoints,
  formatShare,
  type IndicatorDistributionView,
  type IndicatorMonthView,
  monthLabel,
  partitionRows,
  wrapLabel,
} from "./indicators-model.ts";

const currentColour = "#1f4e5f";
const previousColour = "#8fb1bf";
/** Categories of a partition: distinct to colour-blind eyes (Okabe–Ito), dark enough on white. */
const palette = [
  "#1f4e5f",
  "#e69f00",
  "#56b4e9",
  "#009e73",
  "#cc79a7",
  "#d55e00",
  "#0072b2",
  "#8a7f00",
  "#6b6b6b",
];
const axisFont = { fontSize: 12, fill: "#16252d" };

/** The legend in the page's ink (a pale series colour is for the swatch only), in the series' order. */
function ChartLegend() {
  return (
    <Legend
      itemSorter={null}
      wrapperStyle={{ fontSize: 13 }}
      formatter={(value: string) => <span style={{ color: "#16252d" }}>{value}</span>}
    />
  );
}

/** The width its element is laid out at (0 until measured), following resizes. */
function useWidth<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The width of a horizontal chart's category labels: a third of a phone, at most 14 rem. */
function labelWidthFor(width: number): number {
  return Math.max(90, Math.min(220, Math.round(width * 0.34)));
}

/** A category's label cut into lines that fit its axis. */
function WrappedTick({ x, y, payload, width }: YAxisTickContentProps & { width: number }) {
  const lines = wrapLabel(String(payload.value), Math.max(8, Math.floor(width / 6.6)));
  const lineHeight = 14;
  const top = -((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" {...axisFont}>
      {lines.map((line, index) => (
        <tspan key={line} x={Number(x)} dy={index === 0 ? top + 4 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Horizontal bars, one per published category; the previous period as a second, paler bar. */
export function DistributionChart({
  table,
  periodLabel,
  previousLabel,
}: {
  table: IndicatorDistributionView;
  periodLabel: string;
  previousLabel: string | null;
}) {
  const { formatNumber } = useT();
  const [ref, width] = useWidth<HTMLDivElement>();
  const { points } = distributionPoints(table, previousLabel !== null);
  const labelWidth = labelWidthFor(width);
  const rowHeight = previousLabel === null ? 34 : 48;
  const height = points.length * rowHeight + 64;
  return (
    <div ref={ref} className="indicator-chart" aria-hidden="true">
      {width > 0 ? (
        <BarChart
          width={width}
          height={height}
          data={points}
          layout="vertical"
          margin={{ top: 4, right: 56, bottom: 4, left: 0 }}
          barCategoryGap="18%"
        >
          <CartesianGrid horizontal={false} stroke="#e3e8ea" />
          <XAxis
            type="number"
            allowDecimals={false}
            tickFormatter={(value: number) => formatNumber(value)}
            tick={axisFont}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            interval={0}
            tick={(props: YAxisTickContentProps) => <WrappedTick {...props} width={labelWidth} />}
          />
          <Bar dataKey="count" name={periodLabel} fill={currentColour} isAnimationActive={false}>
            <LabelList
              dataKey="count"
              position="right"
              style={{ fontSize: 11, fill: "#16252d" }}
              formatter={(value: unknown) => (typeof value === "number" ? formatNumber(value) : "")}
            />
          </Bar>
          {previousLabel === null ? null : (
            <Bar
              dataKey="previousCount"
              name={previousLabel}
              fill={previousColour}
              isAnimationActive={false}
            />
          )}
          <ChartLegend />
        </BarChart>
      ) : null}
    </div>
  );
}

/** A stacked 100 % bar per period (gender, age): each category's share of the denominator. */
export function PartitionChart({
  table,
  periodLabel,
  previousLabel,
}: {
  table: IndicatorDistributionView;
  periodLabel: string;
  previousLabel: string | null;
}) {
  const { intl } = useT();
  const [ref, width] = useWidth<HTMLDivElement>();
  const { rows, drawn } = partitionRows(table, { current: periodLabel, previous: previousLabel });
  const data = rows.map((row) => ({ name: row.name, ...row.values }));
  const labelWidth = labelWidthFor(width);
  const legendRows = Math.ceil(drawn.length / Math.max(1, Math.floor(width / 130)));
  const height = rows.length * 56 + 40 + legendRows * 22;
  return (
    <div ref={ref} className="indicator-chart" aria-hidden="true">
      {width > 0 && rows.length > 0 ? (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
          barCategoryGap="22%"
        >
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(value: number) => formatShare(value, intl.locale)}
            tick={axisFont}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={labelWidth}
            interval={0}
            tick={(props: YAxisTickContentProps) => <WrappedTick {...props} width={labelWidth} />}
          />
          {drawn.map((cell) => (
            <Bar
              key={cell.key}
              dataKey={cell.key}
              name={cell.label}
              stackId="partition"
              fill={palette[table.cells.indexOf(cell) % palette.length]}
              stroke="#ffffff"
              isAnimationActive={false}
            />
          ))}
          <ChartLegend />
        </BarChart>
      ) : null}
    </div>
  );
}

/** Encounters, people reached and known persons met, month by month; a hidden month leaves a gap. */
export function MonthlyChart({ monthly }: { monthly: IndicatorMonthView[] }) {
  const { t, intl, formatNumber } = useT();
  const [ref, width] = useWidth<HTMLDivElement>();
  const data = monthly.map((month) => ({ ...month, label: monthLabel(month.month, intl.locale) }));
  const series = [
    { key: "encounters", name: t("indicators.monthly.encounters"), colour: "#1f4e5f", dash: undefined },
    { key: "contacts", name: t("indicators.monthly.contacts"), colour: "#d55e00", dash: "6 3" },
    { key: "personsMet", name: t("indicators.monthly.personsMet"), colour: "#0072b2", dash: "2 3" },
  ] as const;
  return (
    <div ref={ref} className="indicator-chart" aria-hidden="true">
      {width > 0 ? (
        <LineChart width={width} height={280} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e3e8ea" />
          <XAxis dataKey="label" tick={axisFont} interval="preserveStartEnd" minTickGap={8} />
          <YAxis
            allowDecimals={false}
            width={48}
            tickFormatter={(value: number) => formatNumber(value)}
            tick={axisFont}
          />
          {series.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={line.colour}
              strokeWidth={2}
              strokeDasharray={line.dash}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          <ChartLegend />
        </LineChart>
      ) : null}
    </div>
  );
}
