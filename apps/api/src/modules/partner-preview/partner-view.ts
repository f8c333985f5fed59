/**
 * What a partner organisation sees of one of our persons, read by the same rules it is served by:
 * the kinds' `visible…Where` filters built for the partner's viewer, and the row-level-security
 * policies with the transaction's database viewer set to that partner for the length of a
 * savepoint (`readAsOrganisation`, packages/db), then restored. No GraphQL runs in between.
 *
 * Only what a partner may read is selected: never a note, a legal name, an accompaniment's
 * outcome, a visit's reason or clinical notes and results, a referral's free text. Only records our organisation holds are
 * kept, so the preview never shows what the partner holds of its own.
 */
import { type OrganisationViewer, readAsOrganisation, type TransactionClient } from "@maillage/db";
import { isPossiblyMinor } from "@maillage/domain";
import {
  type AccessViewer,
  visibleAccompanimentWhere,
  visibleEncounterWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
  visibleReferralWhere,
} from "../../access/visible-records.ts";

/** The role a preview reads as: an outreach worker of the partner (the widest partner view). */
const partnerRoles: OrganisationViewer["roles"] = ["OUTREACH_WORKER"];
/** Newest first, as many records of each kind as a person's file shows on one page at most. */
const recordsPerKind = 100;

const profileSelect = {
  alias: true,
  birthYear: true,
  gender: true,
  languages: true,
  mayText: true,
  mayLeaveMessage: true,
  safeContactNote: true,
  inRegularFollowUp: true,
} as const;

/** The partner a preview reads as: always an organisation. */
type PartnerViewer = AccessViewer & { organisationId: string };

async function readRecords(
  tx: TransactionClient,
  partner: PartnerViewer,
  now: Date,
  person: { id: string; organisationId: string },
) {
  const ours = person.organisationId;
  const encounters = await tx.encounter.findMany({
    where: { personId: person.id, organisationId: ours, AND: [visibleEncounterWhere(partner, now)] },
    select: {
      occurredAt: true,
      channel: true,
      placeType: true,
      themes: true,
      headCount: true,
      materials: {
        select: { item: true, quantity: true, entry: { select: { labelFr: true, labelEn: true } } },
        orderBy: { item: "asc" },
      },
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: recordsPerKind,
  });
  const accompaniments = await tx.accompaniment.findMany({
    where: { personId: person.id, organisationId: ours, AND: [visibleAccompanimentWhere(partner, now)] },
    select: { destination: true, plannedAt: true, status: true, closedAt: true },
    orderBy: [{ plannedAt: "desc" }, { id: "desc" }],
    take: recordsPerKind,
  });
  // Visits we take part in (as the owner or the co-visiting worker's organisation), not the
  // partner's own.
  const nurseVisits = await tx.nurseVisit.findMany({
    where: {
      persons: { some: { personId: person.id } },
      AND: [
        { OR: [{ organisationId: ours }, { workerOrganisationId: ours }] },
        { organisationId: { not: partner.organisationId } },
        { workerOrganisationId: { not: partner.organisationId } },
        visibleNurseVisitWhere(partner, now),
      ],
    },
    select: {
      placeType: true,
      plannedStart: true,
      plannedEnd: true,
      status: true,
      acts: { select: { kind: true, count: true }, orderBy: { kind: "asc" } },
    },
    orderBy: [{ plannedStart: "desc" }, { id: "desc" }],
    take: recordsPerKind,
  });
  const referrals = await tx.referral.findMany({
    where: { personId: person.id, fromOrganisationId: ours, AND: [visibleReferralWhere(partner)] },
    select: { status: true, serviceRequested: true, urgency: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: recordsPerKind,
  });
  return { encounters, accompaniments, nurseVisits, referrals };
}

export type PartnerView = Awaited<ReturnType<typeof readPartnerView>>;

/**
 * The person as the partner sees them: the profile (null when the partner does not see the
 * person) and each kind's records, read on their own kind's rule as the partner would reach them.
 */
export async function readPartnerView(
  tx: TransactionClient,
  options: {
    now: Date;
    previewerId: string;
    person: { id: string; organisationId: string };
    partnerId: string;
  },
) {
  const { now, person, partnerId } = options;
  const partner: PartnerViewer = {
    userId: options.previewerId,
    organisationId: partnerId,
    roles: partnerRoles,
  };
  return readAsOrganisation(tx, { organisationId: partnerId, roles: partnerRoles }, async () => {
    const profile = await tx.person.findFirst({
      where: { id: person.id, AND: [visiblePersonWhere(partner, now)] },
      select: profileSelect,
    });
    return {
      profile: profile && { ...profile, possiblyMinor: isPossiblyMinor(profile.birthYear, now) },
      ...(await readRecords(tx, partner, now, person)),
    };
  });
}
