import { Agent, request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import { writeTemplateCsv } from "@commitments/importers";
import { generatedRecords } from "@commitments/importers/testing";
import { afterAll, describe, expect, it } from "vitest";
import {
  createWriteToken,
  type RunningServer,
  startServer,
  storeTargets,
  useAdministeredStore,
} from "./server.ts";

/*
 * The limits a public server needs, against the real server process: body sizes (declared and chunked), page
 * sizes, requests a minute per token and per address, and slow clients. The limits are set low through the same
 * environment an operator uses, so a test reaches them in seconds.
 */

const tokenLimit = 15;
const anonymousLimit = 60;
const importLimit = 64 * 1024;
const jsonLimit = 1024 * 1024;
const env = {
  // Behind a proxy: each test's anonymous requests name their own address in X-Forwarded-For.
  TRUST_PROXY: "true",
  TOKEN_REQUESTS_PER_MINUTE: String(tokenLimit),
  ANONYMOUS_REQUESTS_PER_MINUTE: String(anonymousLimit),
  IMPORT_MAX_BYTES: String(importLimit),
  HEADERS_TIMEOUT_SECONDS: "2",
  REQUEST_TIMEOUT_SECONDS: "4",
  KEEP_ALIVE_TIMEOUT_SECONDS: "1",
  LOG_LEVEL: "warn",
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The limits count in windows of a clock minute: with less than `seconds` of this one left, waits for the next. */
async function freshWindow(seconds = 25) {
  const into = Date.now() % 60_000;
  if (into > (60 - seconds) * 1000) await sleep(60_000 - into + 250);
}

interface ErrorContract {
  error: { code: string; message: string; details?: { location: string; path: string }[]; requestId: string };
}

function expectContract(text: string, code: string): ErrorContract {
  const body = JSON.parse(text) as ErrorContract;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBeTruthy();
  expect(body.error.requestId).toBeTruthy();
  return body;
}

interface EndlessUpload {
  status: number | undefined;
  body: string;
  /** Bytes written before the answer came, and after it until the server closed the connection. */
  sentBefore: number;
  sentAfter: number;
  /** Whether the server closed the connection (false: the guard gave up on it). */
  closed: boolean;
}

/**
 * Sends a chunked body (Transfer-Encoding: chunked, no Content-Length) as fast as the connection takes it, and
 * never ends it: settles once the server closes the connection, or after `guardMs` with `closed: false`.
 */
function endlessChunkedUpload(
  url: string,
  path: string,
  headers: Record<string, string>,
  next: () => Buffer,
  guardMs = 30_000,
): Promise<EndlessUpload> {
  return new Promise((resolve) => {
    // A connection of its own, kept alive as browsers and curl ask (without an agent, Node's client would send
    // Connection: close, and the server would close at once, racing its own answer): closing it is the server's
    // doing.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const req = httpRequest(new URL(path, url), {
      method: "POST",
      agent,
      headers: { ...headers, "transfer-encoding": "chunked" },
    });
    const result: EndlessUpload = { status: undefined, body: "", sentBefore: 0, sentAfter: 0, closed: false };
    let stopped = false;
    const write = () => {
      while (!stopped) {
        const chunk = next();
        if (result.status === undefined) result.sentBefore += chunk.length;
        else result.sentAfter += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
    };
    const finish = (closed: boolean) => {
      if (stopped) return;
      stopped = true;
      clearTimeout(guard);
      agent.destroy();
      result.closed = closed;
      resolve(result);
    };
    const guard = setTimeout(() => {
      finish(false);
      req.destroy();
    }, guardMs);
    req.on("socket", (socket) => socket.on("close", () => finish(true)));
    req.on("response", (res) => {
      result.status = res.statusCode;
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        result.body += text;
      });
    });
    // The server cutting the upload short is the point.
    req.on("error", () => {});
    write();
  });
}

/** Template CSV rows, each valid, about a megabyte of them. */
async function templateRows(prefix: string): Promise<Buffer> {
  let text = "";
  for await (const line of writeTemplateCsv(generatedRecords(prefix, 4000, 1))) text += line;
  return Buffer.from(text, "utf8");
}

/** Endless slices of `data`, from the start and over again. */
function cycling(data: Buffer, size = 16 * 1024) {
  let offset = 0;
  return () => {
    if (offset >= data.length) offset = 0;
    const slice = data.subarray(offset, offset + size);
    offset += size;
    return slice;
  };
}

