import { randomBytes } from "node:crypto";
import { hashToken } from "@maillage/db";
import {
  visibleAccompanimentWhere,
  visibleNotificationWhere,
  visibleNurseVisitWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { defineMutation } from "../../mutations.ts";
import { AccompanimentNode } from "../accompaniments/accompaniments.types.ts";
import { NurseVisitNode } from "./nurse-visits.types.ts";

const dayMs = 86_400_000;

/** The window asked for, and whose calendar it is (the viewer of myCalendar). */
const MyCalendar = builder.objectRef<{ from: Date; to: Date; userId: string }>("MyCalendar").implement({
  description: "The viewer's joint visits and accompaniments between two instants.",
  fields: (t) => ({
    visits: t.prismaField({
      type: [NurseVisitNode],
      resolve: (query, window, _args, ctx) =>
        ctx.tx.nurseVisit.findMany({
          ...query,
          where: {
            OR: [{ nurseId: window.userId }, { workerId: window.userId }],
            status: {
              in: ["PROPOSED", "COUNTER_PROPOSED", "ACCEPTED", "AWAITING_CONFIRMATION", "COMPLETED"],
            },
            plannedStart: { lt: window.to },
            plannedEnd: { gt: window.from },
            AND: [visibleNurseVisitWhere(ctx.viewer, ctx.now)],
          },
          orderBy: { plannedStart: "asc" },
          take: 200,
        }),
    }),
    accompaniments: t.prismaField({
      type: [AccompanimentNode],
      resolve: (query, window, _args, ctx) =>
        ctx.tx.accompaniment.findMany({
          ...query,
          where: {
            workerId: window.userId,
            plannedAt: { gte: window.from, lt: window.to },
            AND: [visibleAccompanimentWhere(ctx.viewer, ctx.now)],
          },
          orderBy: { plannedAt: "asc" },
          take: 200,
        }),
    }),
  }),
});

builder.queryField("myCalendar", (t) =>
  t.withAuth({ workingRole: true }).field({
    type: MyCalendar,
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
    },
    resolve: (_root, args, ctx) => ({
      userId: ctx.viewer.userId,
      from: args.from,
      to: new Date(Math.min(args.to.getTime(), args.from.getTime() + 62 * dayMs)),
    }),
  }),
);

const NotificationRef = builder.prismaObject("Notification", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.exposeString("kind"),
    recordId: t.exposeID("recordId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("myNotifications", (t) =>
  t.prismaField({
    type: [NotificationRef],
    description: "In-app notices addressed to the viewer (or to the acting organisation), newest first.",
    authScopes: { signedIn: true },
    args: { unreadOnly: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.tx.notification.findMany({
        ...query,
        where: {
          AND: [visibleNotificationWhere(ctx.viewer)],
          ...(args.unreadOnly ? { readAt: null } : {}),
        },
        orderBy: { createdAt: "desc" },
        take: 50,
      }),
  }),
);

defineMutation("markNotificationsRead", {
  authScopes: { signedIn: true },
  idArgs: (arg) => ({ ids: arg.idList({ required: true }) }),
  type: "Int",
  resolve: async (_input, ctx, args) => {
    const ids = args.ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 100);
    const marked = await ctx.tx.notification.updateMany({
      where: { id: { in: ids }, readAt: null, AND: [visibleNotificationWhere(ctx.viewer)] },
      data: { readAt: ctx.now },
    });
    return marked.count;
  },
});

const CalendarFeed = builder.objectRef<{ path: string }>("CalendarFeed").implement({
  fields: (t) => ({
    path: t.exposeString("path", { description: "Secret path of the feed, e.g. /calendar/<secret>.ics" }),
  }),
});

defineMutation("rotateCalendarFeed", {
  description: "Makes a new secret iCalendar feed URL; the previous one stops working at once.",
  authScopes: { signedIn: true },
  type: CalendarFeed,
  resolve: async (_input, ctx) => {
    const secret = randomBytes(24).toString("base64url");
    await ctx.tx.$executeRaw`SELECT app.set_calendar_feed_token(${hashToken(secret)})`;
    return { path: `/calendar/${secret}.ics` };
  },
});
