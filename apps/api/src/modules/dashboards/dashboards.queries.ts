/**
 * Dashboards: aggregate indicators of a fiscal year, in programme settings (packages/domain
 * programme-settings.ts): the organisation's dashboard in the acting organisation's (time zone,
 * start month), the committee's in the partnership's — 1 April – 31 March in Toronto by default,
 * a calendar year in Brussels for the Wallonia programme. Fiscal year N starts in year N.
 * A coordinator sees the acting organisation's, exact; a follow-up committee member sees the
 * partnership's with every count under 5 suppressed (and complementary cells) — never a person.
 */
import {
  fiscalYearBounds,
  type ProgrammeSettings,
  smallCellThreshold,
  suppressSmallCells,
} from "@maillage/domain";
import { scopesFromArguments } from "../../access/argument-scopes.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { settingsColumns, viewerSettings } from "../programme-settings/viewer-settings.ts";

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
  services: Table;
  byPlatform: Table;
  /** What the catalogue codes of materials, services and platforms are called: [fr, en]. */
  catalogueLabels?: Record<string, [string, string]>;
  personsByGender: Table;
  personsByAge: Table;
  acts: Table;
  accompaniments: Table;
  referrals: Table;
}

interface CellShape {
  key: string;
  count: number | null;
  /** A catalogue code's names [fr, en]; a vocabulary's key is labelled by the web. */
  labels?: [string, string];
}
interface DashboardShape {
  fiscalYear: number;
  from: Date;
  to: Date;
  suppressed: boolean;
  /** The partnership of a committee's dashboard; null: the acting organisation's (workshops read it). */
  partnershipId: string | null;
  totals: Record<"encounters" | "contacts" | "personsMet" | "visitsCompleted", number | null>;
  tables: Record<(typeof tableNames)[number], { cells: CellShape[]; total: number | null }>;
}

const tableNames = [
  "byPlace",
  "byChannel",
  "byTheme",
  "materials",
  "services",
  "byPlatform",
  "personsByGender",
  "personsByAge",
  "acts",
  "accompaniments",
  "referrals",
] as const;

/** The tables keyed by a catalogue's codes (their names come with the counts). */
const catalogueTables = new Set<string>(["materials", "services", "byPlatform"]);

function shape(
  counts: IndicatorCounts,
  fiscalYear: number,
  bounds: { from: Date; to: Date },
  suppress: boolean,
): DashboardShape {
  const scalar = (value: number) => (suppress && value < smallCellThreshold ? null : value);
  const tables = Object.fromEntries(
    tableNames.map((name) => {
      const table = counts[name] ?? {};
      const shaped = suppress
        ? suppressSmallCells(table)
        : (() => {
            const cells = Object.entries(table).map(([key, count]) => ({ key, count }));
            return { cells, total: cells.reduce((sum, c) => sum + (c.count ?? 0), 0) };
          })();
      const labels = counts.catalogueLabels ?? {};
      const cells = shaped.cells.map((cell: CellShape) =>
        labels[cell.key] && catalogueTables.has(name) ? { ...cell, labels: labels[cell.key] } : cell,
      );
      return [name, { cells, total: shaped.total }];
    }),
  ) as DashboardShape["tables"];
  return {
    fiscalYear,
    ...bounds,
    suppressed: suppress,
    partnershipId: null,
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
    label: t.string({
      nullable: true,
      description: "A catalogue code's name in the viewer's language (materials, services, platforms).",
      resolve: (c, _args, ctx) => (c.labels ? c.labels[ctx.locale === "en" ? 1 : 0] : null),
    }),
    count: t.int({
      nullable: true,
      description: "Null when suppressed (shown as “< 5”).",
      resolve: (c) => c.count,
    }),
  }),
});
export const IndicatorTable = builder
  .objectRef<{ cells: CellShape[]; total: number | null }>("IndicatorTable")
  .implement({
    fields: (t) => ({
      cells: t.field({ type: [Cell], resolve: (table) => table.cells }),
      total: t.int({ nullable: true, resolve: (table) => table.total }),
    }),
  });
export const Dashboard = builder.objectRef<DashboardShape>("Dashboard").implement({
  fields: (t) => ({
    fiscalYear: t.exposeInt("fiscalYear", {
      description: "The year the fiscal year starts in (on the 1st of the settings' start month).",
    }),
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
      // The acting organisation's year: its own settings' zone and start month.
      const bounds = fiscalYearBounds(args.fiscalYear, await viewerSettings(ctx));
      const [row] = await ctx.tx.$queryRaw<{ counts: IndicatorCounts | null }[]>`
        SELECT app.organisation_indicators(${bounds.from}, ${bounds.to}) AS counts`;
      if (!row?.counts) throw new NotFoundError(ctx.locale);
      return shape(row.counts, args.fiscalYear, bounds, false);
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
 * only to its committee's members), or null. The year is the partnership's (its settings' zone
 * and start month: `settings` when the caller has read them, else read here, under RLS). The
 * home screen shows the latest from here too.
 */
export async function loadPartnershipDashboard(
  ctx: Pick<Context, "tx">,
  partnershipId: string,
  fiscalYear: number,
  settings?: Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth">,
): Promise<DashboardShape | null> {
  const programme =
    settings ??
    (await ctx.tx.partnership.findUnique({ where: { id: partnershipId }, select: settingsColumns }));
  if (!programme) return null;
  const bounds = fiscalYearBounds(fiscalYear, programme);
  const [row] = await ctx.tx.$queryRaw<{ counts: IndicatorCounts | null }[]>`
    SELECT app.partnership_indicators(${partnershipId}::uuid, ${bounds.from}, ${bounds.to}) AS counts`;
  return row?.counts ? { ...shape(row.counts, fiscalYear, bounds, true), partnershipId } : null;
}
