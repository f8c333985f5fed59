import { createEncounter, createPerson } from "@maillage/db/factories";
import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const createMutation = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) {
    __typename
    ... on CreatePersonSuccess { person { id alias possiblyMinor legalName languages } possibleDuplicates { alias } }
    ... on InputValidationError { fields { path code } }
  }
}`;
const caseload = `query ($search: String, $filter: CaseloadFilter, $first: Int) {
  persons(first: $first, search: $search, filter: $filter) {
    edges { node { alias possiblyMinor encounters(first: 10) { edges { node { occurredAt themes } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const personCount = () =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM persons WHERE organisation_id = $1", [world.owner.id]);

describe("persons", () => {
  it("creates a file, flags possible duplicates and minors, keeps the legal name restricted", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const created = await worker.request<any>(createMutation, {
      input: { alias: "Eloise", birthYear: 1999, languages: ["fr", "EN"], legalName: "Marie Tremblay" },
    });
    expect(created.data?.createPerson).toMatchObject({
      __typename: "CreatePersonSuccess",
      person: { alias: "Eloise", possiblyMinor: false, legalName: "Marie Tremblay", languages: ["fr", "en"] },
      possibleDuplicates: [{ alias: "Éloïse" }],
    });
    const minor = await worker.request<any>(createMutation, {
      input: { alias: "Zazie", birthYear: new Date().getFullYear() - 16 },
    });
    expect(minor.data?.createPerson.person.possiblyMinor).toBe(true);
    expect(minor.data?.createPerson.possibleDuplicates).toEqual([]);
    const nurse = await world.signIn(world.owner.users.nurse);
    const refused = await nurse.request<any>(createMutation, { input: { alias: "X" } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = await personCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ alias: "" }, "alias:REQUIRED"],
      [{ alias: "x".repeat(81) }, "alias:TOO_LONG"],
      [{ alias: "Ok", birthYear: 1800 }, "birthYear:TOO_SMALL"],
      // Two years ahead: still in the future if the new year begins between here and the server.
      [{ alias: "Ok", birthYear: new Date().getFullYear() + 2 }, "birthYear:INVALID_VALUE"],
      [{ alias: "Ok", languages: ["français"] }, "languages.0:INVALID_FORMAT"],
      [{ alias: "Ok", safeContactNote: "x".repeat(501) }, "safeContactNote:TOO_LONG"],
    ];
    for (const [input, expected] of cases) {
      const result = await worker.request<any>(createMutation, { input });
      expect(result.data?.createPerson.__typename, expected).toBe("InputValidationError");
      expect(
        result.data?.createPerson.fields.map((f: any) => `${f.path}:${f.code}`),
        expected,
      ).toContain(expected);
    }
    expect(await personCount()).toBe(before);
  });

  it("finds aliases without accents or case, and filters the caseload", async () => {
    await createPerson(world.pool, { organisationId: world.owner.id, alias: "Noémie", birthYear: 1990 });
    const worker = await world.signIn(world.owner.users.worker);
    const found = await worker.request<any>(caseload, { search: "ELOISE" });
    expect(found.data?.persons.edges.map((e: any) => e.node.alias).sort()).toEqual(["Eloise", "Éloïse"]);
    expect((await worker.request<any>(caseload, { search: "noemie" })).data?.persons.edges).toHaveLength(1);
    const active = await worker.request<any>(caseload, { filter: { activeInLast90Days: true } });
    expect(active.data?.persons.edges.map((e: any) => e.node.alias)).toEqual(["Éloïse"]);
    const minors = await worker.request<any>(caseload, { filter: { minors: true } });
    expect(minors.data?.persons.edges.map((e: any) => e.node.alias)).toEqual(["Zazie"]);
    const page = await worker.request<any>(caseload, { first: 2 });
    expect(page.data?.persons.edges).toHaveLength(2);
    expect(page.data?.persons.pageInfo.hasNextPage).toBe(true);
  });

  it("the caseload and a person's file take a bounded number of SQL statements whatever the page size", async () => {
    // Each person with encounters: a page of persons loads every person's encounters at once,
    // never one statement per person or per encounter.
    for (let i = 0; i < 30; i += 1) {
      const person = await createPerson(world.pool, {
        organisationId: world.owner.id,
        alias: `Série ${String(i).padStart(2, "0")}`,
      });
      for (let j = 0; j < 2; j += 1) {
        await createEncounter(world.pool, {
          organisationId: world.owner.id,
          authorId: world.owner.users.worker.id,
          personId: person.id,
        });
      }
    }
    const worker = await world.signIn(world.owner.users.worker);
    const counts: number[] = [];
    for (const first of [3, 30]) {
      world.server.statements.reset();
      const result = await worker.request<any>(caseload, { first, search: "serie" });
      expect(result.data?.persons.edges).toHaveLength(first);
      for (const edge of result.data.persons.edges) expect(edge.node.encounters.edges).toHaveLength(2);
      counts.push(world.server.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
    const fileQuery = `query ($id: ID!, $first: Int) { person(id: $id) {
      alias legalName consents { status }
      encounters(first: $first) { edges { node { occurredAt themes note materials { item quantity } } } }
      accompaniments(first: $first) { edges { node { destination status note } } }
      nurseVisits(first: $first) { edges { node { plannedStart acts { kind count } } } }
      referrals(first: $first) { edges { node { status toOrganisation { name } } } }
    } }`;
    const fileCounts: number[] = [];
    for (const first of [1, 50]) {
      world.server.statements.reset();
      const result = await worker.request<any>(fileQuery, { id: world.person.globalId, first });
      expect(result.data?.person.alias).toBe("Éloïse");
      fileCounts.push(world.server.statements.count);
    }
    expect(fileCounts[0]).toBe(fileCounts[1]);
    expect(fileCounts[0]).toBeLessThan(25);
  });

  it("pages a person's encounters newest first, on the file and for every person of a caseload", async () => {
    const persons: { id: string; globalId: string; encounters: string[] }[] = [];
    for (const name of ["Zénon Pages", "Zoé Pages"]) {
      const person = await createPerson(world.pool, { organisationId: world.owner.id, alias: name });
      // Five encounters a day apart, the newest first in `encounters`.
      const { rows } = await world.pool.query<{ id: string }>(
        `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes)
         SELECT $1, $2, $3, now() - make_interval(days => d), 'IN_PERSON', 'WORKPLACE', '{SEXUALITY}'
           FROM generate_series(1, 5) d ORDER BY d RETURNING id`,
        [world.owner.id, person.id, world.owner.users.worker.id],
      );
      persons.push({
        id: person.id,
        globalId: Buffer.from(`Person:${person.id}`).toString("base64"),
        encounters: rows.map((row) => Buffer.from(`Encounter:${row.id}`).toString("base64")),
      });
    }
    const worker = await world.signIn(world.owner.users.worker);
    const page = `edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor }`;
    const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id);
    const file = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      person(id: $id) { encounters(first: $first, after: $after, last: $last, before: $before) { ${page} } } }`;
    const [first] = persons as [(typeof persons)[number]];
    const one = (await worker.request<any>(file, { id: first.globalId, first: 2 })).data.person.encounters;
    expect(ids(one)).toEqual(first.encounters.slice(0, 2));
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = (
      await worker.request<any>(file, { id: first.globalId, first: 2, after: one.pageInfo.endCursor })
    ).data.person.encounters;
    expect(ids(two)).toEqual(first.encounters.slice(2, 4));
    const last = (await worker.request<any>(file, { id: first.globalId, last: 2 })).data.person.encounters;
    expect(ids(last)).toEqual(first.encounters.slice(3, 5));
    const before = (
      await worker.request<any>(file, { id: first.globalId, last: 2, before: last.pageInfo.startCursor })
    ).data.person.encounters;
    expect(ids(before)).toEqual(first.encounters.slice(1, 3));
    const badCursor = await worker.request<any>(file, { id: first.globalId, first: 2, after: "bm9wZQ==" });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");

    // Across a caseload, each person gets their own newest page, in one batch.
    const caseloadPages = `query ($first: Int, $last: Int) { persons(first: 10, search: "pages") {
      edges { node { id encounters(first: $first, last: $last) { ${page} } } } } }`;
    for (const [args, slice, hasNext] of [
      [{ first: 3 }, [0, 3], true],
      [{ first: 10 }, [0, 5], false],
      [{ last: 2 }, [3, 5], false],
    ] as const) {
      const found = (await worker.request<any>(caseloadPages, args)).data.persons.edges;
      expect(found.map((edge: any) => edge.node.id)).toEqual(persons.map((person) => person.globalId));
      for (const [i, edge] of found.entries()) {
        expect(ids(edge.node.encounters)).toEqual(persons[i]?.encounters.slice(...slice));
        expect(edge.node.encounters.pageInfo.hasNextPage).toBe(hasNext);
      }
    }
  });

  it("edits a file; a partner cannot", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const update = `mutation ($input: UpdatePersonInput!) {
      updatePerson(input: $input) { __typename ... on UpdatePersonSuccess { person { alias inRegularFollowUp mayText } } ... on AppError { code } }
    }`;
    const updated = await worker.request<any>(update, {
      input: { id: world.person.globalId, inRegularFollowUp: true, mayText: true },
    });
    expect(updated.data?.updatePerson.person).toEqual({
      alias: "Éloïse",
      inRegularFollowUp: true,
      mayText: true,
    });
    const partner = await world.signIn(world.partner.users.coordinator);
    const refused = await partner.request<any>(update, {
      input: { id: world.person.globalId, alias: "Pris" },
    });
    expect(refused.data?.updatePerson).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
  });

  it("a file's timeline holds what each viewer may see, by role and relation", async () => {
    await world.pool.query(
      `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at) VALUES ($1, $2, $3, 'HOUSING', now() + interval '1 day')`,
      [world.owner.id, world.person.id, world.owner.users.worker.id],
    );
    const file = `query ($id: ID!) { person(id: $id) {
      legalName
      encounters(first: 10) { edges { node { note } } }
      accompaniments(first: 10) { edges { node { destination note } } }
    } }`;
    const shape = (data: any) =>
      data?.person
        ? {
            legalName: data.person.legalName !== null,
            encounters: data.person.encounters.edges.length,
            notes: data.person.encounters.edges.some((e: any) => e.node.note !== null),
            accompaniments: data.person.accompaniments.edges.length,
          }
        : null;
    const as = async (user: Parameters<typeof world.signIn>[0]) =>
      shape((await (await world.signIn(user)).request<any>(file, { id: world.person.globalId })).data);
    const encounters = (
      await world.pool.query("SELECT count(*)::int AS n FROM encounters WHERE person_id = $1", [
        world.person.id,
      ])
    ).rows[0].n;
    const everything = { legalName: true, encounters, notes: true, accompaniments: 1 };
    expect(await as(world.owner.users.worker)).toEqual(everything);
    expect(await as(world.owner.users.coordinator)).toEqual(everything);
    // The nurse of the owning organisation: the profile, not the encounters or accompaniments.
    const profileOnly = { legalName: false, encounters: 0, notes: false, accompaniments: 0 };
    expect(await as(world.owner.users.nurse)).toEqual(profileOnly);
    expect(await as(world.owner.users.admin)).toBeNull();
    // A partner with a consent for the profile and accompaniments: those, without notes.
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
       VALUES ($1, $2, $3, '{PROFILE,ACCOMPANIMENTS}', $4)`,
      [world.owner.id, world.person.id, world.partner.id, world.owner.users.worker.id],
    );
    expect(await as(world.partner.users.worker)).toEqual({ ...profileOnly, accompaniments: 1 });
    expect(await as(world.unrelated.users.coordinator)).toBeNull();
  });
});
