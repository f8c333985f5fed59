/**
 * Retention (Law 25 s. 23: no longer than necessary): each organisation's period without
 * activity after which a file is de-identified (`organisations.retention_years`, null: never),
 * set by its coordinators (MANAGE_PRIVACY), its dry run — which files the daily job would
 * de-identify, and when — and destruction at the person's request. The SQL does the work, the
 * same functions for the dry run and the run (app.retention_due, app.erase_person_identity in
 * prisma/migrations/*_privacy_law_25, where what is erased and what is kept is listed); the job
 * itself is retention-job.ts.
 */
import { Prisma } from "@maillage/db";
import { defaultRetentionYears, retentionYearsRange } from "@maillage/domain";
import {
  deidentificationReason,
  deidentifyPersonInput,
  setRetentionPeriodInput,
} from "@maillage/domain/inputs";
import { z } from "zod";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { ConflictError, fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { PersonNode } from "../persons/persons.types.ts";

builder.enumType("DeidentificationReason", {
  values: deidentificationReason.options,
  description: "Why a file is de-identified before its retention ends (audited by this code only).",
});

interface PrivacySettingsShape {
  organisationId: string;
  retentionYears: number | null;
}

const PrivacySettingsRef = builder.objectRef<PrivacySettingsShape>("PrivacySettings").implement({
  description: "The acting organisation's retention rule (Law 25: no longer than necessary).",
  fields: (t) => ({
    retentionYears: t.int({
      nullable: true,
      description:
        "Years without activity after which a file is de-identified by the daily job; null: never (the organisation's explicit choice).",
      resolve: (settings) => settings.retentionYears,
    }),
    defaultRetentionYears: t.int({
      description: "The period a new organisation starts with.",
      resolve: () => defaultRetentionYears,
    }),
    minRetentionYears: t.int({ resolve: () => retentionYearsRange.min }),
    maxRetentionYears: t.int({ resolve: () => retentionYearsRange.max }),
  }),
});

async function privacySettings(ctx: ActingContext): Promise<PrivacySettingsShape> {
  const organisation = await ctx.tx.organisation.findUniqueOrThrow({
    where: { id: ctx.viewer.organisationId },
    select: { retentionYears: true },
  });
  return { organisationId: ctx.viewer.organisationId, retentionYears: organisation.retentionYears };
}

builder.queryField("privacySettings", (t) =>
  t.withAuth({ takesAction: "MANAGE_PRIVACY" }).field({
    type: PrivacySettingsRef,
    description: "The acting organisation's retention period (its coordinators).",
    resolve: (_root, _args, ctx) => privacySettings(ctx),
  }),
);

defineMutation("setRetentionPeriod", {
  description:
    "A coordinator sets how many years a file without activity is kept before the daily job de-identifies it (null: never). Audited.",
  authScopes: { takesAction: "MANAGE_PRIVACY" },
  input: setRetentionPeriodInput,
  payload: { privacySettings: PrivacySettingsRef },
  resolve: async (input, ctx) => {
    const before = await privacySettings(ctx);
    await ctx.tx.organisation.update({
      where: { id: ctx.viewer.organisationId },
      data: { retentionYears: input.retentionYears },
      select: { id: true },
    });
    await auditViewerAction(ctx, {
      action: "RETENTION_PERIOD_CHANGED",
      recordKind: "ORGANISATION",
      recordId: ctx.viewer.organisationId,
      details: { from: before.retentionYears, to: input.retentionYears },
    });
    return { organisationId: ctx.viewer.organisationId, retentionYears: input.retentionYears };
  },
});

interface DueFile {
  personId: string;
  lastActivityAt: Date;
  dueAt: Date;
}

interface RetentionReportShape {
  retentionYears: number | null;
  horizonDays: number;
  files: DueFile[];
  now: Date;
}

const DueFileRef = builder.objectRef<DueFile>("RetentionDueFile").implement({
  fields: (t) => ({
    person: t.prismaField({
      type: PersonNode,
      nullable: true,
      resolve: (query, file, _args, ctx) =>
        ctx.tx.person.findFirst({
          ...query,
          where: { id: file.personId, AND: [visiblePersonWhere(ctx.viewer, ctx.now)] },
        }),
    }),
    lastActivityAt: t.field({
      type: "DateTime",
      description: "The latest thing done with or for her (app.person_last_activity).",
      resolve: (file) => file.lastActivityAt,
    }),
    dueAt: t.field({
      type: "DateTime",
      description: "When the daily job de-identifies the file (last activity + the period).",
      resolve: (file) => file.dueAt,
    }),
  }),
});

const RetentionDayRef = builder.objectRef<{ day: string; count: number }>("RetentionDueDay").implement({
  fields: (t) => ({
    day: t.field({ type: "Date", resolve: (d) => new Date(`${d.day}T00:00:00.000Z`) }),
    count: t.exposeInt("count"),
  }),
});

const RetentionReportRef = builder.objectRef<RetentionReportShape>("RetentionReport").implement({
  description:
    "The dry run of the retention job: the files it would de-identify, now and within the horizon, and when. Nothing is changed.",
  fields: (t) => ({
    retentionYears: t.int({
      nullable: true,
      description: "The period the report applies: the organisation's, or the one previewed.",
      resolve: (report) => report.retentionYears,
    }),
    horizonDays: t.exposeInt("horizonDays"),
    dueNow: t.int({
      description: "How many files the next run de-identifies.",
      resolve: (report) => report.files.filter((file) => file.dueAt <= report.now).length,
    }),
    total: t.int({ resolve: (report) => report.files.length }),
    byDay: t.field({
      type: [RetentionDayRef],
      description: "How many files become due each day (UTC), earliest first; overdue files count today.",
      resolve: (report) => {
        const counts = new Map<string, number>();
        const today = report.now.toISOString().slice(0, 10);
        for (const file of report.files) {
          const day = file.dueAt <= report.now ? today : file.dueAt.toISOString().slice(0, 10);
          counts.set(day, (counts.get(day) ?? 0) + 1);
        }
        return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
      },
    }),
    files: t.field({ type: [DueFileRef], resolve: (report) => report.files }),
  }),
});

const retentionReportArgs = z.object({
  horizonDays: z.number().int().min(0).max(3660),
  retentionYears: z.number().int().min(retentionYearsRange.min).max(retentionYearsRange.max).nullish(),
});

builder.queryField("retentionReport", (t) =>
  t.withAuth({ takesAction: "MANAGE_PRIVACY" }).field({
    type: RetentionReportRef,
    description:
      "Which files the retention job would de-identify now and within `horizonDays` (default 90), with the organisation's period or `retentionYears` instead (a preview before setting it). Changes nothing.",
    args: {
      horizonDays: t.arg.int({ defaultValue: 90 }),
      retentionYears: t.arg.int({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const parsed = retentionReportArgs.safeParse(args);
      if (!parsed.success) throw fieldProblem(ctx.locale, "horizonDays", "INVALID_VALUE");
      const { horizonDays } = parsed.data;
      const years = parsed.data.retentionYears ?? (await privacySettings(ctx)).retentionYears;
      const rows =
        years === null
          ? []
          : await ctx.tx.$queryRaw<{ person_id: string; last_activity_at: Date; due_at: Date }[]>(Prisma.sql`
              SELECT person_id, last_activity_at, due_at
                FROM app.organisation_retention_schedule(${ctx.now}::timestamptz, ${horizonDays}::int, ${years}::int)`);
      return {
        retentionYears: years,
        horizonDays,
        now: ctx.now,
        files: rows.map((row) => ({
          personId: row.person_id,
          lastActivityAt: row.last_activity_at,
          dueAt: row.due_at,
        })),
      };
    },
  }),
);

builder.prismaObjectField(PersonNode, "deidentifiedAt", (t) =>
  t.field({
    type: "DateTime",
    nullable: true,
    description:
      "When the file was de-identified (retention or at her request): its alias is a code, its notes and contact preferences erased.",
    resolve: (person) => person.deidentifiedAt,
  }),
);

defineMutation("deidentifyPerson", {
  description:
    "A coordinator de-identifies one file of her organisation now, usually at the person's request: confirmed by typing its alias, with a reason. Alias, contact preferences, legal name and every free text about her are erased; her records stay, counted, under the same pseudonymous id. Irreversible. Audited (the reason's code, never her alias).",
  authScopes: { takesAction: "MANAGE_PRIVACY" },
  input: deidentifyPersonInput,
  payload: { person: PersonNode },
  errors: [ConflictError],
  resolve: async (input, ctx) => {
    const id = decodeId(input.personId, "Person");
    const person = id
      ? await ctx.tx.person.findFirst({
          where: {
            id,
            organisationId: ctx.viewer.organisationId,
            mergedIntoId: null,
            AND: [visiblePersonWhere(ctx.viewer, ctx.now)],
          },
          select: { id: true, alias: true, deidentifiedAt: true },
        })
      : null;
    if (!person) throw new NotFoundError(ctx.locale);
    if (person.deidentifiedAt) throw new ConflictError(ctx.locale);
    if (input.confirmAlias.normalize("NFC").trim() !== person.alias.normalize("NFC").trim()) {
      throw fieldProblem(ctx.locale, "confirmAlias", "INVALID_VALUE");
    }
    await ctx.tx.$executeRaw`SELECT app.deidentify_person_at_request(${person.id}::uuid)`;
    await auditViewerAction(ctx, {
      action: "PERSON_DEIDENTIFIED",
      recordKind: "PERSON",
      recordId: person.id,
      details: { reason: input.reason },
    });
    return ctx.tx.person.findUniqueOrThrow({ where: { id: person.id } });
  },
});
