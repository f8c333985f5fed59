import { IntlMessageFormat } from "intl-messageformat";
import { type FieldErrorCode, fieldErrorCodes, fieldErrorMessage } from "../errors.ts";
import type { Locale } from "../locale.ts";
import { maxImportFileBytes, maxImportRows } from "./shapes.ts";

/**
 * Why a whole file is refused (nothing read, nothing written): the upload's JSON error and the
 * GraphQL ImportFileError carry one of these, with its message in the caller's language.
 */
export const importFileProblems = [
  "EMPTY",
  "TOO_LARGE",
  "NOT_UTF8",
  "NOT_CSV_OR_XLSX",
  "TOO_MANY_ROWS",
  "NO_HEADER",
  "DUPLICATE_HEADERS",
  "EXPIRED",
  "NO_DATA_ROWS",
] as const;
export type ImportFileProblem = (typeof importFileProblems)[number];

/** What a file problem's message names (the duplicated headers). */
export interface ImportFileProblemValues {
  headers?: string;
}

const megabytes = Math.round(maxImportFileBytes / (1024 * 1024));
const rowLimit = maxImportRows.toLocaleString("fr-CA");
const rowLimitEn = maxImportRows.toLocaleString("en-CA");

export const importFileProblemMessages: Record<Locale, Record<ImportFileProblem, string>> = {
  fr: {
    EMPTY: "Le fichier est vide. Rien n'a été importé.",
    TOO_LARGE: `Le fichier dépasse ${megabytes} Mo. Découpez-le (par exemple une année par fichier) et importez chaque partie. Rien n'a été importé.`,
    NOT_UTF8:
      "Le fichier n'est pas encodé en UTF-8 (il semble venir d'Excel en « CSV » Windows-1252). Dans Excel : Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des virgules) »; dans LibreOffice : jeu de caractères « Unicode (UTF-8) ». Ou importez le fichier .xlsx directement. Rien n'a été importé.",
    NOT_CSV_OR_XLSX:
      "Ce fichier n'est ni un CSV ni un classeur Excel (.xlsx) lisible. Enregistrez-le en .xlsx ou en « CSV UTF-8 » (un .xls ancien, un .ods ou un fichier protégé par mot de passe ne se lisent pas). Rien n'a été importé.",
    TOO_MANY_ROWS: `Le fichier a plus de ${rowLimit} lignes : importez-le en plusieurs fichiers de ${rowLimit} lignes au plus. Rien n'a été importé.`,
    NO_HEADER:
      "La première ligne doit porter les noms des colonnes (Date, Canal…) : elle est vide ou ne contient que des nombres ou des dates. Ajoutez une ligne d'en-tête, ou partez du modèle. Rien n'a été importé.",
    DUPLICATE_HEADERS:
      "Plusieurs colonnes ont le même nom ({headers}) : renommez-les pour qu'on sache laquelle est laquelle. Rien n'a été importé.",
    EXPIRED:
      "Ce fichier n'est plus disponible (les fichiers envoyés sont effacés après 24 heures ou après l'import). Envoyez-le de nouveau.",
    NO_DATA_ROWS:
      "Le fichier n'a qu'une ligne d'en-tête, sans aucune ligne de données. Rien n'a été importé.",
  },
  en: {
    EMPTY: "The file is empty. Nothing was imported.",
    TOO_LARGE: `The file is larger than ${megabytes} MB. Split it (for instance one year per file) and import each part. Nothing was imported.`,
    NOT_UTF8:
      "The file is not encoded in UTF-8 (it looks like an Excel 'CSV' in Windows-1252). In Excel: File > Save As > 'CSV UTF-8 (Comma delimited)'; in LibreOffice: character set 'Unicode (UTF-8)'. Or import the .xlsx file directly. Nothing was imported.",
    NOT_CSV_OR_XLSX:
      "This file is neither a CSV nor a readable Excel workbook (.xlsx). Save it as .xlsx or as 'CSV UTF-8' (an old .xls, an .ods or a password-protected file cannot be read). Nothing was imported.",
    TOO_MANY_ROWS: `The file has more than ${rowLimitEn} rows: import it as several files of at most ${rowLimitEn} rows. Nothing was imported.`,
    NO_HEADER:
      "The first row must hold the columns' names (Date, Channel…): it is empty or holds only numbers or dates. Add a header row, or start from the template. Nothing was imported.",
    DUPLICATE_HEADERS:
      "Several columns have the same name ({headers}): rename them so that each can be told apart. Nothing was imported.",
    EXPIRED:
      "This file is no longer available (uploaded files are erased after 24 hours or once imported). Upload it again.",
    NO_DATA_ROWS: "The file has only a header row, with no data rows. Nothing was imported.",
  },
};

