import type { Database, TransactionClient, Viewer } from "@maillage/db";
import type { Locale } from "@maillage/domain";
import type { OperationOutcome } from "./operation-outcome.ts";

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
  /** The remembered-browser cookie (modules/auth/second-factor.ts), when one was sent. */
  deviceToken: string | null;
  /** Persons whose file this request already audited (one event per person per request). */
  auditedPersonReads?: Set<string>;
  /** Cookies to set on the response (session cookie on sign-in, cleared on sign-out). */
  responseCookies: string[];
  /**
   * What the operation's mutation fields came to, shared by every copy of this context: one
   * failed field rolls the whole operation back (operation-outcome.ts).
   */
  outcome: OperationOutcome;
}

/** A context whose viewer is known, as narrowed by the `signedIn` scope. */
export type SignedInContext = Context & { viewer: Viewer };

/** A viewer acting as an organisation (every working role and every admin acts as one). */
export type ActingViewer = Viewer & { organisationId: string };

/**
 * A context whose viewer acts as an organisation, as narrowed by the `role`, `workingRole`,
 * `readsOwn` and `writesOwn` scopes (each requires an acting organisation): resolvers behind
 * them read `ctx.viewer.organisationId` as a string.
 */
export type ActingContext = Context & { viewer: ActingViewer };
