/**
 * Ligne Alternative's confidential line (issue 15; DESIGN.md §1: a phone and SMS line, outreach
 * on online ad platforms, delivery of condoms, lubricant and drug-use material). Since the start
 * of the fiscal year: calls and texts answered from the office, messages on ad sites and video
 * calls online with the platform named from the catalogue — a few a day, more this week — most
 * anonymous, as the line's quick entry logs them. Material delivery requests in every state,
 * written as the API writes them (modules/deliveries): the request with its items, a discreet
 * window and place, its steps with who and when (version = steps taken), and a delivered one's
 * single encounter (in person, the delivery's place, the items as its materials) — the one way
 * the items count as handed out.
 */
import { type DeliveryStatusName, mayTransitionDelivery } from "@maillage/domain";
import type pg from "pg";
import { insertRows } from "./batches.ts";
import type { ProgrammeCalendar } from "./calendar.ts";
import { itemAt, present } from "./present.ts";
import type { SeededRandom } from "./random.ts";
import {
  anonymousContact,
  type DemoPerson,
  type EncounterRecord,
  insertEncounters,
  type PersonFiles,
} from "./records.ts";

const minute = 60_000;

export interface LineContext {
  calendar: ProgrammeCalendar;
  organisationId: string;
  /** The line's worker first, then its coordinator (both answer and deliver). */
  worker: string;
  coordinator: string;
  /** Days of history: since the start of the fiscal year. */
  historyDays: number;
  /** When the line's files may have been opened from. */
  filesFrom: Date;
  files: PersonFiles;
}

export interface LineSummary {
  deliveries: Record<DeliveryStatusName, number>;
}

const themes: [string, number][] = [
  ["SEXUALITY", 30],
  ["SUBSTANCE_USE", 20],
  ["SOCIAL_RELATIONS", 15],
  ["VIOLENCE", 8],
  ["MENTAL_HEALTH", 10],
  ["FINANCES", 7],
  ["HOUSING", 5],
  ["PHYSICAL_HEALTH", 5],
];
const contactNotes = [
  "Questions sur le dépistage ; adresse de la clinique envoyée.",
  "A demandé du matériel : livraison proposée.",
  "Appel bref, rappellera ce soir.",
  "Parle d'un client insistant ; rappel des alertes en cours.",
  "Cherche une ressource d'hébergement pour la nuit.",
];
const deliveryItems: [string, number, number, number][] = [
  ["CONDOMS", 0.8, 12, 48],
  ["LUBRICANT", 0.55, 2, 10],
  ["SYRINGES", 0.25, 10, 30],
  ["CRACK_KITS", 0.2, 2, 5],
  ["NALOXONE_KITS", 0.1, 1, 2],
  ["PREGNANCY_TESTS", 0.08, 1, 2],
];
/** The evening round's windows (a delivery is brought between 17:00 and 21:30). */
const windows = [
  "Ce soir, 20 h – 21 h",
  "Entre 17 h et 18 h",
  "En fin d'après-midi",
  "Ce soir après 19 h",
  "Demain en soirée",
];
const places: Record<string, string[]> = {
  PUBLIC_PLACE: [
    "Stationnement du dépanneur, coin de la rue Saint-Georges — texter en arrivant",
    "Devant la bibliothèque, banc près de l'entrée",
    "Terminus d'autobus, quai 3",
  ],
  HOME: [
    "Hall de l'immeuble — texter en arrivant, ne pas sonner",
    "Porte arrière — laisser le sac si pas de réponse",
  ],
  WORKPLACE: ["Entrée de service, après la fermeture", "Stationnement arrière — auto grise"],
};

/** The steps of a delivery, from its request, to the state it is in now. */
const paths: DeliveryStatusName[][] = [
  ["REQUESTED"],
  ["REQUESTED", "SCHEDULED"],
  ["REQUESTED", "SCHEDULED", "DELIVERED"],
  ["REQUESTED", "DELIVERED"],
  ["REQUESTED", "SCHEDULED", "NOT_REACHED"],
  ["REQUESTED", "NOT_REACHED"],
  ["REQUESTED", "CANCELLED"],
  ["REQUESTED", "SCHEDULED", "CANCELLED"],
];
for (const path of paths)
  path.slice(1).forEach((to, step) => {
    if (!mayTransitionDelivery(itemAt(path, step), to))
      throw new Error(`no delivery step ${path[step]} → ${to}`);
  });
