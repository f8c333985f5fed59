/**
 * What a refused import says: a file refused whole (IMPORT_FILE_REFUSED: too large, not UTF-8,
 * duplicated headers…) in the API's own words, which name what is wrong; any other failure by
 * its code, in the language shown.
 */
import type { Failure } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";

export function useFailureText() {
  const { failureMessage } = useT();
  return (failure: Failure): string =>
    failure.code === "IMPORT_FILE_REFUSED" && failure.message ? failure.message : failureMessage(failure);
}
