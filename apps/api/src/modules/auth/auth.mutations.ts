import {
  asSignInRole,
  beginRequest,
  hashToken,
  recordAuditEvents,
  type TransactionClient,
} from "@maillage/db";
import { distinctEmailFailures, secondsUntilNextAttempt, signInThrottle } from "@maillage/domain";
import { signInInput, switchOrganisationInput } from "@maillage/domain/inputs";
import { hash, verify } from "@node-rs/argon2";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { InvalidCredentialsError, NotFoundError, TooManyAttemptsError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { MeRef } from "./auth.types.ts";
import { loadMe } from "./me.ts";
import { isTrustedDevice, rememberDevice, spendSecondFactor } from "./second-factor.ts";
import {
  clearedSessionCookie,
  newSecretToken,
  sessionCookie,
  sessionLifetimeHours,
} from "./session-cookie.ts";

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, not importable under isolated modules). */
export const argon2id = 2;

/** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
const unknownUserHash = hash("maillage: no such user", { algorithm: argon2id });

const SignOutResult = builder.objectRef<{ ok: boolean }>("SignOutResult").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok") }),
});

/**
 * Seconds before the next attempt with `email` (or, null, from this address only) may be made:
 * sign-in and an invitation's acceptance (organisations/invitations.ts) count failures alike.
 * Per account: that e-mail's failures. Per address: failures for distinct e-mails only, and not
 * for an account that signed in from this address lately (packages/domain sign-in-throttle.ts),
 * so that neither one colleague's mistakes nor a spray locks a whole office out. Run as the
 * sign-in role.
 */
export async function throttleWait(ctx: Context, email: string | null, now: Date): Promise<number> {
  const since = new Date(now.getTime() - signInThrottle.windowSeconds * 1000);
  const byEmail =
    email === null
      ? []
      : await ctx.tx.signInAttempt.findMany({
          where: { email, succeeded: false, at: { gt: since } },
          orderBy: { at: "asc" },
          select: { at: true },
        });
  const perEmail = secondsUntilNextAttempt(
    byEmail.map((a) => a.at),
    signInThrottle.maxFailuresPerEmail,
    now,
  );
  const ip = ctx.origin.ip;
  if (!ip) return perEmail;
  if (email !== null) {
    const knownSince = new Date(now.getTime() - signInThrottle.knownAddressDays * 86_400_000);
    const known = await ctx.tx.signInAttempt.findFirst({
      where: { email, ip, succeeded: true, at: { gt: knownSince } },
      select: { id: true },
    });
    if (known) return perEmail;
  }
  const byAddress = await ctx.tx.signInAttempt.findMany({
    where: { ip, succeeded: false, at: { gt: since } },
    orderBy: { at: "asc" },
    select: { at: true, email: true },
  });
  return Math.max(
    perEmail,
    secondsUntilNextAttempt(
      distinctEmailFailures(byAddress),
      signInThrottle.maxDistinctEmailsPerAddress,
      now,
    ),
  );
}

defineMutation("signIn", {
  input: signInInput,
  errors: [InvalidCredentialsError, TooManyAttemptsError],
  payload: { me: MeRef },
  resolve: async ({ email, password, code, rememberDevice: remember }, ctx) => {
    const now = new Date();
    const token = await asSignInRole(ctx.tx, async (tx) => {
      const wait = await throttleWait(ctx, email, now);
      if (wait > 0) throw new TooManyAttemptsError(ctx.locale, wait);
      const user = await tx.user.findUnique({
        where: { email },
        select: {
          id: true,
          passwordHash: true,
          disabledAt: true,
          memberships: {
            where: { endedAt: null },
            orderBy: { createdAt: "asc" },
            select: { organisationId: true, roles: true },
          },
        },
      });
      const valid = await verify(user?.passwordHash ?? (await unknownUserHash), password);
      if (!user || !valid || user.disabledAt) {
        await countFailedAttempt(ctx, tx, email);
        return null;
      }
      if (!(await recordSignIn(ctx, tx, user.id))) {
        await countFailedAttempt(ctx, tx, email);
        return "IDLE" as const;
      }
      // The right password of an account with a second factor: a code too, unless this browser
      // was remembered after one. Asking for it counts no failure; a wrong code does.
      const factor = await tx.userSecondFactor.findUnique({
        where: { userId: user.id },
        select: { confirmedAt: true },
      });
      if (factor?.confirmedAt && !(await isTrustedDevice(tx, user.id, ctx.deviceToken, now))) {
        if (!code) return "SECOND_FACTOR_REQUIRED" as const;
        const spent = await spendSecondFactor(tx, user.id, code, now);
        if (!spent) {
          await countFailedAttempt(ctx, tx, email);
          return "SECOND_FACTOR_INVALID" as const;
        }
        if (spent === "RECOVERY_CODE") {
          await recordAuditEvents(tx, [
            {
              userId: user.id,
              organisationId: null,
              action: "RECOVERY_CODE_USED",
              recordKind: "SESSION",
              ip: ctx.origin.ip,
            },
          ]);
        }
        if (remember) await rememberDevice(ctx, tx, user.id);
      }
      // Act first as the organisation where the user holds a role.
      const acting = user.memberships.find((m) => m.roles.length > 0) ?? user.memberships[0] ?? null;
      return openSession(ctx, tx, { email, userId: user.id, organisationId: acting?.organisationId ?? null });
    });
    if (token === "IDLE") throw new InvalidCredentialsError(ctx.locale, "ACCOUNT_IDLE_DISABLED");
    if (token === "SECOND_FACTOR_REQUIRED" || token === "SECOND_FACTOR_INVALID") {
      throw new InvalidCredentialsError(ctx.locale, token);
    }
    if (!token) throw new InvalidCredentialsError(ctx.locale);
    return actAsNewSession(ctx, token);
  },
});

