import { accompanimentClosingStatuses } from "@maillage/domain";
import { closeAccompanimentInput, planAccompanimentInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownPersonId, ownRecordOrNotFound } from "../../access/own-records.ts";
import { visibleAccompanimentWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { fieldProblem } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { checkNotBeforeStart } from "../programme-settings/record-dates.ts";
import { AccompanimentNode } from "./accompaniments.types.ts";

const dayMs = 86_400_000;

defineMutation("planAccompaniment", {
  authScopes: { writesOwn: "ACCOMPANIMENT" },
  input: planAccompanimentInput,
  payload: { accompaniment: AccompanimentNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    // One done years ago and entered from the records (back to the organisation's start date), or
    // one planned ahead (a year at most).
    await checkNotBeforeStart(ctx, "plannedAt", input.plannedAt);
    if (input.plannedAt.getTime() > ctx.now.getTime() + 366 * dayMs) {
      throw fieldProblem(ctx.locale, "plannedAt", "TOO_FAR_IN_FUTURE");
    }
    const person = { id: await ownPersonId(ctx, input.personId, "personId") };
    let partnerOrganisationId: string | null = null;
    if (input.partnerOrganisationId) {
      const id = decodeId(input.partnerOrganisationId, "Organisation");
      const organisation = id
        ? await ctx.tx.organisation.findUnique({ where: { id }, select: { id: true } })
        : null;
      if (!organisation) throw fieldProblem(ctx.locale, "partnerOrganisationId", "NOT_FOUND");
      partnerOrganisationId = organisation.id;
    }
    return ctx.tx.accompaniment.create({
      data: {
        organisationId,
        personId: person.id,
        workerId: ctx.viewer.userId,
        destination: input.destination,
        partnerOrganisationId,
        plannedAt: input.plannedAt,
        ...(input.note ? { note: { create: { organisationId, body: input.note } } } : {}),
      },
    });
  },
});

builder.enumType("AccompanimentClosingStatus", { values: accompanimentClosingStatuses });

defineMutation("closeAccompaniment", {
  description: "Marks a planned accompaniment done, cancelled or no-show, with its outcome.",
  authScopes: { writesOwn: "ACCOMPANIMENT" },
  input: closeAccompanimentInput,
  payload: { accompaniment: AccompanimentNode },
  resolve: async (input, ctx) => {
    const existing = await ownRecordOrNotFound(ctx, "Accompaniment", input.id, (where) =>
      ctx.tx.accompaniment.findFirst({ where, select: { id: true, status: true } }),
    );
    if (existing.status !== "PLANNED") throw fieldProblem(ctx.locale, "status", "INVALID_VALUE");
    const closed = await ctx.tx.accompaniment.update({
      where: { id: existing.id },
      data: {
        status: input.status,
        closedAt: ctx.now,
        // Its own table: the partners who see the accompaniment never read it (DESIGN.md §3).
        ...(input.outcome
          ? { outcome: { create: { organisationId: ctx.viewer.organisationId, body: input.outcome } } }
          : {}),
      },
    });
    await auditViewerAction(ctx, {
      action: `ACCOMPANIMENT_${input.status}`,
      recordKind: "ACCOMPANIMENT",
      recordId: existing.id,
    });
    return closed;
  },
});

builder.queryField("myAccompaniments", (t) =>
  t.withAuth({ writesOwn: "ACCOMPANIMENT" }).prismaField({
    type: [AccompanimentNode],
    description: "The viewer's accompaniments planned between two instants (e.g. this week).",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
    },
    resolve: (query, _root, args, ctx) => {
      const to = new Date(Math.min(args.to.getTime(), args.from.getTime() + 62 * dayMs));
      return ctx.tx.accompaniment.findMany({
        ...query,
        where: {
          workerId: ctx.viewer.userId,
          plannedAt: { gte: args.from, lt: to },
          AND: [visibleAccompanimentWhere(ctx.viewer, ctx.now)],
        },
        orderBy: [{ plannedAt: "asc" }, { id: "asc" }],
        take: 200,
      });
    },
  }),
);
