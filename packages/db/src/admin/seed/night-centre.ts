/**
 * La Halte de nuit's evenings (issue 15, a street-and-night-centre group; DESIGN.md §1: four
 * evenings a week, ~19 visitors an evening, an intake form on the first visit, a confidential
 * address). The last eight weeks of evenings, closed, and tonight's, open: each check-in is an
 * encounter of its evening (in person, at the centre) with what the visitor received as its
 * materials and services, as the API's checkInToEvening writes it — so the stock and the
 * indicators count it once. A person's first evening visit brings her intake, unless she gave it
 * at an earlier visit; new persons are met at the centre on the way; each closed evening has its
 * handover notes for the next shift, some a partner service present (the public-health nurses'
 * testing, a mobile dental clinic).
 */
import { intakeDomains } from "@maillage/domain";
import type pg from "pg";
import { insertRows } from "./batches.ts";
import type { ProgrammeCalendar } from "./calendar.ts";
import { itemAt, present } from "./present.ts";
import type { SeededRandom } from "./random.ts";
import { anonymousContact, type EncounterRecord, insertEncounters, type PersonFiles } from "./records.ts";

const minute = 60_000;

/** Weeks of evenings kept in Maillage (the night centre's plain encounters are all before). */
export const nightCentreWeeks = 8;

/** The days (days ago, from today's 0) on which the centre opens: four a week, tonight included. */
export function isEveningDay(daysAgo: number): boolean {
  return [0, 2, 3, 5].includes(daysAgo % 7);
}

/** Where the evenings kept in Maillage begin: midnight, `nightCentreWeeks` weeks ago. */
export function eveningsFrom(calendar: ProgrammeCalendar): Date {
  return calendar.at(nightCentreWeeks * 7 - 1, 0);
}

export interface NightCentreContext {
  calendar: ProgrammeCalendar;
  organisationId: string;
  healthOrganisationId: string;
  /** The members who staff the evenings (outreach workers and the coordinator). */
  staff: string[];
  /** The organisation's files opened before the evenings (the seed's), oldest regulars first. */
  persons: { id: string; createdAt: Date }[];
  files: PersonFiles;
}

export interface NightCentreSummary {
  evenings: number;
  intakes: number;
}

const materials: [string, number, number, number][] = [
  // code, chance, min, max
  ["CONDOMS", 0.35, 6, 24],
  ["LUBRICANT", 0.2, 2, 6],
  ["HYGIENE_KITS", 0.25, 1, 1],
  ["CLOTHING", 0.12, 1, 3],
  ["FOOD", 0.3, 1, 2],
  ["SYRINGES", 0.08, 5, 10],
  ["CRACK_KITS", 0.08, 1, 3],
  ["NALOXONE_KITS", 0.03, 1, 1],
];
const services: [string, number][] = [
  ["MEAL", 0.75],
  ["SHOWER", 0.2],
  ["CLOTHING_BANK", 0.12],
  ["HYGIENE_PRODUCTS", 0.18],
  ["CASE_MANAGEMENT_TALK", 0.2],
  ["COMPUTER_AND_PHONE", 0.1],
  ["JOB_SEARCH_HELP", 0.03],
];
const handovers = [
  "Soirée calme. Plus de serviettes propres : en commander pour la prochaine soirée.",
  "Une participante attend un appel de l'OMH demain ; la relancer à l'ouverture.",
  "Douche du fond à réparer (fuite) : signalé au propriétaire.",
  "Beaucoup de monde après 21 h ; prévoir une personne de plus à l'accueil jeudi.",
  "Nouvelles personnes accueillies, fiches d'accueil faites. Repas : prévoir plus de soupe.",
  "Tension entre deux participantes vers 22 h, désamorcée. Garder un œil à la prochaine soirée.",
  "Clinique dentaire la semaine prochaine : afficher l'heure à l'entrée.",
  "Réserve de trousses de naloxone basse : voir avec Karine pour la commande.",
  "Une personne demande un accompagnement à la cour mardi ; à confirmer avec le Réseau Ancrage.",
  "Ordinateur de l'accueil lent ; redémarré. Wi-Fi à vérifier.",
];
const intakeComments = [
  "Cherche un logement d'ici la fin du mois.",
  "Sans revenu depuis deux mois ; demande d'aide sociale à faire.",
  "Souhaite un suivi en dépendance, pas tout de suite.",
  "Audience prévue ; aimerait être accompagnée.",
  "Dort chez une amie ; situation fragile.",
];

function intakeLevel(random: SeededRandom, pressing: number): string | null {
  return random.weighted<string | null>([
    ["IMMEDIATE", pressing],
    ["LONG_TERM", 35],
    ["NONE", 60 - pressing],
    [null, 5],
  ]);
}

