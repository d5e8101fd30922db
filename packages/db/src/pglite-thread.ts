import { Worker } from "node:worker_threads";
import type { QueryOptions, Results } from "@electric-sql/pglite";

/*
 * PGlite runs its queries (WebAssembly) on the thread that calls it, and a query holds that thread until it ends:
 * on the API's event loop, every other request (even /health) would wait behind a heavy read. PGliteThread keeps
 * PGlite on a worker thread (pglite-worker.mjs) and offers, on this side, what the callers use of a PGlite
 * instance: query, exec, transaction and close.
 *
 * Messages to the worker: { op: "query" | "exec", id, tx?, sql, params?, options? }, { op: "rollback", id, tx },
 * { op: "begin", id }, { op: "end", tx, commit }, { op: "close", id }. From it: { type: "ready" | "failed" } once,
 * then { type: "result" | "error", id, … } for every request and { type: "began", id } when a transaction is open.
 */

/** What crosses for QueryOptions: the parsers as type ids (all identities), a blob as its bytes. */
interface SentOptions {
  rowMode?: QueryOptions["rowMode"];
  paramTypes?: number[];
  identityParsers?: number[];
  blob?: ArrayBuffer;
}

interface SentError {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Message =
  | { type: "ready" }
  | { type: "failed"; error: SentError }
  | { type: "began"; id: number }
  | { type: "result"; id: number; result: unknown }
  | { type: "error"; id: number; error: SentError };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Keeps the original options, for the rebuilt error's `queryOptions` as PGlite gives it. */
  options?: QueryOptions | undefined;
  began?: () => void;
}

/** A PGlite transaction as the callers see it (drizzle's session, bulk loads): its queries go to that transaction. */
export interface PGliteThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

const workerUrl = new URL("./pglite-worker.mjs", import.meta.url);

function rebuilt(sent: SentError, options?: QueryOptions): Error {
  const error = new Error(sent.message) as Error & Record<string, unknown>;
  Object.assign(error, sent.fields);
  error.name = sent.name;
  if (options !== undefined && "query" in sent.fields) error.queryOptions = options;
  if (sent.stack) error.stack = `${error.stack}\n    --- on the PGlite thread ---\n${sent.stack}`;
  return error;
}

async function sentOptions(
  options: QueryOptions | undefined,
): Promise<{ sent?: SentOptions; transfer: ArrayBuffer[] }> {
  if (!options) return { transfer: [] };
  const known = new Set(["rowMode", "paramTypes", "parsers", "blob"]);
  for (const key of Object.keys(options)) {
    if (!known.has(key) && options[key as keyof QueryOptions] !== undefined) {
      throw new Error(`PGliteThread: the query option "${key}" cannot cross to the PGlite thread`);
    }
  }
  const sent: SentOptions = {};
  const transfer: ArrayBuffer[] = [];
  if (options.rowMode) sent.rowMode = options.rowMode;
  if (options.paramTypes) sent.paramTypes = options.paramTypes;
  if (options.parsers) {
    sent.identityParsers = Object.entries(options.parsers).map(([id, parser]) => {
      // drizzle's parsers keep the text of dates and intervals as it is: the thread applies the same identities.
      if (parser("\u0000probe", Number(id)) !== "\u0000probe") {
        throw new Error(`PGliteThread: only identity parsers can cross to the PGlite thread (type ${id})`);
      }
      return Number(id);
    });
  }
  if (options.blob) {
    sent.blob = await options.blob.arrayBuffer();
    transfer.push(sent.blob);
  }
  return { sent, transfer };
}

/** A blob written by COPY TO '/dev/blob' comes back as bytes: a Blob again, as PGlite gives it. */
function received<T>(result: Results<T>): Results<T> {
  const blob = (result as { blob?: unknown }).blob;
  return blob instanceof ArrayBuffer ? { ...result, blob: new Blob([blob]) } : result;
}

