/**
 * The server's half of a device's offline vault (apps/web/src/offline, docs/offline-threat-model.md).
 * A signed-in device opens its vault with its own device id and receives a random secret, held
 * in the page's memory only, from which it derives the key of what it keeps; what the device
 * stores cannot be read without it. The secret stays the same for that user and device until it
 * is forgotten: at the device's sign-out (`forgetDevice`), when the member's sessions are ended or
 * the member deactivated (organisations/members.ts), or 30 days after the device last opened it.
 * A device told UNAUTHENTICATED, or handed another secret, wipes what it keeps.
 */
import { randomBytes } from "node:crypto";
import { deviceInput } from "@maillage/domain/inputs";
import { builder } from "../../builder.ts";
import { defineMutation } from "../../mutations.ts";

const vaultDays = 30;

/** Hours a device may stay unlocked without reaching the server before it wipes what it keeps. */
export function maxOfflineHours(): number {
  const configured = Number(process.env.MAILLAGE_MAX_OFFLINE_HOURS);
  return Number.isInteger(configured) && configured > 0 ? configured : 72;
}

interface DeviceVaultShape {
  secret: Uint8Array;
  expiresAt: Date;
}

const DeviceVault = builder.objectRef<DeviceVaultShape>("DeviceVault").implement({
  fields: (t) => ({
    secret: t.string({
      description: "32 random bytes, base64url: keep them in memory only.",
      resolve: (vault) => Buffer.from(vault.secret).toString("base64url"),
    }),
    expiresAt: t.field({ type: "DateTime", resolve: (vault) => vault.expiresAt }),
    maxOfflineHours: t.int({
      description: "After this long without reaching the server, the device wipes what it keeps.",
      resolve: () => maxOfflineHours(),
    }),
  }),
});

defineMutation("openDeviceVault", {
  description: "The viewer's secret for this device's offline vault (the same one until it is forgotten).",
  authScopes: { signedIn: true },
  input: deviceInput,
  payload: { vault: DeviceVault },
  resolve: async ({ deviceId }, ctx) => {
    const userId = ctx.viewer.userId;
    const expiresAt = new Date(ctx.now.getTime() + vaultDays * 86_400_000);
    const key = { userId_deviceId: { userId, deviceId } };
    const kept = await ctx.tx.deviceVault.findUnique({ where: key });
    if (kept && kept.expiresAt > ctx.now) {
      return ctx.tx.deviceVault.update({ where: key, data: { lastSeenAt: ctx.now, expiresAt } });
    }
    if (kept) await ctx.tx.deviceVault.delete({ where: key });
    return ctx.tx.deviceVault.create({
      data: { userId, deviceId, secret: randomBytes(32), lastSeenAt: ctx.now, expiresAt },
    });
  },
});

defineMutation("forgetDevice", {
  description: "Forgets this device's vault secret (sent with signOut): what it kept can no longer be read.",
  authScopes: { signedIn: true },
  input: deviceInput,
  payload: { forgotten: "Boolean" },
  resolve: async ({ deviceId }, ctx) => {
    const { count } = await ctx.tx.deviceVault.deleteMany({ where: { userId: ctx.viewer.userId, deviceId } });
    return count > 0;
  },
});
