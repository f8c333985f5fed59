import { encounterLimits } from "../field-work.ts";
import { columnLengths } from "../inputs/column-lengths.ts";
import { workshopLimits } from "../inputs/workshops.ts";
import type { Locale } from "../locale.ts";
import type { CatalogueListName } from "../vocabularies.ts";
import type { ShapeVocabularyName } from "./vocabulary-labels.ts";

/** The record shapes a spreadsheet may hold, one table (one file or sheet) each. */
export const recordShapes = ["PERSONS", "ENCOUNTERS", "VENUES", "MATERIAL_RECEIPTS", "WORKSHOPS"] as const;
export type RecordShapeName = (typeof recordShapes)[number];

/** The longest source reference a row may carry (`imported_records.source_ref`). */
export const sourceReferenceLength = 200;

/**
 * What a column holds and how a cell is read (cell-values.ts). `list: true` on the column: several
 * values in one cell, separated by ";" (a comma is accepted too where values hold none).
 */
export type ColumnKind =
  /** Free text, trimmed, at most `max` characters (its database column's length). */
  | { type: "text"; max: number }
  /** A calendar day: YYYY-MM-DD (or a date cell of a spreadsheet). */
  | { type: "date" }
  /** A time of day: HH:MM, 14h30, or a time cell; the day is the row's date column. */
  | { type: "time" }
  /** A whole number within bounds (no decimals, no thousands separators but spaces). */
  | { type: "integer"; min: number; max: number }
  /** Yes or no: oui/non, yes/no, vrai/faux, true/false, 1/0, x (yes) or empty. */
  | { type: "boolean" }
  /** A value of a closed vocabulary: its code or its French or English label. */
  | { type: "vocabulary"; vocabulary: ShapeVocabularyName }
  /** An entry of the organisation's catalogue list: its code or its French or English name. */
  | { type: "catalogue"; list: CatalogueListName }
  /**
   * Items and quantities in one cell, `CONDOMS:12; LUBRICANT:3` (code or name, ":" or "=", ";"
   * between items). Why one column and not one per item: the catalogue is each organisation's own
   * and changes over time, so a fixed header set cannot name its items. The mapping step also
   * offers one field per item of the organisation's catalogue (`materials.<CODE>`, see
   * `materialQuantityField`) for tally sheets kept with a column per item.
   */
  | { type: "quantities"; list: "MATERIAL"; maxQuantity: number }
  /** A row of another shape: its import reference, else its name (a venue) or alias (a person). */
  | { type: "record"; shape: "PERSONS" | "VENUES" }
  /** A member of the organisation, by e-mail. */
  | { type: "member" }
  /** A language, as an ISO 639 code (fr, en, es). */
  | { type: "language" };

export interface ColumnDefinition {
  /** The field's stable key (the mapping's `field`). */
  key: string;
  /** The header of the templates and exports, in each language. */
  header: Record<Locale, string>;
  /** Other headers recognised for this field when suggesting a mapping (any language). */
  aliases?: readonly string[];
  required: boolean;
  kind: ColumnKind;
  /** Several values in one cell, separated by ";". */
  list?: boolean;
  /** At most this many values in a list. */
  maxItems?: number;
  description: Record<Locale, string>;
  /** The templates' example row, per language. */
  example: Record<Locale, string>;
}

export interface ShapeDefinition {
  name: RecordShapeName;
  label: Record<Locale, string>;
  description: Record<Locale, string>;
  columns: readonly ColumnDefinition[];
}

/** The rows a file may hold (header excluded): more is refused whole, before any row is read. */
export const maxImportRows = 20_000;

/** The largest file accepted (bytes): larger is refused while it is being received. */
export const maxImportFileBytes = 10 * 1024 * 1024;

/** How many problems a dry run lists; the report says how many more there are. */
export const maxListedProblems = 500;

/** An optional yes/no column (empty reads no); `example` is the templates' sample value. */
function yesNo(
  key: string,
  header: Record<Locale, string>,
  aliases: readonly string[],
  example: "oui" | "non",
): ColumnDefinition {
  return {
    key,
    header,
    aliases,
    required: false,
    kind: { type: "boolean" },
    description: { fr: "Oui ou non (vide : non).", en: "Yes or no (empty: no)." },
    example: { fr: example, en: example === "oui" ? "yes" : "no" },
  };
}

