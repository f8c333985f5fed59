/**
 * A night centre's evenings (issue 15, item 2): the owning organisation's outreach workers and
 * coordinators read them (registry kind NIGHT_CENTRE_EVENING; RLS night_centre_evenings_*), never
 * a partner, never a committee. Its visits are encounters (encounters.evening_id), read through
 * visibleEncounterWhere like any other; its totals and each visit's "first visit" are computed in
 * SQL from the visits as they are now (app.night_centre_evening_totals, app.night_centre_visit_flags).
 */
import { Prisma } from "@maillage/db";
import { intakeDue, isLateDayEntry } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { visibleEncounterWhere, visibleNightCentreEveningWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { entryLabel } from "../catalogues/catalogues.ts";
import { viewerSettings } from "../programme-settings/viewer-settings.ts";

interface MemberShape {
  id: string;
  displayName: string;
}

/** A member of the organisation on duty: her name only (she is staff, not a person served). */
export const EveningStaffMember = builder.objectRef<MemberShape>("EveningStaffMember").implement({
  fields: (t) => ({
    id: t.exposeID("id", { description: "The member's user id (what staffIds takes)." }),
    displayName: t.exposeString("displayName"),
  }),
});

/**
 * The members named by each evening of a request in one statement (Pothos' dataloader), as far as
 * RLS lets the viewer read them (her organisation's members, past ones too).
 */
export async function loadMembers(keys: readonly string[], ctx: Pick<Context, "tx">) {
  const lists = keys.map((key) => key.split(",").filter(Boolean));
  const users = await ctx.tx.user.findMany({
    where: { id: { in: [...new Set(lists.flat())] } },
    select: { id: true, displayName: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return lists.map((ids) => ids.flatMap((id) => byId.get(id) ?? []));
}

const memberList = {
  type: EveningStaffMember,
  load: (keys: string[], ctx: Context) => loadMembers(keys, ctx),
  loaderOptions: { batchScheduleFn: (run: () => void) => setImmediate(run) },
};

export const EveningPartnerRef = builder.prismaObject("NightCentreEveningPartner", {
  description: "A partner service present at the evening (counted only).",
  fields: (t) => ({
    id: t.exposeID("id"),
    organisation: t.relation("partnerOrganisation", {
      nullable: true,
      description: "A member organisation of one of the owner's partnerships.",
    }),
    name: t.exposeString("name", { nullable: true, description: "Another partner, by its name." }),
    service: t.exposeString("service", {
      nullable: true,
      description: "The code of the service it offered (the owner's catalogue).",
    }),
    serviceLabel: t.string({
      nullable: true,
      select: { entry: { select: { labelFr: true, labelEn: true } } },
      resolve: (partner, _args, ctx) => (partner.entry ? entryLabel(partner.entry, ctx.locale) : null),
    }),
  }),
});

interface CodeCount {
  code: string;
  count: number;
  labels: [string, string];
}
interface TotalsShape {
  checkIns: number;
  visits: number;
  distinctVisitors: number;
  firstVisits: number;
  items: CodeCount[];
  services: CodeCount[];
}

const EveningCodeCount = builder.objectRef<CodeCount>("EveningCodeCount").implement({
  fields: (t) => ({
    code: t.exposeString("code", { description: "A code of the organisation's catalogue." }),
    label: t.string({ resolve: (c, _args, ctx) => c.labels[ctx.locale === "en" ? 1 : 0] }),
    count: t.exposeInt("count", {
      description: "Items: the quantity handed out; services: how many visits.",
    }),
  }),
});

const EveningTotals = builder.objectRef<TotalsShape>("NightCentreEveningTotals").implement({
  description: "Computed from the evening's visits as they are now (a corrected visit is in them).",
  fields: (t) => ({
    checkIns: t.exposeInt("checkIns", { description: "Check-ins recorded (a group is one)." }),
    visits: t.exposeInt("visits", { description: "Head counts summed: a group of four is four visits." }),
    distinctVisitors: t.exposeInt("distinctVisitors", {
      description: "Persons once each, plus the anonymous visitors (head counts).",
    }),
    firstVisits: t.exposeInt("firstVisits", {
      description: "Persons whose first evening visit at the organisation this was.",
    }),
    items: t.field({ type: [EveningCodeCount], resolve: (totals) => totals.items }),
    services: t.field({ type: [EveningCodeCount], resolve: (totals) => totals.services }),
  }),
});

interface FlagsShape {
  encounterId: string;
  firstVisit: boolean;
  intakeRecorded: boolean;
}

export const NightCentreVisitFlags = builder.objectRef<FlagsShape>("NightCentreVisitFlags").implement({
  fields: (t) => ({
    visitId: t.id({
      description: "The visit's (encounter's) global id.",
      resolve: (flags) => encodeGlobalID("Encounter", flags.encounterId),
    }),
    firstVisit: t.exposeBoolean("firstVisit", {
      description:
        "No earlier evening visit of the person at the organisation (false for anonymous visitors).",
    }),
    intakeDue: t.boolean({
      description: "A first visit of a person with no intake yet: the intake form is offered.",
      resolve: (flags) => intakeDue(flags),
    }),
  }),
});

/** The flags of an evening's visits, across the team (ids and booleans only), by encounter id. */
export async function visitFlags(ctx: Pick<Context, "tx">, eveningId: string): Promise<FlagsShape[]> {
  const rows = await ctx.tx.$queryRaw<
    { encounter_id: string; first_visit: boolean; intake_recorded: boolean }[]
  >(
    Prisma.sql`SELECT encounter_id, first_visit, intake_recorded FROM app.night_centre_visit_flags(${eveningId}::uuid)`,
  );
  return rows.map((row) => ({
    encounterId: row.encounter_id,
    firstVisit: row.first_visit,
    intakeRecorded: row.intake_recorded,
  }));
}

export const NightCentreEveningNode = builder.prismaNode("NightCentreEvening", {
  id: { field: "id" },
  authScopes: { readsOwn: "NIGHT_CENTRE_EVENING" },
  findUnique: (id, ctx) => ({ id, AND: [visibleNightCentreEveningWhere(ctx.viewer)] }),
  fields: (t) => ({
    eveningOn: t.expose("eveningOn", { type: "Date" }),
    lateEntry: t.boolean({
      description:
        "Opened more than 3 days after its day (a forgotten or past evening, entered late; openedAt says when).",
      resolve: async (evening, _args, ctx) =>
        isLateDayEntry(evening.eveningOn, evening.openedAt, (await viewerSettings(ctx)).timeZone),
    }),
    centre: t.relation("venue", { description: "The night centre (its address: the owner's members only)." }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    closed: t.boolean({ resolve: (evening) => evening.closedAt !== null }),
    version: t.exposeInt("version", { description: "Send it back with a change or the closing." }),
    openedBy: t.loadable({
      ...memberList,
      nullable: true,
      resolve: (evening) => evening.openedById,
      load: async (ids: string[], ctx: Context) =>
        (await loadMembers(ids, ctx)).map((list) => list[0] ?? null),
    }),
    closedBy: t.loadable({
      ...memberList,
      nullable: true,
      resolve: (evening) => evening.closedById ?? "",
      load: async (ids: string[], ctx: Context) =>
        (await loadMembers(ids, ctx)).map((list) => list[0] ?? null),
    }),
    staff: t.loadableList({
      ...memberList,
      description: "The members on duty, in the order named.",
      resolve: (evening) => evening.staffIds.join(","),
    }),
    partners: t.relation("partners", { query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
    visits: t.relation("visits", {
      description: "The check-ins the viewer sees (encounters), the latest first.",
      query: (_args, ctx) => ({
        where: visibleEncounterWhere(ctx.viewer, ctx.now),
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      }),
    }),
    visitFlags: t.field({
      type: [NightCentreVisitFlags],
      description: "For each visit: a person's first evening visit, and whether the intake form is due.",
      resolve: (evening, _args, ctx) => visitFlags(ctx, evening.id),
    }),
    handoverNote: t.string({
      nullable: true,
      description: "The evening's log for the next shift (organisation-private).",
      select: { handoverNote: { select: { body: true } } },
      resolve: (evening) => evening.handoverNote?.body ?? null,
    }),
    previousEvening: t.prismaField({
      type: "NightCentreEvening",
      nullable: true,
      description: "The centre's evening before this one: its handover is read first.",
      resolve: (query, evening, _args, ctx) =>
        ctx.tx.nightCentreEvening.findFirst({
          ...query,
          where: {
            venueId: evening.venueId,
            eveningOn: { lt: evening.eveningOn },
            AND: [visibleNightCentreEveningWhere(ctx.viewer)],
          },
          orderBy: [{ eveningOn: "desc" }, { id: "desc" }],
        }),
    }),
    totals: t.field({
      type: EveningTotals,
      resolve: async (evening, _args, ctx) => {
        const [row] = await ctx.tx.$queryRaw<{ totals: TotalsShape | null }[]>(
          Prisma.sql`SELECT app.night_centre_evening_totals(${evening.id}::uuid) AS totals`,
        );
        if (!row?.totals) throw new Error("the totals of an evening the viewer reads are not readable");
        return row.totals;
      },
    }),
  }),
});
