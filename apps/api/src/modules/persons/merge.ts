/**
 * Merging two files of the acting organisation found to be the same person (coordinators): every
 * record of the merged file moves to the kept one in the operation's one transaction, the merged
 * file is marked (merged_into_id, merged_at) and hidden everywhere — `node(id:)` and `person(id:)`
 * of its old id answer not found (visible-records.ts visiblePersonWhere): a Relay id names one
 * node, and answering another under it would confuse every cache that holds it; the audit event
 * names both ids for whoever follows an old link.
 *
 * Partners: a consent is what opens a file to a partner, and moving records joins the two
 * histories. Moving the merged file's consents to the kept file (or the kept file's consents
 * onto the merged file's records) would let a partner see history it was never allowed to. So
 * the merge is refused (MERGE_CONSENTS_DIFFER) unless the two files share the same kinds with
 * the same grantees, from no later and for no shorter on either side (open referrals count as the
 * profile shared with their receiver): then nothing widens. Refusing is the safer choice over an
 * "I understand" option: the coordinator can make them agree with the consent screens she already
 * has (withdraw one, or record the person's consent on the other file), each step with its own
 * audit trail, instead of one click widening a partner's view silently.
 *
 * Row-level security: the moves run as the app role under each table's policies (encounters,
 * accompaniments, referrals, legal name, followers, and the mark itself: persons_merged_by_
 * coordinators); consents, visit participations and clinical notes, which the app role may not
 * rewrite, are moved by app.move_merged_person_records (migration 20261202030000_archive_and_
 * merge), narrowed to the file marked merged in this very transaction, which also fails the
 * whole merge if any record still names the merged file.
 */
import { type Locale, openReferralStatuses } from "@maillage/domain";
import { mergePersonsInput } from "@maillage/domain/inputs";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import {
  visibleAccompanimentWhere,
  visibleConsentWhere,
  visibleEncounterWhere,
  visibleNurseVisitWhere,
  visibleReferralWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext, Context } from "../../context.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { AppErrorInterface } from "../errors/errors.types.ts";
import { PersonNode } from "./persons.types.ts";

/** Merging would widen what a partner sees: the two files' consents do not match. */
export class MergeConsentsDifferError extends AppError {
  constructor(locale: Locale) {
    super("MERGE_CONSENTS_DIFFER", locale);
  }
}

builder.objectType(MergeConsentsDifferError, {
  name: "MergeConsentsDifferError",
  interfaces: [AppErrorInterface],
});

/** How many records of each kind moved (or, in a preview, would move) to the kept file. */
export interface MovedRecords {
  encounters: number;
  accompaniments: number;
  nurseVisits: number;
  referrals: number;
  consents: number;
  clinicalNotes: number;
  followers: number;
  legalName: number;
}

const MovedRecordsRef = builder.objectRef<Partial<MovedRecords>>("MovedRecords").implement({
  description: "Records of the merged file, per kind, that move to the kept file.",
  fields: (t) => ({
    encounters: t.int({ resolve: (m) => m.encounters ?? 0 }),
    accompaniments: t.int({ resolve: (m) => m.accompaniments ?? 0 }),
    nurseVisits: t.int({
      description: "Joint visits she takes part in.",
      resolve: (m) => m.nurseVisits ?? 0,
    }),
    referrals: t.int({ resolve: (m) => m.referrals ?? 0 }),
    consents: t.int({
      description: "In force or not (their history moves too).",
      resolve: (m) => m.consents ?? 0,
    }),
    followers: t.int({ resolve: (m) => m.followers ?? 0 }),
    legalName: t.int({
      description: "1 when the kept file takes the merged file's legal name.",
      resolve: (m) => m.legalName ?? 0,
    }),
  }),
});

interface SharingEntry {
  grantee: string;
  kind: string;
  from: number;
  until: number | null;
}

/** What a file shares, with whom, from when and until when: its consents in force or to come, and open referrals. */
async function sharingOf(ctx: ActingContext, personId: string): Promise<SharingEntry[]> {
  const now = ctx.now.getTime();
  const [consents, referrals] = await Promise.all([
    ctx.tx.consent.findMany({
      where: {
        personId,
        withdrawnAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: ctx.now } }],
      },
      select: {
        granteeOrganisationId: true,
        granteePartnershipId: true,
        recordKinds: true,
        startsAt: true,
        expiresAt: true,
      },
    }),
    ctx.tx.referral.findMany({
      where: { personId, status: { in: [...openReferralStatuses] } },
      select: { toOrganisationId: true },
    }),
  ]);
  return [
    ...consents.flatMap((c) =>
      c.recordKinds.map((kind) => ({
        grantee: c.granteeOrganisationId
          ? `organisation ${c.granteeOrganisationId}`
          : `partnership ${c.granteePartnershipId}`,
        kind,
        from: Math.max(c.startsAt.getTime(), now),
        until: c.expiresAt?.getTime() ?? null,
      })),
    ),
    // An open referral shows the receiver the person's profile until it is closed.
    ...referrals.map((r) => ({
      grantee: `organisation ${r.toOrganisationId}`,
      kind: "PROFILE",
      from: now,
      until: null,
    })),
  ];
}

