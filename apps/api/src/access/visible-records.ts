/**
 * Where authorization is declared for reads: one `visible…Where(viewer)` filter per record
 * kind, built from the permission registry. Every list, connection and lookup by id uses them,
 * so a record the viewer may not see is simply not found. PostgreSQL's row-level security
 * (prisma/migrations) enforces the same rules underneath; the permission matrix test checks
 * both layers against the expected cells.
 */
import type { Prisma } from "@maillage/db/prisma";
import {
  noticePrefixesFor,
  partnerSharing,
  type RecordKind,
  readsAsPartner,
  readsOwn,
  type SharedRecordKind,
  seesTeamRecords,
} from "@maillage/domain";

/** Who a filter is built for: the request's viewer, or a partner in a "see as" preview. */
export interface AccessViewer {
  userId: string;
  organisationId: string | null;
  roles: readonly string[];
  /**
   * The acting organisation restricts team visibility (app.begin_request). Unknown counts as
   * restricted: a viewer built without it sees the fewer records.
   */
  teamVisibilityRestricted?: boolean;
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
  const [only] = present;
  if (only === undefined) return nothing;
  if (present.length === 1) return only;
  return { OR: present } as W;
}

/**
 * The kind under which a partner's records of `kind` are shared with the viewer's organisation,
 * or null. Every filter takes a null viewer (no session) and then lets nothing through: the
 * scopes keep such a caller out before any filter runs, and were one to miss, nothing is visible.
 */
function sharedKind(
  viewer: AccessViewer | null,
  kind: RecordKind,
): { organisationId: string; kind: SharedRecordKind } | null {
  const shared = partnerSharing[kind];
  return viewer?.organisationId && shared && readsAsPartner(viewer.roles, kind)
    ? { organisationId: viewer.organisationId, kind: shared }
    : null;
}

function own(viewer: AccessViewer | null, kind: RecordKind): string | null {
  return viewer?.organisationId && readsOwn(viewer.roles, kind) ? viewer.organisationId : null;
}

/** The persons in the viewer's caseload: those she follows and those whose file she opened. */
export function caseloadPersonWhere(viewer: AccessViewer): Prisma.PersonWhereInput {
  return { OR: [{ createdById: viewer.userId }, { followers: { some: { userId: viewer.userId } } }] };
}

/**
 * A record of the viewer's own organisation (rule 1): all of them when she sees the team's;
 * where the organisation restricts team visibility, those that are hers (`hers`) or about a
 * person of her caseload (`aboutCaseload`) — coordinators still see the team's.
 */
function ownRecords<W extends object>(
  viewer: AccessViewer | null,
  owner: W,
  hers: W[],
  aboutCaseload: (persons: Prisma.PersonWhereInput) => W,
): W {
  // No viewer: `OR: []` matches nothing (never reached, the callers hold an organisation).
  if (!viewer) return { ...owner, OR: [] };
  if (seesTeamRecords(viewer.roles, viewer.teamVisibilityRestricted ?? true)) return owner;
  return { ...owner, OR: [...hers, aboutCaseload(caseloadPersonWhere(viewer))] };
}

/** A joint visit on the viewer's organisation's side that is hers to see (rule 1). */
function ownVisitWhere(
  viewer: AccessViewer | null,
  side: Prisma.NurseVisitWhereInput,
): Prisma.NurseVisitWhereInput {
  return ownRecords<Prisma.NurseVisitWhereInput>(
    viewer,
    side,
    viewer ? [{ nurseId: viewer.userId }, { workerId: viewer.userId }] : [],
    (person) => ({ persons: { some: { person } } }),
  );
}

/**
 * A person's file. A file merged into another (modules/persons/merge.ts) is nobody's to see any
 * more: its records were moved to the kept file, and its old id is not found.
 */
export function visiblePersonWhere(viewer: AccessViewer | null, now: Date): Prisma.PersonWhereInput {
  const organisationId = own(viewer, "PERSON_PROFILE");
  const shared = sharedKind(viewer, "PERSON_PROFILE");
  return { mergedIntoId: null, AND: [visibleFileWhere(organisationId, shared, viewer, now)] };
}

function visibleFileWhere(
  organisationId: string | null,
  shared: ReturnType<typeof sharedKind>,
  viewer: AccessViewer | null,
  now: Date,
): Prisma.PersonWhereInput {
  return either<Prisma.PersonWhereInput>([
    organisationId
      ? ownRecords<Prisma.PersonWhereInput>(viewer, { organisationId }, [], (caseload) => caseload)
      : null,
    shared ? personSharedWhere(shared.organisationId, shared.kind, now) : null,
  ]);
}

