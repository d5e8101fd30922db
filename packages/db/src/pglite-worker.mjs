// PGlite on a worker thread of its own, so its queries (WebAssembly, synchronous while they run) leave the main
// thread's event loop free. Plain JavaScript: tests run under Vitest, where a worker thread cannot load TypeScript.
// The main side is pglite-thread.ts; the messages are described there.

import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const port = parentPort;
if (!port) throw new Error("pglite-worker.mjs runs as a worker thread");

/** Functions cannot cross threads: the main side sends the type ids of its parsers, all of them identities. */
const identity = (value) => value;

function optionsOf(sent) {
  if (!sent) return undefined;
  const options = {};
  if (sent.rowMode) options.rowMode = sent.rowMode;
  if (sent.paramTypes) options.paramTypes = sent.paramTypes;
  if (sent.identityParsers)
    options.parsers = Object.fromEntries(sent.identityParsers.map((id) => [id, identity]));
  if (sent.blob) options.blob = new Blob([sent.blob]);
  return options;
}

/** A result as it can cross: a blob written by COPY TO '/dev/blob' goes as its bytes. */
async function sendable(result) {
  if (!result.blob) return { result, transfer: [] };
  const bytes = await result.blob.arrayBuffer();
  return { result: { ...result, blob: bytes }, transfer: [bytes] };
}

/** An error as it can cross: its message, name and own fields (code, detail, constraint, …) but the options. */
function errorOf(error) {
  if (!(error instanceof Error)) return { message: String(error), name: "Error", fields: {} };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === "queryOptions" || typeof value === "function") continue;
    fields[key] = value;
  }
  return { message: error.message, name: error.name, stack: error.stack, fields };
}

function reply(id, work) {
  work.then(
    ({ result, transfer }) => port.postMessage({ type: "result", id, result }, transfer),
    (error) => port.postMessage({ type: "error", id, error: errorOf(error) }),
  );
}

/** Open transactions by id: PGlite's transaction object and how to end its callback. */
const transactions = new Map();
/** Thrown inside a transaction's callback when the main side asks for a rollback: PGlite then rolls back. */
const rollbackAsked = Symbol("rollback asked");

function target(tx) {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

let pg;
try {
  pg = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await pg.waitReady;
} catch (error) {
  port.postMessage({ type: "failed", error: errorOf(error) });
  port.close();
}

if (pg) {
  port.on("message", (message) => {
    const { id } = message;
    switch (message.op) {
      case "query":
        reply(
          id,
          (async () =>
            sendable(
              await target(message.tx).query(message.sql, message.params, optionsOf(message.options)),
            ))(),
        );
        break;
      case "exec":
        reply(
          id,
          (async () => {
            const results = await target(message.tx).exec(message.sql, optionsOf(message.options));
            const sent = await Promise.all(results.map(sendable));
            return { result: sent.map((s) => s.result), transfer: sent.flatMap((s) => s.transfer) };
          })(),
        );
        break;
      case "rollback":
        reply(
          id,
          (async () => {
            await target(message.tx).rollback();
            return { result: undefined, transfer: [] };
          })(),
        );
        break;
      case "begin":
        // The callback stays open until the main side's "end": PGlite's own lock keeps every other query out of
        // the transaction meanwhile, as when PGlite ran on the main thread.
        reply(
          id,
          (async () => {
            try {
              await pg.transaction(async (tx) => {
                const ended = new Promise((resolve, reject) => {
                  transactions.set(id, { tx, commit: resolve, rollback: () => reject(rollbackAsked) });
                });
                port.postMessage({ type: "began", id });
                try {
                  await ended;
                } finally {
                  transactions.delete(id);
                }
              });
            } catch (error) {
              if (error !== rollbackAsked) throw error;
            }
            return { result: undefined, transfer: [] };
          })(),
        );
        break;
      case "end": {
        const open = transactions.get(message.tx);
        if (open) (message.commit ? open.commit : open.rollback)();
        break;
      }
      case "close":
        // The reply goes once PGlite has closed its files; closing the port then lets the thread end.
        pg.close()
          .then(
            () => port.postMessage({ type: "result", id }),
            (error) => port.postMessage({ type: "error", id, error: errorOf(error) }),
          )
          .finally(() => port.close());
        break;
      default:
        port.postMessage({ type: "error", id, error: errorOf(new Error(`unknown message ${message.op}`)) });
    }
  });
  port.postMessage({ type: "ready" });
}
