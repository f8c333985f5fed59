/**
 * The French and English labels of the vocabularies a spreadsheet may name (record-shapes): an
 * import accepts a value by its code or by either label, and a French template shows the French
 * ones. Declared once here; the web's enum labels (apps/web/src/app/i18n/enum-labels.ts) read
 * these entries, so a label shown on a screen and one accepted in a file are the same. Each map's
 * order is the order the screens offer the options in.
 */

import type { DeliveryStatusName } from "../deliveries.ts";
import type { Locale } from "../locale.ts";
import type { ReferralStatusName } from "../referrals.ts";
import {
  type AccompanimentDestinationName,
  type AccompanimentStatusName,
  type AgeBracketName,
  ageBrackets,
  type ChannelName,
  type ClinicalActKindName,
  channels,
  type GenderName,
  genders,
  type OrganisationKindName,
  type PlaceTypeName,
  placeTypes,
  type StockSourceName,
  stockSources,
  type ThemeName,
  themes,
  type VenueKindName,
  venueKinds,
  type WorkshopAudienceName,
  type WorkshopKindName,
  type WorkshopTopicName,
  workshopAudiences,
  workshopKinds,
  workshopTopics,
} from "../vocabularies.ts";

/** The vocabularies of record-shapes, by the name the API's enum of the same values goes by. */
export const shapeVocabularies = {
  AgeBracket: ageBrackets,
  Channel: channels,
  Gender: genders,
  PlaceType: placeTypes,
  StockSource: stockSources,
  Theme: themes,
  VenueKind: venueKinds,
  WorkshopAudience: workshopAudiences,
  WorkshopKind: workshopKinds,
  WorkshopTopic: workshopTopics,
} as const;
export type ShapeVocabularyName = keyof typeof shapeVocabularies;

export interface VocabularyLabels {
  AgeBracket: Record<AgeBracketName, string>;
  Channel: Record<ChannelName, string>;
  Gender: Record<GenderName, string>;
  PlaceType: Record<PlaceTypeName, string>;
  StockSource: Record<StockSourceName, string>;
  Theme: Record<ThemeName, string>;
  VenueKind: Record<VenueKindName, string>;
  WorkshopAudience: Record<WorkshopAudienceName, string>;
  WorkshopKind: Record<WorkshopKindName, string>;
  WorkshopTopic: Record<WorkshopTopicName, string>;
  // Named by the indicators' tables (indicators/registry.ts), not by spreadsheets.
  AccompanimentDestination: Record<AccompanimentDestinationName, string>;
  AccompanimentStatus: Record<AccompanimentStatusName, string>;
  ClinicalActKind: Record<ClinicalActKindName, string>;
  DeliveryStatus: Record<DeliveryStatusName, string>;
  OrganisationKind: Record<OrganisationKindName, string>;
  ReferralStatus: Record<ReferralStatusName, string>;
}
export type LabelledVocabularyName = keyof VocabularyLabels;

