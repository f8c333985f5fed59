// Programmes outside Québec (issue 15 item 8): a partnership's and an organisation's time zone,
// fiscal-year start and locale, set by coordinators, followed by the dashboards, the home screen's
// day and the joint-visit slots.
import { createOrganisation, createUser } from "@maillage/db/factories";
import { fiscalYearOf, instantAtWallTime, wallTime } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();
const brussels = "Europe/Brussels";
const wallonia = { timeZone: brussels, fiscalYearStartMonth: 1, locale: "fr-BE" };
const toronto = { timeZone: "America/Toronto", fiscalYearStartMonth: 4, locale: "fr-CA" };

const updateOrganisation = `mutation ($input: UpdateOrganisationSettingsInput!) {
  updateOrganisationSettings(input: $input) {
    __typename
    ... on UpdateOrganisationSettingsSuccess { settings { timeZone fiscalYearStartMonth locale } }
    ... on InputValidationError { message fields { path code message } }
    ... on AppError { code }
  }
}`;
const updatePartnership = `mutation ($input: UpdatePartnershipSettingsInput!) {
  updatePartnershipSettings(input: $input) {
    __typename
    ... on UpdatePartnershipSettingsSuccess { partnership { name programmeSettings { timeZone fiscalYearStartMonth locale } } }
    ... on InputValidationError { message fields { path code message } }
    ... on AppError { code }
  }
}`;
// A period's bounds and its encounters, as the indicators answer them.
const indicatorFields = "period { fiscalYear from to } figures { name value }";
const partnershipIndicators = `query ($id: ID!, $year: Int!) {
  partnershipIndicators(partnershipId: $id, period: { fiscalYear: $year }) {
    ... on PartnershipIndicatorsSuccess { indicators { ${indicatorFields} } }
  }
}`;
const organisationIndicators = `query ($year: Int!) {
  organisationIndicators(period: { fiscalYear: $year }) {
    ... on OrganisationIndicatorsSuccess { indicators { ${indicatorFields} } }
  }
}`;
/** { fiscalYear, from, to, encounters } of an indicators answer. */
function yearOf(indicators: any) {
  return indicators
    ? {
        ...indicators.period,
        encounters: indicators.figures.find((f: any) => f.name === "encounters")?.value,
      }
    : indicators;
}

const partnershipGlobalId = () => encodeGlobalID("Partnership", world.partnershipId);
const settingsRow = async (table: "organisations" | "partnerships", id: string) =>
  onlyRow(
    (
      await world.pool.query(
        `SELECT time_zone AS "timeZone", fiscal_year_start_month AS "fiscalYearStartMonth", locale
           FROM ${table} WHERE id = $1`,
        [id],
      )
    ).rows,
  );
const settingsEvents = (recordId: string) =>
  countOf(
    world.pool,
    "SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROGRAMME_SETTINGS_CHANGED' AND record_id = $1",
    [recordId],
  );

/** Brussels' midnight this morning, as of `instant`. */
function brusselsMidnight(instant: Date): string {
  const { year, month, day } = wallTime(instant, brussels);
  return instantAtWallTime(year, month, day, 0, brussels).toISOString();
}

beforeAll(async () => {
  // The Wallonia programme: the owner organisation and the partnership report in Brussels, by
  // calendar year; the partner organisation keeps Québec's defaults.
  for (const table of ["organisations", "partnerships"] as const) {
    await world.pool.query(
      `UPDATE ${table} SET time_zone = $2, fiscal_year_start_month = $3, locale = $4 WHERE id = $1`,
      [
        table === "organisations" ? world.owner.id : world.partnershipId,
        wallonia.timeZone,
        wallonia.fiscalYearStartMonth,
        wallonia.locale,
      ],
    );
  }
});

