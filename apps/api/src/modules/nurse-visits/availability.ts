import { minutesFromClock } from "@maillage/domain";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { fieldProblem, InputValidationError, NotFoundError, parseInput } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const WeeklySlotRef = builder.prismaObject("AvailabilitySlot", {
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    start: t.string({ description: "HH:MM, America/Toronto", resolve: (slot) => clock(slot.startMinute) }),
    end: t.string({ description: "HH:MM, America/Toronto", resolve: (slot) => clock(slot.endMinute) }),
  }),
});

export const AvailabilityExceptionNode = builder.prismaNode("AvailabilityException", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer!.userId }),
  fields: (t) => ({
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

const MyAvailability = builder.objectRef<{ userId: string }>("MyAvailability").implement({
  fields: (t) => ({
    weekly: t.prismaField({
      type: [WeeklySlotRef],
      resolve: (query, me, _args, ctx) =>
        ctx.tx.availabilitySlot.findMany({
          ...query,
          where: { userId: me.userId },
          orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        }),
    }),
    exceptions: t.prismaField({
      type: [AvailabilityExceptionNode],
      description: "Absences to come (vacation, training).",
      resolve: (query, me, _args, ctx) =>
        ctx.tx.availabilityException.findMany({
          ...query,
          where: { userId: me.userId, endsAt: { gt: ctx.now } },
          orderBy: { startsAt: "asc" },
        }),
    }),
  }),
});

builder.queryField("myAvailability", (t) =>
  t.field({
    type: MyAvailability,
    authScopes: { workingRole: true },
    resolve: (_root, _args, ctx) => ({ userId: ctx.viewer!.userId }),
  }),
);

const WeeklySlotInput = builder.inputType("WeeklySlotInput", {
  fields: (t) => ({
    weekday: t.int({ required: true }),
    start: t.string({ required: true, description: "HH:MM" }),
    end: t.string({ required: true, description: "HH:MM (24:00 for midnight)" }),
  }),
});

const weeklyInput = z.object({
  slots: z
    .array(
      z.object({
        weekday: z.number().int().min(1).max(7),
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
      }),
    )
    .max(50),
});

builder.mutationField("setWeeklyAvailability", (t) =>
  t.field({
    type: MyAvailability,
    description: "Replaces the viewer's weekly availability (America/Toronto wall time).",
    authScopes: { workingRole: true },
    args: { slots: t.arg({ type: [WeeklySlotInput], required: true }) },
    errors: {
      types: [InputValidationError],
      result: { name: "SetWeeklyAvailabilitySuccess" },
      union: { name: "SetWeeklyAvailabilityResult" },
      dataField: { name: "availability" },
    },
    resolve: async (_root, args, ctx) => {
      const { slots } = parseInput(weeklyInput, { slots: args.slots }, ctx.locale);
      const viewer = ctx.viewer!;
      const rows = slots.map((slot, index) => {
        const startMinute = minutesFromClock(slot.start)!;
        const endMinute = minutesFromClock(slot.end)!;
        if (endMinute <= startMinute) throw fieldProblem(ctx.locale, `slots.${index}.end`, "BEFORE_START");
        return {
          userId: viewer.userId,
          organisationId: viewer.organisationId!,
          weekday: slot.weekday,
          startMinute,
          endMinute,
        };
      });
      await ctx.tx.availabilitySlot.deleteMany({ where: { userId: viewer.userId } });
      await ctx.tx.availabilitySlot.createMany({ data: rows });
      return { userId: viewer.userId };
    },
  }),
);

const AbsenceInput = builder.inputType("AbsenceInput", {
  fields: (t) => ({
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    reason: t.string({ required: false }),
  }),
});

builder.mutationField("addAbsence", (t) =>
  t.field({
    type: AvailabilityExceptionNode,
    description: "A one-off absence (vacation, training) that overrides weekly availability.",
    authScopes: { workingRole: true },
    args: { input: t.arg({ type: AbsenceInput, required: true }) },
    errors: {
      types: [InputValidationError],
      result: { name: "AddAbsenceSuccess" },
      union: { name: "AddAbsenceResult" },
      dataField: { name: "absence" },
    },
    resolve: (_root, args, ctx) => {
      const input = parseInput(
        z.object({ startsAt: z.date(), endsAt: z.date(), reason: z.string().trim().max(200).nullish() }),
        args.input,
        ctx.locale,
      );
      if (input.endsAt <= input.startsAt) throw fieldProblem(ctx.locale, "endsAt", "BEFORE_START");
      if (input.endsAt <= ctx.now) throw fieldProblem(ctx.locale, "endsAt", "IN_THE_PAST");
      const viewer = ctx.viewer!;
      return ctx.tx.availabilityException.create({
        data: {
          userId: viewer.userId,
          organisationId: viewer.organisationId!,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          reason: input.reason || null,
        },
      });
    },
  }),
);

builder.mutationField("removeAbsence", (t) =>
  t.boolean({
    authScopes: { workingRole: true },
    args: { id: t.arg.id({ required: true }) },
    errors: {
      types: [NotFoundError],
      union: { name: "RemoveAbsenceResult" },
      result: { name: "RemoveAbsenceSuccess" },
    },
    resolve: async (_root, args, ctx) => {
      const id = decodeId(args.id, "AvailabilityException");
      const removed = id
        ? await ctx.tx.availabilityException.deleteMany({ where: { id, userId: ctx.viewer!.userId } })
        : { count: 0 };
      if (removed.count === 0) throw new NotFoundError(ctx.locale);
      return true;
    },
  }),
);
