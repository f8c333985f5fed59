/**
 * Two-factor sign-in: a time-based one-time password (RFC 6238, otpauth) and single-use recovery
 * codes. Coordinators and org admins must use it — until they confirm one, app.begin_request
 * withholds those roles from their sessions (migration two_factor_sign_in) — others may.
 *
 * A code is accepted once: the time step it belongs to must be later than the last accepted one
 * (RFC 6238 §5.2), recorded by a conditional UPDATE so two requests cannot both spend it. After a
 * code, a browser may be remembered for 30 days (`maillage_device`, HttpOnly; only its hash is
 * kept): its sign-ins ask for the password only. Ending the team's sessions, an admin's reset and
 * confirming a new factor forget those browsers.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  asSignInRole,
  beginRequest,
  hashToken,
  recordAuditEvents,
  type TransactionClient,
} from "@maillage/db";
import type { Role } from "@maillage/db/prisma";
import { mayDeactivateMember, rolesRequiringSecondFactor } from "@maillage/domain";
import { resetMemberSecondFactorInput, secondFactorCodeInput } from "@maillage/domain/inputs";
import { HOTP, Secret, TOTP } from "otpauth";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import type { Context, SignedInContext } from "../../context.ts";
import { ForbiddenError, NotFoundError, SecondFactorError, TooManyAttemptsError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { loadTeam, TeamMember } from "../organisations/team.ts";
import { countFailedAttempt, throttleWait } from "./auth.mutations.ts";
import { MeRef } from "./auth.types.ts";
import { loadMe } from "./me.ts";

export const trustedDeviceCookieName = "maillage_device";
const trustedDeviceDays = 30;
const recoveryCodeCount = 10;
/** 30-second steps; a code of the step before or after is accepted too (a phone's clock drifts). */
const period = 30;

const issuer = "Maillage";

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period, secret: Secret.fromBase32(secret) });
}

/** The time step of `now`. */
export function timeStep(now: Date): number {
  return TOTP.counter({ period, timestamp: now.getTime() });
}

/** The step among now−1, now, now+1 whose code is `code`, or null. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = timeStep(now);
  const delta = HOTP.validate({ token: code, secret: Secret.fromBase32(secret), counter: step, window: 1 });
  return delta === null ? null : step + delta;
}

/** The code of `step` (tests and enrolment help only compute it; the server never sends it). */
export function codeAtStep(secret: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), counter: step });
}

function recoveryCodeHash(code: string): string {
  return createHash("sha256").update(`maillage-recovery:${code}`).digest("hex");
}

/** Ten new codes, each 10 base32 characters (50 bits), shown as two groups of five. */
function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = randomBytes(10);
    return Array.from(bytes, (byte) => alphabet[byte % 32]).join("");
  });
}

/** How a recovery code is shown: "abcde-fghij" (typed with or without the dash). */
function shownRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Spends `code` for `userId`, as the sign-in role: an authenticator code of a step later than the
 * last accepted one, or an unused recovery code. Answers what was spent, or null.
 */
export async function spendSecondFactor(
  signIn: TransactionClient,
  userId: string,
  code: string,
  now: Date,
): Promise<"TOTP" | "RECOVERY_CODE" | null> {
  const factor = await signIn.userSecondFactor.findUnique({
    where: { userId },
    select: { totpSecret: true, confirmedAt: true },
  });
  if (!factor?.confirmedAt) return null;
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(factor.totpSecret, code, now);
    if (step === null) return null;
    const spent = await signIn.$executeRaw`
      UPDATE user_second_factors SET last_used_step = ${step}
       WHERE user_id = ${userId}::uuid AND (last_used_step IS NULL OR last_used_step < ${step})`;
    return spent === 1 ? "TOTP" : null;
  }
  const spent = await signIn.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? "RECOVERY_CODE" : null;
}

