/**
 * The import's steps as the web takes them, for integration tests: upload the bytes
 * (POST /imports/files), preview, dry run, commit (GraphQL), and the counts of what an import
 * writes, read as the superuser to tell "nothing was written".
 */
import type pg from "pg";
import type { TestClient } from "./graphql-client.ts";

export interface UploadAnswer {
  status: number;
  body: {
    fileId?: string;
    rows?: number;
    headers?: string[];
    error?: { code: string; reason?: string; message: string };
  };
}

export async function uploadImportFile(
  baseUrl: string,
  client: TestClient | null,
  body: Buffer | string,
  name = "fichier.csv",
  options: { csrf?: boolean; language?: string } = {},
): Promise<UploadAnswer> {
  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "accept-language": options.language ?? client?.language ?? "fr-CA",
  };
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrfToken && options.csrf !== false) headers["x-csrf-token"] = client.csrfToken;
  const response = await fetch(`${baseUrl}/imports/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer["body"] };
}

export const reportFields =
  "shape fileName rows toCreate alreadyImported created rowsWithProblems moreProblems problems { line column value code message }";

export const previewQuery = `query Preview($fileId: ID!, $shape: RecordShape!) {
  importPreview(fileId: $fileId, shape: $shape) {
    __typename
    ... on ImportPreviewSuccess { preview { fileId fileName format headers rowCount rows { line cells }
      fields { key header required } suggestedMapping { field column } } }
    ... on ImportFileError { code reason message }
    ... on NotFoundError { code message }
  }
}`;

const mutationOf = (name: "dryRunImport" | "commitImport") => {
  const commit = name === "commitImport";
  return `mutation Run($input: ImportInput!) {
  result: ${name}(input: $input) {
    __typename
    ... on ${commit ? "CommitImportSuccess" : "DryRunImportSuccess"} { report { ${reportFields} } }
    ${commit ? `... on ImportHasProblemsError { code message report { ${reportFields} } }` : ""}
    ... on ImportFileError { code reason message }
    ... on InputValidationError { code message fields { path code } }
    ... on NotFoundError { code message }
    ${commit ? "... on ConflictError { code message }" : ""}
  }
}`;
};

export interface ImportProblemRow {
  line: number;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

export interface ImportReportRow {
  shape: string;
  fileName: string;
  rows: number;
  toCreate: number;
  alreadyImported: number;
  created: number;
  rowsWithProblems: number;
  moreProblems: number;
  problems: ImportProblemRow[];
}

export interface ImportResult {
  __typename: string;
  code?: string;
  reason?: string;
  message?: string;
  report?: ImportReportRow;
  fields?: { path: string; code: string }[];
}

export interface Mapping {
  field: string;
  column: string;
}

export async function previewImport(client: TestClient, fileId: string, shape: string) {
  const answer = await client.request<{ importPreview: any }>(previewQuery, { fileId, shape });
  return (
    answer.data?.importPreview ?? { __typename: "GraphQLError", code: answer.errors?.[0]?.extensions?.code }
  );
}

export async function runImport(
  client: TestClient,
  step: "dryRunImport" | "commitImport",
  fileId: string,
  shape: string,
  mapping: Mapping[],
): Promise<ImportResult> {
  const answer = await client.request<{ result: ImportResult }>(mutationOf(step), {
    input: { fileId, shape, mapping },
  });
  if (answer.data?.result) return answer.data.result;
  // A refused scope: the field's error, not a member of its union.
  const code = answer.errors?.[0]?.extensions?.code;
  if (!code) throw new Error(`no result: ${JSON.stringify(answer.errors)}`);
  return { __typename: "GraphQLError", code };
}

/**
 * The whole flow: upload, the suggested mapping (or `mapping`), dry run, commit. Fails loudly at a
 * step that does not succeed.
 */
export async function importWholeFile(
  baseUrl: string,
  client: TestClient,
  shape: string,
  body: Buffer | string,
  name = "fichier.csv",
  mapping?: Mapping[],
): Promise<{ dryRun: ImportReportRow; commit: ImportReportRow; mapping: Mapping[] }> {
  const upload = await uploadImportFile(baseUrl, client, body, name);
  if (upload.status !== 201 || !upload.body.fileId) throw new Error(`upload: ${JSON.stringify(upload)}`);
  const preview = await previewImport(client, upload.body.fileId, shape);
  if (preview.__typename !== "ImportPreviewSuccess") throw new Error(`preview: ${JSON.stringify(preview)}`);
  const used: Mapping[] = mapping ?? preview.preview.suggestedMapping;
  const dryRun = await runImport(client, "dryRunImport", upload.body.fileId, shape, used);
  if (dryRun.__typename !== "DryRunImportSuccess" || !dryRun.report)
    throw new Error(`dry run: ${JSON.stringify(dryRun)}`);
  const commit = await runImport(client, "commitImport", upload.body.fileId, shape, used);
  if (commit.__typename !== "CommitImportSuccess" || !commit.report)
    throw new Error(`commit: ${JSON.stringify(commit)}`);
  return { dryRun: dryRun.report, commit: commit.report, mapping: used };
}

const countedTables = [
  "persons",
  "encounters",
  "encounter_materials",
  "encounter_services",
  "encounter_notes",
  "venues",
  "material_receipts",
  "workshops",
  "workshop_notes",
  "imported_records",
  "imports",
] as const;

export type ImportedCounts = Record<(typeof countedTables)[number] | "importAudits", number>;

/** What an import writes, in an organisation: every table it may touch, and its audit rows. */
export async function importedCounts(pool: pg.Pool, organisationId: string): Promise<ImportedCounts> {
  const counts = {} as ImportedCounts;
  for (const table of countedTables) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`,
      [organisationId],
    );
    counts[table] = rows[0]?.n ?? 0;
  }
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = $1 AND action = 'IMPORT_COMMITTED'",
    [organisationId],
  );
  counts.importAudits = rows[0]?.n ?? 0;
  return counts;
}