const fr: VocabularyLabels = {
  AgeBracket: {
    UNDER_18: "Moins de 18 ans",
    AGE_18_25: "18–25 ans",
    AGE_26_35: "26–35 ans",
    AGE_36_PLUS: "36 ans et plus",
    UNKNOWN: "Inconnu",
  },
  Channel: {
    IN_PERSON: "En personne",
    PHONE: "Téléphone",
    SMS: "Texto",
    ONLINE_PLATFORM: "Plateforme en ligne",
    VIDEO: "Vidéo",
  },
  Gender: {
    WOMAN: "Femme",
    TRANS_WOMAN: "Femme trans",
    MAN: "Homme",
    TRANS_MAN: "Homme trans",
    NON_BINARY: "Non binaire",
    OTHER: "Autre",
    UNDISCLOSED: "Non précisé",
  },
  PlaceType: {
    WORKPLACE: "Milieu de travail",
    OFFICE: "Bureau",
    HOME: "Domicile",
    PUBLIC_PLACE: "Lieu public",
    BAR: "Bar",
    NIGHT_CENTRE: "Centre de nuit",
    ONLINE: "En ligne",
    CLINIC: "Clinique",
    OTHER: "Autre",
  },
  StockSource: {
    PURCHASE: "Achat",
    DONATION: "Don",
    PUBLIC_HEALTH_SUPPLY: "Santé publique",
    OTHER: "Autre",
  },
  Theme: {
    SOCIAL_RELATIONS: "Relations sociales",
    SEXUALITY: "Sexualité",
    SUBSTANCE_USE: "Consommation",
    FINANCES: "Finances",
    MENTAL_HEALTH: "Santé mentale",
    HOUSING: "Logement",
    JUSTICE: "Justice",
    PHYSICAL_HEALTH: "Santé physique",
    VIOLENCE: "Violence",
    EMPLOYMENT: "Emploi",
    FOOD: "Alimentation",
    FOOD_AID: "Aide alimentaire",
    WEBCAM_WORK: "Travail par webcam",
    OTHER: "Autre",
  },
  VenueKind: {
    MASSAGE_PARLOUR: "Salon de massage",
    BAR: "Bar",
    DANCERS_BAR: "Bar de danseuses",
    STRIP_CLUB: "Club de striptease",
    PEEP_SHOW: "Peep-show",
    ESCORT_AGENCY: "Agence d'escortes",
    ONLINE_AD_PLATFORM: "Site ou plateforme d'annonces",
    HOTEL: "Hôtel",
    HOURLY_HOTEL: "Hôtel de passe",
    PARK: "Parc",
    NIGHT_CENTRE: "Centre de nuit",
    STREET_AREA: "Secteur de rue",
    OTHER: "Autre",
  },
  WorkshopAudience: {
    YOUTH_SECONDARY_SCHOOL: "Jeunes du secondaire",
    YOUTH_CENTRE: "Jeunes d'une maison des jeunes",
    POST_SECONDARY_STUDENTS: "Étudiant·es du cégep ou de l'université",
    ADULTS: "Adultes",
    PARENTS: "Parents et familles",
    PROFESSIONALS: "Intervenant·es et professionnel·les",
    COMMUNITY_GROUP_MEMBERS: "Membres d'un organisme communautaire",
    GENERAL_PUBLIC: "Grand public",
    OTHER: "Autre",
  },
  WorkshopKind: { WORKSHOP: "Atelier", KIOSK: "Kiosque de prévention" },
  WorkshopTopic: {
    SEXUAL_HEALTH: "Santé sexuelle",
    CONSENT_AND_RELATIONSHIPS: "Consentement et relations",
    SEXUAL_EXPLOITATION_PREVENTION: "Prévention de l'exploitation sexuelle",
    STBBI_PREVENTION: "Prévention des ITSS",
    SUBSTANCE_USE: "Consommation de substances",
    OVERDOSE_PREVENTION_NALOXONE: "Prévention des surdoses et naloxone",
    HARM_REDUCTION: "Réduction des méfaits",
    ONLINE_SAFETY: "Sécurité en ligne",
    SERVICES_PRESENTATION: "Présentation des services",
    OTHER: "Autre",
  },
  AccompanimentDestination: {
    COURT: "Tribunal",
    POLICE: "Police",
    HOSPITAL_OR_CLINIC: "Hôpital ou clinique",
    HOUSING: "Logement",
    SOCIAL_SERVICES: "Services sociaux",
    DETOX_OR_TREATMENT: "Désintoxication ou traitement",
    EMPLOYMENT: "Emploi",
    OTHER: "Autre",
  },
  AccompanimentStatus: { PLANNED: "Prévu", DONE: "Réalisé", CANCELLED: "Annulé", NO_SHOW: "Absence" },
  ClinicalActKind: {
    STBBI_TEST: "Dépistage ITSS",
    COUNSELLING: "Counseling",
    TREATMENT: "Traitement",
    CONTRACEPTION: "Contraception",
    VACCINATION: "Vaccination",
    PREGNANCY_TEST: "Test de grossesse",
    CONTRACEPTIVE_INJECTION: "Injection contraceptive",
    NALOXONE_TRAINING: "Formation naloxone",
    WOUND_CARE: "Soins de plaies",
    OTHER: "Autre",
  },
  DeliveryStatus: {
    REQUESTED: "Demandée",
    SCHEDULED: "Programmée",
    DELIVERED: "Livrée",
    NOT_REACHED: "Non jointe",
    CANCELLED: "Annulée",
  },
  OrganisationKind: {
    COMMUNITY_GROUP: "Organisme communautaire",
    PUBLIC_HEALTH: "Santé publique",
    OTHER_PARTNER: "Autre partenaire",
  },
  ReferralStatus: {
    SENT: "Envoyée",
    ACCEPTED: "Acceptée",
    DECLINED: "Refusée",
    IN_PROGRESS: "En cours",
    COMPLETED: "Complétée",
    CLOSED_NO_CONTACT: "Fermée sans contact",
    WITHDRAWN: "Retirée",
  },
};

