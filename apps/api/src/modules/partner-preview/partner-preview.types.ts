/**
 * "See as partner", typed: each list holds only the fields a partner may read. There is no field
 * for a note, a legal name, an accompaniment's outcome, a visit's reason or clinical notes and
 * results, or a referral's free text — a partner never reads them, so the preview cannot show them.
 */
import type { Organisation } from "@maillage/db/prisma";
import { builder } from "../../builder.ts";
import {
  AccompanimentDestinationEnum,
  AccompanimentStatusEnum,
} from "../accompaniments/accompaniments.types.ts";
import { entryLabel } from "../catalogues/catalogues.ts";
import { ChannelEnum, PlaceTypeEnum, ThemeEnum } from "../encounters/encounters.types.ts";
import { ClinicalActKindEnum, NurseVisitStatusEnum } from "../nurse-visits/nurse-visits.types.ts";
import { OrganisationNode } from "../organisations/organisations.types.ts";
import { GenderEnum } from "../persons/persons.types.ts";
import { ReferralStatusEnum, UrgencyEnum } from "../referrals/referrals.types.ts";
import type { PartnerView } from "./partner-view.ts";

type Shape<K extends keyof PartnerView> =
  NonNullable<PartnerView[K]> extends (infer Row)[] ? Row : NonNullable<PartnerView[K]>;

export type PartnerPreviewShape = PartnerView & { organisation: Organisation };

const PreviewProfile = builder.objectRef<Shape<"profile">>("PartnerPreviewProfile").implement({
  description: "The person's profile as the partner sees it (never the legal name).",
  fields: (t) => ({
    alias: t.exposeString("alias"),
    birthYear: t.exposeInt("birthYear", { nullable: true }),
    gender: t.expose("gender", { type: GenderEnum }),
    languages: t.exposeStringList("languages"),
    mayText: t.exposeBoolean("mayText"),
    mayLeaveMessage: t.exposeBoolean("mayLeaveMessage"),
    safeContactNote: t.exposeString("safeContactNote", { nullable: true }),
    inRegularFollowUp: t.exposeBoolean("inRegularFollowUp"),
    possiblyMinor: t.exposeBoolean("possiblyMinor"),
  }),
});

const PreviewMaterial = builder
  .objectRef<Shape<"encounters">["materials"][number]>("PartnerPreviewMaterial")
  .implement({
    fields: (t) => ({
      item: t.exposeString("item"),
      label: t.string({ resolve: (material, _args, ctx) => entryLabel(material.entry, ctx.locale) }),
      quantity: t.exposeInt("quantity"),
    }),
  });

const PreviewEncounter = builder.objectRef<Shape<"encounters">>("PartnerPreviewEncounter").implement({
  description: "An encounter's summary as the partner sees it (never its note).",
  fields: (t) => ({
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    channel: t.expose("channel", { type: ChannelEnum }),
    placeType: t.expose("placeType", { type: PlaceTypeEnum }),
    themes: t.expose("themes", { type: [ThemeEnum] }),
    headCount: t.exposeInt("headCount"),
    materials: t.field({ type: [PreviewMaterial], resolve: (encounter) => encounter.materials }),
  }),
});

const PreviewAccompaniment = builder
  .objectRef<Shape<"accompaniments">>("PartnerPreviewAccompaniment")
  .implement({
    description: "An accompaniment as the partner sees it (never its note or outcome).",
    fields: (t) => ({
      destination: t.expose("destination", { type: AccompanimentDestinationEnum }),
      plannedAt: t.expose("plannedAt", { type: "DateTime" }),
      status: t.expose("status", { type: AccompanimentStatusEnum }),
      closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    }),
  });

const PreviewClinicalAct = builder
  .objectRef<Shape<"nurseVisits">["acts"][number]>("PartnerPreviewClinicalAct")
  .implement({
    fields: (t) => ({
      kind: t.expose("kind", { type: ClinicalActKindEnum }),
      count: t.exposeInt("count"),
    }),
  });

const PreviewNurseVisit = builder.objectRef<Shape<"nurseVisits">>("PartnerPreviewNurseVisit").implement({
  description: "A joint visit's logistics and kinds of acts (never its reason, notes or results).",
  fields: (t) => ({
    placeType: t.expose("placeType", { type: PlaceTypeEnum }),
    plannedStart: t.expose("plannedStart", { type: "DateTime" }),
    plannedEnd: t.expose("plannedEnd", { type: "DateTime" }),
    status: t.expose("status", { type: NurseVisitStatusEnum }),
    acts: t.field({ type: [PreviewClinicalAct], resolve: (visit) => visit.acts }),
  }),
});

const PreviewReferral = builder.objectRef<Shape<"referrals">>("PartnerPreviewReferral").implement({
  description: "A referral we sent to the partner, as it sees it in its list.",
  fields: (t) => ({
    status: t.expose("status", { type: ReferralStatusEnum }),
    serviceRequested: t.exposeString("serviceRequested"),
    urgency: t.expose("urgency", { type: UrgencyEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const PartnerPreviewRef = builder.objectRef<PartnerPreviewShape>("PartnerPreview").implement({
  description: "What a partner organisation sees of one of our persons, by the rules it is served by.",
  fields: (t) => ({
    organisation: t.field({ type: OrganisationNode, resolve: (preview) => preview.organisation }),
    sees: t.boolean({
      description: "Whether the partner sees the person's profile at all.",
      resolve: (preview) => preview.profile !== null,
    }),
    profile: t.field({ type: PreviewProfile, nullable: true, resolve: (preview) => preview.profile }),
    encounters: t.field({ type: [PreviewEncounter], resolve: (preview) => preview.encounters }),
    accompaniments: t.field({ type: [PreviewAccompaniment], resolve: (preview) => preview.accompaniments }),
    nurseVisits: t.field({ type: [PreviewNurseVisit], resolve: (preview) => preview.nurseVisits }),
    referrals: t.field({ type: [PreviewReferral], resolve: (preview) => preview.referrals }),
  }),
});
