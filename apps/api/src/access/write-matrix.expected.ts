/**
 * Who may create, change and remove each kind of record: the expected cells of the write matrix
 * (write-matrix.int.test.ts), written from ../shared/DESIGN.md §3 and the permission registry's
 * intent, independently of the registry's code (which `registryDisagreements` then checks).
 *
 * W outreach worker, N nurse, C coordinator, A org admin, K committee member. A relation absent
 * from a cell's list: refused. "own organisation" is the record's author (or the visit's nurse,
 * the alert's publisher); "own organisation, another member" is a colleague holding the same role.
 */
import type { RecordKind, RoleName } from "@maillage/domain";
import {
  type MatrixRole,
  roleNames,
  type WriteRelation,
  writeRelations,
} from "../testing/write-matrix-world.ts";

export const writeKinds = [
  "person profile",
  "legal name",
  "person follower",
  "person's archiving",
  "merge of two persons",
  "encounter",
  "encounter note",
  "encounter material",
  "encounter service",
  "accompaniment",
  "accompaniment note",
  "accompaniment outcome",
  "nurse visit",
  "nurse visit booked from a partner",
  "nurse visit's nurse",
  "nurse visit recorded by its nurse",
  "nurse visit submitted by its worker",
  "clinical note",
  "clinical act",
  "person on a nurse visit",
  "referral",
  "consent",
  "consent's content",
  "consent's withdrawal",
  "venue",
  "material stock",
  "material receipt",
  "material delivery",
  "material delivery item",
  "material delivery place",
  "material delivery transition",
  "catalogue entry",
  "catalogue entry's retirement",
  "workshop",
  "workshop note",
  "shift report",
  "shift handover note",
  "venue's archiving",
  "safety alert",
  "audit event",
  "sharing agreement",
  "partnership's programme settings",
  "organisation's programme settings",
  "organisation's start date",
  "membership of a colleague",
  "end of a colleague's membership",
  "invitation",
  "sessions of the team",
  "one's own roles",
  "night-centre evening",
  "night-centre evening's closing",
  "night-centre evening partner",
  "evening visit",
  "intake assessment",
  "evening handover note",
  "import file",
  "import",
  "imported record",
] as const;
export type WriteKind = (typeof writeKinds)[number];

export const operations = ["create", "update", "delete"] as const;
export type Operation = (typeof operations)[number];

export type Cells = Partial<Record<WriteRelation, readonly MatrixRole[]>>;

export interface ExpectedWrite {
  /** INSERT / UPDATE / DELETE as the app role with the viewer set (row-level security and grants). */
  sql: Cells;
  /**
   * The GraphQL mutation's cells, or why they are not asserted here: no mutation does this (the
   * mutation inventory asserts the schema has no other), or another cell's mutation covers it.
   */
  graphql: Cells | { none: string };
  /** The relations the mutation can express at all, when not every one (with the reason). */
  graphqlRelations?: { only: readonly WriteRelation[]; reason: string };
  /** Appending one's own audit trail: allowed to everyone, and not "writing" the kind (registry check). */
  ownTrail?: true;
}

export type KindCells = Partial<Record<Operation, ExpectedWrite>> & {
  /** Operations that are not a distinct write of this kind, with the reason. */
  notMeaningful?: Partial<Record<Operation, string>>;
};

const own = (roles: readonly MatrixRole[]): Cells => ({
  "own organisation": roles,
  "own organisation, another member": roles,
});
/** The author (or participant) may; a colleague only with the second list. */
const authorOr = (author: readonly MatrixRole[], colleague: readonly MatrixRole[]): Cells => ({
  "own organisation": author,
  ...(colleague.length > 0 ? { "own organisation, another member": colleague } : {}),
});
/** Every organisation of the owner's partnership (all but the unrelated one). */
const partnershipMembers = (roles: readonly MatrixRole[]): Cells =>
  Object.fromEntries(writeRelations.filter((r) => r !== "unrelated organisation").map((r) => [r, roles]));
