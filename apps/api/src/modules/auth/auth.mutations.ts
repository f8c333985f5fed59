import { asSignInRole, beginRequest, hashToken, recordAuditEvents } from "@maillage/db";
import { secondsUntilNextAttempt, signInThrottle } from "@maillage/domain";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import {
  InputValidationError,
  InvalidCredentialsError,
  NotFoundError,
  parseInput,
  TooManyAttemptsError,
} from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { MeRef } from "./auth.types.ts";
import { loadMe } from "./me.ts";
import {
  clearedSessionCookie,
  newSecretToken,
  sessionCookie,
  sessionLifetimeHours,
} from "./session-cookie.ts";

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, not importable under isolated modules). */
const argon2id = 2;

const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254).email(),
  password: z.string().min(1).max(1024),
});

/** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
const unknownUserHash = hash("maillage: no such user", { algorithm: argon2id });

const SignInInput = builder.inputType("SignInInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const SwitchOrganisationInput = builder.inputType("SwitchOrganisationInput", {
  fields: (t) => ({ organisationId: t.id({ required: true }) }),
});

const SignOutResult = builder.objectRef<{ ok: boolean }>("SignOutResult").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok") }),
});

async function throttleWait(ctx: Context, email: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - signInThrottle.windowSeconds * 1000);
  const byEmail = await ctx.tx.signInAttempt.findMany({
    where: { email, succeeded: false, at: { gt: since } },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  const byAddress = ctx.origin.ip
    ? await ctx.tx.signInAttempt.findMany({
        where: { ip: ctx.origin.ip, succeeded: false, at: { gt: since } },
        orderBy: { at: "asc" },
        select: { at: true },
      })
    : [];
  return Math.max(
    secondsUntilNextAttempt(
      byEmail.map((a) => a.at),
      signInThrottle.maxFailuresPerEmail,
      now,
    ),
    secondsUntilNextAttempt(
      byAddress.map((a) => a.at),
      signInThrottle.maxFailuresPerAddress,
      now,
    ),
  );
}

builder.mutationField("signIn", (t) =>
  t.field({
    type: MeRef,
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: {
      types: [InvalidCredentialsError, TooManyAttemptsError, InputValidationError],
      result: { name: "SignInSuccess" },
      union: { name: "SignInResult" },
      dataField: { name: "me" },
    },
    resolve: async (_root, args, ctx) => {
      const { email, password } = parseInput(signInInput, args.input, ctx.locale);
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
          await tx.signInAttempt.create({
            data: { email, ip: ctx.origin.ip, succeeded: false },
          });
          // The typed error below becomes data, not a GraphQL error, so this record is kept.
          return null;
        }
        await tx.signInAttempt.create({ data: { email, ip: ctx.origin.ip, succeeded: true } });
        // Act first as the organisation where the user holds a role.
        const acting = user.memberships.find((m) => m.roles.length > 0) ?? user.memberships[0] ?? null;
        const secret = newSecretToken();
        await tx.session.create({
          data: {
            tokenHash: hashToken(secret),
            userId: user.id,
            actingOrganisationId: acting?.organisationId ?? null,
            csrfToken: newSecretToken(),
            expiresAt: new Date(now.getTime() + sessionLifetimeHours * 3600_000),
            ip: ctx.origin.ip,
            userAgent: ctx.origin.userAgent?.slice(0, 300) ?? null,
          },
        });
        await recordAuditEvents(tx, [
          {
            userId: user.id,
            organisationId: acting?.organisationId ?? null,
            action: "SIGN_IN",
            recordKind: "SESSION",
            ip: ctx.origin.ip,
          },
        ]);
        return secret;
      });
      if (!token) throw new InvalidCredentialsError(ctx.locale);
      // From here on, this request acts as the new session.
      ctx.viewer = await beginRequest(ctx.tx, token);
      if (!ctx.viewer) throw new Error("A new session could not be read back");
      ctx.responseCookies.push(sessionCookie(token, ctx.origin.secure));
      return loadMe(ctx.tx, ctx.viewer);
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.field({
    type: SignOutResult,
    resolve: async (_root, _args, ctx) => {
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
  }),
);

builder.mutationField("switchOrganisation", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: MeRef,
    args: { input: t.arg({ type: SwitchOrganisationInput, required: true }) },
    errors: {
      types: [NotFoundError],
      result: { name: "SwitchOrganisationSuccess" },
      union: { name: "SwitchOrganisationResult" },
      dataField: { name: "me" },
    },
    resolve: async (_root, args, ctx) => {
      const organisationId = decodeId(args.input.organisationId, "Organisation");
      const viewer = ctx.viewer;
      const switched = await asSignInRole(ctx.tx, async (tx) => {
        const membership = organisationId
          ? await tx.membership.findFirst({
              where: { userId: viewer.userId, organisationId, endedAt: null },
              select: { organisationId: true },
            })
          : null;
        if (!membership) return false;
        await tx.session.update({
          where: { id: viewer.sessionId },
          data: { actingOrganisationId: membership.organisationId },
        });
        await recordAuditEvents(tx, [
          {
            userId: viewer.userId,
            organisationId: membership.organisationId,
            action: "SWITCH_ORGANISATION",
            recordKind: "SESSION",
            ip: ctx.origin.ip,
            details: { from: viewer.organisationId },
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
  }),
);
