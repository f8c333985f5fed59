import { auditPersonFileReads } from "../../access/audit-reads.ts";
import { visiblePersonWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { decodeId } from "../../global-ids.ts";
import { PersonNode } from "./persons.types.ts";

/** Alias search matches without accents or case ("eloise" finds "Éloïse"). */
export function aliasSearchKey(alias: string): string {
  return alias.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

builder.queryField("person", (t) =>
  t.prismaField({
    type: PersonNode,
    nullable: true,
    description: "A person's file. Every read is audited.",
    authScopes: { workingRole: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Person");
      if (!id) return null;
      const person = await ctx.tx.person.findFirst({
        ...query,
        where: { id, AND: [visiblePersonWhere(ctx.viewer!, ctx.now)] },
      });
      if (person) await auditPersonFileReads(ctx, [person.id]);
      return person;
    },
  }),
);

builder.queryField("persons", (t) =>
  t.prismaConnection({
    type: PersonNode,
    cursor: "id",
    description: "Persons the viewer may see, own organisation's and shared ones.",
    authScopes: { workingRole: true },
    args: { search: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      const search = args.search ? aliasSearchKey(args.search).slice(0, 80) : "";
      return ctx.tx.person.findMany({
        ...query,
        where: {
          AND: [visiblePersonWhere(ctx.viewer!, ctx.now)],
          ...(search ? { aliasSearch: { contains: search } } : {}),
        },
        orderBy: [{ aliasSearch: "asc" }, { id: "asc" }],
      });
    },
  }),
);
