import { existsSync } from "node:fs";
import { startTestServer, type TestServer } from "@maillage/api/testing";
import { signInCodeFor } from "@maillage/db/factories";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's Chromium, driven by playwright-core (never a downloaded browser). */
export const chromiumPath = "/usr/bin/chromium";

/** Browser tests need Chromium; outside CI they are skipped when it is missing. */
export const browserMissing = !existsSync(chromiumPath) && !process.env.CI;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The screens the tests sign in on: a phone's (the default) and a desktop's. */
export const phone = { width: 360, height: 740 };
export const desktop = { width: 1280, height: 800 };

/**
 * The real API and web app on a free port, and Chromium, for one test file (started once,
 * stopped after the file). Nothing starts when Chromium is missing outside CI.
 */
export interface BrowserTestEnvironment {
  server: TestServer;
  browser: Browser;
  /**
   * A page in a new browser context (a phone's screen unless `viewport` says otherwise), signed
   * in as `user` through the sign-in page in `language` (French unless said otherwise).
   */
  signIn(user: SigningInUser, options?: SignInOptions): Promise<Page>;
  /** What the content policy refused on the pages signIn opened (the file fails unless empty). */
  policyViolations: string[];
}

export interface SignInOptions extends BrowserContextOptions {
  language?: Language;
}

export function browserTestEnvironment(): BrowserTestEnvironment {
  const environment = { policyViolations: [] } as unknown as BrowserTestEnvironment;
  environment.signIn = async (user, { language = "fr", ...contextOptions } = {}) => {
    const context = await environment.browser.newContext({ viewport: phone, ...contextOptions });
    watchContentPolicy(context, environment.policyViolations);
    const page = await context.newPage();
    await signInThroughPage(page, environment.server.url, user, language);
    return page;
  };
  beforeAll(async () => {
    if (browserMissing) return;
    environment.server = await startTestServer();
    environment.browser = await launchBrowser();
  });
  afterAll(async () => {
    await environment.browser?.close();
    await environment.server?.stop();
    // Every screen these tests went through ran under the API's strict Content-Security-Policy.
    if (environment.policyViolations.length > 0) {
      throw new Error(`Content-Security-Policy violations:\n${environment.policyViolations.join("\n")}`);
    }
  });
  return environment;
}

/** Collects the browser's reports of what the Content-Security-Policy refused in `context`. */
export function watchContentPolicy(context: BrowserContext, violations: string[]) {
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(`${message.location().url}: ${message.text()}`);
    }
  });
}

export type Language = "fr" | "en";

export interface SigningInUser {
  email: string;
  password: string;
  displayName?: string;
}

const signInWords = {
  fr: {
    email: "Courriel",
    password: "Mot de passe",
    code: "Code à 6 chiffres ou code de secours",
    signIn: "Se connecter",
    hello: "Bonjour",
  },
  en: {
    email: "E-mail",
    password: "Password",
    code: "6-digit code or recovery code",
    signIn: "Sign in",
    hello: "Hello",
  },
} as const;

/**
 * Signs in through the sign-in page (in English after choosing it there) and waits for the home
 * page's greeting: of the user by name when it is known. Asked for a second factor (a user the
 * factories gave one: coordinators, admins), types her authenticator's code.
 */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  user: SigningInUser,
  language: Language = "fr",
) {
  const words = signInWords[language];
  await page.goto(`${baseUrl}/`);
  if (language === "en") await page.getByRole("button", { name: "EN" }).click();
  await page.getByLabel(words.email).fill(user.email);
  await page.getByLabel(words.password).fill(user.password);
  await page.getByRole("button", { name: words.signIn }).click();
  const name = user.displayName ? `${words.hello}, ${user.displayName}` : new RegExp(`^${words.hello}`);
  const greeting = page.getByRole("heading", { name });
  const codeBox = page.getByLabel(words.code);
  await greeting.or(codeBox).waitFor();
  if (await codeBox.isVisible()) {
    const code = await signInCodeFor(user.email);
    if (!code) throw new Error(`${user.email} is asked for a code, but has no known authenticator secret`);
    await codeBox.fill(code);
    await page.getByRole("button", { name: words.signIn }).click();
  }
  await greeting.waitFor();
}
