// Importing a programme's history from spreadsheets (issue 16 item 3), through the real HTTP API
// on the real database: a good file of each shape imports and a second import adds nothing;
// imported encounters count in the dashboard and the stock like any other; a file with planted
// errors lists every bad row and writes nothing; the templates re-import.
import { shapeHeaders } from "@maillage/domain/record-shapes";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import {
  importedCounts,
  importWholeFile,
  type Mapping,
  previewImport,
  runImport,
  uploadImportFile,
} from "../../testing/import-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { figure, readOrganisation } from "../../testing/published-indicators.ts";

const world = usePartnershipWorld();
let coordinator: TestClient;

beforeAll(async () => {
  coordinator = await world.signIn(world.owner.users.coordinator);
});

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Feuille");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (body: Buffer | string, name?: string) =>
  uploadImportFile(world.server.url, coordinator, body, name);

describe("importing a good file", () => {
  it("creates the persons of a French CSV (semicolons, BOM), and a second import adds none", async () => {
    const csv = [
      "\uFEFFRéférence;Pseudonyme;Année de naissance;Genre;Langues;Texto permis;Suivi régulier",
      'P-001;Nadia B.;1990;Femme;"fr; es";oui;non',
      "P-002;Maude;;femme trans;en;NON;x",
      "P-003;Jo;1985;NON_BINARY;;;",
    ].join("\r\n");
    const before = await importedCounts(world.pool, world.owner.id);
    const first = await importWholeFile(world.server.url, coordinator, "PERSONS", csv, "personnes.csv");
    expect(first.mapping).toHaveLength(7);
    expect(first.dryRun).toMatchObject({
      rows: 3,
      toCreate: 3,
      alreadyImported: 0,
      created: 0,
      problems: [],
    });
    expect(first.commit).toMatchObject({ rows: 3, created: 3, fileName: "personnes.csv" });
    const after = await importedCounts(world.pool, world.owner.id);
    expect(after.persons - before.persons).toBe(3);
    expect(after.imported_records - before.imported_records).toBe(3);
    expect(after.importAudits - before.importAudits).toBe(1);
    const { rows } = await world.pool.query(
      `SELECT p.alias, p.alias_search, p.birth_year, p.gender, p.languages, p.may_text, p.in_regular_follow_up,
              p.created_by_id
         FROM imported_records r JOIN persons p ON p.id = r.record_id
        WHERE r.organisation_id = $1 AND r.shape = 'PERSONS' AND r.source_ref LIKE 'P-00%' ORDER BY r.source_ref`,
      [world.owner.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        alias: "Nadia B.",
        alias_search: "nadia b.",
        birth_year: 1990,
        gender: "WOMAN",
        languages: ["fr", "es"],
        may_text: true,
      }),
      expect.objectContaining({
        alias: "Maude",
        birth_year: null,
        gender: "TRANS_WOMAN",
        may_text: false,
        in_regular_follow_up: true,
      }),
      expect.objectContaining({
        alias: "Jo",
        gender: "NON_BINARY",
        languages: [],
        created_by_id: world.owner.users.coordinator.id,
      }),
    ]);
    const [audit] = (
      await world.pool.query(
        "SELECT user_id, record_kind, details FROM audit_events WHERE organisation_id = $1 AND action = 'IMPORT_COMMITTED' ORDER BY id DESC LIMIT 1",
        [world.owner.id],
      )
    ).rows;
    expect(audit).toMatchObject({
      user_id: world.owner.users.coordinator.id,
      record_kind: "ORGANISATION",
      details: { fileName: "personnes.csv", shape: "PERSONS", rows: 3, created: 3, alreadyImported: 0 },
    });
    // The file is erased once imported.
    const stored = await world.pool.query("SELECT 1 FROM import_files WHERE organisation_id = $1", [
      world.owner.id,
    ]);
    expect(stored.rowCount).toBe(0);

    const again = await importWholeFile(world.server.url, coordinator, "PERSONS", csv, "personnes.csv");
    expect(again.dryRun).toMatchObject({ rows: 3, toCreate: 0, alreadyImported: 3, problems: [] });
    expect(again.commit).toMatchObject({ created: 0, alreadyImported: 3 });
    const final = await importedCounts(world.pool, world.owner.id);
    expect(final.persons).toBe(after.persons);
    expect(final.imported_records).toBe(after.imported_records);
  });

  it("creates venues from an English XLSX, and identical rows without a reference once each", async () => {
    const file = await xlsx([
      ["Name", "Venue kind", "Visit every (days)", "Confidential", "Address"],
      ["Lafontaine Park", "Park", 14, "no", ""],
      ["Bar Le Stud", "BAR", "", "yes", "1234 rue Ontario"],
      ["Bar Le Stud", "BAR", "", "yes", "1234 rue Ontario"],
    ]);
    const before = await importedCounts(world.pool, world.owner.id);
    const first = await importWholeFile(world.server.url, coordinator, "VENUES", file, "venues.xlsx");
    expect(first.commit).toMatchObject({ rows: 3, created: 3, problems: [] });
    const again = await importWholeFile(world.server.url, coordinator, "VENUES", file, "venues.xlsx");
    expect(again.commit).toMatchObject({ created: 0, alreadyImported: 3 });
    const after = await importedCounts(world.pool, world.owner.id);
    expect(after.venues - before.venues).toBe(3);
    const { rows } = await world.pool.query(
      "SELECT name, kind, visit_cadence_days, confidential, address FROM venues WHERE organisation_id = $1 AND name = 'Lafontaine Park'",
      [world.owner.id],
    );
    expect(rows).toEqual([
      { name: "Lafontaine Park", kind: "PARK", visit_cadence_days: 14, confidential: false, address: null },
    ]);
  });

  it("creates a tally sheet's encounters, which count in the dashboard and the stock like any other", async () => {
    await importWholeFile(
      world.server.url,
      coordinator,
      "PERSONS",
      "reference,alias\nT-1,Tally Person\n",
      "p.csv",
    );
    await world.pool.query(
      `INSERT INTO material_stocks (organisation_id, item, counted_quantity, counted_at, low_threshold, counted_by_id)
       VALUES ($1, 'CONDOMS', 1000, '2018-01-01T00:00:00Z', 10, $2)
       ON CONFLICT (organisation_id, item) DO UPDATE SET counted_quantity = 1000, counted_at = '2018-01-01T00:00:00Z'`,
      [world.owner.id, world.owner.users.coordinator.id],
    );
    const stockQuery = `{ materialStock { item handedOutSince } }`;
    const totals = async () => {
      const indicators = await readOrganisation(coordinator, { fiscalYear: 2018 });
      return {
        encounters: figure(indicators, "encounters").value ?? 0,
        contacts: figure(indicators, "contacts").value ?? 0,
      };
    };
    const dashboardBefore = await totals();
    const stockBefore = (await coordinator.request<any>(stockQuery)).data.materialStock.find(
      (s: any) => s.item === "CONDOMS",
    );

    const file = await xlsx([
      [
        "Date",
        "Time",
        "Channel",
        "Place type",
        "Themes",
        "Material handed out",
        "Seringues",
        "Services",
        "Person",
        "Gender",
        "Age bracket",
        "Head count",
        "Venue",
        "Note",
      ],
      [
        new Date(Date.UTC(2018, 3, 15)),
        "14h30",
        "In person",
        "Public place",
        "Sexuality; Housing",
        "CONDOMS:12; Lubrifiant:3",
        5,
        "Repas",
        "T-1",
        "",
        "",
        "",
        "Lafontaine Park",
        "Premier contact",
      ],
      ["2018-06-02", "", "Téléphone", "Bureau", "", "", "", "", "", "Woman", "26–35", 1, "", ""],
      [
        "2018-11-20 21:15",
        "",
        "IN_PERSON",
        "Bar",
        "Consommation",
        "condoms=2",
        "",
        "",
        "",
        "Homme",
        "36 ans et plus",
        4,
        "",
        "",
      ],
    ]);
    const result = await importWholeFile(world.server.url, coordinator, "ENCOUNTERS", file, "tally.xlsx");
    // Every column found by its header, the item's column too.
    expect(result.mapping.map((m) => m.field).sort()).toEqual(
      [
        "ageBracket",
        "channel",
        "date",
        "gender",
        "headCount",
        "materials",
        "materials.SYRINGES",
        "note",
        "person",
        "placeType",
        "services",
        "themes",
        "time",
        "venue",
      ].sort(),
    );
    expect(result.commit).toMatchObject({ rows: 3, created: 3, problems: [] });
    const { rows } = await world.pool.query(
      `SELECT e.occurred_at, e.channel, e.place_type, e.themes::text[] AS themes, e.person_id IS NOT NULL AS with_person, e.head_count,
              e.anonymous_gender, e.anonymous_age_bracket, e.venue_id IS NOT NULL AS at_venue, e.author_id,
              (SELECT array_agg(m.item || ':' || m.quantity ORDER BY m.item) FROM encounter_materials m WHERE m.encounter_id = e.id) AS materials,
              (SELECT array_agg(s.service) FROM encounter_services s WHERE s.encounter_id = e.id) AS services,
              (SELECT n.body FROM encounter_notes n WHERE n.encounter_id = e.id) AS note
         FROM imported_records r JOIN encounters e ON e.id = r.record_id
        WHERE r.organisation_id = $1 AND r.shape = 'ENCOUNTERS' ORDER BY e.occurred_at`,
      [world.owner.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        // 14:30 in Montréal (EDT) on 15 April 2018.
        occurred_at: new Date("2018-04-15T18:30:00.000Z"),
        channel: "IN_PERSON",
        place_type: "PUBLIC_PLACE",
        themes: ["SEXUALITY", "HOUSING"],
        with_person: true,
        head_count: 1,
        anonymous_gender: null,
        at_venue: true,
        author_id: world.owner.users.coordinator.id,
        materials: ["CONDOMS:12", "LUBRICANT:3", "SYRINGES:5"],
        services: ["MEAL"],
        note: "Premier contact",
      }),
      expect.objectContaining({
        occurred_at: new Date("2018-06-02T16:00:00.000Z"),
        channel: "PHONE",
        anonymous_gender: "WOMAN",
        anonymous_age_bracket: "AGE_26_35",
        materials: null,
      }),
      expect.objectContaining({
        occurred_at: new Date("2018-11-21T02:15:00.000Z"),
        head_count: 4,
        anonymous_age_bracket: "AGE_36_PLUS",
        themes: ["SUBSTANCE_USE"],
        materials: ["CONDOMS:2"],
      }),
    ]);
    const dashboard = await totals();
    expect(dashboard.encounters - dashboardBefore.encounters).toBe(3);
    expect(dashboard.contacts - dashboardBefore.contacts).toBe(6);
    const stock = (await coordinator.request<any>(stockQuery)).data.materialStock.find(
      (s: any) => s.item === "CONDOMS",
    );
    expect(stock.handedOutSince - stockBefore.handedOutSince).toBe(14);

    const again = await importWholeFile(world.server.url, coordinator, "ENCOUNTERS", file, "tally.xlsx");
    expect(again.commit).toMatchObject({ created: 0, alreadyImported: 3 });
  });

  it("creates material received and workshops, by codes or labels in either language", async () => {
    const receipts = [
      "Item,Quantity,Received on,Source",
      "CONDOMS,500,2018-04-02,Public-health supply",
      "Lubrifiant,200,2018-05-10,don",
    ].join("\n");
    const r = await importWholeFile(world.server.url, coordinator, "MATERIAL_RECEIPTS", receipts, "recu.csv");
    expect(r.commit).toMatchObject({ created: 2, problems: [] });
    const { rows: received } = await world.pool.query(
      "SELECT item, quantity, source, received_at FROM material_receipts WHERE organisation_id = $1 AND received_at < '2019-01-01' ORDER BY received_at",
      [world.owner.id],
    );
    expect(received).toEqual([
      {
        item: "CONDOMS",
        quantity: 500,
        source: "PUBLIC_HEALTH_SUPPLY",
        received_at: new Date("2018-04-02T16:00:00Z"),
      },
      { item: "LUBRICANT", quantity: 200, source: "DONATION", received_at: new Date("2018-05-10T16:00:00Z") },
    ]);

    const workshops = [
      "Date\tType\tSujet\tPublic\tLieu\tParticipants\tDurée (minutes)\tDemandé par\tAnimé par\tNote",
      `2018-10-03\tAtelier\tSanté sexuelle\tJeunes du secondaire\tÉcole Jeanne-Mance\t28\t75\tÉcole Jeanne-Mance\t${world.owner.users.worker.email}\tBonne écoute`,
      "2018-11-14\tKIOSK\tHARM_REDUCTION\tGrand public\tFestival\t140\t\tComité du festival\t\t",
    ].join("\n");
    const w = await importWholeFile(world.server.url, coordinator, "WORKSHOPS", workshops, "ateliers.tsv");
    expect(w.commit).toMatchObject({ created: 2, problems: [] });
    const { rows: held } = await world.pool.query(
      `SELECT w.kind, w.topic, w.audience, w.participants, w.duration_minutes, w.facilitator_ids, n.body
         FROM workshops w LEFT JOIN workshop_notes n ON n.workshop_id = w.id
        WHERE w.organisation_id = $1 AND w.held_on < '2019-01-01' ORDER BY w.held_on`,
      [world.owner.id],
    );
    expect(held).toEqual([
      {
        kind: "WORKSHOP",
        topic: "SEXUAL_HEALTH",
        audience: "YOUTH_SECONDARY_SCHOOL",
        participants: 28,
        duration_minutes: 75,
        facilitator_ids: [world.owner.users.worker.id],
        body: "Bonne écoute",
      },
      {
        kind: "KIOSK",
        topic: "HARM_REDUCTION",
        audience: "GENERAL_PUBLIC",
        participants: 140,
        duration_minutes: null,
        facilitator_ids: [world.owner.users.coordinator.id],
        body: null,
      },
    ]);
  });

  it("offers French and English templates whose example row imports", async () => {
    for (const shape of ["PERSONS", "ENCOUNTERS", "VENUES", "MATERIAL_RECEIPTS", "WORKSHOPS"] as const) {
      for (const locale of ["fr", "en"] as const) {
        const csv = await fetch(`${world.server.url}/imports/templates/${shape}.${locale}.csv`);
        expect(csv.status).toBe(200);
        const text = (await csv.text()).replace(/^\uFEFF/, "");
        expect(text.split("\r\n")[0]).toBe(shapeHeaders(shape, locale).join(","));
        const xlsxTemplate = await fetch(`${world.server.url}/imports/templates/${shape}.${locale}.xlsx`);
        expect(xlsxTemplate.headers.get("content-type")).toContain("spreadsheetml");
        const body = Buffer.from(await xlsxTemplate.arrayBuffer());
        const uploaded = await upload(body, `modele.${locale}.xlsx`);
        expect(uploaded.status).toBe(201);
        const preview = await previewImport(coordinator, uploaded.body.fileId ?? "", shape);
        const mapping: Mapping[] = preview.preview.suggestedMapping;
        expect(mapping).toHaveLength(shapeHeaders(shape, locale).length);
        const dryRun = await runImport(
          coordinator,
          "dryRunImport",
          uploaded.body.fileId ?? "",
          shape,
          mapping,
        );
        expect(dryRun.report?.problems, `${shape} ${locale}`).toEqual([]);
        expect(dryRun.report?.rows).toBe(1);
      }
    }
    expect((await fetch(`${world.server.url}/imports/templates/NOTHING.fr.csv`)).status).toBe(404);
  });
});

