/**
 * The annual report (PDF) and the tables (CSV) of the figures shown, downloaded from POST
 * /indicators/report (audited; the CSRF token and the language like every request, app/graphql.ts
 * apiHeaders). A refusal comes back as `{ error: { code, message } }`, as for /exports.
 */
import { apiHeaders, RequestError } from "../../../app/graphql.ts";

async function refusalOf(response: Response): Promise<RequestError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) return new RequestError(body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not JSON: a proxy's page, a cut connection.
  }
  return new RequestError("INTERNAL", `HTTP ${response.status}`);
}

/** The file name an answer names in its content-disposition, else `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? "")?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header ?? "")?.[1] ?? fallback;
}

/** Posts to `url` (reportUrl) and hands the file to the browser, which saves it. */
export async function downloadReport(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", credentials: "same-origin", headers: apiHeaders() });
  } catch {
    throw new RequestError("NETWORK", "network");
  }
  if (!response.ok) throw await refusalOf(response);
  const blob = await response.blob();
  const link = document.createElement("a");
  const href = URL.createObjectURL(blob);
  link.href = href;
  link.download = attachmentName(response.headers.get("content-disposition"), fallbackName);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the address once the click was handled.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
