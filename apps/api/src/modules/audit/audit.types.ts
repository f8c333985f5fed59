import { auditActions, auditRecordKinds, knownAction, knownRecordKind } from "@maillage/domain";
import { visibleAuditEventWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { decodeId, uuidPattern } from "../../global-ids.ts";
import { type AuditRecordShape, auditRecordOf } from "./audit-records.ts";

const AuditActionEnum = builder.enumType("AuditAction", { values: auditActions });
const AuditRecordKindEnum = builder.enumType("AuditRecordKind", { values: auditRecordKinds });

const AuditRecord = builder.objectRef<AuditRecordShape>("AuditRecord").implement({
  description: "The record an audit event touched, as far as the viewer may see it.",
  fields: (t) => ({
    label: t.exposeString("label", {
      nullable: true,
      description: "A person's alias, a member's or a partnership's name, an alert's area; null when hidden.",
    }),
    at: t.expose("at", { type: "DateTime", nullable: true, description: "A visit's planned start." }),
    openId: t.exposeID("openId", {
      nullable: true,
      description:
        "The global id of the page to open (a Person, NurseVisit or Referral), when the viewer may.",
    }),
  }),
});

/** The audit log of the acting organisation: its org admins and coordinators. */
export const AuditEventNode = builder.prismaNode("AuditEvent", {
  id: { field: "id" },
  authScopes: { readsOwn: "AUDIT_EVENT" },
  findUnique: (id, ctx) => ({
    id: BigInt(/^\d{1,18}$/.test(id) ? id : "0"),
    AND: [visibleAuditEventWhere(ctx.viewer)],
  }),
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    action: t.exposeString("action"),
    recordKind: t.exposeString("recordKind"),
    recordId: t.exposeString("recordId", { nullable: true }),
    knownAction: t.field({
      type: AuditActionEnum,
      nullable: true,
      description: "The action as the vocabulary names it; null for a code outside it (see action).",
      resolve: (event) => knownAction(event.action),
    }),
    knownRecordKind: t.field({
      type: AuditRecordKindEnum,
      nullable: true,
      resolve: (event) => knownRecordKind(event.recordKind),
    }),
    identifyingWarningOverridden: t.boolean({
      description:
        "A safety alert published after the warning that its text may identify someone (the writer checked it).",
      resolve: (event) => {
        const details = event.details;
        return (
          typeof details === "object" &&
          details !== null &&
          "overridden" in details &&
          details.overridden === true
        );
      },
    }),
    record: t.field({
      type: AuditRecord,
      resolve: (event, _args, ctx) => auditRecordOf(ctx, knownRecordKind(event.recordKind), event.recordId),
    }),
    ip: t.exposeString("ip", { nullable: true }),
    userDisplayName: t.string({
      nullable: true,
      resolve: async (event, _args, ctx) => {
        if (!event.userId) return null;
        const user = await ctx.tx.user.findUnique({
          where: { id: event.userId },
          select: { displayName: true },
        });
        return user?.displayName ?? null;
      },
    }),
  }),
});

const AuditFilter = builder.inputType("AuditLogFilter", {
  fields: (t) => ({
    userId: t.id({ required: false, description: "A user's id, as in me.user.id." }),
    recordId: t.id({ required: false, description: "A record's global id (e.g. a Person's)." }),
    action: t.field({ type: AuditActionEnum, required: false }),
    recordKind: t.field({ type: AuditRecordKindEnum, required: false }),
    from: t.field({ type: "DateTime", required: false, description: "Events at or after this instant." }),
    to: t.field({ type: "DateTime", required: false, description: "Events before this instant." }),
  }),
});

const AuditActor = builder.objectRef<{ id: string; displayName: string }>("AuditActor").implement({
  fields: (t) => ({ id: t.exposeID("id"), displayName: t.exposeString("displayName") }),
});

builder.queryField("auditLogActors", (t) =>
  t.field({
    type: [AuditActor],
    description: "Who appears in the organisation's audit log (the log's member filter offers exactly them).",
    authScopes: { readsOwn: "AUDIT_EVENT" },
    resolve: async (_root, _args, ctx) => {
      const events = await ctx.tx.auditEvent.findMany({
        where: { AND: [visibleAuditEventWhere(ctx.viewer)], NOT: { userId: null } },
        distinct: ["userId"],
        select: { userId: true },
      });
      const ids = events.flatMap((event) => (event.userId ? [event.userId] : []));
      return ctx.tx.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, displayName: true },
        orderBy: [{ displayName: "asc" }, { id: "asc" }],
      });
    },
  }),
);

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: AuditEventNode,
    cursor: "id",
    authScopes: { readsOwn: "AUDIT_EVENT" },
    args: { filter: t.arg({ type: AuditFilter, required: false }) },
    resolve: (query, _root, args, ctx) => {
      const recordId = args.filter?.recordId;
      let rawRecordId: string | null = null;
      if (recordId) {
        for (const typename of ["Person", "Consent", "Encounter", "Referral", "Partnership"]) {
          rawRecordId = decodeId(recordId, typename);
          if (rawRecordId) break;
        }
      }
      return ctx.tx.auditEvent.findMany({
        ...query,
        where: {
          AND: [visibleAuditEventWhere(ctx.viewer)],
          ...(args.filter?.userId
            ? {
                userId: uuidPattern.test(args.filter.userId) ? args.filter.userId : null,
                NOT: { userId: null },
              }
            : {}),
          ...(recordId ? { recordId: rawRecordId ?? "none" } : {}),
          ...(args.filter?.action ? { action: args.filter.action } : {}),
          ...(args.filter?.recordKind ? { recordKind: args.filter.recordKind } : {}),
          ...(args.filter?.from || args.filter?.to
            ? {
                at: {
                  ...(args.filter.from ? { gte: args.filter.from } : {}),
                  ...(args.filter.to ? { lt: args.filter.to } : {}),
                },
              }
            : {}),
        },
        orderBy: { id: "desc" },
      });
    },
  }),
);
