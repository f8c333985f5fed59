import { aliasSearchKey } from "@maillage/domain";
import { auditPersonFileReads } from "../../access/audit-reads.ts";
import { visibleEncounterWhere, visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { decodeId } from "../../global-ids.ts";
import { PersonNode } from "./persons.types.ts";

const CaseloadFilter = builder.inputType("CaseloadFilter", {
  fields: (t) => ({
    activeInLast90Days: t.boolean({
      required: false,
      description: "Met (an encounter) in the last 90 days.",
    }),
    inRegularFollowUp: t.boolean({ required: false }),
    minors: t.boolean({ required: false, description: "Under 18 this year, by birth year." }),
    ownOnly: t.boolean({ required: false, description: "Only the acting organisation's files." }),
  }),
});

builder.queryField("person", (t) =>
  t.withAuth({ workingRole: true }).prismaField({
    type: PersonNode,
    nullable: true,
    description: "A person's file. Every read is audited.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Person");
      if (!id) return null;
      const person = await ctx.tx.person.findFirst({
        ...query,
        where: { id, AND: [visiblePersonWhere(ctx.viewer, ctx.now)] },
      });
      if (person) await auditPersonFileReads(ctx, [person.id]);
      return person;
    },
  }),
);

builder.queryField("persons", (t) =>
  t.withAuth({ workingRole: true }).prismaConnection({
    type: PersonNode,
    cursor: "id",
    description: "Persons the viewer may see, own organisation's and shared ones.",
    args: {
      search: t.arg.string({ required: false, description: "Part of an alias; accents and case ignored." }),
      filter: t.arg({ type: CaseloadFilter, required: false }),
      includeArchived: t.arg.boolean({
        required: false,
        description: "Archived files too (the caseload and the pickers leave them out).",
      }),
    },
    resolve: (query, _root, args, ctx) => {
      const viewer = ctx.viewer;
      const search = args.search ? aliasSearchKey(args.search).slice(0, 80) : "";
      const filter = args.filter ?? {};
      const since = new Date(ctx.now.getTime() - 90 * 86_400_000);
      return ctx.tx.person.findMany({
        ...query,
        where: {
          ...(args.includeArchived ? {} : { archivedAt: null }),
          AND: [
            visiblePersonWhere(viewer, ctx.now),
            ...(search ? [{ aliasSearch: { contains: search } }] : []),
            ...(filter.ownOnly ? [{ organisationId: viewer.organisationId }] : []),
            ...(filter.inRegularFollowUp ? [{ inRegularFollowUp: true }] : []),
            ...(filter.minors ? [{ birthYear: { gt: ctx.now.getFullYear() - 18 } }] : []),
            ...(filter.activeInLast90Days
              ? [
                  {
                    encounters: {
                      some: { occurredAt: { gte: since }, AND: [visibleEncounterWhere(viewer, ctx.now)] },
                    },
                  },
                ]
              : []),
          ],
        },
        orderBy: [{ aliasSearch: "asc" }, { id: "asc" }],
      });
    },
  }),
);
