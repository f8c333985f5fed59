/**
 * Role lists written in SQL — '{OUTREACH_WORKER,COORDINATOR}' in a policy, 'ORG_ADMIN' in a
 * check, '{COORDINATOR}' in a function — read back from the catalogues and compared with the
 * permission registry (packages/domain) for the record kind each policy guards. The registry is
 * the one place; every list in SQL must name which of its lists it copies (`registryRoleLists`),
 * so a policy that drifts from the registry, or a new one that names none, fails the test.
 */
import {
  mayChangeEncounter,
  mayChangeMemberRoles,
  mayChangeShiftReport,
  organisationActions,
  partnerReaders,
  partnerSharing,
  type RoleName,
  ownOrganisationReaders as readers,
  roles as roleNames,
  rolesRequiringSecondFactor,
  sharedRecordKinds,
  teamRecordReaders,
  workingRoles,
  ownOrganisationWriters as writers,
} from "@maillage/domain";
import type { FunctionRow, PolicyRow } from "./database-permissions.ts";

/** Where a list was found: "policy <table>.<policy> USING|CHECK" or "function <signature>". */
export type Place = string;

export interface Found {
  roles: string[][];
  sharedKinds: string[];
}

/** Every string literal that is a role name or an array of role names, and every shared kind. */
export function literalsIn(text: string | null): Found {
  const found: Found = { roles: [], sharedKinds: [] };
  for (const match of (text ?? "").matchAll(/'((?:[^']|'')*)'/g)) {
    const content = match[1] ?? "";
    const items = content.replace(/^\{|\}$/g, "").split(",");
    if (items.every((item) => (roleNames as readonly string[]).includes(item)))
      found.roles.push(items.sort());
    else if ((sharedRecordKinds as readonly string[]).includes(content)) found.sharedKinds.push(content);
  }
  return found;
}

export function foundIn(policies: PolicyRow[], functions: FunctionRow[]): Map<Place, Found> {
  const places = new Map<Place, Found>();
  const keep = (place: Place, found: Found) => {
    if (found.roles.length > 0 || found.sharedKinds.length > 0) places.set(place, found);
  };
  for (const policy of policies) {
    keep(`policy ${policy.table}.${policy.policy} USING`, literalsIn(policy.using));
    keep(`policy ${policy.table}.${policy.policy} CHECK`, literalsIn(policy.check));
  }
  for (const fn of functions) keep(`function ${fn.signature}`, literalsIn(fn.source));
  return places;
}

export interface Expected {
  roles: readonly (readonly string[])[];
  sharedKinds?: readonly string[];
  /** Which registry entry it is, for the reader of a failure. */
  from: string;
}

/** The roles for which `allowed(role)` holds: a rule of packages/domain read back as a list. */
function rolesWhere(allowed: (role: RoleName) => boolean): RoleName[] {
  return roleNames.filter(allowed);
}

/** Who changes anybody's encounter, not only their own (mayChangeEncounter). */
const changeAnyEncounter = rolesWhere((role) =>
  mayChangeEncounter({ userId: "a", roles: [role] }, { authorId: "b" }),
);
/** Who changes anybody's shift report, not only their own (mayChangeShiftReport). */
const changeAnyShiftReport = rolesWhere((role) =>
  mayChangeShiftReport({ userId: "a", roles: [role] }, { authorId: "b" }),
);
/** Who sets any role of another member (mayChangeMemberRoles). */
const setAnyRole = rolesWhere((role) =>
  roleNames.every((granted) =>
    mayChangeMemberRoles({ userId: "a", roles: [role] }, { userId: "b", current: [] }, [granted]),
  ),
);
/** Who sets some roles but not all of them, and the roles such a manager may not give. */
const setWorkingRoles = rolesWhere(
  (role) =>
    !setAnyRole.includes(role) &&
    mayChangeMemberRoles({ userId: "a", roles: [role] }, { userId: "b", current: [] }, ["OUTREACH_WORKER"]),
);
const givenByAdminsOnly = rolesWhere(
  (granted) =>
    !mayChangeMemberRoles({ userId: "a", roles: setWorkingRoles }, { userId: "b", current: [] }, [granted]),
);

