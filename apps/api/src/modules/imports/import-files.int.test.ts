// Bad files and the wrong callers (issue 16 "Done when"): an empty file, another encoding, 50 MB,
// formulas, a column of the wrong type, 100,000 rows, not a spreadsheet, no or duplicated
// headers, a zip bomb — each refused with a clear message in the caller's language, and nothing
// written. Only the acting organisation's coordinators upload, preview, dry-run and commit; a
// partner never reads another organisation's uploaded files (RLS).
import { queryAsViewer } from "@maillage/db/factories";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { importedCounts, previewImport, runImport, uploadImportFile } from "../../testing/import-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();
let coordinator: TestClient;
let bomb: Uint8Array;

beforeAll(async () => {
  // Made before any request: compressing takes seconds, and a keep-alive connection left idle
  // that long is closed by the server under the next request.
  const zeros = new Uint8Array(220 * 1024 * 1024);
  bomb = zipSync(
    {
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8(
        '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": zeros,
    },
    { level: 6 },
  );
  coordinator = await world.signIn(world.owner.users.coordinator);
});

const upload = (body: Buffer | string, name?: string, language?: string) =>
  uploadImportFile(world.server.url, coordinator, body, name, language ? { language } : {});

async function storedFiles(organisationId: string): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM import_files WHERE organisation_id = $1",
    [organisationId],
  );
  return rows[0]?.n ?? 0;
}

