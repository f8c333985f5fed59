import { defineConfig } from "vite";

// No React plugin: Vite 8 (Oxc) compiles TSX with the automatic runtime from tsconfig's
// "jsx": "react-jsx". The cost is no fast refresh in `pnpm dev` (a change reloads the page).
export default defineConfig({
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
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