/** How pressing each domain tends to be at a first visit, as a share of 100 (the rest: none). */
const pressingShare: Record<(typeof intakeDomains)[number], number> = {
  HOUSING: 30,
  HEALTH: 15,
  SUBSTANCE_USE: 15,
  JUSTICE: 8,
  INCOME: 25,
  EMPLOYMENT: 10,
  SAFETY: 12,
};
const intakeColumns: Record<(typeof intakeDomains)[number], string> = {
  HOUSING: "housing",
  HEALTH: "health",
  SUBSTANCE_USE: "substance_use",
  JUSTICE: "justice",
  INCOME: "income",
  EMPLOYMENT: "employment",
  SAFETY: "safety",
};

export async function seedNightCentre(
  client: pg.ClientBase,
  random: SeededRandom,
  c: NightCentreContext,
): Promise<NightCentreSummary> {
  const { calendar, organisationId } = c;
  const { rows: venues } = await client.query<{ id: string }>(
    "SELECT id FROM venues WHERE organisation_id = $1 AND kind = 'NIGHT_CENTRE' ORDER BY name, id LIMIT 1",
    [organisationId],
  );
  const centre = present(venues[0], "night centre venue").id;

  // Intakes given at an earlier, plain visit (before the evenings were kept here): most of the
  // files with one, at that visit.
  const { rows: earlier } = await client.query<{
    id: string;
    person_id: string;
    occurred_at: Date;
    author_id: string;
  }>(
    `SELECT DISTINCT ON (person_id) id, person_id, occurred_at, author_id FROM encounters
      WHERE organisation_id = $1 AND place_type = 'NIGHT_CENTRE' AND person_id IS NOT NULL
      ORDER BY person_id, occurred_at, id`,
    [organisationId],
  );
  const intakeRows: unknown[][] = [];
  const hasIntake = new Set<string>();
  const intake = (personId: string, visitId: string | null, by: string, at: Date) => {
    hasIntake.add(personId);
    const levels = intakeDomains.map((domain) => intakeLevel(random, pressingShare[domain]));
    intakeRows.push([
      random.uuid(),
      organisationId,
      personId,
      visitId,
      by,
      at,
      ...levels,
      random.chance(0.3) ? random.pick(intakeComments) : null,
      at,
    ]);
  };
  for (const visit of earlier)
    if (random.chance(0.75))
      intake(visit.person_id, visit.id, visit.author_id, new Date(visit.occurred_at.getTime() + 10 * minute));

  // Regulars come most evenings; the others now and then; new persons join the regulars.
  const visited = new Set<string>();
  const visitors = c.persons.map((person, index) => ({ id: person.id, weight: index < 30 ? 6 : 1 }));
  const eveningRows: unknown[][] = [];
  const partnerRows: unknown[][] = [];
  const handoverRows: unknown[][] = [];
  const encounters: EncounterRecord[] = [];
  let evenings = 0;
  for (let daysAgo = nightCentreWeeks * 7 - 1; daysAgo >= 0; daysAgo -= 1) {
    if (!isEveningDay(daysAgo)) continue;
    evenings += 1;
    const tonight = daysAgo === 0;
    const id = random.uuid();
    const staff = [
      itemAt(c.staff, daysAgo % c.staff.length),
      itemAt(c.staff, (daysAgo + 1) % c.staff.length),
    ];
    if (random.chance(0.3)) staff.push(itemAt(c.staff, (daysAgo + 2) % c.staff.length));
    const onDuty = [...new Set(staff)];
    const opener = itemAt(onDuty, 0);
    // Tonight's is open; a demo started in the daytime finds it opened already, so that there is
    // an evening to check visitors in to.
    const openedAt = tonight
      ? new Date(Math.min(calendar.at(0, 17 * 60 + 45).getTime(), calendar.now.getTime() - 45 * minute))
      : calendar.at(daysAgo, 17 * 60 + 40 + random.int(0, 15));
    const lastCheckIn = tonight
      ? calendar.now.getTime() - 2 * minute
      : calendar.at(daysAgo, 22 * 60 + 45).getTime();
    const closedAt = tonight ? null : calendar.at(daysAgo, 23 * 60 + random.int(0, 40));
    const closer = tonight ? null : random.pick(onDuty);
    eveningRows.push([
      id,
      organisationId,
      centre,
      calendar.date(daysAgo),
      onDuty,
      openedAt,
      opener,
      closedAt,
      closer,
      tonight ? 1 : 2,
      closedAt ?? openedAt,
    ]);
    // The public-health nurses test at the centre once a week; a mobile dental clinic every other.
    const testing = daysAgo % 7 === 0;
    const dental = daysAgo % 14 === 5;
    if (testing)
      partnerRows.push([random.uuid(), id, organisationId, c.healthOrganisationId, null, "STBBI_TESTING"]);
    if (dental)
      partnerRows.push([random.uuid(), id, organisationId, null, "Clinique dentaire mobile", "DENTAL_CARE"]);

    const checkIns = tonight
      ? Math.min(12, Math.max(4, Math.round((lastCheckIn - openedAt.getTime()) / (15 * minute))))
      : random.int(15, 20);
    const firstCheckIn = openedAt.getTime() + 5 * minute;
    const times = Array.from({ length: checkIns }, () =>
      Math.round(firstCheckIn + random.next() * (lastCheckIn - firstCheckIn)),
    ).sort((a, b) => a - b);
    const seenTonight = new Set<string>();
    times.forEach((time, index) => {
      const occurredAt = new Date(time);
      const author = random.pick(onDuty);
      // Tonight so far: a regular, an anonymous visitor, then a newcomer whose intake is still to do.
      const newcomer = tonight ? index === 2 : random.chance(0.05);
      const known = tonight && index < 2 ? index === 0 : random.chance(0.65);
      let personId: string | null = null;
      let anonymous = null;
      if (newcomer) {
        personId = c.files.open(organisationId, author, occurredAt).id;
        visitors.push({ id: personId, weight: 4 });
      } else if (known) {
        for (let attempt = 0; attempt < 8 && personId === null; attempt += 1) {
          const candidate = random.weighted(visitors.map((v) => [v.id, v.weight] as const));
          if (!seenTonight.has(candidate)) personId = candidate;
        }
      }
      if (personId) seenTonight.add(personId);
      else anonymous = anonymousContact(random, random.chance(0.06) ? random.int(2, 3) : 1);
      const visitId = random.uuid();
      const received: [string, number][] = [];
      for (const [code, chance, min, max] of materials)
        if (random.chance(chance)) received.push([code, random.int(min, max)]);
      const given = services.filter(([, chance]) => random.chance(chance)).map(([code]) => code);
      if (testing && random.chance(0.3)) given.push("STBBI_TESTING");
      if (dental && random.chance(0.25)) given.push("DENTAL_CARE");
      encounters.push({
        id: visitId,
        organisationId,
        personId,
        authorId: author,
        coWorkerIds: onDuty.filter((member) => member !== author),
        occurredAt,
        channel: "IN_PERSON",
        placeType: "NIGHT_CENTRE",
        venueId: centre,
        platform: null,
        themes: [],
        anonymous,
        eveningId: id,
        materials: received,
        services: given,
        note: null,
      });
      // The first evening visit brings the intake form, and only the first (as the API offers
      // it): most accept it; tonight's newcomer's is still to do.
      const firstVisit = personId !== null && !visited.has(personId);
      if (personId) visited.add(personId);
      if (personId && firstVisit && !hasIntake.has(personId) && !(tonight && newcomer) && random.chance(0.85))
        intake(
          personId,
          visitId,
          author,
          new Date(Math.min(time + random.int(5, 25) * minute, calendar.now.getTime())),
        );
    });
    if (closedAt && closer && random.chance(0.9))
      handoverRows.push([
        id,
        organisationId,
        random.pick(handovers),
        closer,
        new Date(closedAt.getTime() - 5 * minute),
      ]);
  }

  await c.files.insert(client);
  await insertRows(
    client,
    "night_centre_evenings",
    [
      "id",
      "organisation_id",
      "venue_id",
      "evening_on",
      "staff_ids",
      "opened_at",
      "opened_by_id",
      "closed_at",
      "closed_by_id",
      "version",
      "updated_at",
    ],
    ["", "", "", "::date", "::uuid[]", "", "", "", "", "", ""],
    eveningRows,
  );
  await insertRows(
    client,
    "night_centre_evening_partners",
    ["id", "evening_id", "organisation_id", "partner_organisation_id", "name", "service"],
    [],
    partnerRows,
  );
  await insertEncounters(client, encounters);
  await insertRows(
    client,
    "night_centre_handover_notes",
    ["evening_id", "organisation_id", "body", "written_by_id", "updated_at"],
    [],
    handoverRows,
  );
  await insertRows(
    client,
    "intake_assessments",
    [
      "id",
      "organisation_id",
      "person_id",
      "visit_id",
      "assessed_by_id",
      "assessed_at",
      ...intakeDomains.map((domain) => intakeColumns[domain]),
      "comment",
      "updated_at",
    ],
    ["", "", "", "", "", "", ...intakeDomains.map(() => '::"IntakeNeedLevel"'), "", ""],
    intakeRows,
  );
  return { evenings, intakes: intakeRows.length };
}
