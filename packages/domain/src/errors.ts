import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./locale.ts";
import { recordDateLimits } from "./record-dates.ts";

/**
 * Stable codes of every expected failure the API reports, and their messages: the ONE
 * catalogue per language of error messages. The API sends `errorMessage(locale, code)` in the
 * caller's language; the web shows the same messages from the code (apps/web/src/app/i18n), so
 * they follow a change of language. Messages are ICU MessageFormat (plurals: `{n, plural, …}`;
 * an apostrophe before `{` would quote it). apps/web's catalogue test parses them and checks
 * French and English take the same values.
 */
export const errorCodes = [
  "INVALID_CREDENTIALS",
  "TOO_MANY_ATTEMPTS",
  "ACCOUNT_IDLE_DISABLED",
  "SECOND_FACTOR_REQUIRED",
  "SECOND_FACTOR_INVALID",
  "SECOND_FACTOR_ALREADY_ON",
  "SECOND_FACTOR_REQUIRED_BY_ROLE",
  "INPUT_VALIDATION",
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CSRF",
  "CONFLICT",
  "CONSENT_REQUIRED",
  "INVALID_TRANSITION",
  "DOUBLE_BOOKING",
  "PREVIEW_NOT_ALONE",
  "ROLLED_BACK",
  "IDEMPOTENCY_KEY_REUSED",
  "MERGE_CONSENTS_DIFFER",
  "INVITATION_INVALID",
  "EVENING_CLOSED",
  "EVENING_ALREADY_OPEN",
  "INTAKE_ALREADY_RECORDED",
  "IMPORT_FILE_REFUSED",
  "IMPORT_HAS_PROBLEMS",
  "OUTCOME_UNKNOWN",
  "UNAVAILABLE",
  "INVALID_REQUEST",
  "QUERY_TOO_COMPLEX",
  "REQUEST_TOO_LARGE",
  "REQUEST_CANCELLED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  fr: {
    INVALID_CREDENTIALS: "Courriel ou mot de passe incorrect.",
    ACCOUNT_IDLE_DISABLED:
      "Ce compte n'a pas servi depuis longtemps et a été désactivé. Demandez à l'administration de votre organisme de le réactiver.",
    SECOND_FACTOR_REQUIRED:
      "Entrez le code à 6 chiffres de votre application d'authentification, ou un de vos codes de secours.",
    SECOND_FACTOR_INVALID:
      "Ce code ne convient pas, ou il a déjà servi. Entrez le code que votre application affiche maintenant, ou un code de secours inutilisé.",
    SECOND_FACTOR_ALREADY_ON:
      "La double authentification est déjà activée sur ce compte. Rien n'a été changé.",
    SECOND_FACTOR_REQUIRED_BY_ROLE:
      "Votre rôle de coordination ou d'administration exige la double authentification : elle ne peut pas être retirée. Rien n'a été changé.",
    TOO_MANY_ATTEMPTS:
      "{minutes, plural, one {Trop de tentatives de connexion. Réessayez dans # minute.} other {Trop de tentatives de connexion. Réessayez dans # minutes.}}",
    INPUT_VALIDATION: "Certaines informations sont invalides.",
    NOT_FOUND: "Introuvable, ou vous n'y avez pas accès.",
    FORBIDDEN: "Vous n'avez pas accès à cette action.",
    UNAUTHENTICATED: "Vous n'êtes pas connecté·e, ou votre session a expiré. Connectez-vous.",
    CSRF: "La requête a été refusée (jeton de sécurité manquant ou invalide). Rechargez la page.",
    CONFLICT: "Quelqu'un d'autre a modifié cet élément entre-temps. Rechargez et réessayez.",
    CONSENT_REQUIRED:
      "La personne n'a pas de consentement en vigueur qui nomme cet organisme. Enregistrez-le d'abord.",
    INVALID_TRANSITION: "Ce changement d'état n'est pas possible à cette étape.",
    DOUBLE_BOOKING: "Cette plage chevauche un autre engagement de l'infirmière ou de l'intervenant·e.",
    PREVIEW_NOT_ALONE:
      "L'aperçu « voir comme le partenaire » se demande seul, sans autre donnée dans la même requête.",
    ROLLED_BACK: "Rien n'a été enregistré : une autre opération de la même requête a échoué.",
    IDEMPOTENCY_KEY_REUSED:
      "Cette saisie a déjà été envoyée avec un autre contenu. Rien n'a été enregistré de nouveau.",
    MERGE_CONSENTS_DIFFER:
      "Les deux dossiers ne partagent pas les mêmes informations avec les mêmes partenaires : fusionner élargirait ce qu'un partenaire voit. Retirez ou enregistrez des consentements pour qu'ils concordent, puis fusionnez. Rien n'a été déplacé.",
    INVITATION_INVALID:
      "Ce lien d'invitation ne fonctionne plus : il a expiré, a été révoqué ou a déjà servi. Demandez un nouveau lien à la personne qui vous a invité·e.",
    EVENING_CLOSED:
      "Cette soirée est déjà fermée : on n'y inscrit plus d'entrée et on ne la ferme pas deux fois. Rien n'a été enregistré.",
    EVENING_ALREADY_OPEN:
      "Une soirée est déjà ouverte à ce centre à cette date : reprenez-la plutôt que d'en ouvrir une autre.",
    INTAKE_ALREADY_RECORDED:
      "L'accueil de cette personne est déjà rempli : modifiez-le dans son dossier. Rien n'a été enregistré.",
    IMPORT_FILE_REFUSED: "Ce fichier ne peut pas être importé. Rien n'a été importé.",
    IMPORT_HAS_PROBLEMS:
      "Des lignes du fichier sont à corriger (voir la liste) : rien n'a été importé. Corrigez le fichier, puis importez-le de nouveau.",
    OUTCOME_UNKNOWN:
      "La base de données n'a pas confirmé l'enregistrement : il a peut-être été fait, peut-être pas. Réessayer est sans risque : il ne sera pas enregistré deux fois.",
    UNAVAILABLE:
      "La base de données est momentanément injoignable (un redémarrage, par exemple). Rien n'a été enregistré : réessayez dans un instant.",
    INVALID_REQUEST: "Cette demande ne peut pas être traitée telle quelle. Rien n'a été enregistré.",
    QUERY_TOO_COMPLEX:
      "Cette demande porte sur trop d'éléments à la fois : demandez-en moins par page. Rien n'a été enregistré.",
    REQUEST_TOO_LARGE: "Cette demande est trop volumineuse. Rien n'a été enregistré.",
    REQUEST_CANCELLED: "Cette demande a été arrêtée avant la fin. Rien n'a été enregistré.",
    INTERNAL: "Une erreur inattendue est survenue. Rien n'a été enregistré.",
  },
  en: {
    INVALID_CREDENTIALS: "Wrong e-mail or password.",
    ACCOUNT_IDLE_DISABLED:
      "This account has not been used for a long time and was disabled. Ask your organisation's administrators to enable it again.",
    SECOND_FACTOR_REQUIRED:
      "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
    SECOND_FACTOR_INVALID:
      "This code does not match, or it was already used. Enter the code your app shows now, or an unused recovery code.",
    SECOND_FACTOR_ALREADY_ON: "Two-step sign-in is already on for this account. Nothing was changed.",
    SECOND_FACTOR_REQUIRED_BY_ROLE:
      "Your coordination or administration role requires two-step sign-in: it cannot be removed. Nothing was changed.",
    TOO_MANY_ATTEMPTS:
      "{minutes, plural, one {Too many sign-in attempts. Try again in # minute.} other {Too many sign-in attempts. Try again in # minutes.}}",
    INPUT_VALIDATION: "Some information is invalid.",
    NOT_FOUND: "Not found, or you do not have access to it.",
    FORBIDDEN: "You do not have access to this action.",
    UNAUTHENTICATED: "You are not signed in, or your session has expired. Sign in.",
    CSRF: "The request was refused (missing or invalid security token). Reload the page.",
    CONFLICT: "Someone else changed this in the meantime. Reload and try again.",
    CONSENT_REQUIRED: "The person has no consent in force naming this organisation. Record it first.",
    INVALID_TRANSITION: "This change of status is not possible at this stage.",
    DOUBLE_BOOKING: "This time overlaps another commitment of the nurse or the outreach worker.",
    PREVIEW_NOT_ALONE:
      "The “see as partner” preview is asked for alone, with nothing else in the same request.",
    ROLLED_BACK: "Nothing was saved: another operation of the same request failed.",
    IDEMPOTENCY_KEY_REUSED: "This entry was already sent with other content. Nothing new was saved.",
    MERGE_CONSENTS_DIFFER:
      "The two files do not share the same information with the same partners: merging would widen what a partner sees. Withdraw or record consents so that they match, then merge. Nothing was moved.",
    INVITATION_INVALID:
      "This invitation link no longer works: it has expired, been revoked or already been used. Ask the person who invited you for a new link.",
    EVENING_CLOSED:
      "This evening is already closed: no one is checked in any more and it is not closed twice. Nothing was saved.",
    EVENING_ALREADY_OPEN:
      "An evening is already open at this centre on this date: go on with it rather than opening another.",
    INTAKE_ALREADY_RECORDED:
      "This person's intake form is already filled in: change it on their file. Nothing was saved.",
    IMPORT_FILE_REFUSED: "This file cannot be imported. Nothing was imported.",
    IMPORT_HAS_PROBLEMS:
      "Some rows of the file need correcting (see the list): nothing was imported. Correct the file, then import it again.",
    OUTCOME_UNKNOWN:
      "The database did not confirm the save: it may or may not have been saved. Trying again is safe: it will not be saved twice.",
    UNAVAILABLE:
      "The database cannot be reached for a moment (a restart, for instance). Nothing was saved: try again shortly.",
    INVALID_REQUEST: "This request cannot be processed as sent. Nothing was saved.",
    QUERY_TOO_COMPLEX:
      "This request asks for too much at once: ask for fewer items per page. Nothing was saved.",
    REQUEST_TOO_LARGE: "This request is too large. Nothing was saved.",
    REQUEST_CANCELLED: "This request was stopped before it finished. Nothing was saved.",
    INTERNAL: "An unexpected error occurred. Nothing was saved.",
  },
};