const pathTo = (index: number) => itemAt(paths, index);

export async function seedLine(
  client: pg.ClientBase,
  random: SeededRandom,
  c: LineContext,
): Promise<LineSummary> {
  const { calendar, organisationId } = c;
  const nowMs = calendar.now.getTime();
  const answerer = () => (random.chance(0.75) ? c.worker : c.coordinator);
  const people: DemoPerson[] = [];
  for (let index = 0; index < 18; index += 1) {
    const createdAt = new Date(
      c.filesFrom.getTime() + random.next() * (nowMs - 30 * 86_400_000 - c.filesFrom.getTime()),
    );
    people.push(c.files.open(organisationId, c.worker, createdAt, index < 6));
  }
  const someone = (at: Date) => {
    const known = people.filter((p) => p.createdAt.getTime() < at.getTime());
    return known.length > 0 ? random.pick(known).id : null;
  };

  const encounters: EncounterRecord[] = [];
  const contact = (at: Date, channel: string, personId: string | null, note: string | null = null) => {
    const platform =
      channel === "ONLINE_PLATFORM"
        ? random.weighted([
            ["LEOLIST", 60],
            ["ONLYFANS", 12],
            ["INSTAGRAM", 13],
            ["SNAPCHAT", 15],
          ])
        : channel === "VIDEO"
          ? random.weighted([
              ["WHATSAPP", 60],
              ["TEAMS", 20],
              ["ZOOM", 20],
            ])
          : null;
    encounters.push({
      id: random.uuid(),
      organisationId,
      personId,
      authorId: answerer(),
      coWorkerIds: [],
      occurredAt: at,
      channel,
      placeType: channel === "PHONE" || channel === "SMS" ? "OFFICE" : "ONLINE",
      venueId: null,
      platform,
      themes: random.weightedDistinct(themes, random.int(1, 2)),
      anonymous: personId ? null : anonymousContact(random),
      eveningId: null,
      materials: [],
      services: [],
      note: note ?? (random.chance(0.08) ? random.pick(contactNotes) : null),
    });
  };
  // The line answers from 10:00 to 22:00; today's contacts so far.
  const during = (daysAgo: number, from = 10 * 60, to = 22 * 60) => {
    const at = calendar.at(daysAgo, random.int(from, to - 1));
    return at.getTime() < nowMs ? at : new Date(nowMs - random.int(5, 90) * minute);
  };
  for (let daysAgo = c.historyDays; daysAgo >= 0; daysAgo -= 1) {
    const count = daysAgo === 0 ? random.int(2, 4) : daysAgo < 7 ? random.int(4, 8) : random.int(1, 4);
    for (let index = 0; index < count; index += 1) {
      const at = during(daysAgo);
      const channel = random.weighted([
        ["PHONE", 40],
        ["SMS", 45],
        ["ONLINE_PLATFORM", 10],
        ["VIDEO", 5],
      ]);
      contact(at, channel, random.chance(0.2) ? someone(at) : null);
    }
  }

  // ── delivery requests: about two a week, and this week's in every state ──
  const deliveryRows: unknown[][] = [];
  const itemRows: unknown[][] = [];
  const placeRows: unknown[][] = [];
  const transitionRows: unknown[][] = [];
  const deliveries = { REQUESTED: 0, SCHEDULED: 0, DELIVERED: 0, NOT_REACHED: 0, CANCELLED: 0 };
  const request = (daysAgo: number, path: DeliveryStatusName[]) => {
    const id = random.uuid();
    // Asked by a text or a call to the line (logged as a contact); a closed one two days ago or more.
    const requestedAt = during(daysAgo, 10 * 60, 20 * 60);
    const personId = random.chance(0.35) ? someone(requestedAt) : null;
    const anonymous = personId ? null : anonymousContact(random);
    const placeType = random.weighted([
      ["PUBLIC_PLACE", 60],
      ["HOME", 25],
      ["WORKPLACE", 15],
    ]);
    const requester = answerer();
    const assignee = random.chance(0.8) ? c.worker : c.coordinator;
    contact(requestedAt, random.chance(0.7) ? "SMS" : "PHONE", personId, "Demande de livraison de matériel.");
    const asked: [string, number][] = deliveryItems
      .filter(([, chance]) => random.chance(chance))
      .map(([code, , min, max]) => [code, random.int(min, max)]);
    if (asked.length === 0) asked.push(["CONDOMS", 24]);
    for (const [item, quantity] of asked) itemRows.push([id, organisationId, item, quantity]);
    if (random.chance(0.85))
      placeRows.push([
        id,
        organisationId,
        random.chance(0.8) ? random.pick(windows) : null,
        random.pick(present(places[placeType], `delivery places of ${placeType}`)),
      ]);
    // Each step after the request: scheduled (or called off) within an hour or two; brought, or
    // not, on the evening round — the same day when asked before 16:00, else the next.
    const askedAtMinute = (requestedAt.getTime() - calendar.at(daysAgo, 0).getTime()) / minute;
    const roundDay = askedAtMinute < 16 * 60 ? daysAgo : daysAgo - 1;
    let at = requestedAt.getTime();
    let version = 0;
    path.forEach((to, step) => {
      if (step > 0) {
        const next =
          to === "DELIVERED" || to === "NOT_REACHED"
            ? Math.max(calendar.at(roundDay, random.int(17 * 60, 21 * 60 + 30)).getTime(), at + 30 * minute)
            : at + random.int(10, 120) * minute;
        at = Math.max(Math.min(next, nowMs - random.int(5, 30) * minute), at + minute);
      }
      version += 1;
      const by = step === 0 ? requester : to === "SCHEDULED" ? requester : assignee;
      transitionRows.push([
        random.uuid(),
        id,
        organisationId,
        step === 0 ? null : path[step - 1],
        to,
        by,
        new Date(at),
      ]);
    });
    const status = itemAt(path, path.length - 1);
    deliveries[status] += 1;
    let encounterId: string | null = null;
    if (status === "DELIVERED") {
      encounterId = random.uuid();
      encounters.push({
        id: encounterId,
        organisationId,
        personId,
        authorId: assignee,
        coWorkerIds: [],
        occurredAt: new Date(at),
        channel: "IN_PERSON",
        placeType,
        venueId: null,
        platform: null,
        themes: [],
        anonymous,
        eveningId: null,
        materials: asked,
        services: [],
        note: null,
      });
    }
    deliveryRows.push([
      id,
      organisationId,
      personId,
      anonymous?.gender ?? null,
      anonymous?.ageBracket ?? null,
      placeType,
      requester,
      assignee,
      status,
      version,
      encounterId,
      requestedAt,
      new Date(at),
    ]);
  };
  for (let daysAgo = c.historyDays; daysAgo >= 7; daysAgo -= 1) {
    if (!random.chance(0.3)) continue;
    request(
      daysAgo,
      pathTo(
        random.weighted([
          [2, 50],
          [3, 22],
          [4, 10],
          [5, 4],
          [6, 8],
          [7, 6],
        ]),
      ),
    );
  }
  // This week: two waiting for a worker, two planned for tonight, one of each closed state.
  for (const [daysAgo, path] of [
    [6, 2],
    [5, 4],
    [4, 6],
    [3, 7],
    [2, 3],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ] as const)
    request(daysAgo, pathTo(path));

  await c.files.insert(client);
  await insertEncounters(client, encounters);
  await insertRows(
    client,
    "material_deliveries",
    [
      "id",
      "organisation_id",
      "person_id",
      "anonymous_gender",
      "anonymous_age_bracket",
      "place_type",
      "requested_by_id",
      "assigned_to_id",
      "status",
      "version",
      "encounter_id",
      "created_at",
      "updated_at",
    ],
    [
      "",
      "",
      "",
      '::"Gender"',
      '::"AgeBracket"',
      '::"PlaceType"',
      "",
      "",
      '::"DeliveryStatus"',
      "",
      "",
      "",
      "",
    ],
    deliveryRows,
  );
  await insertRows(
    client,
    "material_delivery_items",
    ["delivery_id", "organisation_id", "item", "quantity"],
    [],
    itemRows,
  );
  await insertRows(
    client,
    "material_delivery_places",
    ["delivery_id", "organisation_id", "time_window", "place"],
    [],
    placeRows,
  );
  await insertRows(
    client,
    "material_delivery_transitions",
    ["id", "delivery_id", "organisation_id", "from_status", "to_status", "by_user_id", "at"],
    ["", "", "", '::"DeliveryStatus"', '::"DeliveryStatus"', "", ""],
    transitionRows,
  );
  return { deliveries };
}