const en: VocabularyLabels = {
  AgeBracket: {
    UNDER_18: "Under 18",
    AGE_18_25: "18–25",
    AGE_26_35: "26–35",
    AGE_36_PLUS: "36 and over",
    UNKNOWN: "Unknown",
  },
  Channel: {
    IN_PERSON: "In person",
    PHONE: "Phone",
    SMS: "Text message",
    ONLINE_PLATFORM: "Online platform",
    VIDEO: "Video",
  },
  Gender: {
    WOMAN: "Woman",
    TRANS_WOMAN: "Trans woman",
    MAN: "Man",
    TRANS_MAN: "Trans man",
    NON_BINARY: "Non-binary",
    OTHER: "Other",
    UNDISCLOSED: "Undisclosed",
  },
  PlaceType: {
    WORKPLACE: "Workplace",
    OFFICE: "Office",
    HOME: "Home",
    PUBLIC_PLACE: "Public place",
    BAR: "Bar",
    NIGHT_CENTRE: "Night centre",
    ONLINE: "Online",
    CLINIC: "Clinic",
    OTHER: "Other",
  },
  StockSource: {
    PURCHASE: "Purchase",
    DONATION: "Donation",
    PUBLIC_HEALTH_SUPPLY: "Public-health supply",
    OTHER: "Other",
  },
  Theme: {
    SOCIAL_RELATIONS: "Social relations",
    SEXUALITY: "Sexuality",
    SUBSTANCE_USE: "Substance use",
    FINANCES: "Finances",
    MENTAL_HEALTH: "Mental health",
    HOUSING: "Housing",
    JUSTICE: "Justice",
    PHYSICAL_HEALTH: "Physical health",
    VIOLENCE: "Violence",
    EMPLOYMENT: "Employment",
    FOOD: "Food",
    FOOD_AID: "Food aid",
    WEBCAM_WORK: "Webcam work",
    OTHER: "Other",
  },
  VenueKind: {
    MASSAGE_PARLOUR: "Massage parlour",
    BAR: "Bar",
    DANCERS_BAR: "Dancers' bar",
    STRIP_CLUB: "Strip club",
    PEEP_SHOW: "Peep show",
    ESCORT_AGENCY: "Escort agency",
    ONLINE_AD_PLATFORM: "Ad site or platform",
    HOTEL: "Hotel",
    HOURLY_HOTEL: "Hourly hotel",
    PARK: "Park",
    NIGHT_CENTRE: "Night centre",
    STREET_AREA: "Street area",
    OTHER: "Other",
  },
  WorkshopAudience: {
    YOUTH_SECONDARY_SCHOOL: "Secondary-school youth",
    YOUTH_CENTRE: "Youth-centre youth",
    POST_SECONDARY_STUDENTS: "College or university students",
    ADULTS: "Adults",
    PARENTS: "Parents and families",
    PROFESSIONALS: "Workers and professionals",
    COMMUNITY_GROUP_MEMBERS: "Members of a community group",
    GENERAL_PUBLIC: "General public",
    OTHER: "Other",
  },
  WorkshopKind: { WORKSHOP: "Workshop", KIOSK: "Prevention kiosk" },
  WorkshopTopic: {
    SEXUAL_HEALTH: "Sexual health",
    CONSENT_AND_RELATIONSHIPS: "Consent and relationships",
    SEXUAL_EXPLOITATION_PREVENTION: "Preventing sexual exploitation",
    STBBI_PREVENTION: "STBBI prevention",
    SUBSTANCE_USE: "Substance use",
    OVERDOSE_PREVENTION_NALOXONE: "Overdose prevention and naloxone",
    HARM_REDUCTION: "Harm reduction",
    ONLINE_SAFETY: "Online safety",
    SERVICES_PRESENTATION: "Presenting our services",
    OTHER: "Other",
  },
  AccompanimentDestination: {
    COURT: "Court",
    POLICE: "Police",
    HOSPITAL_OR_CLINIC: "Hospital or clinic",
    HOUSING: "Housing",
    SOCIAL_SERVICES: "Social services",
    DETOX_OR_TREATMENT: "Detox or treatment",
    EMPLOYMENT: "Employment",
    OTHER: "Other",
  },
  AccompanimentStatus: { PLANNED: "Planned", DONE: "Done", CANCELLED: "Cancelled", NO_SHOW: "No-show" },
  ClinicalActKind: {
    STBBI_TEST: "STBBI test",
    COUNSELLING: "Counselling",
    TREATMENT: "Treatment",
    CONTRACEPTION: "Contraception",
    VACCINATION: "Vaccination",
    PREGNANCY_TEST: "Pregnancy test",
    CONTRACEPTIVE_INJECTION: "Contraceptive injection",
    NALOXONE_TRAINING: "Naloxone training",
    WOUND_CARE: "Wound care",
    OTHER: "Other",
  },
  DeliveryStatus: {
    REQUESTED: "Requested",
    SCHEDULED: "Scheduled",
    DELIVERED: "Delivered",
    NOT_REACHED: "Not reached",
    CANCELLED: "Cancelled",
  },
  OrganisationKind: {
    COMMUNITY_GROUP: "Community group",
    PUBLIC_HEALTH: "Public health",
    OTHER_PARTNER: "Other partner",
  },
  ReferralStatus: {
    SENT: "Sent",
    ACCEPTED: "Accepted",
    DECLINED: "Declined",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    CLOSED_NO_CONTACT: "Closed, no contact",
    WITHDRAWN: "Withdrawn",
  },
};
export const vocabularyLabels: Record<Locale, VocabularyLabels> = { fr, en };

/** A value's label in a language (a code outside the vocabulary reads as itself). */
export function vocabularyLabel(locale: Locale, vocabulary: ShapeVocabularyName, code: string): string {
  return (vocabularyLabels[locale][vocabulary] as Record<string, string>)[code] ?? code;
}
