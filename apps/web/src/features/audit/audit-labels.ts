/**
 * The audit log's actions and record kinds in words, typed against the schema's enums
 * (src/generated/enums.ts) like app/i18n/enum-labels.ts: an action added to the API's
 * vocabulary without its words here fails the typecheck. Each action has a short label (the
 * filter's options) and a sentence (the row: who did what to what); each kind a label and the
 * phrases that name a record of it, as the object of a verb (`record`) and after "de"/"of"
 * (`ofRecord`), French needing both ("du dossier", "de la personne").
 */
import { auditActions, auditRecordKinds } from "@maillage/domain";
import type { AuditAction, AuditRecordKind } from "../../generated/enums.ts";

type AuditActionKey = `audit.action.${AuditAction}`;
type AuditSentenceKey = `audit.sentence.${AuditAction}`;
type AuditKindKey = `audit.recordKind.${AuditRecordKind}`;

/** The actions and kinds in the order the filter offers them: the API's one vocabulary. */
export const auditActionOrder = auditActions satisfies readonly AuditAction[];
export const auditRecordKindOrder = auditRecordKinds satisfies readonly AuditRecordKind[];

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
