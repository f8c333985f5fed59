/**
 * A realistic PublishedIndicators for tests: a Montréal partnership's fiscal year 2018–2019
 * (1 April – 31 March, America/Toronto), already protected as the API answers a committee — small
 * counts and their complementary cells suppressed (null), true zeros kept (0), the previous year
 * beside every value. 16 figures and 25 tables in the report's 12 sections, 12 months of trend.
 * Every table's cells add up to its total (except the overlapping ones), hidden cells included.
 */
import type {
  Bilingual,
  PublishedCell,
  PublishedIndicators,
  PublishedTable,
} from "@maillage/domain/indicators";

const x = null;

function share(count: number | null, denominator: number | null): number | null {
  if (count === null || denominator === null || denominator === 0) return null;
  return count / denominator;
}

type CellRow = [key: string, fr: string, en: string, count: number | null, previousCount: number | null];

interface TableSpec {
  name: string;
  section: string;
  title: Bilingual;
  definition: Bilingual;
  denominator: [Bilingual, number | null, number | null] | null;
  unit: string;
  overlapping?: boolean;
  cells: CellRow[];
}

function table(spec: TableSpec): PublishedTable {
  const [denominator, denominatorCount, previousDenominatorCount] = spec.denominator ?? [null, null, null];
  const cells: PublishedCell[] = spec.cells.map(([key, fr, en, count, previousCount]) => ({
    key,
    label: { fr, en },
    count,
    share: denominator ? share(count, denominatorCount) : null,
    previousCount,
    previousShare: denominator ? share(previousCount, previousDenominatorCount) : null,
  }));
  return {
    name: spec.name,
    section: spec.section,
    title: spec.title,
    definition: spec.definition,
    denominator,
    denominatorCount,
    previousDenominatorCount,
    unit: spec.unit,
    overlapping: spec.overlapping ?? false,
    cells,
  };
}

const personsMet: Bilingual = {
  fr: "Personnes rencontrées dans la période",
  en: "Persons met in the period",
};
const encounters: Bilingual = { fr: "Rencontres de la période", en: "Encounters in the period" };

