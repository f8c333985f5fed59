import type { RoleName } from "./roles.ts";

/**
 * Actions on the organisation itself (not on a kind of record, see permissions.ts), with the
 * roles that may take them in the acting organisation. The API's `role` scopes on these fields
 * hold the same roles; the web shows its menus and buttons from this table.
 */
export const organisationActions = {
  /**
   * See the team and set members' roles (organisations/team.ts): org admins, and coordinators
   * for working roles — nobody grants a role to itself (permissions.ts mayChangeMemberRoles).
   */
  MANAGE_MEMBERS: ["ORG_ADMIN", "COORDINATOR"],
  /**
   * End every session of the team's members but one's own, and forget their devices' offline
   * vaults: a lost phone (organisations/members.ts endAllSessions).
   */
  END_SESSIONS: ["ORG_ADMIN"],
  /** Change a partnership's sharing agreement (partnerships.types.ts). */
  EDIT_SHARING_AGREEMENT: ["COORDINATOR"],
  /**
   * Set the programme settings (time zone, fiscal-year start, locale) of the acting organisation
   * and of its partnerships (programme-settings/; policies organisations_settings_by_coordinators
   * and partnerships_settings_by_member_coordinators).
   */
  EDIT_PROGRAMME_SETTINGS: ["COORDINATOR"],
  /**
   * Merge two of the organisation's files found to be the same person (persons/merge.ts; the
   * policy persons_merged_by_coordinators and app.move_merged_person_records).
   */
  MERGE_PERSON_FILES: ["COORDINATOR"],
  /**
   * Count the stock of what the organisation hands out and set when it is low (material-stock,
   * policy material_stocks_kept_by_coordinators).
   */
  KEEP_STOCK: ["COORDINATOR"],
  /**
   * Edit the organisation's catalogues: material items, services, online platforms
   * (catalogues/catalogues.ts, policies catalogue_entries_*_by_coordinators).
   */
  EDIT_CATALOGUES: ["COORDINATOR"],
  /** The organisation's own, exact indicators (modules/indicators: organisationIndicators). */
  READ_ORGANISATION_DASHBOARD: ["COORDINATOR"],
  /** Keep weekly availability for joint visits: the two who go on them. */
  KEEP_VISIT_AVAILABILITY: ["OUTREACH_WORKER", "NURSE"],
  /**
   * Hand one of the organisation's joint visits to another of its nurses
   * (nurse-visits/reassignment.ts, role COORDINATOR; the policy
   * nurse_visits_handed_over_by_owner_coordinators).
   */
  REASSIGN_NURSE_VISIT: ["COORDINATOR"],
  /**
   * Download the organisation's own records as a spreadsheet (modules/exports, POST /exports):
   * read through the kinds' visible…Where filters and kept to the acting organisation's rows,
   * never a partner's. Audited (EXPORT_DOWNLOADED).
   */
  EXPORT_RECORDS: ["COORDINATOR"],
  /**
   * Import the organisation's history from spreadsheets (modules/imports: POST /imports/files,
   * importPreview, dryRunImport, commitImport): persons, encounters, venues, material received,
   * workshops, written under the coordinator's row-level security; the uploaded files are
   * readable by the organisation's coordinators only (policy import_files_kept_by_coordinators).
   * Audited (IMPORT_COMMITTED).
   */
  IMPORT_RECORDS: ["COORDINATOR"],
  /**
   * The organisation's Law 25 duties towards the persons of its files (modules/privacy): set the
   * retention period (organisations_settings_by_coordinators, the column grant of
   * *_privacy_law_25) and read its dry run (app.organisation_retention_schedule), de-identify a
   * file at the person's request (app.deidentify_person_at_request), export everything held about
   * her (POST /privacy/person-export), see who viewed her file (app.person_file_reads). Those who
   * read the whole file: an org admin without a working role reads no file (least privilege).
   */
  MANAGE_PRIVACY: ["COORDINATOR"],
  /**
   * Keep the confidentiality-incident register (modules/privacy/incidents.ts; policy
   * confidentiality_incidents_kept_by_privacy_officers): the organisation's privacy officers,
   * coordinators and org admins, who read the audit log too. It names no person.
   */
  KEEP_INCIDENT_REGISTER: ["COORDINATOR", "ORG_ADMIN"],
} as const satisfies Record<string, readonly RoleName[]>;
export type OrganisationAction = keyof typeof organisationActions;

export function takesAction(roles: readonly string[], action: OrganisationAction): boolean {
  return (organisationActions[action] as readonly string[]).some((role) => roles.includes(role));
}

/**
 * Roles that may not be used without a confirmed second factor (two-step sign-in): a session of
 * a user without one acts without them (app.begin_request withholds them).
 */
export const rolesRequiringSecondFactor = ["COORDINATOR", "ORG_ADMIN"] as const satisfies readonly RoleName[];

/**
 * Whether `actor` may end `member`'s membership (organisations/members.ts deactivateMember): a
 * member manager, never herself (another admin does it), and only an org admin ends an org
 * admin's (the policy memberships_ended_by_others).
 */
export function mayDeactivateMember(
  actor: { userId: string; roles: readonly string[] },
  member: { userId: string; roles: readonly string[] },
): boolean {
  if (!takesAction(actor.roles, "MANAGE_MEMBERS") || actor.userId === member.userId) return false;
  return actor.roles.includes("ORG_ADMIN") || !member.roles.includes("ORG_ADMIN");
}
