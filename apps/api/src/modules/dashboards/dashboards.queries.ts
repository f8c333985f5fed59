/**
 * Dashboards: aggregate indicators of a fiscal year (1 April – 31 March, America/Toronto).
 * A coordinator sees the acting organisation's, exact; a follow-up committee member sees the
 * partnership's with every count under 5 suppressed (and complementary cells) — never a person.
 */
import { instantAtWallTime, smallCellThreshold, suppressSmallCells } from "@maillage/domain";
import { scopesFromArguments } from "../../access/argument-scopes.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";

type Table = Record<string, number>;
interface IndicatorCounts {
  encounters: number;
  contacts: number;
  personsMet: number;
  visitsCompleted: number;
  byPlace: Table;
  byChannel: Table;
  byTheme: Table;
  materials: Table;
  personsByGender: Table;
  personsByAge: Table;
  acts: Table;
  accompaniments: Table;
  referrals: Table;
}

interface CellShape {
  key: string;
  count: number | null;
}
interface DashboardShape {
  fiscalYear: number;
  from: Date;
  to: Date;
  suppressed: boolean;
  totals: Record<"encounters" | "contacts" | "personsMet" | "visitsCompleted", number | null>;
  tables: Record<
    Exclude<keyof IndicatorCounts, "encounters" | "contacts" | "personsMet" | "visitsCompleted">,
    { cells: CellShape[]; total: number | null }
  >;
}

export function fiscalYearBounds(fiscalYear: number): { from: Date; to: Date } {
  return { from: instantAtWallTime(fiscalYear, 4, 1, 0), to: instantAtWallTime(fiscalYear + 1, 4, 1, 0) };
}

const tableNames = [
  "byPlace",
  "byChannel",
  "byTheme",
  "materials",
  "personsByGender",
  "personsByAge",
  "acts",
  "accompaniments",
  "referrals",
] as const;

function shape(counts: IndicatorCounts, fiscalYear: number, suppress: boolean): DashboardShape {
  const scalar = (value: number) => (suppress && value < smallCellThreshold ? null : value);
  const tables = Object.fromEntries(
    tableNames.map((name) => {
      const table = counts[name] ?? {};
      if (suppress) return [name, suppressSmallCells(table)];
      const cells = Object.entries(table).map(([key, count]) => ({ key, count }));
      return [name, { cells, total: cells.reduce((sum, c) => sum + (c.count ?? 0), 0) }];
    }),
  ) as DashboardShape["tables"];
  return {
    fiscalYear,
    ...fiscalYearBounds(fiscalYear),
    suppressed: suppress,
    totals: {
      encounters: scalar(counts.encounters),
      contacts: scalar(counts.contacts),
      personsMet: scalar(counts.personsMet),
      visitsCompleted: scalar(counts.visitsCompleted),
    },
    tables,
  };
}

const Cell = builder.objectRef<CellShape>("IndicatorCell").implement({
  fields: (t) => ({
    key: t.exposeString("key"),
    count: t.int({
      nullable: true,
      description: "Null when suppressed (shown as “< 5”).",
      resolve: (c) => c.count,
    }),
  }),
});
const IndicatorTable = builder
  .objectRef<{ cells: CellShape[]; total: number | null }>("IndicatorTable")
  .implement({
    fields: (t) => ({
      cells: t.field({ type: [Cell], resolve: (table) => table.cells }),
      total: t.int({ nullable: true, resolve: (table) => table.total }),
    }),
  });
