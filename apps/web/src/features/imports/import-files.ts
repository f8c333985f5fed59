/**
 * The file routes beside /graphql: a spreadsheet sent for import (POST /imports/files), an export
 * downloaded (POST /exports), the empty templates (GET /imports/templates/…). Signed-in requests
 * carry the language and the CSRF token like every GraphQL request (app/graphql.ts apiHeaders);
 * a refusal comes back as `{ error: { code, message } }` in the caller's language.
 */
import type { RecordShapeName } from "@maillage/domain/record-shapes";
import { downloadByPost, sendToFileRoute as send } from "../../app/file-routes.ts";
import { apiHeaders, RequestError } from "../../app/graphql.ts";
import type { Language } from "../../app/i18n/index.tsx";

export type SheetFormat = "csv" | "xlsx";
export const sheetFormats: readonly SheetFormat[] = ["csv", "xlsx"];

/** Sends a spreadsheet for import; resolves with the id the API keeps it under. */
export async function uploadImportFile(file: File): Promise<string> {
  const response = await send(`/imports/files?name=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "content-type": file.type || "application/octet-stream", ...apiHeaders() },
    body: file,
  });
  const body = (await response.json()) as { fileId?: string };
  if (!body.fileId) throw new RequestError("INTERNAL", "no file id");
  return body.fileId;
}

/** Where a shape's empty template is, in a language and a format (no session needed). */
export function templateUrl(shape: RecordShapeName, language: Language, format: SheetFormat): string {
  return `/imports/templates/${shape}.${language}.${format}`;
}

/** Downloads the organisation's records of a shape (POST: it is audited, and needs the token). */
export async function downloadExport(shape: RecordShapeName, format: SheetFormat): Promise<void> {
  await downloadByPost(`/exports?shape=${shape}&format=${format}`, `${shape.toLowerCase()}.${format}`);
}