/** The values an error message takes (`{minutes}`…); a code absent here takes none. */
export interface ErrorMessageValues {
  TOO_MANY_ATTEMPTS: { minutes: number };
}

const localeTags: Record<Locale, string> = { fr: "fr-CA", en: "en-CA" };
const formatters = new Map<string, IntlMessageFormat>();

/**
 * Named formats the messages use beyond ICU's own: `{limit, date, day}` is a calendar date (a
 * Date at UTC midnight, as the Date scalar stores it), written in full whatever the zone. The
 * web gives react-intl the same formats.
 */
export const messageFormats = {
  date: { day: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } },
} as const;

/** Values an error message may take. */
export type MessageFormatValues = Record<string, number | Date>;

function format(locale: Locale, message: string, values: MessageFormatValues | undefined): string {
  const key = `${locale}\u0000${message}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new IntlMessageFormat(message, localeTags[locale], messageFormats);
    formatters.set(key, formatter);
  }
  return String(formatter.format(values));
}

/** The message of an error code in a language, with its values (see ErrorMessageValues). */
export function errorMessage<C extends ErrorCode>(
  locale: Locale,
  code: C,
  ...[values]: C extends keyof ErrorMessageValues ? [values: ErrorMessageValues[C]] : []
): string {
  return format(locale, errorMessages[locale][code], values);
}

/** Whole minutes to wait before signing in again (at least one), for TOO_MANY_ATTEMPTS. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** Codes of per-field validation problems, with their messages. */
export const fieldErrorCodes = [
  "REQUIRED",
  "TOO_LONG",
  "TOO_SHORT",
  "INVALID_FORMAT",
  "INVALID_VALUE",
  "TOO_SMALL",
  "TOO_LARGE",
  "NOT_FOUND",
  "NOT_SHARED_BY_AGREEMENT",
  "NOT_A_PARTNER",
  "IN_THE_PAST",
  "TOO_FAR_IN_FUTURE",
  "BEFORE_START",
  "ALREADY_MEMBER",
  "ACCOUNT_PASSWORD",
  "PASSWORDS_DIFFER",
  "MAY_IDENTIFY_SOMEONE",
  "CODE_TAKEN",
  "RETIRED",
  "IN_USE",
  "WRONG_LIST",
  "SITE_NAME_ONLY",
  "BEFORE_ORGANISATION_START",
  "IN_THE_FUTURE",
  "AFTER_TODAY",
  "AFTER_EARLIEST_RECORD",
  "INVALID_CHARACTERS",
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export const fieldErrorMessages: Record<Locale, Record<FieldErrorCode, string>> = {
  fr: {
    REQUIRED: "Ce champ est obligatoire.",
    TOO_LONG: "Ce texte est trop long.",
    TOO_SHORT: "Ce texte est trop court.",
    INVALID_FORMAT: "Le format n'est pas valide.",
    INVALID_VALUE: "Cette valeur n'est pas permise.",
    INVALID_CHARACTERS:
      "Ce texte contient un caractère invisible ou de contrôle qui n'est pas permis (par exemple copié d'un autre logiciel).",
    TOO_SMALL: "Cette valeur est trop petite.",
    TOO_LARGE: "Cette valeur est trop grande.",
    NOT_FOUND: "Cet élément est introuvable.",
    NOT_SHARED_BY_AGREEMENT:
      "L'entente de partage du partenariat ne permet pas de partager ce type d'information.",
    NOT_A_PARTNER: "Cet organisme n'est pas partenaire du vôtre.",
    IN_THE_PAST: "Cette date est déjà passée.",
    TOO_FAR_IN_FUTURE: "Cette date est trop loin dans l'avenir.",
    BEFORE_START: "Cette date doit suivre la date de début.",
    ALREADY_MEMBER: "Cette personne est déjà membre de l'organisme.",
    ACCOUNT_PASSWORD:
      "Cette adresse a déjà un compte Maillage, et ce n'est pas son mot de passe : entrez le mot de passe de ce compte.",
    PASSWORDS_DIFFER: "Les deux mots de passe ne sont pas identiques.",
    MAY_IDENTIFY_SOMEONE:
      "Ce texte semble nommer ou décrire une personne. Relisez-le, puis cochez la case si personne n'y est reconnaissable.",
    CODE_TAKEN: "Ce code est déjà pris dans votre catalogue.",
    RETIRED: "Cet élément du catalogue est retiré : choisissez-en un autre, ou remettez-le en usage.",
    IN_USE: "Cet élément est déjà utilisé dans des interventions : retirez-le plutôt que de le supprimer.",
    WRONG_LIST: "Cet élément n'est pas de la bonne liste du catalogue.",
    SITE_NAME_ONLY:
      "Inscrivez le nom du site ou du service (LeoList, WhatsApp…), jamais l'annonce ou le compte d'une personne : pas d'adresse web ni de @pseudo.",
    BEFORE_ORGANISATION_START:
      "Cette date est trop ancienne : au plus tôt le {limit, date, day}, date de début de l'organisme (dans ses réglages).",
    IN_THE_FUTURE:
      "Cette date est dans l'avenir : on inscrit ce qui a déjà eu lieu ({minutes} minutes d'avance au plus, pour une horloge qui avance).",
    AFTER_TODAY: "Cette date est dans l'avenir : on inscrit ce qui a déjà eu lieu, au plus tard aujourd'hui.",
    AFTER_EARLIEST_RECORD:
      "Des fiches de l'organisme sont datées du {limit, date, day} : la date de début ne peut pas être après cette date.",
  },
  en: {
    REQUIRED: "This field is required.",
    TOO_LONG: "This text is too long.",
    TOO_SHORT: "This text is too short.",
    INVALID_FORMAT: "The format is not valid.",
    INVALID_VALUE: "This value is not allowed.",
    INVALID_CHARACTERS:
      "This text holds an invisible or control character that is not allowed (copied from another program, perhaps).",
    TOO_SMALL: "This value is too small.",
    TOO_LARGE: "This value is too large.",
    NOT_FOUND: "This item cannot be found.",
    NOT_SHARED_BY_AGREEMENT:
      "The partnership's sharing agreement does not allow sharing this kind of information.",
    NOT_A_PARTNER: "This organisation is not a partner of yours.",
    IN_THE_PAST: "This date has already passed.",
    TOO_FAR_IN_FUTURE: "This date is too far in the future.",
    BEFORE_START: "This date must come after the start date.",
    ALREADY_MEMBER: "This person is already a member of the organisation.",
    ACCOUNT_PASSWORD:
      "This address already has a Maillage account, and this is not its password: enter that account's password.",
    PASSWORDS_DIFFER: "The two passwords are not the same.",
    MAY_IDENTIFY_SOMEONE:
      "This text seems to name or describe a person. Read it again, then tick the box if no one can be identified.",
    CODE_TAKEN: "This code is already taken in your catalogue.",
    RETIRED: "This catalogue entry is retired: choose another one, or bring it back into use.",
    IN_USE: "This entry is already used in records: retire it instead of deleting it.",
    WRONG_LIST: "This entry is not from the right list of the catalogue.",
    SITE_NAME_ONLY:
      "Enter the name of the site or service (LeoList, WhatsApp…), never a person's ad or account: no web address or @handle.",
    BEFORE_ORGANISATION_START:
      "This date is too early: no earlier than {limit, date, day}, the organisation's start date (in its settings).",
    IN_THE_FUTURE:
      "This date is in the future: record what has already happened (at most {minutes} minutes ahead, for a clock that runs fast).",
    AFTER_TODAY: "This date is in the future: record what has already happened, today at the latest.",
    AFTER_EARLIEST_RECORD:
      "Some of the organisation's records are dated {limit, date, day}: the start date cannot be later than that.",
  },
};

/** The field problems whose message names a date (`limit`): without it, the generic "not allowed". */
export const fieldCodesWithLimit: ReadonlySet<FieldErrorCode> = new Set([
  "BEFORE_ORGANISATION_START",
  "AFTER_EARLIEST_RECORD",
]);

/**
 * The values a field problem's message takes: the organisation's start date (`limit`, YYYY-MM-DD,
 * carried by the problem) and the tolerance of the date rule (packages/domain record-dates.ts).
 * A BEFORE_ORGANISATION_START without its date reads as the generic "not allowed".
 */
export function fieldErrorValues(
  code: FieldErrorCode,
  limit?: string | null,
): MessageFormatValues | undefined {
  if (fieldCodesWithLimit.has(code) && limit) return { limit: new Date(`${limit}T00:00:00.000Z`) };
  if (code === "IN_THE_FUTURE") return { minutes: recordDateLimits.futureToleranceMinutes };
  return undefined;
}

/** The message of a field-level problem in a language (`limit`: see fieldErrorValues). */
export function fieldErrorMessage(locale: Locale, code: FieldErrorCode, limit?: string | null): string {
  const values = fieldErrorValues(code, limit);
  if (fieldCodesWithLimit.has(code) && !values)
    return format(locale, fieldErrorMessages[locale].INVALID_VALUE, undefined);
  return format(locale, fieldErrorMessages[locale][code], values);
}
