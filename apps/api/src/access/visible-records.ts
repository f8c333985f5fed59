/**
 * Where authorization is declared for reads: one `visible…Where(viewer)` filter per record
 * kind, built from the permission registry. Every list, connection and lookup by id uses them,
 * so a record the viewer may not see is simply not found. PostgreSQL's row-level security
 * (prisma/migrations) enforces the same rules underneath; the permission matrix test checks
 * both layers against the expected cells.
 */
import type { Prisma } from "@maillage/db/prisma";
import {
  partnerSharing,
  type RecordKind,
  readsAsPartner,
  readsOwn,
  type SharedRecordKind,
} from "@maillage/domain";

/** Who a filter is built for: the request's viewer, or a partner in a "see as" preview. */
export interface AccessViewer {
  userId: string;
  organisationId: string | null;
  roles: readonly string[];
}

const nothing = { id: { in: [] as string[] } };

/** A consent of the person in force now, naming the viewer's organisation or a partnership of it. */
export function consentInForceWhere(
  organisationId: string,
  kind: SharedRecordKind,
  now: Date,
): Prisma.ConsentWhereInput {
  return {
    withdrawnAt: null,
    startsAt: { lte: now },
    recordKinds: { has: kind },
    AND: [
      { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      {
        OR: [
          { granteeOrganisationId: organisationId },
          {
            granteePartnership: {
              members: { some: { organisationId } },
              sharingAgreement: { recordKinds: { has: kind } },
            },
          },
        ],
      },
    ],
  };
}

/**
 * A person of another organisation shared with the viewer's for `kind`: an active consent,
 * within a sharing agreement of a partnership both organisations belong to.
 */
export function personSharedWhere(
  organisationId: string,
  kind: SharedRecordKind,
  now: Date,
): Prisma.PersonWhereInput {
  return {
    organisationId: { not: organisationId },
    consents: { some: consentInForceWhere(organisationId, kind, now) },
    organisation: {
      partnerships: {
        some: {
          partnership: {
            members: { some: { organisationId } },
            sharingAgreement: { recordKinds: { has: kind } },
          },
        },
      },
    },
  };
}

function either<W extends object>(clauses: (W | null)[]): W | typeof nothing {
  const present = clauses.filter((clause): clause is W => clause !== null);
  if (present.length === 0) return nothing;
  if (present.length === 1) return present[0]!;
  return { OR: present } as W;
}

function sharedKind(viewer: AccessViewer, kind: RecordKind): SharedRecordKind | null {
  return viewer.organisationId && readsAsPartner(viewer.roles, kind) ? (partnerSharing[kind] ?? null) : null;
}

function own(viewer: AccessViewer, kind: RecordKind): string | null {
  return viewer.organisationId && readsOwn(viewer.roles, kind) ? viewer.organisationId : null;
}

export function visiblePersonWhere(viewer: AccessViewer, now: Date): Prisma.PersonWhereInput {
  const organisationId = own(viewer, "PERSON_PROFILE");
  const shared = sharedKind(viewer, "PERSON_PROFILE");
  return either<Prisma.PersonWhereInput>([
    organisationId ? { organisationId } : null,
    shared ? personSharedWhere(viewer.organisationId!, shared, now) : null,
  ]);
}

export function visibleEncounterWhere(viewer: AccessViewer, now: Date): Prisma.EncounterWhereInput {
  const organisationId = own(viewer, "ENCOUNTER");
  const shared = sharedKind(viewer, "ENCOUNTER");
  return either<Prisma.EncounterWhereInput>([
    organisationId ? { organisationId } : null,
    shared ? { person: personSharedWhere(viewer.organisationId!, shared, now) } : null,
  ]);
}

export function visibleAccompanimentWhere(viewer: AccessViewer, now: Date): Prisma.AccompanimentWhereInput {
  const organisationId = own(viewer, "ACCOMPANIMENT");
  const shared = sharedKind(viewer, "ACCOMPANIMENT");
  return either<Prisma.AccompanimentWhereInput>([
    organisationId ? { organisationId } : null,
    shared ? { person: personSharedWhere(viewer.organisationId!, shared, now) } : null,
  ]);
}

/** Joint visits: the owning organisation and the co-visiting worker's, then consented partners. */
export function visibleNurseVisitWhere(viewer: AccessViewer, now: Date): Prisma.NurseVisitWhereInput {
  const organisationId = own(viewer, "NURSE_VISIT");
  const shared = sharedKind(viewer, "NURSE_VISIT");
  return either<Prisma.NurseVisitWhereInput>([
    organisationId ? { organisationId } : null,
    organisationId ? { workerOrganisationId: organisationId } : null,
    shared ? { persons: { some: { person: personSharedWhere(viewer.organisationId!, shared, now) } } } : null,
  ]);
}

/** Clinical notes and results: nurses of the organisation that owns the visit only. */
export function visibleClinicalNoteWhere(viewer: AccessViewer): Prisma.ClinicalNoteWhereInput {
  const organisationId = own(viewer, "CLINICAL_NOTE");
  return organisationId ? { organisationId } : nothing;
}

/** A referral and its history: the sending and the receiving organisation. */
export function visibleReferralWhere(viewer: AccessViewer): Prisma.ReferralWhereInput {
  const organisationId = own(viewer, "REFERRAL");
  return organisationId
    ? { OR: [{ fromOrganisationId: organisationId }, { toOrganisationId: organisationId }] }
    : nothing;
}

export function visibleConsentWhere(viewer: AccessViewer): Prisma.ConsentWhereInput {
  const organisationId = own(viewer, "CONSENT");
  return organisationId ? { organisationId } : nothing;
}

export function visibleVenueWhere(viewer: AccessViewer): Prisma.VenueWhereInput {
  const organisationId = own(viewer, "VENUE");
  return organisationId ? { organisationId } : nothing;
}

/** Active or not: the alerts of every partnership the viewer's organisation belongs to. */
export function visibleSafetyAlertWhere(viewer: AccessViewer): Prisma.SafetyAlertWhereInput {
  const organisationId = own(viewer, "SAFETY_ALERT");
  return organisationId ? { partnership: { members: { some: { organisationId } } } } : nothing;
}

export function visibleAuditEventWhere(viewer: AccessViewer): Prisma.AuditEventWhereInput {
  const organisationId = own(viewer, "AUDIT_EVENT");
  return organisationId ? { organisationId } : { id: { in: [] as bigint[] } };
}

/** Whether a field of a record owned by `ownerOrganisationId` is the viewer's to read. */
export function readsOwnRecord(
  viewer: AccessViewer | null,
  kind: RecordKind,
  ownerOrganisationId: string,
): boolean {
  return viewer !== null && viewer.organisationId === ownerOrganisationId && readsOwn(viewer.roles, kind);
}
