/**
 * The date rule of records of what happened (packages/domain record-dates.ts) applied to the
 * acting organisation: its start date and time zone, read once per request. A refusal is a field
 * problem naming the rule (BEFORE_ORGANISATION_START carries the start date).
 */
import {
  happenedAtProblem,
  happenedOnProblem,
  isoDay,
  notBeforeStartProblem,
  type RecordDateProblem,
  type RecordDateRule,
} from "@maillage/domain";
import type { ActingContext } from "../../context.ts";
import { fieldProblem } from "../../errors.ts";
import { remembered } from "./viewer-settings.ts";

/** The acting organisation's start date and zone, with the request's clock. */
export async function recordDateRule(ctx: ActingContext): Promise<RecordDateRule> {
  const organisationId = ctx.viewer.organisationId;
  const row = await remembered(ctx, `start ${organisationId}`, () =>
    ctx.tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { startedOn: true, timeZone: true },
    }),
  );
  return { startedOn: isoDay(row.startedOn), timeZone: row.timeZone, now: ctx.now };
}

/** Throws the problem as a refusal of the field at `path`. */
export function refuseDate(ctx: ActingContext, path: string, problem: RecordDateProblem | null): void {
  if (!problem) return;
  throw fieldProblem(ctx.locale, path, problem.code, "limit" in problem ? problem.limit : undefined);
}

/** An instant that has happened: from the start date to now (plus the tolerance). */
export async function checkHappenedAt(ctx: ActingContext, path: string, at: Date): Promise<void> {
  refuseDate(ctx, path, happenedAtProblem(at, await recordDateRule(ctx)));
}

/** A calendar day that has happened: from the start date to today. */
export async function checkHappenedOn(ctx: ActingContext, path: string, day: Date): Promise<void> {
  refuseDate(ctx, path, happenedOnProblem(day, await recordDateRule(ctx)));
}

/** An instant past or planned: not before the start date (how far ahead is the caller's rule). */
export async function checkNotBeforeStart(ctx: ActingContext, path: string, at: Date): Promise<void> {
  refuseDate(ctx, path, notBeforeStartProblem(at, await recordDateRule(ctx)));
}

/** A date kept in an audit event's details: an instant in full, a calendar day as YYYY-MM-DD. */
type AuditedDate = { at: Date } | { day: Date };

const auditedValue = (date: AuditedDate) => ("at" in date ? date.at.toISOString() : isoDay(date.day));

/**
 * The audit details of a correction of a record's dates (issue 16: a date corrected is kept):
 * `{ field: { from, to } }` for each date that changed, or undefined when none did.
 */
export function dateCorrections(
  dates: Record<string, { from: AuditedDate; to: AuditedDate }>,
): Record<string, { from: string; to: string }> | undefined {
  const changed = Object.entries(dates)
    .map(([field, { from, to }]) => [field, { from: auditedValue(from), to: auditedValue(to) }] as const)
    .filter(([, { from, to }]) => from !== to);
  return changed.length > 0 ? Object.fromEntries(changed) : undefined;
}
