/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from "virtual:pwa-register";

/**
 * Registers the service worker that keeps the app shell (HTML, scripts, styles, icons) so the
 * app opens with no network. It caches no answer of the API: person data lives only in the
 * encrypted vault (vault.ts). "autoUpdate": a new version takes over at once and the open tabs
 * reload, so no tab runs code whose lazy chunks the new worker has dropped.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  registerSW({ immediate: true });
}