interface SlowClient {
  /** The first line the server answered, if any ("HTTP/1.1 408 Request Timeout"). */
  answer: () => string;
  closed: Promise<boolean>;
  stop(): void;
}

/** A raw connection that sends `opening`, then `trickle` every 200 ms, never finishing its request. */
function slowClient(url: string, opening: string, trickle: string | null): SlowClient {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let received = "";
  let timer: NodeJS.Timeout | undefined;
  socket.setEncoding("utf8");
  socket.on("data", (text: string) => {
    received += text;
  });
  socket.on("error", () => {});
  socket.on("connect", () => {
    if (opening) socket.write(opening);
    if (trickle !== null) {
      timer = setInterval(() => {
        if (!socket.destroyed) socket.write(trickle);
      }, 200);
    }
  });
  const closed = new Promise<boolean>((resolve) => {
    const guard = setTimeout(() => resolve(false), 30_000);
    socket.on("close", () => {
      clearTimeout(guard);
      clearInterval(timer);
      resolve(true);
    });
  });
  return {
    answer: () => received.split("\r\n")[0] ?? "",
    closed,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

describe.each(storeTargets())("resource limits on $name", (target) => {
  const ctx = useAdministeredStore(target, env);
  const figures = {
    jsonChunkedSentAfter: 0,
    importChunkedSentAfter: 0,
    pageCapRoutes: 0,
    tokenAllowed: 0,
    anonymousAllowed: 0,
    replicasAllowed: undefined as number | undefined,
    slow: { closed: 0, of: 0, answered408: 0 },
    keepAliveClosed: false,
    answeredDuring: false,
  };
  afterAll(() => {
    const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
    console.log(
      `limits (${target.name}): 413 plain and chunked for JSON (1 MiB) and imports (${kib(importLimit)}), chunked uploads closed after the answer (${kib(figures.jsonChunkedSentAfter)} and ${kib(figures.importChunkedSentAfter)} written after it); limit=201 answered 400 on ${figures.pageCapRoutes} lists; 429 per token after ${figures.tokenAllowed}, per address after ${figures.anonymousAllowed}${figures.replicasAllowed === undefined ? "" : ` (${figures.replicasAllowed} across two processes)`}; slow connections closed: ${figures.slow.closed} of ${figures.slow.of} (${figures.slow.answered408} answered 408); idle keep-alive closed: ${figures.keepAliveClosed ? "yes" : "no"}; health and a read answered during: ${figures.answeredDuring ? "yes" : "no"}`,
    );
  });

  const url = () => (ctx.server as RunningServer).url;
  let nextAddress = 1;
  /** A client address of its own (TEST-NET-2), through the trusted proxy's X-Forwarded-For. */
  const newAddress = () => ({ "X-Forwarded-For": `198.51.100.${nextAddress++}` });
  const get = (path: string, headers: Record<string, string> = {}, base = url()) =>
    fetch(new URL(path, base), { headers });
  const withToken = (token = ctx.token) => ({ Authorization: `Bearer ${token}` });
  const commitment = (id: string, title: string) => ({
    id,
    donor: "NL",
    title,
    category: "drones",
    measure: { kind: "money", amount: "1000000", currency: "EUR" },
    sources: [{ title: "Resource limits test fixture, not a real figure", kind: "research" }],
    synthetic: true,
  });

  it("refuses a JSON body over 1 MiB with 413, declared or chunked, writes nothing and stops reading", async () => {
    const reader = newAddress();
    const big = JSON.stringify(commitment("limits-too-big", "x".repeat(jsonLimit)));
    const plain = await fetch(new URL("/v1/commitments", url()), {
      method: "POST",
      headers: { ...withToken(), "Content-Type": "application/json" },
      body: big,
    });
    expect(plain.status).toBe(413);
    expectContract(await plain.text(), "PAYLOAD_TOO_LARGE");

    // The same as a chunked body that never ends: refused once past the limit, and the connection closed soon
    // after rather than read for ever.
    const opening = Buffer.from('{"id":"limits-chunked","donor":"NL","title":"');
    let first = true;
    const chunked = await endlessChunkedUpload(
      url(),
      "/v1/commitments",
      { ...withToken(), "Content-Type": "application/json" },
      () => {
        if (!first) return Buffer.alloc(16 * 1024, "x");
        first = false;
        return opening;
      },
    );
    expect(chunked.status).toBe(413);
    expectContract(chunked.body, "PAYLOAD_TOO_LARGE");
    expect(chunked.closed).toBe(true);
    expect(chunked.sentBefore).toBeGreaterThan(jsonLimit);
    figures.jsonChunkedSentAfter = chunked.sentAfter;

    for (const id of ["limits-too-big", "limits-chunked"]) {
      expect((await get(`/v1/commitments/${id}`, reader)).status).toBe(404);
    }
  });

  it(`refuses an import over IMPORT_MAX_BYTES (${importLimit}) with 413, declared or chunked, and writes nothing`, async () => {
    const reader = newAddress();
    const rows = await templateRows("limits-import");
    expect(rows.length).toBeGreaterThan(4 * importLimit);
    const path = "/v1/imports?format=template-csv&name=too-big.csv";
    const headers = { ...withToken(), "Content-Type": "text/csv" };

    const plain = await fetch(new URL(path, url()), {
      method: "POST",
      headers,
      body: new Uint8Array(rows.subarray(0, importLimit + 1)),
    });
    expect(plain.status).toBe(413);
    expectContract(await plain.text(), "PAYLOAD_TOO_LARGE");

    const chunked = await endlessChunkedUpload(url(), path, headers, cycling(rows));
    expect(chunked.status).toBe(413);
    expect(expectContract(chunked.body, "PAYLOAD_TOO_LARGE").error.message).toContain(`${importLimit} bytes`);
    expect(chunked.closed).toBe(true);
    figures.importChunkedSentAfter = chunked.sentAfter;

    // The first rows were valid: had the file ended there, they would be records now.
    expect((await get("/v1/commitments/limits-import-0", reader)).status).toBe(404);
    expect((await get("/v1/commitments/limits-import-1", reader)).status).toBe(404);
  });

  it("caps every list at 200 a page: limit=201 answers 400 naming limit", async () => {
    const reader = newAddress();
    const document = (await (await get("/openapi.json", reader)).json()) as {
      paths: Record<
        string,
        { get?: { security?: unknown[]; parameters?: { in: string; name: string; required?: boolean }[] } }
      >;
    };
    // Every public list that needs nothing but its page.
    const lists = Object.entries(document.paths).filter(([path, item]) => {
      const parameters = item.get?.parameters ?? [];
      return (
        item.get !== undefined &&
        !path.includes("{") &&
        (item.get.security ?? []).length === 0 &&
        parameters.some((p) => p.in === "query" && p.name === "limit") &&
        !parameters.some((p) => p.required)
      );
    });
    expect(lists.length).toBeGreaterThanOrEqual(5);
    for (const [path] of lists) {
      const over = await get(`${path}?limit=201`, reader);
      expect(over.status, path).toBe(400);
      const { error } = expectContract(await over.text(), "VALIDATION_FAILED");
      expect(
        error.details?.some((d) => d.location === "query" && d.path === "limit"),
        path,
      ).toBe(true);
      expect((await get(`${path}?limit=200`, reader)).status, path).toBe(200);
    }
    figures.pageCapRoutes = lists.length;
  });

  it(`answers 429 with Retry-After after TOKEN_REQUESTS_PER_MINUTE (${tokenLimit}) requests with one token`, async () => {
    const token = await createWriteToken(url());
    const reader = newAddress();
    await freshWindow();
    let allowed = 0;
    let refused: Response | undefined;
    for (let i = 0; i < 2 * tokenLimit && !refused; i++) {
      const response = await get("/v1/agreements?limit=1", withToken(token));
      if (response.status === 429) refused = response;
      else {
        expect(response.status).toBe(200);
        allowed += 1;
      }
    }
    expect(allowed).toBe(tokenLimit);
    const retryAfter = Number(refused?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expectContract(await (refused as Response).text(), "TOO_MANY_REQUESTS");
    // A write over the limit writes nothing; another token is not held back.
    const write = await fetch(new URL("/v1/commitments", url()), {
      method: "POST",
      headers: { ...withToken(token), "Content-Type": "application/json" },
      body: JSON.stringify(commitment("limits-over-token", "over the limit")),
    });
    expect(write.status).toBe(429);
    expect((await get("/v1/commitments/limits-over-token", reader)).status).toBe(404);
    expect((await get("/v1/agreements?limit=1", withToken())).status).toBe(200);
    figures.tokenAllowed = allowed;
  });

  /** Anonymous reads from `address` through `servers` in turn until one answers 429: how many were allowed. */
  async function readUntilRefused(address: Record<string, string>, servers: string[]) {
    let allowed = 0;
    for (let i = 0; i < 2 * anonymousLimit; i++) {
      const response = await get("/v1/agreements?limit=1", address, servers[i % servers.length]);
      if (response.status === 429) return { allowed, refused: response };
      expect(response.status).toBe(200);
      allowed += 1;
    }
    return { allowed, refused: undefined };
  }

  it(`answers 429 with Retry-After after ANONYMOUS_REQUESTS_PER_MINUTE (${anonymousLimit}) reads from one address`, async () => {
    const address = newAddress();
    await freshWindow();
    const { allowed, refused } = await readUntilRefused(address, [url()]);
    expect(allowed).toBe(anonymousLimit);
    const retryAfter = Number(refused?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expectContract(await (refused as Response).text(), "TOO_MANY_REQUESTS");

    const limited = address["X-Forwarded-For"];
    // The address is the one the proxy appended, whatever the client claimed before it.
    const claimed = { "X-Forwarded-For": `203.0.113.50, ${limited}` };
    expect((await get("/v1/agreements?limit=1", claimed)).status).toBe(429);
    // Every read and document is counted; /health is not.
    expect((await get("/openapi.json", address)).status).toBe(429);
    expect((await get("/v1/series", address)).status).toBe(429);
    expect((await get("/health", address)).status).toBe(200);
    // Another address, and a token from the limited one, are not held back.
    expect((await get("/v1/agreements?limit=1", newAddress())).status).toBe(200);
    expect((await get("/v1/agreements?limit=1", { ...address, ...withToken() })).status).toBe(200);
    figures.anonymousAllowed = allowed;
  });

  it.skipIf(target.name !== "postgres")(
    "counts an address across two API processes on one database",
    async () => {
      const second = await startServer({ ...ctx.store.env, ...env });
      try {
        const address = newAddress();
        await freshWindow();
        const { allowed, refused } = await readUntilRefused(address, [url(), second.url]);
        expect(allowed).toBe(anonymousLimit);
        expect(refused?.status).toBe(429);
        figures.replicasAllowed = allowed;
      } finally {
        await second.stop();
      }
    },
  );

  it("closes connections that do not finish their request in time, and answers others meanwhile", async () => {
    const slow = [
      // Headers a byte at a time (slowloris): closed after HEADERS_TIMEOUT_SECONDS.
      ...Array.from({ length: 30 }, (_, i) =>
        slowClient(
          url(),
          `GET /v1/agreements HTTP/1.1\r\nHost: limits\r\nX-Forwarded-For: 192.0.2.${i}\r\nX-Slow: `,
          "a",
        ),
      ),
      // Connected, silent.
      ...Array.from({ length: 10 }, () => slowClient(url(), "", null)),
      // Headers whole, then a body that trickles: closed after REQUEST_TIMEOUT_SECONDS.
      ...Array.from({ length: 10 }, (_, i) =>
        slowClient(
          url(),
          `POST /v1/commitments HTTP/1.1\r\nHost: limits\r\nX-Forwarded-For: 192.0.2.${100 + i}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n`,
          "1\r\n \r\n",
        ),
      ),
    ];
    try {
      await sleep(500);
      // While they hang, the server answers as usual.
      expect((await get("/health")).status).toBe(200);
      expect((await get("/v1/agreements?limit=5", newAddress())).status).toBe(200);
      figures.answeredDuring = true;

      const closed = await Promise.all(slow.map((client) => client.closed));
      figures.slow = {
        closed: closed.filter(Boolean).length,
        of: slow.length,
        answered408: slow.filter((client) => client.answer().startsWith("HTTP/1.1 408")).length,
      };
      expect(figures.slow.closed).toBe(slow.length);
      // Those that sent something are told why.
      for (const client of [...slow.slice(0, 30), ...slow.slice(40)])
        expect(client.answer()).toMatch(/^HTTP\/1.1 408/);
    } finally {
      for (const client of slow) client.stop();
    }

    // An idle connection kept alive after its answer is closed after KEEP_ALIVE_TIMEOUT_SECONDS.
    const idle = slowClient(url(), "GET /health HTTP/1.1\r\nHost: limits\r\n\r\n", null);
    figures.keepAliveClosed = await idle.closed;
    expect(idle.answer()).toBe("HTTP/1.1 200 OK");
    expect(figures.keepAliveClosed).toBe(true);
  }, 120_000);
});
