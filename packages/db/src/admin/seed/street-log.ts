/**
 * Réseau Ancrage's street team beyond its encounters (issue 15: an outreach worker with a weekly
 * nurse who also runs school workshops). Its shift reports since the start of the fiscal year —
 * two evenings a week, the team on the shift, the venues visited (whose last visit follows), the
 * public-health nurse or another partner alongside, the handover notes the next shift reads
 * first — and the workshops and prevention kiosks Marie L. held at schools' and groups' request
 * over the last two years (a dozen in the last twelve months), counted apart from the work with
 * persons: how many took part, never who.
 */
import type pg from "pg";
import { insertRows } from "./batches.ts";
import type { ProgrammeCalendar } from "./calendar.ts";
import { itemAt } from "./present.ts";
import type { SeededRandom } from "./random.ts";

const minute = 60_000;

export interface StreetLogContext {
  calendar: ProgrammeCalendar;
  organisationId: string;
  healthOrganisationId: string;
  /** Marie L., who runs the workshops; then the team's other outreach workers. */
  lead: string;
  workers: string[];
  historyDays: number;
}

export interface StreetLogSummary {
  shiftReports: number;
  workshops: number;
}

const handovers = [
  "Salon Lotus : nouvelle gérante, bon accueil. Repasser avec des dépliants en espagnol.",
  "Trousse de rue : plus de lubrifiant, à remplir avant la prochaine sortie.",
  "Une personne demande un accompagnement au palais jeudi ; voir avec Sophie.",
  "Agence Velours : deux nouvelles travailleuses, parler de la clinique ITSS la prochaine fois.",
  "Bar Le Rideau rouge fermé pour rénovations jusqu'à la fin du mois.",
  "Alerte en cours (camionnette grise) rappelée dans tous les milieux visités.",
  "Spa Orchidée : la gérance préfère les visites avant 19 h.",
  "Infirmière présente : trois dépistages faits sur place, résultats la semaine prochaine.",
];

/** The workshops, by how many days ago they were held (a school's moved to the Friday before a weekend). */
const workshopPlan: [number, string, string, string, string, string, number, number][] = [
  // days ago, kind, topic, audience, place, requested by, participants, minutes
  [
    12,
    "WORKSHOP",
    "CONSENT_AND_RELATIONSHIPS",
    "YOUTH_SECONDARY_SCHOOL",
    "École secondaire des Rives",
    "École secondaire des Rives",
    28,
    75,
  ],
  [
    26,
    "KIOSK",
    "STBBI_PREVENTION",
    "POST_SECONDARY_STUDENTS",
    "Cégep — agora",
    "Cégep, services aux étudiants",
    140,
    240,
  ],
  [
    41,
    "WORKSHOP",
    "SEXUAL_EXPLOITATION_PREVENTION",
    "YOUTH_SECONDARY_SCHOOL",
    "École secondaire du Plateau",
    "École secondaire du Plateau",
    31,
    75,
  ],
  [
    55,
    "WORKSHOP",
    "ONLINE_SAFETY",
    "YOUTH_CENTRE",
    "Maison des jeunes du Vieux-Lévis",
    "Maison des jeunes du Vieux-Lévis",
    14,
    90,
  ],
  [
    78,
    "KIOSK",
    "HARM_REDUCTION",
    "GENERAL_PUBLIC",
    "Festival d'été — site extérieur",
    "Ville de Lévis, loisirs",
    210,
    300,
  ],
  [
    96,
    "WORKSHOP",
    "OVERDOSE_PREVENTION_NALOXONE",
    "COMMUNITY_GROUP_MEMBERS",
    "Maison de la famille Rive-Sud",
    "Maison de la famille Rive-Sud",
    12,
    120,
  ],
  [
    150,
    "WORKSHOP",
    "SERVICES_PRESENTATION",
    "PROFESSIONALS",
    "CISSS — CLSC Desjardins",
    "CISSS de Chaudière-Appalaches",
    22,
    60,
  ],
  [
    181,
    "WORKSHOP",
    "CONSENT_AND_RELATIONSHIPS",
    "YOUTH_SECONDARY_SCHOOL",
    "École secondaire des Rives",
    "École secondaire des Rives",
    27,
    75,
  ],
  [
    209,
    "KIOSK",
    "SEXUAL_HEALTH",
    "POST_SECONDARY_STUDENTS",
    "Campus universitaire de Lévis — hall",
    "Association étudiante du campus de Lévis",
    85,
    180,
  ],
  [
    236,
    "WORKSHOP",
    "SEXUAL_EXPLOITATION_PREVENTION",
    "PARENTS",
    "École secondaire du Plateau — soirée des parents",
    "Comité de parents de l'école du Plateau",
    35,
    90,
  ],
  [
    270,
    "WORKSHOP",
    "ONLINE_SAFETY",
    "YOUTH_SECONDARY_SCHOOL",
    "École secondaire Saint-Laurent",
    "École secondaire Saint-Laurent",
    29,
    75,
  ],
  [
    318,
    "KIOSK",
    "STBBI_PREVENTION",
    "YOUTH_CENTRE",
    "Carrefour jeunesse-emploi",
    "Carrefour jeunesse-emploi",
    40,
    120,
  ],
  [
    400,
    "WORKSHOP",
    "CONSENT_AND_RELATIONSHIPS",
    "YOUTH_SECONDARY_SCHOOL",
    "École secondaire des Rives",
    "École secondaire des Rives",
    26,
    75,
  ],
  [
    455,
    "WORKSHOP",
    "SUBSTANCE_USE",
    "YOUTH_CENTRE",
    "Maison des jeunes du Vieux-Lévis",
    "Maison des jeunes du Vieux-Lévis",
    11,
    90,
  ],
  [
    520,
    "KIOSK",
    "HARM_REDUCTION",
    "GENERAL_PUBLIC",
    "Festival d'été — site extérieur",
    "Ville de Lévis, loisirs",
    180,
    300,
  ],
];
const workshopNotes = [
  "Groupe très participatif ; l'enseignante redemande l'atelier au printemps.",
  "Beaucoup de questions sur les applications de rencontre.",
  "Dépliants et condoms remis à la fin ; kiosque à refaire à la rentrée.",
];

