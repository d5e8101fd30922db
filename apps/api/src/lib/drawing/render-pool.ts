import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { LadderChartInput, SeriesChartInput } from "@commitments/charts";

/*
 * Charts are drawn on worker threads (render-worker.mjs), never on the API's event loop: drawing a long series and
 * rasterising it takes seconds, and /health, reads and writes must answer meanwhile. A small pool, sized from the
 * cores, takes one chart per thread; a bounded queue holds the charts waiting for one, and past it a chart is
 * refused (ChartsBusy: 503 with Retry-After) rather than piling up in memory. A drawing that runs past its time is
 * stopped with its thread, which is replaced.
 */

/** One chart to draw: the series chart or the guarantors' ladder, as SVG or PNG. */
export type RenderJob = { format: "svg" | "png" } & (
  | { chart: "series"; input: SeriesChartInput }
  | { chart: "ladder"; input: LadderChartInput }
);

/** The drawn chart: the SVG text or the PNG bytes, and the digest naming it in its ETag. */
export interface Rendered {
  body: string | Uint8Array;
  digest: string;
}

/** Every thread is drawing and the queue is full: try again shortly. */
export class ChartsBusy extends Error {
  constructor() {
    super("Charts are being drawn for others: try again in a few seconds.");
    this.name = "ChartsBusy";
  }
}

/** A drawing that ran past the pool's time, stopped. */
export class ChartTimedOut extends Error {
  constructor(seconds: number) {
    super(`The chart took longer than ${seconds} s to draw: ask for a smaller one.`);
    this.name = "ChartTimedOut";
  }
}

export interface RenderPoolOptions {
  /** Drawing threads; by default one per two cores, from 1 to 4 (one core stays with the event loop). */
  workers?: number | undefined;
  /** Charts that may wait for a thread; 16 by default. */
  queue?: number | undefined;
  /** How long one drawing may take; 120 s by default (the heaviest allowed chart takes a few seconds). */
  timeoutSeconds?: number | undefined;
}

/** One drawing thread per two cores, at least 1 and at most 4. */
export function defaultWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
/** The fonts the chart names, shipped with the server: a PNG does not depend on the machine's fonts. */
const fontFiles = [join(fontDir, "DejaVuSans.ttf"), join(fontDir, "DejaVuSans-Bold.ttf")];
const workerUrl = new URL("./render-worker.mjs", import.meta.url);

interface Waiting {
  job: RenderJob;
  resolve(rendered: Rendered): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  running?: Waiting & { id: number; timer: NodeJS.Timeout };
}

type Answer = { id: number; body: string | Uint8Array; digest: string } | { id: number; error: string };

export class RenderPool {
  readonly workers: number;
  readonly queue: number;
  readonly timeoutSeconds: number;
  private readonly threads: Thread[] = [];
  private readonly waiting: Waiting[] = [];
  private nextId = 1;
  private drawn = 0;

  constructor({ workers, queue, timeoutSeconds }: RenderPoolOptions = {}) {
    this.workers = workers ?? defaultWorkers();
    this.queue = queue ?? 16;
    this.timeoutSeconds = timeoutSeconds ?? 120;
  }

  /** Whether a chart asked now would be refused. */
  full(): boolean {
    const idle = this.threads.length < this.workers || this.threads.some((t) => !t.running);
    return !idle && this.waiting.length >= this.queue;
  }

  /** Draws a chart on a thread of the pool; ChartsBusy at once when the pool and its queue are full. */
  render(job: RenderJob): Promise<Rendered> {
    if (this.full()) return Promise.reject(new ChartsBusy());
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Threads, charts being drawn and waiting, and charts drawn since the pool began. */
  stats() {
    return {
      threads: this.threads.length,
      drawing: this.threads.filter((t) => t.running).length,
      waiting: this.waiting.length,
      drawn: this.drawn,
    };
  }

  /** Stops every thread; charts being drawn or waiting are refused. */
  async close(): Promise<void> {
    for (const waiting of this.waiting.splice(0)) waiting.reject(new ChartsBusy());
    await Promise.all([...this.threads].map((thread) => thread.worker.terminate()));
  }

  private dispatch() {
    while (this.waiting.length > 0) {
      const thread =
        this.threads.find((t) => !t.running) ??
        (this.threads.length < this.workers ? this.spawn() : undefined);
      if (!thread) return;
      this.start(thread, this.waiting.shift() as Waiting);
    }
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(workerUrl) };
    // An idle thread keeps no process alive; one drawing does (ref while running).
    thread.worker.unref();
    thread.worker.on("message", (answer: Answer) => this.answered(thread, answer));
    thread.worker.on("error", (error) => this.lost(thread, error));
    thread.worker.on("exit", (code) => this.lost(thread, new Error(`a chart thread exited (${code})`)));
    this.threads.push(thread);
    return thread;
  }

  private start(thread: Thread, waiting: Waiting) {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.lost(thread, new ChartTimedOut(this.timeoutSeconds));
      void thread.worker.terminate();
    }, this.timeoutSeconds * 1000);
    thread.running = { ...waiting, id, timer };
    thread.worker.ref();
    const { chart, input, format } = waiting.job;
    thread.worker.postMessage({ id, chart, input, format, fontFiles });
  }

  private answered(thread: Thread, answer: Answer) {
    const running = thread.running;
    if (!running || running.id !== answer.id) return;
    clearTimeout(running.timer);
    thread.running = undefined;
    thread.worker.unref();
    if ("error" in answer) running.reject(new Error(`drawing a chart failed: ${answer.error}`));
    else {
      this.drawn++;
      running.resolve({ body: answer.body, digest: answer.digest });
    }
    this.dispatch();
  }

  /** A thread that failed, exited or ran out of time: its chart is refused, and a new thread takes the next. */
  private lost(thread: Thread, error: Error) {
    const index = this.threads.indexOf(thread);
    if (index === -1) return;
    this.threads.splice(index, 1);
    const running = thread.running;
    thread.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.reject(error);
    }
    this.dispatch();
  }
}