describe("programme settings", () => {
  it("a coordinator sets her organisation's own and her partnership's; `me` and the partnership say so; audited", async () => {
    const coordinator = await world.signIn(world.partner.users.coordinator);
    const before = await coordinator.request<any>(
      "{ me { programmeSettings { timeZone fiscalYearStartMonth locale } } }",
    );
    expect(before.data?.me.programmeSettings).toEqual(toronto);

    const paris = { timeZone: "Europe/Paris", fiscalYearStartMonth: 9, locale: "fr-FR" };
    const changed = await coordinator.request<any>(updateOrganisation, { input: paris });
    expect(changed.data?.updateOrganisationSettings).toEqual({
      __typename: "UpdateOrganisationSettingsSuccess",
      settings: paris,
    });
    expect(await settingsRow("organisations", world.partner.id)).toEqual(paris);
    // Her colleagues' days follow the organisation's settings.
    const worker = await world.signIn(world.partner.users.worker);
    const me = await worker.request<any>(
      "{ me { programmeSettings { timeZone fiscalYearStartMonth locale } } }",
    );
    expect(me.data?.me.programmeSettings).toEqual(paris);
    const event = onlyRow(
      (
        await world.pool.query(
          `SELECT user_id, organisation_id, record_kind, details FROM audit_events
            WHERE action = 'PROGRAMME_SETTINGS_CHANGED' AND record_id = $1`,
          [world.partner.id],
        )
      ).rows,
    );
    expect(event).toEqual({
      user_id: world.partner.users.coordinator.id,
      organisation_id: world.partner.id,
      record_kind: "ORGANISATION",
      // The follow-up rule (unchanged here) is kept in the audit beside the three settings.
      details: { from: { ...toronto, followUpMinEncounters: 3 }, to: { ...paris, followUpMinEncounters: 3 } },
    });

    // A member organisation's coordinator sets the partnership's (here: the same again).
    const eventsBefore = await settingsEvents(world.partnershipId);
    const partnership = await coordinator.request<any>(updatePartnership, {
      input: { partnershipId: partnershipGlobalId(), ...wallonia },
    });
    expect(partnership.data?.updatePartnershipSettings.partnership.programmeSettings).toEqual(wallonia);
    expect(await settingsEvents(world.partnershipId)).toBe(eventsBefore + 1);
    const read = await worker.request<any>("{ myPartnerships { programmeSettings { timeZone locale } } }");
    expect(read.data?.myPartnerships).toEqual([
      { programmeSettings: { timeZone: brussels, locale: "fr-BE" } },
    ]);
    // Back to Québec's, for the other tests.
    await coordinator.request<any>(updateOrganisation, { input: toronto });
    expect(await settingsRow("organisations", world.partner.id)).toEqual(toronto);
  });

  it("refuses bad settings with a translated error, and writes nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const english = new TestClient(world.server.url, "en-CA");
    await english.signIn(world.owner.users.coordinator.email, world.owner.users.coordinator.password);
    const eventsBefore = await settingsEvents(world.owner.id);
    const cases = [
      [{ ...wallonia, timeZone: "Europe/Bruxelles" }, "timeZone", "INVALID_VALUE"],
      [{ ...wallonia, timeZone: "+01:00" }, "timeZone", "INVALID_VALUE"],
      [{ ...wallonia, timeZone: "" }, "timeZone", "REQUIRED"],
      [{ ...wallonia, fiscalYearStartMonth: 13 }, "fiscalYearStartMonth", "TOO_LARGE"],
      [{ ...wallonia, fiscalYearStartMonth: 0 }, "fiscalYearStartMonth", "TOO_SMALL"],
      [{ ...wallonia, locale: "de-DE" }, "locale", "INVALID_VALUE"],
    ] as const;
    for (const [input, path, code] of cases) {
      const refused = (await coordinator.request<any>(updateOrganisation, { input })).data
        ?.updateOrganisationSettings;
      expect(refused, JSON.stringify(input)).toMatchObject({
        __typename: "InputValidationError",
        message: "Certaines informations sont invalides.",
        fields: [{ path, code }],
      });
    }
    const french = (
      await coordinator.request<any>(updateOrganisation, { input: { ...wallonia, timeZone: "Mars/Olympus" } })
    ).data?.updateOrganisationSettings;
    expect(french.fields).toEqual([
      { path: "timeZone", code: "INVALID_VALUE", message: "Cette valeur n'est pas permise." },
    ]);
    const inEnglish = (
      await english.request<any>(updatePartnership, {
        input: { partnershipId: partnershipGlobalId(), ...wallonia, timeZone: "Mars/Olympus" },
      })
    ).data?.updatePartnershipSettings;
    expect(inEnglish).toMatchObject({
      __typename: "InputValidationError",
      message: "Some information is invalid.",
      fields: [{ path: "timeZone", code: "INVALID_VALUE", message: "This value is not allowed." }],
    });
    expect(await settingsRow("organisations", world.owner.id)).toEqual(wallonia);
    expect(await settingsRow("partnerships", world.partnershipId)).toEqual(wallonia);
    expect(await settingsEvents(world.owner.id)).toBe(eventsBefore);
    // The month's range holds in the database too.
    await expect(
      world.pool.query("UPDATE organisations SET fiscal_year_start_month = 13 WHERE id = $1", [
        world.owner.id,
      ]),
    ).rejects.toThrow(/organisations_fiscal_year_start_month_range/);
  });

  it("only coordinators change them: of the organisation for its own, of a member for a partnership's", async () => {
    const paris = { timeZone: "Europe/Paris", fiscalYearStartMonth: 9, locale: "fr-FR" };
    const committee = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const refusedOwn = [
      world.owner.users.worker,
      world.owner.users.nurse,
      world.owner.users.admin,
      committee,
    ];
    for (const user of refusedOwn) {
      const client = await world.signIn(user);
      const own = await client.request<any>(updateOrganisation, { input: paris });
      // Refused by its scope: not found, like a record one may not see.
      const code = (result: any, field: string) =>
        result.data?.[field]?.code ?? result.errors?.[0]?.extensions?.code;
      expect(code(own, "updateOrganisationSettings"), user.email).toBe("NOT_FOUND");
      const partnership = await client.request<any>(updatePartnership, {
        input: { partnershipId: partnershipGlobalId(), ...paris },
      });
      expect(code(partnership, "updatePartnershipSettings"), user.email).toBe("NOT_FOUND");
    }
    // A coordinator outside the partnership: not found (she does not know it exists).
    const outsider = await world.signIn(world.unrelated.users.coordinator);
    const outside = await outsider.request<any>(updatePartnership, {
      input: { partnershipId: partnershipGlobalId(), ...paris },
    });
    expect(outside.data?.updatePartnershipSettings.code).toBe("NOT_FOUND");
    expect(await settingsRow("organisations", world.owner.id)).toEqual(wallonia);
    expect(await settingsRow("partnerships", world.partnershipId)).toEqual(wallonia);
  });

  it("a Brussels, calendar-year partnership's dashboard runs from 1 January, midnight Brussels time", async () => {
    // 31 December 2024 at 23:30 in Brussels (22:30 UTC) and 1 January 2025 at 00:30 (23:30 UTC).
    const insert = (occurredAt: string, count: number, organisationId: string, authorId: string) =>
      world.pool.query(
        `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
         SELECT $1, $2, $3::timestamptz, 'IN_PERSON', 'WORKPLACE', '{}' FROM generate_series(1, $4)`,
        [organisationId, authorId, occurredAt, count],
      );
    await insert("2024-12-31T22:30:00Z", 7, world.owner.id, world.owner.users.worker.id);
    await insert("2024-12-31T23:30:00Z", 6, world.owner.id, world.owner.users.worker.id);
    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const committee = await world.signIn(member);
    const year = async (fiscalYear: number) =>
      yearOf(
        (await committee.request<any>(partnershipIndicators, { id: partnershipGlobalId(), year: fiscalYear }))
          .data?.partnershipIndicators.indicators,
      );
    expect(await year(2025)).toEqual({
      fiscalYear: 2025,
      from: "2024-12-31T23:00:00.000Z",
      to: "2025-12-31T23:00:00.000Z",
      encounters: 6,
    });
    expect(await year(2024)).toMatchObject({ from: "2023-12-31T23:00:00.000Z", encounters: 7 });

    // The organisation's own dashboard follows its own settings (Brussels, January here too).
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const own = yearOf(
      (await coordinator.request<any>(organisationIndicators, { year: 2025 })).data?.organisationIndicators
        .indicators,
    );
    expect(own).toMatchObject({ from: "2024-12-31T23:00:00.000Z", encounters: 6 });
    // The partner organisation keeps Québec's: its year 2024 runs from 1 April 2024, Toronto time.
    const partner = await world.signIn(world.partner.users.coordinator);
    const partnerYear = yearOf(
      (await partner.request<any>(organisationIndicators, { year: 2024 })).data?.organisationIndicators
        .indicators,
    );
    expect(partnerYear).toMatchObject({ from: "2024-04-01T04:00:00.000Z", to: "2025-04-01T04:00:00.000Z" });

    // The committee's home screen shows the partnership's current calendar year.
    const home = await committee.request<any>(
      "{ today { committees { indicators { period { fiscalYear from } } } } }",
    );
    const now = new Date();
    expect(home.data?.today.committees[0].indicators.period.fiscalYear).toBe(fiscalYearOf(now, wallonia));
  });

  it("an organisation in Brussels gets its home screen's day in Brussels; another keeps Toronto's", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = new Date();
    // Just after Brussels' midnight this morning: the evening before in Toronto, today in Brussels.
    const earlyToday = new Date(new Date(brusselsMidnight(before)).getTime() + 20 * 60_000);
    await world.pool.query(
      `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
       VALUES ($1, $2, $3, 'HOUSING', $4)`,
      [world.owner.id, world.person.id, world.owner.users.worker.id, earlyToday],
    );
    const today = (
      await worker.request<any>("{ today { dayStart outreach { accompaniments { totalCount } } } }")
    ).data?.today;
    const after = new Date();
    // Either side of midnight if the request straddled it; never Toronto's.
    expect([brusselsMidnight(before), brusselsMidnight(after)]).toContain(today.dayStart);
    expect(new Date(today.dayStart).getUTCHours()).toBeGreaterThanOrEqual(22);
    expect(today.outreach.accompaniments.totalCount).toBe(1);

    const partnerWorker = await world.signIn(world.partner.users.worker);
    const partnerDay = (await partnerWorker.request<any>("{ today { dayStart } }")).data?.today.dayStart;
    const torontoMidnight = (instant: Date) => {
      const { year, month, day } = wallTime(instant, "America/Toronto");
      return instantAtWallTime(year, month, day, 0, "America/Toronto").toISOString();
    };
    expect([torontoMidnight(before), torontoMidnight(new Date())]).toContain(partnerDay);
  });

  it("offers joint-visit slots in each one's own zone: Brussels hours for a Brussels nurse and worker", async () => {
    const health = await createOrganisation(world.pool, {
      name: "Santé publique — Liège",
      kind: "PUBLIC_HEALTH",
    });
    await world.pool.query(
      "UPDATE organisations SET time_zone = $2, fiscal_year_start_month = 1, locale = 'fr-BE' WHERE id = $1",
      [health.id, brussels],
    );
    await world.pool.query(
      "INSERT INTO partnership_members (partnership_id, organisation_id) VALUES ($1, $2)",
      [world.partnershipId, health.id],
    );
    const nurse = await createUser(world.pool, {
      memberships: [{ organisationId: health.id, roles: ["NURSE"] }],
    });
    // Tuesdays: the nurse 9:00–16:00, the worker 13:00–20:00, both Brussels time.
    await world.pool.query(
      `INSERT INTO availability_slots (user_id, organisation_id, weekday, start_minute, end_minute)
       VALUES ($1, $2, 2, 540, 960), ($3, $4, 2, 780, 1200)`,
      [nurse.id, health.id, world.owner.users.worker.id, world.owner.id],
    );
    const tuesday = new Date(Date.now() + 2 * 86_400_000);
    tuesday.setUTCHours(0, 0, 0, 0);
    while (tuesday.getUTCDay() !== 2) tuesday.setUTCDate(tuesday.getUTCDate() + 1);
    const worker = await world.signIn(world.owner.users.worker);
    const slots = (
      await worker.request<any>(
        `query ($from: DateTime!, $to: DateTime!, $org: ID) {
          jointVisitSlots(from: $from, to: $to, durationMinutes: 60, nurseOrganisationId: $org) { start }
        }`,
        {
          from: tuesday.toISOString(),
          to: new Date(tuesday.getTime() + 86_400_000).toISOString(),
          org: encodeGlobalID("Organisation", health.id),
        },
      )
    ).data?.jointVisitSlots;
    const local = new Intl.DateTimeFormat("fr-BE", {
      timeZone: brussels,
      hour: "2-digit",
      minute: "2-digit",
    });
    expect(slots.map((slot: { start: string }) => local.format(new Date(slot.start)))).toEqual([
      "13:00",
      "13:30",
      "14:00",
      "14:30",
      "15:00",
    ]);
  });

  it("counts an anonymous group of 120 (no longer capped at 50), up to a few thousand", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const record = `mutation ($input: RecordEncounterInput!) {
      recordEncounter(input: $input) {
        __typename ... on RecordEncounterSuccess { encounter { id } }
        ... on InputValidationError { fields { path code } }
      }
    }`;
    const group = { channel: "IN_PERSON", placeType: "PUBLIC_PLACE" };
    const recorded = await worker.request<any>(record, {
      input: { ...group, anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 120 } },
    });
    expect(recorded.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
    const { rows } = await world.pool.query<{ head_count: number }>(
      "SELECT head_count FROM encounters WHERE organisation_id = $1 AND place_type = 'PUBLIC_PLACE'",
      [world.owner.id],
    );
    expect(rows).toEqual([{ head_count: 120 }]);
    const tooMany = await worker.request<any>(record, {
      input: { ...group, anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 5001 } },
    });
    expect(tooMany.data?.recordEncounter).toEqual({
      __typename: "InputValidationError",
      fields: [{ path: "anonymous.headCount", code: "TOO_LARGE" }],
    });
  });
});
