/**
 * The intake form of a person's first night-centre visit (issue 15, item 2): immediate and
 * long-term needs in seven domains and an optional comment, one per person and organisation. The
 * owning organisation's outreach workers and coordinators read and write it (registry kind
 * INTAKE_ASSESSMENT; RLS intake_assessments_*), never a partner whatever the person's consent —
 * it is on the person's file for her organisation only. Reading it is reading the file (audited
 * like the file, once per request); a correction is audited.
 */

import { randomUUID } from "node:crypto";
import { IntakeNeedLevel } from "@maillage/db";
import { intakeDomainFields, intakeDomains } from "@maillage/domain";
import { recordIntakeAssessmentInput, updateIntakeAssessmentInput } from "@maillage/domain/inputs";
import type { z } from "zod";
import { auditPersonFileReads } from "../../access/audit-reads.ts";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownPersonId, ownRecordOrNotFound } from "../../access/own-records.ts";
import { visiblePersonLoad } from "../../access/person-loader.ts";
import { visibleIntakeAssessmentWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext, Context } from "../../context.ts";
import { ConflictError, fieldProblem, NotFoundError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { PersonNode } from "../persons/persons.types.ts";
import { IntakeAlreadyRecordedError } from "./night-centre.errors.ts";
import { EveningStaffMember, loadMembers } from "./night-centre.types.ts";

export const IntakeNeedLevelEnum = builder.enumType(IntakeNeedLevel, { name: "IntakeNeedLevel" });
export const IntakeDomainEnum = builder.enumType("IntakeDomain", { values: intakeDomains });

type Domain = (typeof intakeDomains)[number];
type Level = keyof typeof IntakeNeedLevel;

const IntakeNeed = builder.objectRef<{ domain: Domain; level: Level | null }>("IntakeNeed").implement({
  fields: (t) => ({
    domain: t.field({ type: IntakeDomainEnum, resolve: (need) => need.domain }),
    level: t.field({
      type: IntakeNeedLevelEnum,
      nullable: true,
      description: "Null: not asked, or the person preferred not to say.",
      resolve: (need) => need.level,
    }),
  }),
});

/** A read of the intake's answers is a read of the person's file. */
const auditedRead = async (ctx: Context, personId: string) => auditPersonFileReads(ctx, [personId]);

export const IntakeAssessmentNode = builder.prismaNode("IntakeAssessment", {
  id: { field: "id" },
  authScopes: { readsOwn: "INTAKE_ASSESSMENT" },
  findUnique: (id, ctx) => ({ id, AND: [visibleIntakeAssessmentWhere(ctx.viewer)] }),
  fields: (t) => ({
    person: t.loadable({
      type: PersonNode,
      nullable: true,
      ...visiblePersonLoad,
      resolve: (intake) => intake.personId,
    }),
    assessedAt: t.expose("assessedAt", { type: "DateTime" }),
    assessedBy: t.loadable({
      type: EveningStaffMember,
      nullable: true,
      load: async (ids: string[], ctx: Context) =>
        (await loadMembers(ids, ctx)).map((list) => list[0] ?? null),
      loaderOptions: { batchScheduleFn: (run: () => void) => setImmediate(run) },
      resolve: (intake) => intake.assessedById,
    }),
    needs: t.field({
      type: [IntakeNeed],
      description: "The seven domains in the form's order, each with its level (null when not asked).",
      resolve: async (intake, _args, ctx) => {
        await auditedRead(ctx, intake.personId);
        return intakeDomains.map((domain) => ({ domain, level: intake[intakeDomainFields[domain]] }));
      },
    }),
    comment: t.string({
      nullable: true,
      resolve: async (intake, _args, ctx) => {
        await auditedRead(ctx, intake.personId);
        return intake.comment;
      },
    }),
    version: t.exposeInt("version", { description: "Send it back with a correction." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField(PersonNode, "intakeAssessment", (t) =>
  t.prismaField({
    type: IntakeAssessmentNode,
    nullable: true,
    description:
      "The intake form of her first night-centre visit: her organisation's own (never a partner's).",
    authScopes: { readsOwn: "INTAKE_ASSESSMENT" },
    unauthorizedResolver: () => null,
    resolve: (query, person, _args, ctx) =>
      ctx.tx.intakeAssessment.findFirst({
        ...query,
        where: { personId: person.id, AND: [visibleIntakeAssessmentWhere(ctx.viewer)] },
      }),
  }),
);

type Needs = z.output<typeof recordIntakeAssessmentInput>["needs"];

/** The seven columns from the form's answers (an answer left out is "not asked"). */
function needColumns(needs: Needs) {
  return Object.fromEntries(
    intakeDomains.map((domain) => [intakeDomainFields[domain], needs[intakeDomainFields[domain]] ?? null]),
  ) as Record<(typeof intakeDomainFields)[Domain], Level | null>;
}

/** The evening visit the intake is made at: a check-in of this person, that the viewer sees. */
async function visitOf(ctx: ActingContext, globalId: string, personId: string): Promise<string> {
  try {
    return (
      await ownRecordOrNotFound(ctx, "Encounter", globalId, (where) =>
        ctx.tx.encounter.findFirst({
          where: { ...where, personId, eveningId: { not: null } },
          select: { id: true },
        }),
      )
    ).id;
  } catch (error) {
    if (error instanceof NotFoundError) throw fieldProblem(ctx.locale, "visitId", "NOT_FOUND");
    throw error;
  }
}

defineMutation("recordIntakeAssessment", {
  description:
    "The intake form of a person's first visit; once per person (a second is refused, nothing written).",
  authScopes: { writesOwn: "INTAKE_ASSESSMENT" },
  input: recordIntakeAssessmentInput,
  errors: [IntakeAlreadyRecordedError],
  payload: { intake: IntakeAssessmentNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const personId = await ownPersonId(ctx, input.personId, "personId");
    const visitId = input.visitId ? await visitOf(ctx, input.visitId, personId) : null;
    const id = randomUUID();
    // One per person and organisation, even one the viewer does not see (a restricted team):
    // the unique key decides, and a second one writes nothing.
    const { count } = await ctx.tx.intakeAssessment.createMany({
      data: [
        {
          id,
          organisationId,
          personId,
          visitId,
          assessedById: ctx.viewer.userId,
          ...needColumns(input.needs),
          comment: input.comment || null,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) throw new IntakeAlreadyRecordedError(ctx.locale);
    return ctx.tx.intakeAssessment.findUniqueOrThrow({ where: { id } });
  },
});

defineMutation("updateIntakeAssessment", {
  description: "The intake's answers corrected (every field anew). Audited.",
  authScopes: { writesOwn: "INTAKE_ASSESSMENT" },
  input: updateIntakeAssessmentInput,
  errors: [ConflictError],
  payload: { intake: IntakeAssessmentNode },
  resolve: async (input, ctx) => {
    const intake = await ownRecordOrNotFound(ctx, "IntakeAssessment", input.id, (where) =>
      ctx.tx.intakeAssessment.findFirst({ where, select: { id: true, personId: true, version: true } }),
    );
    if (intake.version !== input.version) throw new ConflictError(ctx.locale);
    const { count } = await ctx.tx.intakeAssessment.updateMany({
      where: { id: intake.id, version: intake.version },
      data: { ...needColumns(input.needs), comment: input.comment || null, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(ctx.locale);
    await auditViewerAction(ctx, {
      action: "INTAKE_UPDATED",
      recordKind: "PERSON",
      recordId: intake.personId,
    });
    return ctx.tx.intakeAssessment.findUniqueOrThrow({ where: { id: intake.id } });
  },
});
