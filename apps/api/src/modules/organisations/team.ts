import { asSignInRole, type TransactionClient } from "@maillage/db";
import { mayChangeMemberRoles, type roles } from "@maillage/domain";
import { setMemberRolesInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { RoleEnum } from "./organisations.types.ts";

interface TeamMemberShape {
  userId: string;
  displayName: string;
  email: string;
  roles: (typeof roles)[number][];
  /** Two-step sign-in is on (read as the sign-in role: the app role sees only the viewer's own). */
  secondFactorOn: boolean;
}

export const TeamMember = builder.objectRef<TeamMemberShape>("TeamMember").implement({
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.exposeString("displayName"),
    email: t.exposeString("email"),
    roles: t.field({ type: [RoleEnum], resolve: (m) => m.roles }),
    secondFactorOn: t.exposeBoolean("secondFactorOn", {
      description: "Two-step sign-in is on (required to use a coordinator's or an org admin's role).",
    }),
  }),
});

export async function loadTeam(tx: TransactionClient, organisationId: string, userId?: string) {
  const memberships = await tx.membership.findMany({
    where: { organisationId, endedAt: null, ...(userId ? { userId } : {}) },
    select: { roles: true, user: { select: { id: true, displayName: true, email: true } } },
    orderBy: { user: { displayName: "asc" } },
  });
  const userIds = memberships.map((m) => m.user.id);
  const confirmed = await asSignInRole(tx, (signIn) =>
    signIn.userSecondFactor.findMany({
      where: { userId: { in: userIds }, confirmedAt: { not: null } },
      select: { userId: true },
    }),
  );
  const on = new Set(confirmed.map((f) => f.userId));
  return memberships.map((m) => ({
    userId: m.user.id,
    displayName: m.user.displayName,
    email: m.user.email,
    roles: m.roles,
    secondFactorOn: on.has(m.user.id),
  }));
}

builder.queryField("team", (t) =>
  t.withAuth({ takesAction: "MANAGE_MEMBERS" }).field({
    type: [TeamMember],
    description: "Members of the acting organisation and their roles (org admins and coordinators).",
    resolve: (_root, _args, ctx) => loadTeam(ctx.tx, ctx.viewer.organisationId),
  }),
);

defineMutation("setMemberRoles", {
  description:
    "Changes a member's roles in the acting organisation: an org admin any role, a coordinator working roles; nobody grants a role to itself. Audited.",
  authScopes: { takesAction: "MANAGE_MEMBERS" },
  input: setMemberRolesInput,
  errors: [ForbiddenError],
  payload: { member: TeamMember },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const [member] = await loadTeam(ctx.tx, organisationId, input.userId);
    if (!member) throw new NotFoundError(ctx.locale);
    const next = [...new Set(input.roles)];
    // An admin granting itself COORDINATOR would read every file at once: another admin or a
    // coordinator of the organisation must (row-level security refuses it too).
    if (!mayChangeMemberRoles(ctx.viewer, { userId: member.userId, current: member.roles }, next))
      throw new ForbiddenError(ctx.locale);
    await ctx.tx.membership.updateMany({
      where: { organisationId, userId: input.userId, endedAt: null },
      data: { roles: next },
    });
    await auditViewerAction(ctx, {
      action: "ROLES_CHANGED",
      recordKind: "MEMBERSHIP",
      recordId: input.userId,
      details: { from: member.roles, to: next },
    });
    return { ...member, roles: next };
  },
});
