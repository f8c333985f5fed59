import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

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
