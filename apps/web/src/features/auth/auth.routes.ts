/**
 * The sign-in page's address. A signed-out visit to any other page lands here, remembering the
 * page asked for (`?retour=`), so a link opened from a notice leads there once signed in.
 */
export const signInPath = "/connexion";
const returnParameter = "retour";

/** The sign-in address for a signed-out visit to `from` (a path with its query string). */
export function signInUrl(from: string): string {
  if (from === "/" || from.startsWith(signInPath)) return signInPath;
  return `${signInPath}?${new URLSearchParams({ [returnParameter]: from })}`;
}

/** Where to go once signed in: the page asked for when it is one of ours, else home. */
export function pathAfterSignIn(search: URLSearchParams): string {
  const asked = search.get(returnParameter);
  // Only a path on this origin: "//host" and "/\host" would leave it.
  if (!asked?.startsWith("/") || asked.startsWith("//") || asked.startsWith("/\\")) return "/";
  if (asked.startsWith(signInPath)) return "/";
  return asked;
}
