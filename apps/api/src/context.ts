import type { Database, TransactionClient, Viewer } from "@maillage/db";
import type { Locale } from "@maillage/domain";

/** Where the request came from, for the audit log and the sign-in throttle. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  /** Served over HTTPS (directly or behind a proxy that says so): cookies get `Secure`. */
  secure: boolean;
}

/**
 * Built once per request by server.ts: the viewer checked by app.begin_request inside the
 * request's transaction, and that transaction's client. Resolvers reach the database only
 * through `tx` (Pothos' Prisma plugin uses it too), so every query runs under the viewer's
 * row-level security.
 */
export interface Context {
  viewer: Viewer | null;
  /** The request's time: every "in force now" check of this request uses it. */
  now: Date;
  tx: TransactionClient;
  db: Database;
  locale: Locale;
  origin: RequestOrigin;
  /** Whether x-csrf-token matched the session's token (required for signed-in mutations). */
  csrfVerified: boolean;
  /** The session cookie's secret, when one was sent. */
  sessionToken: string | null;
  /** Persons whose file this request already audited (one event per person per request). */
  auditedPersonReads?: Set<string>;
  /** Set while a "see as partner" preview runs: nothing is audited as the previewed partner. */
  previewing?: boolean;
  /** Cookies to set on the response (session cookie on sign-in, cleared on sign-out). */
  responseCookies: string[];
}

/** A context whose viewer is known, as narrowed by the `signedIn` scope. */
export type SignedInContext = Context & { viewer: Viewer };
