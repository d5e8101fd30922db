/*
 * Load generators that do not hide slow responses. `closedLoop`: N clients, each sending its next request when
 * the last one answered (throughput, as autocannon measures it). `openLoop`: requests at a fixed rate whatever the
 * answers do, each timed from when it was due to be sent, not from when it was sent (latency without coordinated
 * omission, as wrk2 measures it). Both over keep-alive connections, reading every body to its end.
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

export interface LoadResult {
  /** Milliseconds, one per answered request. */
  latencies: number[];
  /** Answers other than 200, and failed requests. */
  errors: number;
  elapsedMs: number;
  requestsPerSecond: number;
}

function get(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", () => resolve(0));
    });
    request.on("error", () => resolve(0));
  });
}

function result(latencies: number[], errors: number, elapsedMs: number): LoadResult {
  return { latencies, errors, elapsedMs, requestsPerSecond: (latencies.length / elapsedMs) * 1000 };
}

/** `clients` clients, each in a loop, for `durationMs`. */
export async function closedLoop(url: string, clients: number, durationMs: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const status = await get(agent, target);
        if (status === 200) latencies.push(performance.now() - sent);
        else errors += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  return result(latencies, errors, elapsed);
}

/** `rate` requests a second for `durationMs`, or until `stop`, each timed from its due time. */
export async function openLoop(
  url: string,
  rate: number,
  durationMs: number,
  stop?: AbortSignal,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  const interval = 1000 / rate;
  const count = Math.floor((durationMs / 1000) * rate);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count && !stop?.aborted; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      get(agent, target).then((status) => {
        if (status === 200) latencies.push(performance.now() - due);
        else errors += 1;
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = performance.now() - started;
  agent.destroy();
  return result(latencies, errors, elapsed);
}

/** One client, one request after another, `count` times: the latency of the request alone. */
export async function sequential(url: string, count: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const sent = performance.now();
    const status = await get(agent, target);
    if (status === 200) latencies.push(performance.now() - sent);
    else errors += 1;
  }
  const elapsed = performance.now() - started;
  agent.destroy();
  return result(latencies, errors, elapsed);
}
