/**
 * The file routes beside /graphql (an import's upload, exports, a person's export): signed-in
 * requests carry the language and the CSRF token like every GraphQL request (graphql.ts
 * apiHeaders); a refusal comes back as `{ error: { code, message } }` in the caller's language.
 */
import { apiHeaders, RequestError } from "./graphql.ts";

/** The refusal of a file route as a RequestError (code, and the API's specific message). */
async function refusalOf(response: Response): Promise<RequestError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) return new RequestError(body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not JSON: a proxy's page, a cut connection.
  }
  return new RequestError(response.status === 404 ? "NOT_FOUND" : "INTERNAL", `HTTP ${response.status}`);
}

/** A request to a file route; a refusal or no network is thrown as a RequestError. */
export async function sendToFileRoute(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", ...init });
  } catch {
    throw new RequestError("NETWORK", "network");
  }
  if (!response.ok) throw await refusalOf(response);
  return response;
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

/** Downloads what a POST to `url` answers (POST: audited, and it needs the token); resolves with its name. */
export async function downloadByPost(url: string, fallbackName: string): Promise<string> {
  const response = await sendToFileRoute(url, { method: "POST", headers: apiHeaders() });
  const name = attachmentName(response, fallbackName);
  save(await response.blob(), name);
  return name;
}