const policy = (name: string, using: Expected | null, check: Expected | null): [Place, Expected][] => [
  ...(using ? ([[`policy ${name} USING`, using]] as [Place, Expected][]) : []),
  ...(check ? ([[`policy ${name} CHECK`, check]] as [Place, Expected][]) : []),
];
const one = (list: readonly string[], from: string, sharedKinds?: readonly string[]): Expected => ({
  roles: [list],
  from,
  ...(sharedKinds ? { sharedKinds } : {}),
});
const reading = (kind: keyof typeof readers) => one(readers[kind], `ownOrganisationReaders.${kind}`);
const writing = (kind: keyof typeof writers) => one(writers[kind], `ownOrganisationWriters.${kind}`);
const partners = (kind: keyof typeof partnerSharing) =>
  one(partnerReaders, `partnerReaders, partnerSharing.${kind}`, [partnerSharing[kind] ?? "(none)"]);
const ownRecords = (name: string, kind: keyof typeof readers) => policy(name, reading(kind), writing(kind));
const changedWithEncounter = one(changeAnyEncounter, "mayChangeEncounter (who changes anyone's)");
const working = one(workingRoles, "workingRoles");
const changedShiftReport: Expected = {
  roles: [writers.SHIFT_REPORT, changeAnyShiftReport],
  from: "ownOrganisationWriters.SHIFT_REPORT, mayChangeShiftReport",
};
const team = one(teamRecordReaders, "teamRecordReaders (they also set who follows whom)");
const manageMembers = one(organisationActions.MANAGE_MEMBERS, "organisationActions.MANAGE_MEMBERS");
const mergers = one(organisationActions.MERGE_PERSON_FILES, "organisationActions.MERGE_PERSON_FILES");
const stockKeepers = one(organisationActions.KEEP_STOCK, "organisationActions.KEEP_STOCK");
const importers = one(organisationActions.IMPORT_RECORDS, "organisationActions.IMPORT_RECORDS");
const privacyManagers = one(organisationActions.MANAGE_PRIVACY, "organisationActions.MANAGE_PRIVACY");
const incidentKeepers = one(
  organisationActions.KEEP_INCIDENT_REGISTER,
  "organisationActions.KEEP_INCIDENT_REGISTER",
);
const catalogueEditors = one(organisationActions.EDIT_CATALOGUES, "organisationActions.EDIT_CATALOGUES");
const settingsEditors = one(
  organisationActions.EDIT_PROGRAMME_SETTINGS,
  "organisationActions.EDIT_PROGRAMME_SETTINGS",
);
const reassigners = one(
  ["COORDINATOR"],
  "not in the registry yet: the API's reassignNurseVisit declares role COORDINATOR",
);

