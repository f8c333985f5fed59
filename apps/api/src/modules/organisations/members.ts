/**
 * Ending a member's access: deactivating one member, or ending every session of the team (a lost
 * phone). Sessions and device vaults are the sign-in role's (asSignInRole): forgetting a device's
 * vault means what it keeps offline can no longer be decrypted (modules/devices).
 */
import { asSignInRole, type TransactionClient } from "@maillage/db";
import { mayDeactivateMember } from "@maillage/domain";
import { deactivateMemberInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { loadTeam, TeamMember } from "./team.ts";

interface EndedShape {
  sessions: number;
  devices: number;
}

const SessionsEnded = builder.objectRef<EndedShape>("SessionsEnded").implement({
  fields: (t) => ({
    sessions: t.exposeInt("sessions", { description: "Sessions ended." }),
    devices: t.exposeInt("devices", { description: "Devices whose offline vault was forgotten." }),
  }),
});

/** As the sign-in role: the sessions matching `sessions` and every device vault of `userIds`. */
async function endSessions(
  tx: TransactionClient,
  userIds: string[],
  sessions: { actingOrganisationId?: string; exceptSessionId?: string },
): Promise<EndedShape> {
  return asSignInRole(tx, async (signIn) => {
    const ended = await signIn.session.deleteMany({
      where: {
        userId: { in: userIds },
        ...(sessions.actingOrganisationId ? { actingOrganisationId: sessions.actingOrganisationId } : {}),
        ...(sessions.exceptSessionId ? { id: { not: sessions.exceptSessionId } } : {}),
      },
    });
    const forgotten = await signIn.deviceVault.deleteMany({ where: { userId: { in: userIds } } });
    // Browsers remembered after a second factor ask for a code again (a lost phone).
    await signIn.trustedDevice.deleteMany({ where: { userId: { in: userIds } } });
    return { sessions: ended.count, devices: forgotten.count };
  });
}

defineMutation("deactivateMember", {
  description:
    "Ends a member's membership of the acting organisation (never one's own; an org admin's by an org admin only): her sessions acting for it end, her devices' vaults are forgotten, her follows removed. Audited.",
  authScopes: { takesAction: "MANAGE_MEMBERS" },
  input: deactivateMemberInput,
  errors: [ForbiddenError],
  payload: { member: TeamMember },
  resolve: async ({ userId }, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const [member] = await loadTeam(ctx.tx, organisationId, userId);
    if (!member) throw new NotFoundError(ctx.locale);
    if (!mayDeactivateMember(ctx.viewer, member)) throw new ForbiddenError(ctx.locale);
    // Row-level security checks it again (memberships_ended_by_others); ending it removes her
    // follows in this organisation (trigger memberships_ended_forget_follows).
    await ctx.tx.membership.updateMany({
      where: { organisationId, userId, endedAt: null },
      data: { endedAt: ctx.now },
    });
    const ended = await endSessions(ctx.tx, [userId], { actingOrganisationId: organisationId });
    await auditViewerAction(ctx, {
      action: "MEMBER_DEACTIVATED",
      recordKind: "MEMBERSHIP",
      recordId: userId,
      details: { roles: member.roles, ...ended },
    });
    return member;
  },
});

defineMutation("endAllSessions", {
  description:
    "Ends every session of every current member of the acting organisation but the caller's own, and forgets all their devices' offline vaults (a lost phone). Org admins. Audited.",
  authScopes: { takesAction: "END_SESSIONS" },
  // Nothing to name, but a refused caller is answered as every refusal is: not found.
  errors: [NotFoundError],
  payload: { ended: SessionsEnded },
  resolve: async (_input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const members = await ctx.tx.membership.findMany({
      where: { organisationId, endedAt: null },
      select: { userId: true },
    });
    const ended = await endSessions(
      ctx.tx,
      members.map((m) => m.userId),
      { exceptSessionId: ctx.viewer.sessionId },
    );
    await auditViewerAction(ctx, {
      action: "SESSIONS_ENDED",
      recordKind: "ORGANISATION",
      recordId: organisationId,
      details: { ...ended },
    });
    return ended;
  },
});
