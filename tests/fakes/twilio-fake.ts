import { randomBytes } from "node:crypto";
import { smsSegmentCount } from "@/lib/messaging/segments";
import { startScriptedServer, StepScript, type RecordedRequest, type Reply } from "./scripted-server";

/**
 * A stand-in for Twilio's Messages API (2010-04-01): create (form-encoded POST) and list
 * (GET with To / DateSent filters, paged like Twilio with a relative next_page_uri).
 * Errors use Twilio's legacy JSON shape {code, message, more_info, status}, which the
 * SDK turns into a RestException.
 */
export type TwilioFakeStep =
  | "ok"
  /** Never answer and accept nothing: the send is lost before Twilio took it. */
  | "hang"
  /** Accept the message (it shows in the list) but never answer: the uncertain case. */
  | "accept-then-hang"
  /** A bare HTTP status with Twilio's 20xxx code for it (429 → 20429, 500 → 20500). */
  | number
  /** A Twilio error code, e.g. { code: 21610 } (400 unless given). */
  | { code?: number; status?: number; message?: string; retryAfterSeconds?: number };

export type TwilioFakeMessage = {
  sid: string;
  to: string;
  from: string | null;
  messaging_service_sid: string | null;
  body: string;
  status: string;
  date_created: string;
  date_sent: string | null;
  createdAtMs: number;
};

const KNOWN_ERRORS: Record<number, string> = {
  20003: "Authenticate",
  20429: "Too Many Requests",
  20500: "Internal Server Error",
  20503: "Service Unavailable",
  21211: "Invalid 'To' Phone Number",
  21610: "Attempt to send to unsubscribed recipient",
  21614: "'To' number is not a valid mobile number",
};
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/;

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;

export type TwilioFakeOptions = {
  /** Caps list pages below what the SDK asks for, to exercise next-page requests. */
  maxPageSize?: number;
  /** Decides each create's answer instead of the script (the chaos run's random faults). */
  decide?: (request: RecordedRequest) => TwilioFakeStep;
  /** The fake's clock in ms (the chaos run's controlled time); default Date.now. */
  now?: () => number;
  /**
   * A carrier's pace per sending number (US long code: 1 segment/s): a create that comes
   * sooner than the number's last send allows (segments ÷ rate, less `paceToleranceMs` of
   * network jitter) is answered 429 (20429). Absent: no limit.
   */
  segmentsPerSecondPerSender?: number;
  paceToleranceMs?: number;
};

export async function startTwilioFake(options: TwilioFakeOptions = {}) {
  const script = new StepScript<TwilioFakeStep>("ok");
  const accepted: TwilioFakeMessage[] = [];
  /** Per sending number: when its pace allows the next send; and the creates refused for coming too soon. */
  const nextFree = new Map<string, number>();
  const paced: Array<{ sender: string; atMs: number; earlyByMs: number }> = [];

  const server = await startScriptedServer({
    parseBody: (raw) => Object.fromEntries(new URLSearchParams(raw)),
    reply(request): Reply {
      const accountSid = MESSAGES_PATH.exec(request.path)?.[1];
      if (!accountSid) return twilioError(404, 20404, "The requested resource was not found");
      if (basicAuthUser(request) !== accountSid) return twilioError(401, 20003);
      if (request.method === "GET") return listPage(request, accepted, options.maxPageSize);
      if (request.method !== "POST") return twilioError(405, 20004, "Method not allowed");

      if (options.segmentsPerSecondPerSender !== undefined) {
        const form = request.body as Record<string, string>;
        const sender = form.From ?? form.MessagingServiceSid ?? "?";
        const t = (options.now ?? Date.now)();
        const free = nextFree.get(sender) ?? -Infinity;
        if (t < free - (options.paceToleranceMs ?? 250)) {
          paced.push({ sender, atMs: t, earlyByMs: free - t });
          const reply = twilioError(429, 20429, `Too Many Requests: ${sender} is sending faster than ${options.segmentsPerSecondPerSender} segment/s`);
          reply.headers = { "retry-after": "1" };
          return reply;
        }
        nextFree.set(sender, Math.max(t, free) + (smsSegmentCount(form.Body ?? "") * 1000) / options.segmentsPerSecondPerSender);
      }
      const step = options.decide ? options.decide(request) : script.next();
      if (step === "hang") return "hang";
      if (step === "ok" || step === "accept-then-hang") {
        const message = accept(request.body as Record<string, string>, accepted, options.now ?? Date.now);
        if (step === "accept-then-hang") return "hang";
        // A fresh message is queued and not yet sent, as in Twilio's 201.
        return { status: 201, json: toApiJson({ ...message, status: "queued", date_sent: null }, accountSid) };
      }
      const spec = typeof step === "number" ? { status: step } : step;
      const status = spec.status ?? 400;
      const reply = twilioError(status, spec.code ?? 20000 + status, spec.message);
      if (spec.retryAfterSeconds !== undefined) reply.headers = { "retry-after": String(spec.retryAfterSeconds) };
      return reply;
    },
  });

  return {
    url: server.url,
    requests: server.requests,
    /** Message creates only, with their form fields. */
    sentForms: () =>
      server.requests.filter((r) => r.method === "POST").map((r) => r.body as Record<string, string>),
    accepted,
    paced,
    setMode: (modeOrSequence: TwilioFakeStep | TwilioFakeStep[]) => script.set(modeOrSequence),
    close: server.close,
  };
}