/** Every role list in SQL and the registry list it copies. */
export function registryRoleLists(): Map<Place, Expected> {
  return new Map<Place, Expected>([
    ...ownRecords("accompaniment_notes.accompaniment_notes_own_organisation", "ACCOMPANIMENT_NOTE"),
    // The outcome's free text is read and written like the note (DESIGN.md §3).
    ...ownRecords("accompaniment_outcomes.accompaniment_outcomes_own_organisation", "ACCOMPANIMENT_NOTE"),
    // The outcome is free text like the note, and kept like it.
    ...ownRecords("accompaniment_outcomes.accompaniment_outcomes_own_organisation", "ACCOMPANIMENT_NOTE"),
    ...ownRecords("accompaniments.accompaniments_own_organisation", "ACCOMPANIMENT"),
    ...policy("accompaniments.accompaniments_consented_partner", partners("ACCOMPANIMENT"), null),
    ...policy("audit_events.audit_events_read_by_admins", reading("AUDIT_EVENT"), null),
    ...policy("availability_slots.availability_slots_partnership", working, null),
    // Acts are recorded with the clinical notes, when the visit is completed.
    ...policy("clinical_acts.clinical_acts_recorded_by_nurses", null, writing("CLINICAL_NOTE")),
    ...policy("clinical_acts.clinical_acts_changed_by_nurses", writing("CLINICAL_NOTE"), null),
    ...policy("clinical_acts.clinical_acts_deleted_by_nurses", writing("CLINICAL_NOTE"), null),
    ...ownRecords("clinical_notes.clinical_notes_nurses_of_owner", "CLINICAL_NOTE"),
    ...ownRecords("consents.consents_own_organisation", "CONSENT"),
    ...policy("consents.consents_named_grantee", one(partnerReaders, "partnerReaders"), null),
    ...ownRecords("encounter_materials.encounter_materials_own_organisation", "ENCOUNTER"),
    ...policy(
      "encounter_materials.encounter_materials_written_with_their_encounter",
      null,
      changedWithEncounter,
    ),
    ...policy(
      "encounter_materials.encounter_materials_changed_with_their_encounter",
      changedWithEncounter,
      null,
    ),
    ...policy(
      "encounter_materials.encounter_materials_removed_with_their_encounter",
      changedWithEncounter,
      null,
    ),
    // Services given are part of the encounter, like its material.
    ...ownRecords("encounter_services.encounter_services_own_organisation", "ENCOUNTER"),
    ...policy(
      "encounter_services.encounter_services_written_with_their_encounter",
      null,
      changedWithEncounter,
    ),
    ...policy(
      "encounter_services.encounter_services_changed_with_their_encounter",
      changedWithEncounter,
      null,
    ),
    ...policy(
      "encounter_services.encounter_services_removed_with_their_encounter",
      changedWithEncounter,
      null,
    ),
    ...ownRecords("encounter_notes.encounter_notes_own_organisation", "ENCOUNTER_NOTE"),
    ...policy("encounter_notes.encounter_notes_written_with_their_encounter", null, changedWithEncounter),
    ...policy("encounter_notes.encounter_notes_changed_with_their_encounter", changedWithEncounter, null),
    ...policy("encounter_notes.encounter_notes_removed_with_their_encounter", changedWithEncounter, null),
    ...policy("encounters.encounters_own_organisation", reading("ENCOUNTER"), null),
    ...policy("encounters.encounters_consented_partner", partners("ENCOUNTER"), null),
    ...policy("encounters.encounters_recorded_by_workers", null, writing("ENCOUNTER")),
    ...policy(
      "encounters.encounters_changed_by_author_or_coordinator",
      {
        roles: [writers.ENCOUNTER, changeAnyEncounter],
        from: "ownOrganisationWriters.ENCOUNTER, mayChangeEncounter",
      },
      null,
    ),
    ...policy(
      "encounters.encounters_deleted_by_author_or_coordinator",
      {
        roles: [writers.ENCOUNTER, changeAnyEncounter],
        from: "ownOrganisationWriters.ENCOUNTER, mayChangeEncounter",
      },
      null,
    ),
    ...policy("invitations.invitations_read_by_member_managers", manageMembers, null),
    // An org admin invites to any role, a coordinator to working roles only (as she sets them).
    ...policy("invitations.invitations_made_by_member_managers", null, {
      roles: [setAnyRole, setWorkingRoles, givenByAdminsOnly],
      from: "mayChangeMemberRoles (who sets any role; who sets working roles only; the roles only admins give)",
    }),
    ...policy("invitations.invitations_revoked_by_member_managers", manageMembers, manageMembers),
    // An org admin's membership is ended by an org admin only.
    ...policy("memberships.memberships_ended_by_others", null, {
      roles: [setAnyRole, givenByAdminsOnly],
      from: "mayDeactivateMember (mayChangeMemberRoles: who sets any role; the roles only admins give)",
    }),
    ...policy(
      "memberships.memberships_changed_by_org_admins",
      one(setAnyRole, "mayChangeMemberRoles (who sets any role)"),
      one(setAnyRole, "mayChangeMemberRoles (who sets any role)"),
    ),
    ...policy(
      "memberships.memberships_changed_by_coordinators",
      one(setWorkingRoles, "mayChangeMemberRoles (who sets working roles only)"),
      {
        roles: [setWorkingRoles, givenByAdminsOnly, givenByAdminsOnly],
        from: "mayChangeMemberRoles (who sets working roles only; the roles only admins give)",
      },
    ),
    ...policy("memberships.memberships_partnership_colleagues", working, null),
    ...policy("nurse_visit_persons.nurse_visit_persons_consented_partner", partners("NURSE_VISIT"), null),
    // A person goes on a visit as proposeNurseVisit books her: with a consent naming the nurse's
    // organisation for the profile (apps/api consentCoveringReceiver, DESIGN.md §3).
    ...policy("nurse_visit_persons.nurse_visit_persons_booked_with_consent", null, {
      roles: [],
      sharedKinds: [
        partnerSharing.PERSON_PROFILE ?? "(none)",
        partnerSharing.PERSON_PROFILE ?? "(none)",
        partnerSharing.PERSON_PROFILE ?? "(none)",
      ],
      from: "consentCoveringReceiver (partnerSharing.PERSON_PROFILE: consent, agreement, partnership)",
    }),
    ...ownRecords(
      "nurse_visit_meeting_places.nurse_visit_meeting_places_participating_organisations",
      "NURSE_VISIT",
    ),
    ...ownRecords("nurse_visit_reasons.nurse_visit_reasons_participating_organisations", "NURSE_VISIT"),
    ...ownRecords("nurse_visits.nurse_visits_participating_organisations", "NURSE_VISIT"),
    ...policy("nurse_visits.nurse_visits_consented_partner", one(partnerReaders, "partnerReaders"), null),
    ...policy("nurse_visits.nurse_visits_handed_over_by_owner_coordinators", null, reassigners),
    ...policy("nurse_visits.nurse_visits_changed_by_its_people", reassigners, null),
    // A visit recorded after it happened is inserted completed by its nurse, with her acts and
    // notes (recordPastNurseVisit's scope): the clinical notes' writers.
    ...policy("nurse_visits.nurse_visits_inserted_by_their_recorder", null, writing("CLINICAL_NOTE")),
    ...policy("person_followers.person_followers_own_organisation", team, null),
    ...policy("person_followers.person_followers_set_by_coordinators", null, team),
    ...policy("person_followers.person_followers_removed_by_coordinators", team, null),
    ...ownRecords("person_legal_names.person_legal_names_own_organisation", "LEGAL_NAME"),
    ...ownRecords("persons.persons_own_organisation", "PERSON_PROFILE"),
    ...policy("persons.persons_consented_partner", partners("PERSON_PROFILE"), null),
    ...policy("persons.persons_removed_by_writers", writing("PERSON_PROFILE"), null),
    ...policy("persons.persons_merged_by_coordinators", null, mergers),
    ...policy("material_stocks.material_stocks_kept_by_coordinators", stockKeepers, stockKeepers),
    ...policy("material_deliveries.material_deliveries_own_organisation", reading("MATERIAL_DELIVERY"), null),
    // Logged as the viewer, by a writer, for a member who is a writer too (the one who brings it).
    ...policy("material_deliveries.material_deliveries_requested_by_the_team", null, {
      roles: [writers.MATERIAL_DELIVERY, writers.MATERIAL_DELIVERY],
      from: "ownOrganisationWriters.MATERIAL_DELIVERY (the viewer's and the assignee's)",
    }),
    ...policy("material_deliveries.material_deliveries_moved_by_the_team", writing("MATERIAL_DELIVERY"), {
      roles: [writers.MATERIAL_DELIVERY, writers.MATERIAL_DELIVERY],
      from: "ownOrganisationWriters.MATERIAL_DELIVERY (the viewer's and the assignee's)",
    }),
    ...ownRecords("material_delivery_items.material_delivery_items_own_organisation", "MATERIAL_DELIVERY"),
    ...ownRecords(
      "material_delivery_places.material_delivery_places_own_organisation",
      "MATERIAL_DELIVERY_PLACE",
    ),
    ...ownRecords(
      "material_delivery_transitions.material_delivery_transitions_own_organisation",
      "MATERIAL_DELIVERY",
    ),
    ...policy("material_receipts.material_receipts_kept_by_coordinators", stockKeepers, stockKeepers),
    ...policy("import_files.import_files_kept_by_coordinators", importers, importers),
    ...policy("imports.imports_kept_by_coordinators", importers, importers),
    ...policy(
      "confidentiality_incidents.confidentiality_incidents_kept_by_privacy_officers",
      incidentKeepers,
      incidentKeepers,
    ),
    ...policy("imported_records.imported_records_kept_by_coordinators", importers, importers),
    ...policy("catalogue_entries.catalogue_entries_added_by_coordinators", null, catalogueEditors),
    ...policy(
      "catalogue_entries.catalogue_entries_edited_by_coordinators",
      catalogueEditors,
      catalogueEditors,
    ),
    ...policy("catalogue_entries.catalogue_entries_removed_by_coordinators", catalogueEditors, null),
    ...ownRecords("referrals.referrals_sender_and_receiver", "REFERRAL"),
    ...policy("shift_reports.shift_reports_read_by_the_team", reading("SHIFT_REPORT"), null),
    ...policy("shift_reports.shift_reports_written_by_the_team", null, writing("SHIFT_REPORT")),
    ...policy(
      "shift_reports.shift_reports_changed_by_author_or_coordinator",
      changedShiftReport,
      changedShiftReport,
    ),
    ...policy("shift_reports.shift_reports_removed_by_author_or_coordinator", changedShiftReport, null),
    // Its parts are read by the team and written with it (app.may_change_shift_report).
    ...policy("shift_report_members.shift_report_members_read_by_the_team", reading("SHIFT_REPORT"), null),
    ...policy("shift_report_venues.shift_report_venues_read_by_the_team", reading("SHIFT_REPORT"), null),
    ...policy("shift_report_partners.shift_report_partners_read_by_the_team", reading("SHIFT_REPORT"), null),
    ...policy(
      "shift_handover_notes.shift_handover_notes_read_by_the_team",
      reading("SHIFT_HANDOVER_NOTE"),
      null,
    ),
    ...policy("safety_alerts.safety_alerts_partnership_members", reading("SAFETY_ALERT"), null),
    ...policy("safety_alerts.safety_alerts_published_by_coordinators", null, writing("SAFETY_ALERT")),
    ...policy("safety_alerts.safety_alerts_withdrawn_by_publisher", writing("SAFETY_ALERT"), null),
    ...policy(
      "sharing_agreements.sharing_agreements_changed_by_member_coordinators",
      one(organisationActions.EDIT_SHARING_AGREEMENT, "organisationActions.EDIT_SHARING_AGREEMENT"),
      one(organisationActions.EDIT_SHARING_AGREEMENT, "organisationActions.EDIT_SHARING_AGREEMENT"),
    ),
    ...policy("organisations.organisations_settings_by_coordinators", settingsEditors, settingsEditors),
    ...policy("partnerships.partnerships_settings_by_member_coordinators", settingsEditors, settingsEditors),
    ...policy("users.users_partnership_colleagues", working, null),
    ...ownRecords("venues.venues_own_organisation", "VENUE"),
    // A night centre's evening and the partners present: read by the team, written while open.
    ...policy(
      "night_centre_evenings.night_centre_evenings_read_by_the_team",
      reading("NIGHT_CENTRE_EVENING"),
      null,
    ),
    ...policy(
      "night_centre_evenings.night_centre_evenings_opened_by_the_team",
      null,
      writing("NIGHT_CENTRE_EVENING"),
    ),
    ...policy(
      "night_centre_evenings.night_centre_evenings_changed_while_open",
      writing("NIGHT_CENTRE_EVENING"),
      writing("NIGHT_CENTRE_EVENING"),
    ),
    ...policy(
      "night_centre_evening_partners.night_centre_evening_partners_read_by_the_team",
      reading("NIGHT_CENTRE_EVENING"),
      null,
    ),
    ...policy(
      "night_centre_evening_partners.night_centre_evening_partners_written_while_open",
      writing("NIGHT_CENTRE_EVENING"),
      writing("NIGHT_CENTRE_EVENING"),
    ),
    ...ownRecords(
      "night_centre_handover_notes.night_centre_handover_notes_kept_by_the_team",
      "EVENING_HANDOVER_NOTE",
    ),
    ...ownRecords("intake_assessments.intake_assessments_own_organisation", "INTAKE_ASSESSMENT"),
    ...ownRecords("workshops.workshops_own_organisation", "WORKSHOP"),
    // The note is the workshop's, kept by the same roles.
    ...ownRecords("workshop_notes.workshop_notes_own_organisation", "WORKSHOP"),
    [
      "function app.acts_on_notice(text)",
      {
        roles: [writers.REFERRAL, writers.NURSE_VISIT],
        from: "noticeRecordKinds: the writers of REFERRAL and of NURSE_VISIT",
      },
    ],
    [
      "function app.organisation_indicator_figures(timestamp with time zone,timestamp with time zone,text)",
      one(organisationActions.READ_ORGANISATION_DASHBOARD, "organisationActions.READ_ORGANISATION_DASHBOARD"),
    ],
    // A partnership's protected figures: its committee's members, and the coordinators (those who
    // read their own organisation's figures) of its member organisations.
    [
      "function app.may_read_partnership_indicators(uuid)",
      one(organisationActions.READ_ORGANISATION_DASHBOARD, "organisationActions.READ_ORGANISATION_DASHBOARD"),
    ],
    [
      "function app.organisation_intake_indicators(timestamp with time zone,timestamp with time zone)",
      one(organisationActions.READ_ORGANISATION_DASHBOARD, "organisationActions.READ_ORGANISATION_DASHBOARD"),
    ],
    // The evening screen's counts: its readers.
    ["function app.night_centre_visit_flags(uuid)", reading("NIGHT_CENTRE_EVENING")],
    ["function app.night_centre_evening_totals(uuid)", reading("NIGHT_CENTRE_EVENING")],
    ["function app.sees_team_records()", team],
    // Two-step sign-in: the roles a session cannot use until its user confirmed a second factor.
    ["function app.begin_request(text)", one(rolesRequiringSecondFactor, "rolesRequiringSecondFactor")],
    // Law 25 (modules/privacy): who viewed a file, the retention dry run, destruction on request.
    ["function app.person_file_reads(uuid,integer)", privacyManagers],
    [
      "function app.organisation_retention_schedule(timestamp with time zone,integer,integer)",
      privacyManagers,
    ],
    ["function app.deidentify_person_at_request(uuid)", privacyManagers],
    ["function app.may_change_shift_report(uuid)", changedShiftReport],
    ["function app.move_merged_person_records(uuid)", mergers],
    [
      "function app.shared_nurse_visit_ids()",
      {
        roles: [],
        sharedKinds: [partnerSharing.NURSE_VISIT ?? "(none)"],
        from: "partnerSharing.NURSE_VISIT",
      },
    ],
  ]);
}

