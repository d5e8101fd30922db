import { ErrorBody } from "./errors.ts";

/** Asserts a response is an error in the API's one contract and returns its body. */
export async function expectError(response: Response, status: number) {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  }
  return ErrorBody.parse(await response.json()).error;
}