/** Every entry of `a` is covered by one of `b`: same grantee and kind, from no later, for no shorter. */
function covered(a: SharingEntry[], b: SharingEntry[]): boolean {
  return a.every((entry) =>
    b.some(
      (other) =>
        other.grantee === entry.grantee &&
        other.kind === entry.kind &&
        other.from <= entry.from &&
        (other.until === null || (entry.until !== null && other.until >= entry.until)),
    ),
  );
}

/** Whether merging the two files would let a partner see anything it could not see before. */
async function sharingMatches(ctx: ActingContext, keepId: string, mergeId: string): Promise<boolean> {
  const [keep, merge] = await Promise.all([sharingOf(ctx, keepId), sharingOf(ctx, mergeId)]);
  return covered(keep, merge) && covered(merge, keep);
}

/** The two files, both the acting organisation's, visible to the viewer and not merged. */
async function filesToMerge(ctx: ActingContext, keepGlobalId: string, mergeGlobalId: string) {
  const find = (globalId: string) =>
    ownRecordOrNotFound(ctx, "Person", globalId, (where) =>
      ctx.tx.person.findFirst({
        where,
        select: { id: true, createdById: true, legalName: { select: { personId: true } } },
      }),
    );
  const keep = await find(keepGlobalId);
  const merge = await find(mergeGlobalId);
  if (keep.id === merge.id) throw new NotFoundError(ctx.locale);
  return { keep, merge };
}

/** What would move, as the viewer sees it (clinical notes are the nurses' and are not counted). */
async function recordsOf(
  ctx: ActingContext,
  personId: string,
  keepHasLegalName: boolean,
): Promise<MovedRecords> {
  const viewer = ctx.viewer;
  const [encounters, accompaniments, nurseVisits, referrals, consents, followers, legalName] =
    await Promise.all([
      ctx.tx.encounter.count({ where: { personId, AND: [visibleEncounterWhere(viewer, ctx.now)] } }),
      ctx.tx.accompaniment.count({ where: { personId, AND: [visibleAccompanimentWhere(viewer, ctx.now)] } }),
      ctx.tx.nurseVisit.count({
        where: { persons: { some: { personId } }, AND: [visibleNurseVisitWhere(viewer, ctx.now)] },
      }),
      ctx.tx.referral.count({ where: { personId, AND: [visibleReferralWhere(viewer)] } }),
      ctx.tx.consent.count({ where: { personId, AND: [visibleConsentWhere(viewer)] } }),
      ctx.tx.personFollower.count({ where: { personId } }),
      ctx.tx.personLegalName.count({ where: { personId } }),
    ]);
  return {
    encounters,
    accompaniments,
    nurseVisits,
    referrals,
    consents,
    clinicalNotes: 0,
    followers,
    legalName: keepHasLegalName ? 0 : legalName,
  };
}

interface MergePreview {
  keep: { id: string };
  merge: { id: string };
  records: MovedRecords;
  consentsMatch: boolean;
}

const MergePreviewRef = builder.objectRef<MergePreview>("PersonMergePreview").implement({
  description: "What merging one file into another would move, and whether it is allowed.",
  fields: (t) => ({
    keep: t.prismaField({
      type: PersonNode,
      resolve: (query, preview, _args, ctx) =>
        ctx.tx.person.findUniqueOrThrow({ ...query, where: { id: preview.keep.id } }),
    }),
    merge: t.prismaField({
      type: PersonNode,
      resolve: (query, preview, _args, ctx) =>
        ctx.tx.person.findUniqueOrThrow({ ...query, where: { id: preview.merge.id } }),
    }),
    records: t.field({ type: MovedRecordsRef, resolve: (preview) => preview.records }),
    consentsMatch: t.boolean({
      description:
        "The two files share the same things with the same partners; otherwise the merge is refused (MERGE_CONSENTS_DIFFER).",
      resolve: (preview) => preview.consentsMatch,
    }),
  }),
});

