/**
 * A partnership's daily snapshot of protected figures, one per fiscal year (table
 * indicator_snapshots; DESIGN.md §3 rule 4: committees never read live counts, so that two answers
 * around one new record cannot give it away).
 *
 * The first read of a day (in the partnership's zone) — or the first after its settings changed —
 * computes the year: its 10 ranges of quarters and 12 months counted in SQL
 * (app.indicator_figures, aggregates only), then protected all together
 * (@maillage/domain/disclosure: the ranges of a year are linked by their sums, so a cell hidden in
 * one range cannot be found from the others). Every later read that day answers the same stored
 * figures: the first snapshot written for the day wins (INSERT … ON CONFLICT, guarded by its day),
 * so two readers never see two different days' answers under one date.
 *
 * The computation runs as the owner inside the request's transaction (packages/db asOwner), only
 * after app.may_read_partnership_indicators found the viewer entitled, and takes no input but the
 * checked partnership id and fiscal year.
 */
import { asOwner, type TransactionClient } from "@maillage/db";
import { dayInZone, type ProgrammeSettings } from "@maillage/domain";
import { smallCellThreshold } from "@maillage/domain/disclosure";
import {
  fiscalYearMonths,
  parseQuarterRangeKey,
  quarterBounds,
  quarterRangeKeys,
} from "@maillage/domain/indicators";
import type { Context } from "../../context.ts";
import { catalogueLabels, type IntakeCounts, withIntakes } from "./definitions.ts";
import { indicatorDefinitions, protectYear, type RangeValues, type ShownValues } from "./publish.ts";

export interface PartnershipCalendar extends ProgrammeSettings {
  followUpMinEncounters: number;
}

/** What a snapshot was computed with: a change of any of them computes it again. */
export interface SnapshotSettings {
  timeZone: string;
  fiscalYearStartMonth: number;
  followUpMinEncounters: number;
  threshold: number;
  /** The protection method's version (publish.ts): a new method computes every snapshot again. */
  method: number;
}

export interface PublishedSnapshot {
  /** Per range of quarters ("Q1", "Q1-Q2", …, "Q1-Q4"): the figures and tables as shown. */
  ranges: Record<string, ShownValues>;
  /** Per month of the year ("M01" … "M12"): the trend's totals as shown. */
  months: Record<string, { encounters: number | null; contacts: number | null; personsMet: number | null }>;
  /** The earliest start date of the member organisations (the years offered start there). */
  startedOn: string | null;
}

/** What a request reads of a snapshot: one range of quarters, the months and the years offered. */
export interface Snapshot {
  settings: SnapshotSettings;
  computedAt: Date;
  range: ShownValues | null;
  months: PublishedSnapshot["months"];
  startedOn: string | null;
}

export const protectionMethodVersion = 1;

function settingsFor(calendar: PartnershipCalendar): SnapshotSettings {
  return {
    timeZone: calendar.timeZone,
    fiscalYearStartMonth: calendar.fiscalYearStartMonth,
    followUpMinEncounters: calendar.followUpMinEncounters,
    threshold: smallCellThreshold,
    method: protectionMethodVersion,
  };
}

const sameSettings = (a: SnapshotSettings, b: SnapshotSettings) =>
  (Object.keys(b) as (keyof SnapshotSettings)[]).every((key) => a[key] === b[key]);

interface SnapshotRow {
  settings: SnapshotSettings;
  computed_on: Date;
  computed_at: Date;
  range: ShownValues | null;
  months: PublishedSnapshot["months"];
  started_on: string | null;
}

/** The stored snapshot's one range (the rest of the year's JSON stays in PostgreSQL). */
async function readSnapshot(tx: TransactionClient, partnershipId: string, fiscalYear: number, range: string) {
  const [row] = await tx.$queryRaw<SnapshotRow[]>`
    SELECT settings, computed_on, computed_at, published -> 'ranges' -> ${range} AS range,
           published -> 'months' AS months, published ->> 'startedOn' AS started_on
      FROM app.partnership_indicator_snapshot(${partnershipId}::uuid, ${fiscalYear}::int)`;
  return row ?? null;
}

const dayOf = (row: { computed_on: Date }) => row.computed_on.toISOString().slice(0, 10);

/**
 * The day's snapshot of a fiscal year of a partnership the viewer may read (the caller checked
 * app.may_read_partnership_indicators), computed now if there is none for today (the nightly
 * refresh, snapshot-refresh.ts, usually has it ready).
 */
