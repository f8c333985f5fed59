import { Gender, recordAuditEvents } from "@maillage/db";
import { aliasSearchKey, possibleDuplicates, readsOwn } from "@maillage/domain";
import { z } from "zod";
import { visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { fieldProblem, InputValidationError, NotFoundError, parseInput, prismaEnum } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { GenderEnum, PersonNode } from "./persons.types.ts";

const currentYear = () => new Date().getFullYear();

const personFields = {
  alias: z.string().trim().min(1).max(80),
  birthYear: z
    .number()
    .int()
    .min(1900)
    .refine((year) => year <= currentYear(), { message: "future" })
    .nullish(),
  gender: prismaEnum(Gender).nullish(),
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/),
    )
    .max(8)
    .nullish(),
  mayText: z.boolean().nullish(),
  mayLeaveMessage: z.boolean().nullish(),
  safeContactNote: z.string().trim().max(500).nullish(),
  inRegularFollowUp: z.boolean().nullish(),
  legalName: z.string().trim().max(200).nullish(),
};

const PersonInputFields = (t: PothosSchemaTypes.InputFieldBuilder<any, "InputObject">) => ({
  birthYear: t.int({ required: false }),
  gender: t.field({ type: GenderEnum, required: false }),
  languages: t.stringList({ required: false, description: "ISO 639 codes, e.g. fr, en, es." }),
  mayText: t.boolean({ required: false }),
  mayLeaveMessage: t.boolean({ required: false }),
  safeContactNote: t.string({ required: false }),
  inRegularFollowUp: t.boolean({ required: false }),
  legalName: t.string({
    required: false,
    description: "Restricted: workers and coordinators of the owning organisation only. Empty clears it.",
  }),
});

const CreatePersonInput = builder.inputType("CreatePersonInput", {
  fields: (t) => ({ alias: t.string({ required: true }), ...PersonInputFields(t) }),
});
const UpdatePersonInput = builder.inputType("UpdatePersonInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    alias: t.string({ required: false }),
    ...PersonInputFields(t),
  }),
});

interface CreatedPerson {
  person: Awaited<ReturnType<Context["tx"]["person"]["create"]>>;
  possibleDuplicates: { id: string }[];
}

const CreatePersonSuccess = builder.objectRef<CreatedPerson>("CreatePersonSuccess").implement({
  fields: (t) => ({
    person: t.field({ type: PersonNode, resolve: (result) => result.person }),
    possibleDuplicates: t.prismaField({
      type: [PersonNode],
      description:
        "Files of the organisation that may be the same person (same alias and year, or a similar alias).",
      resolve: (query, result, _args, ctx) =>
        ctx.tx.person.findMany({
          ...query,
          where: { id: { in: result.possibleDuplicates.map((p) => p.id) } },
          orderBy: { aliasSearch: "asc" },
        }),
    }),
  }),
});

async function saveLegalName(
  ctx: Context,
  personId: string,
  organisationId: string,
  legalName: string | null | undefined,
) {
  if (legalName === undefined || legalName === null) return;
  if (legalName === "") {
    await ctx.tx.personLegalName.deleteMany({ where: { personId } });
    return;
  }
  await ctx.tx.personLegalName.upsert({
    where: { personId },
    create: { personId, organisationId, legalName },
    update: { legalName },
  });
}

builder.mutationField("createPerson", (t) =>
  t.field({
    type: CreatePersonSuccess,
    description:
      "Opens a pseudonymous file in the acting organisation; possible duplicates are flagged, not refused.",
    authScopes: { writesOwn: "PERSON_PROFILE" },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    errors: {
      types: [InputValidationError],
      union: { name: "CreatePersonResult" },
      directResult: true,
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(z.object(personFields), args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
      if (input.legalName && !readsOwn(viewer.roles, "LEGAL_NAME"))
        throw fieldProblem(ctx.locale, "legalName", "INVALID_VALUE");
      const aliasSearch = aliasSearchKey(input.alias);
      // Candidates share the first letter or the birth year: enough for a flag, cheap to load.
      const candidates = await ctx.tx.person.findMany({
        where: {
          organisationId,
          archivedAt: null,
          OR: [
            { aliasSearch: { startsWith: aliasSearch.slice(0, 1) } },
            ...(input.birthYear ? [{ birthYear: input.birthYear }] : []),
          ],
        },
        select: { id: true, aliasSearch: true, birthYear: true },
        take: 2000,
      });
      const person = await ctx.tx.person.create({
        data: {
          organisationId,
          alias: input.alias,
          aliasSearch,
          birthYear: input.birthYear ?? null,
          gender: input.gender ?? "UNDISCLOSED",
          languages: input.languages ?? ["fr"],
          mayText: input.mayText ?? false,
          mayLeaveMessage: input.mayLeaveMessage ?? false,
          safeContactNote: input.safeContactNote || null,
          inRegularFollowUp: input.inRegularFollowUp ?? false,
          createdById: viewer.userId,
        },
      });
      await saveLegalName(ctx, person.id, organisationId, input.legalName);
      return {
        person,
        possibleDuplicates: possibleDuplicates(input.alias, input.birthYear ?? null, candidates),
      };
    },
  }),
);

builder.mutationField("updatePerson", (t) =>
  t.field({
    type: PersonNode,
    authScopes: { writesOwn: "PERSON_PROFILE" },
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError],
      result: { name: "UpdatePersonSuccess" },
      union: { name: "UpdatePersonResult" },
      dataField: { name: "person" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        z.object({ ...personFields, alias: personFields.alias.nullish(), id: z.string().max(200) }),
        args.input,
        ctx.locale,
      );
      const viewer = ctx.viewer!;
      const id = decodeId(input.id, "Person");
      const existing = id
        ? await ctx.tx.person.findFirst({
            where: { id, organisationId: viewer.organisationId!, AND: [visiblePersonWhere(viewer, ctx.now)] },
            select: { id: true, organisationId: true },
          })
        : null;
      if (!existing) throw new NotFoundError(ctx.locale);
      if (input.legalName && !readsOwn(viewer.roles, "LEGAL_NAME"))
        throw fieldProblem(ctx.locale, "legalName", "INVALID_VALUE");
      const person = await ctx.tx.person.update({
        where: { id: existing.id },
        data: {
          ...(input.alias ? { alias: input.alias, aliasSearch: aliasSearchKey(input.alias) } : {}),
          ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
          ...(input.gender ? { gender: input.gender } : {}),
          ...(input.languages ? { languages: input.languages } : {}),
          ...(input.mayText != null ? { mayText: input.mayText } : {}),
          ...(input.mayLeaveMessage != null ? { mayLeaveMessage: input.mayLeaveMessage } : {}),
          ...(input.safeContactNote !== undefined ? { safeContactNote: input.safeContactNote || null } : {}),
          ...(input.inRegularFollowUp != null ? { inRegularFollowUp: input.inRegularFollowUp } : {}),
        },
      });
      await saveLegalName(ctx, existing.id, existing.organisationId, input.legalName);
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId: viewer.organisationId,
          action: "PERSON_UPDATED",
          recordKind: "PERSON",
          recordId: existing.id,
          ip: ctx.origin.ip,
        },
      ]);
      return person;
    },
  }),
);
