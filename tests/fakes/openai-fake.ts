import { startScriptedServer, StepScript, type Reply } from "./scripted-server";

/**
 * A stand-in for an OpenAI-compatible server: POST /v1/chat/completions, non-streaming, in the
 * Chat Completions shape. Point a provider at it with createOpenAI({ baseURL: `${fake.url}/v1` }).
 *
 * For structured output @ai-sdk/openai's chat model sends
 * response_format: { type: "json_schema", json_schema: { name, schema, strict: true } } (no tools),
 * and reads the JSON back from choices[0].message.content — so scripted content goes there.
 */
export type ChatCompletionRequest = {
  model: string;
  messages: Array<{ role: string; content: unknown }>;
  temperature?: number;
  stream?: boolean;
  response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
  tools?: unknown[];
};

export type OpenAIFakeStep =
  /** The assistant message content; an object is sent as its JSON text. */
  | { content: string | object }
  /** Content computed from the request, e.g. to echo the ids the prompt asked about. */
  | ((request: ChatCompletionRequest) => string | object)
  /** The assistant calls tools (finish_reason "tool_calls"); arguments are sent as JSON text. */
  | { toolCalls: Array<{ name: string; arguments?: object }> }
  /** Accept the request and never answer: drives the client into its timeout. */
  | "hang"
  /** A bare HTTP status with OpenAI's error body. */
  | number
  | { status: number; message?: string; type?: string; code?: string };

const TYPE_FOR_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "invalid_request_error",
  429: "rate_limit_exceeded",
  500: "server_error",
  503: "server_error",
};

export type OpenAIFake = Awaited<ReturnType<typeof startOpenAIFake>>;

export async function startOpenAIFake() {
  const script = new StepScript<OpenAIFakeStep>({ content: "" });
  let completions = 0;

  const server = await startScriptedServer({
    parseBody: (raw) => JSON.parse(raw),
    reply(request): Reply {
      if (request.method !== "POST" || request.path !== "/v1/chat/completions") {
        return openaiError(404, `Unknown route ${request.method} ${request.path}`, "invalid_request_error");
      }
      if (!String(request.headers.authorization ?? "").startsWith("Bearer ")) {
        return openaiError(401, "You didn't provide an API key.", "invalid_request_error");
      }
      const body = request.body as ChatCompletionRequest;
      if (body.stream) return openaiError(400, "This fake answers non-streaming requests only.", "invalid_request_error");
      const step = script.next();
      if (step === "hang") return "hang";
      if (typeof step === "number") return openaiError(step, `Fake OpenAI error ${step}`, TYPE_FOR_STATUS[step] ?? "server_error");
      if (typeof step === "object" && "status" in step) {
        return openaiError(step.status, step.message ?? `Fake OpenAI error ${step.status}`, step.type ?? TYPE_FOR_STATUS[step.status] ?? "server_error", step.code);
      }
      if (typeof step === "object" && "toolCalls" in step) {
        completions += 1;
        return { status: 200, json: toolCallCompletion(`chatcmpl-fake-${completions}`, body.model, step.toolCalls) };
      }
      const content = typeof step === "function" ? step(body) : step.content;
      completions += 1;
      return { status: 200, json: completion(`chatcmpl-fake-${completions}`, body.model, content) };
    },
  });

  return {
    url: server.url,
    requests: server.requests,
    /** The chat completion bodies, typed. */
    chatRequests: () =>
      server.requests.filter((r) => r.path === "/v1/chat/completions").map((r) => r.body as ChatCompletionRequest),
    setMode: (modeOrSequence: OpenAIFakeStep | OpenAIFakeStep[]) => script.set(modeOrSequence),
    close: server.close,
  };
}

function completion(id: string, model: string, content: string | object) {
  const text = typeof content === "string" ? content : JSON.stringify(content);
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: Math.ceil(text.length / 4), total_tokens: 100 + Math.ceil(text.length / 4) },
  };
}

function toolCallCompletion(id: string, model: string, calls: Array<{ name: string; arguments?: object }>) {
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: null,
          tool_calls: calls.map((c, i) => ({ id: `call_${id}_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments ?? {}) } })),
        },
        logprobs: null,
        finish_reason: "tool_calls",
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
  };
}

function openaiError(status: number, message: string, type: string, code?: string): Exclude<Reply, "hang"> {
  return { status, json: { error: { message, type, param: null, code: code ?? null } } };
}
