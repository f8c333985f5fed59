// Issue 16 item 1: the organisation's start date, set by its coordinators (EDIT_PROGRAMME_SETTINGS),
// validated, audited, followed at once by the date rule; never moved after a record already dated.
import { createUser } from "@maillage/db/factories";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const setStartDate = `mutation ($input: UpdateOrganisationStartDateInput!) {
  updateOrganisationStartDate(input: $input) {
    __typename
    ... on UpdateOrganisationStartDateSuccess { recordDates { startedOn earliestRecordOn } }
    ... on InputValidationError { message fields { path code message limit } }
    ... on AppError { code }
  }
}`;
const recordDates = "{ me { recordDates { startedOn earliestRecordOn } } }";

const startedOn = async (organisationId: string) =>
  onlyRow(
    (
      await world.pool.query<{ day: string }>(
        "SELECT to_char(started_on, 'YYYY-MM-DD') AS day FROM organisations WHERE id = $1",
        [organisationId],
      )
    ).rows,
  ).day;
const startDateEvents = () =>
  countOf(
    world.pool,
    `SELECT count(*)::int AS n FROM audit_events
      WHERE action = 'PROGRAMME_SETTINGS_CHANGED' AND record_id = $1 AND details -> 'to' ? 'startedOn'`,
    [world.owner.id],
  );

beforeAll(async () => {
  // The earliest record of the owner: an encounter of 10 May 2016 (a past year's, from the sheets).
  await world.pool.query(
    `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
     VALUES ($1, $2, '2016-05-10T16:00:00Z', 'IN_PERSON', 'WORKPLACE', '{}')`,
    [world.owner.id, world.owner.users.worker.id],
  );
});