async function xlsx(rows: unknown[][], formulas: { cell: string; formula: string; result: unknown }[] = []) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Feuille");
  for (const row of rows) sheet.addRow(row);
  for (const { cell, formula, result } of formulas) sheet.getCell(cell).value = { formula, result } as never;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("a bad file", () => {
  it("is refused whole with its reason, in the caller's language, and nothing is kept", async () => {
    const cases: { name: string; body: Buffer | string; reason: string; message: RegExp }[] = [
      { name: "vide.csv", body: "", reason: "EMPTY", message: /Le fichier est vide/ },
      { name: "blancs.csv", body: "\uFEFF\r\n \r\n", reason: "EMPTY", message: /vide/ },
      {
        name: "windows.csv",
        body: Buffer.from("Pseudonyme;Genre\r\nHélène;Femme\r\n", "latin1"),
        reason: "NOT_UTF8",
        message: /CSV UTF-8/,
      },
      {
        name: "unicode.txt",
        body: Buffer.from("\ufeffPseudonyme\tGenre\r\n", "utf16le"),
        reason: "NOT_UTF8",
        message: /UTF-8/,
      },
      {
        name: "rapport.pdf",
        body: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1"),
        reason: "NOT_CSV_OR_XLSX",
        message: /ni un CSV ni un classeur/,
      },
      {
        name: "ancien.xls",
        body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        reason: "NOT_CSV_OR_XLSX",
        message: /\.xls ancien/,
      },
      {
        name: "archive.zip",
        body: Buffer.from(zipSync({ "notes.txt": strToU8("bonjour") })),
        reason: "NOT_CSV_OR_XLSX",
        message: /ni un CSV/,
      },
      {
        name: "sans-entete.csv",
        body: "2018-05-01;12;3\n2018-05-02;4;5\n",
        reason: "NO_HEADER",
        message: /première ligne doit porter les noms des colonnes/,
      },
      {
        name: "doublons.csv",
        body: "Date;date;Canal\n2018-05-01;x;Téléphone\n",
        reason: "DUPLICATE_HEADERS",
        message: /même nom \(date\)/,
      },
      {
        name: "entete.csv",
        body: "Date;Canal;Type de lieu\n",
        reason: "NO_DATA_ROWS",
        message: /qu'une ligne d'en-tête/,
      },
    ];
    const before = await importedCounts(world.pool, world.owner.id);
    for (const { name, body, reason, message } of cases) {
      const answer = await upload(body, name);
      expect(answer.status, name).toBe(422);
      expect(answer.body.error, name).toMatchObject({ code: "IMPORT_FILE_REFUSED", reason });
      expect(answer.body.error?.message, name).toMatch(message);
    }
    const english = await upload(Buffer.from("Alias\r\nHélène\r\n", "latin1"), "windows.csv", "en-CA");
    expect(english.body.error?.message).toMatch(/not encoded in UTF-8.*'CSV UTF-8 \(Comma delimited\)'/);
    expect(await storedFiles(world.owner.id)).toBe(0);
    expect(await importedCounts(world.pool, world.owner.id)).toEqual(before);
  });

  it("of 50 MB is refused while it is received (413), whether its length is declared or not", async () => {
    const fifty = Buffer.alloc(50 * 1024 * 1024, "a");
    const declared = await upload(fifty, "gros.csv");
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ reason: "TOO_LARGE" });
    expect(declared.body.error?.message).toMatch(/dépasse 10 Mo/);

    // Sent in chunks without a length: refused once 10 MB have come; the rest is read and dropped.
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, "b");
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${world.server.url}/imports/files?name=flux.csv`, {
      method: "POST",
      headers: { cookie: coordinator.cookie ?? "", "x-csrf-token": coordinator.csrfToken ?? "" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe("TOO_LARGE");
    expect(await storedFiles(world.owner.id)).toBe(0);
  });

  it("of 100,000 rows is refused above the 20,000-row limit, as CSV and as XLSX", async () => {
    // Built first: a request after a long pause may meet a keep-alive connection being closed.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Feuille");
    sheet.addRow(["Date", "Canal", "Type de lieu"]);
    for (let i = 0; i < 100_000; i += 1) sheet.addRow(["2018-05-01", "Téléphone", "Bureau"]);
    const bigXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const lines = ["Date,Canal,Type de lieu"];
    for (let i = 0; i < 100_000; i += 1) lines.push("2018-05-01,Téléphone,Bureau");
    const csv = await upload(lines.join("\n"), "cent-mille.csv");
    expect(csv.status).toBe(422);
    expect(csv.body.error).toMatchObject({ reason: "TOO_MANY_ROWS" });
    expect(csv.body.error?.message).toMatch(/plus de 20\s000 lignes/);

    const big = await upload(bigXlsx, "cent-mille.xlsx");
    expect(big.status).toBe(422);
    expect(big.body.error).toMatchObject({ reason: "TOO_MANY_ROWS" });
    // 20,000 rows pass.
    const atLimit = await upload(lines.slice(0, 20_001).join("\n"), "vingt-mille.csv");
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.rows).toBe(20_000);
  }, 120_000);

  it("that is a zip bomb is refused before it is expanded", async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const answer = await upload(Buffer.from(bomb), "bombe.xlsx");
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ reason: "TOO_LARGE" });
  }, 60_000);

  it("with formulas or a column of the wrong type lists each cell in the dry run and writes nothing", async () => {
    const file = await xlsx(
      [
        ["Date", "Type", "Sujet", "Public", "Lieu", "Participants", "Demandé par"],
        ["2018-10-03", "Atelier", "Santé sexuelle", "Adultes", "École", "beaucoup", "École"],
        ["2018-10-04", "Atelier", "Santé sexuelle", "Adultes", "École", 12.5, "École"],
        ["2018-10-05", "Atelier", "Santé sexuelle", "Adultes", "École", null, "École"],
        ["2018-10-06", "Atelier", "Santé sexuelle", "Adultes", "École", 30, "École"],
      ],
      [
        { cell: "F4", formula: "SUM(F2:F3)", result: 12 },
        { cell: "E5", formula: "A1", result: "Date" },
      ],
    );
    const before = await importedCounts(world.pool, world.owner.id);
    const uploaded = await upload(file, "ateliers.xlsx");
    expect(uploaded.status).toBe(201);
    const preview = await previewImport(coordinator, uploaded.body.fileId ?? "", "WORKSHOPS");
    const mapping = preview.preview.suggestedMapping;
    const dryRun = await runImport(
      coordinator,
      "dryRunImport",
      uploaded.body.fileId ?? "",
      "WORKSHOPS",
      mapping,
    );
    expect(dryRun.report?.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, "Participants", "NOT_A_WHOLE_NUMBER"],
      [3, "Participants", "NOT_A_WHOLE_NUMBER"],
      [4, "Participants", "FORMULA"],
      [5, "Lieu", "FORMULA"],
    ]);
    expect(dryRun.report?.problems[2]?.message).toMatch(/Collage spécial > Valeurs/);
    const commit = await runImport(
      coordinator,
      "commitImport",
      uploaded.body.fileId ?? "",
      "WORKSHOPS",
      mapping,
    );
    expect(commit.__typename).toBe("ImportHasProblemsError");

    // A CSV cell that starts with "=" is a formula too (what a spreadsheet would run).
    const csv = await upload(
      "Date,Canal,Type de lieu,Note\n2018-05-01,Téléphone,Bureau,\"=cmd|'/c calc'!A1\"\n",
      "f.csv",
    );
    const csvPreview = await previewImport(coordinator, csv.body.fileId ?? "", "ENCOUNTERS");
    const csvRun = await runImport(
      coordinator,
      "commitImport",
      csv.body.fileId ?? "",
      "ENCOUNTERS",
      csvPreview.preview.suggestedMapping,
    );
    expect(csvRun.report?.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, "Note", "FORMULA"]]);
    expect(await importedCounts(world.pool, world.owner.id)).toEqual(before);
  });

  it("older than 24 hours is refused, and erased at the next upload", async () => {
    const uploaded = await upload("Pseudonyme\nVieille\n", "vieux.csv");
    const fileId = uploaded.body.fileId ?? "";
    await world.pool.query("UPDATE import_files SET created_at = now() - interval '25 hours' WHERE id = $1", [
      fileId,
    ]);
    const preview = await previewImport(coordinator, fileId, "PERSONS");
    expect(preview).toMatchObject({ __typename: "ImportFileError", reason: "EXPIRED" });
    expect(preview.message).toMatch(/effacés après 24 heures/);
    const next = await upload("Pseudonyme\nNouvelle\n", "neuf.csv");
    expect(next.status).toBe(201);
    const { rows } = await world.pool.query("SELECT id FROM import_files WHERE organisation_id = $1", [
      world.owner.id,
    ]);
    expect(rows.map((row) => row.id)).toContain(next.body.fileId);
    expect(rows.map((row) => row.id)).not.toContain(fileId);
    await world.pool.query("DELETE FROM import_files WHERE organisation_id = $1", [world.owner.id]);
  });
});

describe("who may import", () => {
  it("only the acting organisation's coordinators; anyone else is refused and nothing is written", async () => {
    const good = "Référence,Pseudonyme\nA-1,Autorisée\n";
    const uploaded = await upload(good, "personnes.csv");
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.fileId ?? "";
    const mapping = [
      { field: "reference", column: "Référence" },
      { field: "alias", column: "Pseudonyme" },
    ];
    const before = await importedCounts(world.pool, world.owner.id);
    const others = [
      world.owner.users.worker,
      world.owner.users.nurse,
      world.owner.users.admin,
      world.partner.users.coordinator,
      world.unrelated.users.coordinator,
    ];
    for (const user of others) {
      const client = await world.signIn(user);
      const upAnswer = await uploadImportFile(world.server.url, client, good, "personnes.csv");
      expect(upAnswer.status, user.email).toBe(
        user === world.partner.users.coordinator || user === world.unrelated.users.coordinator ? 201 : 404,
      );
      const preview = await previewImport(client, fileId, "PERSONS");
      const dryRun = await runImport(client, "dryRunImport", fileId, "PERSONS", mapping);
      const commit = await runImport(client, "commitImport", fileId, "PERSONS", mapping);
      if (user === world.partner.users.coordinator || user === world.unrelated.users.coordinator) {
        // Another organisation's coordinator: its own file is hers, the owner's is not found.
        for (const answer of [preview, dryRun, commit])
          expect(answer).toMatchObject({ __typename: "ImportFileError", reason: "EXPIRED" });
      } else {
        // A refused scope is answered as not found, like a record one may not see.
        for (const answer of [preview, dryRun, commit])
          expect(answer, user.email).toMatchObject({ code: "NOT_FOUND" });
      }
    }
    // Signed out, or without the CSRF token.
    const signedOut = new TestClient(world.server.url);
    expect((await uploadImportFile(world.server.url, signedOut, good)).status).toBe(401);
    expect(
      (await uploadImportFile(world.server.url, coordinator, good, "x.csv", { csrf: false })).status,
    ).toBe(403);
    const anonymous = await signedOut.request<any>(
      `mutation { commitImport(input: { fileId: "${fileId}", shape: PERSONS, mapping: [] }) { __typename } }`,
    );
    expect(anonymous.data?.commitImport?.__typename ?? anonymous.errors?.[0]?.extensions?.code).toMatch(
      /NOT_FOUND|UNAUTHENTICATED/,
    );
    expect(await importedCounts(world.pool, world.owner.id)).toEqual(before);
    // The owner's file is still there for its coordinator.
    expect((await previewImport(coordinator, fileId, "PERSONS")).__typename).toBe("ImportPreviewSuccess");
  });

  it("a partner's coordinator reads none of the organisation's import files, imports or keys in SQL (RLS)", async () => {
    const uploaded = await upload("Pseudonyme\nVisible\n", "rls.csv");
    expect(uploaded.status).toBe(201);
    const asOwner = {
      userId: world.owner.users.coordinator.id,
      organisationId: world.owner.id,
      roles: ["COORDINATOR" as const],
    };
    const asPartner = {
      userId: world.partner.users.coordinator.id,
      organisationId: world.partner.id,
      roles: ["COORDINATOR" as const],
    };
    const asWorker = {
      userId: world.owner.users.worker.id,
      organisationId: world.owner.id,
      roles: ["OUTREACH_WORKER" as const],
    };
    const sql = "SELECT count(*)::int AS n FROM import_files WHERE organisation_id = $1";
    const count = async (viewer: typeof asOwner | typeof asPartner | typeof asWorker, query = sql) =>
      (await queryAsViewer<{ n: number }>(world.pool, viewer, query, [world.owner.id]))[0]?.n;
    expect(await count(asOwner)).toBeGreaterThan(0);
    expect(await count(asPartner)).toBe(0);
    expect(await count(asWorker)).toBe(0);
    // Nor may she write one for the owner.
    await expect(
      queryAsViewer(
        world.pool,
        asPartner,
        "INSERT INTO import_files (organisation_id, uploaded_by_id, name, byte_size, bytes) VALUES ($1, $2, 'x', 1, 'x')",
        [world.owner.id, world.partner.users.coordinator.id],
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