/**
 * Days without a sign-in after which an account is disabled at its next sign-in
 * (`MAILLAGE_IDLE_ACCOUNT_DAYS`, default 180; 0 turns the rule off).
 */
export function idleAccountDays(): number {
  const raw = process.env.MAILLAGE_IDLE_ACCOUNT_DAYS;
  const days = raw === undefined || raw.trim() === "" ? 180 : Number(raw);
  return Number.isInteger(days) && days >= 0 ? days : 180;
}

/**
 * After the right password, as the sign-in role: records the sign-in (app.record_sign_in), or,
 * for an account idle longer than idleAccountDays(), disables it and ends its sessions, which
 * outlives the refusal's rollback. Answers whether the sign-in may go on.
 */
export async function recordSignIn(ctx: Context, tx: TransactionClient, userId: string): Promise<boolean> {
  const days = idleAccountDays();
  const [row] = await tx.$queryRaw<
    { ok: boolean }[]
  >`SELECT app.record_sign_in(${userId}::uuid, ${days}::int) AS ok`;
  if (row?.ok) return true;
  ctx.outcome.keptOnRollback.push(async (replay) => {
    await asSignInRole(
      replay,
      (signIn) => signIn.$queryRaw`SELECT app.record_sign_in(${userId}::uuid, ${days}::int)`,
    );
  });
  return false;
}

/**
 * Writes a failed attempt for the throttle (`email` "" when none is known: the address counts).
 * The typed error that follows voids the operation (its transaction is rolled back), but the
 * throttle must count this failure: it is written again after the rollback.
 */
export async function countFailedAttempt(ctx: Context, tx: TransactionClient, email: string): Promise<void> {
  const failure = { email, ip: ctx.origin.ip, succeeded: false };
  await tx.signInAttempt.create({ data: failure });
  ctx.outcome.keptOnRollback.push(async (replay) => {
    await asSignInRole(replay, (signIn) => signIn.signInAttempt.create({ data: failure }));
  });
}

/**
 * As the sign-in role, after the password was checked: the successful attempt, a new session
 * acting as `organisationId`, its SIGN_IN audit event. Answers the session's secret.
 */
export async function openSession(
  ctx: Context,
  tx: TransactionClient,
  who: { email: string; userId: string; organisationId: string | null },
): Promise<string> {
  await tx.signInAttempt.create({ data: { email: who.email, ip: ctx.origin.ip, succeeded: true } });
  const secret = newSecretToken();
  await tx.session.create({
    data: {
      tokenHash: hashToken(secret),
      userId: who.userId,
      actingOrganisationId: who.organisationId,
      csrfToken: newSecretToken(),
      expiresAt: new Date(ctx.now.getTime() + sessionLifetimeHours * 3600_000),
      ip: ctx.origin.ip,
      userAgent: ctx.origin.userAgent?.slice(0, 300) ?? null,
    },
  });
  await recordAuditEvents(tx, [
    {
      userId: who.userId,
      organisationId: who.organisationId,
      action: "SIGN_IN",
      recordKind: "SESSION",
      ip: ctx.origin.ip,
    },
  ]);
  return secret;
}

/** From here on, this request acts as the new session (its cookie goes with the answer). */
export async function actAsNewSession(ctx: Context, token: string) {
  ctx.viewer = await beginRequest(ctx.tx, token);
  if (!ctx.viewer) throw new Error("A new session could not be read back");
  ctx.responseCookies.push(sessionCookie(token, ctx.origin.secure));
  return loadMe(ctx.tx, ctx.viewer);
}

defineMutation("signOut", {
  type: SignOutResult,
  resolve: async (_input, ctx) => {
    const viewer = ctx.viewer;
    if (viewer) {
      await asSignInRole(ctx.tx, async (tx) => {
        await tx.session.delete({ where: { id: viewer.sessionId } });
        await recordAuditEvents(tx, [
          {
            userId: viewer.userId,
            organisationId: viewer.organisationId,
            action: "SIGN_OUT",
            recordKind: "SESSION",
            ip: ctx.origin.ip,
          },
        ]);
      });
      ctx.viewer = null;
    }
    ctx.responseCookies.push(clearedSessionCookie(ctx.origin.secure));
    return { ok: true };
  },
});

defineMutation("switchOrganisation", {
  authScopes: { signedIn: true },
  input: switchOrganisationInput,
  payload: { me: MeRef },
  resolve: async (input, ctx) => {
    const organisationId = decodeId(input.organisationId, "Organisation");
    const switched = await asSignInRole(ctx.tx, async (tx) => {
      const membership = organisationId
        ? await tx.membership.findFirst({
            where: { userId: ctx.viewer.userId, organisationId, endedAt: null },
            select: { organisationId: true },
          })
        : null;
      if (!membership) return false;
      await tx.session.update({
        where: { id: ctx.viewer.sessionId },
        data: { actingOrganisationId: membership.organisationId },
      });
      await recordAuditEvents(tx, [
        {
          userId: ctx.viewer.userId,
          organisationId: membership.organisationId,
          action: "SWITCH_ORGANISATION",
          recordKind: "SESSION",
          ip: ctx.origin.ip,
          details: { from: ctx.viewer.organisationId },
        },
      ]);
      return true;
    });
    if (!switched) throw new NotFoundError(ctx.locale);
    const token = ctx.sessionToken;
    const switchedViewer = token ? await beginRequest(ctx.tx, token) : null;
    if (!switchedViewer) throw new Error("The session could not be read back");
    ctx.viewer = switchedViewer;
    return loadMe(ctx.tx, switchedViewer);
  },
});
