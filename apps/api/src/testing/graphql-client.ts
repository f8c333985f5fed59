import { signInCodeFor } from "@maillage/db/factories";

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

/** The remembered-browser cookie each user got at her first code (sign-ins after it need none). */
const rememberedDevices = new Map<string, string>();

export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  /** `maillage_device=…`, once a sign-in with a code asked to remember this client. */
  deviceCookie: string | null = null;

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
      ...(this.cookie || this.deviceCookie
        ? { cookie: [this.cookie, this.deviceCookie].filter(Boolean).join("; ") }
        : {}),
      ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
      ...options.headers,
    };
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers,
      body: options.rawBody ?? JSON.stringify({ query, variables }),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(";");
      if (!pair) continue;
      const value = pair.endsWith("=") ? null : pair;
      if (pair.startsWith("maillage_device=")) this.deviceCookie = value;
      else this.cookie = value;
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

  /**
   * Signs in and keeps the session and CSRF token; throws when sign-in fails. Asked for a code
   * (a user createUser gave a second factor), answers it as her app would, asking to remember
   * this client; later sign-ins of the same user reuse that remembered-browser cookie.
   */
  async signIn(email: string, password: string): Promise<void> {
    this.deviceCookie ??= rememberedDevices.get(email) ?? null;
    const attempt = (code?: string) =>
      this.request<{
        signIn: { __typename: string; code?: string; me?: { csrfToken: string } };
      }>(
        `mutation ($input: SignInInput!) {
          signIn(input: $input) {
            __typename
            ... on SignInSuccess { me { csrfToken } }
            ... on AppError { code }
          }
        }`,
        { input: { email, password, ...(code ? { code, rememberDevice: true } : {}) } },
      );
    let result = await attempt();
    const code = result.data?.signIn.code === "SECOND_FACTOR_REQUIRED" ? await signInCodeFor(email) : null;
    if (code) {
      result = await attempt(code);
      if (this.deviceCookie) rememberedDevices.set(email, this.deviceCookie);
    }
    const me = result.data?.signIn.me;
    if (!me) throw new Error(`Sign-in failed: ${JSON.stringify(result)}`);
    this.csrfToken = me.csrfToken;
  }
}