const asKey = (lists: readonly (readonly string[])[]) =>
  lists
    .map((list) => `{${[...list].sort().join(",")}}`)
    .sort()
    .join(" ");

/** Where SQL and the registry disagree; empty when every list in SQL is the registry's. */
export function roleListDisagreements(found: Map<Place, Found>, expected: Map<Place, Expected>): string[] {
  const problems: string[] = [];
  for (const [place, lists] of found) {
    const wanted = expected.get(place);
    if (!wanted) {
      problems.push(
        `${place}: ${asKey(lists.roles)} ${lists.sharedKinds.join(" ")} — name the registry list it copies`,
      );
      continue;
    }
    if (asKey(lists.roles) !== asKey(wanted.roles)) {
      problems.push(
        `${place}: SQL has ${asKey(lists.roles)}, the registry (${wanted.from}) ${asKey(wanted.roles)}`,
      );
    }
    const kinds = [...lists.sharedKinds].sort().join(",");
    if (kinds !== [...(wanted.sharedKinds ?? [])].sort().join(",")) {
      problems.push(
        `${place}: SQL shares kind ${kinds}, the registry (${wanted.from}) ${wanted.sharedKinds?.join(",")}`,
      );
    }
  }
  for (const place of expected.keys()) {
    if (!found.has(place)) problems.push(`${place}: no longer in SQL — remove it from registryRoleLists`);
  }
  return problems;
}
