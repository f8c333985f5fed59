/**
 * Invitations to join the acting organisation. No e-mail leaves this product yet: inviting answers
 * the acceptance link `/invitation#<token>` once, and the inviter hands it on. The token is 32
 * random bytes; only its SHA-256 is kept. Accepting is public: app.accept_invitation (SECURITY
 * DEFINER, migration 20261202020000_member_invitations) makes the account or joins an existing
 * one with its own password, adds or reopens the membership, and the person is signed in.
 */
import { asSignInRole, hashToken, recordAuditEvents, type TransactionClient } from "@maillage/db";
import { type Locale, mayChangeMemberRoles, type roles } from "@maillage/domain";
import { acceptInvitationInput, inviteMemberInput, revokeInvitationInput } from "@maillage/domain/inputs";
import { hash, verify } from "@node-rs/argon2";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { AppError, ForbiddenError, fieldProblem, NotFoundError, TooManyAttemptsError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import {
  actAsNewSession,
  argon2id,
  countFailedAttempt,
  openSession,
  throttleWait,
} from "../auth/auth.mutations.ts";
import { MeRef } from "../auth/auth.types.ts";
import { newSecretToken } from "../auth/session-cookie.ts";
import { AppErrorInterface } from "../errors/errors.types.ts";
import { RoleEnum } from "./organisations.types.ts";

const invitationDays = 7;

/** A wrong, expired, revoked or used link: one answer for all, and nothing written. */
export class InvitationInvalidError extends AppError {
  constructor(locale: Locale) {
    super("INVITATION_INVALID", locale);
  }
}
builder.objectType(InvitationInvalidError, {
  name: "InvitationInvalidError",
  interfaces: [AppErrorInterface],
});

interface InvitationShape {
  id: string;
  email: string;
  displayName: string;
  roles: (typeof roles)[number][];
  createdAt: Date;
  expiresAt: Date;
  invitedBy: { displayName: string };
}

const invitationSelect = {
  id: true,
  email: true,
  displayName: true,
  roles: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { displayName: true } },
} as const;

const Invitation = builder.objectRef<InvitationShape>("Invitation").implement({
  description: "A pending invitation to join the acting organisation (its link is never shown again).",
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    displayName: t.exposeString("displayName"),
    roles: t.field({ type: [RoleEnum], resolve: (i) => i.roles }),
    createdAt: t.field({ type: "DateTime", resolve: (i) => i.createdAt }),
    expiresAt: t.field({ type: "DateTime", resolve: (i) => i.expiresAt }),
    invitedByName: t.string({ resolve: (i) => i.invitedBy.displayName }),
  }),
});

const InvitationSent = builder
  .objectRef<{ invitation: InvitationShape; link: string }>("InviteMemberSuccess")
  .implement({
    fields: (t) => ({
      invitation: t.field({ type: Invitation, resolve: (sent) => sent.invitation }),
      link: t.exposeString("link", {
        description:
          "The acceptance link, `/invitation#<token>`, answered this once only: hand it to the person invited.",
      }),
    }),
  });

builder.queryField("invitations", (t) =>
  t.withAuth({ takesAction: "MANAGE_MEMBERS" }).field({
    type: [Invitation],
    description: "The acting organisation's pending invitations: neither accepted, revoked nor expired.",
    resolve: (_root, _args, ctx) =>
      ctx.tx.invitation.findMany({
        where: {
          organisationId: ctx.viewer.organisationId,
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: ctx.now },
        },
        select: invitationSelect,
        orderBy: { createdAt: "desc" },
      }),
  }),
);