export async function snapshotFor(
  ctx: Pick<Context, "tx" | "now">,
  partnershipId: string,
  fiscalYear: number,
  calendar: PartnershipCalendar,
  range: string,
): Promise<Snapshot> {
  const settings = settingsFor(calendar);
  const day = dayInZone(ctx.now, calendar.timeZone);
  let row = await readSnapshot(ctx.tx, partnershipId, fiscalYear, range);
  if (!row || dayOf(row) !== day || !sameSettings(row.settings, settings)) {
    await asOwner(ctx.tx, (owner) =>
      storeSnapshotIfStale(owner, partnershipId, fiscalYear, calendar, ctx.now),
    );
    row = await readSnapshot(ctx.tx, partnershipId, fiscalYear, range);
  }
  if (!row) throw new Error("A partnership's snapshot could not be read after it was computed");
  return {
    settings: row.settings,
    computedAt: row.computed_at,
    range: row.range,
    months: row.months,
    startedOn: row.started_on,
  };
}

/**
 * As the owner: computes and stores the fiscal year's snapshot unless one of today (in the
 * partnership's zone) with the same settings is stored. Answers whether it computed one. The
 * first snapshot written for a day wins (a concurrent reader's INSERT finds it and keeps it).
 */
export async function storeSnapshotIfStale(
  owner: TransactionClient,
  partnershipId: string,
  fiscalYear: number,
  calendar: PartnershipCalendar,
  now: Date,
): Promise<boolean> {
  const settings = settingsFor(calendar);
  const day = dayInZone(now, calendar.timeZone);
  const [stored] = await owner.$queryRaw<Pick<SnapshotRow, "settings" | "computed_on">[]>`
    SELECT settings, computed_on FROM indicator_snapshots
     WHERE partnership_id = ${partnershipId}::uuid AND fiscal_year = ${fiscalYear}::int`;
  if (stored && dayOf(stored) === day && sameSettings(stored.settings, settings)) return false;
  const published = await computeSnapshot(owner, partnershipId, fiscalYear, calendar, settings.threshold);
  await owner.$executeRaw`
    INSERT INTO indicator_snapshots AS s (partnership_id, fiscal_year, settings, computed_on, computed_at, published)
    VALUES (${partnershipId}::uuid, ${fiscalYear}::int, ${JSON.stringify(settings)}::jsonb, ${day}::date,
            ${now}, ${JSON.stringify(published)}::jsonb)
    ON CONFLICT (partnership_id, fiscal_year) DO UPDATE
       SET settings = EXCLUDED.settings, computed_on = EXCLUDED.computed_on,
           computed_at = EXCLUDED.computed_at, published = EXCLUDED.published
     WHERE s.computed_on < EXCLUDED.computed_on OR s.settings <> EXCLUDED.settings`;
  return true;
}

/** Counts every range and month of the year (as the owner) and protects them together. */
async function computeSnapshot(
  owner: TransactionClient,
  partnershipId: string,
  fiscalYear: number,
  calendar: PartnershipCalendar,
  threshold: number,
): Promise<PublishedSnapshot> {
  const [members] = await owner.$queryRaw<{ ids: string[] | null; started_on: Date | null }[]>`
    SELECT array_agg(m.organisation_id) AS ids, min(o.started_on) AS started_on
      FROM partnership_members m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.partnership_id = ${partnershipId}::uuid`;
  const organisationIds = members?.ids ?? [];
  const ranges: Record<string, RangeValues> = {};
  for (const key of quarterRangeKeys) {
    const [first, last] = parseQuarterRangeKey(key) as [number, number];
    const bounds = quarterBounds(fiscalYear, first, last, calendar);
    const [row] = await owner.$queryRaw<{ values: RangeValues; intakes: IntakeCounts }[]>`
      SELECT app.indicator_figures(${organisationIds}::uuid[], ${bounds.from}, ${bounds.to},
                                   ${calendar.followUpMinEncounters}::int, ${calendar.timeZone}) AS values,
             app.intake_indicators(${organisationIds}::uuid[], ${bounds.from}, ${bounds.to}) AS intakes`;
    if (!row?.values) throw new Error("app.indicator_figures answered nothing");
    ranges[key] = withIntakes(row.values, row.intakes);
  }
  const yearMonths = ranges["Q1-Q4"]?.months ?? {};
  const months = Object.fromEntries(
    fiscalYearMonths(fiscalYear, calendar).map((month) => [
      month.key,
      yearMonths[month.month] ?? { encounters: 0, contacts: 0, personsMet: 0 },
    ]),
  );
  const shown = await protectYear(indicatorDefinitions, ranges, months, threshold);
  const labels = await catalogueLabels(owner, organisationIds);
  return {
    ranges: Object.fromEntries(
      Object.entries(shown.ranges).map(([key, values]) => [key, { ...values, catalogueLabels: labels }]),
    ),
    months: shown.months,
    startedOn: members?.started_on ? members.started_on.toISOString().slice(0, 10) : null,
  };
}
