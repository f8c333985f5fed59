/**
 * The actions and record kinds the API writes in the audit log, in the order the log's filter
 * offers them: the API's GraphQL enums (modules/audit) and the web's filter and typed labels
 * (features/audit) both read this one list. The
 * column stays an open string (`audit_events.action`): an event written by an action not named
 * here still reads, by its code (`AuditEvent.action`), and its `knownAction` is null.
 */
export const auditActions = [
  "READ_PERSON_FILE",
  "READ_LEGAL_NAME",
  "PREVIEW_AS_PARTNER",
  "PERSON_UPDATED",
  "INTAKE_UPDATED",
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
  "NURSE_VISIT_RECORDED_AFTER",
  "NURSE_VISIT_SUBMITTED_AFTER",
  "NURSE_VISIT_CONFIRMED",
  "REFERRAL_SENT",
  "REFERRAL_ACCEPTED",
  "REFERRAL_DECLINED",
  "REFERRAL_WITHDRAWN",
  "REFERRAL_IN_PROGRESS",
  "REFERRAL_COMPLETED",
  "REFERRAL_CLOSED_NO_CONTACT",
  "ROLES_CHANGED",
  "SHARING_AGREEMENT_CHANGED",
  "PROGRAMME_SETTINGS_CHANGED",
  "SAFETY_ALERT_PUBLISHED",
  "SAFETY_ALERT_WITHDRAWN",
  "SIGN_IN",
  "SIGN_OUT",
  "SWITCH_ORGANISATION",
  "SECOND_FACTOR_ENROLLED",
  "SECOND_FACTOR_REMOVED",
  "SECOND_FACTOR_RESET",
  "RECOVERY_CODES_RENEWED",
  "RECOVERY_CODE_USED",
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
  "SHIFT_REPORT_UPDATED",
  "SHIFT_REPORT_DELETED",
  "WORKSHOP_UPDATED",
  "WORKSHOP_DELETED",
  "EXPORT_DOWNLOADED",
  "IMPORT_COMMITTED",
  "INDICATORS_DOWNLOADED",
  "RETENTION_PERIOD_CHANGED",
  "RETENTION_APPLIED",
  "PERSON_DEIDENTIFIED",
  "PERSON_DATA_EXPORTED",
  "INCIDENT_RECORDED",
  "INCIDENT_UPDATED",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditRecordKinds = [
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
  "SHIFT_REPORT",
  "WORKSHOP",
  "INCIDENT",
] as const;
export type AuditRecordKind = (typeof auditRecordKinds)[number];

export function knownAction(action: string): AuditAction | null {
  return (auditActions as readonly string[]).includes(action) ? (action as AuditAction) : null;
}

export function knownRecordKind(kind: string): AuditRecordKind | null {
  return (auditRecordKinds as readonly string[]).includes(kind) ? (kind as AuditRecordKind) : null;
}