defineMutation("inviteMember", {
  description:
    "Invites someone to the acting organisation with roles (an org admin any, a coordinator working roles). Answers the acceptance link once. Audited.",
  authScopes: { takesAction: "MANAGE_MEMBERS" },
  input: inviteMemberInput,
  errors: [ForbiddenError],
  type: InvitationSent,
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const next = [...new Set(input.roles)];
    // The same rule as setting a member's roles, for someone who holds none yet.
    if (!mayChangeMemberRoles(ctx.viewer, { userId: "(invited)", current: [] }, next))
      throw new ForbiddenError(ctx.locale);
    const member = await ctx.tx.membership.findFirst({
      where: { organisationId, endedAt: null, user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw fieldProblem(ctx.locale, "email", "ALREADY_MEMBER");
    const token = newSecretToken();
    const invitation = await ctx.tx.invitation.create({
      data: {
        organisationId,
        email: input.email,
        displayName: input.displayName,
        roles: next,
        tokenHash: hashToken(token),
        invitedById: ctx.viewer.userId,
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + invitationDays * 86_400_000),
      },
      select: invitationSelect,
    });
    await auditViewerAction(ctx, {
      action: "MEMBER_INVITED",
      recordKind: "INVITATION",
      recordId: invitation.id,
      details: { roles: next },
    });
    return { invitation, link: `/invitation#${token}` };
  },
});

defineMutation("revokeInvitation", {
  description: "Revokes a pending invitation of the acting organisation: its link no longer works. Audited.",
  authScopes: { takesAction: "MANAGE_MEMBERS" },
  input: revokeInvitationInput,
  payload: { invitation: Invitation },
  resolve: async ({ invitationId }, ctx) => {
    const pending = {
      id: invitationId,
      organisationId: ctx.viewer.organisationId,
      acceptedAt: null,
      revokedAt: null,
    };
    const { count } = await ctx.tx.invitation.updateMany({ where: pending, data: { revokedAt: ctx.now } });
    if (count !== 1) throw new NotFoundError(ctx.locale);
    await auditViewerAction(ctx, {
      action: "INVITATION_REVOKED",
      recordKind: "INVITATION",
      recordId: invitationId,
    });
    return ctx.tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: invitationSelect });
  },
});

interface AcceptedRow {
  status: "ACCEPTED" | "INVALID" | "WRONG_PASSWORD" | "ALREADY_MEMBER";
  user_id: string | null;
  organisation_id: string | null;
  invitation_id: string | null;
  roles: string[] | null;
  new_account: boolean;
}

/**
 * A refused acceptance. A wrong password of an existing account is counted by the throttle like a
 * failed sign-in (it is one: the link would otherwise be a way to guess passwords). A dead link
 * is not: its 32 random bytes cannot be guessed, and counting it against the address would let a
 * stale link lock a whole office out of signing in.
 */
async function refusal(ctx: Context, tx: TransactionClient, email: string, why: AcceptedRow["status"]) {
  if (why !== "WRONG_PASSWORD") return new InvitationInvalidError(ctx.locale);
  await countFailedAttempt(ctx, tx, email);
  return fieldProblem(ctx.locale, "password", "ACCOUNT_PASSWORD");
}

defineMutation("acceptInvitation", {
  description:
    "Accepts an invitation (public): opens the account, or joins an existing one with its own password, and signs in. Throttled like signIn.",
  input: acceptInvitationInput,
  errors: [InvitationInvalidError, TooManyAttemptsError],
  payload: { me: MeRef },
  resolve: async ({ token, password, displayName }, ctx) => {
    const tokenHash = hashToken(token);
    const secret = await asSignInRole(ctx.tx, async (tx) => {
      const fromAddress = await throttleWait(ctx, null, ctx.now);
      if (fromAddress > 0) throw new TooManyAttemptsError(ctx.locale, fromAddress);
      const [pending] = await tx.$queryRaw<{ email: string | null }[]>`
        SELECT app.pending_invitation_email(${tokenHash}) AS email`;
      const email = pending?.email;
      if (!email) throw new InvitationInvalidError(ctx.locale);
      const wait = await throttleWait(ctx, email, ctx.now);
      if (wait > 0) throw new TooManyAttemptsError(ctx.locale, wait);
      const account = await tx.user.findUnique({ where: { email }, select: { passwordHash: true } });
      let verifiedHash: string | null = null;
      if (account) {
        // An existing account joins with its own password: a link never takes an account over.
        if (!(await verify(account.passwordHash, password)))
          throw await refusal(ctx, tx, email, "WRONG_PASSWORD");
        verifiedHash = account.passwordHash;
      }
      const newHash = account ? null : await hash(password, { algorithm: argon2id });
      const [accepted] = await tx.$queryRaw<AcceptedRow[]>`
        SELECT * FROM app.accept_invitation(${tokenHash}, ${newHash}, ${displayName ?? null}, ${verifiedHash})`;
      if (accepted?.status !== "ACCEPTED" || !accepted.user_id || !accepted.organisation_id)
        throw await refusal(ctx, tx, email, accepted?.status ?? "INVALID");
      await recordAuditEvents(tx, [
        {
          userId: accepted.user_id,
          organisationId: accepted.organisation_id,
          action: "INVITATION_ACCEPTED",
          recordKind: "INVITATION",
          recordId: accepted.invitation_id,
          ip: ctx.origin.ip,
          details: { roles: accepted.roles ?? [], newAccount: accepted.new_account },
        },
      ]);
      return openSession(ctx, tx, {
        email,
        userId: accepted.user_id,
        organisationId: accepted.organisation_id,
      });
    });
    return actAsNewSession(ctx, secret);
  },
});
