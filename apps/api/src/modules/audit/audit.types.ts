import { visibleAuditEventWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { decodeId, uuidPattern } from "../../global-ids.ts";

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
  }),
});

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
        },
        orderBy: { id: "desc" },
      });
    },
  }),
);
