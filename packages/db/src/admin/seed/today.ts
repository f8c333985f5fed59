/**
 * A day's plan for the demo accounts, so that their home screens have something to say today:
 * Marie L.'s accompaniments and joint visit with Isabelle C., a visit waiting for Isabelle's
 * answer, venues due, an invitation waiting at the street organisation. Added after the
 * volumes of index.ts (and drawn after them), so those stay the same for the same seed.
 */
import { instantAtWallTime, wallTime } from "@maillage/domain";
import type pg from "pg";
import type { OrganisationKey } from "./people.ts";
import type { SeededRandom } from "./random.ts";

const day = 86_400_000;

export interface TodayPlanContext {
  now: Date;
  /** The demo programme's time zone: "today" and its hours are its wall time. */
  timeZone: string;
  organisationIds: Record<OrganisationKey, string>;
  /** Demo user ids by e-mail. */
  userIds: Map<string, string>;
  persons: { id: string; owner: "street" | "night" }[];
}

export async function seedTodayPlan(client: pg.ClientBase, random: SeededRandom, c: TodayPlanContext) {
  const user = (email: string) => {
    const id = c.userIds.get(email);
    if (!id) throw new Error(`no demo account ${email}`);
    return id;
  };
  const worker = user("marie.rue@ancrage.demo");
  const nurse = user("isabelle.inf@cisss.demo");
  const admin = user("admin@ancrage.demo");
  const street = c.organisationIds.street;
  const health = c.organisationIds.health;
  const { year, month, day: date } = wallTime(c.now, c.timeZone);
  /** Today (or `days` later) at this wall-clock time of the programme's zone. */
  const at = (hour: number, minute = 0, days = 0) =>
    instantAtWallTime(year, month, date + days, hour * 60 + minute, c.timeZone);
  const streetPersons = c.persons.filter((p) => p.owner === "street");
  const pick = () => random.pick(streetPersons).id;

  for (const [hour, minute, destination] of [
    [10, 30, "HOSPITAL_OR_CLINIC"],
    [15, 0, "COURT"],
  ] as const) {
    await client.query(
      `INSERT INTO accompaniments (id, organisation_id, person_id, worker_id, destination, planned_at)
       VALUES ($1, $2, $3, $4, $5::"AccompanimentDestination", $6)`,
      [random.uuid(), street, pick(), worker, destination, at(hour, minute)],
    );
  }
  const visits: [Date, string, string][] = [
    [at(13), "ACCEPTED", "HOME"],
    [at(11, 0, 2), "PROPOSED", "WORKPLACE"],
  ];
  for (const [start, status, place] of visits) {
    const id = random.uuid();
    await client.query(
      `INSERT INTO nurse_visits (id, organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
         planned_start, planned_end, status, proposed_by_id)
       VALUES ($1, $2, $3, $4, $5, $6::"PlaceType", $7, $8, $9::"NurseVisitStatus", $4)`,
      [id, health, nurse, worker, street, place, start, new Date(start.getTime() + 3_600_000), status],
    );
    await client.query("INSERT INTO nurse_visit_persons (nurse_visit_id, person_id) VALUES ($1, $2)", [
      id,
      pick(),
    ]);
  }

  // A hotel newly covered (never visited yet) and a platform last checked eight days ago.
  const hotel = random.uuid();
  const platform = random.uuid();
  await client.query(
    `INSERT INTO venues (id, organisation_id, name, kind, visit_cadence_days) VALUES
       ($1, $3, 'Hôtel Le Relais', 'HOTEL', 14), ($2, $3, 'Annonces — plateforme C', 'ONLINE_AD_PLATFORM', 7)`,
    [hotel, platform, street],
  );
  await client.query(
    `INSERT INTO encounters (id, organisation_id, author_id, occurred_at, channel, place_type, venue_id, themes,
       anonymous_gender, anonymous_age_bracket, head_count, created_at)
     VALUES ($1, $2, $3, $4, 'ONLINE_PLATFORM', 'ONLINE', $5, '{SEXUALITY}', 'WOMAN', 'AGE_26_35', 1, $4)`,
    [random.uuid(), street, worker, new Date(at(20).getTime() - 8 * day), platform],
  );

  await client.query(
    `INSERT INTO invitations (id, organisation_id, email, display_name, roles, token_hash, invited_by_id, expires_at)
     VALUES ($1, $2, 'nouvelle.recrue@ancrage.demo', 'Nouvelle recrue', '{OUTREACH_WORKER}', $3, $4, $5)`,
    [
      random.uuid(),
      street,
      random.uuid().replaceAll("-", "").padEnd(64, "0"),
      admin,
      new Date(c.now.getTime() + 7 * day),
    ],
  );
}
