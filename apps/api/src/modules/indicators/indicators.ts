/**
 * The indicators of a period as one PublishedIndicators (packages/domain/src/indicators).
 *
 * - One organisation (its coordinators): exact and live, from app.organisation_indicator_figures
 *   for the period and the one before.
 * - A partnership (its committee, coordinators of its member organisations): from the day's
 *   snapshot of the fiscal year (snapshots.ts), where every range of quarters and every month of
 *   the year was protected together (@maillage/domain/disclosure); never live counts.
 *
 * Shares are computed from the values as published: a share is shown only when its count and its
 * denominator both are, so it tells nothing the two do not.
 */
import { dayInZone, fiscalYearOf, type ProgrammeSettings } from "@maillage/domain";
import {
  fiscalYearMonths,
  type PeriodRequest,
  type PublishedIndicators,
  previousPeriod,
  publishedPeriod,
  quarterRangeKey,
  type ResolvedPeriod,
  resolvePeriod,
} from "@maillage/domain/indicators";
import type { ActingContext, Context } from "../../context.ts";
import { settingsOf } from "../programme-settings/viewer-settings.ts";
import { catalogueLabels, type IntakeCounts, withIntakes } from "./definitions.ts";
import type { IndicatorsAnswer } from "./indicators.queries.ts";
import { indicatorDefinitions, publishValues, type RangeValues } from "./publish.ts";
import { type PartnershipCalendar, snapshotFor } from "./snapshots.ts";

/** Fiscal years from the one holding `startedOn` to the current one, newest first. */
function yearsSince(startedOn: Date | null, now: Date, settings: ProgrammeSettings): number[] {
  const current = fiscalYearOf(now, settings);
  const first = startedOn ? Math.min(current, fiscalYearOf(startedOn, settings)) : current;
  return Array.from({ length: current - first + 1 }, (_, index) => current - index);
}

/** A period within the years offered: not after the current fiscal year. */
function offered(period: ResolvedPeriod, now: Date, settings: ProgrammeSettings): boolean {
  return period.fiscalYear <= fiscalYearOf(now, settings) && period.from < now;
}

export async function organisationIndicators(
  ctx: ActingContext,
  request: PeriodRequest,
): Promise<IndicatorsAnswer | null> {
  const organisation = await ctx.tx.organisation.findUniqueOrThrow({
    where: { id: ctx.viewer.organisationId },
    select: {
      name: true,
      startedOn: true,
      followUpMinEncounters: true,
      timeZone: true,
      fiscalYearStartMonth: true,
      locale: true,
    },
  });
  const settings = settingsOf(organisation);
  const period = resolvePeriod(request, settings, true);
  if (!period || !offered(period, ctx.now, settings)) return null;
  const previous = previousPeriod(period, settings);
  const current = await organisationRangeValues(ctx, period, settings.timeZone);
  const before = await organisationRangeValues(ctx, previous, settings.timeZone);
  if (!current) return null;
  const labels = await catalogueLabels(ctx.tx, [ctx.viewer.organisationId]);
  return {
    scope: { kind: "ORGANISATION", name: organisation.name },
    period: publishedPeriod(period, settings),
    previous: publishedPeriod(previous, settings),
    suppressed: false,
    threshold: 1,
    asOf: null,
    timeZone: settings.timeZone,
    followUpMinEncounters: organisation.followUpMinEncounters,
    ...publishValues(
      indicatorDefinitions,
      { ...current, catalogueLabels: labels },
      before ? { ...before, catalogueLabels: labels } : null,
    ),
    monthly: monthsOf(current).filter((month) => month.month <= thisMonth(ctx.now, settings.timeZone)),
    years: yearsSince(organisation.startedOn, ctx.now, settings),
  };
}

/** The acting organisation's exact values for a period (its coordinators only, in SQL too). */
async function organisationRangeValues(
  ctx: Pick<Context, "tx">,
  period: ResolvedPeriod,
  timeZone: string,
): Promise<RangeValues | null> {
  const [row] = await ctx.tx.$queryRaw<{ values: RangeValues | null; intakes: IntakeCounts | null }[]>`
    SELECT app.organisation_indicator_figures(${period.from}, ${period.to}, ${timeZone}) AS values,
           app.organisation_intake_indicators(${period.from}, ${period.to}) AS intakes`;
  return row?.values ? withIntakes(row.values, row.intakes) : null;
}

/** "2026-12": the month under way in the programme's zone; the months after it are not drawn as 0. */
function thisMonth(now: Date, timeZone: string): string {
  return dayInZone(now, timeZone).slice(0, 7);
}

/** The months of live values, in order. */
function monthsOf(values: RangeValues): PublishedIndicators["monthly"] {
  return Object.entries(values.months ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      encounters: m.encounters,
      contacts: m.contacts,
      personsMet: m.personsMet,
    }));
}

export async function partnershipIndicators(
  ctx: Context,
  partnershipId: string,
  request: PeriodRequest,
): Promise<IndicatorsAnswer | "NOT_FOUND" | null> {
  const [may] = await ctx.tx.$queryRaw<{ may: boolean }[]>`
    SELECT app.may_read_partnership_indicators(${partnershipId}::uuid) AS may`;
  if (!may?.may) return "NOT_FOUND";
  const partnership = await ctx.tx.partnership.findUnique({
    where: { id: partnershipId },
    select: {
      name: true,
      followUpMinEncounters: true,
      timeZone: true,
      fiscalYearStartMonth: true,
      locale: true,
    },
  });
  if (!partnership) return "NOT_FOUND";
  const settings = settingsOf(partnership);
  const period = resolvePeriod(request, settings, false);
  if (!period?.quarters || !offered(period, ctx.now, settings)) return null;
  const calendar: PartnershipCalendar = {
    ...settings,
    followUpMinEncounters: partnership.followUpMinEncounters,
  };
  const [first, last] = period.quarters;
  const key = quarterRangeKey(first, last);
  const snapshot = await snapshotFor(ctx, partnershipId, period.fiscalYear, calendar, key);
  const before = await snapshotFor(ctx, partnershipId, period.fiscalYear - 1, calendar, key);
  const current = snapshot.range;
  if (!current) return "NOT_FOUND";
  const months = fiscalYearMonths(period.fiscalYear, settings).slice((first - 1) * 3, last * 3);
  return {
    scope: { kind: "PARTNERSHIP", name: partnership.name },
    period: publishedPeriod(period, settings),
    previous: publishedPeriod(previousPeriod(period, settings), settings),
    suppressed: true,
    threshold: snapshot.settings.threshold,
    asOf: snapshot.computedAt.toISOString(),
    timeZone: settings.timeZone,
    followUpMinEncounters: partnership.followUpMinEncounters,
    ...publishValues(indicatorDefinitions, current, before.range),
    monthly: months
      .filter((month) => month.month <= thisMonth(ctx.now, settings.timeZone))
      .map((month) => ({
        month: month.month,
        ...(snapshot.months[month.key] ?? { encounters: null, contacts: null, personsMet: null }),
      })),
    years: yearsSince(snapshot.startedOn ? new Date(snapshot.startedOn) : null, ctx.now, settings),
  };
}