builder.queryField("personMergePreview", (t) =>
  t.withAuth({ takesAction: "MERGE_PERSON_FILES" }).field({
    type: MergePreviewRef,
    nullable: true,
    description:
      "What merging `mergeId` into `keepId` would move (coordinators; both files the acting organisation's). Null when either is not found.",
    args: { keepId: t.arg.id({ required: true }), mergeId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      try {
        const { keep, merge } = await filesToMerge(ctx, String(args.keepId), String(args.mergeId));
        return {
          keep,
          merge,
          records: await recordsOf(ctx, merge.id, keep.legalName !== null),
          consentsMatch: await sharingMatches(ctx, keep.id, merge.id),
        };
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },
  }),
);

interface MergeResult {
  person: Awaited<ReturnType<Context["tx"]["person"]["findUniqueOrThrow"]>>;
  mergedId: string;
  moved: MovedRecords;
}

const MergePersonsSuccess = builder.objectRef<MergeResult>("MergePersonsSuccess").implement({
  fields: (t) => ({
    person: t.field({ type: PersonNode, description: "The kept file.", resolve: (r) => r.person }),
    mergedId: t.id({
      description: "The merged file's former id: not found from now on.",
      resolve: (r) => encodeGlobalID("Person", r.mergedId),
    }),
    moved: t.field({ type: MovedRecordsRef, resolve: (r) => r.moved }),
  }),
});

defineMutation("mergePersons", {
  description:
    "Moves every record of the file `mergeId` to the file `keepId` (coordinators of the owning organisation; both files visible to them), then hides the merged file. Refused when the two files' consents differ. Audited with both ids and the counts moved.",
  authScopes: { takesAction: "MERGE_PERSON_FILES" },
  input: mergePersonsInput,
  errors: [MergeConsentsDifferError],
  type: MergePersonsSuccess,
  resolve: async (input, ctx) => {
    const keepId = decodeId(input.keepId, "Person");
    const mergeId = decodeId(input.mergeId, "Person");
    if (!keepId || !mergeId) throw new NotFoundError(ctx.locale);
    // Both rows locked first (in one order), so that two merges of the same files wait for each other.
    await ctx.tx
      .$queryRaw`SELECT id FROM persons WHERE id IN (${keepId}::uuid, ${mergeId}::uuid) ORDER BY id FOR UPDATE`;
    const { keep, merge } = await filesToMerge(ctx, input.keepId, input.mergeId);
    if (!(await sharingMatches(ctx, keep.id, merge.id))) throw new MergeConsentsDifferError(ctx.locale);

    const marked = await ctx.tx.$executeRaw`
      UPDATE persons SET merged_into_id = ${keep.id}::uuid, merged_at = now(), updated_at = now()
       WHERE id = ${merge.id}::uuid AND merged_into_id IS NULL`;
    if (marked !== 1) throw new NotFoundError(ctx.locale);

    const from = { personId: merge.id };
    const to = { personId: keep.id };
    const encounters = await ctx.tx.encounter.updateMany({ where: from, data: to });
    const accompaniments = await ctx.tx.accompaniment.updateMany({ where: from, data: to });
    const referrals = await ctx.tx.referral.updateMany({ where: from, data: to });
    // Delivery requests follow the person (they hold no consent: nothing a partner sees widens).
    await ctx.tx.materialDelivery.updateMany({ where: from, data: to });
    let legalName = 0;
    if (!keep.legalName && merge.legalName) {
      legalName = (await ctx.tx.personLegalName.updateMany({ where: from, data: to })).count;
    }
    // Who followed either file follows the kept one, and so does whoever opened the merged file:
    // a restricted team's worker keeps the person in her caseload.
    const followers = await ctx.tx.personFollower.findMany({ where: from, select: { userId: true } });
    const followerIds = new Set(followers.map((f) => f.userId));
    if (merge.createdById && merge.createdById !== keep.createdById) {
      const member = await ctx.tx.membership.findFirst({
        where: { userId: merge.createdById, organisationId: ctx.viewer.organisationId, endedAt: null },
        select: { userId: true },
      });
      if (member) followerIds.add(member.userId);
    }
    await ctx.tx.personFollower.createMany({
      data: [...followerIds].map((userId) => ({ ...to, userId, organisationId: ctx.viewer.organisationId })),
      skipDuplicates: true,
    });
    await ctx.tx.personFollower.deleteMany({ where: from });

    const [rest] = await ctx.tx.$queryRaw<
      { moved: { consents: number; nurseVisits: number; clinicalNotes: number } }[]
    >`
      SELECT app.move_merged_person_records(${merge.id}::uuid) AS moved`;
    const moved: MovedRecords = {
      encounters: encounters.count,
      accompaniments: accompaniments.count,
      nurseVisits: rest?.moved.nurseVisits ?? 0,
      referrals: referrals.count,
      consents: rest?.moved.consents ?? 0,
      clinicalNotes: rest?.moved.clinicalNotes ?? 0,
      followers: followers.length,
      legalName,
    };
    await auditViewerAction(ctx, {
      action: "PERSONS_MERGED",
      recordKind: "PERSON",
      recordId: keep.id,
      details: { keptId: keep.id, mergedId: merge.id, moved: { ...moved } },
    });
    return {
      person: await ctx.tx.person.findUniqueOrThrow({ where: { id: keep.id } }),
      mergedId: merge.id,
      moved,
    };
  },
});
