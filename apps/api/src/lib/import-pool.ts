import { availableParallelism } from "node:os";
import { ReadableStream } from "node:stream/web";
import { Worker } from "node:worker_threads";
import type { StagedRows } from "@commitments/db";
import type { ReadJob } from "./import-reading.ts";

/*
 * Imported files are read on worker threads (import-worker.mjs), never on the API's event loop: parsing a large
 * upload and checking each of its records keeps a processor busy for minutes, and /health, reads and writes must
 * answer meanwhile. The file's bytes stream to the thread and its staging lines stream back, both through
 * transferred web streams, whose backpressure keeps a batch or two in flight: the pipeline COPY-es one batch while
 * the thread reads the next. A small pool, sized from the cores, reads one file per thread; an import past it
 * waits for a thread, its upload unread meanwhile. A thread that fails, or whose reading is abandoned, is stopped
 * and a new one started for the next file.
 */

export interface ImportPoolOptions {
  /** Reading threads; by default one per two cores, from 1 to 4 (one core stays with the event loop). */
  workers?: number | undefined;
}

const workerUrl = new URL("./import-worker.mjs", import.meta.url);

export class ImportPool {
  readonly workers: number;
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  /** Threads taken: reading, or started for a file. */
  private busy = 0;
  private started = 0;
  private filesRead = 0;

  constructor({ workers }: ImportPoolOptions = {}) {
    this.workers = workers ?? Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
  }

  /** A file's bytes read on a thread of the pool into staging lines, as the thread makes them. */
  async *read(job: ReadJob, input: AsyncIterable<Uint8Array>): AsyncGenerator<StagedRows> {
    // An error of the bytes themselves (the upload cut, a size limit) is the caller's: it crosses the thread as a
    // copy, so the original is kept and thrown as it was.
    let inputError: unknown;
    const source = ReadableStream.from(
      (async function* () {
        try {
          yield* input;
        } catch (error) {
          inputError = error;
          throw error;
        }
      })(),
    );
    const worker = await this.acquire();
    const lost = whenLost(worker);
    let finished = false;
    try {
      const answer = new Promise<ReadableStream<StagedRows>>((resolve) =>
        worker.once("message", ({ output }) => resolve(output)),
      );
      worker.postMessage({ job, input: source }, [source as never]);
      const reader = (await Promise.race([answer, lost.promise])).getReader();
      for (;;) {
        const next = await Promise.race([reader.read(), lost.promise]);
        if (next.done) break;
        yield next.value;
      }
      finished = true;
      this.filesRead += 1;
    } catch (error) {
      throw inputError ?? error;
    } finally {
      lost.stop();
      this.release(worker, finished);
    }
  }

  /** Threads started, idle and files read since the pool began, and imports waiting for a thread. */
  stats() {
    return {
      started: this.started,
      idle: this.idle.length,
      waiting: this.waiting.length,
      read: this.filesRead,
    };
  }

  /** Stops the idle threads; threads reading are stopped when their file is done. */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) {
      this.busy += 1;
      worker.ref();
      return Promise.resolve(worker);
    }
    if (this.busy < this.workers) {
      this.busy += 1;
      this.started += 1;
      return Promise.resolve(new Worker(workerUrl));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A thread back to the pool after a whole file, or stopped (it may be mid-file) and its place freed. */
  private release(worker: Worker, reusable: boolean) {
    if (!reusable) {
      void worker.terminate();
      this.busy -= 1;
      const next = this.waiting.shift();
      if (next) void this.acquire().then(next);
      return;
    }
    const next = this.waiting.shift();
    if (next) {
      next(worker);
      return;
    }
    this.busy -= 1;
    // An idle thread keeps no process alive.
    worker.unref();
    this.idle.push(worker);
  }
}

/** A promise that fails when the thread does (an error, or its exit), until `stop`. */
function whenLost(worker: Worker): { promise: Promise<never>; stop(): void } {
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<never>((_, reject) => {
    fail = reject;
  });
  promise.catch(() => {});
  const onError = (error: Error) => fail(error);
  const onExit = (code: number) => fail(new Error(`an import thread stopped (exit code ${code})`));
  worker.on("error", onError);
  worker.on("exit", onExit);
  return {
    promise,
    stop() {
      worker.off("error", onError);
      worker.off("exit", onExit);
    },
  };
}
