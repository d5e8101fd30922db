import { spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { throwAwayDatabase } from "@commitments/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin, createWriteToken, repoRoot } from "./server.ts";

/*
 * Several API processes behind one port (apps/api/src/cluster.ts): on PostgreSQL, two workers both answer, and a
 * write through one is read through the other at once, whatever either kept. On the embedded store the command
 * refuses to start, saying why.
 */

const clusterCommand = [process.execPath, ["--import", "tsx", "src/cluster.ts"]] as const;

/** A GET on a connection of its own, so the cluster's primary hands each to a worker in turn. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function startCluster(env: Record<string, string>) {
  const child = spawn(...clusterCommand, {
    cwd: join(repoRoot, "apps/api"),
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", STARTER_DATA: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const serving = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the cluster did not start:\n${output}`)), 60_000);
    child.stdout.on("data", () => {
      const port = /API processes are serving port (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the cluster exited with ${code}:\n${output}`));
    });
  });
  return {
    serving,
    exited,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

describe("the cluster command", () => {
  it("refuses the embedded store, which one process owns, saying what to set", async () => {
    const cluster = startCluster({ DATABASE_URL: "", WORKERS: "2" });
    await cluster.serving.catch(() => undefined);
    expect(await cluster.exited).toBe(1);
    expect(cluster.output()).toContain("set DATABASE_URL to a PostgreSQL database");
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("two API processes on postgres behind one port", () => {
  let drop: () => Promise<void> = async () => {};
  let cluster: ReturnType<typeof startCluster>;
  let url = "";
  let token = "";

  beforeAll(async () => {
    const database = await throwAwayDatabase(process.env.TEST_DATABASE_URL as string);
    drop = database.drop;
    await createAdmin("", undefined, { DATABASE_URL: database.url });
    cluster = startCluster({ DATABASE_URL: database.url, WORKERS: "2" });
    url = await cluster.serving;
    token = await createWriteToken(url);
  }, 120_000);
  afterAll(async () => {
    expect(await cluster?.stop()).toBe(0);
    await drop();
  });

  /** The processes that logged a request. */
  const requestPids = () =>
    new Set(
      cluster
        .output()
        .split("\n")
        .filter((line) => line.includes('"message":"request"'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );

  it("answers through both workers, and each reads a write made through the other", async () => {
    const path = "v1/commitments?donor=NL&limit=200";
    const ids = (body: string) => (JSON.parse(body) as { data: { id: string }[] }).data.map((c) => c.id);
    // Both workers read, and keep, the answer.
    for (let i = 0; i < 6; i++) {
      const read = await get(`${url}${path}`);
      expect(read.status).toBe(200);
      expect(ids(read.body)).not.toContain("cluster-test-line");
    }
    expect(requestPids().size).toBe(2);

    const written = await fetch(`${url}v1/commitments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        id: "cluster-test-line",
        donor: "NL",
        title: "Cluster test line",
        category: "funding.budget_support",
        measure: { kind: "money", amount: "1000", currency: "EUR" },
        sources: [{ title: "Test fixture, not a real figure", kind: "research" }],
        synthetic: true,
      }),
    });
    expect(written.status, await written.clone().text()).toBe(201);
    // Every read after the write, whichever worker answers it, shows it.
    for (let i = 0; i < 6; i++) {
      const read = await get(`${url}${path}`);
      expect(ids(read.body)).toContain("cluster-test-line");
    }
  });
});
