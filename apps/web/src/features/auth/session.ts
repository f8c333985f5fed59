import { type OrganisationAction, type RecordKind, readsOwn, takesAction, writesOwn } from "@maillage/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { RequestError, request, setCsrfToken } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";
import type { MeFieldsFragment } from "../../generated/graphql.ts";
import { offlineMe, rememberIdentity } from "../../offline/offline-identity.ts";

/** A programme's time zone, fiscal-year start and locale (its dates, days and figures follow them). */
export const ProgrammeSettingsFields = graphql(`
  fragment ProgrammeSettingsFields on ProgrammeSettings {
    timeZone
    fiscalYearStartMonth
    locale
  }
`);

/** What the app knows of the signed-in person: read by `me`, sign-in and organisation switch. */
export const MeFields = graphql(`
  fragment MeFields on Me {
    user {
      id
      email
      displayName
      locale
    }
    actingOrganisation {
      id
      name
      kind
    }
    roles
    memberships {
      organisation {
        id
        name
        kind
      }
      roles
    }
    committeeSeats {
      partnership {
        id
        name
        programmeSettings {
          ...ProgrammeSettingsFields
        }
      }
    }
    programmeSettings {
      ...ProgrammeSettingsFields
    }
    recordDates {
      startedOn
    }
    secondFactor {
      enabled
      required
      withheldRoles
      recoveryCodesLeft
    }
    csrfToken
  }
`);

const MeQuery = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);

export type Me = MeFieldsFragment;

export const meQueryKey = ["me"] as const;

/**
 * The signed-in person, from the API; with no network, as far as this phone knows (offline/
 * offline-identity.ts: roles, no names, no token), so that entries can still be made.
 */
export async function fetchMe(): Promise<Me | null> {
  let me: Me | null;
  try {
    me = (await request(MeQuery)).me;
  } catch (error) {
    const offline = error instanceof RequestError && error.code === "NETWORK" ? offlineMe() : null;
    if (offline) return offline;
    // The session ended (expired, ended by an admin): signed out, with a notice on the sign-in
    // page. What waits on the phone stays (offline/vault.ts keeps it locked, never wiped, here).
    if (error instanceof RequestError && error.code === "UNAUTHENTICATED") {
      sessionEndedNotice = true;
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
  setCsrfToken(me?.csrfToken ?? null);
  rememberIdentity(me);
  return me;
}

/** Set when the API said the session ended; the sign-in page tells it once. */
let sessionEndedNotice = false;

/** The API refused a request because the session ended (app/App.tsx): tell it on the sign-in page. */
export function noteSessionEnded() {
  sessionEndedNotice = true;
}

/**
 * Whether the sign-in page tells "your session ended": until the next sign-in (read, not taken,
 * so a sign-in page mounted again — a redirect, a re-render of the shell — still tells it).
 */
export function sessionEndedNoticeShown(): boolean {
  return sessionEndedNotice;
}

/** Signed in again: the notice has done its work. */
export function clearSessionEndedNotice() {
  sessionEndedNotice = false;
}

/** Whether this Me is the offline stand-in (no token: nothing is sent until `me` answers). */
export function isOfflineMe(me: Me): boolean {
  return me.csrfToken === "";
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user (screens below the app frame are only shown when signed in). */
export function useViewer(): Me {
  const client = useQueryClient();
  const me = client.getQueryData<Me | null>(meQueryKey);
  if (!me) throw new Error("useViewer outside a signed-in screen");
  return me;
}

/**
 * What the viewer may do in the acting organisation, read from the permission registry
 * (@maillage/domain) the API's scopes use: menus and buttons follow the same table.
 */
export function mayRead(me: Me, kind: RecordKind): boolean {
  return !!me.actingOrganisation && readsOwn(me.roles, kind);
}

export function mayWrite(me: Me, kind: RecordKind): boolean {
  return !!me.actingOrganisation && writesOwn(me.roles, kind);
}

export function mayTake(me: Me, action: OrganisationAction): boolean {
  return !!me.actingOrganisation && takesAction(me.roles, action);
}
