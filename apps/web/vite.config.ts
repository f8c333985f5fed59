import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// Paths the service worker must never answer from its cache nor with index.html: the API, the
// calendar feed (opened in a tab it is a navigation), the import's files and templates (a
// template link is a navigation too), the exports and the health check. Person data never
// enters Cache Storage: there is no runtime caching at all, only the app shell below.
const serverOnlyPaths = [/^\/graphql/, /^\/calendar\//, /^\/imports\//, /^\/exports/, /^\/healthz/];

// No React plugin: Vite 8 (Oxc) compiles TSX with the automatic runtime from tsconfig's
// "jsx": "react-jsx". The cost is no fast refresh in `pnpm dev` (a change reloads the page).
export default defineConfig({
  plugins: [
    VitePWA({
      strategies: "generateSW",
      registerType: "autoUpdate",
      // Registered by src/offline/register-service-worker.ts (no inline script: the CSP forbids it).
      injectRegister: false,
      // public/ (favicon, icons) is precached by globPatterns below: no second listing.
      includeManifestIcons: false,
      manifest: {
        name: "Maillage",
        short_name: "Maillage",
        description: "Rencontres, accompagnements et références entre organisations partenaires.",
        lang: "fr",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#1f4e5f",
        background_color: "#f3f6f7",
        icons: [
          { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // The app shell: index.html, the bundles, styles, icons and fonts. Source maps stay out.
        globPatterns: ["**/*.{html,js,css,svg,png,ico,woff2,webmanifest}"],
        navigateFallback: "index.html",
        navigateFallbackDenylist: serverOnlyPaths,
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // What registerType "autoUpdate" sets when the plugin injects the registration itself.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  build: {
    outDir: "dist",
    sourcemap: true,
    target: "es2022",
    rolldownOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its modules "use client" (for React Server Components); a
        // client-only bundle has nothing to preserve, so the warning is noise.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  // `pnpm dev` (port 5173) sends the API's requests to `pnpm start`'s server (port 4000).
  server: {
    proxy: Object.fromEntries(
      ["/graphql", "/imports", "/exports"].map((path) => [path, "http://127.0.0.1:4000"]),
    ),
  },
});