describe("a file with planted errors", () => {
  it("lists every bad row with its line, column, value and rule, and writes nothing", async () => {
    await world.pool.query("UPDATE organisations SET started_on = '2015-04-01' WHERE id = $1", [
      world.owner.id,
    ]);
    await importWholeFile(
      world.server.url,
      coordinator,
      "PERSONS",
      "reference,alias\nE-1,Errante\n",
      "p.csv",
    );
    const lines = [
      "Référence,Date,Canal,Type de lieu,Thèmes,Matériel remis,Personne,Nombre de personnes,Note",
      "R-01,2018-05-01,Pigeon voyageur,Lieu public,,,,,", // 2: unknown vocabulary value
      "R-02,15/05/2018,En personne,Lieu public,,,,,", // 3: bad date
      "R-03,2014-06-01,En personne,Lieu public,,,,,", // 4: before the organisation's start
      "R-04,2099-01-01,En personne,Lieu public,,,,,", // 5: in the future
      "R-05,2018-05-01,En personne,Lieu public,,CONDOMS:-3,,,", // 6: negative quantity
      "R-06,2018-05-01,En personne,Lieu public,,CAVIAR:1,,,", // 7: unknown catalogue item
      `R-07,2018-05-01,En personne,Lieu public,,,,,${"x".repeat(4001)}`, // 8: too long text
      "R-08,2018-05-01,,Lieu public,,,,,", // 9: missing required
      "R-09,2018-05-01,En personne,Lieu public,,,,deux,", // 10: wrong type (number)
      "R-10,2018-05-01,En personne,Lieu public,,,Inconnue,,", // 11: unknown person
      "R-10,2018-05-02,En personne,Lieu public,,,,,", // 12: duplicate reference
      'R-12,2018-05-01,En personne,Lieu public,,,,,=HYPERLINK("http://x")', // 13: formula
      "R-13,2018-05-01,En personne,Lieu public,Astrologie,,,,", // 14: unknown theme
      "R-14,2018-05-01,En personne,Lieu public,,,E-1,3,", // 15: head count with a person
      "R-15,2018-05-01,En personne,Lieu public,,,,,Une bonne ligne", // 16: fine
    ];
    const before = await importedCounts(world.pool, world.owner.id);
    const uploaded = await upload(lines.join("\n"), "erreurs.csv");
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.fileId ?? "";
    const preview = await previewImport(coordinator, fileId, "ENCOUNTERS");
    const dryRun = await runImport(
      coordinator,
      "dryRunImport",
      fileId,
      "ENCOUNTERS",
      preview.preview.suggestedMapping,
    );
    expect(dryRun.__typename).toBe("DryRunImportSuccess");
    const found = dryRun.report?.problems.map((p) => [p.line, p.column, p.code]);
    expect(found).toEqual([
      [2, "Canal", "UNKNOWN_VALUE"],
      [3, "Date", "NOT_A_DATE"],
      [4, "Date", "BEFORE_ORGANISATION_START"],
      [5, "Date", "IN_THE_FUTURE"],
      [6, "Matériel remis", "OUT_OF_RANGE"],
      [7, "Matériel remis", "UNKNOWN_CATALOGUE_ENTRY"],
      [8, "Note", "TOO_LONG"],
      [9, "Canal", "REQUIRED"],
      [10, "Nombre de personnes", "NOT_A_WHOLE_NUMBER"],
      [11, "Personne", "UNKNOWN_PERSON"],
      [12, "Référence", "DUPLICATE_REFERENCE"],
      [13, "Note", "FORMULA"],
      [14, "Thèmes", "UNKNOWN_VALUE"],
      [15, "Nombre de personnes", "HEAD_COUNT_WITH_PERSON"],
    ]);
    expect(dryRun.report).toMatchObject({ rows: 15, toCreate: 1, rowsWithProblems: 14, moreProblems: 0 });
    const problems = dryRun.report?.problems ?? [];
    // The rule is named, in the caller's language (the organisation's start date included).
    expect(problems[0]?.message).toContain("En personne, Téléphone");
    expect(problems[0]?.value).toBe("Pigeon voyageur");
    expect(problems[2]?.message).toMatch(/au plus tôt le 1(er)? avril 2015, date de début de l'organisme/);
    expect(problems[6]?.message).toMatch(/4\s?000 caractères au plus/);
    expect(problems[10]?.message).toContain("ligne 11");

    const commit = await runImport(
      coordinator,
      "commitImport",
      fileId,
      "ENCOUNTERS",
      preview.preview.suggestedMapping,
    );
    expect(commit.__typename).toBe("ImportHasProblemsError");
    expect(commit.code).toBe("IMPORT_HAS_PROBLEMS");
    expect(commit.report?.problems).toHaveLength(14);
    expect(await importedCounts(world.pool, world.owner.id)).toEqual(before);

    // In English for an English-speaking coordinator.
    const english = new TestClient(world.server.url, "en-CA");
    await english.signIn(world.owner.users.coordinator.email, world.owner.users.coordinator.password);
    const inEnglish = await runImport(
      english,
      "dryRunImport",
      fileId,
      "ENCOUNTERS",
      preview.preview.suggestedMapping,
    );
    expect(inEnglish.report?.problems[2]?.message).toMatch(
      /no earlier than April 1, 2015, the organisation's start date/,
    );
    expect(inEnglish.report?.problems[0]?.message).toContain("In person, Phone");
    await world.pool.query("UPDATE organisations SET started_on = '2000-01-01' WHERE id = $1", [
      world.owner.id,
    ]);
  });

  it("refuses a mapping that names no such field or column, and a required field left unmapped", async () => {
    const uploaded = await upload("Date,Canal\n2018-05-01,Téléphone\n", "court.csv");
    const fileId = uploaded.body.fileId ?? "";
    const wrong = await runImport(coordinator, "dryRunImport", fileId, "ENCOUNTERS", [
      { field: "nothing", column: "Date" },
      { field: "channel", column: "Absent" },
    ]);
    expect(wrong.__typename).toBe("InputValidationError");
    expect(wrong.fields).toEqual([
      { path: "mapping.0.field", code: "INVALID_VALUE" },
      { path: "mapping.1.column", code: "NOT_FOUND" },
    ]);
    const before = await importedCounts(world.pool, world.owner.id);
    const unmapped = await runImport(coordinator, "commitImport", fileId, "ENCOUNTERS", [
      { field: "date", column: "Date" },
      { field: "channel", column: "Canal" },
    ]);
    expect(unmapped.__typename).toBe("ImportHasProblemsError");
    expect(unmapped.report?.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: null,
        code: "MISSING_COLUMN",
        message: expect.stringContaining("Type de lieu"),
      }),
    ]);
    expect(await importedCounts(world.pool, world.owner.id)).toEqual(before);
  });

  it("caps the list and says how many more problems there are", async () => {
    const rows = ["Date,Canal,Type de lieu"];
    for (let i = 0; i < 700; i += 1) rows.push(`pas une date,En personne,Bar`);
    const uploaded = await upload(rows.join("\n"), "beaucoup.csv");
    const preview = await previewImport(coordinator, uploaded.body.fileId ?? "", "ENCOUNTERS");
    const dryRun = await runImport(
      coordinator,
      "dryRunImport",
      uploaded.body.fileId ?? "",
      "ENCOUNTERS",
      preview.preview.suggestedMapping,
    );
    expect(dryRun.report).toMatchObject({ rows: 700, rowsWithProblems: 700, moreProblems: 200 });
    expect(dryRun.report?.problems).toHaveLength(500);
  });
});
