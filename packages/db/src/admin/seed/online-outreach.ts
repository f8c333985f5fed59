/**
 * Groupe Horizon's online outreach and food aid (issue 15: an online-outreach group with food
 * aid), outside the partnership. Since the start of the fiscal year: messages on ad sites and
 * social networks, the platform named from the catalogue (never an ad's address or a handle) —
 * webcam work on OnlyFans among the themes —, and a weekly food distribution at its office where
 * grocery baskets (an item of its own catalogue, GROCERY_BASKETS), food vouchers and food are
 * handed out, with the theme of food aid.
 */
import type pg from "pg";
import type { ProgrammeCalendar } from "./calendar.ts";
import type { SeededRandom } from "./random.ts";
import {
  anonymousContact,
  type DemoPerson,
  type EncounterRecord,
  insertEncounters,
  type PersonFiles,
} from "./records.ts";

const minute = 60_000;

export interface OnlineOutreachContext {
  calendar: ProgrammeCalendar;
  organisationId: string;
  worker: string;
  coordinator: string;
  historyDays: number;
  filesFrom: Date;
  files: PersonFiles;
}

/** The organisation's own item, added by its coordinator next to the defaults. */
export const groceryBaskets = {
  code: "GROCERY_BASKETS",
  labelFr: "Paniers d'épicerie",
  labelEn: "Grocery baskets",
} as const;

const platformThemes: Record<string, [string, number][]> = {
  ONLYFANS: [
    ["WEBCAM_WORK", 60],
    ["FINANCES", 15],
    ["MENTAL_HEALTH", 10],
    ["VIOLENCE", 5],
    ["SOCIAL_RELATIONS", 10],
  ],
  other: [
    ["SEXUALITY", 35],
    ["SOCIAL_RELATIONS", 20],
    ["VIOLENCE", 10],
    ["FINANCES", 10],
    ["MENTAL_HEALTH", 10],
    ["FOOD_AID", 10],
    ["WEBCAM_WORK", 5],
  ],
};

export async function seedOnlineOutreach(
  client: pg.ClientBase,
  random: SeededRandom,
  c: OnlineOutreachContext,
): Promise<void> {
  const { calendar, organisationId } = c;
  const nowMs = calendar.now.getTime();
  await client.query(
    `INSERT INTO catalogue_entries (organisation_id, list, code, label_fr, label_en, category, unit, position, created_at)
     VALUES ($1, 'MATERIAL', $2, $3, $4, 'FOOD', 'PARCEL', 75, $5)`,
    [
      organisationId,
      groceryBaskets.code,
      groceryBaskets.labelFr,
      groceryBaskets.labelEn,
      calendar.at(c.historyDays, 9 * 60),
    ],
  );
  const adSite = random.uuid();
  await client.query(
    `INSERT INTO venues (id, organisation_id, name, kind, visit_cadence_days, created_at)
     VALUES ($1, $2, 'Annonces LeoList — Québec', 'ONLINE_AD_PLATFORM', 7, $3)`,
    [adSite, organisationId, c.filesFrom],
  );
  const people: DemoPerson[] = [];
  for (let index = 0; index < 30; index += 1) {
    const createdAt = new Date(
      c.filesFrom.getTime() + random.next() * (nowMs - 20 * 86_400_000 - c.filesFrom.getTime()),
    );
    people.push(c.files.open(organisationId, c.worker, createdAt, index < 8));
  }
  const someone = (at: Date) => {
    const known = people.filter((p) => p.createdAt.getTime() < at.getTime());
    return known.length > 0 ? random.pick(known).id : null;
  };

  const encounters: EncounterRecord[] = [];
  for (let daysAgo = c.historyDays; daysAgo >= 0; daysAgo -= 1) {
    const weekend = calendar.weekday(daysAgo) >= 6;
    // Evenings on the ad sites (13:00–21:00), fewer at the weekend, more this week.
    const count = weekend ? random.int(0, 1) : daysAgo < 7 ? random.int(2, 4) : random.int(0, 3);
    for (let index = 0; index < count; index += 1) {
      const drawn = calendar.at(daysAgo, random.int(13 * 60, 21 * 60 - 1));
      const occurredAt = drawn.getTime() < nowMs ? drawn : new Date(nowMs - random.int(5, 120) * minute);
      const channel = random.weighted([
        ["ONLINE_PLATFORM", 85],
        ["VIDEO", 5],
        ["SMS", 10],
      ]);
      const platform =
        channel === "ONLINE_PLATFORM"
          ? random.weighted([
              ["LEOLIST", 45],
              ["ONLYFANS", 20],
              ["INSTAGRAM", 12],
              ["SNAPCHAT", 10],
              ["FACEBOOK", 8],
              ["WHATSAPP", 5],
            ])
          : channel === "VIDEO"
            ? random.pick(["ZOOM", "WHATSAPP"])
            : null;
      const personId = random.chance(0.45) ? someone(occurredAt) : null;
      encounters.push({
        id: random.uuid(),
        organisationId,
        personId,
        authorId: random.chance(0.8) ? c.worker : c.coordinator,
        coWorkerIds: [],
        occurredAt,
        channel,
        placeType: channel === "SMS" ? "OFFICE" : "ONLINE",
        venueId: platform === "LEOLIST" && random.chance(0.8) ? adSite : null,
        platform,
        themes: random.weightedDistinct(
          platformThemes[platform === "ONLYFANS" ? "ONLYFANS" : "other"] ?? [],
          random.int(1, 2),
        ),
        anonymous: personId ? null : anonymousContact(random),
        eveningId: null,
        materials: [],
        services: [],
        note: random.chance(0.05) ? "Information sur la distribution alimentaire du jeudi envoyée." : null,
      });
    }
    // The weekly food distribution, on Thursdays from 13:00 to 16:00.
    if (calendar.weekday(daysAgo) !== 4) continue;
    const start = calendar.at(daysAgo, 13 * 60);
    if (start.getTime() > nowMs) continue;
    const served = random.int(7, 11);
    for (let index = 0; index < served; index += 1) {
      const drawn = start.getTime() + random.int(0, 180) * minute;
      const occurredAt = new Date(Math.min(drawn, nowMs - random.int(1, 30) * minute));
      const personId = random.chance(0.7) ? someone(occurredAt) : null;
      const handed: [string, number][] = [];
      if (random.chance(0.8)) handed.push([groceryBaskets.code, 1]);
      if (random.chance(0.5)) handed.push(["FOOD_VOUCHERS", random.int(1, 2)]);
      if (random.chance(0.3)) handed.push(["FOOD", 1]);
      if (random.chance(0.15)) handed.push(["HYGIENE_KITS", 1]);
      if (random.chance(0.2)) handed.push(["CONDOMS", random.int(6, 12)]);
      if (handed.length === 0) handed.push(["FOOD_VOUCHERS", 1]);
      encounters.push({
        id: random.uuid(),
        organisationId,
        personId,
        authorId: random.chance(0.6) ? c.worker : c.coordinator,
        coWorkerIds: [],
        occurredAt,
        channel: "IN_PERSON",
        placeType: "OFFICE",
        venueId: null,
        platform: null,
        themes: random.chance(0.4) ? ["FOOD_AID", "FINANCES"] : ["FOOD_AID"],
        anonymous: personId ? null : anonymousContact(random),
        eveningId: null,
        materials: handed,
        services: [],
        note: null,
      });
    }
  }
  await c.files.insert(client);
  await insertEncounters(client, encounters);
}
