/**
 * The audit log's actions and record kinds in words, typed against the schema's enums
 * (src/generated/enums.ts) like app/i18n/enum-labels.ts: an action added to the API's
 * vocabulary without its words here fails the typecheck. Each action has a short label (the
 * filter's options) and a sentence (the row: who did what to what); each kind a label and the
 * phrases that name a record of it, as the object of a verb (`record`) and after "de"/"of"
 * (`ofRecord`), French needing both ("du dossier", "de la personne").
 */
import type { AuditAction, AuditRecordKind } from "../../generated/enums.ts";

type AuditActionKey = `audit.action.${AuditAction}`;
type AuditSentenceKey = `audit.sentence.${AuditAction}`;
type AuditKindKey = `audit.recordKind.${AuditRecordKind}`;

/** The actions in the order the filter offers them (the API's vocabulary order). */
export const auditActionOrder = [
  "READ_PERSON_FILE",
  "READ_LEGAL_NAME",
  "PREVIEW_AS_PARTNER",
  "PERSON_UPDATED",
  "PERSON_FOLLOWERS_CHANGED",
  "CONSENT_RECORDED",
  "CONSENT_WITHDRAWN",
  "ENCOUNTER_UPDATED",
  "ENCOUNTER_DELETED",
  "ACCOMPANIMENT_DONE",
  "ACCOMPANIMENT_CANCELLED",
  "ACCOMPANIMENT_NO_SHOW",
  "NURSE_VISIT_ACCEPT",
  "NURSE_VISIT_DECLINE",
  "NURSE_VISIT_CANCEL",
  "NURSE_VISIT_PROPOSE_OTHER_TIME",
  "NURSE_VISIT_REASSIGNED",
  "REFERRAL_SENT",
  "REFERRAL_ACCEPTED",
  "REFERRAL_DECLINED",
  "REFERRAL_WITHDRAWN",
  "REFERRAL_IN_PROGRESS",
  "REFERRAL_COMPLETED",
  "REFERRAL_CLOSED_NO_CONTACT",
  "ROLES_CHANGED",
  "SHARING_AGREEMENT_CHANGED",
  "SAFETY_ALERT_PUBLISHED",
  "SAFETY_ALERT_WITHDRAWN",
  "SIGN_IN",
  "SIGN_OUT",
  "SWITCH_ORGANISATION",
  "MEMBER_INVITED",
  "INVITATION_REVOKED",
  "INVITATION_ACCEPTED",
  "MEMBER_DEACTIVATED",
  "SESSIONS_ENDED",
  "PERSON_ARCHIVED",
  "PERSON_RESTORED",
  "PERSONS_MERGED",
  "VENUE_ARCHIVED",
  "VENUE_RESTORED",
] as const satisfies readonly AuditAction[];

export const auditRecordKindOrder = [
  "PERSON",
  "CONSENT",
  "ENCOUNTER",
  "ACCOMPANIMENT",
  "NURSE_VISIT",
  "REFERRAL",
  "MEMBERSHIP",
  "PARTNERSHIP",
  "SAFETY_ALERT",
  "SESSION",
  "VENUE",
  "INVITATION",
  "ORGANISATION",
] as const satisfies readonly AuditRecordKind[];

// Every value of the enums is in the lists above, and nothing else: a missing one fails here.
type Missing<All, Listed> = Exclude<All, Listed>;
const everyAction: Missing<AuditAction, (typeof auditActionOrder)[number]> extends never ? true : never =
  true;
const everyKind: Missing<AuditRecordKind, (typeof auditRecordKindOrder)[number]> extends never
  ? true
  : never = true;
void everyAction;
void everyKind;

export const actionLabel = (action: AuditAction): AuditActionKey => `audit.action.${action}`;
export const actionSentence = (action: AuditAction): AuditSentenceKey => `audit.sentence.${action}`;
export const recordKindLabel = (kind: AuditRecordKind): AuditKindKey => `audit.recordKind.${kind}`;
export const recordPhrase = (kind: AuditRecordKind) => `audit.record.${kind}` as const;
export const ofRecordPhrase = (kind: AuditRecordKind) => `audit.ofRecord.${kind}` as const;

/** A map of labels by enum value, as catalogue entries under `prefix` (`audit.action.SIGN_IN`). */
export function prefixedLabels<P extends string, E extends string>(
  prefix: P,
  labels: Record<E, string>,
): Record<`${P}.${E}`, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([value, label]) => [`${prefix}.${value}`, label]),
  ) as Record<`${P}.${E}`, string>;
}
