import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/v1": api, "/openapi.json": api, "/health": api, "/reference": api } },
  build: { sourcemap: true },
});