/** Whether the browser's `maillage_device` token remembers `userId` (sign-in role). */
export async function isTrustedDevice(
  signIn: TransactionClient,
  userId: string,
  deviceToken: string | null,
  now: Date,
): Promise<boolean> {
  if (!deviceToken) return false;
  const device = await signIn.trustedDevice.findFirst({
    where: { tokenHash: hashToken(deviceToken), userId, expiresAt: { gt: now } },
    select: { tokenHash: true },
  });
  return device !== null;
}

/** Remembers this browser for `userId` (sign-in role) and sets its cookie with the answer. */
export async function rememberDevice(ctx: Context, signIn: TransactionClient, userId: string): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  await signIn.trustedDevice.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(ctx.now.getTime() + trustedDeviceDays * 86_400_000),
      userAgent: ctx.origin.userAgent?.slice(0, 300) ?? null,
    },
  });
  ctx.responseCookies.push(
    [
      `${trustedDeviceCookieName}=${token}`,
      "Path=/graphql",
      "HttpOnly",
      "SameSite=Strict",
      `Max-Age=${trustedDeviceDays * 86_400}`,
      ...(ctx.origin.secure ? ["Secure"] : []),
    ].join("; "),
  );
}

/** Whether `userId` holds, in any organisation, a role that requires a second factor. */
async function roleRequiresSecondFactor(tx: TransactionClient, userId: string): Promise<boolean> {
  const memberships = await tx.membership.findMany({
    where: { userId, endedAt: null, roles: { hasSome: [...rolesRequiringSecondFactor] } },
    select: { organisationId: true },
    take: 1,
  });
  return memberships.length > 0;
}

/** `me.secondFactor`: whether it is on, required, which roles wait for it, codes left. */
export interface SecondFactorStatus {
  enabled: boolean;
  required: boolean;
  withheldRoles: Role[];
  recoveryCodesLeft: number;
}

/** Whether one of `roles` (a user's, in any organisation) requires a second factor. */
export function rolesRequireSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => (rolesRequiringSecondFactor as readonly Role[]).includes(role));
}

/** `required`: rolesRequireSecondFactor of the roles of her current memberships (loadMe has them). */
export async function loadSecondFactorStatus(
  tx: TransactionClient,
  userId: string,
  withheldRoles: Role[],
  required: boolean,
): Promise<SecondFactorStatus> {
  const factor = await tx.userSecondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  const enabled = factor?.confirmedAt != null;
  return {
    enabled,
    required,
    withheldRoles,
    recoveryCodesLeft: enabled ? await tx.recoveryCode.count({ where: { userId, usedAt: null } }) : 0,
  };
}

/** The user's own audit event, written as the sign-in role (she may act as no organisation). */
async function auditOwnSecondFactor(ctx: SignedInContext, action: string) {
  await asSignInRole(ctx.tx, (signIn) =>
    recordAuditEvents(signIn, [
      {
        userId: ctx.viewer.userId,
        organisationId: ctx.viewer.organisationId,
        action,
        recordKind: "SESSION",
        ip: ctx.origin.ip,
      },
    ]),
  );
}

/** Forgets `userIds`' remembered browsers, and their sessions but `exceptSessionId` (sign-in role). */
export async function forgetSignIns(
  tx: TransactionClient,
  userIds: string[],
  options: { sessions: boolean; exceptSessionId?: string },
): Promise<{ sessions: number; devices: number }> {
  return asSignInRole(tx, async (signIn) => {
    const devices = await signIn.trustedDevice.deleteMany({ where: { userId: { in: userIds } } });
    const sessions = options.sessions
      ? await signIn.session.deleteMany({
          where: {
            userId: { in: userIds },
            ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
          },
        })
      : { count: 0 };
    return { sessions: sessions.count, devices: devices.count };
  });
}

interface EnrolmentShape {
  secret: string;
  otpauthUri: string;
}

const SecondFactorEnrolment = builder.objectRef<EnrolmentShape>("SecondFactorEnrolment").implement({
  description:
    "A new authenticator secret, to scan (otpauthUri as a QR code) or type (secret), then confirm with a code.",
  fields: (t) => ({
    secret: t.exposeString("secret", { description: "base32, as authenticator apps ask for it." }),
    otpauthUri: t.exposeString("otpauthUri"),
  }),
});

