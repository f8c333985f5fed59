import { existsSync } from "node:fs";
import { startTestServer, type TestServer } from "@maillage/api/testing";
import { type Browser, chromium, type Page } from "playwright-core";
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

/**
 * The real API and web app on a free port, and Chromium, for one test file (started once,
 * stopped after the file). Nothing starts when Chromium is missing outside CI.
 */
export interface BrowserTestEnvironment {
  server: TestServer;
  browser: Browser;
}

export function browserTestEnvironment(): BrowserTestEnvironment {
  const environment = {} as BrowserTestEnvironment;
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

/** Signs in through the French sign-in page and waits for the home page. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Courriel").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: /^Bonjour/ }).waitFor();
}
