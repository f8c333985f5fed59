/**
 * A person's newest records of one kind (encounters, accompaniments, referrals), page by page,
 * batched across the persons of a request. One statement picks every person's page (a LATERAL
 * join with a LIMIT per person, under row-level security); one Prisma query loads those records
 * through the kind's visibility filter, with the fields the operation asks for. Prisma alone
 * reads every record of every person on the page and cuts the pages in memory: a caseload of
 * 50 persons read ~1,000 encounters to show 500, and a caseload showing each person's last
 * encounter read all of them.
 *
 * A record that row-level security lets through but the visibility filter refuses is dropped
 * from its page (the page comes out short, nothing more): both layers apply.
 *
 * The batching is Pothos' dataloader plugin's (`t.loadable` with `byPath`): the persons at the
 * same place of an operation (same response path, so the same arguments and selection) are
 * gathered in one DataLoader of the request. A failed statement rejects every page of the batch:
 * an error of the field, never an empty list.
 */
import type { Prisma } from "@maillage/db/prisma";
import { PothosValidationError } from "@pothos/core";
import { prismaConnectionHelpers, queryFromInfo } from "@pothos/plugin-prisma";
import type { DefaultConnectionArguments } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import {
  visibleAccompanimentWhere,
  visibleEncounterWhere,
  visibleReferralWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";

type Query = { include?: object; select?: object };
interface PersonRecord {
  id: string;
  personId: string | null;
}

/** Where a kind's records live and how they are ordered: constants, never caller input. */
const sources = {
  encounters: {
    model: "Encounter",
    table: "encounters",
    orderColumn: "occurred_at",
    load: (ctx: Context, where: Prisma.EncounterWhereInput, query: Query) =>
      ctx.tx.encounter.findMany({
        ...(query as Prisma.EncounterFindManyArgs),
        where: { ...where, AND: [visibleEncounterWhere(ctx.viewer, ctx.now)] },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      }),
  },
  accompaniments: {
    model: "Accompaniment",
    table: "accompaniments",
    orderColumn: "planned_at",
    load: (ctx: Context, where: Prisma.AccompanimentWhereInput, query: Query) =>
      ctx.tx.accompaniment.findMany({
        ...(query as Prisma.AccompanimentFindManyArgs),
        where: { ...where, AND: [visibleAccompanimentWhere(ctx.viewer, ctx.now)] },
        orderBy: [{ plannedAt: "desc" }, { id: "desc" }],
      }),
  },
  referrals: {
    model: "Referral",
    table: "referrals",
    orderColumn: "created_at",
    load: (ctx: Context, where: Prisma.ReferralWhereInput, query: Query) =>
      ctx.tx.referral.findMany({
        ...(query as Prisma.ReferralFindManyArgs),
        where: { ...where, AND: [visibleReferralWhere(ctx.viewer)] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  },
} as const;
type Kind = keyof typeof sources;

const helpers = {
  encounters: prismaConnectionHelpers(builder, "Encounter", { cursor: "id" }),
  accompaniments: prismaConnectionHelpers(builder, "Accompaniment", { cursor: "id" }),
  referrals: prismaConnectionHelpers(builder, "Referral", { cursor: "id" }),
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page asked for, as Pothos reads connection arguments (sizes, limits, cursor checks). */
function pageOf(kind: Kind, args: DefaultConnectionArguments, ctx: Context) {
  const page = helpers[kind].getQuery(args, ctx, (selection) => selection) as {
    take: number;
    skip: number;
    cursor?: { id: unknown };
  };
  const from = page.cursor ? String(page.cursor.id) : null;
  if (from !== null && !uuid.test(from)) throw new PothosValidationError("Invalid cursor");
  return { take: page.take, skip: page.skip, from };
}

async function loadPages(
  kind: Kind,
  ctx: Context,
  info: GraphQLResolveInfo,
  args: DefaultConnectionArguments,
  personIds: string[],
): Promise<Map<string, PersonRecord[]>> {
  const source = sources[kind];
  const { take, skip, from } = pageOf(kind, args, ctx);
  const query = queryFromInfo({
    context: ctx,
    info,
    typeName: source.model,
    path: ["edges", "node"],
  }) as Query;
  if (personIds.length === 1) {
    // One person (a file): Prisma pages a single list itself, with a LIMIT, in one statement.
    const [personId] = personIds as [string];
    const page = { take, skip, ...(from ? { cursor: { id: from } } : {}) };
    const records = (await source.load(ctx, { personId }, { ...query, ...page })) as PersonRecord[];
    return new Map([[personId, records]]);
  }
  // Forward pages read newest first after the cursor; backward pages read oldest first before it
  // and are turned round, as Prisma does with a negative `take`.
  const backward = take < 0;
  const direction = backward ? "ASC" : "DESC";
  const picked = await ctx.tx.$queryRawUnsafe<{ id: string; person_id: string }[]>(
    `SELECT x.id::text, p.id::text AS person_id
       FROM unnest($1::uuid[]) AS p(id)
       CROSS JOIN LATERAL (
         SELECT t.id FROM ${source.table} t
          WHERE t.person_id = p.id
            AND ($2::uuid IS NULL OR (t.${source.orderColumn}, t.id) ${backward ? ">" : "<"}
                 (SELECT c.${source.orderColumn}, c.id FROM ${source.table} c WHERE c.id = $2::uuid))
          ORDER BY t.${source.orderColumn} ${direction}, t.id ${direction}
          LIMIT $3) x`,
    personIds,
    from,
    Math.abs(take),
  );
  const pages = new Map<string, PersonRecord[]>();
  if (picked.length === 0) return pages;
  const ids = [...new Set(picked.map((row) => row.id))];
  const records = (await source.load(ctx, { id: { in: ids } }, query)) as PersonRecord[];
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const row of picked) {
    const record = byId.get(row.id);
    if (!record) continue;
    const page = pages.get(row.person_id) ?? [];
    page.push(record);
    pages.set(row.person_id, page);
  }
  if (backward) for (const page of pages.values()) page.reverse();
  return pages;
}

type Connection<K extends Kind> = ReturnType<(typeof helpers)[K]["resolve"]>;

/** Person.<kind>'s connection type, named as t.connection named it (schema.graphql is kept). */
function personConnection<R extends (typeof helpers)[Kind]["ref"]>(ref: R, name: string) {
  return builder.connectionObject(
    { type: ref, name: `${name}Connection` },
    { name: `${name}ConnectionEdge` },
  );
}

const connections = {
  encounters: personConnection(helpers.encounters.ref, "PersonEncounters"),
  accompaniments: personConnection(helpers.accompaniments.ref, "PersonAccompaniments"),
  referrals: personConnection(helpers.referrals.ref, "PersonReferrals"),
};

/**
 * What a `t.loadable` field of Person needs to page `kind`: its connection type, and the load of
 * every gathered person's page at once (in the order of the person ids, as DataLoader wants).
 */
export function personRecordsField<K extends Kind>(kind: K) {
  const helper = helpers[kind] as unknown as {
    resolve(
      list: PersonRecord[],
      args: DefaultConnectionArguments,
      ctx: Context,
      parent: unknown,
    ): Connection<K>;
  };
  return {
    type: connections[kind],
    byPath: true as const,
    load: async (
      personIds: string[],
      ctx: Context,
      args: DefaultConnectionArguments,
      info: GraphQLResolveInfo,
    ): Promise<Connection<K>[]> => {
      const pages = await loadPages(kind, ctx, info, args, personIds);
      return personIds.map((id) => helper.resolve(pages.get(id) ?? [], args, ctx, { id }));
    },
    // Gathers the persons of a page across promise turns, as person-loader.ts explains.
    loaderOptions: { batchScheduleFn: (run: () => void) => setImmediate(run) },
    resolve: (person: { id: string }) => person.id,
  };
}
