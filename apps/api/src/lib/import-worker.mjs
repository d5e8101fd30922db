// A reading thread of the import pool (import-pool.ts): reads one file at a time with its format's importer into
// the pipeline's staging lines (import-reading.ts), so parsing and checking rows never holds the API's event loop.
// Plain JavaScript, so Node runs it as it is: the TypeScript is loaded through tsx's API, as the server loads it.
// Each message is one file: { job, input }, input a transferred stream of the file's bytes; the answer
// { output }, a transferred stream of staged batches, which fails with the reading's error if it fails.
import { ReadableStream } from "node:stream/web";
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { readFile } = await tsImport("./import-reading.ts", import.meta.url);

parentPort.on("message", ({ job, input }) => {
  const output = ReadableStream.from(readFile(job, input));
  parentPort.postMessage({ output }, [output]);
});
