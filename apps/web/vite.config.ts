import { defineConfig } from "vite";

export default defineConfig({
  build: { outDir: "dist", sourcemap: true, target: "es2022" },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
