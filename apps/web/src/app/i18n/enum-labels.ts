/**
 * Labels of the schema's enums, typed against the types generated from schema.graphql
 * (src/generated/enums.ts): a value added to the schema without a label here fails the
 * typecheck, a value removed from it too. Each map's order (French) is the order options are
 * offered in (`enumOptions`). The labels join the catalogues as `enum.<Enum>.<VALUE>`.
 * ErrorCode and FieldErrorCode are not here: their messages come from @maillage/domain. The
 * vocabularies a spreadsheet may name are @maillage/domain's (record-shapes/vocabulary-labels.ts):
 * an import accepts the labels the screens show.
 */
import { vocabularyLabels } from "@maillage/domain/record-shapes";
import type * as Schema from "../../generated/enums.ts";

export interface EnumTypes {
  AccompanimentClosingStatus: Schema.AccompanimentClosingStatus;
  AccompanimentDestination: Schema.AccompanimentDestination;
  AccompanimentStatus: Schema.AccompanimentStatus;
  AgeBracket: Schema.AgeBracket;
  Channel: Schema.Channel;
  ClinicalActKind: Schema.ClinicalActKind;
  ConsentStatus: Schema.ConsentStatus;
  DeliveryStatus: Schema.DeliveryStatus;
  Gender: Schema.Gender;
  IntakeDomain: Schema.IntakeDomain;
  IntakeNeedLevel: Schema.IntakeNeedLevel;
  CatalogueList: Schema.CatalogueList;
  MaterialCategory: Schema.MaterialCategory;
  MaterialUnit: Schema.MaterialUnit;
  StockSource: Schema.StockSource;
  NurseVisitResponse: Schema.NurseVisitResponse;
  NurseVisitStatus: Schema.NurseVisitStatus;
  OrganisationKind: Schema.OrganisationKind;
  PersonOutcome: Schema.PersonOutcome;
  PlaceType: Schema.PlaceType;
  ReferralBox: Schema.ReferralBox;
  ReferralDirection: Schema.ReferralDirection;
  ReferralOutcome: Schema.ReferralOutcome;
  ReferralStatus: Schema.ReferralStatus;
  ReferralView: Schema.ReferralView;
  Role: Schema.Role;
  SharedRecordKind: Schema.SharedRecordKind;
  Theme: Schema.Theme;
  Urgency: Schema.Urgency;
  VenueKind: Schema.VenueKind;
  WorkshopAudience: Schema.WorkshopAudience;
  WorkshopKind: Schema.WorkshopKind;
  WorkshopTopic: Schema.WorkshopTopic;
}
export type EnumName = keyof EnumTypes;
export type EnumLabels = { [E in EnumName]: Record<EnumTypes[E], string> };