/**
 * Why one cell (or one row) cannot be imported, reported by the dry run with its line and column.
 * The date rule's refusals are the domain's own field codes (record-dates.ts), so an import says
 * exactly what a screen says.
 */
export const importRowProblemCodes = [
  "MISSING_COLUMN",
  "REQUIRED",
  "TOO_LONG",
  "NOT_A_DATE",
  "NOT_A_TIME",
  "NOT_A_WHOLE_NUMBER",
  "OUT_OF_RANGE",
  "NOT_YES_OR_NO",
  "UNKNOWN_VALUE",
  "TOO_MANY_VALUES",
  "REPEATED_VALUE",
  "NOT_A_LANGUAGE",
  "NOT_A_QUANTITY_LIST",
  "UNKNOWN_CATALOGUE_ENTRY",
  "RETIRED_CATALOGUE_ENTRY",
  "UNKNOWN_PERSON",
  "AMBIGUOUS_PERSON",
  "UNKNOWN_VENUE",
  "AMBIGUOUS_VENUE",
  "UNKNOWN_MEMBER",
  "DUPLICATE_REFERENCE",
  "FORMULA",
  "INVALID_VALUE",
  "HEAD_COUNT_WITH_PERSON",
  "BIRTH_YEAR_IN_FUTURE",
  "BEFORE_ORGANISATION_START",
  "IN_THE_FUTURE",
  "AFTER_TODAY",
] as const satisfies readonly string[];
export type ImportRowProblemCode = (typeof importRowProblemCodes)[number];

/** Values a row problem's message takes. */
export interface ImportRowProblemValues {
  max?: number;
  min?: number;
  /** The accepted values, in the caller's language (UNKNOWN_VALUE). */
  values?: string;
  /** The other line holding the same reference (DUPLICATE_REFERENCE). */
  line?: number;
  /** The organisation's start date, YYYY-MM-DD (BEFORE_ORGANISATION_START). */
  limit?: string;
  /** The shape's field, by its header in the caller's language (MISSING_COLUMN). */
  field?: string;
}