export function visibleEncounterWhere(viewer: AccessViewer | null, now: Date): Prisma.EncounterWhereInput {
  const organisationId = own(viewer, "ENCOUNTER");
  const shared = sharedKind(viewer, "ENCOUNTER");
  return either<Prisma.EncounterWhereInput>([
    organisationId
      ? ownRecords<Prisma.EncounterWhereInput>(
          viewer,
          { organisationId },
          viewer ? [{ authorId: viewer.userId }, { coWorkerIds: { has: viewer.userId } }] : [],
          (person) => ({ person }),
        )
      : null,
    shared ? { person: personSharedWhere(shared.organisationId, shared.kind, now) } : null,
  ]);
}

export function visibleAccompanimentWhere(
  viewer: AccessViewer | null,
  now: Date,
): Prisma.AccompanimentWhereInput {
  const organisationId = own(viewer, "ACCOMPANIMENT");
  const shared = sharedKind(viewer, "ACCOMPANIMENT");
  return either<Prisma.AccompanimentWhereInput>([
    organisationId
      ? ownRecords<Prisma.AccompanimentWhereInput>(
          viewer,
          { organisationId },
          viewer ? [{ workerId: viewer.userId }] : [],
          (person) => ({ person }),
        )
      : null,
    shared ? { person: personSharedWhere(shared.organisationId, shared.kind, now) } : null,
  ]);
}

/** Joint visits: the owning organisation and the co-visiting worker's, then consented partners. */
export function visibleNurseVisitWhere(viewer: AccessViewer | null, now: Date): Prisma.NurseVisitWhereInput {
  const organisationId = own(viewer, "NURSE_VISIT");
  const shared = sharedKind(viewer, "NURSE_VISIT");
  return either<Prisma.NurseVisitWhereInput>([
    organisationId ? ownVisitWhere(viewer, { organisationId }) : null,
    organisationId ? ownVisitWhere(viewer, { workerOrganisationId: organisationId }) : null,
    shared
      ? { persons: { some: { person: personSharedWhere(shared.organisationId, shared.kind, now) } } }
      : null,
  ]);
}

/** Clinical notes and results: nurses of the organisation that owns the visit only. */
export function visibleClinicalNoteWhere(viewer: AccessViewer | null): Prisma.ClinicalNoteWhereInput {
  const organisationId = own(viewer, "CLINICAL_NOTE");
  if (!organisationId) return nothing;
  return ownRecords<Prisma.ClinicalNoteWhereInput>(
    viewer,
    { organisationId },
    viewer ? [{ authorId: viewer.userId }] : [],
    () => ({ nurseVisit: ownVisitWhere(viewer, { organisationId }) }),
  );
}

/**
 * Whether the viewer reads a joint visit's free-text reason: the two organisations taking part
 * in it (the owner and the co-visiting worker's), never a partner that sees the visit's
 * logistics through a consent. (Row-level security holds the reason's own table the same way.)
 */
export function readsVisitReason(
  viewer: AccessViewer | null,
  visit: { organisationId: string; workerOrganisationId: string },
): boolean {
  return (
    readsOwnRecord(viewer, "NURSE_VISIT", visit.organisationId) ||
    readsOwnRecord(viewer, "NURSE_VISIT", visit.workerOrganisationId)
  );
}

/** A referral and its history: the sending and the receiving organisation. */
export function visibleReferralWhere(viewer: AccessViewer | null): Prisma.ReferralWhereInput {
  const organisationId = own(viewer, "REFERRAL");
  return organisationId
    ? {
        OR: [
          ownRecords<Prisma.ReferralWhereInput>(
            viewer,
            { fromOrganisationId: organisationId },
            viewer ? [{ fromUserId: viewer.userId }] : [],
            (person) => ({ person }),
          ),
          // Received: the inbox is the organisation's (the person is another organisation's).
          { toOrganisationId: organisationId },
        ],
      }
    : nothing;
}

export function visibleConsentWhere(viewer: AccessViewer | null): Prisma.ConsentWhereInput {
  const organisationId = own(viewer, "CONSENT");
  return organisationId
    ? ownRecords<Prisma.ConsentWhereInput>(
        viewer,
        { organisationId },
        viewer ? [{ recordedById: viewer.userId }] : [],
        (person) => ({ person }),
      )
    : nothing;
}

/**
 * In-app notices: addressed to the viewer or to her whole organisation, and only of the kinds
 * her roles act on (a committee member or an admin without a working role gets none).
 */
