/**
 * What lets a signed-in worker open the app with no network (after a reload in a basement): her
 * roles and the kind of her acting organisation, so the menus and the entry form can be drawn,
 * and its programme settings (time zone, fiscal-year start, locale) and start date, so dates read
 * and are checked as online.
 * Kept in localStorage in the clear, so it holds nothing that names anyone: no name, no e-mail,
 * no organisation name, no token (the session cookie stays the API's business). Cleared at
 * sign-out and whenever the API says there is no session.
 */
import { defaultProgrammeSettings } from "@maillage/domain";
import type { Me } from "../features/auth/session.ts";

const storageKey = "maillage-offline-identity";

interface OfflineIdentity {
  userId: string;
  locale: string;
  roles: Me["roles"];
  organisation: { id: string; kind: NonNullable<Me["actingOrganisation"]>["kind"] } | null;
  /** Absent in what an older version kept: the defaults then. */
  programmeSettings?: Me["programmeSettings"];
  /** The organisation's start date (the date rule's earliest day); absent: checked once online. */
  recordDates?: Me["recordDates"];
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Remembers (or, with null, forgets) what the offline app needs of the signed-in person. */
export function rememberIdentity(me: Me | null): void {
  const store = storage();
  if (!store) return;
  if (!me) {
    store.removeItem(storageKey);
    return;
  }
  const identity: OfflineIdentity = {
    userId: me.user.id,
    locale: me.user.locale,
    roles: me.roles,
    organisation: me.actingOrganisation
      ? { id: me.actingOrganisation.id, kind: me.actingOrganisation.kind }
      : null,
    programmeSettings: me.programmeSettings,
    recordDates: me.recordDates,
  };
  store.setItem(storageKey, JSON.stringify(identity));
}

/**
 * The signed-in person as far as this device knows without the network: a Me with empty names
 * and no CSRF token (nothing can be sent until the API answers `me` again). Null if unknown.
 */
export function offlineMe(): Me | null {
  const text = storage()?.getItem(storageKey);
  if (!text) return null;
  let identity: OfflineIdentity;
  try {
    identity = JSON.parse(text) as OfflineIdentity;
  } catch {
    return null;
  }
  const organisation = identity.organisation ? { ...identity.organisation, name: "" } : null;
  return {
    user: { id: identity.userId, email: "", displayName: "", locale: identity.locale },
    actingOrganisation: organisation,
    roles: identity.roles,
    memberships: organisation ? [{ organisation, roles: identity.roles }] : [],
    committeeSeats: [],
    programmeSettings: identity.programmeSettings ?? { ...defaultProgrammeSettings },
    recordDates: identity.recordDates ?? null,
    // Offline, roles are the ones last used online (withheld ones were never among them).
    secondFactor: { enabled: false, required: false, withheldRoles: [], recoveryCodesLeft: 0 },
    csrfToken: "",
  } as Me;
}
