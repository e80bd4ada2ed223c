/**
 * The channel adapters' one small interface (CONVENTIONS: adapters).
 * Each has a real implementation that talks HTTP and a dev outbox that records.
 */
export type SendResult =
  | { ok: true; providerMessageId: string; provider: string }
  | {
      ok: false;
      /** transient: retry with backoff; permanent: fail now; uncertain: may have been accepted, reconcile. */
      kind: "transient" | "permanent" | "uncertain";
      reason: string;
      /** From a 429's Retry-After, when the provider gave one. */
      retryAfterMs?: number;
      /** Provider error code, e.g. Twilio 21610. */
      code?: string | number;
      /** A batch send with a try that got no answer (timeout, reset) or found the key in flight: the provider may have taken it. */
      unanswered?: boolean;
    };

export type EmailAttachment = {
  filename: string;
  /** base64 */
  content: string;
  contentType: string;
  /** Set to reference it inline from the HTML as cid:… */
  contentId?: string;
};

export type OutgoingEmail = {
  /** The outbox row id: Resend's Idempotency-Key. */
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  headers?: Record<string, string>;
};

export type OutgoingSms = {
  messageId: string;
  /** E.164 */
  to: string;
  body: string;
  /** Where Twilio posts delivery status, when the app has a public URL. */
  statusCallback?: string;
  /** Which of the channel's sending numbers (its `senders`) sends it; absent: the first. */
  from?: string;
};

export interface EmailChannel {
  readonly name: string;
  send(email: OutgoingEmail): Promise<SendResult>;
  /**
   * One batch as given (1 to 100 emails without attachments) in one provider request
   * (Resend's batch endpoint), one result per email in the same order. Sent under
   * `idempotencyKey` (default: derived from the message ids); the same key with the same
   * emails in the same order never sends an email twice (decision 0210).
   */
  sendBatch?(emails: OutgoingEmail[], opts?: { idempotencyKey?: string }): Promise<SendResult[]>;
}

export type SmsLookup = { found: true; providerMessageId: string; status: string; acceptedAt?: Date } | { found: false };

export interface SmsChannel {
  readonly name: string;
  /** The sending number (or Messaging Service) paced per SPEC §4.2; absent when nothing is really sent. */
  readonly sender?: string;
  /** All sending numbers (issue 13: several spread the load, each paced on its own); absent: just `sender`. */
  readonly senders?: readonly string[];
  send(sms: OutgoingSms): Promise<SendResult>;
  /**
   * After an uncertain send: did the provider accept a message with this body to
   * this number since `since`? Used to reconcile instead of blindly resending.
   */
  lookup(sms: OutgoingSms, since: Date): Promise<SmsLookup>;
}

export type Channels = { email: EmailChannel; sms: SmsChannel };
