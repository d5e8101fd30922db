/*
 * The several-process measure: the cluster command (apps/api/src/cluster.ts, `start:cluster`) over a loaded
 * PostgreSQL store, once with one API process and once with one per core, the same series load on each, and where
 * the machine's processor time went meanwhile.
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { type CpuShares, withCpuShares } from "./cpu.ts";
import { type LoadedStore, seriesPath } from "./dataset.ts";
import { closedLoop, sequential } from "./loadgen.ts";
import { exited, freePort, type RunningServer } from "./measures.ts";
import { percentile } from "./stats.ts";

const apiDir = fileURLToPath(new URL("../../api/", import.meta.url));

/** The processes the several-process run starts: one per core, at least two. */
export const clusterWorkers = Math.max(2, availableParallelism());

/** The production cluster command with `workers` API processes, keeping no answers (the uncached figures). */
async function startCluster(loaded: LoadedStore, workers: number): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cluster.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: loaded.store.url,
      HOST: "127.0.0.1",
      PORT: String(port),
      WORKERS: String(workers),
      READ_CACHE_MB: "0",
      // Every request counted against its address, as in production, under a limit the one load address never meets.
      ANONYMOUS_REQUESTS_PER_MINUTE: "1000000",
      STARTER_DATA: "false",
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (/API processes are serving port/.test(output)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) =>
      reject(new Error(`the cluster exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: async () => {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}

export interface ClusterFigures {
  workers: number;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  cpu: CpuShares;
}

/**
 * The series under `clients` clients for `seconds`, served by one API process and then by `clusterWorkers`, each
 * unpinned (the processes share every core with PostgreSQL and the load generator, as on a real machine).
 */
export async function measureCluster(
  loaded: LoadedStore,
  seconds: number,
  clients: number,
): Promise<ClusterFigures[]> {
  const figures: ClusterFigures[] = [];
  for (const workers of [1, clusterWorkers]) {
    const server = await startCluster(loaded, workers);
    try {
      const url = server.url + seriesPath;
      // Warm every process: the connections of the closed loop are handed to the processes in turn.
      await sequential(url, 10);
      await closedLoop(url, clients, 2000);
      const [load, cpu] = await withCpuShares(server.pid, () => closedLoop(url, clients, seconds * 1000));
      figures.push({
        workers,
        requestsPerSecond: load.requestsPerSecond,
        p99Ms: percentile(load.latencies, 99),
        errors: load.errors,
        cpu,
      });
    } finally {
      await server.stop();
    }
  }
  return figures;
}