function accept(form: Record<string, string>, accepted: TwilioFakeMessage[], now: () => number): TwilioFakeMessage {
  const nowMs = now();
  const message: TwilioFakeMessage = {
    sid: `SM${randomBytes(16).toString("hex")}`,
    to: form.To,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    body: form.Body ?? "",
    status: "sent",
    date_created: rfc2822(nowMs),
    date_sent: rfc2822(nowMs),
    createdAtMs: nowMs,
  };
  accepted.push(message);
  return message;
}

/** Twilio filters DateSent by whole GMT days ("on or after midnight"), newest first. */
function listPage(request: RecordedRequest, accepted: TwilioFakeMessage[], maxPageSize = 1000): Reply {
  const { query, path } = request;
  const dayStart = (v: string | undefined) => (v ? Date.parse(`${v.slice(0, 10)}T00:00:00Z`) : undefined);
  const onOrAfter = dayStart(query["DateSent>"]);
  const matching = accepted
    .filter((m) => !query.To || m.to === query.To)
    .filter((m) => onOrAfter === undefined || (m.date_sent !== null && m.createdAtMs >= onOrAfter))
    .sort((a, b) => b.createdAtMs - a.createdAtMs);
  const pageSize = Math.min(Number(query.PageSize ?? 50), maxPageSize);
  const page = Number(query.Page ?? 0);
  const slice = matching.slice(page * pageSize, (page + 1) * pageSize);
  const accountSid = MESSAGES_PATH.exec(path)![1];
  const pageUri = (n: number) => {
    const q = new URLSearchParams({ ...query, PageSize: String(pageSize), Page: String(n), PageToken: `PA${n}` });
    return `${path}?${q}`;
  };
  const hasNext = (page + 1) * pageSize < matching.length;
  return {
    status: 200,
    json: {
      messages: slice.map((m) => toApiJson(m, accountSid)),
      end: page * pageSize + slice.length - 1,
      first_page_uri: pageUri(0),
      next_page_uri: hasNext ? pageUri(page + 1) : null,
      previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      page,
      page_size: pageSize,
      start: page * pageSize,
      uri: `${path}?${new URLSearchParams(query)}`,
    },
  };
}

function toApiJson(m: TwilioFakeMessage, accountSid: string) {
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`;
  return {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: m.body,
    date_created: m.date_created,
    date_sent: m.date_sent,
    date_updated: m.date_created,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: m.from,
    messaging_service_sid: m.messaging_service_sid,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: "USD",
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: uri.replace(/\.json$/, "/Media.json") },
    to: m.to,
    uri,
  };
}

function twilioError(status: number, code: number, message?: string): Exclude<Reply, "hang"> {
  return {
    status,
    json: {
      code,
      message: message ?? KNOWN_ERRORS[code] ?? `Fake Twilio error ${code}`,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    },
  };
}

function basicAuthUser(request: RecordedRequest): string | undefined {
  const header = String(request.headers.authorization ?? "");
  if (!header.startsWith("Basic ")) return undefined;
  return Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
}

/** The SDK parses dates with the exact pattern "ddd, DD MMM YYYY HH:mm:ss +0000". */
function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}
