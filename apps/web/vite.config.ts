import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.API_URL ?? "http://127.0.0.1:3000";
// The dev server is another origin than the API: the proxy presents requests as the API's own, so the API's
// same-origin check on cookie-borne writes holds in development as in production (one origin serves both).
const proxied = { target: api, changeOrigin: true, headers: { origin: api } };

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/v1": proxied, "/openapi.json": api, "/health": api, "/reference": api } },
  // No source maps in the production build: the server would otherwise publish the whole source with it.
  build: { sourcemap: false },
});