const reference: ColumnDefinition = {
  key: "reference",
  header: { fr: "Référence", en: "Reference" },
  aliases: ["ref", "réf", "id", "identifiant", "identifier", "numéro", "number", "no", "code"],
  required: false,
  kind: { type: "text", max: sourceReferenceLength },
  description: {
    fr: "Identifiant stable de la ligne dans votre fichier (numéro de fiche…). Une ligne déjà importée avec cette référence n'est pas ajoutée une seconde fois. Sans référence, une ligne identique déjà importée n'est pas ajoutée non plus.",
    en: "The row's stable identifier in your file (a sheet number…). A row already imported with this reference is not added a second time. Without a reference, an identical row already imported is not added either.",
  },
  example: { fr: "2018-0001", en: "2018-0001" },
};

const persons: ShapeDefinition = {
  name: "PERSONS",
  label: { fr: "Personnes (dossiers)", en: "Persons (files)" },
  description: {
    fr: "Une ligne par personne suivie : un dossier par ligne, sous un pseudonyme (jamais le nom légal).",
    en: "One row per person followed: one file per row, under an alias (never the legal name).",
  },
  columns: [
    reference,
    {
      key: "alias",
      header: { fr: "Pseudonyme", en: "Alias" },
      aliases: ["surnom", "nickname", "prénom", "first name", "nom", "name"],
      required: true,
      kind: { type: "text", max: columnLengths["Person.alias"] },
      description: {
        fr: "Le nom sous lequel l'équipe connaît la personne.",
        en: "The name the team knows the person by.",
      },
      example: { fr: "Nadia B.", en: "Nadia B." },
    },
    {
      key: "birthYear",
      header: { fr: "Année de naissance", en: "Birth year" },
      aliases: ["naissance", "année", "birth", "year of birth"],
      required: false,
      kind: { type: "integer", min: 1900, max: 2100 },
      description: {
        fr: "Quatre chiffres (1990), même approximative; pas dans l'avenir.",
        en: "Four digits (1990), even if approximate; not in the future.",
      },
      example: { fr: "1990", en: "1990" },
    },
    {
      key: "gender",
      header: { fr: "Genre", en: "Gender" },
      aliases: ["sexe", "sex", "identité de genre", "gender identity"],
      required: false,
      kind: { type: "vocabulary", vocabulary: "Gender" },
      description: {
        fr: "Code ou libellé (Femme, Homme, Femme trans…). Vide : non précisé.",
        en: "Code or label (Woman, Man, Trans woman…). Empty: undisclosed.",
      },
      example: { fr: "Femme", en: "Woman" },
    },
    {
      key: "languages",
      header: { fr: "Langues", en: "Languages" },
      aliases: ["langue", "language"],
      required: false,
      list: true,
      maxItems: 8,
      kind: { type: "language" },
      description: {
        fr: "Codes ISO 639 séparés par « ; » (fr; en; es).",
        en: "ISO 639 codes separated by ';' (fr; en; es).",
      },
      example: { fr: "fr; es", en: "en; fr" },
    },
    yesNo("mayText", { fr: "Texto permis", en: "May text" }, ["texto", "sms", "text"], "oui"),
    yesNo(
      "mayLeaveMessage",
      { fr: "Message permis", en: "May leave a message" },
      ["message", "voicemail", "boîte vocale"],
      "non",
    ),
    {
      key: "safeContactNote",
      header: { fr: "Consignes de contact", en: "Safe contact note" },
      aliases: ["contact", "consignes", "safe contact"],
      required: false,
      kind: { type: "text", max: columnLengths["Person.safeContactNote"] },
      description: {
        fr: "Comment la joindre sans risque (jamais un nom ni un numéro d'un tiers).",
        en: "How to reach her safely (never a third party's name or number).",
      },
      example: { fr: "Texto seulement, après 14 h", en: "Text only, after 2 pm" },
    },
    yesNo(
      "inRegularFollowUp",
      { fr: "Suivi régulier", en: "Regular follow-up" },
      ["suivi", "follow-up", "follow up"],
      "oui",
    ),
  ],
};

