/**
 * Indicators (issue 17): one organisation's, exact and live, for its coordinators; a
 * partnership's, protected and from the day's snapshot, for its committee and the coordinators of
 * its member organisations. Both answer one PublishedIndicators (indicators.ts), which the
 * dashboard, the CSV and the PDF report read alike; texts come in the viewer's language.
 */
import type { Bilingual, PublishedIndicators } from "@maillage/domain/indicators";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { fieldProblem, InputValidationError, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { organisationIndicators, partnershipIndicators } from "./indicators.ts";

type Figure = PublishedIndicators["figures"][number];
type Table = PublishedIndicators["tables"][number];
type TableCell = Table["cells"][number];
type Period = PublishedIndicators["period"];
type Month = PublishedIndicators["monthly"][number];

const text = (value: Bilingual, ctx: Pick<Context, "locale">) => value[ctx.locale];

const IndicatorPeriod = builder.objectRef<Period>("IndicatorPeriod").implement({
  fields: (t) => ({
    from: t.field({ type: "DateTime", resolve: (p) => new Date(p.from) }),
    to: t.field({ type: "DateTime", description: "Exclusive.", resolve: (p) => new Date(p.to) }),
    fiscalYear: t.exposeInt("fiscalYear"),
    firstQuarter: t.int({ nullable: true, resolve: (p) => p.quarters?.[0] ?? null }),
    lastQuarter: t.int({ nullable: true, resolve: (p) => p.quarters?.[1] ?? null }),
    label: t.string({ resolve: (p, _args, ctx) => text(p.label, ctx) }),
  }),
});

const IndicatorFigure = builder.objectRef<Figure>("IndicatorFigure").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    section: t.exposeString("section"),
    title: t.string({ resolve: (f, _args, ctx) => text(f.title, ctx) }),
    definition: t.string({ resolve: (f, _args, ctx) => text(f.definition, ctx) }),
    unit: t.exposeString("unit"),
    value: t.int({ nullable: true, description: "Null: suppressed (shown “x”).", resolve: (f) => f.value }),
    previousValue: t.int({ nullable: true, resolve: (f) => f.previousValue }),
  }),
});

const IndicatorDistributionCell = builder.objectRef<TableCell>("IndicatorDistributionCell").implement({
  fields: (t) => ({
    key: t.exposeString("key"),
    label: t.string({ resolve: (c, _args, ctx) => text(c.label, ctx) }),
    count: t.int({
      nullable: true,
      description: "Null: suppressed (shown “x”); 0 is a true zero.",
      resolve: (c) => c.count,
    }),
    share: t.float({
      nullable: true,
      description: "count / the table's denominator, 0–1.",
      resolve: (c) => c.share,
    }),
    previousCount: t.int({ nullable: true, resolve: (c) => c.previousCount }),
    previousShare: t.float({ nullable: true, resolve: (c) => c.previousShare }),
  }),
});

const IndicatorDistribution = builder.objectRef<Table>("IndicatorDistribution").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    section: t.exposeString("section"),
    title: t.string({ resolve: (d, _args, ctx) => text(d.title, ctx) }),
    definition: t.string({ resolve: (d, _args, ctx) => text(d.definition, ctx) }),
    denominator: t.string({
      nullable: true,
      resolve: (d, _args, ctx) => (d.denominator ? text(d.denominator, ctx) : null),
    }),
    denominatorCount: t.int({ nullable: true, resolve: (d) => d.denominatorCount }),
    previousDenominatorCount: t.int({ nullable: true, resolve: (d) => d.previousDenominatorCount }),
    unit: t.exposeString("unit"),
    overlapping: t.exposeBoolean("overlapping", {
      description: "A cell may count the same record as another (themes): shares may add to more than 100 %.",
    }),
    cells: t.field({ type: [IndicatorDistributionCell], resolve: (d) => d.cells }),
  }),
});

const IndicatorMonth = builder.objectRef<Month>("IndicatorMonth").implement({
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM, in the programme's time zone." }),
    encounters: t.int({ nullable: true, resolve: (m) => m.encounters }),
    contacts: t.int({ nullable: true, resolve: (m) => m.contacts }),
    personsMet: t.int({ nullable: true, resolve: (m) => m.personsMet }),
  }),
});