export function reportFixture(overrides: Partial<PublishedIndicators> = {}): PublishedIndicators {
  const figures: PublishedIndicators["figures"] = [
    {
      name: "personsMet",
      section: "persons",
      title: { fr: "Personnes rencontrées", en: "Persons met" },
      definition: {
        fr: "Personnes distinctes ayant eu au moins une rencontre dans la période, toutes organisations confondues (une personne connue de deux organisations compte une fois).",
        en: "Distinct persons with at least one encounter in the period, all organisations together (a person known to two organisations counts once).",
      },
      unit: "persons",
      value: 1284,
      previousValue: 1197,
    },
    {
      name: "personsInFollowUp",
      section: "persons",
      title: { fr: "Personnes en suivi régulier", en: "Persons in regular follow-up" },
      definition: {
        fr: "Personnes rencontrées au moins 6 fois dans la période.",
        en: "Persons met at least 6 times in the period.",
      },
      unit: "persons",
      value: 350,
      previousValue: 319,
    },
    {
      name: "encounters",
      section: "encounters",
      title: { fr: "Rencontres", en: "Encounters" },
      definition: {
        fr: "Rencontres avec une personne connue, consignées par les intervenantes et intervenants.",
        en: "Encounters with a known person, recorded by workers.",
      },
      unit: "encounters",
      value: 5166,
      previousValue: 4890,
    },
    {
      name: "anonymousContacts",
      section: "encounters",
      title: { fr: "Contacts anonymes", en: "Anonymous contacts" },
      definition: {
        fr: "Contacts brefs consignés sans dossier de personne (distribution de matériel, information).",
        en: "Brief contacts recorded without a person's file (material, information).",
      },
      unit: "contacts",
      value: 3412,
      previousValue: 3055,
    },
    {
      name: "nurseVisits",
      section: "nurseVisits",
      title: { fr: "Visites infirmières", en: "Nurse visits" },
      definition: {
        fr: "Visites d’une infirmière ou d’un infirmier auprès d’une personne.",
        en: "Visits of a nurse with a person.",
      },
      unit: "visits",
      value: 618,
      previousValue: 590,
    },
    {
      name: "accompaniments",
      section: "accompaniments",
      title: { fr: "Accompagnements", en: "Accompaniments" },
      definition: {
        fr: "Accompagnements d’une personne vers un service, prévus dans la période.",
        en: "Accompaniments of a person to a service, planned in the period.",
      },
      unit: "accompaniments",
      value: 244,
      previousValue: 231,
    },
    {
      name: "referrals",
      section: "referrals",
      title: { fr: "Références", en: "Referrals" },
      definition: {
        fr: "Références vers un service partenaire faites dans la période.",
        en: "Referrals to a partner service made in the period.",
      },
      unit: "referrals",
      value: 388,
      previousValue: 352,
    },
    {
      name: "venuesCovered",
      section: "venues",
      title: { fr: "Lieux couverts", en: "Venues covered" },
      definition: {
        fr: "Lieux de travail visités au moins une fois dans la période.",
        en: "Workplaces visited at least once in the period.",
      },
      unit: "venues",
      value: 146,
      previousValue: 139,
    },
    {
      name: "nightCentreVisits",
      section: "nightCentre",
      title: { fr: "Passages au centre de nuit", en: "Night centre visits" },
      definition: {
        fr: "Passages enregistrés lors des soirées du centre de nuit.",
        en: "Visits recorded during the night centre's evenings.",
      },
      unit: "visits",
      value: 2410,
      previousValue: 2288,
    },
    {
      name: "nightCentreVisitors",
      section: "nightCentre",
      title: { fr: "Personnes venues au centre de nuit", en: "Night centre visitors" },
      definition: {
        fr: "Personnes distinctes venues au moins une soirée.",
        en: "Distinct persons who came at least one evening.",
      },
      unit: "persons",
      value: 388,
      previousValue: 362,
    },
    {
      name: "nightCentreFirstVisits",
      section: "nightCentre",
      title: { fr: "Premières visites", en: "First visits" },
      definition: {
        fr: "Personnes venues au centre de nuit pour la première fois.",
        en: "Persons who came to the night centre for the first time.",
      },
      unit: "persons",
      value: 97,
      previousValue: 105,
    },
    {
      name: "lineContacts",
      section: "line",
      title: { fr: "Contacts sur la ligne", en: "Line contacts" },
      definition: {
        fr: "Appels et messages reçus sur la ligne d’écoute.",
        en: "Calls and messages received on the support line.",
      },
      unit: "contacts",
      value: 1022,
      previousValue: 948,
    },
    {
      name: "deliveries",
      section: "deliveries",
      title: { fr: "Livraisons", en: "Deliveries" },
      definition: {
        fr: "Livraisons de matériel effectuées (service ouvert en 2018).",
        en: "Material deliveries made (service opened in 2018).",
      },
      unit: "deliveries",
      value: 211,
      previousValue: 0,
    },
    {
      name: "workshops",
      section: "workshops",
      title: { fr: "Ateliers", en: "Workshops" },
      definition: { fr: "Ateliers tenus dans la période.", en: "Workshops held in the period." },
      unit: "workshops",
      value: 36,
      previousValue: 31,
    },
    {
      name: "workshopParticipants",
      section: "workshops",
      title: { fr: "Participations aux ateliers", en: "Workshop attendances" },
      definition: {
        fr: "Présences consignées aux ateliers (une personne venue à deux ateliers compte deux fois).",
        en: "Attendances recorded at workshops (a person at two workshops counts twice).",
      },
      unit: "participants",
      value: 290,
      previousValue: 262,
    },
    {
      name: "personsLeftTrade",
      section: "outcomes",
      title: { fr: "Personnes ayant quitté le métier", en: "Persons who left the trade" },
      definition: {
        fr: "Personnes pour qui une intervenante a consigné une sortie du métier dans la période.",
        en: "Persons for whom a worker recorded leaving the trade in the period.",
      },
      unit: "persons",
      value: 23,
      previousValue: 19,
    },
  ];

  const tables: PublishedTable[] = [
    table({
      name: "personsByGender",
      section: "persons",
      title: { fr: "Personnes rencontrées selon le genre", en: "Persons met by gender" },
      definition: {
        fr: "Genre déclaré par la personne, le plus récent consigné dans la période.",
        en: "Gender as stated by the person, the latest recorded in the period.",
      },
      denominator: [personsMet, 1284, 1197],
      unit: "persons",
      cells: [
        ["WOMAN", "Femme", "Woman", 702, 650],
        ["MAN", "Homme", "Man", 431, 410],
        ["TRANS_WOMAN", "Femme trans", "Trans woman", 92, 84],
        ["TRANS_MAN", "Homme trans", "Trans man", x, x],
        ["NON_BINARY", "Non binaire", "Non-binary", 36, 33],
        ["TWO_SPIRIT", "Bispirituel·le", "Two-spirit", x, x],
        ["UNKNOWN", "Non précisé", "Not stated", 13, 12],
      ],
    }),
    table({
      name: "personsByAgeBracket",
      section: "persons",
      title: { fr: "Personnes rencontrées selon l’âge", en: "Persons met by age bracket" },
      definition: {
        fr: "Âge à la date de la rencontre (à la première rencontre de la période).",
        en: "Age on the day of the encounter (the first encounter of the period).",
      },
      denominator: [personsMet, 1284, 1197],
      unit: "persons",
      cells: [
        ["AGE_UNDER_18", "Moins de 18 ans", "Under 18", 0, 0],
        ["AGE_18_25", "18 à 25 ans", "18 to 25", 188, 171],
        ["AGE_26_35", "26 à 35 ans", "26 to 35", 402, 380],
        ["AGE_36_45", "36 à 45 ans", "36 to 45", 331, 305],
        ["AGE_46_55", "46 à 55 ans", "46 to 55", 214, 199],
        ["AGE_56_PLUS", "56 ans et plus", "56 and over", 97, 95],
        ["AGE_UNKNOWN", "Âge inconnu", "Age unknown", 52, 47],
      ],
    }),
    table({
      name: "personsByEncounterCount",
      section: "persons",
      title: { fr: "Personnes selon le nombre de rencontres", en: "Persons by number of encounters" },
      definition: {
        fr: "Nombre de rencontres de chaque personne dans la période ; à partir de 6, la personne est en suivi régulier.",
        en: "Number of encounters of each person in the period; from 6, the person is in regular follow-up.",
      },
      denominator: [personsMet, 1284, 1197],
      unit: "persons",
      cells: [
        ["ONCE", "1 fois", "Once", 402, 390],
        ["TWICE", "2 fois", "Twice", 214, 201],
        ["3_TO_5", "3 à 5 fois", "3 to 5 times", 318, 287],
        ["6_TO_11", "6 à 11 fois", "6 to 11 times", 224, 210],
        ["12_PLUS", "12 fois et plus", "12 times or more", 126, 109],
      ],
    }),
    table({
      name: "encountersByPlaceType",
      section: "encounters",
      title: { fr: "Rencontres selon le type de lieu", en: "Encounters by type of place" },
      definition: {
        fr: "Type du lieu où la rencontre a eu lieu.",
        en: "Type of the place where the encounter happened.",
      },
      denominator: [encounters, 5166, 4890],
      unit: "encounters",
      cells: [
        ["STREET", "Rue", "Street", 2150, 2051],
        ["WORKPLACE", "Lieu de travail (bar, salon, agence)", "Workplace (bar, parlour, agency)", 1120, 1032],
        ["HOME", "Domicile", "Home", 806, 760],
        ["PREMISES", "Locaux de l’organisme", "Organisation's premises", 690, 655],
        ["HOSPITAL", "Hôpital ou clinique", "Hospital or clinic", 212, 198],
        ["OTHER", "Autre lieu", "Other place", 188, 194],
      ],
    }),
    table({
      name: "encountersByChannel",
      section: "encounters",
      title: { fr: "Rencontres selon le moyen", en: "Encounters by channel" },
      definition: {
        fr: "Moyen par lequel la rencontre a eu lieu.",
        en: "How the encounter took place.",
      },
      denominator: [encounters, 5166, 4890],
      unit: "encounters",
      cells: [
        ["IN_PERSON", "En personne", "In person", 4422, 4240],
        ["PHONE", "Téléphone", "Phone", 512, 470],
        ["VIDEO", "Vidéo", "Video", 152, 97],
        ["TEXT", "Texto", "Text message", 80, 83],
      ],
    }),
    table({
      name: "encountersByTheme",
      section: "encounters",
      title: { fr: "Rencontres selon les thèmes abordés", en: "Encounters by theme" },
      definition: {
        fr: "Thèmes consignés pour la rencontre ; une rencontre peut en porter plusieurs.",
        en: "Themes recorded for the encounter; an encounter may carry several.",
      },
      denominator: [encounters, 5166, 4890],
      unit: "encounters",
      overlapping: true,
      cells: [
        ["SEXUAL_HEALTH", "Santé sexuelle", "Sexual health", 1904, 1766],
        ["SUBSTANCE_USE", "Consommation", "Substance use", 1720, 1650],
        ["HOUSING", "Logement", "Housing", 845, 790],
        ["MENTAL_HEALTH", "Santé mentale", "Mental health", 690, 602],
        ["JUSTICE", "Justice", "Justice", 520, 488],
        ["WORK_RIGHTS", "Droits et conditions de travail", "Rights and working conditions", 433, 410],
        ["VIOLENCE", "Violence", "Violence", 311, 297],
        ["LEAVING", "Sortie du métier", "Leaving the trade", x, 6],
      ],
    }),
    table({
      name: "materialByItem",
      section: "material",
      title: { fr: "Matériel remis selon l’article", en: "Material handed out by item" },
      definition: {
        fr: "Quantités remises lors des rencontres et des contacts anonymes.",
        en: "Quantities handed out at encounters and anonymous contacts.",
      },
      denominator: null,
      unit: "items",
      cells: [
        ["CONDOMS", "Condoms", "Condoms", 30412, 28870],
        ["SYRINGES", "Seringues", "Syringes", 14200, 13950],
        ["LUBRICANT", "Lubrifiant", "Lubricant", 9120, 8455],
        ["CRACK_PIPES", "Pipes à crack", "Crack pipes", 3880, 3410],
        ["FENTANYL_STRIPS", "Bandelettes de détection du fentanyl", "Fentanyl test strips", 1210, 0],
        ["NALOXONE_KITS", "Trousses de naloxone", "Naloxone kits", 905, 640],
        ["PREGNANCY_TESTS", "Tests de grossesse", "Pregnancy tests", 0, x],
      ],
    }),
    table({
      name: "nurseActsByKind",
      section: "nurseVisits",
      title: { fr: "Actes infirmiers selon le type", en: "Nurse acts by kind" },
      definition: {
        fr: "Actes consignés lors des visites infirmières ; une visite peut en compter plusieurs.",
        en: "Acts recorded at nurse visits; a visit may hold several.",
      },
      denominator: null,
      unit: "acts",
      cells: [
        ["STI_SCREENING", "Dépistage ITSS", "STBBI screening", 402, 377],
        ["WOUND_CARE", "Soins de plaies", "Wound care", 241, 220],
        ["VACCINATION", "Vaccination", "Vaccination", 188, 203],
        ["REFERRAL_TO_DOCTOR", "Orientation vers un médecin", "Referral to a doctor", 112, 97],
        ["CONTRACEPTION", "Contraception", "Contraception", 96, 88],
        ["PREGNANCY_TEST", "Test de grossesse", "Pregnancy test", 31, 35],
        ["MENTAL_HEALTH_ASSESSMENT", "Évaluation en santé mentale", "Mental health assessment", x, 7],
      ],
    }),
    table({
      name: "nurseVisitsByPlace",
      section: "nurseVisits",
      title: { fr: "Visites infirmières selon le lieu", en: "Nurse visits by place" },
      definition: { fr: "Lieu de la visite infirmière.", en: "Place of the nurse visit." },
      denominator: [{ fr: "Visites infirmières", en: "Nurse visits" }, 618, 590],
      unit: "visits",
      cells: [
        ["PREMISES", "Locaux de l’organisme", "Organisation's premises", 301, 288],
        ["OUTREACH", "Rue ou unité mobile", "Street or mobile unit", 220, 205],
        ["HOME", "Domicile", "Home", 97, 97],
      ],
    }),
    table({
      name: "accompanimentsByDestination",
      section: "accompaniments",
      title: { fr: "Accompagnements selon la destination", en: "Accompaniments by destination" },
      definition: {
        fr: "Service vers lequel la personne a été accompagnée.",
        en: "Service the person was accompanied to.",
      },
      denominator: [{ fr: "Accompagnements", en: "Accompaniments" }, 244, 231],
      unit: "accompaniments",
      cells: [
        ["HOSPITAL", "Hôpital", "Hospital", 71, 66],
        ["CLSC", "CLSC", "CLSC", 58, 52],
        ["COURT", "Tribunal ou services juridiques", "Court or legal services", 44, 47],
        ["SHELTER", "Hébergement", "Shelter", 39, 36],
        ["SOCIAL_SERVICES", "Services sociaux", "Social services", x, x],
        ["OTHER", "Autre", "Other", x, x],
      ],
    }),
    table({
      name: "accompanimentsByOutcome",
      section: "accompaniments",
      title: { fr: "Accompagnements selon l’issue", en: "Accompaniments by outcome" },
      definition: {
        fr: "Issue consignée de l’accompagnement.",
        en: "Recorded outcome of the accompaniment.",
      },
      denominator: [{ fr: "Accompagnements", en: "Accompaniments" }, 244, 231],
      unit: "accompaniments",
      cells: [
        ["DONE", "Réalisé", "Done", 205, 190],
        ["POSTPONED", "Reporté", "Postponed", 22, 24],
        ["CANCELLED", "Annulé par la personne", "Cancelled by the person", 17, 17],
      ],
    }),
    table({
      name: "referralsByStatus",
      section: "referrals",
      title: { fr: "Références selon le statut", en: "Referrals by status" },
      definition: {
        fr: "Statut de la référence à la fin de la période.",
        en: "Status of the referral at the end of the period.",
      },
      denominator: [{ fr: "Références de la période", en: "Referrals in the period" }, 388, 352],
      unit: "referrals",
      cells: [
        ["ACCEPTED", "Acceptée", "Accepted", 241, 219],
        ["PENDING", "En attente", "Pending", 62, 58],
        ["NO_ANSWER", "Sans réponse", "No answer", 48, 44],
        ["DECLINED", "Refusée", "Declined", 37, 31],
      ],
    }),
    table({
      name: "referralsByDestination",
      section: "referrals",
      title: { fr: "Références selon la destination", en: "Referrals by destination" },
      definition: {
        fr: "Type du service vers lequel la personne a été référée.",
        en: "Kind of service the person was referred to.",
      },
      denominator: [{ fr: "Références de la période", en: "Referrals in the period" }, 388, 352],
      unit: "referrals",
      cells: [
        ["HEALTH", "Santé", "Health", 132, 120],
        ["HOUSING", "Hébergement et logement", "Shelter and housing", 98, 90],
        ["LEGAL", "Juridique", "Legal", 61, 55],
        ["DETOX", "Désintoxication", "Detox", 50, 43],
        ["INCOME", "Aide financière", "Income support", 47, 44],
      ],
    }),
    table({
      name: "referralsByTimeToFirstAnswer",
      section: "referrals",
      title: { fr: "Délai de première réponse", en: "Time to first answer" },
      definition: {
        fr: "Jours entre la référence et la première réponse du service.",
        en: "Days between the referral and the service's first answer.",
      },
      denominator: [
        { fr: "Références ayant reçu une réponse", en: "Referrals that got an answer" },
        340,
        308,
      ],
      unit: "referrals",
      cells: [
        ["SAME_DAY", "Le jour même", "Same day", 88, 71],
        ["DAYS_1_2", "1 ou 2 jours", "1 or 2 days", 121, 114],
        ["DAYS_3_7", "3 à 7 jours", "3 to 7 days", 86, 80],
        ["DAYS_8_30", "8 à 30 jours", "8 to 30 days", x, 37],
        ["DAYS_31_PLUS", "Plus de 30 jours", "More than 30 days", x, 6],
      ],
    }),
    table({
      name: "venuesByType",
      section: "venues",
      title: { fr: "Lieux couverts selon le type", en: "Venues covered by type" },
      definition: {
        fr: "Type des lieux de travail visités au moins une fois.",
        en: "Type of the workplaces visited at least once.",
      },
      denominator: [{ fr: "Lieux couverts", en: "Venues covered" }, 146, 139],
      unit: "venues",
      cells: [
        ["BAR", "Bar ou club", "Bar or club", 41, 40],
        ["MASSAGE_PARLOUR", "Salon de massage", "Massage parlour", 38, 36],
        ["HOTEL", "Hôtel ou motel", "Hotel or motel", 22, 21],
        ["ROOMING_HOUSE", "Maison de chambres", "Rooming house", 19, 17],
        ["ESCORT_AGENCY", "Agence d’escortes", "Escort agency", x, x],
        ["OTHER", "Autre", "Other", x, x],
      ],
    }),
    table({
      name: "venuesOnCadence",
      section: "venues",
      title: { fr: "Lieux visités au rythme prévu", en: "Venues visited on cadence" },
      definition: {
        fr: "Lieux dont chaque intervalle entre deux visites est resté dans le rythme prévu pour le lieu.",
        en: "Venues where every gap between two visits stayed within the venue's planned cadence.",
      },
      denominator: [{ fr: "Lieux couverts", en: "Venues covered" }, 146, 139],
      unit: "venues",
      cells: [
        ["ON_CADENCE", "Au rythme prévu", "On cadence", 118, 104],
        ["OFF_CADENCE", "Hors du rythme prévu", "Off cadence", 28, 35],
      ],
    }),
    table({
      name: "nightCentreServices",
      section: "nightCentre",
      title: { fr: "Services reçus au centre de nuit", en: "Services at the night centre" },
      definition: {
        fr: "Services consignés lors des passages ; un passage peut en compter plusieurs.",
        en: "Services recorded at visits; a visit may hold several.",
      },
      denominator: [{ fr: "Passages au centre de nuit", en: "Night centre visits" }, 2410, 2288],
      unit: "visits",
      overlapping: true,
      cells: [
        ["MEAL", "Repas", "Meal", 1980, 1870],
        ["REST", "Repos", "Rest", 1403, 1322],
        ["MATERIAL", "Matériel", "Material", 1122, 1040],
        ["SHOWER", "Douche", "Shower", 612, 590],
        ["INTERVENTION", "Intervention", "Support session", 388, 351],
        ["NURSE", "Soins infirmiers", "Nursing care", 141, 130],
      ],
    }),
    table({
      name: "nightCentreVisitorsByGender",
      section: "nightCentre",
      title: {
        fr: "Personnes venues au centre de nuit selon le genre",
        en: "Night centre visitors by gender",
      },
      definition: {
        fr: "Genre déclaré des personnes venues au moins une soirée.",
        en: "Stated gender of the persons who came at least one evening.",
      },
      denominator: [{ fr: "Personnes venues au centre de nuit", en: "Night centre visitors" }, 388, 362],
      unit: "persons",
      cells: [
        ["WOMAN", "Femme", "Woman", 241, 226],
        ["TRANS_WOMAN", "Femme trans", "Trans woman", 61, 55],
        ["MAN", "Homme", "Man", 52, 50],
        ["NON_BINARY", "Non binaire", "Non-binary", 27, x],
        ["OTHER", "Autre ou non précisé", "Other or not stated", 7, x],
      ],
    }),
    table({
      name: "lineContactsByChannel",
      section: "line",
      title: { fr: "Contacts sur la ligne selon le moyen", en: "Line contacts by channel" },
      definition: { fr: "Moyen du contact.", en: "How the contact came in." },
      denominator: [{ fr: "Contacts sur la ligne", en: "Line contacts" }, 1022, 948],
      unit: "contacts",
      cells: [
        ["CALL", "Appel", "Call", 702, 650],
        ["TEXT", "Texto", "Text message", 320, 298],
      ],
    }),
    table({
      name: "lineContactsBySubject",
      section: "line",
      title: { fr: "Contacts sur la ligne selon le sujet", en: "Line contacts by subject" },
      definition: {
        fr: "Sujets consignés pour le contact ; un contact peut en porter plusieurs.",
        en: "Subjects recorded for the contact; a contact may carry several.",
      },
      denominator: [{ fr: "Contacts sur la ligne", en: "Line contacts" }, 1022, 948],
      unit: "contacts",
      overlapping: true,
      cells: [
        ["LISTENING", "Écoute", "Listening", 610, 571],
        ["INFORMATION", "Information", "Information", 402, 366],
        ["BAD_DATE", "Signalement de mauvais client", "Bad date report", 164, 150],
        ["VIOLENCE", "Violence", "Violence", 133, 120],
        ["CRISIS", "Crise", "Crisis", 88, 91],
      ],
    }),
    table({
      name: "deliveriesByItem",
      section: "deliveries",
      title: { fr: "Matériel livré selon l’article", en: "Material delivered by item" },
      definition: {
        fr: "Quantités remises lors des livraisons.",
        en: "Quantities handed over at deliveries.",
      },
      denominator: null,
      unit: "items",
      cells: [
        ["CONDOMS", "Condoms", "Condoms", 2200, 0],
        ["INJECTION_KITS", "Trousses d’injection", "Injection kits", 640, 0],
        ["NALOXONE_KITS", "Trousses de naloxone", "Naloxone kits", 58, 0],
        ["PREGNANCY_TESTS", "Tests de grossesse", "Pregnancy tests", 0, 0],
      ],
    }),
    table({
      name: "workshopsByTopic",
      section: "workshops",
      title: { fr: "Ateliers selon le sujet", en: "Workshops by topic" },
      definition: { fr: "Sujet principal de l’atelier.", en: "Main topic of the workshop." },
      denominator: [{ fr: "Ateliers", en: "Workshops" }, 36, 31],
      unit: "workshops",
      cells: [
        ["SEXUAL_HEALTH", "Santé sexuelle", "Sexual health", 11, 9],
        ["RIGHTS", "Droits", "Rights", 8, 7],
        ["NALOXONE", "Naloxone", "Naloxone", 7, 6],
        ["SELF_DEFENCE", "Autodéfense", "Self-defence", x, x],
        ["OTHER", "Autre", "Other", x, x],
      ],
    }),
    table({
      name: "workshopParticipantsByTopic",
      section: "workshops",
      title: { fr: "Participations selon le sujet de l’atelier", en: "Attendances by workshop topic" },
      definition: {
        fr: "Présences consignées, selon le sujet de l’atelier.",
        en: "Attendances recorded, by workshop topic.",
      },
      denominator: [{ fr: "Participations aux ateliers", en: "Workshop attendances" }, 290, 262],
      unit: "participants",
      cells: [
        ["SEXUAL_HEALTH", "Santé sexuelle", "Sexual health", 98, 88],
        ["NALOXONE", "Naloxone", "Naloxone", 71, 64],
        ["RIGHTS", "Droits", "Rights", 62, 55],
        ["SELF_DEFENCE", "Autodéfense", "Self-defence", 44, 40],
        ["OTHER", "Autre", "Other", 15, 15],
      ],
    }),
    table({
      name: "outcomesByKind",
      section: "outcomes",
      title: { fr: "Objectifs atteints", en: "Goals reached" },
      definition: {
        fr: "Objectifs déclarés par la personne et consignés comme atteints dans la période ; une personne peut en atteindre plusieurs.",
        en: "Goals stated by the person and recorded as reached in the period; a person may reach several.",
      },
      denominator: [{ fr: "Personnes en suivi régulier", en: "Persons in regular follow-up" }, 350, 319],
      unit: "persons",
      overlapping: true,
      cells: [
        ["HEALTH_GOAL", "Objectif de santé", "Health goal", 52, 47],
        ["HOUSING_GOAL", "Logement obtenu", "Housing obtained", 41, 33],
        ["LEFT_TRADE", "Sortie du métier", "Left the trade", 23, 19],
        ["STUDY_OR_WORK", "Retour aux études ou à l’emploi", "Back to school or work", 17, x],
        ["OTHER_GOAL", "Autre objectif déclaré", "Other stated goal", 11, x],
      ],
    }),
    table({
      name: "outcomesByFollowUpLength",
      section: "outcomes",
      title: {
        fr: "Sorties du métier selon la durée du suivi",
        en: "Persons who left the trade by length of follow-up",
      },
      definition: {
        fr: "Temps écoulé entre la première rencontre consignée et la sortie du métier.",
        en: "Time between the first recorded encounter and leaving the trade.",
      },
      denominator: [{ fr: "Personnes ayant quitté le métier", en: "Persons who left the trade" }, 23, 19],
      unit: "persons",
      cells: [
        ["UNDER_1_YEAR", "Moins d’un an", "Under a year", x, x],
        ["YEARS_1_3", "1 à 3 ans", "1 to 3 years", 9, 8],
        ["YEARS_3_PLUS", "Plus de 3 ans", "More than 3 years", x, x],
      ],
    }),
  ];

  const months = [
    ["2018-04", 402, 271, 318],
    ["2018-05", 418, 280, 331],
    ["2018-06", 455, 302, 356],
    ["2018-07", 470, 315, 362],
    ["2018-08", 462, 309, 350],
    ["2018-09", 430, 290, 337],
    ["2018-10", 441, 288, 341],
    ["2018-11", 425, 276, 329],
    ["2018-12", 398, 260, 305],
    ["2019-01", 412, 262, 314],
    ["2019-02", 420, 271, 322],
    ["2019-03", 433, 288, 333],
  ] as const;

  return {
    scope: { kind: "PARTNERSHIP", name: "Table de concertation en travail de rue — Montréal-Centre" },
    period: {
      from: "2018-04-01T04:00:00.000Z",
      to: "2019-04-01T04:00:00.000Z",
      fiscalYear: 2018,
      quarters: [1, 4],
      label: { fr: "2018–2019", en: "2018–2019" },
    },
    previous: {
      from: "2017-04-01T04:00:00.000Z",
      to: "2018-04-01T04:00:00.000Z",
      fiscalYear: 2017,
      quarters: [1, 4],
      label: { fr: "2017–2018", en: "2017–2018" },
    },
    suppressed: true,
    threshold: 5,
    asOf: "2019-04-15T07:00:00.000Z",
    timeZone: "America/Toronto",
    followUpMinEncounters: 6,
    figures,
    tables,
    monthly: months.map(([month, encountersInMonth, contacts, persons]) => ({
      month,
      encounters: encountersInMonth,
      contacts,
      personsMet: persons,
    })),
    ...overrides,
  };
}
