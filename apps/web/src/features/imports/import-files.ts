/**
 * The file routes beside /graphql: a spreadsheet sent for import (POST /imports/files), an export
 * downloaded (POST /exports), the empty templates (GET /imports/templates/…). Signed-in requests
 * carry the language and the CSRF token like every GraphQL request (app/graphql.ts apiHeaders);
 * a refusal comes back as `{ error: { code, message } }` in the caller's language.
 */
import type { RecordShapeName } from "@maillage/domain/record-shapes";
import { apiHeaders, RequestError } from "../../app/graphql.ts";
import type { Language } from "../../app/i18n/index.tsx";

export type SheetFormat = "csv" | "xlsx";
export const sheetFormats: readonly SheetFormat[] = ["csv", "xlsx"];

/** The refusal of a file route as a RequestError (code, and the API's specific message). */
async function refusalOf(response: Response): Promise<RequestError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) return new RequestError(body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not JSON: a proxy's page, a cut connection.
  }
  return new RequestError("INTERNAL", `HTTP ${response.status}`);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", ...init });
  } catch {
    throw new RequestError("NETWORK", "network");
  }
  if (!response.ok) throw await refusalOf(response);
  return response;
}

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

/** The file name an answer names in its content-disposition, else `fallback`. */
function attachmentName(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Hands a downloaded file to the browser, which saves it (or asks where). */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the click was handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the organisation's records of a shape (POST: it is audited, and needs the token). */
export async function downloadExport(shape: RecordShapeName, format: SheetFormat): Promise<void> {
  const response = await send(`/exports?shape=${shape}&format=${format}`, {
    method: "POST",
    headers: apiHeaders(),
  });
  save(await response.blob(), attachmentName(response, `${shape.toLowerCase()}.${format}`));
}
