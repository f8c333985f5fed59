import { existsSync } from "node:fs";
import { startTestServer, type TestServer } from "@maillage/api/testing";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
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
}

export interface SignInOptions extends BrowserContextOptions {
  language?: Language;
}

export function browserTestEnvironment(): BrowserTestEnvironment {
  const environment = {} as BrowserTestEnvironment;
  environment.signIn = async (user, { language = "fr", ...contextOptions } = {}) => {
    const context = await environment.browser.newContext({ viewport: phone, ...contextOptions });
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
  });
  return environment;
}

export type Language = "fr" | "en";

export interface SigningInUser {
  email: string;
  password: string;
  displayName?: string;
}

const signInWords = {
  fr: { email: "Courriel", password: "Mot de passe", signIn: "Se connecter", hello: "Bonjour" },
  en: { email: "E-mail", password: "Password", signIn: "Sign in", hello: "Hello" },
} as const;

/**
 * Signs in through the sign-in page (in English after choosing it there) and waits for the home
 * page's greeting: of the user by name when it is known.
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
  const greeting = user.displayName ? `${words.hello}, ${user.displayName}` : new RegExp(`^${words.hello}`);
  await page.getByRole("heading", { name: greeting }).waitFor();
}