const encounters: ShapeDefinition = {
  name: "ENCOUNTERS",
  label: { fr: "Rencontres (feuilles de compilation)", en: "Encounters (tally sheets)" },
  description: {
    fr: "Une ligne par contact, comme une feuille de compilation : date, lieu, canal, thèmes, matériel remis. Avec une personne (sa référence ou son pseudonyme) ou un contact anonyme (genre, tranche d'âge, nombre de personnes).",
    en: "One row per contact, as a tally sheet is kept: date, place, channel, themes, material handed out. With a person (her reference or alias) or an anonymous contact (gender, age bracket, head count).",
  },
  columns: [
    reference,
    {
      key: "date",
      header: { fr: "Date", en: "Date" },
      aliases: ["jour", "day", "date de la rencontre", "encounter date"],
      required: true,
      kind: { type: "date" },
      description: {
        fr: "AAAA-MM-JJ (2018-04-15) ou une cellule date du tableur; pas avant la date de début de l'organisme, pas dans l'avenir.",
        en: "YYYY-MM-DD (2018-04-15) or a spreadsheet date cell; not before the organisation's start date, not in the future.",
      },
      example: { fr: "2018-04-15", en: "2018-04-15" },
    },
    {
      key: "time",
      header: { fr: "Heure", en: "Time" },
      aliases: ["hour", "heure de la rencontre"],
      required: false,
      kind: { type: "time" },
      description: {
        fr: "HH:MM ou 14h30, à l'heure de l'organisme. Vide : midi.",
        en: "HH:MM or 14h30, in the organisation's time zone. Empty: noon.",
      },
      example: { fr: "14:30", en: "14:30" },
    },
    {
      key: "channel",
      header: { fr: "Canal", en: "Channel" },
      aliases: ["mode", "moyen", "type de contact", "contact type"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "Channel" },
      description: {
        fr: "En personne, Téléphone, Texto, Plateforme en ligne, Vidéo (ou le code).",
        en: "In person, Phone, Text message, Online platform, Video (or the code).",
      },
      example: { fr: "En personne", en: "In person" },
    },
    {
      key: "placeType",
      header: { fr: "Type de lieu", en: "Place type" },
      aliases: ["lieu", "place", "milieu", "setting"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "PlaceType" },
      description: {
        fr: "Milieu de travail, Bureau, Domicile, Lieu public, Bar… (ou le code).",
        en: "Workplace, Office, Home, Public place, Bar… (or the code).",
      },
      example: { fr: "Lieu public", en: "Public place" },
    },
    {
      key: "venue",
      header: { fr: "Milieu visité", en: "Venue" },
      aliases: ["établissement", "site", "endroit"],
      required: false,
      kind: { type: "record", shape: "VENUES" },
      description: {
        fr: "Un milieu de l'organisme : sa référence d'import ou son nom exact.",
        en: "A venue of the organisation: its import reference or its exact name.",
      },
      example: { fr: "", en: "" },
    },
    {
      key: "themes",
      header: { fr: "Thèmes", en: "Themes" },
      aliases: ["thème", "theme", "sujets", "topics", "sujet abordé"],
      required: false,
      list: true,
      kind: { type: "vocabulary", vocabulary: "Theme" },
      description: {
        fr: "Séparés par « ; » (Sexualité; Logement), libellés ou codes.",
        en: "Separated by ';' (Sexuality; Housing), labels or codes.",
      },
      example: { fr: "Sexualité; Logement", en: "Sexuality; Housing" },
    },
    {
      key: "materials",
      header: { fr: "Matériel remis", en: "Material handed out" },
      aliases: ["matériel", "material", "materials", "items"],
      required: false,
      kind: { type: "quantities", list: "MATERIAL", maxQuantity: encounterLimits.maxQuantity },
      description: {
        fr: "Articles du catalogue et quantités : « CONDOMS:12; LUBRICANT:3 » (code ou nom, « : » ou « = », « ; » entre les articles). Une colonne par article est aussi possible à l'étape des colonnes.",
        en: "Catalogue items and quantities: 'CONDOMS:12; LUBRICANT:3' (code or name, ':' or '=', ';' between items). One column per item is also possible at the column step.",
      },
      example: { fr: "CONDOMS:12; LUBRICANT:3", en: "CONDOMS:12; LUBRICANT:3" },
    },
    {
      key: "services",
      header: { fr: "Services", en: "Services" },
      aliases: ["service"],
      required: false,
      list: true,
      maxItems: encounterLimits.maxCatalogueChoices,
      kind: { type: "catalogue", list: "SERVICE" },
      description: {
        fr: "Services du catalogue, séparés par « ; » (code ou nom).",
        en: "Services of the catalogue, separated by ';' (code or name).",
      },
      example: { fr: "", en: "" },
    },
    {
      key: "platform",
      header: { fr: "Plateforme", en: "Platform" },
      aliases: ["plateforme en ligne", "online platform", "site"],
      required: false,
      kind: { type: "catalogue", list: "PLATFORM" },
      description: {
        fr: "La plateforme en ligne du catalogue (code ou nom), pour un contact en ligne.",
        en: "The online platform of the catalogue (code or name), for an online contact.",
      },
      example: { fr: "", en: "" },
    },
    {
      key: "person",
      header: { fr: "Personne", en: "Person" },
      aliases: ["pseudonyme", "alias", "dossier", "file", "référence personne", "person reference"],
      required: false,
      kind: { type: "record", shape: "PERSONS" },
      description: {
        fr: "La personne rencontrée : sa référence d'import ou son pseudonyme exact. Vide : un contact anonyme.",
        en: "The person met: her import reference or exact alias. Empty: an anonymous contact.",
      },
      example: { fr: "", en: "" },
    },
    {
      key: "gender",
      header: { fr: "Genre", en: "Gender" },
      aliases: ["sexe", "sex"],
      required: false,
      kind: { type: "vocabulary", vocabulary: "Gender" },
      description: {
        fr: "Contact anonyme seulement (Femme, Homme…). Vide : non précisé. Ignoré quand une personne est nommée : son dossier le porte.",
        en: "Anonymous contact only (Woman, Man…). Empty: undisclosed. Ignored when a person is named: her file holds it.",
      },
      example: { fr: "Femme", en: "Woman" },
    },
    {
      key: "ageBracket",
      header: { fr: "Tranche d'âge", en: "Age bracket" },
      aliases: ["âge", "age", "groupe d'âge", "age group"],
      required: false,
      kind: { type: "vocabulary", vocabulary: "AgeBracket" },
      description: {
        fr: "Contact anonyme seulement (Moins de 18 ans, 18–25 ans, 26–35 ans, 36 ans et plus). Vide : inconnu.",
        en: "Anonymous contact only (Under 18, 18–25, 26–35, 36 and over). Empty: unknown.",
      },
      example: { fr: "26–35 ans", en: "26–35" },
    },
    {
      key: "headCount",
      header: { fr: "Nombre de personnes", en: "Head count" },
      aliases: ["nombre", "nb", "count", "personnes", "people"],
      required: false,
      kind: { type: "integer", min: 1, max: encounterLimits.maxHeadCount },
      description: {
        fr: "Contact anonyme : combien de personnes (vide : 1). Avec une personne nommée : 1 ou vide.",
        en: "Anonymous contact: how many people (empty: 1). With a named person: 1 or empty.",
      },
      example: { fr: "1", en: "1" },
    },
    {
      key: "note",
      header: { fr: "Note", en: "Note" },
      aliases: [
        "notes",
        "commentaire",
        "commentaires",
        "comment",
        "comments",
        "remarque",
        "remarques",
        "remarks",
      ],
      required: false,
      kind: { type: "text", max: columnLengths["EncounterNote.body"] },
      description: {
        fr: "Note de l'organisme (jamais montrée à un partenaire).",
        en: "The organisation's note (never shown to a partner).",
      },
      example: { fr: "", en: "" },
    },
  ],
};