export class PGliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ended: Error | undefined;
  private closing: Promise<void> | undefined;

  constructor(dataDir?: string) {
    this.worker = new Worker(workerUrl, { workerData: { dataDir } });
    let ready: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    this.waitReady = new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    // Referenced only while it starts and while a request is under way (see settled): an idle database does not
    // keep a finished process alive, and a process waiting on a write does not end before it.
    this.worker.ref();
    this.worker.on("message", (message: Message) => {
      switch (message.type) {
        case "ready":
          this.settled();
          ready();
          break;
        case "failed":
          this.settled();
          failed(rebuilt(message.error));
          break;
        case "began":
          this.pending.get(message.id)?.began?.();
          break;
        case "result":
        case "error": {
          const pending = this.pending.get(message.id);
          if (!pending) break;
          this.pending.delete(message.id);
          this.settled();
          if (message.type === "result") pending.resolve(message.result);
          else pending.reject(rebuilt(message.error, pending.options));
          break;
        }
      }
    });
    const end = (error: Error) => {
      this.ended ??= error;
      failed(error);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
      this.worker.unref();
    };
    this.worker.on("error", (error) => end(error));
    this.worker.on("exit", (code) => end(new Error(`the PGlite thread has ended (exit code ${code})`)));
  }

  /** Unreferences the worker once nothing is under way. */
  private settled(): void {
    if (this.pending.size === 0) this.worker.unref();
  }

  private request<T>(
    message: Record<string, unknown>,
    transfer: ArrayBuffer[] = [],
    options?: QueryOptions,
    began?: () => void,
  ): { id: number; done: Promise<T> } {
    const id = this.nextId++;
    const done = new Promise<T>((resolve, reject) => {
      if (this.ended) {
        reject(this.ended);
        return;
      }
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, options, began });
      this.worker.ref();
      this.worker.postMessage({ ...message, id }, transfer);
    });
    return { id, done };
  }

  private async run<T>(
    op: "query" | "exec",
    tx: number | undefined,
    sql: string,
    params: unknown[] | undefined,
    options?: QueryOptions,
  ): Promise<T> {
    const { sent, transfer } = await sentOptions(options);
    return this.request<T>({ op, tx, sql, params, options: sent }, transfer, options).done;
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return received(await this.run<Results<T>>("query", undefined, sql, params, options));
  }

  async exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return (await this.run<Results[]>("exec", undefined, sql, undefined, options)).map(received);
  }

  /**
   * As PGlite's: the callback's queries run in one transaction, committed when it returns and rolled back when it
   * throws (the original error is rethrown). The transaction stays open on the thread meanwhile, and PGlite's own
   * lock keeps every other query out of it.
   */
  async transaction<T>(callback: (tx: PGliteThreadTransaction) => Promise<T>): Promise<T> {
    let opened: () => void = () => {};
    const began = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const { id, done } = this.request<void>({ op: "begin" }, [], undefined, () => opened());
    // A failed BEGIN settles `done` before the transaction opens.
    await Promise.race([began, done]);
    let closed = false;
    const check = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx: PGliteThreadTransaction = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        check();
        return received(await this.run<Results<R>>("query", id, sql, params, options));
      },
      exec: async (sql: string, options?: QueryOptions) => {
        check();
        return (await this.run<Results[]>("exec", id, sql, undefined, options)).map(received);
      },
      rollback: async () => {
        check();
        await this.request<void>({ op: "rollback", tx: id }).done;
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      closed = true;
      this.worker.postMessage({ op: "end", tx: id, commit: false });
      await done.catch(() => {});
      throw error;
    }
    closed = true;
    this.worker.postMessage({ op: "end", tx: id, commit: true });
    await done;
    return result;
  }

  /** Closes PGlite (its files written) and ends the thread. */
  close(): Promise<void> {
    this.closing ??= this.ended
      ? Promise.resolve()
      : this.request<void>({ op: "close" }).done.then(async () => {
          await this.worker.terminate();
        });
    return this.closing;
  }
}
