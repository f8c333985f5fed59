/**
 * `Idempotency-Key`: a request sent again with the same key by the same user gets the first
 * answer again, and writes nothing twice. The offline queue (apps/web/src/offline) sends every
 * entry with its own key, so a retry after a lost answer never duplicates the entry.
 *
 * The key is claimed in the operation's own transaction (idempotency_keys, readable by its user
 * only): a concurrent repeat's INSERT waits on the first one's row, then finds its answer. Only
 * a committed answer is kept; a rolled-back operation (atomic-operation.ts) leaves no claim, so
 * its retry runs again. The same key with another body is refused (IDEMPOTENCY_KEY_REUSED).
 * Keys are forgotten after 14 days, beyond the longest an entry may wait on a device.
 *
 * Some answers are never kept, so a repeat runs again instead of being replayed: those that set a
 * cookie (a replay could not give it back) and those that hold a secret shown once — only a
 * secret's hash is ever stored, and an answer kept here would keep it in clear for 14 days.
 */
import { createHash } from "node:crypto";
import type { TransactionClient } from "@maillage/db";

export const idempotencyKeyHeader = "idempotency-key";

/**
 * Mutations whose answer holds a secret (an invitation's link, a calendar feed's path, a device
 * vault's secret, an authenticator secret, recovery codes): their answer is never kept. An
 * unknown root field ("…", a fragment spread) counts as one.
 */
export const answersHoldingSecrets = new Set([
  "inviteMember",
  "rotateCalendarFeed",
  "openDeviceVault",
  "startSecondFactorEnrolment",
  "confirmSecondFactorEnrolment",
  "renewRecoveryCodes",
  "…",
]);

/** Whether an operation's answer may be kept for its key (see above). */
export function answerMayBeKept(rootFields: readonly string[], setsCookies: boolean): boolean {
  return !setsCookies && !rootFields.some((field) => answersHoldingSecrets.has(field));
}
const keyPattern = /^[A-Za-z0-9_-]{16,100}$/;
const keptDays = 14;

/** The header's key, when it is one (16 to 100 URL-safe characters); anything else is ignored. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  return typeof header === "string" && keyPattern.test(header) ? header : null;
}

export interface StoredAnswer {
  status: number;
  body: string;
}

export type Claim = { kind: "claimed" } | { kind: "replay"; answer: StoredAnswer } | { kind: "reused" };

function hashOf(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/**
 * Claims `key` for this request of the viewer's (app.user_id() in the transaction), or finds the
 * first answer given to it.
 */
export async function claimIdempotencyKey(
  tx: TransactionClient,
  userId: string,
  key: string,
  body: string,
): Promise<Claim> {
  const requestHash = hashOf(body);
  await tx.$executeRaw`
    DELETE FROM idempotency_keys
     WHERE user_id = ${userId}::uuid AND created_at < now() - make_interval(days => ${keptDays})`;
  const claimed = await tx.$executeRaw`
    INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES (${userId}::uuid, ${key}, ${requestHash})
    ON CONFLICT DO NOTHING`;
  if (claimed === 1) return { kind: "claimed" };
  const first = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!first || first.requestHash !== requestHash || first.status === null || first.body === null) {
    return { kind: "reused" };
  }
  return { kind: "replay", answer: { status: first.status, body: first.body } };
}

/** Keeps the answer of a claimed key, in the transaction that commits the operation. */
export async function keepAnswer(tx: TransactionClient, userId: string, key: string, answer: StoredAnswer) {
  await tx.idempotencyKey.update({
    where: { userId_key: { userId, key } },
    data: { status: answer.status, body: answer.body },
  });
}

/**
 * Gives a claimed key up, in the transaction that commits the operation: its answer is not kept
 * (it sets a cookie), so a request sent again with the key runs again.
 */
export async function releaseClaim(tx: TransactionClient, userId: string, key: string) {
  await tx.idempotencyKey.delete({ where: { userId_key: { userId, key } } });
}