const rowMessages: Record<Locale, Record<Exclude<ImportRowProblemCode, FieldErrorCode>, string>> = {
  fr: {
    MISSING_COLUMN:
      "Aucune colonne du fichier n'est associée à « {field} », qui est obligatoire : associez-lui une colonne, ou ajoutez-la au fichier.",
    NOT_A_DATE:
      "Date attendue au format AAAA-MM-JJ (par exemple 2018-04-15), ou une cellule date du tableur.",
    NOT_A_TIME: "Heure attendue au format HH:MM (14:30) ou 14h30.",
    NOT_A_WHOLE_NUMBER: "Nombre entier attendu (sans décimale, sans texte).",
    OUT_OF_RANGE: "Valeur hors limites : de {min} à {max}.",
    NOT_YES_OR_NO: "Oui ou non attendu (oui, non, vrai, faux, 1, 0, x, ou vide).",
    UNKNOWN_VALUE: "Valeur inconnue. Valeurs possibles : {values}.",
    TOO_MANY_VALUES: "Trop de valeurs : {max} au plus.",
    REPEATED_VALUE: "La même valeur est nommée deux fois dans la cellule.",
    NOT_A_LANGUAGE: "Code de langue ISO 639 attendu (fr, en, es…), séparés par « ; ».",
    NOT_A_QUANTITY_LIST:
      "Format attendu : ARTICLE:quantité, séparés par « ; » (par exemple CONDOMS:12; LUBRICANT:3).",
    UNKNOWN_CATALOGUE_ENTRY:
      "Cet élément n'est pas dans le catalogue de l'organisme (ni son code ni son nom). Ajoutez-le au catalogue, ou corrigez la cellule.",
    RETIRED_CATALOGUE_ENTRY:
      "Cet élément du catalogue est retiré : remettez-le en usage dans le catalogue pour importer ces lignes.",
    UNKNOWN_PERSON:
      "Aucun dossier de l'organisme n'a cette référence d'import ni ce pseudonyme. Importez d'abord les personnes, ou laissez vide pour un contact anonyme.",
    AMBIGUOUS_PERSON:
      "Plusieurs dossiers de l'organisme ont ce pseudonyme : nommez la personne par sa référence d'import.",
    UNKNOWN_VENUE: "Aucun milieu de l'organisme n'a cette référence d'import ni ce nom.",
    AMBIGUOUS_VENUE: "Plusieurs milieux de l'organisme ont ce nom : nommez-le par sa référence d'import.",
    UNKNOWN_MEMBER: "Aucun membre actif de l'organisme n'a ce courriel.",
    DUPLICATE_REFERENCE:
      "Cette référence est déjà celle de la ligne {line} du fichier : une référence par ligne.",
    FORMULA:
      "Cette cellule contient une formule : les formules ne sont pas importées. Remplacez-les par leurs valeurs (Copier, puis Collage spécial > Valeurs).",
    HEAD_COUNT_WITH_PERSON: "Avec une personne nommée, le nombre de personnes est 1 (ou vide).",
    BIRTH_YEAR_IN_FUTURE: "Cette année de naissance est dans l'avenir.",
  },
  en: {
    MISSING_COLUMN:
      "No column of the file is matched with “{field}”, which is required: match a column with it, or add it to the file.",
    NOT_A_DATE: "A date is expected as YYYY-MM-DD (for instance 2018-04-15), or a spreadsheet date cell.",
    NOT_A_TIME: "A time is expected as HH:MM (14:30) or 14h30.",
    NOT_A_WHOLE_NUMBER: "A whole number is expected (no decimals, no text).",
    OUT_OF_RANGE: "Out of bounds: from {min} to {max}.",
    NOT_YES_OR_NO: "Yes or no is expected (yes, no, true, false, 1, 0, x, or empty).",
    UNKNOWN_VALUE: "Unknown value. Possible values: {values}.",
    TOO_MANY_VALUES: "Too many values: at most {max}.",
    REPEATED_VALUE: "The same value is named twice in the cell.",
    NOT_A_LANGUAGE: "An ISO 639 language code is expected (fr, en, es…), separated by ';'.",
    NOT_A_QUANTITY_LIST: "Expected: ITEM:quantity, separated by ';' (for instance CONDOMS:12; LUBRICANT:3).",
    UNKNOWN_CATALOGUE_ENTRY:
      "This is not in the organisation's catalogue (neither its code nor its name). Add it to the catalogue, or correct the cell.",
    RETIRED_CATALOGUE_ENTRY:
      "This catalogue entry is retired: put it back in use in the catalogue to import these rows.",
    UNKNOWN_PERSON:
      "No file of the organisation has this import reference or alias. Import the persons first, or leave it empty for an anonymous contact.",
    AMBIGUOUS_PERSON:
      "Several files of the organisation have this alias: name the person by her import reference.",
    UNKNOWN_VENUE: "No venue of the organisation has this import reference or name.",
    AMBIGUOUS_VENUE: "Several venues of the organisation have this name: name it by its import reference.",
    UNKNOWN_MEMBER: "No active member of the organisation has this e-mail.",
    DUPLICATE_REFERENCE: "This reference is already line {line}'s in the file: one reference per row.",
    FORMULA:
      "This cell holds a formula: formulas are not imported. Replace them with their values (Copy, then Paste Special > Values).",
    HEAD_COUNT_WITH_PERSON: "With a named person, the head count is 1 (or empty).",
    BIRTH_YEAR_IN_FUTURE: "This birth year is in the future.",
  },
};

const ownRequiredMessages: Record<Locale, { REQUIRED: string; TOO_LONG: string }> = {
  fr: {
    REQUIRED: "Cette colonne est obligatoire : la cellule est vide.",
    TOO_LONG: "Texte trop long : {max} caractères au plus.",
  },
  en: {
    REQUIRED: "This column is required: the cell is empty.",
    TOO_LONG: "Text too long: at most {max} characters.",
  },
};

const formatters = new Map<string, IntlMessageFormat>();
function format(locale: Locale, message: string, values: Record<string, string | number>): string {
  const key = `${locale}\u0000${message}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new IntlMessageFormat(message, locale === "fr" ? "fr-CA" : "en-CA");
    formatters.set(key, formatter);
  }
  return String(formatter.format(values));
}

function plain(values: ImportRowProblemValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/** A row problem's message in a language. */
export function importRowProblemMessage(
  locale: Locale,
  code: ImportRowProblemCode,
  values: ImportRowProblemValues = {},
): string {
  if (code === "REQUIRED" || code === "TOO_LONG")
    return format(locale, ownRequiredMessages[locale][code], plain(values));
  if ((fieldErrorCodes as readonly string[]).includes(code)) {
    return fieldErrorMessage(locale, code as FieldErrorCode, values.limit);
  }
  return format(
    locale,
    rowMessages[locale][code as Exclude<ImportRowProblemCode, FieldErrorCode>],
    plain(values),
  );
}

/** A file problem's message in a language. */
export function importFileProblemMessage(
  locale: Locale,
  problem: ImportFileProblem,
  values: ImportFileProblemValues = {},
): string {
  return format(locale, importFileProblemMessages[locale][problem], { headers: values.headers ?? "" });
}
