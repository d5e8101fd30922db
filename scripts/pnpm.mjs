#!/usr/bin/env node
// Runs the pnpm version pinned in package.json through npx, so a machine with only Node.js and npm
// needs nothing installed globally (Corepack's signature check is unreliable behind some registries).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const result = spawnSync("npx", ["-y", packageManager, ...process.argv.slice(2)], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
