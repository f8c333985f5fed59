/**
 * A GraphQL client for integration tests that behaves like the browser: it keeps the session
 * cookie and sends the CSRF token the API gave it.
 */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  headers: Headers;
}

export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly language = "fr-CA",
  ) {}

  /** A client of the API at `baseUrl`, signed in as `user` (see signIn). */
  static async signedIn(baseUrl: string, user: { email: string; password: string }): Promise<TestClient> {
    const client = new TestClient(baseUrl);
    await client.signIn(user.email, user.password);
    return client;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "accept-language": this.language,
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
      ...options.headers,
    };
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers,
      body: options.rawBody ?? JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const [pair] = setCookie.split(";");
      this.cookie = pair?.endsWith("=") ? null : (pair ?? null);
    }
    const text = await response.text();
    let body: { data?: T; errors?: GraphQLResponse["errors"] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: response.status, headers: response.headers, ...body };
  }

  /** Signs in and keeps the session and CSRF token; throws when sign-in fails. */
  async signIn(email: string, password: string): Promise<void> {
    const result = await this.request<{
      signIn: { __typename: string; me?: { csrfToken: string } };
    }>(
      `mutation ($input: SignInInput!) {
        signIn(input: $input) { __typename ... on SignInSuccess { me { csrfToken } } }
      }`,
      { input: { email, password } },
    );
    const me = result.data?.signIn.me;
    if (!me) throw new Error(`Sign-in failed: ${JSON.stringify(result)}`);
    this.csrfToken = me.csrfToken;
  }
}
