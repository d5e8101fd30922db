import { PassThrough, Readable } from "node:stream";
import type { Logger } from "../../lib/logger.ts";

/*
 * Exports are streamed: written only as fast as the client reads them, so a large export holds one page in memory,
 * and a client that goes away stops the work.
 */

/** Text as a byte stream, read from `chunks` only as the client takes it, in pieces of about 64 KB. */
export function textStream(chunks: AsyncIterable<string>, logger: Logger): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      try {
        while (text.length < 65_536) {
          const next = await iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += next.value;
        }
      } catch (error) {
        // The status is sent already: the client sees a broken download, never a truncated file as whole.
        logger.error({ err: error }, "export failed while streaming");
        controller.error(error);
        return;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

class ClientGone extends Error {}

function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

/** Hands items on no faster than the client reads what was written of them. */
export async function* paced<T>(items: Iterable<T> | AsyncIterable<T>, out: PassThrough): AsyncGenerator<T> {
  for await (const item of items) {
    if (out.writableNeedDrain) await drained(out);
    if (out.destroyed) throw new ClientGone();
    yield item;
  }
}

/** A workbook as a byte stream, written by `write` as the client reads it. */
export function xlsxStream(
  write: (out: PassThrough) => Promise<void>,
  logger: Logger,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    if (!(error instanceof ClientGone)) logger.error({ err: error }, "export failed while streaming");
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
