/**
 * The structured export of one file (POST /privacy/person-export, Law 25 s. 27): a POST for its
 * CSRF token, as every download of the organisation's records; the API audits it before the
 * answer ends, so "who viewed this file" lists it. A refusal is `{ error: { code, message } }`
 * in the caller's language, as the other file routes answer.
 */
import { downloadByPost } from "../../app/file-routes.ts";

/** Downloads everything the organisation holds about the person, as JSON; resolves with its name. */
export function downloadPersonExport(personId: string): Promise<string> {
  return downloadByPost(
    `/privacy/person-export?person=${encodeURIComponent(personId)}`,
    "maillage-dossier.json",
  );
}
