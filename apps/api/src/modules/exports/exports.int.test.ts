// POST /exports (issue 16 item 4): a coordinator downloads her organisation's own records as CSV
// or XLSX — never a partner's, even those a consent lets her read — audited; nobody else may;
// text a spreadsheet would run as a formula is neutralised.
import { createEncounter, createOrganisation, createPerson, createUser } from "@maillage/db/factories";
import { shapeHeaders } from "@maillage/domain/record-shapes";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { exportPageSize } from "./export-rows.ts";

const world = usePartnershipWorld();

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

async function exportOf(
  client: TestClient | null,
  query: string,
  options: { csrf?: boolean; method?: string; language?: string } = {},
): Promise<Download> {
  const headers: Record<string, string> = { "accept-language": options.language ?? "fr-CA" };
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrfToken && options.csrf !== false) headers["x-csrf-token"] = client.csrfToken;
  const response = await fetch(`${world.server.url}/exports?${query}`, {
    method: options.method ?? "POST",
    headers,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** A CSV export's lines, split into cells (the values used here hold no comma, quote or line break). */
function csvRows(body: Buffer): string[][] {
  return body
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split(","));
}

async function xlsxRows(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  return rows;
}

/** Sends a file to the import (POST /imports/files) as the browser does: its id. */
async function upload(client: TestClient, name: string, body: Buffer): Promise<string> {
  const response = await fetch(`${world.server.url}/imports/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: {
      cookie: client.cookie ?? "",
      "x-csrf-token": client.csrfToken ?? "",
      "accept-language": "fr-CA",
    },
    body: new Uint8Array(body),
  });
  const answer = (await response.json()) as { fileId?: string };
  if (!answer.fileId) throw new Error(`Upload refused: ${JSON.stringify(answer)}`);
  return answer.fileId;
}

const previewQuery = `query ($fileId: ID!, $shape: RecordShape!) {
  importPreview(fileId: $fileId, shape: $shape) {
    __typename
    ... on ImportPreviewSuccess { preview { rowCount suggestedMapping { field column } } }
    ... on AppError { code message }
  }
}`;
const reportFields =
  "rows toCreate alreadyImported created problems { line column value code message } moreProblems";
const dryRun = `mutation ($input: ImportInput!) {
  dryRunImport(input: $input) {
    __typename
    ... on DryRunImportSuccess { report { ${reportFields} } }
    ... on AppError { code message }
  }
}`;
const commit = `mutation ($input: ImportInput!) {
  commitImport(input: $input) {
    __typename
    ... on CommitImportSuccess { report { ${reportFields} } }
    ... on AppError { code message }
  }
}`;

const shapes = ["PERSONS", "ENCOUNTERS", "VENUES", "MATERIAL_RECEIPTS", "WORKSHOPS"] as const;

const errorCode = (download: Download) =>
  (JSON.parse(download.body.toString("utf8")) as { error: { code: string } }).error.code;

describe("exports", () => {
  it("hold the coordinator's organisation's records, not a partner's shared with it", async () => {
    // A partner's person, shared with the owner by consent: the owner's coordinator reads her file.
    const theirs = await createPerson(world.pool, {
      organisationId: world.partner.id,
      alias: "Personne du partenaire",
    });
    await createEncounter(world.pool, {
      organisationId: world.partner.id,
      authorId: world.partner.users.worker.id,
      personId: theirs.id,
    });
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
       VALUES ($1, $2, $3, '{PROFILE,ENCOUNTERS_SUMMARY}', $4)`,
      [world.partner.id, theirs.id, world.owner.id, world.partner.users.worker.id],
    );
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const shared = await coordinator.request<any>(`{ persons(first: 50) { edges { node { alias } } } }`);
    expect(shared.data?.persons.edges.map((edge: any) => edge.node.alias)).toContain(
      "Personne du partenaire",
    );

    const persons = await exportOf(coordinator, "shape=PERSONS&format=csv");
    expect(persons.status).toBe(200);
    expect(persons.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(persons.headers.get("content-disposition")).toMatch(
      /^attachment; filename="maillage-persons-.*\.csv"$/,
    );
    expect(persons.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csvRows(persons.body);
    expect(rows[0]).toEqual(shapeHeaders("PERSONS", "fr"));
    const aliases = rows.slice(1).map((row) => row[1]);
    expect(aliases).toContain("Éloïse");
    expect(aliases).not.toContain("Personne du partenaire");
    const eloise = rows.find((row) => row[1] === "Éloïse");
    // Reference (her id: she came from no import), alias, birth year, gender, languages, yes/no…
    expect(eloise).toEqual([world.person.id, "Éloïse", "1995", "Femme", "fr", "non", "non", "", "non"]);

    const { rows: ownEncounters } = await world.pool.query<{ id: string }>(
      "SELECT id FROM encounters WHERE organisation_id = $1",
      [world.owner.id],
    );
    const encounters = csvRows((await exportOf(coordinator, "shape=ENCOUNTERS&format=csv")).body);
    expect(
      encounters
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(ownEncounters.map((row) => row.id).sort());
    // The encounter's person is named by her reference, its note is the organisation's.
    const first = encounters[1] ?? [];
    expect(first[shapeHeaders("ENCOUNTERS", "fr").indexOf("Personne")]).toBe(world.person.id);
    expect(first).toContain("Note interne");
    expect(first).toContain("Sexualité");
  });

  it("write every shape in the caller's language, as XLSX too", async () => {
    await world.pool.query(
      `INSERT INTO encounter_materials (encounter_id, organisation_id, item, quantity)
       VALUES ($1, $2, 'CONDOMS', 12), ($1, $2, 'LUBRICANT', 3) ON CONFLICT DO NOTHING`,
      [world.encounterId, world.owner.id],
    );
    await world.pool.query(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days, confidential)
       VALUES ($1, 'Parc Lafontaine', 'PARK', 14, true)`,
      [world.owner.id],
    );
    await world.pool.query(
      `INSERT INTO material_receipts (organisation_id, item, quantity, source, received_at, recorded_by_id)
       VALUES ($1, 'CONDOMS', 500, 'DONATION', '2018-04-02T16:00:00Z', $2)`,
      [world.owner.id, world.owner.users.coordinator.id],
    );
    await world.pool.query(
      `INSERT INTO workshops (organisation_id, kind, topic, audience, place, held_on, participants, requested_by, facilitator_ids, recorded_by_id)
       VALUES ($1, 'KIOSK', 'SEXUAL_HEALTH', 'GENERAL_PUBLIC', 'Festival', '2018-10-03', 140, 'Comité', ARRAY[$2]::uuid[], $2)`,
      [world.owner.id, world.owner.users.worker.id],
    );
    const coordinator = await world.signIn(world.owner.users.coordinator);

    const encounters = await exportOf(coordinator, "shape=ENCOUNTERS&format=xlsx", { language: "en-CA" });
    expect(encounters.status).toBe(200);
    expect(encounters.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const [header, ...rows] = await xlsxRows(encounters.body);
    const headers = shapeHeaders("ENCOUNTERS", "en");
    expect(header?.values).toEqual([undefined, ...headers]);
    const row = rows.find((candidate) => candidate.getCell(1).value === world.encounterId);
    const cell = (name: string) => row?.getCell(headers.indexOf(name) + 1).value;
    expect(cell("Channel")).toBe("In person");
    expect(cell("Place type")).toBe("Workplace");
    expect(cell("Themes")).toBe("Sexuality");
    expect(cell("Material handed out")).toBe("CONDOMS:12; LUBRICANT:3");
    expect(cell("Head count")).toBe(1);
    expect(cell("Date")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cell("Time")).toMatch(/^\d{2}:\d{2}$/);

    const venues = csvRows(
      (await exportOf(coordinator, "shape=VENUES&format=csv", { language: "en-CA" })).body,
    );
    expect(venues[0]).toEqual(shapeHeaders("VENUES", "en"));
    expect(venues.find((venue) => venue[1] === "Parc Lafontaine")?.slice(1)).toEqual([
      "Parc Lafontaine",
      "Park",
      "14",
      "yes",
      "",
      "",
    ]);
    // Received at noon in Toronto: the day is the organisation's.
    const receipts = csvRows((await exportOf(coordinator, "shape=MATERIAL_RECEIPTS&format=csv")).body);
    expect(receipts[0]).toEqual(shapeHeaders("MATERIAL_RECEIPTS", "fr"));
    expect(receipts.slice(1).map((receipt) => receipt.slice(1))).toEqual([
      ["CONDOMS", "500", "2018-04-02", "Don"],
    ]);
    const workshops = csvRows((await exportOf(coordinator, "shape=WORKSHOPS&format=csv")).body);
    expect(workshops[0]).toEqual(shapeHeaders("WORKSHOPS", "fr"));
    expect(workshops.slice(1).map((workshop) => workshop.slice(1))).toEqual([
      [
        "2018-10-03",
        "Kiosque de prévention",
        "Santé sexuelle",
        "Grand public",
        "Festival",
        "140",
        "",
        "Comité",
        world.owner.users.worker.email,
        "",
      ],
    ]);
  });

  it("are audited with their shape, format and row count", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const download = await exportOf(coordinator, "shape=PERSONS&format=xlsx");
    expect(download.status).toBe(200);
    const exported = (await xlsxRows(download.body)).length - 1;
    const { rows } = await world.pool.query(
      `SELECT user_id, organisation_id, record_kind, record_id, details FROM audit_events
        WHERE action = 'EXPORT_DOWNLOADED' AND user_id = $1
          AND details->>'format' = 'xlsx' AND details->>'shape' = 'PERSONS'`,
      [world.owner.users.coordinator.id],
    );
    expect(rows).toEqual([
      {
        user_id: world.owner.users.coordinator.id,
        organisation_id: world.owner.id,
        record_kind: "ORGANISATION",
        record_id: world.owner.id,
        details: { shape: "PERSONS", format: "xlsx", rows: exported },
      },
    ]);
  });

  it("neutralise text a spreadsheet would run as a formula", async () => {
    const formula = '=HYPERLINK("http://example.test";"x")';
    await createPerson(world.pool, { organisationId: world.owner.id, alias: formula });
    await createPerson(world.pool, { organisationId: world.owner.id, alias: "+1 514" });
    await createPerson(world.pool, { organisationId: world.owner.id, alias: "@SUM(A1)" });
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const text = (await exportOf(coordinator, "shape=PERSONS&format=csv")).body.toString("utf8");
    expect(text).toContain(`"'=HYPERLINK(""http://example.test"";""x"")"`);
    expect(text).toContain(",'+1 514,");
    expect(text).toContain(",'@SUM(A1),");
    expect(text).not.toMatch(/(^|[\r\n,])[=+@]/);

    const rows = await xlsxRows((await exportOf(coordinator, "shape=PERSONS&format=xlsx")).body);
    const aliases = rows.map((row) => row.getCell(2));
    const cell = aliases.find((alias) => String(alias.value).includes("HYPERLINK"));
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe(`'${formula}`);
    expect(aliases.every((alias) => alias.type !== ExcelJS.ValueType.Formula)).toBe(true);
  });

  it("re-import into the same organisation adding nothing, every value read back without a problem", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    for (const shape of shapes) {
      for (const [format, language] of [
        ["csv", "fr-CA"],
        ["xlsx", "en-CA"],
      ] as const) {
        const file = await exportOf(coordinator, `shape=${shape}&format=${format}`, { language });
        expect(file.status).toBe(200);
        const fileId = await upload(coordinator, `export.${format}`, file.body);
        const preview = (await coordinator.request<any>(previewQuery, { fileId, shape })).data?.importPreview;
        expect([shape, format, preview.__typename]).toEqual([shape, format, "ImportPreviewSuccess"]);
        const { rowCount, suggestedMapping } = preview.preview;
        expect(rowCount).toBeGreaterThan(0);
        // Every column of the export is recognised by its header.
        expect(suggestedMapping.map((entry: { column: string }) => entry.column).sort()).toEqual(
          shapeHeaders(shape, language === "fr-CA" ? "fr" : "en").sort(),
        );
        const input = { fileId, shape, mapping: suggestedMapping };
        const checked = (await coordinator.request<any>(dryRun, { input })).data?.dryRunImport.report;
        expect([shape, format, checked]).toEqual([
          shape,
          format,
          expect.objectContaining({ rows: rowCount, toCreate: 0, alreadyImported: rowCount, problems: [] }),
        ]);
        // Read without its references, every row is checked as a new one: no value is refused.
        const unkeyed = suggestedMapping.filter((entry: { field: string }) => entry.field !== "reference");
        const asNew = (await coordinator.request<any>(dryRun, { input: { ...input, mapping: unkeyed } })).data
          ?.dryRunImport.report;
        expect([shape, format, asNew.problems, asNew.toCreate]).toEqual([shape, format, [], rowCount]);
        const committed = (await coordinator.request<any>(commit, { input })).data?.commitImport;
        expect([shape, format, committed.report?.created, committed.report?.alreadyImported]).toEqual([
          shape,
          format,
          0,
          rowCount,
        ]);
      }
    }
  });

  it("write back the reference a record was imported under, so its second import adds nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const csv = Buffer.from(
      "\uFEFFRéférence,Nom,Type de milieu\r\nV-001,Bar Le Rendez-vous,Bar\r\n,Parc des Faubourgs,Parc\r\n",
    );
    const fileId = await upload(coordinator, "milieux.csv", csv);
    const preview = (await coordinator.request<any>(previewQuery, { fileId, shape: "VENUES" })).data
      ?.importPreview;
    const input = { fileId, shape: "VENUES", mapping: preview.preview.suggestedMapping };
    const committed = (await coordinator.request<any>(commit, { input })).data?.commitImport;
    expect(committed.report).toMatchObject({ created: 2, problems: [] });

    const venues = csvRows((await exportOf(coordinator, "shape=VENUES&format=csv")).body);
    const bar = venues.find((venue) => venue[1] === "Bar Le Rendez-vous");
    const park = venues.find((venue) => venue[1] === "Parc des Faubourgs");
    expect(bar?.[0]).toBe("V-001");
    // Imported without a reference: keyed by its values, and written back under that key.
    expect(park?.[0]).toMatch(/\S/);
    const { rows } = await world.pool.query<{ source_ref: string }>(
      "SELECT source_ref FROM imported_records WHERE organisation_id = $1 AND shape = 'VENUES' ORDER BY source_ref",
      [world.owner.id],
    );
    expect(rows.map((row) => row.source_ref).sort()).toEqual([bar?.[0], park?.[0]].sort());
  });

  it("page through a large organisation's records, each once", async () => {
    const large = await createOrganisation(world.pool, { name: "Grand organisme" });
    const lead = await createUser(world.pool, {
      memberships: [{ organisationId: large.id, roles: ["COORDINATOR"] }],
    });
    const count = exportPageSize * 2 + 17;
    await world.pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes, anonymous_gender, head_count)
       SELECT $1, $2, now() - make_interval(mins => n), 'IN_PERSON', 'PUBLIC_PLACE', '{HOUSING}', 'MAN', 1 + n % 3
         FROM generate_series(1, $3) AS n`,
      [large.id, lead.id, count],
    );
    const coordinator = await TestClient.signedIn(world.server.url, lead);
    for (const format of ["csv", "xlsx"] as const) {
      const file = await exportOf(coordinator, `shape=ENCOUNTERS&format=${format}`);
      const ids =
        format === "csv"
          ? csvRows(file.body)
              .slice(1)
              .map((row) => row[0])
          : (await xlsxRows(file.body)).slice(1).map((row) => String(row.getCell(1).value));
      expect([format, ids.length, new Set(ids).size]).toEqual([format, count, count]);
    }
  });

  it("are refused to everyone but the organisation's coordinators, writing nothing", async () => {
    const seat = await createUser(world.pool, { committeePartnershipIds: [world.partnershipId] });
    const refused = [
      { user: world.owner.users.worker, status: 404, code: "NOT_FOUND" },
      { user: world.owner.users.nurse, status: 404, code: "NOT_FOUND" },
      { user: world.owner.users.admin, status: 404, code: "NOT_FOUND" },
      { user: seat, status: 404, code: "NOT_FOUND" },
    ];
    for (const { user, status, code } of refused) {
      const download = await exportOf(await world.signIn(user), "shape=PERSONS&format=csv");
      expect([user.email, download.status, errorCode(download)]).toEqual([user.email, status, code]);
    }
    const signedOut = await exportOf(null, "shape=PERSONS&format=csv");
    expect([signedOut.status, errorCode(signedOut)]).toEqual([401, "UNAUTHENTICATED"]);
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const noToken = await exportOf(coordinator, "shape=PERSONS&format=csv", { csrf: false });
    expect([noToken.status, errorCode(noToken)]).toEqual([403, "CSRF"]);
    const crossSite = await fetch(`${world.server.url}/exports?shape=PERSONS&format=csv`, {
      method: "POST",
      headers: {
        origin: "https://elsewhere.example",
        cookie: coordinator.cookie ?? "",
        "x-csrf-token": coordinator.csrfToken ?? "",
      },
    });
    expect(crossSite.status).toBe(403);
    const asLink = await exportOf(coordinator, "shape=PERSONS&format=csv", { method: "GET" });
    expect(asLink.status).toBe(405);
    const badShape = await exportOf(coordinator, "shape=CONSENTS&format=csv", { language: "en-CA" });
    expect([badShape.status, errorCode(badShape)]).toEqual([400, "INPUT_VALIDATION"]);

    // Another organisation's coordinator exports her own: none of the owner's rows.
    const other = await exportOf(
      await world.signIn(world.unrelated.users.coordinator),
      "shape=PERSONS&format=csv",
    );
    expect(other.status).toBe(200);
    expect(other.body.toString("utf8")).not.toContain("Éloïse");
    expect(csvRows(other.body)).toHaveLength(1);

    const { rows } = await world.pool.query(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE action = 'EXPORT_DOWNLOADED' AND user_id = ANY($1::uuid[])`,
      [[...refused.map(({ user }) => user.id)]],
    );
    expect(rows[0].n).toBe(0);
  });
});
