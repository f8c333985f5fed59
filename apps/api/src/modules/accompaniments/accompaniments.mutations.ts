import { AccompanimentDestination, recordAuditEvents } from "@maillage/db";
import { z } from "zod";
import { ownPersonId } from "../../access/own-records.ts";
import { visibleAccompanimentWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { fieldProblem, InputValidationError, NotFoundError, parseInput } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { AccompanimentDestinationEnum, AccompanimentNode } from "./accompaniments.types.ts";

const dayMs = 86_400_000;

const PlanAccompanimentInput = builder.inputType("PlanAccompanimentInput", {
  fields: (t) => ({
    personId: t.id({ required: true }),
    destination: t.field({ type: AccompanimentDestinationEnum, required: true }),
    partnerOrganisationId: t.id({ required: false }),
    plannedAt: t.field({ type: "DateTime", required: true }),
    note: t.string({ required: false }),
  }),
});

const planInput = z.object({
  personId: z.string().max(200),
  destination: z.enum(
    Object.values(AccompanimentDestination) as [AccompanimentDestination, ...AccompanimentDestination[]],
  ),
  partnerOrganisationId: z.string().max(200).nullish(),
  plannedAt: z.date(),
  note: z.string().trim().max(4000).nullish(),
});

builder.mutationField("planAccompaniment", (t) =>
  t.field({
    type: AccompanimentNode,
    authScopes: { writesOwn: "ACCOMPANIMENT" },
    args: { input: t.arg({ type: PlanAccompanimentInput, required: true }) },
    errors: {
      types: [InputValidationError],
      result: { name: "PlanAccompanimentSuccess" },
      union: { name: "PlanAccompanimentResult" },
      dataField: { name: "accompaniment" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(planInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
      if (input.plannedAt.getTime() < ctx.now.getTime() - 366 * dayMs)
        throw fieldProblem(ctx.locale, "plannedAt", "IN_THE_PAST");
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
          workerId: viewer.userId,
          destination: input.destination,
          partnerOrganisationId,
          plannedAt: input.plannedAt,
          ...(input.note ? { note: { create: { organisationId, body: input.note } } } : {}),
        },
      });
    },
  }),
);

const AccompanimentClosingStatus = builder.enumType("AccompanimentClosingStatus", {
  values: ["DONE", "CANCELLED", "NO_SHOW"] as const,
});

const CloseAccompanimentInput = builder.inputType("CloseAccompanimentInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    status: t.field({ type: AccompanimentClosingStatus, required: true }),
    outcome: t.string({ required: false }),
  }),
});

builder.mutationField("closeAccompaniment", (t) =>
  t.field({
    type: AccompanimentNode,
    description: "Marks a planned accompaniment done, cancelled or no-show, with its outcome.",
    authScopes: { writesOwn: "ACCOMPANIMENT" },
    args: { input: t.arg({ type: CloseAccompanimentInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError],
      result: { name: "CloseAccompanimentSuccess" },
      union: { name: "CloseAccompanimentResult" },
      dataField: { name: "accompaniment" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        z.object({
          id: z.string().max(200),
          status: z.enum(["DONE", "CANCELLED", "NO_SHOW"]),
          outcome: z.string().trim().max(1000).nullish(),
        }),
        args.input,
        ctx.locale,
      );
      const viewer = ctx.viewer!;
      const id = decodeId(input.id, "Accompaniment");
      const existing = id
        ? await ctx.tx.accompaniment.findFirst({
            where: {
              id,
              organisationId: viewer.organisationId!,
              AND: [visibleAccompanimentWhere(viewer, ctx.now)],
            },
            select: { id: true, status: true },
          })
        : null;
      if (!existing) throw new NotFoundError(ctx.locale);
      if (existing.status !== "PLANNED") throw fieldProblem(ctx.locale, "status", "INVALID_VALUE");
      const closed = await ctx.tx.accompaniment.update({
        where: { id: existing.id },
        data: { status: input.status, outcome: input.outcome || null, closedAt: ctx.now },
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId: viewer.organisationId,
          action: `ACCOMPANIMENT_${input.status}`,
          recordKind: "ACCOMPANIMENT",
          recordId: existing.id,
          ip: ctx.origin.ip,
        },
      ]);
      return closed;
    },
  }),
);

builder.queryField("myAccompaniments", (t) =>
  t.prismaField({
    type: [AccompanimentNode],
    description: "The viewer's accompaniments planned between two instants (e.g. this week).",
    authScopes: { writesOwn: "ACCOMPANIMENT" },
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
    },
    resolve: (query, _root, args, ctx) => {
      const to = new Date(Math.min(args.to.getTime(), args.from.getTime() + 62 * dayMs));
      return ctx.tx.accompaniment.findMany({
        ...query,
        where: {
          workerId: ctx.viewer!.userId,
          plannedAt: { gte: args.from, lt: to },
          AND: [visibleAccompanimentWhere(ctx.viewer!, ctx.now)],
        },
        orderBy: [{ plannedAt: "asc" }, { id: "asc" }],
        take: 200,
      });
    },
  }),
);
