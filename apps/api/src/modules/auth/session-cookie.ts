import { randomBytes } from "node:crypto";
import type { Viewer } from "@maillage/db";

export const sessionCookieName = "maillage_session";
export const sessionLifetimeHours = 12;

export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * HttpOnly (no script reads it), SameSite=Lax, Secure when served over HTTPS (`secure` is
 * http/acting-route.ts requestOrigin's decision). `maxAgeSeconds`: the session's lifetime, or
 * what is left of it when app.begin_request renews the cookie with the sliding expiry.
 */
export function sessionCookie(
  token: string,
  secure: boolean,
  maxAgeSeconds: number = sessionLifetimeHours * 3600,
): string {
  return [
    `${sessionCookieName}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [
    `${sessionCookieName}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value.length > 0 && value.length <= 200 ? value : null;
    }
  }
  return null;
}

/**
 * A cookie was sent but names no session in force (expired, signed out elsewhere, ended by an
 * admin, its account disabled): it is cleared with the answer, which refuses every signed-in
 * field with UNAUTHENTICATED (builder.ts).
 */
export function sessionEnded(sessionToken: string | null, viewer: Viewer | null): boolean {
  return sessionToken !== null && viewer === null;
}

/** The cookies every answer starts with: the cleared cookie of an ended session, else none. */
export function endedSessionCookies(
  sessionToken: string | null,
  viewer: Viewer | null,
  secure: boolean,
): string[] {
  return sessionEnded(sessionToken, viewer) ? [clearedSessionCookie(secure)] : [];
}

/** The session's cookie with a new Max-Age, when app.begin_request slid the session and renewal is due. */
export function renewedSessionCookie(
  sessionToken: string | null,
  viewer: Viewer | null,
  secure: boolean,
): string | null {
  if (!sessionToken || !viewer?.cookieMaxAge) return null;
  return sessionCookie(sessionToken, secure, viewer.cookieMaxAge);
}
