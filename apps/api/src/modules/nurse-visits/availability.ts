import { minutesFromClock } from "@maillage/domain";
import { addAbsenceInput, setWeeklyAvailabilityArgs } from "@maillage/domain/inputs";
import { builder } from "../../builder.ts";
import { fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const WeeklySlotRef = builder.prismaObject("AvailabilitySlot", {
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    start: t.string({
      description: "HH:MM, in the time zone of the organisation's programme settings",
      resolve: (slot) => clock(slot.startMinute),
    }),
    end: t.string({
      description: "HH:MM, in the time zone of the organisation's programme settings",
      resolve: (slot) => clock(slot.endMinute),
    }),
  }),
});

export const AvailabilityExceptionNode = builder.prismaNode("AvailabilityException", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  // Nobody's absences without a viewer (the type's scope already requires one).
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.userId ?? { in: [] } }),
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
  t.withAuth({ workingRole: true }).field({
    type: MyAvailability,
    resolve: (_root, _args, ctx) => ({ userId: ctx.viewer.userId }),
  }),
);

defineMutation("setWeeklyAvailability", {
  description:
    "Replaces the viewer's weekly availability (wall time of the acting organisation's time zone, its programme settings).",
  authScopes: { workingRole: true },
  args: setWeeklyAvailabilityArgs,
  payload: { availability: MyAvailability },
  resolve: async (_input, ctx, { slots }) => {
    const rows = slots.map((slot, index) => {
      const startMinute = minutesFromClock(slot.start);
      const endMinute = minutesFromClock(slot.end);
      // The schema checked both clocks: a null here would be a clock it let through.
      if (startMinute === null) throw fieldProblem(ctx.locale, `slots.${index}.start`, "INVALID_FORMAT");
      if (endMinute === null) throw fieldProblem(ctx.locale, `slots.${index}.end`, "INVALID_FORMAT");
      if (endMinute <= startMinute) throw fieldProblem(ctx.locale, `slots.${index}.end`, "BEFORE_START");
      return {
        userId: ctx.viewer.userId,
        organisationId: ctx.viewer.organisationId,
        weekday: slot.weekday,
        startMinute,
        endMinute,
      };
    });
    await ctx.tx.availabilitySlot.deleteMany({ where: { userId: ctx.viewer.userId } });
    await ctx.tx.availabilitySlot.createMany({ data: rows });
    return { userId: ctx.viewer.userId };
  },
});

defineMutation("addAbsence", {
  description: "A one-off absence (vacation, training) that overrides weekly availability.",
  authScopes: { workingRole: true },
  input: addAbsenceInput,
  payload: { absence: AvailabilityExceptionNode },
  resolve: (input, ctx) => {
    if (input.endsAt <= input.startsAt) throw fieldProblem(ctx.locale, "endsAt", "BEFORE_START");
    if (input.endsAt <= ctx.now) throw fieldProblem(ctx.locale, "endsAt", "IN_THE_PAST");
    return ctx.tx.availabilityException.create({
      data: {
        userId: ctx.viewer.userId,
        organisationId: ctx.viewer.organisationId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason || null,
      },
    });
  },
});

defineMutation("removeAbsence", {
  authScopes: { workingRole: true },
  idArgs: (arg) => ({ id: arg.id({ required: true }) }),
  payload: { data: "Boolean" },
  resolve: async (_input, ctx, args) => {
    const id = decodeId(args.id, "AvailabilityException");
    const removed = id
      ? await ctx.tx.availabilityException.deleteMany({ where: { id, userId: ctx.viewer.userId } })
      : { count: 0 };
    if (removed.count === 0) throw new NotFoundError(ctx.locale);
    return true;
  },
});