const nobody: Cells = {};
const same = (cells: Cells): ExpectedWrite => ({ sql: cells, graphql: cells });
const sqlOnly = (cells: Cells, none: string): ExpectedWrite => ({ sql: cells, graphql: { none } });
const ownRelations = ["own organisation", "own organisation, another member"] as const;
const catalogueOfTheActingOrganisation =
  "the catalogue's mutations name an entry by its code in the acting organisation's catalogue";

export const expectedWrites: Record<WriteKind, KindCells> = {
  "person profile": {
    create: {
      ...same(own(["W", "C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "createPerson takes no organisation: it opens the file in the acting organisation",
      },
    },
    update: same(own(["W", "C"])),
    delete: sqlOnly(own(["W", "C"]), "no mutation removes a person's file"),
  },
  // Restricted: workers and coordinators of the owning organisation only, never a nurse or a partner.
  "legal name": {
    create: same(own(["W", "C"])),
    update: same(own(["W", "C"])),
    delete: same(own(["W", "C"])),
  },
  // Who follows whom (the caseload a restricted team shows a worker): set by the coordinators.
  "person follower": {
    create: same(own(["C"])),
    delete: same(own(["C"])),
    notMeaningful: { update: "a follow is added or removed, never changed" },
  },
  // Archived (out of the caseload, history kept) and restored by the file's writers.
  "person's archiving": {
    create: same(own(["W", "C"])),
    delete: same(own(["W", "C"])),
    notMeaningful: { update: "a file is archived or restored, the archiving itself never changes" },
  },
  // Two files found to be the same person: a coordinator of the owning organisation merges them
  // (in SQL too: persons_merged_by_coordinators), once and for good.
  "merge of two persons": {
    create: same(own(["C"])),
    notMeaningful: {
      update: "a merge is final: the merged file is never changed again",
      delete: "a merge is final: it is never undone",
    },
  },
  // Changed or removed by its author or a coordinator (packages/domain mayChangeEncounter).
  encounter: {
    create: same(own(["W", "C"])),
    update: same(authorOr(["W", "C"], ["C"])),
    delete: same(authorOr(["W", "C"], ["C"])),
  },
  // The note and the material handed out are part of the encounter: the same author-or-coordinator
  // rule, in SQL too.
  "encounter note": {
    create: same(authorOr(["W", "C"], ["C"])),
    update: same(authorOr(["W", "C"], ["C"])),
    delete: same(authorOr(["W", "C"], ["C"])),
  },
  "encounter material": {
    create: same(authorOr(["W", "C"], ["C"])),
    update: same(authorOr(["W", "C"], ["C"])),
    delete: same(authorOr(["W", "C"], ["C"])),
  },
  // Services given are part of the encounter too: the same rule, in SQL too.
  "encounter service": {
    create: same(authorOr(["W", "C"], ["C"])),
    update: same(authorOr(["W", "C"], ["C"])),
    delete: same(authorOr(["W", "C"], ["C"])),
  },
  accompaniment: {
    create: same(own(["W", "C"])),
    update: same(own(["W", "C"])),
    delete: sqlOnly(own(["W", "C"]), "an accompaniment is closed (done, cancelled, no-show), never removed"),
  },
  "accompaniment note": {
    create: same(own(["W", "C"])),
    update: sqlOnly(own(["W", "C"]), "the note is written when the accompaniment is planned"),
    delete: sqlOnly(own(["W", "C"]), "the note is written when the accompaniment is planned"),
  },
  // Free text like the note (DESIGN.md §3: a partner sees the accompaniment without it).
  "accompaniment outcome": {
    create: same(own(["W", "C"])),
    update: sqlOnly(own(["W", "C"]), "the outcome is written when the accompaniment is closed"),
    delete: sqlOnly(own(["W", "C"]), "the outcome is written when the accompaniment is closed"),
  },
  "nurse visit": {
    create: same(own(["W", "N", "C"])),
    // Answering (accept, decline, another time, cancel) is the visit's two people's; a coordinator
    // of the owning organisation may also change it in SQL, to hand it to another nurse (§3).
    update: { sql: authorOr(["W", "N", "C"], ["C"]), graphql: authorOr(["W", "N"], []) },
    // A visit is cancelled, never removed: removing it would take its clinical notes with it.
    delete: sqlOnly(nobody, "a visit is cancelled, never removed"),
  },
  // The worker's organisation books the nurse's: both of one partnership (the booking rests on a
  // consent naming the nurse's organisation, §3), never an organisation outside it.
  "nurse visit booked from a partner": {
    create: sqlOnly(
      partnershipMembers(["W", "N", "C"]),
      "proposeNurseVisit books for the worker's own persons: the nurse visit create cells and nurse-visits tests",
    ),
    notMeaningful: {
      update: "once booked, the visit is the nurse visit's (update)",
      delete: "once booked, the visit is the nurse visit's (delete)",
    },
  },
  // A coordinator of the organisation that owns the visit hands it to another nurse (§3).
  "nurse visit's nurse": {
    update: same(own(["C"])),
    notMeaningful: {
      create: "the visit's nurse is named when the visit is proposed (the nurse visit's create)",
      delete: "a visit always has its nurse; it is handed over, never left without one",
    },
  },
  // A visit that already happened, recorded by its nurse without propose/accept (issue 16):
  // completed at once, so only a nurse, as its nurse, in her own organisation (SQL:
  // nurse_visits_inserted_by_their_recorder), with a worker of the partnership. Through GraphQL
  // only a nurse of a public-health organisation, naming a person shared with hers by a consent:
  // the consented partner's (the world's public-health organisation).
  "nurse visit recorded by its nurse": {
    create: {
      sql: partnershipMembers(["N"]),
      graphql: { "partner, active consent": ["N"] },
    },
    notMeaningful: {
      update: "once recorded, the visit is the nurse visit's (update)",
      delete: "once recorded, the visit is the nurse visit's (delete)",
    },
  },
  // Recorded by the worker for the nurse to confirm: awaiting confirmation, only by its own worker
  // in her organisation, with a nurse of the partnership; through GraphQL for the worker's
  // organisation's own persons (each consented to the nurse's organisation), like a proposal.
  "nurse visit submitted by its worker": {
    create: { sql: partnershipMembers(["W", "N", "C"]), graphql: own(["W", "N", "C"]) },
    notMeaningful: {
      update:
        "the nurse confirms it (completeNurseVisit: the clinical note create cells) or declines it (the nurse visit's update)",
      delete: "a visit is cancelled, never removed",
    },
  },
  // Only the visit's nurse completes it and writes its clinical notes (§3).
  "clinical note": {
    create: same(authorOr(["N"], [])),
    update: sqlOnly(authorOr(["N"], []), "clinical notes are written when the visit is completed"),
    delete: sqlOnly(authorOr(["N"], []), "clinical notes are written when the visit is completed"),
  },
  // The visit's acts go with its clinical notes: its nurse only.
  "clinical act": {
    create: sqlOnly(authorOr(["N"], []), "completeNurseVisit records them: the clinical note create cells"),
    update: sqlOnly(authorOr(["N"], []), "acts are recorded when the visit is completed"),
    delete: sqlOnly(authorOr(["N"], []), "acts are recorded when the visit is completed"),
  },
  // As proposeNurseVisit books her: the co-visiting worker's organisation, for a person of its own
  // with a consent naming the nurse's organisation. The nurse's organisation adds nobody to a
  // booked visit (the target here); only the nurse, to a visit she recorded herself after it
  // happened, a person so consented (recordPastNurseVisit; past-visits.int.test.ts).
  "person on a nurse visit": {
    create: sqlOnly(
      own(["W", "N", "C"]),
      "proposeNurseVisit attaches the persons it books: the nurse visit create cells and nurse-visits tests",
    ),
    update: sqlOnly(nobody, "no mutation moves a person from one visit to another"),
    delete: sqlOnly(nobody, "no mutation takes a person off a visit (the visit is cancelled instead)"),
  },
  referral: {
    create: same(own(["W", "N", "C"])),
    // Each side moves it along its lifecycle (the sender withdraws, the receiver answers).
    update: same({ ...own(["W", "N", "C"]), "partner, open referral": ["W", "N", "C"] }),
    // The closed loop: the sender always learns the outcome, so the history is never removed.
    delete: sqlOnly(nobody, "a referral is withdrawn or closed, never removed"),
  },
  consent: {
    create: same(own(["W", "C"])),
    update: same(own(["W", "C"])),
    delete: sqlOnly(nobody, "consents are withdrawn, never deleted (their history is kept)"),
  },
  // A consent is never overwritten (widened, extended): a new one is recorded instead.
  "consent's content": {
    update: sqlOnly(nobody, "no mutation changes a recorded consent"),
    notMeaningful: { create: "the consent's create", delete: "the consent's delete" },
  },
  // A withdrawal takes effect for good: it is never undone (the person gives a new consent).
  "consent's withdrawal": {
    update: sqlOnly(nobody, "no mutation undoes a withdrawal"),
    notMeaningful: { create: "the consent's update (withdrawConsent)", delete: "the consent's delete" },
  },
  venue: {
    create: {
      ...same(own(["W", "C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "createVenue takes no organisation: it adds the venue to the acting organisation",
      },
    },
    update: same(own(["W", "C"])),
    delete: sqlOnly(own(["W", "C"]), "a venue is archived, never removed (its encounters point at it)"),
  },
  // Counted by the organisation's coordinators, as themselves; each count replaces the last.
  "material stock": {
    create: {
      ...same(own(["C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "recordMaterialStock takes no organisation: it counts the acting organisation's stock",
      },
    },
    update: {
      ...same(own(["C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "recordMaterialStock takes no organisation: it counts the acting organisation's stock",
      },
    },
    delete: sqlOnly(nobody, "a count is replaced by the next one, never removed"),
  },
  // Workshops and prevention kiosks: the organisation's working roles keep them, the note too
  // (counts of participants, no person: never a partner's, whichever consent a person gave).
  workshop: {
    create: {
      ...same(own(["W", "N", "C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "recordWorkshop takes no organisation: it records the acting organisation's workshop",
      },
    },
    update: same(own(["W", "N", "C"])),
    delete: same(own(["W", "N", "C"])),
  },
  "workshop note": {
    create: same(own(["W", "N", "C"])),
    update: same(own(["W", "N", "C"])),
    delete: same(own(["W", "N", "C"])),
  },
  // A delivery request (the confidential line): the organisation's outreach workers and
  // coordinators log it as themselves and move it along, whoever it is assigned to; cancelled,
  // never removed. Never a partner's, whichever consent the person gave (no shared kind opens it).
  "material delivery": {
    create: {
      ...same(own(["W", "C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "requestMaterialDelivery takes no organisation: it logs the acting organisation's request",
      },
    },
    update: same(own(["W", "C"])),
    delete: sqlOnly(nobody, "a delivery is cancelled (or not reached), never removed"),
  },
  // What was asked for is written with the request (while it is requested), then fixed: what was
  // handed out is the delivery's encounter's materials.
  "material delivery item": {
    create: sqlOnly(
      own(["W", "C"]),
      "requestMaterialDelivery writes them: the material delivery create cells",
    ),
    update: sqlOnly(nobody, "the items asked for are fixed with the request"),
    delete: sqlOnly(nobody, "the items asked for are fixed with the request"),
  },
  // The discreet window and place, organisation-private free text: written with the request.
  "material delivery place": {
    create: sqlOnly(own(["W", "C"]), "requestMaterialDelivery writes it: the material delivery create cells"),
    update: sqlOnly(nobody, "the window and place are written with the request"),
    delete: sqlOnly(nobody, "the window and place go with their delivery, never alone"),
  },
  // Every step with who and when: appended as the viewer, never changed or removed.
  "material delivery transition": {
    create: sqlOnly(
      own(["W", "C"]),
      "transitionMaterialDelivery appends them: the material delivery update cells",
    ),
    update: sqlOnly(nobody, "a delivery's history is append-only"),
    delete: sqlOnly(nobody, "a delivery's history is append-only"),
  },
  // Stock received, recorded by the organisation's coordinators as themselves; never changed.
  "material receipt": {
    create: {
      ...same(own(["C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "receiveMaterial takes no organisation: it adds to the acting organisation's stock",
      },
    },
    update: sqlOnly(nobody, "a receipt is never changed: a count corrects the stock"),
    delete: sqlOnly(nobody, "a receipt is never removed: a count corrects the stock"),
  },
  // The organisation's catalogue: its coordinators edit it (DESIGN §1: a coordinator manages).
  "catalogue entry": {
    create: {
      ...same(own(["C"])),
      graphqlRelations: { only: ownRelations, reason: catalogueOfTheActingOrganisation },
    },
    update: {
      ...same(own(["C"])),
      graphqlRelations: { only: ownRelations, reason: catalogueOfTheActingOrganisation },
    },
    delete: {
      ...same(own(["C"])),
      graphqlRelations: { only: ownRelations, reason: catalogueOfTheActingOrganisation },
    },
  },
  // Retired: no longer offered, still naming its records; brought back by the same coordinators.
  "catalogue entry's retirement": {
    create: {
      ...same(own(["C"])),
      graphqlRelations: { only: ownRelations, reason: catalogueOfTheActingOrganisation },
    },
    delete: {
      ...same(own(["C"])),
      graphqlRelations: { only: ownRelations, reason: catalogueOfTheActingOrganisation },
    },
    notMeaningful: { update: "an entry is retired or brought back, the retirement itself never changes" },
  },
  // A street team's shift report: written by the organisation's workers and coordinators as
  // themselves, changed or removed by its author or a coordinator (mayChangeShiftReport), in SQL too.
  "shift report": {
    create: {
      ...same(own(["W", "C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "recordShiftReport takes no organisation: it logs the acting organisation's shift",
      },
    },
    update: same(authorOr(["W", "C"], ["C"])),
    delete: same(authorOr(["W", "C"], ["C"])),
  },
  // The handover for the next shift is part of the report: the same author-or-coordinator rule.
  "shift handover note": {
    create: same(authorOr(["W", "C"], ["C"])),
    update: same(authorOr(["W", "C"], ["C"])),
    delete: same(authorOr(["W", "C"], ["C"])),
  },
  // No longer covered: out of the lists and the encounter form, its encounters still pointing at it.
  "venue's archiving": {
    create: same(own(["W", "C"])),
    delete: same(own(["W", "C"])),
    notMeaningful: { update: "a venue is archived or restored, the archiving itself never changes" },
  },
  // Published by a coordinator to a partnership of its organisation; taken down by the publisher's.
  "safety alert": {
    create: same(partnershipMembers(["C"])),
    update: same(own(["C"])),
    delete: sqlOnly(nobody, "an alert is withdrawn or expires, never removed"),
  },
  // Append-only: everybody appends as themselves to the acting organisation's log; nobody edits.
  "audit event": {
    create: {
      ...sqlOnly(own(["W", "N", "C", "A", "K"]), "audited mutations append their own events"),
      ownTrail: true,
    },
    update: sqlOnly(nobody, "append-only"),
    delete: sqlOnly(nobody, "append-only"),
  },
  // Coordinators of a member organisation (DESIGN §1); made with the partnership, never removed.
  "sharing agreement": {
    create: sqlOnly(nobody, "an agreement is made with its partnership, outside the app role"),
    update: same(partnershipMembers(["C"])),
    delete: sqlOnly(nobody, "an agreement is narrowed, never removed"),
  },
  // Time zone, fiscal-year start and locale (issue 15): coordinators of a member organisation, like
  // the sharing agreement; only these three columns, never the partnership's name or members.
  "partnership's programme settings": {
    update: same(partnershipMembers(["C"])),
    notMeaningful: {
      create: "a partnership has its settings from its creation (outside the app role)",
      delete: "settings are changed, never removed",
    },
  },
  // The organisation's own settings (what its members' days and figures follow): its coordinators.
  "organisation's programme settings": {
    update: {
      ...same(own(["C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "updateOrganisationSettings takes no organisation: it sets the acting organisation's",
      },
    },
    notMeaningful: {
      create: "an organisation has its settings from its creation (outside the app role)",
      delete: "settings are changed, never removed",
    },
  },
  // The first day its records may be dated (issue 16): its coordinators, like its other settings.
  "organisation's start date": {
    update: {
      ...same(own(["C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "updateOrganisationStartDate takes no organisation: it sets the acting organisation's",
      },
    },
    notMeaningful: {
      create: "an organisation has its start date from its creation (1 January 2000 by default)",
      delete: "a start date is changed, never removed",
    },
  },
  // A working role is granted by another admin or a coordinator of the organisation (§3).
  "membership of a colleague": {
    create: sqlOnly(
      nobody,
      "members join by accepting an invitation (app.accept_invitation, SECURITY DEFINER; acceptInvitation is public: organisations/members.int.test.ts)",
    ),
    update: same(own(["A", "C"])),
    delete: sqlOnly(nobody, "a membership is ended, never removed"),
  },
  // Deactivation (deactivateMember): the organisation's member managers, in SQL too (the policies
  // memberships_changed_by_*; memberships_ended_by_others keeps an admin's to admins and nobody's
  // own to herself: organisations/members.int.test.ts).
  "end of a colleague's membership": {
    update: same(own(["A", "C"])),
    notMeaningful: {
      create: "a membership is added by accepting an invitation (membership of a colleague)",
      delete: "an ended membership stays ended until an invitation reopens it",
    },
  },
  // Made and revoked by the member managers (organisationActions.MANAGE_MEMBERS); a coordinator
  // invites to working roles only (mayChangeMemberRoles), in SQL too.
  invitation: {
    create: {
      ...same(own(["A", "C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "inviteMember takes no organisation: it invites to the acting organisation",
      },
    },
    update: same(own(["A", "C"])),
    delete: sqlOnly(nobody, "an invitation is revoked, accepted or expires, never removed"),
  },
  // A lost phone: an org admin ends every session of the team and forgets their devices' vaults
  // (endAllSessions, as the sign-in role); the app role deletes nobody else's vault or session.
  "sessions of the team": {
    delete: {
      sql: nobody,
      graphql: own(["A"]),
      graphqlRelations: {
        only: ownRelations,
        reason: "endAllSessions takes no organisation: it ends the acting organisation's sessions",
      },
    },
    notMeaningful: {
      create: "a session is opened by signing in (outside the matrix)",
      update: "a session is only ended (switching organisation is the viewer's own, outside the matrix)",
    },
  },
  // Nobody widens their own roles: an admin cannot grant itself a working role (§3), nor anyone else.
  "one's own roles": {
    update: same(nobody),
    notMeaningful: {
      create: "one's own membership is added like a colleague's",
      delete: "one's own membership is ended like a colleague's",
    },
  },
  // A night centre's evening (issue 15): opened, staffed and closed by the organisation's outreach
  // workers and coordinators; nothing changes once it is closed (in SQL too), nothing is removed.
  "night-centre evening": {
    create: same(own(["W", "C"])),
    update: same(own(["W", "C"])),
    delete: sqlOnly(nobody, "an evening is closed, never removed (its visits point at it)"),
  },
  "night-centre evening's closing": {
    update: same(own(["W", "C"])),
    notMeaningful: {
      create: "an evening is opened open (the evening's create)",
      delete: "a closing is final: it is never undone",
    },
  },
  // The partners present go with their evening while it is open.
  "night-centre evening partner": {
    create: sqlOnly(own(["W", "C"]), "updateNightCentreEvening replaces them: the evening's update cells"),
    update: sqlOnly(own(["W", "C"]), "updateNightCentreEvening replaces them: the evening's update cells"),
    delete: sqlOnly(own(["W", "C"]), "updateNightCentreEvening replaces them: the evening's update cells"),
  },
  // A check-in is an encounter of the evening: recorded by the team, what was received changed by
  // its author or a coordinator (mayChangeEncounter), on an open evening.
  "evening visit": {
    create: same(own(["W", "C"])),
    update: same(authorOr(["W", "C"], ["C"])),
    delete: sqlOnly(
      authorOr(["W", "C"], ["C"]),
      "deleteEncounter removes a check-in: the encounter's delete cells",
    ),
  },
  // The intake form of a first visit: the organisation's workers and coordinators, never a partner.
  "intake assessment": {
    create: same(own(["W", "C"])),
    update: same(own(["W", "C"])),
    delete: sqlOnly(nobody, "an intake is corrected, never removed (it goes with the file)"),
  },
  // The evening's log for the next shift: the team's, rewritten as it goes, never removed.
  "evening handover note": {
    create: same(own(["W", "C"])),
    update: same(own(["W", "C"])),
    delete: sqlOnly(nobody, "a handover is rewritten, never removed"),
  }, // Imports from spreadsheets: the organisation's coordinators (organisationActions.IMPORT_RECORDS).
  "import file": {
    create: sqlOnly(
      own(["C"]),
      "uploaded by POST /imports/files (imports/import-files.int.test.ts: who may)",
    ),
    update: sqlOnly(nobody, "an uploaded file is never changed"),
    delete: sqlOnly(own(["C"]), "erased by commitImport, or when older than 24 hours at the next upload"),
  },
  import: {
    create: {
      ...same(own(["C"])),
      graphqlRelations: {
        only: ownRelations,
        reason: "commitImport takes no organisation: it imports a file of the acting organisation",
      },
    },
    update: sqlOnly(nobody, "a committed import is never changed"),
    delete: sqlOnly(nobody, "a committed import is never removed (it keys what it wrote)"),
  },
  "imported record": {
    create: sqlOnly(own(["C"]), "written by commitImport with its import (the import's cells)"),
    update: sqlOnly(nobody, "the key of an imported row is never changed"),
    delete: sqlOnly(nobody, "the key of an imported row is never removed: importing it again adds nothing"),
  },
};

/** The registry's record kind each matrix kind is (or is part of), where the registry names it. */
export const registryKindOf: Partial<Record<WriteKind, RecordKind>> = {
  "person profile": "PERSON_PROFILE",
  "person's archiving": "PERSON_PROFILE",
  // "merge of two persons" is a coordinator's action on two files, like setting followers: not
  // the registry's PERSON_PROFILE writers, so it stays out of the check.
  "legal name": "LEGAL_NAME",
  encounter: "ENCOUNTER",
  "encounter note": "ENCOUNTER_NOTE",
  "encounter material": "ENCOUNTER",
  "encounter service": "ENCOUNTER",
  accompaniment: "ACCOMPANIMENT",
  "accompaniment note": "ACCOMPANIMENT_NOTE",
  "accompaniment outcome": "ACCOMPANIMENT_NOTE",
  "nurse visit": "NURSE_VISIT",
  "nurse visit booked from a partner": "NURSE_VISIT",
  // Completed at once with its acts and notes: the clinical notes' writers (recordPastNurseVisit's scope).
  "nurse visit recorded by its nurse": "CLINICAL_NOTE",
  "nurse visit submitted by its worker": "NURSE_VISIT",
  "clinical note": "CLINICAL_NOTE",
  "clinical act": "CLINICAL_NOTE",
  "person on a nurse visit": "NURSE_VISIT",
  referral: "REFERRAL",
  // "consent's content" and "consent's withdrawal" are consents too, but written by nobody: the
  // check compares each kind's writers with the registry's, so they stay out of it.
  consent: "CONSENT",
  venue: "VENUE",
  "venue's archiving": "VENUE",
  "shift report": "SHIFT_REPORT",
  "shift handover note": "SHIFT_HANDOVER_NOTE",
  workshop: "WORKSHOP",
  "workshop note": "WORKSHOP",
  "safety alert": "SAFETY_ALERT",
  "audit event": "AUDIT_EVENT",
  "night-centre evening": "NIGHT_CENTRE_EVENING",
  "night-centre evening's closing": "NIGHT_CENTRE_EVENING",
  "night-centre evening partner": "NIGHT_CENTRE_EVENING",
  "evening visit": "ENCOUNTER",
  "intake assessment": "INTAKE_ASSESSMENT",
  "evening handover note": "EVENING_HANDOVER_NOTE",
  "material delivery": "MATERIAL_DELIVERY",
  "material delivery item": "MATERIAL_DELIVERY",
  "material delivery transition": "MATERIAL_DELIVERY",
  "material delivery place": "MATERIAL_DELIVERY_PLACE",
};

export function isNone(cells: ExpectedWrite["graphql"]): cells is { none: string } {
  return "none" in cells;
}

export function allows(cells: Cells, relation: WriteRelation, role: MatrixRole): boolean {
  return cells[relation]?.includes(role) ?? false;
}

/**
 * Where the expected cells and a registry of writers disagree, for every kind the registry names:
 * the roles that write it in their own organisation (either layer, any operation) must be the
 * registry's writers, and no role outside them may write it in any relation. A committee member
 * holds no registry role, so a K cell is always a disagreement. Empty: they agree.
 */
export function registryDisagreements(writers: Record<RecordKind, readonly RoleName[]>): string[] {
  const problems: string[] = [];
  const roleOf = (role: MatrixRole): RoleName | "COMMITTEE" => (role === "K" ? "COMMITTEE" : roleNames[role]);
  for (const [kind, recordKind] of Object.entries(registryKindOf) as [WriteKind, RecordKind][]) {
    const inOwn = new Set<string>();
    const anywhere = new Set<string>();
    for (const operation of operations) {
      const expected = expectedWrites[kind][operation];
      if (!expected || expected.ownTrail) continue;
      const layers = isNone(expected.graphql) ? [expected.sql] : [expected.sql, expected.graphql];
      for (const cells of layers) {
        for (const [relation, roles] of Object.entries(cells) as [WriteRelation, MatrixRole[]][]) {
          for (const role of roles) {
            anywhere.add(roleOf(role));
            if (relation === "own organisation") inOwn.add(roleOf(role));
          }
        }
      }
    }
    const registry = new Set<string>(writers[recordKind]);
    const ownList = [...inOwn].sort().join(",");
    const registryList = [...registry].sort().join(",");
    if (ownList !== registryList) {
      problems.push(
        `${recordKind}: the matrix lets [${ownList}] write it, the registry names [${registryList}]`,
      );
    }
    const outside = [...anywhere].filter((role) => !registry.has(role)).sort();
    if (outside.length > 0)
      problems.push(`${recordKind}: [${outside.join(",")}] write it outside the registry`);
  }
  return problems;
}
