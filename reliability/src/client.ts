/**
 * One simulated user: its own session cookie and CSRF token, as the browser keeps them, and
 * GraphQL over HTTP with the answer's status, body and duration.
 */
export interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message?: string; extensions?: { code?: string } }[];
  } | null;
  milliseconds: number;
}

export class UserSession {
  private cookie: string | null = null;
  private csrfToken: string | null = null;

  constructor(readonly baseUrl: () => string) {}

  async request(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl()}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": "fr-CA",
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(120_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      if (pair.startsWith("maillage_session=")) this.cookie = pair.endsWith("=") ? null : pair;
    }
    const text = await response.text();
    let body: Answer["body"] = null;
    try {
      body = JSON.parse(text) as Answer["body"];
    } catch {
      body = null;
    }
    return { status: response.status, body, milliseconds: performance.now() - started };
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.request(
      `mutation ($input: SignInInput!) {
        signIn(input: $input) { __typename ... on SignInSuccess { me { csrfToken } } }
      }`,
      { input: { email, password } },
    );
    const signIn = answer.body?.data?.signIn as { me?: { csrfToken?: string } } | undefined;
    const token = signIn?.me?.csrfToken;
    if (!token)
      throw new Error(`Sign-in of ${email} failed: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    this.csrfToken = token;
  }
}

export const recordEncounter = `mutation Record($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id } }
    ... on AppError { code message }
  }
}`;

/** An encounter whose note carries `label`, so the database can be asked how often it was written. */
export function encounterInput(label: string, personId?: string): Record<string, unknown> {
  return {
    input: {
      ...(personId
        ? { personId }
        : { anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 1 } }),
      channel: "IN_PERSON",
      placeType: "WORKPLACE",
      themes: [],
      materials: [{ item: "CONDOMS", quantity: 2 }],
      note: label,
    },
  };
}

/** The errors' codes of an answer (top level and the typed result's). */
export function codesOf(answer: Answer): string[] {
  const codes = (answer.body?.errors ?? []).map((error) => error.extensions?.code ?? "NO_CODE");
  for (const value of Object.values(answer.body?.data ?? {})) {
    const code = (value as { code?: unknown } | null)?.code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}