describe("the organisation's start date", () => {
  it("is read by its members and set by a coordinator, audited with the dates before and after", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    expect((await coordinator.request<any>(recordDates)).data?.me.recordDates).toEqual({
      startedOn: "2000-01-01",
      earliestRecordOn: "2016-05-10",
    });
    // A worker reads the start date (her forms say it), not the earliest record's day.
    const worker = await world.signIn(world.owner.users.worker);
    expect((await worker.request<any>(recordDates)).data?.me.recordDates).toEqual({
      startedOn: "2000-01-01",
      earliestRecordOn: null,
    });

    const set = await coordinator.request<any>(setStartDate, { input: { startedOn: "2015-04-01" } });
    expect(set.data?.updateOrganisationStartDate).toEqual({
      __typename: "UpdateOrganisationStartDateSuccess",
      recordDates: { startedOn: "2015-04-01", earliestRecordOn: "2016-05-10" },
    });
    expect(await startedOn(world.owner.id)).toBe("2015-04-01");
    const event = onlyRow(
      (
        await world.pool.query(
          `SELECT user_id, organisation_id, record_kind, details FROM audit_events
            WHERE action = 'PROGRAMME_SETTINGS_CHANGED' AND record_id = $1`,
          [world.owner.id],
        )
      ).rows,
    );
    expect(event).toEqual({
      user_id: world.owner.users.coordinator.id,
      organisation_id: world.owner.id,
      record_kind: "ORGANISATION",
      details: { from: { startedOn: "2000-01-01" }, to: { startedOn: "2015-04-01" } },
    });
    // The rule follows at once: the day before is refused, naming the new start date.
    const refused = await worker.request<any>(
      `mutation ($input: RecordEncounterInput!) {
        recordEncounter(input: $input) { __typename ... on InputValidationError { fields { path code limit } } }
      }`,
      {
        input: {
          personId: world.person.globalId,
          channel: "PHONE",
          placeType: "OFFICE",
          occurredAt: "2015-03-31T16:00:00Z",
        },
      },
    );
    expect(refused.data?.recordEncounter.fields).toEqual([
      { path: "occurredAt", code: "BEFORE_ORGANISATION_START", limit: "2015-04-01" },
    ]);
    // Other organisations keep theirs.
    expect(await startedOn(world.partner.id)).toBe("2000-01-01");
  });

  it("refuses a day after an existing record's, after today or before 1970, in words, writing nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const english = new TestClient(world.server.url, "en");
    await english.signIn(world.owner.users.coordinator.email, world.owner.users.coordinator.password);
    const before = await startedOn(world.owner.id);
    const eventsBefore = await startDateEvents();

    // Later than the earliest record (10 May 2016): it would be dated before its organisation's start.
    const afterRecord = { startedOn: "2017-01-01" };
    const fr = (await coordinator.request<any>(setStartDate, { input: afterRecord })).data
      ?.updateOrganisationStartDate;
    expect(fr.fields).toEqual([
      {
        path: "startedOn",
        code: "AFTER_EARLIEST_RECORD",
        limit: "2016-05-10",
        message:
          "Des fiches de l'organisme sont datées du 10 mai 2016 : la date de début ne peut pas être après cette date.",
      },
    ]);
    const en = (await english.request<any>(setStartDate, { input: afterRecord })).data
      ?.updateOrganisationStartDate;
    expect(en).toMatchObject({
      message: "Some information is invalid.",
      fields: [
        {
          path: "startedOn",
          code: "AFTER_EARLIEST_RECORD",
          limit: "2016-05-10",
          message:
            "Some of the organisation's records are dated May 10, 2016: the start date cannot be later than that.",
        },
      ],
    });
    // The record's own day is allowed (it stays dated on its start), but not here: nothing is written.
    const cases = [
      [{ startedOn: "2999-01-01" }, "AFTER_TODAY"],
      [{ startedOn: "1969-12-31" }, "TOO_SMALL"],
    ] as const;
    for (const [input, code] of cases) {
      const refused = (await coordinator.request<any>(setStartDate, { input })).data
        ?.updateOrganisationStartDate;
      expect(
        refused.fields.map((f: any) => `${f.path}:${f.code}`),
        input.startedOn,
      ).toEqual([`startedOn:${code}`]);
    }
    const malformed = await coordinator.request<any>(setStartDate, { input: { startedOn: "2016-02-30" } });
    expect(malformed.status).toBe(400);
    expect(await startedOn(world.owner.id)).toBe(before);
    expect(await startDateEvents()).toBe(eventsBefore);

    // On the earliest record's very day: allowed (the record stays within the rule); and back.
    const onTheDay = await coordinator.request<any>(setStartDate, { input: { startedOn: "2016-05-10" } });
    expect(onTheDay.data?.updateOrganisationStartDate.recordDates.startedOn).toBe("2016-05-10");
    const back = await coordinator.request<any>(setStartDate, { input: { startedOn: before } });
    expect(back.data?.updateOrganisationStartDate.recordDates.startedOn).toBe(before);
    expect(await startDateEvents()).toBe(eventsBefore + 2);
  });

  it("only its coordinators set it: not a worker, a nurse, an admin, a committee member nor another organisation's", async () => {
    const before = await startedOn(world.owner.id);
    const committee = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    for (const user of [
      world.owner.users.worker,
      world.owner.users.nurse,
      world.owner.users.admin,
      committee,
    ]) {
      const client = await world.signIn(user);
      const refused = await client.request<any>(setStartDate, { input: { startedOn: "2010-01-01" } });
      const code = refused.data?.updateOrganisationStartDate?.code ?? refused.errors?.[0]?.extensions?.code;
      expect(code, user.email).toBe("NOT_FOUND");
    }
    // A partner's coordinator sets her own organisation's, never this one's.
    const partner = await world.signIn(world.partner.users.coordinator);
    const own = await partner.request<any>(setStartDate, { input: { startedOn: "2010-01-01" } });
    expect(own.data?.updateOrganisationStartDate.recordDates.startedOn).toBe("2010-01-01");
    expect(await startedOn(world.partner.id)).toBe("2010-01-01");
    expect(await startedOn(world.owner.id)).toBe(before);
    // Back to the default, for the other files' worlds (each has its own; this keeps it tidy).
    await partner.request<any>(setStartDate, { input: { startedOn: "2000-01-01" } });
  });
});