export function visibleNotificationWhere(viewer: AccessViewer | null): Prisma.NotificationWhereInput {
  const prefixes = viewer?.organisationId ? noticePrefixesFor(viewer.roles) : [];
  if (!viewer?.organisationId || prefixes.length === 0) return nothing;
  return {
    organisationId: viewer.organisationId,
    AND: [
      { OR: [{ userId: null }, { userId: viewer.userId }] },
      { OR: prefixes.map((prefix) => ({ kind: { startsWith: prefix } })) },
    ],
  };
}

/** A partnership (its name, members, agreement): its member organisations and its committee. */
export function visiblePartnershipWhere(
  viewer: (AccessViewer & { committeePartnershipIds?: readonly string[] }) | null,
): Prisma.PartnershipWhereInput {
  const seats = viewer?.committeePartnershipIds ?? [];
  return either<Prisma.PartnershipWhereInput>([
    viewer?.organisationId ? { members: { some: { organisationId: viewer.organisationId } } } : null,
    seats.length > 0 ? { id: { in: [...seats] } } : null,
  ]);
}

export function visibleVenueWhere(viewer: AccessViewer | null): Prisma.VenueWhereInput {
  const organisationId = own(viewer, "VENUE");
  return organisationId ? { organisationId } : nothing;
}

/**
 * Workshops and prevention kiosks: the owning organisation's members by role, the whole team's
 * (they hold no person, so restricted team visibility does not narrow them); never a partner's.
 */
export function visibleWorkshopWhere(viewer: AccessViewer | null): Prisma.WorkshopWhereInput {
  const organisationId = own(viewer, "WORKSHOP");
  return organisationId ? { organisationId } : nothing;
}

/**
 * A street team's shift reports: the owning organisation's team, whoever wrote them — the
 * handover is for the next shift, and a report names no person, so a restricted team visibility
 * does not narrow it. Never a partner's, never a committee's.
 */
export function visibleShiftReportWhere(viewer: AccessViewer | null): Prisma.ShiftReportWhereInput {
  const organisationId = own(viewer, "SHIFT_REPORT");
  return organisationId ? { organisationId } : nothing;
}

/**
 * Material delivery requests (the confidential line): the owning organisation's outreach workers
 * and coordinators; where team visibility is restricted, a worker's own (assigned to her or
 * logged by her) and those of her caseload's persons. Never a partner's, never a committee's.
 */
export function visibleMaterialDeliveryWhere(viewer: AccessViewer | null): Prisma.MaterialDeliveryWhereInput {
  const organisationId = own(viewer, "MATERIAL_DELIVERY");
  return organisationId
    ? ownRecords<Prisma.MaterialDeliveryWhereInput>(
        viewer,
        { organisationId },
        viewer ? [{ assignedToId: viewer.userId }, { requestedById: viewer.userId }] : [],
        (person) => ({ person }),
      )
    : nothing;
}

/**
 * A night centre's evenings: the owning organisation's team, whoever opened them — an evening
 * names no person (its visits are encounters, under visibleEncounterWhere), so a restricted team
 * visibility does not narrow it. Never a partner's, never a committee's.
 */
export function visibleNightCentreEveningWhere(
  viewer: AccessViewer | null,
): Prisma.NightCentreEveningWhereInput {
  const organisationId = own(viewer, "NIGHT_CENTRE_EVENING");
  return organisationId ? { organisationId } : nothing;
}

/**
 * The intake form of a person's first visit: the owning organisation's, never a partner's
 * whatever the person's consent; where the team's visibility is restricted, the intakes she made
 * and those of her caseload (like the person's encounters).
 */
export function visibleIntakeAssessmentWhere(viewer: AccessViewer | null): Prisma.IntakeAssessmentWhereInput {
  const organisationId = own(viewer, "INTAKE_ASSESSMENT");
  return organisationId
    ? ownRecords<Prisma.IntakeAssessmentWhereInput>(
        viewer,
        { organisationId },
        viewer ? [{ assessedById: viewer.userId }] : [],
        (person) => ({ person }),
      )
    : nothing;
}

/** Active or not: the alerts of every partnership the viewer's organisation belongs to. */
export function visibleSafetyAlertWhere(viewer: AccessViewer | null): Prisma.SafetyAlertWhereInput {
  const organisationId = own(viewer, "SAFETY_ALERT");
  return organisationId ? { partnership: { members: { some: { organisationId } } } } : nothing;
}

export function visibleAuditEventWhere(viewer: AccessViewer | null): Prisma.AuditEventWhereInput {
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
