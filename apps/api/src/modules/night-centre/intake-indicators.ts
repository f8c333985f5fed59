/**
 * The intake answers in a dashboard: how many intakes were made in its period and, for each of
 * the seven domains, how many persons had no need, a long-term one, an immediate one, or were not
 * asked. A coordinator reads her organisation's exactly (app.organisation_intake_indicators); a
 * committee its partnership's (app.partnership_intake_indicators) with the small counts
 * suppressed like every other table of its dashboard (suppressSmallCells). Each domain's table
 * holds every intake (the "not asked" cell included), so no hidden cell is the difference between
 * the intakes made and a domain's answers.
 */
import { intakeDomains, intakeNeedLevels, type SuppressedTable, suppressSmallCells } from "@maillage/domain";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { NotFoundError } from "../../errors.ts";
import { Dashboard, IndicatorTable } from "../dashboards/dashboards.queries.ts";
import { IntakeDomainEnum } from "./intake.ts";

/** What app.intake_indicators answers. */
interface IntakeCounts {
  assessed: number;
  needs: Record<string, Record<string, number>>;
}

type Domain = (typeof intakeDomains)[number];

interface IntakeFigures {
  assessed: number | null;
  domains: { domain: Domain; levels: SuppressedTable }[];
}

/** The cell of the intakes where a domain was left empty. */
export const notAsked = "NOT_ASKED";

function exact(table: Record<string, number>): SuppressedTable {
  const cells = Object.entries(table).map(([key, count]) => ({ key, count }));
  return { cells, total: cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0) };
}

/** The figures as shown: exact, or suppressed for a committee (an empty table reads 0: no one). */
export function intakeFigures(counts: IntakeCounts, suppress: boolean): IntakeFigures {
  const domains = intakeDomains.map((domain) => {
    const answered = counts.needs[domain] ?? {};
    const table: Record<string, number> = Object.fromEntries(
      intakeNeedLevels.map((level) => [level, answered[level] ?? 0]),
    );
    table[notAsked] = counts.assessed - Object.values(table).reduce((sum, n) => sum + n, 0);
    return { domain, levels: suppress && counts.assessed > 0 ? suppressSmallCells(table) : exact(table) };
  });
  const hidden = suppress && counts.assessed > 0 && counts.assessed < 5;
  return { assessed: hidden ? null : counts.assessed, domains };
}

const IntakeDomainNeeds = builder.objectRef<IntakeFigures["domains"][number]>("IntakeDomainNeeds").implement({
  fields: (t) => ({
    domain: t.field({ type: IntakeDomainEnum, resolve: (d) => d.domain }),
    levels: t.field({
      type: IndicatorTable,
      description: "Persons by need level (NONE, LONG_TERM, IMMEDIATE) and NOT_ASKED; total: the intakes.",
      resolve: (d) => d.levels,
    }),
  }),
});

const IntakeNeeds = builder.objectRef<IntakeFigures>("IntakeNeeds").implement({
  description: "Night-centre intake forms made in the dashboard's period: needs by domain, counts only.",
  fields: (t) => ({
    assessed: t.int({
      nullable: true,
      description: "Intakes made. Null when suppressed.",
      resolve: (f) => f.assessed,
    }),
    domains: t.field({ type: [IntakeDomainNeeds], resolve: (f) => f.domains }),
  }),
});

async function intakeCounts(
  ctx: Pick<Context, "tx">,
  dashboard: { from: Date; to: Date; partnershipId: string | null },
): Promise<IntakeCounts | null> {
  const [row] = dashboard.partnershipId
    ? await ctx.tx.$queryRaw<{ counts: IntakeCounts | null }[]>`
        SELECT app.partnership_intake_indicators(${dashboard.partnershipId}::uuid, ${dashboard.from}, ${dashboard.to}) AS counts`
    : await ctx.tx.$queryRaw<{ counts: IntakeCounts | null }[]>`
        SELECT app.organisation_intake_indicators(${dashboard.from}, ${dashboard.to}) AS counts`;
  return row?.counts ?? null;
}

builder.objectField(Dashboard, "intakeNeeds", (t) =>
  t.field({
    type: IntakeNeeds,
    description: "Needs found at night-centre intakes, by domain and level (suppressed like the rest).",
    resolve: async (dashboard, _args, ctx) => {
      // The dashboard was answered to this viewer; the functions hold the same rule in SQL.
      const counts = await intakeCounts(ctx, dashboard);
      if (!counts) throw new NotFoundError(ctx.locale);
      return intakeFigures(counts, dashboard.suppressed);
    },
  }),
);