const venues: ShapeDefinition = {
  name: "VENUES",
  label: { fr: "Milieux", en: "Venues" },
  description: {
    fr: "Une ligne par milieu visité (salon, bar, parc, secteur de rue…).",
    en: "One row per venue visited (parlour, bar, park, street area…).",
  },
  columns: [
    reference,
    {
      key: "name",
      header: { fr: "Nom", en: "Name" },
      aliases: ["nom du milieu", "venue", "milieu", "établissement"],
      required: true,
      kind: { type: "text", max: columnLengths["Venue.name"] },
      description: { fr: "Le nom du milieu.", en: "The venue's name." },
      example: { fr: "Parc Lafontaine", en: "Lafontaine Park" },
    },
    {
      key: "kind",
      header: { fr: "Type de milieu", en: "Venue kind" },
      aliases: ["type", "kind", "catégorie", "category"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "VenueKind" },
      description: {
        fr: "Salon de massage, Bar, Parc, Secteur de rue… (ou le code).",
        en: "Massage parlour, Bar, Park, Street area… (or the code).",
      },
      example: { fr: "Parc", en: "Park" },
    },
    {
      key: "visitCadenceDays",
      header: { fr: "Visite aux (jours)", en: "Visit every (days)" },
      aliases: ["fréquence", "cadence", "frequency"],
      required: false,
      kind: { type: "integer", min: 1, max: 365 },
      description: {
        fr: "Tous les combien de jours le visiter (1 à 365).",
        en: "How often to visit it, in days (1 to 365).",
      },
      example: { fr: "14", en: "14" },
    },
    yesNo(
      "confidential",
      { fr: "Confidentiel", en: "Confidential" },
      ["confidentialité", "confidentiality"],
      "non",
    ),
    {
      key: "address",
      header: { fr: "Adresse", en: "Address" },
      aliases: ["adresse civique", "street address"],
      required: false,
      kind: { type: "text", max: columnLengths["Venue.address"] },
      description: { fr: "Vue par l'organisme seulement.", en: "Seen by the organisation only." },
      example: { fr: "", en: "" },
    },
    {
      key: "agreements",
      header: { fr: "Ententes", en: "Agreements" },
      aliases: ["entente", "agreement"],
      required: false,
      kind: { type: "text", max: columnLengths["Venue.agreements"] },
      description: {
        fr: "Ententes avec le milieu (heures de visite…).",
        en: "Agreements with the venue (visiting hours…).",
      },
      example: { fr: "", en: "" },
    },
  ],
};

