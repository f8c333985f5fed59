/**
 * Which programme settings (time zone, fiscal-year start, locale: packages/domain
 * programme-settings.ts) a request counts its days, slots and figures in:
 * - a viewer acting as an organisation: that organisation's own (its coordinators set them);
 * - a committee-only viewer: the partnership of her first seat (as `me` says);
 * - a partnership's figures (the committee's dashboard): the partnership's.
 * Read once per request and organisation (the transaction is the request's).
 */
import { defaultProgrammeSettings, type ProgrammeSettings } from "@maillage/domain";
import { followUpMinEncounters } from "@maillage/domain/indicators";
import type { Context } from "../../context.ts";

export const settingsColumns = { timeZone: true, fiscalYearStartMonth: true, locale: true } as const;
/** The settings' columns with the follow-up rule (read and written by the settings page). */
export const settingsWithFollowUpColumns = { ...settingsColumns, followUpMinEncounters: true } as const;

/** The settings and the follow-up rule (2–52 encounters in the period; 3 by default). */
export type ProgrammeSettingsWithFollowUp = ProgrammeSettings & { followUpMinEncounters: number };

/** A row's settings with its follow-up rule (a row read without the column: the default). */
export function settingsWithFollowUpOf(
  row: ProgrammeSettings & { followUpMinEncounters?: number },
): ProgrammeSettingsWithFollowUp {
  return {
    ...settingsOf(row),
    followUpMinEncounters: row.followUpMinEncounters ?? followUpMinEncounters.default,
  };
}

/** A row that holds the three columns (an organisation or a partnership read whole). */
export function settingsOf(row: ProgrammeSettings): ProgrammeSettings {
  return { timeZone: row.timeZone, fiscalYearStartMonth: row.fiscalYearStartMonth, locale: row.locale };
}

const readByTransaction = new WeakMap<object, Map<string, Promise<unknown>>>();

/** A setting read once per request (the transaction is the request's) under `key`. */
export function remembered<T>(ctx: Pick<Context, "tx">, key: string, read: () => Promise<T>): Promise<T> {
  let reads = readByTransaction.get(ctx.tx);
  if (!reads) {
    reads = new Map();
    readByTransaction.set(ctx.tx, reads);
  }
  let settings = reads.get(key) as Promise<T> | undefined;
  if (!settings) {
    settings = read();
    reads.set(key, settings);
  }
  return settings;
}

/** After a change of settings in this request: the next read sees the new ones. */
export function forgetSettings(ctx: Pick<Context, "tx">): void {
  readByTransaction.delete(ctx.tx);
}

/** The settings the viewer's own days and figures follow (see the file's comment). */
export function viewerSettings(ctx: Pick<Context, "tx" | "viewer">): Promise<ProgrammeSettings> {
  const viewer = ctx.viewer;
  if (viewer?.organisationId) {
    const organisationId = viewer.organisationId;
    return remembered(ctx, `organisation ${organisationId}`, async () => {
      const row = await ctx.tx.organisation.findUnique({
        where: { id: organisationId },
        select: settingsColumns,
      });
      return row ? settingsOf(row) : defaultProgrammeSettings;
    });
  }
  if (viewer && viewer.committeePartnershipIds.length > 0) {
    return remembered(ctx, `committee ${viewer.userId}`, async () => {
      const seat = await ctx.tx.committeeSeat.findFirst({
        where: { userId: viewer.userId },
        orderBy: { createdAt: "asc" },
        select: { partnership: { select: settingsColumns } },
      });
      return seat ? settingsOf(seat.partnership) : defaultProgrammeSettings;
    });
  }
  return Promise.resolve(defaultProgrammeSettings);
}

/** The time zone each of these organisations counts its members' weekly hours in. */
export async function organisationTimeZones(
  ctx: Pick<Context, "tx">,
  organisationIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await ctx.tx.organisation.findMany({
    where: { id: { in: [...new Set(organisationIds)] } },
    select: { id: true, timeZone: true },
  });
  return new Map(rows.map((row) => [row.id, row.timeZone]));
}