export interface IndicatorsAnswer extends PublishedIndicators {
  /** Fiscal years with data, newest first. */
  years: number[];
}

export const Indicators = builder.objectRef<IndicatorsAnswer>("Indicators").implement({
  fields: (t) => ({
    scopeKind: t.string({ description: "ORGANISATION or PARTNERSHIP.", resolve: (i) => i.scope.kind }),
    scopeName: t.string({ resolve: (i) => i.scope.name }),
    period: t.field({ type: IndicatorPeriod, resolve: (i) => i.period }),
    previous: t.field({ type: IndicatorPeriod, nullable: true, resolve: (i) => i.previous }),
    suppressed: t.exposeBoolean("suppressed", {
      description: "Small counts are hidden (a partnership's figures).",
    }),
    threshold: t.exposeInt("threshold", { description: "Counts from 1 to threshold − 1 are hidden." }),
    asOf: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the snapshot was computed; null: live figures.",
      resolve: (i) => (i.asOf ? new Date(i.asOf) : null),
    }),
    timeZone: t.exposeString("timeZone"),
    followUpMinEncounters: t.exposeInt("followUpMinEncounters", {
      description: "Regular follow-up: met at least this many times in the period.",
    }),
    years: t.exposeIntList("years", { description: "Fiscal years with data, newest first." }),
    figures: t.field({ type: [IndicatorFigure], resolve: (i) => i.figures }),
    tables: t.field({ type: [IndicatorDistribution], resolve: (i) => i.tables }),
    monthly: t.field({ type: [IndicatorMonth], resolve: (i) => i.monthly }),
  }),
});

const IndicatorPeriodInput = builder.inputType("IndicatorPeriodInput", {
  fields: (t) => ({
    fiscalYear: t.int({ required: true, description: "The year the fiscal year starts in." }),
    firstQuarter: t.int({ description: "1–4, with lastQuarter; absent: the whole fiscal year." }),
    lastQuarter: t.int(),
    fromDay: t.string({
      description: "A custom range's first day (YYYY-MM-DD): one organisation's figures only.",
    }),
    toDay: t.string({ description: "A custom range's last day, included." }),
  }),
});

/** A period that is not one is refused on the `period` field, in the caller's language. */
function invalidPeriod(ctx: Pick<Context, "locale">): never {
  throw fieldProblem(ctx.locale, "period", "INVALID_VALUE");
}

builder.queryField("organisationIndicators", (t) =>
  t.withAuth({ takesAction: "READ_ORGANISATION_DASHBOARD" }).field({
    type: Indicators,
    description: "The acting organisation's indicators, exact and live (its coordinators).",
    args: { period: t.arg({ type: IndicatorPeriodInput, required: true }) },
    errors: {
      types: [NotFoundError, InputValidationError],
      result: { name: "OrganisationIndicatorsSuccess" },
      union: { name: "OrganisationIndicatorsResult" },
      dataField: { name: "indicators" },
    },
    resolve: async (_root, args, ctx) =>
      (await organisationIndicators(ctx, args.period)) ?? invalidPeriod(ctx),
  }),
);

builder.queryField("partnershipIndicators", (t) =>
  t.field({
    type: Indicators,
    description:
      "A partnership's indicators, protected (small counts and what would give them away hidden), from the day's snapshot: its committee and the coordinators of its member organisations.",
    // Who may read them is decided in SQL (app.may_read_partnership_indicators); to anyone else
    // the partnership is not found.
    authScopes: { signedIn: true },
    args: {
      partnershipId: t.arg.id({ required: true }),
      period: t.arg({ type: IndicatorPeriodInput, required: true }),
    },
    errors: {
      types: [NotFoundError, InputValidationError],
      result: { name: "PartnershipIndicatorsSuccess" },
      union: { name: "PartnershipIndicatorsResult" },
      dataField: { name: "indicators" },
    },
    resolve: async (_root, args, ctx) => {
      const partnershipId = decodeId(String(args.partnershipId), "Partnership");
      if (!partnershipId) throw new NotFoundError(ctx.locale);
      const answer = await partnershipIndicators(ctx, partnershipId, args.period);
      if (answer === "NOT_FOUND") throw new NotFoundError(ctx.locale);
      return answer ?? invalidPeriod(ctx);
    },
  }),
);
