import { ErrorBody } from "../src/lib/errors.ts";

/** Asserts a response is an error in the API's one contract and returns its body. */
export async function expectError(response: Response, status: number) {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  }
  return ErrorBody.parse(await response.json()).error;
}

type Success<R> = R extends { ok: true } ? R : never;

/** The body of a successful typed-client response, or a failure naming the status and the error it got. */
export async function okJson<R extends { ok: boolean; status: number; text(): Promise<string> }>(
  response: R,
): Promise<Success<R> extends { json(): Promise<infer T> } ? T : never> {
  if (!response.ok) throw new Error(`expected success, got ${response.status}: ${await response.text()}`);
  return JSON.parse(await response.text());
}