const materialReceipts: ShapeDefinition = {
  name: "MATERIAL_RECEIPTS",
  label: { fr: "Matériel reçu", en: "Material received" },
  description: {
    fr: "Une ligne par réception de matériel (achat, don, santé publique) : ajoutée au stock.",
    en: "One row per material received (purchase, donation, public health): added to the stock.",
  },
  columns: [
    reference,
    {
      key: "item",
      header: { fr: "Article", en: "Item" },
      aliases: ["matériel", "material", "code", "produit", "product"],
      required: true,
      kind: { type: "catalogue", list: "MATERIAL" },
      description: {
        fr: "Un article du catalogue de l'organisme (code ou nom).",
        en: "An item of the organisation's catalogue (code or name).",
      },
      example: { fr: "CONDOMS", en: "CONDOMS" },
    },
    {
      key: "quantity",
      header: { fr: "Quantité", en: "Quantity" },
      aliases: ["qté", "qty", "nombre", "count"],
      required: true,
      kind: { type: "integer", min: 1, max: 1_000_000 },
      description: { fr: "Un nombre entier, au moins 1.", en: "A whole number, at least 1." },
      example: { fr: "500", en: "500" },
    },
    {
      key: "receivedOn",
      header: { fr: "Date de réception", en: "Received on" },
      aliases: ["date", "reçu le", "received", "reception date"],
      required: true,
      kind: { type: "date" },
      description: {
        fr: "AAAA-MM-JJ; pas avant la date de début de l'organisme, pas dans l'avenir.",
        en: "YYYY-MM-DD; not before the organisation's start date, not in the future.",
      },
      example: { fr: "2018-04-02", en: "2018-04-02" },
    },
    {
      key: "source",
      header: { fr: "Provenance", en: "Source" },
      aliases: ["origine", "origin", "fournisseur", "supplier"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "StockSource" },
      description: {
        fr: "Achat, Don, Santé publique, Autre (ou le code).",
        en: "Purchase, Donation, Public-health supply, Other (or the code).",
      },
      example: { fr: "Santé publique", en: "Public-health supply" },
    },
  ],
};

