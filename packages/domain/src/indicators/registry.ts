/**
 * The indicators, named and defined once (issue 17): every headline figure and distribution table
 * the dashboard, the CSV and the PDF annual report show, in the report's sections. The SQL
 * function app.indicator_figures (prisma/migrations/20261204010000_indicators_for_the_year)
 * answers `{ figures: {name: n}, tables: {name: {key: n}}, months }` under these names; the
 * definitions below say what it counts (what, placed in the period by which date, distinct or
 * not), in French and English, and are shown beside each number.
 *
 * - `additive`: the value of a range is the sum of its quarters' (events; not distinct persons).
 * - `partition` (tables): each counted thing is in exactly one cell, so the cells add up to the
 *   total (`totalId`, the headline figure that is the table's denominator).
 * - `overlapping` (tables): a thing may be in several cells (themes): shares may exceed 100 %.
 * - `keys`: a vocabulary (every code listed, zeros included), a catalogue list (the codes of the
 *   organisations' catalogues) or a fixed list.
 */

import { deliveryStatuses } from "../deliveries.ts";
import type { LabelledVocabularyName } from "../record-shapes/vocabulary-labels.ts";
import { referralStatuses } from "../referrals.ts";
import {
  accompanimentDestinations,
  accompanimentStatuses,
  ageBrackets,
  channels,
  clinicalActKinds,
  genders,
  organisationKinds,
  placeTypes,
  themes,
  venueKinds,
  workshopAudiences,
  workshopKinds,
  workshopTopics,
} from "../vocabularies.ts";
import type { Bilingual } from "./published.ts";

/** The report's sections, in its order. */
export const indicatorSections = [
  "persons",
  "encounters",
  "material",
  "nurseVisits",
  "accompaniments",
  "referrals",
  "venues",
  "nightCentre",
  "line",
  "deliveries",
  "workshops",
  "outcomes",
] as const;
export type IndicatorSection = (typeof indicatorSections)[number];

export const indicatorSectionTitles: Record<IndicatorSection, Bilingual> = {
  persons: { fr: "Personnes rejointes", en: "People reached" },
  encounters: { fr: "Rencontres", en: "Encounters" },
  material: { fr: "Matériel et services", en: "Material and services" },
  nurseVisits: { fr: "Visites infirmières conjointes", en: "Joint nurse visits" },
  accompaniments: { fr: "Accompagnements", en: "Accompaniments" },
  referrals: { fr: "Références", en: "Referrals" },
  venues: { fr: "Lieux couverts", en: "Venues covered" },
  nightCentre: { fr: "Centre de nuit", en: "Night centre" },
  line: { fr: "Ligne confidentielle et contacts à distance", en: "Confidential line and remote contacts" },
  deliveries: { fr: "Livraisons de matériel", en: "Material deliveries" },
  workshops: { fr: "Ateliers et kiosques", en: "Workshops and kiosks" },
  outcomes: { fr: "Cheminement des personnes", en: "Where persons stand" },
};

export const indicatorUnits = [
  "persons",
  "encounters",
  "contacts",
  "items",
  "services",
  "acts",
  "visits",
  "accompaniments",
  "referrals",
  "venues",
  "evenings",
  "deliveries",
  "workshops",
  "participants",
  "intakes",
] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** Where a table's keys come from. */
export type IndicatorKeys =
  | { kind: "vocabulary"; vocabulary: LabelledVocabularyName; codes: readonly string[] }
  | { kind: "catalogue"; list: "MATERIAL" | "SERVICE" | "PLATFORM" }
  | { kind: "fixed"; keys: readonly { key: string; label: Bilingual }[] };

/**
 * How a distinct count relates across ranges of quarters (@maillage/domain/disclosure RangeKind):
 * `union` (default: persons met — a range ≥ its parts, ≤ their sum), `monotone` (only ≥: persons
 * met at least N times), `none` (venues on cadence; age at the first encounter of the range).
 */
export type AcrossRanges = "union" | "monotone" | "none";

