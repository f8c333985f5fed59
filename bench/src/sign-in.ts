/** Signing in to the API as a bench user, for the benchmark (main.ts) and by hand (wrk-script.ts). */
import { currentCodeOf } from "@maillage/db/factories";
import type pg from "pg";
import { benchPassword, benchTotpSecret } from "./dataset.ts";

/** The session cookie and CSRF token of a fresh sign-in of `email` to the API at `port`. */
export async function signInAs(
  admin: pg.Client | pg.Pool,
  port: number | string,
  email: string,
): Promise<{ cookie: string; csrf: string }> {
  // A code per sign-in: the step last accepted is forgotten first (one user may sign in twice).
  await admin.query(
    "UPDATE user_second_factors SET last_used_step = NULL WHERE user_id = (SELECT id FROM users WHERE email = $1)",
    [email],
  );
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query:
        "mutation ($i: SignInInput!) { signIn(input: $i) { ... on SignInSuccess { me { csrfToken } } } }",
      variables: { i: { email, password: benchPassword, code: currentCodeOf(benchTotpSecret) } },
    }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  const body = (await response.json()) as { data?: { signIn?: { me?: { csrfToken: string } } } };
  const csrf = body.data?.signIn?.me?.csrfToken;
  if (!cookie || !csrf) throw new Error(`${email} could not sign in: ${JSON.stringify(body)}`);
  return { cookie, csrf };
}
