/**
 * The workshops part of a dashboard: workshops and kiosks held in its period, their participants,
 * by topic and by audience — counted apart from the work with persons. A coordinator reads her
 * organisation's exactly (app.organisation_workshop_indicators); a committee its partnership's
 * (app.partnership_workshop_indicators) with the small counts suppressed like every other table
 * of the committee's dashboard (suppressSmallCells: a count from 1 to 4, and the complementary
 * cells that would give it away, read "x").
 */
import { type SuppressedTable, suppressSmallCells } from "@maillage/domain";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { NotFoundError } from "../../errors.ts";
import { Dashboard, IndicatorTable } from "../dashboards/dashboards.queries.ts";

type Table = Record<string, number>;

/** What app.workshop_indicators answers. */
interface WorkshopCounts {
  byKind: Table;
  participants: number;
  byTopic: Table;
  byAudience: Table;
}

interface WorkshopFigures {
  sessions: number | null;
  workshops: number | null;
  kiosks: number | null;
  participants: number | null;
  byTopic: SuppressedTable;
  byAudience: SuppressedTable;
}

const dayMs = 86_400_000;

/**
 * The calendar day a period's bound opens (YYYY-MM-DD). A bound is midnight in the partnership's
 * zone, which lies within 12 hours of that day's UTC midnight in any zone of the programmes
 * (UTC−12 to UTC+12): rounding to the nearest UTC midnight finds the day without the zone.
 */
export function dayOfBound(bound: Date): string {
  return new Date(Math.round(bound.getTime() / dayMs) * dayMs).toISOString().slice(0, 10);
}

function exact(table: Table): SuppressedTable {
  const cells = Object.entries(table).map(([key, count]) => ({ key, count }));
  return { cells, total: cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0) };
}

/**
 * The figures as shown: exact, or suppressed for a committee. Workshops and kiosks are one table
 * (with its total, the sessions), so that neither can be worked out from the other; the
 * participants go with the sessions — a sum over fewer than five would tell of each one. An empty
 * table reads 0, not "x": a zero is no one.
 */
export function workshopFigures(counts: WorkshopCounts, suppress: boolean): WorkshopFigures {
  const table = (counts: Table) =>
    suppress && Object.values(counts).some((count) => count > 0) ? suppressSmallCells(counts) : exact(counts);
  const kinds = table({ WORKSHOP: 0, KIOSK: 0, ...counts.byKind });
  const kind = (key: string) => kinds.cells.find((cell) => cell.key === key)?.count ?? null;
  return {
    sessions: kinds.total,
    workshops: kind("WORKSHOP"),
    kiosks: kind("KIOSK"),
    participants: kinds.total === null ? null : counts.participants,
    byTopic: table(counts.byTopic),
    byAudience: table(counts.byAudience),
  };
}

const WorkshopIndicators = builder.objectRef<WorkshopFigures>("WorkshopIndicators").implement({
  description: "Workshops and prevention kiosks held in the dashboard's period: counts, never a person.",
  fields: (t) => ({
    sessions: t.int({
      nullable: true,
      description: "Workshops and kiosks together. Null when suppressed.",
      resolve: (f) => f.sessions,
    }),
    workshops: t.int({ nullable: true, resolve: (f) => f.workshops }),
    kiosks: t.int({ nullable: true, resolve: (f) => f.kiosks }),
    participants: t.int({
      nullable: true,
      description: "The people who took part, all sessions together; null when the sessions are suppressed.",
      resolve: (f) => f.participants,
    }),
    byTopic: t.field({ type: IndicatorTable, resolve: (f) => f.byTopic }),
    byAudience: t.field({ type: IndicatorTable, resolve: (f) => f.byAudience }),
  }),
});

async function workshopCounts(
  ctx: Pick<Context, "tx">,
  dashboard: { from: Date; to: Date; partnershipId: string | null },
): Promise<WorkshopCounts | null> {
  const from = dayOfBound(dashboard.from);
  const to = dayOfBound(dashboard.to);
  const [row] = dashboard.partnershipId
    ? await ctx.tx.$queryRaw<{ counts: WorkshopCounts | null }[]>`
        SELECT app.partnership_workshop_indicators(${dashboard.partnershipId}::uuid, ${from}::date, ${to}::date) AS counts`
    : await ctx.tx.$queryRaw<{ counts: WorkshopCounts | null }[]>`
        SELECT app.organisation_workshop_indicators(${from}::date, ${to}::date) AS counts`;
  return row?.counts ?? null;
}

builder.objectField(Dashboard, "workshops", (t) =>
  t.field({
    type: WorkshopIndicators,
    description:
      "Workshops and prevention kiosks, apart from the work with persons (suppressed like the rest).",
    resolve: async (dashboard, _args, ctx) => {
      // The dashboard was answered to this viewer; the functions hold the same rule in SQL.
      const counts = await workshopCounts(ctx, dashboard);
      if (!counts) throw new NotFoundError(ctx.locale);
      return workshopFigures(counts, dashboard.suppressed);
    },
  }),
);
