import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** What a fake saw: enough to assert exactly what the real SDK put on the wire. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
};

/** "hang" keeps the socket open and never answers, to drive the client into its timeout. */
export type Reply = { status: number; headers?: Record<string, string>; json?: unknown } | "hang";

export type ScriptedServer = {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
};

/**
 * A mode or a sequence of modes. Each `next()` takes the following step; the last step
 * repeats, so [500, 500, "ok"] fails twice and then keeps succeeding.
 */
export class StepScript<Step> {
  private steps: Step[];
  constructor(initial: Step) {
    this.steps = [initial];
  }
  set(modeOrSequence: Step | Step[]): void {
    const steps = Array.isArray(modeOrSequence) ? [...modeOrSequence] : [modeOrSequence];
    if (steps.length === 0) throw new Error("a scripted sequence needs at least one step");
    this.steps = steps;
  }
  next(): Step {
    return this.steps.length > 1 ? this.steps.shift()! : this.steps[0];
  }
}

/**
 * A node:http server on 127.0.0.1 with a random port that records every request (unless
 * `keepRequests` is false: the event-day replay's ~100,000 emails would hold gigabytes of HTML).
 */
export async function startScriptedServer(handlers: {
  parseBody(raw: string, headers: IncomingHttpHeaders): unknown;
  reply(request: RecordedRequest): Reply;
  keepRequests?: boolean;
}): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake.local");
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        body: rawBody ? handlers.parseBody(rawBody, req.headers) : undefined,
      };
      if (handlers.keepRequests !== false) requests.push(recorded);
      const reply = handlers.reply(recorded);
      if (reply === "hang") return;
      const body = reply.json === undefined ? "" : JSON.stringify(reply.json);
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hung and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A port that was just free and is now closed: connecting is refused before anything is sent. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
