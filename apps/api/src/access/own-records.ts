import type { ActingContext } from "../context.ts";
import { fieldProblem, NotFoundError } from "../errors.ts";
import { decodeId } from "../global-ids.ts";
import {
  visibleAccompanimentWhere,
  visibleConsentWhere,
  visibleEncounterWhere,
  visibleIntakeAssessmentWhere,
  visibleMaterialDeliveryWhere,
  visibleNightCentreEveningWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
  visibleReferralWhere,
  visibleSafetyAlertWhere,
  visibleShiftReportWhere,
  visibleVenueWhere,
  visibleWorkshopWhere,
} from "./visible-records.ts";

/**
 * The id of a person of the acting organisation named in a mutation's input, or a field error
 * at `path` — whether the person does not exist, belongs to another organisation or is hidden.
 */
export async function ownPersonId(ctx: ActingContext, globalId: string, path: string): Promise<string> {
  const viewer = ctx.viewer;
  const id = decodeId(globalId, "Person");
  const person = id
    ? await ctx.tx.person.findFirst({
        where: { id, organisationId: viewer.organisationId, AND: [visiblePersonWhere(viewer, ctx.now)] },
        select: { id: true },
      })
    : null;
  if (!person) throw fieldProblem(ctx.locale, path, "NOT_FOUND");
  return person.id;
}

/**
 * The visible…Where filter (visible-records.ts) of each kind a mutation names by its global id:
 * the kind's name is the id's typename, so the two cannot disagree.
 */
const visibleWhereOf = {
  Accompaniment: visibleAccompanimentWhere,
  Consent: visibleConsentWhere,
  Encounter: visibleEncounterWhere,
  IntakeAssessment: visibleIntakeAssessmentWhere,
  NightCentreEvening: visibleNightCentreEveningWhere,
  MaterialDelivery: visibleMaterialDeliveryWhere,
  NurseVisit: visibleNurseVisitWhere,
  Person: visiblePersonWhere,
  Referral: visibleReferralWhere,
  SafetyAlert: visibleSafetyAlertWhere,
  ShiftReport: visibleShiftReportWhere,
  Venue: visibleVenueWhere,
  Workshop: visibleWorkshopWhere,
} satisfies Record<string, (viewer: ActingContext["viewer"], now: Date) => unknown>;

export type NamedKind = keyof typeof visibleWhereOf;
type VisibleOf<K extends NamedKind> = ReturnType<(typeof visibleWhereOf)[K]>;

/**
 * The record of kind `typename` a mutation names by `globalId`, as `find` loads it with the
 * `where` given — the id, the acting organisation and the viewer's visible…Where for that kind —
 * or NotFoundError, the same answer whether it does not exist, belongs to another organisation
 * or is hidden from the viewer. `find` may narrow `where`, never widen it.
 */
export async function ownRecordOrNotFound<K extends NamedKind, Found>(
  ctx: ActingContext,
  typename: K,
  globalId: string,
  find: (where: { id: string; organisationId: string; AND: VisibleOf<K>[] }) => Promise<Found | null>,
): Promise<Found> {
  const visible = visibleWhereOf[typename](ctx.viewer, ctx.now) as VisibleOf<K>;
  const organisationId = ctx.viewer.organisationId;
  return recordOrNotFound(ctx, globalId, typename, (id) => find({ id, organisationId, AND: [visible] }));
}

/**
 * Like ownRecordOrNotFound for a record another organisation may own yet the viewer may act on
 * (a referral she received, a visit she takes part in): only the visible…Where bounds it.
 */
export async function visibleRecordOrNotFound<K extends NamedKind, Found>(
  ctx: ActingContext,
  typename: K,
  globalId: string,
  find: (where: { id: string; AND: VisibleOf<K>[] }) => Promise<Found | null>,
): Promise<Found> {
  const visible = visibleWhereOf[typename](ctx.viewer, ctx.now) as VisibleOf<K>;
  return recordOrNotFound(ctx, globalId, typename, (id) => find({ id, AND: [visible] }));
}

async function recordOrNotFound<Found>(
  ctx: ActingContext,
  globalId: string,
  typename: string,
  find: (id: string) => Promise<Found | null>,
): Promise<Found> {
  const id = decodeId(globalId, typename);
  const record = id ? await find(id) : null;
  if (!record) throw new NotFoundError(ctx.locale);
  return record;
}
