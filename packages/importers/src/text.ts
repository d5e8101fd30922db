import type { ByteSource, ImportProblem } from "./types.ts";

/** The encodings the importers read. Latin-1 is what SIPRI's CSV exports are written in. */
export type TextEncoding = "utf-8" | "latin1" | "utf-16le" | "utf-16be";

/** Chunks of bytes from any source, one at a time, as the consumer asks for them. */
export async function* byteChunks(input: ByteSource): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    if (typeof chunk === "string") yield encoder.encode(chunk);
    else if (chunk.byteLength > 0) yield chunk;
  }
}

/**
 * Decodes a byte stream chunk by chunk. Bytes that are not valid in the encoding become U+FFFD rather than an
 * exception, so the row that holds them can be reported (see `encodingProblem`). A UTF-8 byte order mark is
 * dropped. Output chunks are at most `maxChunk` characters, so one huge input chunk is not handed on whole.
 */
export async function* decodeText(
  input: ByteSource,
  encoding: TextEncoding = "utf-8",
  maxChunk = 65_536,
): AsyncGenerator<string> {
  // WHATWG "latin1" is windows-1252, a superset of ISO-8859-1 in the printable range SIPRI uses.
  const decoder = new TextDecoder(encoding === "latin1" ? "windows-1252" : encoding);
  for await (const bytes of byteChunks(input)) {
    yield* slices(decoder.decode(bytes, { stream: true }), maxChunk);
  }
  yield* slices(decoder.decode(), maxChunk);
}

function* slices(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const replacement = "\uFFFD";
// UTF-8 read as Latin-1 leaves pairs such as "Ã¼" (ü) or "Ã©" (é): a lead byte C2–DF as Â–ß, then a continuation.
const mojibake =
  /[\u00C2-\u00DF][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/**
 * A problem when a cell shows signs of the wrong encoding: U+FFFD where bytes were invalid (a Latin-1 file read
 * as UTF-8), or UTF-8 sequences read as Latin-1 ("TÃ¼rkiye").
 */
export function encodingProblem(
  row: number,
  column: string,
  value: string,
  expected: TextEncoding,
): ImportProblem | null {
  if (value.includes(replacement)) {
    return {
      row,
      column,
      value: excerpt(value),
      message: `bytes that are not valid ${expected}: the file is in another encoding (Latin-1 or Windows-1252?)`,
    };
  }
  if (expected === "latin1" && mojibake.test(value)) {
    return {
      row,
      column,
      value: excerpt(value),
      message:
        "looks like UTF-8 read as Latin-1: the file was re-saved as UTF-8; import it with encoding utf-8",
    };
  }
  return null;
}

/** A cell as shown in a problem: long values are cut, so a problem report stays small. */
export function excerpt(value: string, max = 200): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