const fr: EnumLabels = {
  AccompanimentClosingStatus: { DONE: "Réalisé", CANCELLED: "Annulé", NO_SHOW: "Absence" },
  AccompanimentDestination: vocabularyLabels.fr.AccompanimentDestination,
  AccompanimentStatus: vocabularyLabels.fr.AccompanimentStatus,
  AgeBracket: vocabularyLabels.fr.AgeBracket,
  Channel: vocabularyLabels.fr.Channel,
  ClinicalActKind: vocabularyLabels.fr.ClinicalActKind,
  DeliveryStatus: vocabularyLabels.fr.DeliveryStatus,
  ConsentStatus: { ACTIVE: "En vigueur", UPCOMING: "À venir", EXPIRED: "Expiré", WITHDRAWN: "Retiré" },
  Gender: vocabularyLabels.fr.Gender,
  CatalogueList: { MATERIAL: "Matériel", SERVICE: "Services", PLATFORM: "Plateformes en ligne" },
  MaterialCategory: {
    PREVENTION: "Matériel de prévention",
    DRUG_USE: "Matériel de consommation",
    NALOXONE: "Naloxone",
    FOOD: "Nourriture",
    FOOD_VOUCHERS: "Bons alimentaires",
    CLOTHING: "Vêtements",
    HYGIENE: "Hygiène",
    OTHER: "Autre",
  },
  MaterialUnit: {
    UNIT: "Unité",
    KIT: "Trousse",
    BOX: "Boîte",
    PACK: "Paquet",
    PARCEL: "Colis",
    VOUCHER: "Bon",
    MEAL: "Repas",
  },
  StockSource: vocabularyLabels.fr.StockSource,
  NurseVisitResponse: {
    ACCEPT: "Accepter",
    DECLINE: "Refuser",
    PROPOSE_OTHER_TIME: "Proposer une autre heure",
    CANCEL: "Annuler la visite",
  },
  NurseVisitStatus: {
    PROPOSED: "Proposée",
    COUNTER_PROPOSED: "Autre heure proposée",
    ACCEPTED: "Acceptée",
    DECLINED: "Refusée",
    CANCELLED: "Annulée",
    COMPLETED: "Réalisée",
    AWAITING_CONFIRMATION: "À confirmer par l'infirmière",
  },
  OrganisationKind: vocabularyLabels.fr.OrganisationKind,
  PlaceType: vocabularyLabels.fr.PlaceType,
  ReferralBox: { INBOX: "Reçues", OUTBOX: "Envoyées" },
  ReferralDirection: { RECEIVED: "Reçue", SENT: "Envoyée" },
  ReferralOutcome: {
    CONNECTED_TO_SERVICE: "Personne reliée au service",
    DECLINED_BY_PERSON: "Refusé par la personne",
    PERSON_NOT_REACHED: "Personne non jointe",
    REDIRECTED_ELSEWHERE: "Redirigée ailleurs",
    SERVICE_UNAVAILABLE: "Service non disponible",
    OTHER: "Autre",
  },
  ReferralStatus: vocabularyLabels.fr.ReferralStatus,
  // The referral screen's filter chips, in this order: what needs an answer first, "all" last.
  ReferralView: {
    NEW: "Nouvelles",
    WAITING_FOR_ME: "En attente de moi",
    WAITING_FOR_THEM: "En attente d'eux",
    OVERDUE: "En retard",
    CLOSED: "Fermées",
    ALL: "Toutes",
  },
  Role: {
    OUTREACH_WORKER: "Intervenant·e de proximité",
    NURSE: "Infirmière clinicienne",
    COORDINATOR: "Coordination",
    ORG_ADMIN: "Administration de l'organisme",
  },
  SharedRecordKind: {
    PROFILE: "Profil",
    ENCOUNTERS_SUMMARY: "Résumé des rencontres",
    ACCOMPANIMENTS: "Accompagnements",
    REFERRALS: "Références",
    NURSE_VISIT_LOGISTICS: "Logistique des visites infirmières",
  },
  Theme: vocabularyLabels.fr.Theme,
  PersonOutcome: {
    LEFT_TRADE: "A quitté l'industrie",
    REACHED_GOAL: "A atteint un objectif qu'elle s'était fixé",
  },
  Urgency: { ROUTINE: "Habituelle", SOON: "Bientôt", URGENT: "Urgente" },
  IntakeDomain: {
    HOUSING: "Logement",
    HEALTH: "Santé",
    SUBSTANCE_USE: "Consommation",
    JUSTICE: "Judiciaire",
    INCOME: "Revenu",
    EMPLOYMENT: "Emploi",
    SAFETY: "Sécurité",
  },
  IntakeNeedLevel: { NONE: "Aucun besoin", LONG_TERM: "À long terme", IMMEDIATE: "Immédiat" },
  VenueKind: vocabularyLabels.fr.VenueKind,
  WorkshopAudience: vocabularyLabels.fr.WorkshopAudience,
  WorkshopKind: vocabularyLabels.fr.WorkshopKind,
  WorkshopTopic: vocabularyLabels.fr.WorkshopTopic,
};