export interface IndicatorFigureDefinition {
  name: string;
  section: IndicatorSection;
  unit: IndicatorUnit;
  additive: boolean;
  /** For a distinct count: how its values relate across ranges (default union). */
  acrossRanges?: AcrossRanges;
  /** The figure this one is a part of (its share is taken of it), if any. */
  totalId: string | null;
  title: Bilingual;
  definition: Bilingual;
}

export interface IndicatorTableDefinition {
  name: string;
  section: IndicatorSection;
  unit: IndicatorUnit;
  additive: boolean;
  /** For distinct counts: how a category's values relate across ranges (default union). */
  cellsAcrossRanges?: AcrossRanges;
  partition: boolean;
  overlapping: boolean;
  /** The headline figure that is the table's total and its shares' denominator. */
  totalId: string;
  keys: IndicatorKeys;
  title: Bilingual;
  definition: Bilingual;
}

/** The follow-up rule's setting: met at least N times in the period (partnership and organisation). */
export const followUpMinEncounters = { min: 2, max: 52, default: 3 } as const;

export const indicatorFigures = [
  {
    name: "personsMet",
    section: "persons",
    unit: "persons",
    additive: false,
    totalId: null,
    title: { fr: "Personnes rencontrées", en: "Persons met" },
    definition: {
      fr: "Personnes distinctes (fiches) ayant eu au moins une rencontre dans la période, tous organismes comptés confondus : une personne rencontrée plusieurs fois, ou par deux organismes sur la même fiche, compte une fois. Date : celle de la rencontre.",
      en: "Distinct persons (files) with at least one encounter in the period, all organisations counted together: a person met several times, or by two organisations on the same file, counts once. Date: the encounter's.",
    },
  },
  {
    name: "anonymousContacts",
    section: "persons",
    unit: "contacts",
    additive: true,
    totalId: null,
    title: { fr: "Contacts anonymes", en: "Anonymous contacts" },
    definition: {
      fr: "Somme des personnes comptées dans les rencontres sans fiche (une rencontre anonyme de groupe compte son nombre de personnes), dans la période. Les mêmes personnes rencontrées deux fois comptent deux fois.",
      en: "Sum of the head counts of the encounters without a person file in the period (an anonymous group encounter counts its number of people). The same people met twice count twice.",
    },
  },
  {
    name: "personsInFollowUp",
    section: "persons",
    unit: "persons",
    additive: false,
    // Met N times over Q1–Q2 without N times in either quarter: not ≤ the sum of its halves.
    acrossRanges: "monotone",
    totalId: "personsMet",
    title: { fr: "Personnes en suivi régulier", en: "Persons in regular follow-up" },
    definition: {
      fr: "Personnes distinctes rencontrées au moins N fois dans la période (N : le réglage « suivi régulier » du programme, 3 par défaut), toutes rencontres des organismes comptés confondues.",
      en: 'Distinct persons met at least N times in the period (N: the programme\'s "regular follow-up" setting, 3 by default), all encounters of the organisations counted together.',
    },
  },
  {
    name: "encounters",
    section: "encounters",
    unit: "encounters",
    additive: true,
    totalId: null,
    title: { fr: "Rencontres", en: "Encounters" },
    definition: {
      fr: "Rencontres (avec ou sans fiche, en personne ou à distance) datées dans la période ; une rencontre de groupe compte une fois.",
      en: "Encounters (with or without a file, in person or remote) dated in the period; a group encounter counts once.",
    },
  },
  {
    name: "contacts",
    section: "encounters",
    unit: "contacts",
    additive: true,
    totalId: null,
    title: { fr: "Contacts", en: "Contacts" },
    definition: {
      fr: "Somme des personnes rencontrées à chaque rencontre de la période (1 pour une rencontre avec fiche, le nombre de personnes d'une rencontre anonyme) : les mêmes personnes comptent à chaque rencontre.",
      en: "Sum of the people met at each encounter of the period (1 for an encounter with a file, the head count of an anonymous one): the same people count at each encounter.",
    },
  },
  {
    name: "itemsHandedOut",
    section: "material",
    unit: "items",
    additive: true,
    totalId: null,
    title: { fr: "Matériel remis", en: "Material handed out" },
    definition: {
      fr: "Quantité totale d'articles remis lors des rencontres de la période (visites au centre de nuit et livraisons comprises), toutes unités confondues.",
      en: "Total quantity of items handed out at the encounters of the period (night-centre visits and deliveries included), all units together.",
    },
  },
  {
    name: "servicesGiven",
    section: "material",
    unit: "services",
    additive: true,
    totalId: null,
    title: { fr: "Services rendus", en: "Services given" },
    definition: {
      fr: "Services du catalogue donnés lors des rencontres de la période : chaque service d'une rencontre compte une fois.",
      en: "Catalogue services given at the encounters of the period: each service of an encounter counts once.",
    },
  },
  {
    name: "nurseVisitsCompleted",
    section: "nurseVisits",
    unit: "visits",
    additive: true,
    totalId: null,
    title: { fr: "Visites conjointes réalisées", en: "Joint visits completed" },
    definition: {
      fr: "Visites conjointes infirmière–intervenante complétées dont le début prévu est dans la période, où l'un des organismes comptés est l'organisme de l'infirmière ou de l'intervenante (une visite compte une fois).",
      en: "Completed nurse–worker joint visits whose planned start is in the period, where one of the organisations counted is the nurse's or the worker's (a visit counts once).",
    },
  },
  {
    name: "nurseActs",
    section: "nurseVisits",
    unit: "acts",
    additive: true,
    totalId: null,
    title: { fr: "Actes infirmiers", en: "Nurse acts" },
    definition: {
      fr: "Somme des actes inscrits aux visites conjointes complétées de la période (un acte fait trois fois compte trois).",
      en: "Sum of the acts recorded on the completed joint visits of the period (an act done three times counts three).",
    },
  },
  {
    name: "accompaniments",
    section: "accompaniments",
    unit: "accompaniments",
    additive: true,
    totalId: null,
    title: { fr: "Accompagnements prévus", en: "Accompaniments planned" },
    definition: {
      fr: "Accompagnements dont la date prévue est dans la période, quel que soit leur statut.",
      en: "Accompaniments whose planned date is in the period, whatever their status.",
    },
  },
  {
    name: "accompanimentsDone",
    section: "accompaniments",
    unit: "accompaniments",
    additive: true,
    totalId: "accompaniments",
    title: { fr: "Accompagnements réalisés", en: "Accompaniments done" },
    definition: {
      fr: "Accompagnements dont la date prévue est dans la période et dont le statut est « réalisé ».",
      en: 'Accompaniments whose planned date is in the period and whose status is "done".',
    },
  },
  {
    name: "referralsSent",
    section: "referrals",
    unit: "referrals",
    additive: true,
    totalId: null,
    title: { fr: "Références envoyées", en: "Referrals sent" },
    definition: {
      fr: "Références envoyées par les organismes comptés dans la période (date d'envoi), quel que soit leur statut actuel.",
      en: "Referrals sent by the organisations counted in the period (date sent), whatever their current status.",
    },
  },
  {
    name: "venuesCovered",
    section: "venues",
    unit: "venues",
    additive: false,
    totalId: null,
    title: { fr: "Lieux couverts", en: "Venues covered" },
    definition: {
      fr: "Lieux distincts des organismes comptés où une rencontre a été notée, qu'un rapport de quart a visités, ou (centre de nuit) où une soirée a eu lieu, dans la période.",
      en: "Distinct venues of the organisations counted where an encounter was recorded, that a shift report visited, or (night centre) where an evening was held, in the period.",
    },
  },
  {
    name: "venuesWithCadence",
    section: "venues",
    unit: "venues",
    additive: false,
    totalId: null,
    title: { fr: "Lieux avec une fréquence de visite", en: "Venues with a visit cadence" },
    definition: {
      fr: "Lieux (non archivés avant la période) ayant une fréquence de visite fixée, qui existaient pendant la période.",
      en: "Venues (not archived before the period) with a visit cadence set, that existed during the period.",
    },
  },
  {
    name: "venuesOnCadence",
    section: "venues",
    unit: "venues",
    additive: false,
    // On cadence over Q1 is not on cadence over Q1–Q2: no relation across ranges.
    acrossRanges: "none",
    totalId: "venuesWithCadence",
    title: { fr: "Lieux visités à la fréquence prévue", en: "Venues visited on cadence" },
    definition: {
      fr: "Parmi les lieux avec une fréquence, ceux dont aucun intervalle n'a dépassé la fréquence : du début de la période (ou de la création du lieu) à la première visite, entre deux jours de visite, et de la dernière visite à la fin de la période (ou à aujourd'hui si elle n'est pas finie), en jours du fuseau du programme.",
      en: "Among the venues with a cadence, those where no stretch exceeded the cadence: from the period's start (or the venue's creation) to the first visit, between two visit days, and from the last visit to the period's end (or today if it is not over), in days of the programme's time zone.",
    },
  },
  {
    name: "nightCentreEvenings",
    section: "nightCentre",
    unit: "evenings",
    additive: true,
    totalId: null,
    title: { fr: "Soirées du centre de nuit", en: "Night-centre evenings" },
    definition: {
      fr: "Soirées ouvertes dans un centre de nuit des organismes comptés, dont le jour est dans la période.",
      en: "Evenings opened at a night centre of the organisations counted whose day is in the period.",
    },
  },
  {
    name: "nightCentreVisits",
    section: "nightCentre",
    unit: "visits",
    additive: true,
    totalId: null,
    title: { fr: "Visites au centre de nuit", en: "Night-centre visits" },
    definition: {
      fr: "Passages aux soirées de la période : somme des personnes de chaque entrée (une entrée anonyme de quatre personnes compte quatre).",
      en: "Visits at the evenings of the period: sum of the people of each check-in (an anonymous check-in of four counts four).",
    },
  },
  {
    name: "nightCentreVisitors",
    section: "nightCentre",
    unit: "persons",
    additive: false,
    totalId: null,
    title: { fr: "Visiteuses et visiteurs distincts", en: "Distinct visitors" },
    definition: {
      fr: "Personnes distinctes venues aux soirées de la période (une fois chacune), plus les personnes des entrées anonymes (qui ne peuvent être dédoublonnées).",
      en: "Distinct persons who came to the evenings of the period (once each), plus the people of anonymous check-ins (who cannot be told apart).",
    },
  },
  {
    name: "nightCentreFirstVisits",
    section: "nightCentre",
    unit: "persons",
    additive: true,
    totalId: "nightCentreVisitors",
    title: { fr: "Premières visites", en: "First visits" },
    definition: {
      fr: "Personnes venues pour la première fois à une soirée d'un organisme : aucune visite à une soirée plus ancienne du même organisme.",
      en: "Persons who came to an organisation's evening for the first time: no visit at an earlier evening of the same organisation.",
    },
  },
  {
    name: "lineContacts",
    section: "line",
    unit: "encounters",
    additive: true,
    totalId: "encounters",
    title: { fr: "Contacts à distance (ligne)", en: "Remote contacts (line)" },
    definition: {
      fr: "Rencontres de la période par téléphone, texto, plateforme en ligne ou vidéo (la saisie rapide de la ligne confidentielle et tout autre contact à distance).",
      en: "Encounters of the period by phone, text message, online platform or video (the confidential line's quick entry and any other remote contact).",
    },
  },
  {
    name: "encountersOnPlatforms",
    section: "line",
    unit: "encounters",
    additive: true,
    totalId: "encounters",
    title: { fr: "Rencontres sur une plateforme", en: "Encounters on a platform" },
    definition: {
      fr: "Rencontres de la période qui nomment une plateforme en ligne ou un service vidéo du catalogue.",
      en: "Encounters of the period naming an online platform or video service of the catalogue.",
    },
  },
  {
    name: "deliveriesRequested",
    section: "deliveries",
    unit: "deliveries",
    additive: true,
    totalId: null,
    title: { fr: "Livraisons demandées", en: "Deliveries requested" },
    definition: {
      fr: "Demandes de livraison de matériel faites dans la période (date de la demande), quel que soit leur statut actuel.",
      en: "Material delivery requests made in the period (date of the request), whatever their current status.",
    },
  },
  {
    name: "deliveriesDelivered",
    section: "deliveries",
    unit: "deliveries",
    additive: true,
    totalId: null,
    title: { fr: "Livraisons faites", en: "Deliveries made" },
    definition: {
      fr: "Livraisons remises dans la période (date de la rencontre créée à la remise), quelle que soit la date de la demande.",
      en: "Deliveries handed over in the period (date of the encounter made on delivery), whenever they were requested.",
    },
  },
  {
    name: "workshops",
    section: "workshops",
    unit: "workshops",
    additive: true,
    totalId: null,
    title: { fr: "Ateliers et kiosques", en: "Workshops and kiosks" },
    definition: {
      fr: "Ateliers et kiosques de prévention tenus dans la période (jour où ils ont eu lieu).",
      en: "Workshops and prevention kiosks held in the period (the day they took place).",
    },
  },
  {
    name: "workshopParticipants",
    section: "workshops",
    unit: "participants",
    additive: true,
    totalId: null,
    title: { fr: "Participantes et participants", en: "Participants" },
    definition: {
      fr: "Somme des participantes et participants comptés aux ateliers et kiosques de la période (une même personne venue deux fois compte deux fois).",
      en: "Sum of the participants counted at the workshops and kiosks of the period (the same person who came twice counts twice).",
    },
  },
  {
    name: "personsLeftTrade",
    section: "outcomes",
    unit: "persons",
    additive: false,
    totalId: "personsMet",
    title: { fr: "Personnes ayant quitté le métier", en: "Persons who left the trade" },
    definition: {
      fr: "Personnes distinctes dont au moins une rencontre de la période note « a quitté le métier ».",
      en: 'Distinct persons with at least one encounter of the period noting "left the trade".',
    },
  },
  {
    name: "personsReachedGoal",
    section: "outcomes",
    unit: "persons",
    additive: false,
    totalId: "personsMet",
    title: { fr: "Personnes ayant atteint un objectif", en: "Persons who reached a goal" },
    definition: {
      fr: "Personnes distinctes dont au moins une rencontre de la période note « a atteint un objectif qu'elle s'était fixé ».",
      en: 'Distinct persons with at least one encounter of the period noting "reached a goal she had set".',
    },
  },
] as const satisfies readonly IndicatorFigureDefinition[];
export type IndicatorFigureName = (typeof indicatorFigures)[number]["name"];

