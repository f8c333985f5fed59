/**
 * The rows the programmes' demo data shares: encounters with what was handed out, the services
 * given and the note, written together in batches, and pseudonymous files opened by a worker.
 */
import { aliasSearchKey } from "@maillage/domain";
import type pg from "pg";
import { insertRows } from "./batches.ts";
import { aliasFor } from "./people.ts";
import type { SeededRandom } from "./random.ts";

export interface AnonymousContact {
  gender: string;
  ageBracket: string;
  headCount: number;
}

export interface EncounterRecord {
  id: string;
  organisationId: string;
  personId: string | null;
  authorId: string;
  coWorkerIds: string[];
  occurredAt: Date;
  channel: string;
  placeType: string;
  venueId: string | null;
  /** A code of the organisation's PLATFORM catalogue. */
  platform: string | null;
  themes: string[];
  /** Null for a person's file. */
  anonymous: AnonymousContact | null;
  eveningId: string | null;
  /** [catalogue code, quantity] of what was handed out. */
  materials: [string, number][];
  /** Codes of the organisation's SERVICE catalogue. */
  services: string[];
  note: string | null;
}

/** Encounters, their materials, services and notes: one batch per table. */
export async function insertEncounters(
  client: pg.ClientBase,
  records: readonly EncounterRecord[],
): Promise<void> {
  await insertRows(
    client,
    "encounters",
    [
      "id",
      "organisation_id",
      "person_id",
      "author_id",
      "co_worker_ids",
      "occurred_at",
      "channel",
      "place_type",
      "venue_id",
      "platform",
      "themes",
      "anonymous_gender",
      "anonymous_age_bracket",
      "head_count",
      "evening_id",
      "created_at",
      "updated_at",
    ],
    [
      "",
      "",
      "",
      "",
      "::uuid[]",
      "",
      '::"Channel"',
      '::"PlaceType"',
      "",
      "",
      '::"Theme"[]',
      '::"Gender"',
      '::"AgeBracket"',
      "",
      "",
      "",
      "",
    ],
    records.map((r) => [
      r.id,
      r.organisationId,
      r.personId,
      r.authorId,
      r.coWorkerIds,
      r.occurredAt,
      r.channel,
      r.placeType,
      r.venueId,
      r.platform,
      r.themes,
      r.anonymous?.gender ?? null,
      r.anonymous?.ageBracket ?? null,
      r.anonymous?.headCount ?? 1,
      r.eveningId,
      r.occurredAt,
      r.occurredAt,
    ]),
  );
  await insertRows(
    client,
    "encounter_materials",
    ["encounter_id", "organisation_id", "item", "quantity"],
    [],
    records.flatMap((r) => r.materials.map(([item, quantity]) => [r.id, r.organisationId, item, quantity])),
  );
  await insertRows(
    client,
    "encounter_services",
    ["encounter_id", "organisation_id", "service"],
    [],
    records.flatMap((r) => r.services.map((service) => [r.id, r.organisationId, service])),
  );
  await insertRows(
    client,
    "encounter_notes",
    ["encounter_id", "organisation_id", "body"],
    [],
    records.flatMap((r) => (r.note ? [[r.id, r.organisationId, r.note]] : [])),
  );
}

export interface DemoPerson {
  id: string;
  createdAt: Date;
}

/**
 * Pseudonymous files, as the seed's others: an alias, a birth year, mostly women (DESIGN.md §1).
 * `aliasIndex` continues the seed's numbering so that aliases stay distinct within a list.
 */
export class PersonFiles {
  private rows: unknown[][] = [];

  constructor(
    private readonly random: SeededRandom,
    private aliasIndex: number,
    private readonly year: number,
  ) {}

  open(organisationId: string, createdById: string, createdAt: Date, followedUp = false): DemoPerson {
    const random = this.random;
    const id = random.uuid();
    const alias = aliasFor(this.aliasIndex, (n) => random.int(0, n - 1));
    this.aliasIndex += 1;
    const age = random.weighted<[number, number]>([
      [[18, 25], 36],
      [[26, 35], 34],
      [[36, 60], 30],
    ]);
    this.rows.push([
      id,
      organisationId,
      alias,
      aliasSearchKey(alias),
      this.year - random.int(age[0], age[1]),
      random.weighted([
        ["WOMAN", 94],
        ["TRANS_WOMAN", 3],
        ["NON_BINARY", 1.5],
        ["MAN", 1.5],
      ]),
      random.weighted([
        [["fr"], 75],
        [["fr", "en"], 15],
        [["es"], 5],
        [["en"], 5],
      ]),
      random.chance(0.7),
      random.chance(0.25),
      random.chance(0.3)
        ? random.pick(["Texto seulement.", "Jamais de message vocal.", "Par la plateforme seulement."])
        : null,
      followedUp,
      createdById,
      createdAt,
    ]);
    return { id, createdAt };
  }

  /** Writes the files opened since the last call (before the records that name them). */
  async insert(client: pg.ClientBase): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await insertRows(
      client,
      "persons",
      [
        "id",
        "organisation_id",
        "alias",
        "alias_search",
        "birth_year",
        "gender",
        "languages",
        "may_text",
        "may_leave_message",
        "safe_contact_note",
        "in_regular_follow_up",
        "created_by_id",
        "created_at",
      ],
      ["", "", "", "", "", '::"Gender"', "::varchar[]", "", "", "", "", "", ""],
      rows,
    );
  }
}

/** An anonymous contact as workers note one: gender and age bracket when said. */
export function anonymousContact(random: SeededRandom, headCount = 1): AnonymousContact {
  return {
    gender: random.weighted([
      ["WOMAN", 80],
      ["TRANS_WOMAN", 4],
      ["MAN", 4],
      ["UNDISCLOSED", 12],
    ]),
    ageBracket: random.weighted([
      ["AGE_18_25", 32],
      ["AGE_26_35", 32],
      ["AGE_36_PLUS", 26],
      ["UNKNOWN", 10],
    ]),
    headCount,
  };
}