const en: EnumLabels = {
  AccompanimentClosingStatus: { DONE: "Done", CANCELLED: "Cancelled", NO_SHOW: "No-show" },
  AccompanimentDestination: vocabularyLabels.en.AccompanimentDestination,
  AccompanimentStatus: vocabularyLabels.en.AccompanimentStatus,
  AgeBracket: vocabularyLabels.en.AgeBracket,
  Channel: vocabularyLabels.en.Channel,
  ClinicalActKind: vocabularyLabels.en.ClinicalActKind,
  DeliveryStatus: vocabularyLabels.en.DeliveryStatus,
  ConsentStatus: { ACTIVE: "In force", UPCOMING: "Upcoming", EXPIRED: "Expired", WITHDRAWN: "Withdrawn" },
  Gender: vocabularyLabels.en.Gender,
  CatalogueList: { MATERIAL: "Material", SERVICE: "Services", PLATFORM: "Online platforms" },
  MaterialCategory: {
    PREVENTION: "Prevention material",
    DRUG_USE: "Drug-use material",
    NALOXONE: "Naloxone",
    FOOD: "Food",
    FOOD_VOUCHERS: "Food vouchers",
    CLOTHING: "Clothing",
    HYGIENE: "Hygiene",
    OTHER: "Other",
  },
  MaterialUnit: {
    UNIT: "Unit",
    KIT: "Kit",
    BOX: "Box",
    PACK: "Pack",
    PARCEL: "Parcel",
    VOUCHER: "Voucher",
    MEAL: "Meal",
  },
  StockSource: vocabularyLabels.en.StockSource,
  NurseVisitResponse: {
    ACCEPT: "Accept",
    DECLINE: "Decline",
    PROPOSE_OTHER_TIME: "Propose another time",
    CANCEL: "Cancel the visit",
  },
  NurseVisitStatus: {
    PROPOSED: "Proposed",
    COUNTER_PROPOSED: "Other time proposed",
    ACCEPTED: "Accepted",
    DECLINED: "Declined",
    CANCELLED: "Cancelled",
    COMPLETED: "Completed",
    AWAITING_CONFIRMATION: "Awaiting the nurse's confirmation",
  },
  OrganisationKind: vocabularyLabels.en.OrganisationKind,
  PlaceType: vocabularyLabels.en.PlaceType,
  ReferralBox: { INBOX: "Received", OUTBOX: "Sent" },
  ReferralDirection: { RECEIVED: "Received", SENT: "Sent" },
  ReferralOutcome: {
    CONNECTED_TO_SERVICE: "Connected to the service",
    DECLINED_BY_PERSON: "Declined by the person",
    PERSON_NOT_REACHED: "Person not reached",
    REDIRECTED_ELSEWHERE: "Redirected elsewhere",
    SERVICE_UNAVAILABLE: "Service unavailable",
    OTHER: "Other",
  },
  ReferralStatus: vocabularyLabels.en.ReferralStatus,
  ReferralView: {
    ALL: "All",
    NEW: "New",
    WAITING_FOR_ME: "Waiting for me",
    WAITING_FOR_THEM: "Waiting for them",
    OVERDUE: "Overdue",
    CLOSED: "Closed",
  },
  Role: {
    OUTREACH_WORKER: "Outreach worker",
    NURSE: "Nurse",
    COORDINATOR: "Coordinator",
    ORG_ADMIN: "Organisation admin",
  },
  SharedRecordKind: {
    PROFILE: "Profile",
    ENCOUNTERS_SUMMARY: "Encounters summary",
    ACCOMPANIMENTS: "Accompaniments",
    REFERRALS: "Referrals",
    NURSE_VISIT_LOGISTICS: "Nurse visit logistics",
  },
  Theme: vocabularyLabels.en.Theme,
  PersonOutcome: { LEFT_TRADE: "Left the trade", REACHED_GOAL: "Reached a goal she had set" },
  Urgency: { ROUTINE: "Routine", SOON: "Soon", URGENT: "Urgent" },
  IntakeDomain: {
    HOUSING: "Housing",
    HEALTH: "Health",
    SUBSTANCE_USE: "Substance use",
    JUSTICE: "Legal",
    INCOME: "Income",
    EMPLOYMENT: "Employment",
    SAFETY: "Safety",
  },
  IntakeNeedLevel: { NONE: "No need", LONG_TERM: "Long-term", IMMEDIATE: "Immediate" },
  VenueKind: vocabularyLabels.en.VenueKind,
  WorkshopAudience: vocabularyLabels.en.WorkshopAudience,
  WorkshopKind: vocabularyLabels.en.WorkshopKind,
  WorkshopTopic: vocabularyLabels.en.WorkshopTopic,
};

export const enumLabels = { fr, en };

/** An enum's values in the order they are offered (French map's order). */
export function enumOptions<E extends EnumName>(name: E): EnumTypes[E][] {
  return Object.keys(enumLabels.fr[name]) as EnumTypes[E][];
}

export type EnumMessageKey = { [E in EnumName]: `enum.${E}.${EnumTypes[E]}` }[EnumName];

/** The catalogue key of an enum value's label. */
export function enumMessageKey<E extends EnumName>(name: E, value: EnumTypes[E]): EnumMessageKey {
  // TypeScript does not distribute a template over a generic pair; the mapped type above is the
  // same set of keys, spelled per enum.
  return `enum.${name}.${value}` as EnumMessageKey;
}

/** The labels as catalogue entries (`enum.Gender.WOMAN`), for the catalogue test and react-intl. */
export function enumMessages(labels: EnumLabels): Record<EnumMessageKey, string> {
  const entries: [string, string][] = [];
  for (const [name, values] of Object.entries(labels)) {
    for (const [value, label] of Object.entries(values)) entries.push([`enum.${name}.${value}`, label]);
  }
  return Object.fromEntries(entries) as Record<EnumMessageKey, string>;
}