defineMutation("startSecondFactorEnrolment", {
  description:
    "Gives the signed-in user a new authenticator secret (replacing one not yet confirmed); nothing changes at sign-in until confirmSecondFactorEnrolment.",
  authScopes: { signedIn: true },
  errors: [SecondFactorError],
  payload: { enrolment: SecondFactorEnrolment },
  resolve: async (_input, ctx) => {
    const userId = ctx.viewer.userId;
    const existing = await ctx.tx.userSecondFactor.findUnique({
      where: { userId },
      select: { confirmedAt: true },
    });
    if (existing?.confirmedAt) throw new SecondFactorError(ctx.locale, "SECOND_FACTOR_ALREADY_ON");
    const secret = new Secret({ size: 20 }).base32;
    await ctx.tx.userSecondFactor.upsert({
      where: { userId },
      create: { userId, totpSecret: secret },
      update: { totpSecret: secret, lastUsedStep: null, createdAt: ctx.now },
    });
    const user = await ctx.tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    return { secret, otpauthUri: totpFor(secret, user.email).toString() };
  },
});

interface RecoveryCodesShape {
  recoveryCodes: string[];
  me: Awaited<ReturnType<typeof loadMe>>;
}

const SecondFactorConfirmed = builder.objectRef<RecoveryCodesShape>("SecondFactorConfirmed").implement({
  fields: (t) => ({
    recoveryCodes: t.exposeStringList("recoveryCodes", {
      description: "Single-use codes for a lost phone: shown now, never again.",
    }),
    me: t.field({ type: MeRef, resolve: (shape) => shape.me }),
  }),
});

defineMutation("confirmSecondFactorEnrolment", {
  description:
    "Turns two-step sign-in on with a first code of the new secret: answers ten recovery codes (shown once), ends the user's other sessions and forgets her remembered browsers; withheld roles apply from this request on. Audited.",
  authScopes: { signedIn: true },
  input: secondFactorCodeInput,
  errors: [SecondFactorError],
  payload: { confirmed: SecondFactorConfirmed },
  resolve: async ({ code }, ctx) => {
    const userId = ctx.viewer.userId;
    const factor = await ctx.tx.userSecondFactor.findUnique({
      where: { userId },
      select: { totpSecret: true, confirmedAt: true },
    });
    if (factor?.confirmedAt) throw new SecondFactorError(ctx.locale, "SECOND_FACTOR_ALREADY_ON");
    const step = factor ? matchingStep(factor.totpSecret, code, ctx.now) : null;
    if (!factor || step === null) throw new SecondFactorError(ctx.locale, "SECOND_FACTOR_INVALID");
    await ctx.tx.userSecondFactor.update({
      where: { userId },
      data: { confirmedAt: ctx.now, lastUsedStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(ctx.tx, userId);
    await forgetSignIns(ctx.tx, [userId], { sessions: true, exceptSessionId: ctx.viewer.sessionId });
    await auditOwnSecondFactor(ctx, "SECOND_FACTOR_ENROLLED");
    return { recoveryCodes, me: await meAgain(ctx) };
  },
});

async function replaceRecoveryCodes(tx: TransactionClient, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })),
  });
  return codes.map(shownRecoveryCode);
}

/** The viewer read again (its withheld roles may now apply), and `me` for it. */
async function meAgain(ctx: SignedInContext) {
  const token = ctx.sessionToken;
  const viewer = token ? await beginRequest(ctx.tx, token) : null;
  if (!viewer) throw new Error("The session could not be read back");
  ctx.viewer = viewer;
  return loadMe(ctx.tx, viewer);
}

/**
 * A code of the user's own second factor, spent, or the refusal — counted like a failed sign-in
 * (the per-account throttle), so a stolen session cannot try every code.
 */
