/**
 * The four shapes of real programmes (issue 15, item 10; DESIGN.md §1), each with this week's
 * activity and the fiscal year's history: La Halte de nuit's evenings (a street-and-night-centre
 * group), Ligne Alternative's line and deliveries (a phone and SMS line), Groupe Horizon's online
 * outreach and food aid, Réseau Ancrage's shift reports and Marie L.'s workshops (an outreach
 * worker with a weekly nurse who also runs school workshops), and the stock of the night centre,
 * the line and the food aid. A few thousand rows, in batches; drawn after the rest of the seed.
 */
import type pg from "pg";
import { programmeCalendar } from "./calendar.ts";
import { seedLine } from "./line.ts";
import { seedNightCentre } from "./night-centre.ts";
import { groceryBaskets, seedOnlineOutreach } from "./online-outreach.ts";
import type { OrganisationKey } from "./people.ts";
import type { SeededRandom } from "./random.ts";
import { PersonFiles } from "./records.ts";
import { seedStock } from "./stock.ts";
import { seedStreetLog } from "./street-log.ts";

const dayMs = 86_400_000;

export interface ProgrammesContext {
  now: Date;
  timeZone: string;
  /** The start of the current fiscal year and of the one before. */
  currentStart: Date;
  previousStart: Date;
  organisationIds: Record<OrganisationKey, string>;
  /** Demo user ids by e-mail. */
  userIds: Map<string, string>;
  /** The seed's files (La Halte's are the night centre's visitors). */
  persons: { id: string; owner: "street" | "night"; createdAt: Date }[];
  /** The street and night organisations' outreach workers (the seed's). */
  workers: Record<"street" | "night", string[]>;
  /** The number of files opened before: new aliases continue from it. */
  personsBefore: number;
}

export interface ProgrammesSummary {
  evenings: number;
  intakes: number;
  deliveries: number;
  shiftReports: number;
  workshops: number;
  lowStockItems: number;
}

export async function seedProgrammes(
  client: pg.ClientBase,
  random: SeededRandom,
  c: ProgrammesContext,
): Promise<ProgrammesSummary> {
  const calendar = programmeCalendar(c.now, c.timeZone);
  const org = c.organisationIds;
  const user = (email: string) => {
    const id = c.userIds.get(email);
    if (!id) throw new Error(`no demo account ${email}`);
    return id;
  };
  // Since the start of the fiscal year, and four weeks at least (a demo started in April).
  const historyDays = Math.max(28, Math.floor((c.now.getTime() - c.currentStart.getTime()) / dayMs));
  const files = new PersonFiles(random, c.personsBefore, c.now.getUTCFullYear());

  const night = await seedNightCentre(client, random, {
    calendar,
    organisationId: org.night,
    healthOrganisationId: org.health,
    staff: [...c.workers.night, user("karine.coord@halte.demo")],
    persons: c.persons.filter((p) => p.owner === "night"),
    files,
  });
  const line = await seedLine(client, random, {
    calendar,
    organisationId: org.line,
    worker: user("noemie.ligne@alternative.demo"),
    coordinator: user("rachel.coord@alternative.demo"),
    historyDays,
    filesFrom: c.previousStart,
    files,
  });
  await seedOnlineOutreach(client, random, {
    calendar,
    organisationId: org.horizon,
    worker: user("max@horizon.demo"),
    coordinator: user("ines.coord@horizon.demo"),
    historyDays,
    filesFrom: c.previousStart,
    files,
  });
  const street = await seedStreetLog(client, random, {
    calendar,
    organisationId: org.street,
    healthOrganisationId: org.health,
    lead: user("marie.rue@ancrage.demo"),
    workers: c.workers.street,
    historyDays,
  });

  // ── stock: counted a few weeks ago, received since, a few items low now ──
  const stock = [
    await seedStock(client, {
      calendar,
      organisationId: org.night,
      coordinator: user("karine.coord@halte.demo"),
      countedDaysAgo: 17,
      items: [
        {
          item: "CONDOMS",
          onHand: 1_350,
          lowThreshold: 500,
          receivedSince: [[10, 1_000, "PUBLIC_HEALTH_SUPPLY"]],
          receivedBefore: [[45, 1_500, "PUBLIC_HEALTH_SUPPLY"]],
        },
        {
          item: "LUBRICANT",
          onHand: 85,
          lowThreshold: 100,
          receivedBefore: [[45, 300, "PUBLIC_HEALTH_SUPPLY"]],
        },
        { item: "HYGIENE_KITS", onHand: 35, lowThreshold: 20, receivedSince: [[6, 50, "DONATION"]] },
        {
          item: "CLOTHING",
          onHand: 60,
          lowThreshold: 15,
          receivedSince: [[8, 40, "DONATION"]],
          receivedBefore: [[30, 80, "DONATION"]],
        },
        { item: "FOOD", onHand: 40, lowThreshold: 30, receivedSince: [[3, 60, "PURCHASE"]] },
        {
          item: "SYRINGES",
          onHand: 380,
          lowThreshold: 200,
          receivedBefore: [[40, 500, "PUBLIC_HEALTH_SUPPLY"]],
        },
        { item: "CRACK_KITS", onHand: 45, lowThreshold: 30 },
        {
          item: "NALOXONE_KITS",
          onHand: 3,
          lowThreshold: 5,
          receivedBefore: [[60, 12, "PUBLIC_HEALTH_SUPPLY"]],
        },
      ],
    }),
    await seedStock(client, {
      calendar,
      organisationId: org.line,
      coordinator: user("rachel.coord@alternative.demo"),
      countedDaysAgo: 12,
      items: [
        {
          item: "CONDOMS",
          onHand: 820,
          lowThreshold: 300,
          receivedSince: [[5, 500, "PUBLIC_HEALTH_SUPPLY"]],
        },
        { item: "LUBRICANT", onHand: 150, lowThreshold: 80 },
        {
          item: "SYRINGES",
          onHand: 110,
          lowThreshold: 150,
          receivedBefore: [[33, 400, "PUBLIC_HEALTH_SUPPLY"]],
        },
        { item: "CRACK_KITS", onHand: 60, lowThreshold: 25 },
        {
          item: "NALOXONE_KITS",
          onHand: 14,
          lowThreshold: 6,
          receivedSince: [[8, 12, "PUBLIC_HEALTH_SUPPLY"]],
        },
        { item: "PREGNANCY_TESTS", onHand: 4, lowThreshold: 5, receivedBefore: [[50, 20, "PURCHASE"]] },
      ],
    }),
    await seedStock(client, {
      calendar,
      organisationId: org.horizon,
      coordinator: user("ines.coord@horizon.demo"),
      countedDaysAgo: 9,
      items: [
        {
          item: groceryBaskets.code,
          onHand: 14,
          lowThreshold: 10,
          receivedSince: [[2, 20, "DONATION"]],
          receivedBefore: [[16, 40, "DONATION"]],
        },
        { item: "FOOD_VOUCHERS", onHand: 8, lowThreshold: 20, receivedBefore: [[38, 100, "PURCHASE"]] },
        { item: "CONDOMS", onHand: 300, lowThreshold: 100 },
      ],
    }),
  ];

  return {
    evenings: night.evenings,
    intakes: night.intakes,
    deliveries: Object.values(line.deliveries).reduce((sum, n) => sum + n, 0),
    shiftReports: street.shiftReports,
    workshops: street.workshops,
    lowStockItems: stock.reduce((sum, s) => sum + s.low, 0),
  };
}