const workshops: ShapeDefinition = {
  name: "WORKSHOPS",
  label: { fr: "Ateliers et kiosques", en: "Workshops and kiosks" },
  description: {
    fr: "Une ligne par atelier ou kiosque de prévention : combien y ont pris part, jamais qui.",
    en: "One row per workshop or prevention kiosk: how many took part, never who.",
  },
  columns: [
    reference,
    {
      key: "heldOn",
      header: { fr: "Date", en: "Date" },
      aliases: ["tenu le", "held on", "jour", "day"],
      required: true,
      kind: { type: "date" },
      description: {
        fr: "AAAA-MM-JJ; pas avant la date de début de l'organisme, pas après aujourd'hui.",
        en: "YYYY-MM-DD; not before the organisation's start date, not after today.",
      },
      example: { fr: "2018-10-03", en: "2018-10-03" },
    },
    {
      key: "kind",
      header: { fr: "Type", en: "Kind" },
      aliases: ["genre d'activité", "activity", "activité"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "WorkshopKind" },
      description: {
        fr: "Atelier ou Kiosque de prévention (ou le code).",
        en: "Workshop or Prevention kiosk (or the code).",
      },
      example: { fr: "Atelier", en: "Workshop" },
    },
    {
      key: "topic",
      header: { fr: "Sujet", en: "Topic" },
      aliases: ["thème", "theme", "sujet traité"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "WorkshopTopic" },
      description: {
        fr: "Santé sexuelle, Prévention des ITSS… (ou le code).",
        en: "Sexual health, STBBI prevention… (or the code).",
      },
      example: { fr: "Santé sexuelle", en: "Sexual health" },
    },
    {
      key: "audience",
      header: { fr: "Public", en: "Audience" },
      aliases: ["public cible", "target audience", "clientèle"],
      required: true,
      kind: { type: "vocabulary", vocabulary: "WorkshopAudience" },
      description: {
        fr: "Jeunes du secondaire, Adultes, Grand public… (ou le code).",
        en: "Secondary-school youth, Adults, General public… (or the code).",
      },
      example: { fr: "Jeunes du secondaire", en: "Secondary-school youth" },
    },
    {
      key: "place",
      header: { fr: "Lieu", en: "Place" },
      aliases: ["endroit", "location", "école", "school"],
      required: true,
      kind: { type: "text", max: columnLengths["Workshop.place"] },
      description: {
        fr: "Le nom du lieu (une école, une maison des jeunes), jamais une personne.",
        en: "The place's name (a school, a youth centre), never a person.",
      },
      example: { fr: "École secondaire Jeanne-Mance", en: "Jeanne-Mance Secondary School" },
    },
    {
      key: "participants",
      header: { fr: "Participants", en: "Participants" },
      aliases: ["participant·es", "participantes", "nombre de participants", "attendance"],
      required: true,
      kind: { type: "integer", min: 1, max: workshopLimits.maxParticipants },
      description: {
        fr: "Combien y ont pris part (un nombre, jamais des noms).",
        en: "How many took part (a number, never names).",
      },
      example: { fr: "28", en: "28" },
    },
    {
      key: "durationMinutes",
      header: { fr: "Durée (minutes)", en: "Duration (minutes)" },
      aliases: ["durée", "duration", "minutes"],
      required: false,
      kind: { type: "integer", min: 1, max: workshopLimits.maxDurationMinutes },
      description: { fr: "En minutes (1 à 720).", en: "In minutes (1 to 720)." },
      example: { fr: "75", en: "75" },
    },
    {
      key: "requestedBy",
      header: { fr: "Demandé par", en: "Requested by" },
      aliases: ["demandeur", "partenaire", "partner", "requester"],
      required: true,
      kind: { type: "text", max: columnLengths["Workshop.requestedBy"] },
      description: {
        fr: "L'organisme qui l'a demandé, par son nom.",
        en: "The organisation that asked for it, by name.",
      },
      example: { fr: "École secondaire Jeanne-Mance", en: "Jeanne-Mance Secondary School" },
    },
    {
      key: "facilitators",
      header: { fr: "Animé par", en: "Facilitators" },
      aliases: ["animateur", "animatrice", "animation", "facilitator", "courriel", "e-mail"],
      required: false,
      list: true,
      maxItems: workshopLimits.maxFacilitators,
      kind: { type: "member" },
      description: {
        fr: "Courriels de membres de l'organisme, séparés par « ; ». Vide : la personne qui importe.",
        en: "E-mails of members of the organisation, separated by ';'. Empty: the person importing.",
      },
      example: { fr: "", en: "" },
    },
    {
      key: "note",
      header: { fr: "Note", en: "Note" },
      aliases: ["notes", "commentaire", "comment"],
      required: false,
      kind: { type: "text", max: columnLengths["WorkshopNote.body"] },
      description: { fr: "Note de l'organisme.", en: "The organisation's note." },
      example: { fr: "", en: "" },
    },
  ],
};

/** Every shape's columns, in the order of the templates and exports. */
export const shapeDefinitions: Record<RecordShapeName, ShapeDefinition> = {
  PERSONS: persons,
  ENCOUNTERS: encounters,
  VENUES: venues,
  MATERIAL_RECEIPTS: materialReceipts,
  WORKSHOPS: workshops,
};

export function isRecordShape(name: string): name is RecordShapeName {
  return (recordShapes as readonly string[]).includes(name);
}

/**
 * The mapping field of one catalogue item's quantity column (a tally sheet with a column per
 * item): `materials.CONDOMS`. Only ENCOUNTERS has them; the API offers one per MATERIAL entry of
 * the organisation's catalogue.
 */
export function materialQuantityField(code: string): string {
  return `materials.${code}`;
}

/** The item code of a `materials.<CODE>` field, else null. */
export function materialCodeOfField(field: string): string | null {
  return field.startsWith("materials.") ? field.slice("materials.".length) || null : null;
}