async function requireOwnCode(ctx: SignedInContext, code: string): Promise<void> {
  const user = await ctx.tx.user.findUniqueOrThrow({
    where: { id: ctx.viewer.userId },
    select: { email: true },
  });
  const spent = await asSignInRole(ctx.tx, async (signIn) => {
    const wait = await throttleWait(ctx, user.email, ctx.now);
    if (wait > 0) throw new TooManyAttemptsError(ctx.locale, wait);
    const what = await spendSecondFactor(signIn, ctx.viewer.userId, code, ctx.now);
    if (!what) await countFailedAttempt(ctx, signIn, user.email);
    return what;
  });
  if (!spent) throw new SecondFactorError(ctx.locale, "SECOND_FACTOR_INVALID");
}

const RecoveryCodesRenewed = builder
  .objectRef<{ recoveryCodes: string[] }>("RecoveryCodesRenewed")
  .implement({
    fields: (t) => ({ recoveryCodes: t.exposeStringList("recoveryCodes") }),
  });

defineMutation("renewRecoveryCodes", {
  description:
    "Replaces the user's recovery codes with ten new ones (the old ones stop working), given a current code. Audited.",
  authScopes: { signedIn: true },
  input: secondFactorCodeInput,
  errors: [SecondFactorError, TooManyAttemptsError],
  payload: { renewed: RecoveryCodesRenewed },
  resolve: async ({ code }, ctx) => {
    await requireOwnCode(ctx, code);
    const recoveryCodes = await replaceRecoveryCodes(ctx.tx, ctx.viewer.userId);
    await auditOwnSecondFactor(ctx, "RECOVERY_CODES_RENEWED");
    return { recoveryCodes };
  },
});

defineMutation("removeSecondFactor", {
  description:
    "Turns two-step sign-in off, given a current code; refused while the user holds a role that requires it (coordinator, org admin). Audited.",
  authScopes: { signedIn: true },
  input: secondFactorCodeInput,
  errors: [SecondFactorError, TooManyAttemptsError],
  payload: { me: MeRef },
  resolve: async ({ code }, ctx) => {
    const userId = ctx.viewer.userId;
    if (await roleRequiresSecondFactor(ctx.tx, userId)) {
      throw new SecondFactorError(ctx.locale, "SECOND_FACTOR_REQUIRED_BY_ROLE");
    }
    await requireOwnCode(ctx, code);
    await ctx.tx.recoveryCode.deleteMany({ where: { userId } });
    await ctx.tx.userSecondFactor.delete({ where: { userId } });
    await forgetSignIns(ctx.tx, [userId], { sessions: false });
    await auditOwnSecondFactor(ctx, "SECOND_FACTOR_REMOVED");
    return meAgain(ctx);
  },
});

defineMutation("resetMemberSecondFactor", {
  description:
    "A lost phone: removes a member's second factor, recovery codes, remembered browsers and sessions; she sets a new one at her next sign-in (never one's own; an org admin's by an org admin only). Audited.",
  authScopes: { takesAction: "MANAGE_MEMBERS" },
  input: resetMemberSecondFactorInput,
  errors: [ForbiddenError],
  payload: { member: TeamMember },
  resolve: async ({ userId }, ctx) => {
    const [member] = await loadTeam(ctx.tx, ctx.viewer.organisationId, userId);
    if (!member) throw new NotFoundError(ctx.locale);
    if (!mayDeactivateMember(ctx.viewer, member)) throw new ForbiddenError(ctx.locale);
    const removed = await asSignInRole(ctx.tx, async (signIn) => {
      await signIn.recoveryCode.deleteMany({ where: { userId } });
      return (await signIn.userSecondFactor.deleteMany({ where: { userId } })).count;
    });
    const ended = await forgetSignIns(ctx.tx, [userId], { sessions: true });
    await auditViewerAction(ctx, {
      action: "SECOND_FACTOR_RESET",
      recordKind: "MEMBERSHIP",
      recordId: userId,
      details: { hadSecondFactor: removed > 0, ...ended },
    });
    return { ...member, secondFactorOn: false };
  },
});
