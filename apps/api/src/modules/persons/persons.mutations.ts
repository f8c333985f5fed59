import { aliasSearchKey, possibleDuplicates, readsOwn } from "@maillage/domain";
import {
  archivePersonInput,
  createPersonInput,
  restorePersonInput,
  updatePersonInput,
} from "@maillage/domain/inputs";
import { setArchived } from "../../access/archiving.ts";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import { visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { fieldProblem } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { PersonNode } from "./persons.types.ts";
// Merging two files (coordinators) is declared beside the other changes of a file.
import "./merge.ts";

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
        "Files of the organisation that may be the same person (same alias and year, or a similar alias), among those the viewer may see.",
      resolve: (query, result, _args, ctx) =>
        ctx.tx.person.findMany({
          ...query,
          where: {
            id: { in: result.possibleDuplicates.map((p) => p.id) },
            AND: [visiblePersonWhere(ctx.viewer, ctx.now)],
          },
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

defineMutation("createPerson", {
  description:
    "Opens a pseudonymous file in the acting organisation; possible duplicates are flagged, not refused.",
  authScopes: { writesOwn: "PERSON_PROFILE" },
  input: createPersonInput,
  type: CreatePersonSuccess,
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    if (input.legalName && !readsOwn(ctx.viewer.roles, "LEGAL_NAME"))
      throw fieldProblem(ctx.locale, "legalName", "INVALID_VALUE");
    const aliasSearch = aliasSearchKey(input.alias);
    // Candidates share the first letter or the birth year: enough for a flag, cheap to load;
    // only files the viewer may see (a restricted team's worker learns nothing of the others').
    const candidates = await ctx.tx.person.findMany({
      where: {
        organisationId,
        archivedAt: null,
        OR: [
          { aliasSearch: { startsWith: aliasSearch.slice(0, 1) } },
          ...(input.birthYear ? [{ birthYear: input.birthYear }] : []),
        ],
        AND: [visiblePersonWhere(ctx.viewer, ctx.now)],
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
        createdById: ctx.viewer.userId,
      },
    });
    await saveLegalName(ctx, person.id, organisationId, input.legalName);
    return {
      person,
      possibleDuplicates: possibleDuplicates(input.alias, input.birthYear ?? null, candidates),
    };
  },
});

defineMutation("updatePerson", {
  authScopes: { writesOwn: "PERSON_PROFILE" },
  input: updatePersonInput,
  payload: { person: PersonNode },
  resolve: async (input, ctx) => {
    const existing = await ownRecordOrNotFound(ctx, "Person", input.id, (where) =>
      ctx.tx.person.findFirst({ where, select: { id: true, organisationId: true } }),
    );
    if (input.legalName && !readsOwn(ctx.viewer.roles, "LEGAL_NAME"))
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
    await auditViewerAction(ctx, { action: "PERSON_UPDATED", recordKind: "PERSON", recordId: existing.id });
    return person;
  },
});

defineMutation("archivePerson", {
  description:
    "Takes a file out of the caseload and the pickers (it stays readable with includeArchived, its history kept). Audited with its reason.",
  authScopes: { writesOwn: "PERSON_PROFILE" },
  input: archivePersonInput,
  payload: { person: PersonNode },
  resolve: async (input, ctx) => {
    const details = input.reason ? { reason: input.reason } : undefined;
    const id = await setArchived(ctx, "Person", input.id, true, details);
    return ctx.tx.person.findUniqueOrThrow({ where: { id } });
  },
});

defineMutation("restorePerson", {
  description: "Brings an archived file back into the caseload. Audited.",
  authScopes: { writesOwn: "PERSON_PROFILE" },
  input: restorePersonInput,
  payload: { person: PersonNode },
  resolve: async (input, ctx) =>
    ctx.tx.person.findUniqueOrThrow({ where: { id: await setArchived(ctx, "Person", input.id, false) } }),
});