export const Dashboard = builder.objectRef<DashboardShape>("Dashboard").implement({
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear", { description: "The year the fiscal year starts (1 April)." }),
    from: t.field({ type: "DateTime", resolve: (d) => d.from }),
    to: t.field({ type: "DateTime", resolve: (d) => d.to }),
    suppressed: t.exposeBoolean("suppressed", { description: "Small counts are hidden (committee view)." }),
    encounters: t.int({ nullable: true, resolve: (d) => d.totals.encounters }),
    contacts: t.int({
      nullable: true,
      description: "People met, anonymous head counts included.",
      resolve: (d) => d.totals.contacts,
    }),
    personsMet: t.int({ nullable: true, resolve: (d) => d.totals.personsMet }),
    visitsCompleted: t.int({ nullable: true, resolve: (d) => d.totals.visitsCompleted }),
    ...Object.fromEntries(
      tableNames.map((name) => [
        name,
        t.field({ type: IndicatorTable, resolve: (d: DashboardShape) => d.tables[name] }),
      ]),
    ),
  }),
});

const currentYear = new Date().getUTCFullYear();
const yearArg = { min: 2000, max: currentYear + 1 };

builder.queryField("organisationDashboard", (t) =>
  t.field({
    type: Dashboard,
    description: "The acting organisation's indicators for a fiscal year, exact (coordinators).",
    authScopes: { role: "COORDINATOR" },
    args: { fiscalYear: t.arg.int({ required: true }) },
    errors: {
      types: [NotFoundError],
      result: { name: "OrganisationDashboardSuccess" },
      union: { name: "OrganisationDashboardResult" },
      dataField: { name: "dashboard" },
    },
    resolve: async (_root, args, ctx) => {
      if (args.fiscalYear < yearArg.min || args.fiscalYear > yearArg.max) throw new NotFoundError(ctx.locale);
      const { from, to } = fiscalYearBounds(args.fiscalYear);
      const [row] = await ctx.tx.$queryRaw<{ counts: IndicatorCounts | null }[]>`
        SELECT app.organisation_indicators(${from}, ${to}) AS counts`;
      if (!row?.counts) throw new NotFoundError(ctx.locale);
      return shape(row.counts, args.fiscalYear, false);
    },
  }),
);

builder.queryField("partnershipDashboard", (t) =>
  t.field({
    type: Dashboard,
    description: "A partnership's indicators for its follow-up committee: small counts suppressed.",
    // Its committee's members only (app.partnership_indicators holds the same rule in SQL); to
    // anyone else the partnership is not found — refused by its scope like any other field.
    authScopes: scopesFromArguments(
      { committeeSeat: "partnershipId" },
      (_root: unknown, args: { partnershipId: string }) => ({
        committeeSeat: decodeId(args.partnershipId, "Partnership") ?? "",
      }),
    ),
    args: { partnershipId: t.arg.id({ required: true }), fiscalYear: t.arg.int({ required: true }) },
    errors: {
      types: [NotFoundError],
      result: { name: "PartnershipDashboardSuccess" },
      union: { name: "PartnershipDashboardResult" },
      dataField: { name: "dashboard" },
    },
    resolve: async (_root, args, ctx) => {
      const partnershipId = decodeId(args.partnershipId, "Partnership");
      if (!partnershipId || args.fiscalYear < yearArg.min || args.fiscalYear > yearArg.max)
        throw new NotFoundError(ctx.locale);
      const dashboard = await loadPartnershipDashboard(ctx, partnershipId, args.fiscalYear);
      if (!dashboard) throw new NotFoundError(ctx.locale);
      return dashboard;
    },
  }),
);

/**
 * A partnership's suppressed indicators for a fiscal year (app.partnership_indicators answers
 * only to its committee's members), or null. The home screen shows the latest from here too.
 */
export async function loadPartnershipDashboard(
  ctx: Pick<Context, "tx">,
  partnershipId: string,
  fiscalYear: number,
): Promise<DashboardShape | null> {
  const { from, to } = fiscalYearBounds(fiscalYear);
  const [row] = await ctx.tx.$queryRaw<{ counts: IndicatorCounts | null }[]>`
    SELECT app.partnership_indicators(${partnershipId}::uuid, ${from}, ${to}) AS counts`;
  return row?.counts ? shape(row.counts, fiscalYear, true) : null;
}