export const indicatorTables = [
  {
    name: "personsByGender",
    section: "persons",
    unit: "persons",
    additive: false,
    partition: true,
    overlapping: false,
    totalId: "personsMet",
    keys: { kind: "vocabulary", vocabulary: "Gender", codes: genders },
    title: { fr: "Personnes rencontrées selon le genre", en: "Persons met by gender" },
    definition: {
      fr: "Personnes rencontrées (voir ce chiffre) selon le genre inscrit à leur fiche aujourd'hui.",
      en: "Persons met (see that figure) by the gender on their file today.",
    },
  },
  {
    name: "personsByAgeBracket",
    section: "persons",
    unit: "persons",
    additive: false,
    // Her age at her first encounter of the range: 17 over Q3–Q4, 18 over Q4 alone.
    cellsAcrossRanges: "none",
    partition: true,
    overlapping: false,
    totalId: "personsMet",
    keys: { kind: "vocabulary", vocabulary: "AgeBracket", codes: ageBrackets },
    title: { fr: "Personnes rencontrées selon l'âge", en: "Persons met by age" },
    definition: {
      fr: "Personnes rencontrées selon leur âge à leur première rencontre de la période (année de la rencontre moins année de naissance) ; « inconnu » sans année de naissance.",
      en: 'Persons met by their age at their first encounter of the period (the encounter\'s year minus the birth year); "unknown" without a birth year.',
    },
  },
  {
    name: "anonymousContactsByGender",
    section: "persons",
    unit: "contacts",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "anonymousContacts",
    keys: { kind: "vocabulary", vocabulary: "Gender", codes: genders },
    title: { fr: "Contacts anonymes selon le genre", en: "Anonymous contacts by gender" },
    definition: {
      fr: "Contacts anonymes (somme des personnes des rencontres sans fiche) selon le genre noté à la rencontre ; « non précisé » s'il ne l'est pas.",
      en: 'Anonymous contacts (head counts of encounters without a file) by the gender noted at the encounter; "undisclosed" when not noted.',
    },
  },
  {
    name: "anonymousContactsByAgeBracket",
    section: "persons",
    unit: "contacts",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "anonymousContacts",
    keys: { kind: "vocabulary", vocabulary: "AgeBracket", codes: ageBrackets },
    title: { fr: "Contacts anonymes selon l'âge", en: "Anonymous contacts by age" },
    definition: {
      fr: "Contacts anonymes selon la tranche d'âge notée à la rencontre ; « inconnu » si elle ne l'est pas.",
      en: 'Anonymous contacts by the age bracket noted at the encounter; "unknown" when not noted.',
    },
  },
  {
    name: "encountersByPlaceType",
    section: "encounters",
    unit: "encounters",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "encounters",
    keys: { kind: "vocabulary", vocabulary: "PlaceType", codes: placeTypes },
    title: { fr: "Rencontres selon le type de lieu", en: "Encounters by type of place" },
    definition: {
      fr: "Rencontres de la période selon le type de lieu où elles ont eu lieu.",
      en: "Encounters of the period by the type of place they took place in.",
    },
  },
  {
    name: "encountersByChannel",
    section: "encounters",
    unit: "encounters",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "encounters",
    keys: { kind: "vocabulary", vocabulary: "Channel", codes: channels },
    title: { fr: "Rencontres selon le moyen", en: "Encounters by channel" },
    definition: {
      fr: "Rencontres de la période selon le moyen (en personne, téléphone, texto, plateforme, vidéo).",
      en: "Encounters of the period by channel (in person, phone, text, platform, video).",
    },
  },
  {
    name: "encountersByTheme",
    section: "encounters",
    unit: "encounters",
    additive: true,
    partition: false,
    overlapping: true,
    totalId: "encounters",
    keys: { kind: "vocabulary", vocabulary: "Theme", codes: themes },
    title: { fr: "Rencontres selon les thèmes abordés", en: "Encounters by theme discussed" },
    definition: {
      fr: "Rencontres de la période qui portent chaque thème : une rencontre peut en porter plusieurs, la somme des parts peut dépasser 100 %.",
      en: "Encounters of the period carrying each theme: an encounter may carry several, so shares may add up to more than 100 %.",
    },
  },
  {
    name: "materialsByItem",
    section: "material",
    unit: "items",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "itemsHandedOut",
    keys: { kind: "catalogue", list: "MATERIAL" },
    title: { fr: "Matériel remis selon l'article", en: "Material handed out by item" },
    definition: {
      fr: "Quantités remises lors des rencontres de la période, par article du catalogue (code commun aux organismes).",
      en: "Quantities handed out at the encounters of the period, by catalogue item (code shared by the organisations).",
    },
  },
  {
    name: "servicesByKind",
    section: "material",
    unit: "services",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "servicesGiven",
    keys: { kind: "catalogue", list: "SERVICE" },
    title: { fr: "Services rendus selon le service", en: "Services given by kind" },
    definition: {
      fr: "Services donnés lors des rencontres de la période, par service du catalogue.",
      en: "Services given at the encounters of the period, by catalogue service.",
    },
  },
  {
    name: "nurseActsByKind",
    section: "nurseVisits",
    unit: "acts",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "nurseActs",
    keys: { kind: "vocabulary", vocabulary: "ClinicalActKind", codes: clinicalActKinds },
    title: { fr: "Actes infirmiers selon le type", en: "Nurse acts by kind" },
    definition: {
      fr: "Actes des visites conjointes complétées de la période (date de début prévue), par type d'acte.",
      en: "Acts of the completed joint visits of the period (planned start), by kind of act.",
    },
  },
  {
    name: "accompanimentsByStatus",
    section: "accompaniments",
    unit: "accompaniments",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "accompaniments",
    keys: { kind: "vocabulary", vocabulary: "AccompanimentStatus", codes: accompanimentStatuses },
    title: { fr: "Accompagnements selon l'issue", en: "Accompaniments by outcome" },
    definition: {
      fr: "Accompagnements prévus dans la période selon leur statut actuel (prévu, réalisé, annulé, absence).",
      en: "Accompaniments planned in the period by their current status (planned, done, cancelled, no-show).",
    },
  },
  {
    name: "accompanimentsByDestination",
    section: "accompaniments",
    unit: "accompaniments",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "accompanimentsDone",
    keys: { kind: "vocabulary", vocabulary: "AccompanimentDestination", codes: accompanimentDestinations },
    title: { fr: "Accompagnements réalisés selon la destination", en: "Accompaniments done by destination" },
    definition: {
      fr: "Accompagnements réalisés dont la date prévue est dans la période, selon la destination.",
      en: "Accompaniments done whose planned date is in the period, by destination.",
    },
  },
  {
    name: "referralsByStatus",
    section: "referrals",
    unit: "referrals",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "referralsSent",
    keys: { kind: "vocabulary", vocabulary: "ReferralStatus", codes: referralStatuses },
    title: { fr: "Références selon le statut", en: "Referrals by status" },
    definition: {
      fr: "Références envoyées dans la période selon leur statut actuel.",
      en: "Referrals sent in the period by their current status.",
    },
  },
  {
    name: "referralsByDestinationKind",
    section: "referrals",
    unit: "referrals",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "referralsSent",
    keys: { kind: "vocabulary", vocabulary: "OrganisationKind", codes: organisationKinds },
    title: {
      fr: "Références selon le type d'organisme destinataire",
      en: "Referrals by kind of receiving organisation",
    },
    definition: {
      fr: "Références envoyées dans la période selon le type de l'organisme qui les reçoit (aucun organisme n'est nommé).",
      en: "Referrals sent in the period by the kind of organisation receiving them (no organisation is named).",
    },
  },
  {
    name: "referralsByTimeToFirstAnswer",
    section: "referrals",
    unit: "referrals",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "referralsSent",
    keys: {
      kind: "fixed",
      keys: [
        { key: "SAME_DAY", label: { fr: "Le jour même", en: "Same day" } },
        { key: "DAYS_1_2", label: { fr: "1 à 2 jours", en: "1\u20132 days" } },
        { key: "DAYS_3_7", label: { fr: "3 à 7 jours", en: "3\u20137 days" } },
        { key: "DAYS_8_30", label: { fr: "8 à 30 jours", en: "8\u201330 days" } },
        { key: "OVER_30_DAYS", label: { fr: "Plus de 30 jours", en: "More than 30 days" } },
        { key: "NO_ANSWER", label: { fr: "Pas encore de réponse", en: "No answer yet" } },
      ],
    },
    title: { fr: "Références selon le délai de première réponse", en: "Referrals by time to first answer" },
    definition: {
      fr: "Références envoyées dans la période selon les jours (du fuseau du programme) entre l'envoi et la première réponse de l'organisme destinataire (acceptée, refusée ou autre étape de sa part) ; « pas encore de réponse » : aucune étape de sa part à ce jour (y compris une référence retirée avant réponse).",
      en: "Referrals sent in the period by the days (in the programme's time zone) between sending and the receiving organisation's first answer (accepted, declined or any other step of its own); \"no answer yet\": no step of its own so far (including a referral withdrawn before an answer).",
    },
  },
  {
    name: "venuesCoveredByKind",
    section: "venues",
    unit: "venues",
    additive: false,
    partition: true,
    overlapping: false,
    totalId: "venuesCovered",
    keys: { kind: "vocabulary", vocabulary: "VenueKind", codes: venueKinds },
    title: { fr: "Lieux couverts selon le type", en: "Venues covered by type" },
    definition: {
      fr: "Lieux couverts dans la période (voir ce chiffre) selon leur type.",
      en: "Venues covered in the period (see that figure) by type.",
    },
  },
  {
    name: "encountersByPlatform",
    section: "line",
    unit: "encounters",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "encountersOnPlatforms",
    keys: { kind: "catalogue", list: "PLATFORM" },
    title: { fr: "Rencontres selon la plateforme", en: "Encounters by platform" },
    definition: {
      fr: "Rencontres de la période qui nomment une plateforme du catalogue, par plateforme (jamais une annonce ni un profil).",
      en: "Encounters of the period naming a catalogue platform, by platform (never an ad or a profile).",
    },
  },
  {
    name: "lineContactsByChannel",
    section: "line",
    unit: "encounters",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "lineContacts",
    keys: {
      kind: "fixed",
      keys: [
        { key: "PHONE", label: { fr: "Téléphone", en: "Phone" } },
        { key: "SMS", label: { fr: "Texto", en: "Text message" } },
        { key: "ONLINE_PLATFORM", label: { fr: "Plateforme en ligne", en: "Online platform" } },
        { key: "VIDEO", label: { fr: "Vidéo", en: "Video" } },
      ],
    },
    title: { fr: "Contacts à distance selon le moyen", en: "Remote contacts by channel" },
    definition: {
      fr: "Rencontres à distance de la période selon le moyen.",
      en: "Remote encounters of the period by channel.",
    },
  },
  {
    name: "deliveriesByStatus",
    section: "deliveries",
    unit: "deliveries",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "deliveriesRequested",
    keys: { kind: "vocabulary", vocabulary: "DeliveryStatus", codes: deliveryStatuses },
    title: { fr: "Livraisons demandées selon le statut", en: "Deliveries requested by status" },
    definition: {
      fr: "Demandes de livraison faites dans la période selon leur statut actuel.",
      en: "Delivery requests made in the period by their current status.",
    },
  },
  {
    name: "workshopsByKind",
    section: "workshops",
    unit: "workshops",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "workshops",
    keys: { kind: "vocabulary", vocabulary: "WorkshopKind", codes: workshopKinds },
    title: { fr: "Ateliers et kiosques selon le type", en: "Workshops and kiosks by kind" },
    definition: {
      fr: "Ateliers et kiosques tenus dans la période selon le type.",
      en: "Workshops and kiosks held in the period by kind.",
    },
  },
  {
    name: "workshopsByTopic",
    section: "workshops",
    unit: "workshops",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "workshops",
    keys: { kind: "vocabulary", vocabulary: "WorkshopTopic", codes: workshopTopics },
    title: { fr: "Ateliers et kiosques selon le sujet", en: "Workshops and kiosks by topic" },
    definition: {
      fr: "Ateliers et kiosques tenus dans la période selon leur sujet.",
      en: "Workshops and kiosks held in the period by topic.",
    },
  },
  {
    name: "workshopsByAudience",
    section: "workshops",
    unit: "workshops",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "workshops",
    keys: { kind: "vocabulary", vocabulary: "WorkshopAudience", codes: workshopAudiences },
    title: { fr: "Ateliers et kiosques selon le public", en: "Workshops and kiosks by audience" },
    definition: {
      fr: "Ateliers et kiosques tenus dans la période selon le public.",
      en: "Workshops and kiosks held in the period by audience.",
    },
  },
  {
    name: "participantsByKind",
    section: "workshops",
    unit: "participants",
    additive: true,
    partition: true,
    overlapping: false,
    totalId: "workshopParticipants",
    keys: { kind: "vocabulary", vocabulary: "WorkshopKind", codes: workshopKinds },
    title: { fr: "Participantes et participants selon le type", en: "Participants by kind" },
    definition: {
      fr: "Participantes et participants comptés aux ateliers et kiosques de la période, selon le type.",
      en: "Participants counted at the workshops and kiosks of the period, by kind.",
    },
  },
] as const satisfies readonly IndicatorTableDefinition[];
export type IndicatorTableName = (typeof indicatorTables)[number]["name"];

/** The monthly series of the period (months in the programme's time zone). */
export const indicatorMonthFields = ["encounters", "contacts", "personsMet"] as const;

/** A table's keys in order (a catalogue's: the codes answered, as the SQL lists them). */
export function tableKeys(table: IndicatorTableDefinition, answered: Record<string, number> = {}): string[] {
  switch (table.keys.kind) {
    case "vocabulary":
      return [...table.keys.codes];
    case "fixed":
      return table.keys.keys.map((k) => k.key);
    case "catalogue":
      return Object.keys(answered).sort();
  }
}

export function figureDefinition(name: string): IndicatorFigureDefinition | undefined {
  return (indicatorFigures as readonly IndicatorFigureDefinition[]).find((f) => f.name === name);
}

export function tableDefinition(name: string): IndicatorTableDefinition | undefined {
  return (indicatorTables as readonly IndicatorTableDefinition[]).find((t) => t.name === name);
}
