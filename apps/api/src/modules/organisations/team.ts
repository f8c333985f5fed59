import { recordAuditEvents } from "@maillage/db";
import { roles } from "@maillage/domain";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { InputValidationError, NotFoundError, parseInput } from "../../errors.ts";
import { uuidPattern } from "../../global-ids.ts";
import { RoleEnum } from "./organisations.types.ts";

interface TeamMemberShape {
  userId: string;
  displayName: string;
  email: string;
  roles: (typeof roles)[number][];
}

const TeamMember = builder.objectRef<TeamMemberShape>("TeamMember").implement({
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.exposeString("displayName"),
    email: t.exposeString("email"),
    roles: t.field({ type: [RoleEnum], resolve: (m) => m.roles }),
  }),
});

async function loadTeam(
  tx: Parameters<typeof recordAuditEvents>[0],
  organisationId: string,
  userId?: string,
) {
  const memberships = await tx.membership.findMany({
    where: { organisationId, endedAt: null, ...(userId ? { userId } : {}) },
    select: { roles: true, user: { select: { id: true, displayName: true, email: true } } },
    orderBy: { user: { displayName: "asc" } },
  });
  return memberships.map((m) => ({
    userId: m.user.id,
    displayName: m.user.displayName,
    email: m.user.email,
    roles: m.roles,
  }));
}

builder.queryField("team", (t) =>
  t.field({
    type: [TeamMember],
    description: "Members of the acting organisation and their roles (org admins).",
    authScopes: { role: "ORG_ADMIN" },
    resolve: (_root, _args, ctx) => loadTeam(ctx.tx, ctx.viewer!.organisationId!),
  }),
);

const SetMemberRolesInput = builder.inputType("SetMemberRolesInput", {
  fields: (t) => ({
    userId: t.id({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true }),
  }),
});

const setMemberRolesInput = z.object({
  userId: z.string().regex(uuidPattern),
  roles: z.array(z.enum(roles)).max(roles.length),
});

builder.mutationField("setMemberRoles", (t) =>
  t.field({
    type: TeamMember,
    description: "Changes a member's roles in the acting organisation. Audited.",
    authScopes: { role: "ORG_ADMIN" },
    args: { input: t.arg({ type: SetMemberRolesInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError],
      result: { name: "SetMemberRolesSuccess" },
      union: { name: "SetMemberRolesResult" },
      dataField: { name: "member" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(setMemberRolesInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
      const [member] = await loadTeam(ctx.tx, organisationId, input.userId);
      if (!member) throw new NotFoundError(ctx.locale);
      const next = [...new Set(input.roles)];
      await ctx.tx.membership.updateMany({
        where: { organisationId, userId: input.userId, endedAt: null },
        data: { roles: next },
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId,
          action: "ROLES_CHANGED",
          recordKind: "MEMBERSHIP",
          recordId: input.userId,
          ip: ctx.origin.ip,
          details: { from: member.roles, to: next },
        },
      ]);
      return { ...member, roles: next };
    },
  }),
);