export async function seedStreetLog(
  client: pg.ClientBase,
  random: SeededRandom,
  c: StreetLogContext,
): Promise<StreetLogSummary> {
  const { calendar, organisationId } = c;
  // The street's places (not the ad sites, nor the hotel newly covered and never visited yet).
  const { rows: venues } = await client.query<{ id: string }>(
    `SELECT id FROM venues WHERE organisation_id = $1 AND kind IN ('MASSAGE_PARLOUR', 'DANCERS_BAR', 'ESCORT_AGENCY')
      ORDER BY name, id`,
    [organisationId],
  );
  const reportRows: unknown[][] = [];
  const memberRows: unknown[][] = [];
  const venueRows: unknown[][] = [];
  const partnerRows: unknown[][] = [];
  const noteRows: unknown[][] = [];
  // Two evenings a week (the last one yesterday), 18:00 to about 23:00.
  for (let daysAgo = c.historyDays; daysAgo >= 1; daysAgo -= 1) {
    if (daysAgo % 7 !== 1 && daysAgo % 7 !== 4) continue;
    const id = random.uuid();
    const team = [c.lead, random.pick(c.workers.filter((w) => w !== c.lead))];
    const author = random.pick(team);
    const startsAt = calendar.at(daysAgo, 18 * 60 + random.pick([0, 0, 15, 30]));
    const endsAt = calendar.at(daysAgo, 22 * 60 + random.int(30, 75));
    const writtenAt = new Date(endsAt.getTime() + random.int(5, 30) * minute);
    reportRows.push([id, organisationId, author, startsAt, endsAt, writtenAt, writtenAt]);
    for (const member of team) memberRows.push([id, organisationId, member]);
    const visited = random.weightedDistinct(
      venues.map((v) => [v.id, 1] as const),
      random.int(2, Math.min(4, venues.length)),
    );
    for (const venue of visited) venueRows.push([id, organisationId, venue]);
    // The public-health nurse goes out with the team every other week; the police's liaison
    // officer now and then.
    if (daysAgo % 14 === 1)
      partnerRows.push([random.uuid(), id, organisationId, c.healthOrganisationId, null, random.int(1, 4)]);
    if (daysAgo % 28 === 4)
      partnerRows.push([
        random.uuid(),
        id,
        organisationId,
        null,
        "Service de police de Lévis — agente de liaison",
        1,
      ]);
    if (random.chance(0.85)) noteRows.push([id, organisationId, random.pick(handovers)]);
  }
  await insertRows(
    client,
    "shift_reports",
    ["id", "organisation_id", "author_id", "starts_at", "ends_at", "created_at", "updated_at"],
    [],
    reportRows,
  );
  await insertRows(
    client,
    "shift_report_members",
    ["shift_report_id", "organisation_id", "user_id"],
    [],
    memberRows,
  );
  await insertRows(
    client,
    "shift_report_venues",
    ["shift_report_id", "organisation_id", "venue_id"],
    [],
    venueRows,
  );
  await insertRows(
    client,
    "shift_report_partners",
    ["id", "shift_report_id", "organisation_id", "partner_organisation_id", "name", "interventions"],
    [],
    partnerRows,
  );
  await insertRows(
    client,
    "shift_handover_notes",
    ["shift_report_id", "organisation_id", "body"],
    [],
    noteRows,
  );

  const workshopRows: unknown[][] = [];
  const workshopNoteRows: unknown[][] = [];
  for (const [daysAgo, kind, topic, audience, place, requestedBy, participants, minutes] of workshopPlan) {
    const weekday = calendar.weekday(daysAgo);
    // Schools and groups on a weekday; a festival's kiosk at the weekend.
    const held = weekday >= 6 && audience !== "GENERAL_PUBLIC" ? daysAgo + (weekday - 5) : daysAgo;
    const id = random.uuid();
    const facilitators = random.chance(0.4) ? [c.lead, itemAt(c.workers, 1)] : [c.lead];
    const recordedAt = calendar.at(held, 17 * 60);
    workshopRows.push([
      id,
      organisationId,
      kind,
      topic,
      audience,
      place,
      calendar.date(held),
      minutes,
      participants,
      requestedBy,
      [...new Set(facilitators)],
      c.lead,
      recordedAt,
      recordedAt,
    ]);
    if (random.chance(0.4)) workshopNoteRows.push([id, organisationId, random.pick(workshopNotes)]);
  }
  await insertRows(
    client,
    "workshops",
    [
      "id",
      "organisation_id",
      "kind",
      "topic",
      "audience",
      "place",
      "held_on",
      "duration_minutes",
      "participants",
      "requested_by",
      "facilitator_ids",
      "recorded_by_id",
      "created_at",
      "updated_at",
    ],
    [
      "",
      "",
      '::"WorkshopKind"',
      '::"WorkshopTopic"',
      '::"WorkshopAudience"',
      "",
      "::date",
      "",
      "",
      "",
      "::uuid[]",
      "",
      "",
      "",
    ],
    workshopRows,
  );
  await insertRows(
    client,
    "workshop_notes",
    ["workshop_id", "organisation_id", "body"],
    [],
    workshopNoteRows,
  );
  return { shiftReports: reportRows.length, workshops: workshopRows.length };
}
