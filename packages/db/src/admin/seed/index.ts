/**
 * The demo data: one partnership modelled on real programmes (DESIGN.md §1) — ~300
 * pseudonymous persons, ~8,000 encounters over two fiscal years (1 April – 31 March), nurse
 * visits, accompaniments, consents, referrals in every status, venues and safety alerts — then
 * the four shapes of programme with this week's activity (programmes.ts): a night centre's
 * evenings, a phone and SMS line with deliveries, online outreach with food aid, a street team's
 * shift reports and workshops, and their stock. Deterministic: the same seed and `now` give the
 * same rows, ids included.
 */
import {
  aliasSearchKey,
  defaultProgrammeSettings,
  fiscalYearBounds,
  fiscalYearOf,
  instantAtWallTime,
  type ProgrammeSettings,
  wallTime,
} from "@maillage/domain";
import { hash } from "@node-rs/argon2";
import type pg from "pg";
import { insertRows } from "./batches.ts";
import { programmeCalendar } from "./calendar.ts";
import { eveningsFrom } from "./night-centre.ts";
import {
  aliasFor,
  demoAccounts,
  demoOrganisations,
  demoPartnershipName,
  demoPassword,
  demoTotpSecret,
  type OrganisationKey,
} from "./people.ts";
import { itemAt, present } from "./present.ts";
import { seedProgrammes } from "./programmes.ts";
import { SeededRandom } from "./random.ts";
import { seedTodayPlan } from "./today.ts";

export { demoAccounts, demoPassword, demoTotpSecret } from "./people.ts";

export interface SeedSummary {
  organisations: number;
  users: number;
  persons: number;
  encounters: number;
  nurseVisits: number;
  accompaniments: number;
  referrals: number;
  venues: number;
  consents: number;
  safetyAlerts: number;
  nightCentreEvenings: number;
  intakes: number;
  deliveries: number;
  shiftReports: number;
  workshops: number;
  lowStockItems: number;
  seconds: number;
}

const hour = 3_600_000;
const day = 24 * hour;
const allKinds = ["PROFILE", "ENCOUNTERS_SUMMARY", "ACCOMPANIMENTS", "REFERRALS", "NURSE_VISIT_LOGISTICS"];

/**
 * The demo partnership's programme settings (a Québec programme: Toronto's time zone, funders'
 * years from 1 April, Canadian French); its member organisations start with the same.
 */
const demoProgramme: ProgrammeSettings = defaultProgrammeSettings;

/** The start of the fiscal year holding `now`, and of the one before, in the programme's settings. */
function fiscalYears(now: Date, programme: ProgrammeSettings): { previousStart: Date; currentStart: Date } {
  const year = fiscalYearOf(now, programme);
  return {
    currentStart: fiscalYearBounds(year, programme).from,
    previousStart: fiscalYearBounds(year - 1, programme).from,
  };
}

export async function seedDemo(
  client: pg.ClientBase,
  options: { seed?: number; now?: Date } = {},
): Promise<SeedSummary> {
  const started = Date.now();
  const random = new SeededRandom(options.seed ?? 2026);
  const now = options.now ?? new Date();
  const { previousStart, currentStart } = fiscalYears(now, demoProgramme);
  // The night centre's visits since then are its evenings' check-ins (night-centre.ts).
  const eveningsStart = eveningsFrom(programmeCalendar(now, demoProgramme.timeZone)).getTime();
  const span = now.getTime() - previousStart.getTime();
  const between = (from: number, to: number) => new Date(from + random.next() * (to - from));
  // Field work happens in the afternoon and evening, in the programme's time zone.
  const duringWork = (date: Date) => {
    const { year, month, day: dayOfMonth } = wallTime(date, demoProgramme.timeZone);
    const minute = random.int(12, 19) * 60 + random.pick([0, 10, 15, 20, 30, 40, 45, 50]);
    const d = instantAtWallTime(year, month, dayOfMonth, minute, demoProgramme.timeZone);
    return d.getTime() > now.getTime() ? new Date(now.getTime() - random.int(1, 120) * 60_000) : d;
  };

  const { rows: existing } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM organisations",
  );
  if ((existing[0]?.n ?? 0) > 0)
    throw new Error("The database already has organisations: the demo seed needs an empty one.");
  await client.query("BEGIN");
  try {
    // ── organisations, partnership, users ──
    const organisationIds = {} as Record<OrganisationKey, string>;
    for (const key of Object.keys(demoOrganisations) as OrganisationKey[])
      organisationIds[key] = random.uuid();
    await insertRows(
      client,
      "organisations",
      ["id", "name", "kind", "started_on"],
      ["", "", '::"OrganisationKind"', "::date"],
      (Object.keys(demoOrganisations) as OrganisationKey[]).map((key) => [
        organisationIds[key],
        demoOrganisations[key].name,
        demoOrganisations[key].kind,
        demoOrganisations[key].startedOn ?? "2000-01-01",
      ]),
    );
    const partnershipId = random.uuid();
    await client.query(
      `INSERT INTO partnerships (id, name, region, time_zone, fiscal_year_start_month, locale)
       VALUES ($1, $2, 'Chaudière-Appalaches', $3, $4, $5)`,
      [
        partnershipId,
        demoPartnershipName,
        demoProgramme.timeZone,
        demoProgramme.fiscalYearStartMonth,
        demoProgramme.locale,
      ],
    );
    const members = (Object.keys(demoOrganisations) as OrganisationKey[]).filter(
      (key) => demoOrganisations[key].inPartnership,
    );
    await insertRows(
      client,
      "partnership_members",
      ["partnership_id", "organisation_id"],
      [],
      members.map((key) => [partnershipId, organisationIds[key]]),
    );
    // Joining, an organisation starts with its partnership's settings (then they are its own).
    await client.query(
      `UPDATE organisations o SET time_zone = p.time_zone, fiscal_year_start_month = p.fiscal_year_start_month,
         locale = p.locale
       FROM partnership_members pm JOIN partnerships p ON p.id = pm.partnership_id
       WHERE pm.organisation_id = o.id AND p.id = $1`,
      [partnershipId],
    );
    await client.query(
      `INSERT INTO sharing_agreements (partnership_id, record_kinds) VALUES ($1, $2::"SharedRecordKind"[])`,
      [partnershipId, allKinds],
    );

    const passwordHash = await hash(demoPassword, { algorithm: 2 });
    const userIds = new Map<string, string>();
    for (const account of demoAccounts) userIds.set(account.email, random.uuid());
    await insertRows(
      client,
      "users",
      ["id", "email", "display_name", "password_hash"],
      [],
      demoAccounts.map((a) => [userIds.get(a.email), a.email, a.displayName, passwordHash]),
    );
    await insertRows(
      client,
      "memberships",
      ["id", "user_id", "organisation_id", "roles", "created_at"],
      ["", "", "", '::"Role"[]', ""],
      demoAccounts.flatMap((a) =>
        a.memberships.map((m, index) => [
          random.uuid(),
          userIds.get(a.email),
          organisationIds[m.organisation],
          m.roles,
          new Date(previousStart.getTime() - (10 - index) * day),
        ]),
      ),
    );
    await insertRows(
      client,
      "committee_seats",
      ["id", "user_id", "partnership_id"],
      [],
      demoAccounts
        .filter((a) => a.committee)
        .map((a) => [random.uuid(), userIds.get(a.email), partnershipId]),
    );
    // Coordinators and org admins cannot use their roles without two-step sign-in: the demo's
    // have it on, with one published key (README, "Demo accounts").
    await insertRows(
      client,
      "user_second_factors",
      ["user_id", "totp_secret", "confirmed_at"],
      [],
      demoAccounts
        .filter((a) =>
          a.memberships.some((m) => m.roles.some((r) => r === "COORDINATOR" || r === "ORG_ADMIN")),
        )
        .map((a) => [userIds.get(a.email), demoTotpSecret, new Date()]),
    );
    const usersWith = (organisation: OrganisationKey, role: string) =>
      demoAccounts
        .filter((a) => a.memberships.some((m) => m.organisation === organisation && m.roles.includes(role)))
        .map((a) => present(userIds.get(a.email), `user ${a.email}`));
    const workers = {
      street: usersWith("street", "OUTREACH_WORKER"),
      night: usersWith("night", "OUTREACH_WORKER"),
    };
    const nurses = usersWith("health", "NURSE");
    const coordinator = (key: OrganisationKey) => itemAt(usersWith(key, "COORDINATOR"), 0);

    // ── venues ──
    const venueRows: unknown[][] = [];
    const venuesOf: Record<"street" | "night", string[]> = { street: [], night: [] };
    const addVenue = (
      owner: "street" | "night",
      name: string,
      kind: string,
      cadence: number | null,
      confidential = false,
      address: string | null = null,
    ) => {
      const id = random.uuid();
      venuesOf[owner].push(id);
      venueRows.push([
        id,
        organisationIds[owner],
        name,
        kind,
        cadence,
        confidential,
        address,
        random.chance(0.5) ? "Entente verbale avec la gérance : visites en après-midi." : null,
      ]);
    };
    addVenue("street", "Salon Lotus", "MASSAGE_PARLOUR", 7);
    addVenue("street", "Spa Orchidée", "MASSAGE_PARLOUR", 7);
    addVenue("street", "Salon Jade", "MASSAGE_PARLOUR", 14);
    addVenue("street", "Bar Le Rideau rouge", "DANCERS_BAR", 14);
    addVenue("street", "Agence Velours", "ESCORT_AGENCY", 14);
    addVenue("street", "Annonces — plateforme A", "ONLINE_AD_PLATFORM", 7);
    addVenue("street", "Annonces — plateforme B", "ONLINE_AD_PLATFORM", 14);
    addVenue(
      "night",
      "La Halte (local de nuit)",
      "NIGHT_CENTRE",
      7,
      true,
      "Adresse confidentielle — communiquée aux membres de l'équipe",
    );
    await insertRows(
      client,
      "venues",
      [
        "id",
        "organisation_id",
        "name",
        "kind",
        "visit_cadence_days",
        "confidential",
        "address",
        "agreements",
      ],
      ["", "", "", '::"VenueKind"', "", "", "", ""],
      venueRows,
    );

    // ── persons ──
    const persons: { id: string; owner: "street" | "night"; createdAt: Date }[] = [];
    const personRows: unknown[][] = [];
    const legalNameRows: unknown[][] = [];
    const year = now.getUTCFullYear();
    for (let index = 0; index < 300; index += 1) {
      const owner = index < 230 ? "street" : "night";
      const id = random.uuid();
      const alias = aliasFor(index, (n) => random.int(0, n - 1));
      const age = random.weighted<[number, number]>([
        [[16, 17], 1],
        [[18, 25], 36],
        [[26, 35], 34],
        [[36, 62], 29],
      ]);
      const gender = random.weighted([
        ["WOMAN", 97],
        ["TRANS_WOMAN", 1.5],
        ["NON_BINARY", 0.7],
        ["MAN", 0.8],
      ]);
      const createdAt = new Date(previousStart.getTime() + random.next() * span * 0.8);
      persons.push({ id, owner, createdAt });
      personRows.push([
        id,
        organisationIds[owner],
        alias,
        aliasSearchKey(alias),
        year - random.int(age[0], age[1]),
        gender,
        random.weighted([
          [["fr"], 70],
          [["fr", "en"], 15],
          [["en"], 5],
          [["es"], 5],
          [["fr", "es"], 5],
        ]),
        random.chance(0.6),
        random.chance(0.3),
        random.chance(0.2)
          ? random.pick([
              "Texto seulement, jamais d'appel.",
              "Ne pas laisser de message : conjoint.",
              "Joindre par la plateforme d'annonces.",
            ])
          : null,
        index < 94,
        random.pick(workers[owner]),
        createdAt,
      ]);
      if (random.chance(0.08))
        legalNameRows.push([
          id,
          organisationIds[owner],
          `${random.pick(["Marie", "Julie", "Nathalie", "Isabelle", "Stéphanie"])} ${random.pick(["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard"])}`,
        ]);
    }
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
      personRows,
    );
    await insertRows(
      client,
      "person_legal_names",
      ["person_id", "organisation_id", "legal_name"],
      [],
      legalNameRows,
    );

    const personsOf = {
      street: persons.filter((p) => p.owner === "street"),
      night: persons.filter((p) => p.owner === "night"),
    };

    // ── encounters ──
    const themeWeights: [string, number][] = [
      ["SOCIAL_RELATIONS", 29],
      ["SEXUALITY", 27],
      ["SUBSTANCE_USE", 11],
      ["FINANCES", 8],
      ["MENTAL_HEALTH", 6],
      ["HOUSING", 5],
      ["JUSTICE", 4],
      ["PHYSICAL_HEALTH", 4],
      ["VIOLENCE", 3],
      ["EMPLOYMENT", 2],
      ["FOOD", 1],
    ];
    const materialWeights: [string, number][] = [
      ["CONDOMS", 45],
      ["LUBRICANT", 25],
      ["SYRINGES", 8],
      ["CRACK_KITS", 7],
      ["NALOXONE_KITS", 3],
      ["FOOD", 12],
    ];
    const notes = [
      "Va mieux depuis la dernière visite.",
      "A parlé de sa situation de logement.",
      "Demande d'information sur le dépistage.",
      "Inquiète pour ses finances ce mois-ci.",
      "Souhaite être accompagnée au palais de justice.",
      "Matériel remis, brève discussion.",
    ];
    const encounterRows: unknown[][] = [];
    const materialRows: unknown[][] = [];
    const noteRows: unknown[][] = [];
    for (let index = 0; index < 8000; index += 1) {
      const owner: "street" | "night" = index < 6500 ? "street" : "night";
      const id = random.uuid();
      const anonymous = random.chance(0.25);
      const person = anonymous ? null : random.pick(personsOf[owner]);
      let occurredAt = duringWork(
        between(Math.max(previousStart.getTime(), person?.createdAt.getTime() ?? 0), now.getTime()),
      );
      const placeType =
        owner === "night"
          ? random.weighted([
              ["NIGHT_CENTRE", 85],
              ["PUBLIC_PLACE", 10],
              ["OFFICE", 5],
            ])
          : random.weighted([
              ["WORKPLACE", 65],
              ["OFFICE", 11],
              ["HOME", 10],
              ["PUBLIC_PLACE", 9],
              ["BAR", 5],
            ]);
      // A plain visit to the night centre comes before the evenings kept in Maillage, whose
      // check-ins are its visits since (the files here were all opened before: 80 % into the span
      // at most, over ten weeks before now).
      if (placeType === "NIGHT_CENTRE" && occurredAt.getTime() >= eveningsStart)
        occurredAt = duringWork(
          between(Math.max(previousStart.getTime(), person?.createdAt.getTime() ?? 0), eveningsStart),
        );
      const channel =
        placeType === "WORKPLACE" && random.chance(0.2)
          ? random.pick(["ONLINE_PLATFORM", "SMS"])
          : random.weighted([
              ["IN_PERSON", 82],
              ["PHONE", 7],
              ["SMS", 8],
              ["VIDEO", 3],
            ]);
      const venueId =
        owner === "night" && placeType === "NIGHT_CENTRE"
          ? venuesOf.night[0]
          : placeType === "WORKPLACE" && random.chance(0.7)
            ? random.pick(venuesOf.street)
            : null;
      encounterRows.push([
        id,
        organisationIds[owner],
        person?.id ?? null,
        random.pick(workers[owner]),
        occurredAt,
        channel,
        placeType,
        venueId,
        random.weightedDistinct(themeWeights, random.int(1, 3)),
        anonymous
          ? random.weighted([
              ["WOMAN", 96],
              ["TRANS_WOMAN", 2],
              ["MAN", 2],
            ])
          : null,
        anonymous
          ? random.weighted([
              ["AGE_18_25", 36],
              ["AGE_26_35", 34],
              ["AGE_36_PLUS", 29],
              ["UNDER_18", 1],
            ])
          : null,
        anonymous
          ? random.weighted([
              [1, 80],
              [2, 12],
              [3, 6],
              [4, 2],
            ])
          : 1,
        occurredAt,
      ]);
      if (random.chance(0.6)) {
        for (const item of random.weightedDistinct(materialWeights, random.int(1, 3))) {
          materialRows.push([
            id,
            organisationIds[owner],
            item,
            item === "CONDOMS" ? random.int(6, 36) : random.int(1, 6),
          ]);
        }
      }
      if (!anonymous && random.chance(0.3)) noteRows.push([id, organisationIds[owner], random.pick(notes)]);
    }
    await insertRows(
      client,
      "encounters",
      [
        "id",
        "organisation_id",
        "person_id",
        "author_id",
        "occurred_at",
        "channel",
        "place_type",
        "venue_id",
        "themes",
        "anonymous_gender",
        "anonymous_age_bracket",
        "head_count",
        "created_at",
      ],
      [
        "",
        "",
        "",
        "",
        "",
        '::"Channel"',
        '::"PlaceType"',
        "",
        '::"Theme"[]',
        '::"Gender"',
        '::"AgeBracket"',
        "",
        "",
      ],
      encounterRows,
    );
    await insertRows(
      client,
      "encounter_materials",
      ["encounter_id", "organisation_id", "item", "quantity"],
      ["", "", "", ""],
      materialRows,
    );
    await insertRows(client, "encounter_notes", ["encounter_id", "organisation_id", "body"], [], noteRows);

    const counts = await seedFollowUp(client, random, {
      now,
      previousStart,
      organisationIds,
      partnershipId,
      persons,
      workers,
      nurses,
      coordinator,
      between,
      duringWork,
    });
    await seedTodayPlan(client, random, {
      now,
      timeZone: demoProgramme.timeZone,
      organisationIds,
      userIds,
      persons,
    });
    const programmes = await seedProgrammes(client, random, {
      now,
      timeZone: demoProgramme.timeZone,
      currentStart,
      previousStart,
      organisationIds,
      userIds,
      persons,
      workers,
      personsBefore: persons.length,
    });
    const { rows: written } = await client.query<{ persons: number; encounters: number }>(
      "SELECT (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM encounters) AS encounters",
    );
    await client.query("COMMIT");
    return {
      organisations: Object.keys(organisationIds).length,
      users: demoAccounts.length,
      persons: written[0]?.persons ?? 0,
      encounters: written[0]?.encounters ?? 0,
      venues: venueRows.length,
      ...counts,
      nightCentreEvenings: programmes.evenings,
      intakes: programmes.intakes,
      deliveries: programmes.deliveries,
      shiftReports: programmes.shiftReports,
      workshops: programmes.workshops,
      lowStockItems: programmes.lowStockItems,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

interface FollowUpContext {
  now: Date;
  previousStart: Date;
  organisationIds: Record<OrganisationKey, string>;
  partnershipId: string;
  persons: { id: string; owner: "street" | "night"; createdAt: Date }[];
  workers: Record<"street" | "night", string[]>;
  nurses: string[];
  coordinator: (key: OrganisationKey) => string;
  between: (from: number, to: number) => Date;
  duringWork: (date: Date) => Date;
}

/** Nurse visits, accompaniments, consents, referrals, alerts and availability. */
async function seedFollowUp(client: pg.ClientBase, random: SeededRandom, c: FollowUpContext) {
  const { now, organisationIds: org } = c;
  const health = org.health;

  // ── joint nurse visits ──
  const visitRows: unknown[][] = [];
  const visitPersonRows: unknown[][] = [];
  const actRows: unknown[][] = [];
  const clinicalNoteRows: unknown[][] = [];
  const acts: [string, number, number][] = [
    ["STBBI_TEST", 0.85, 3],
    ["COUNSELLING", 0.75, 2],
    ["TREATMENT", 0.07, 1],
    ["CONTRACEPTION", 0.06, 1],
    ["VACCINATION", 0.05, 2],
    ["PREGNANCY_TEST", 0.045, 1],
    ["CONTRACEPTIVE_INJECTION", 0.015, 1],
    ["NALOXONE_TRAINING", 0.03, 1],
  ];
  for (let index = 0; index < 250; index += 1) {
    const id = random.uuid();
    const owner: "street" | "night" = random.chance(0.8) ? "street" : "night";
    const future = index >= 228;
    const start = future
      ? new Date(now.getTime() + random.int(1, 21) * day)
      : c.duringWork(c.between(c.previousStart.getTime(), now.getTime() - day));
    // Future visits at 13:00 or 14:00 Toronto time (UTC−5 in winter); past ones keep their hour.
    if (future) start.setUTCHours(18 + (index % 2), 0, 0, 0);
    else start.setUTCMinutes(0, 0, 0);
    const status = future
      ? random.weighted([
          ["ACCEPTED", 70],
          ["PROPOSED", 30],
        ])
      : random.weighted([
          ["COMPLETED", 85],
          ["CANCELLED", 8],
          ["DECLINED", 7],
        ]);
    const worker = random.pick(c.workers[owner]);
    visitRows.push([
      id,
      health,
      random.pick(c.nurses),
      worker,
      org[owner],
      random.weighted([
        ["HOME", 40],
        ["WORKPLACE", 35],
        ["OFFICE", 15],
        ["PUBLIC_PLACE", 10],
      ]),
      start,
      new Date(start.getTime() + hour),
      status,
      worker,
    ]);
    const candidates = c.persons.filter((p) => p.owner === owner);
    const chosen = new Set([random.pick(candidates).id]);
    if (random.chance(0.2)) chosen.add(random.pick(candidates).id);
    for (const personId of chosen) visitPersonRows.push([id, personId]);
    if (status === "COMPLETED") {
      for (const [kind, probability, max] of acts)
        if (random.chance(probability)) actRows.push([random.uuid(), id, health, kind, random.int(1, max)]);
      if (random.chance(0.5))
        clinicalNoteRows.push([
          random.uuid(),
          id,
          health,
          [...chosen][0],
          random.pick(c.nurses),
          "Counseling ITSS; consentement éclairé obtenu.",
          random.chance(0.5) ? "Résultats à venir." : "Négatif.",
        ]);
    }
  }
  await insertRows(
    client,
    "nurse_visits",
    [
      "id",
      "organisation_id",
      "nurse_id",
      "worker_id",
      "worker_organisation_id",
      "place_type",
      "planned_start",
      "planned_end",
      "status",
      "proposed_by_id",
    ],
    ["", "", "", "", "", '::"PlaceType"', "", "", '::"NurseVisitStatus"', ""],
    visitRows,
  );
  await insertRows(client, "nurse_visit_persons", ["nurse_visit_id", "person_id"], [], visitPersonRows);
  await insertRows(
    client,
    "clinical_acts",
    ["id", "nurse_visit_id", "organisation_id", "kind", "count"],
    ["", "", "", '::"ClinicalActKind"', ""],
    actRows,
  );
  await insertRows(
    client,
    "clinical_notes",
    ["id", "nurse_visit_id", "organisation_id", "person_id", "author_id", "body", "results"],
    [],
    clinicalNoteRows,
  );

  // ── accompaniments ──
  const accompanimentRows: unknown[][] = [];
  const outcomeRows: unknown[][] = [];
  const outcomes = [
    "Audience tenue, suivi dans un mois.",
    "Rendez-vous obtenu.",
    "Dossier ouvert au bureau.",
    "Reporté à la demande de la personne.",
  ];
  for (let index = 0; index < 400; index += 1) {
    const person = random.pick(c.persons);
    const future = index >= 375;
    const plannedAt = future
      ? new Date(now.getTime() + random.int(1, 14) * day + random.int(9, 16) * hour)
      : c.between(Math.max(c.previousStart.getTime(), person.createdAt.getTime()), now.getTime() - day);
    const status = future
      ? "PLANNED"
      : random.weighted([
          ["DONE", 75],
          ["CANCELLED", 12],
          ["NO_SHOW", 13],
        ]);
    const accompanimentId = random.uuid();
    accompanimentRows.push([
      accompanimentId,
      org[person.owner],
      person.id,
      random.pick(c.workers[person.owner]),
      random.weighted([
        ["COURT", 18],
        ["HOSPITAL_OR_CLINIC", 30],
        ["HOUSING", 15],
        ["SOCIAL_SERVICES", 15],
        ["DETOX_OR_TREATMENT", 8],
        ["POLICE", 5],
        ["EMPLOYMENT", 4],
        ["OTHER", 5],
      ]),
      random.chance(0.2) ? health : null,
      plannedAt,
      status,
      status === "PLANNED" ? null : plannedAt,
    ]);
    // Drawn where it always was, so that the rest of the seed stays the same.
    if (status === "DONE") outcomeRows.push([accompanimentId, org[person.owner], random.pick(outcomes)]);
  }
  await insertRows(
    client,
    "accompaniments",
    [
      "id",
      "organisation_id",
      "person_id",
      "worker_id",
      "destination",
      "partner_organisation_id",
      "planned_at",
      "status",
      "closed_at",
    ],
    ["", "", "", "", '::"AccompanimentDestination"', "", "", '::"AccompanimentStatus"', ""],
    accompanimentRows,
  );
  await insertRows(
    client,
    "accompaniment_outcomes",
    ["accompaniment_id", "organisation_id", "body"],
    [],
    outcomeRows,
  );

  // ── consents (≈10 % of persons) and referrals resting on them ──
  const consentRows: unknown[][] = [];
  const shuffled = [...c.persons].sort(() => random.next() - 0.5);
  for (const person of shuffled.slice(0, 30)) {
    const toPartnership = random.chance(0.3);
    const state = random.weighted([
      ["active", 80],
      ["expired", 10],
      ["withdrawn", 10],
    ]);
    const startsAt = c.between(person.createdAt.getTime(), now.getTime() - 30 * day);
    consentRows.push([
      random.uuid(),
      org[person.owner],
      person.id,
      toPartnership ? null : health,
      toPartnership ? c.partnershipId : null,
      random
        .weightedDistinct(
          allKinds.map((k) => [k, 1] as const),
          random.int(1, 5),
        )
        .concat("PROFILE")
        .filter((k, i, a) => a.indexOf(k) === i),
      startsAt,
      state === "expired"
        ? new Date(now.getTime() - random.int(1, 20) * day)
        : random.chance(0.5)
          ? new Date(now.getTime() + random.int(30, 300) * day)
          : null,
      state === "withdrawn" ? new Date(now.getTime() - random.int(1, 20) * day) : null,
      random.pick(c.workers[person.owner]),
    ]);
  }
  const referralRows: unknown[][] = [];
  const transitionRows: unknown[][] = [];
  const statuses = [
    "SENT",
    "ACCEPTED",
    "DECLINED",
    "IN_PROGRESS",
    "COMPLETED",
    "CLOSED_NO_CONTACT",
    "WITHDRAWN",
  ];
  const paths: Record<string, string[]> = {
    SENT: ["SENT"],
    WITHDRAWN: ["SENT", "WITHDRAWN"],
    ACCEPTED: ["SENT", "ACCEPTED"],
    DECLINED: ["SENT", "DECLINED"],
    IN_PROGRESS: ["SENT", "ACCEPTED", "IN_PROGRESS"],
    COMPLETED: ["SENT", "ACCEPTED", "IN_PROGRESS", "COMPLETED"],
    CLOSED_NO_CONTACT: ["SENT", "ACCEPTED", "CLOSED_NO_CONTACT"],
  };
  const services: [string, string][] = [
    ["Dépistage ITSS", "Rendez-vous infirmier"],
    ["Contraception", "Consultation en clinique"],
    ["Vaccination hépatite", "Vaccination"],
    ["Soutien après une agression", "Accompagnement CALACS"],
  ];
  for (let index = 0; index < 120; index += 1) {
    const person = random.pick(c.persons);
    const toCalacs = index % 5 === 4;
    const receiver = toCalacs ? org.calacs : health;
    const status = itemAt(statuses, index % statuses.length);
    const consentId = random.uuid();
    const createdAt =
      status === "SENT"
        ? new Date(now.getTime() - random.int(0, 10) * day - random.int(1, 8) * hour)
        : c.between(c.previousStart.getTime(), now.getTime() - 20 * day);
    consentRows.push([
      consentId,
      org[person.owner],
      person.id,
      receiver,
      null,
      ["PROFILE", "REFERRALS"],
      new Date(createdAt.getTime() - hour),
      null,
      null,
      random.pick(c.workers[person.owner]),
    ]);
    const id = random.uuid();
    const sender = random.pick(c.workers[person.owner]);
    const [reason, service] = toCalacs ? itemAt(services, 3) : random.pick(services.slice(0, 3));
    const path = present(paths[status], `referral path to ${status}`);
    referralRows.push([
      id,
      person.id,
      org[person.owner],
      sender,
      receiver,
      consentId,
      reason,
      service,
      random.weighted([
        ["ROUTINE", 60],
        ["SOON", 30],
        ["URGENT", 10],
      ]),
      random.chance(0.5) ? "Préfère être jointe par texto." : null,
      status,
      status === "COMPLETED"
        ? "CONNECTED_TO_SERVICE"
        : status === "CLOSED_NO_CONTACT"
          ? "PERSON_NOT_REACHED"
          : null,
      path.length,
      createdAt,
      new Date(createdAt.getTime() + (path.length - 1) * 2 * day),
    ]);
    const receiverUser = toCalacs ? sender : random.pick(c.nurses);
    path.forEach((to, step) => {
      const bySender = to === "SENT" || to === "WITHDRAWN";
      transitionRows.push([
        random.uuid(),
        id,
        step === 0 ? null : path[step - 1],
        to,
        bySender ? sender : receiverUser,
        bySender ? org[person.owner] : receiver,
        to === "DECLINED" ? "Hors de notre mandat." : null,
        new Date(createdAt.getTime() + step * 2 * day),
      ]);
    });
  }
  await insertRows(
    client,
    "consents",
    [
      "id",
      "organisation_id",
      "person_id",
      "grantee_organisation_id",
      "grantee_partnership_id",
      "record_kinds",
      "starts_at",
      "expires_at",
      "withdrawn_at",
      "recorded_by_id",
    ],
    ["", "", "", "", "", '::"SharedRecordKind"[]', "", "", "", ""],
    consentRows,
  );
  await insertRows(
    client,
    "referrals",
    [
      "id",
      "person_id",
      "from_organisation_id",
      "from_user_id",
      "to_organisation_id",
      "consent_id",
      "reason",
      "service_requested",
      "urgency",
      "message",
      "status",
      "outcome",
      "version",
      "created_at",
      "updated_at",
    ],
    [
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      '::"Urgency"',
      "",
      '::"ReferralStatus"',
      '::"ReferralOutcome"',
      "",
      "",
      "",
    ],
    referralRows,
  );
  await insertRows(
    client,
    "referral_transitions",
    ["id", "referral_id", "from_status", "to_status", "by_user_id", "by_organisation_id", "message", "at"],
    ["", "", '::"ReferralStatus"', '::"ReferralStatus"', "", "", "", ""],
    transitionRows,
  );

  // ── safety alerts (two active, two expired) and availability ──
  const alerts: [string, string, string | null, string, number, number][] = [
    [
      "Client violent, a refusé de payer et a menacé la personne.",
      "Homme, ~40 ans, cheveux rasés, tatouage au cou",
      "Camionnette grise, plaque partielle G7…",
      "Lévis — secteur Desjardins",
      5,
      40,
    ],
    [
      "Se présente comme policier pour obtenir des services gratuits.",
      "Homme, ~50 ans, moustache, veste de cuir",
      null,
      "Saint-Romuald",
      12,
      60,
    ],
    [
      "Vol de téléphone après un rendez-vous à l'hôtel.",
      "Jeune homme, ~25 ans, casquette rouge",
      "Berline noire",
      "Lévis — route du Président-Kennedy",
      90,
      -20,
    ],
    ["Refuse le condom, insistant.", "Homme, ~35 ans, accent anglais", null, "Annonces en ligne", 120, -60],
  ];
  await insertRows(
    client,
    "safety_alerts",
    [
      "id",
      "partnership_id",
      "organisation_id",
      "published_by_id",
      "what_happened",
      "aggressor_description",
      "vehicle_description",
      "area",
      "occurred_on",
      "expires_at",
    ],
    [],
    alerts.map(([what, who, vehicle, area, daysAgo, expiresIn]) => [
      random.uuid(),
      c.partnershipId,
      org.street,
      c.coordinator("street"),
      what,
      who,
      vehicle,
      area,
      new Date(now.getTime() - daysAgo * day).toISOString().slice(0, 10),
      new Date(now.getTime() + expiresIn * day),
    ]),
  );
  const slotRows: unknown[][] = [];
  for (const nurse of c.nurses)
    for (const weekday of [1, 2, 3, 4])
      slotRows.push([random.uuid(), nurse, health, weekday, 9 * 60, 16 * 60]);
  for (const owner of ["street", "night"] as const)
    for (const worker of c.workers[owner])
      for (const weekday of [2, 3, 4])
        slotRows.push([random.uuid(), worker, org[owner], weekday, 13 * 60, 20 * 60]);
  await insertRows(
    client,
    "availability_slots",
    ["id", "user_id", "organisation_id", "weekday", "start_minute", "end_minute"],
    [],
    slotRows,
  );

  return {
    nurseVisits: visitRows.length,
    accompaniments: accompanimentRows.length,
    referrals: referralRows.length,
    consents: consentRows.length,
    safetyAlerts: alerts.length,
  };
}
