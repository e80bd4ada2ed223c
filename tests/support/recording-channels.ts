import type { Channels, OutgoingEmail, OutgoingSms, SendResult } from "@/lib/channels/types";

/**
 * An in-process channel pair for orchestration tests: records what would be
 * sent and answers from a script. (The real Resend/Twilio adapters are tested
 * against fake HTTP servers in lib/channels.)
 */
export function recordingChannels(script: SendResult[] = []) {
  const emails: OutgoingEmail[] = [];
  const sms: OutgoingSms[] = [];
  const next = (id: string): SendResult => script.shift() ?? { ok: true, provider: "recorder", providerMessageId: `rec_${id}` };
  const channels: Channels = {
    email: { name: "recorder", send: async (e) => (emails.push(e), next(e.messageId)) },
    sms: {
      name: "recorder",
      send: async (s) => (sms.push(s), next(s.messageId)),
      lookup: async (s) => {
        const hit = sms.find((x) => x.to === s.to && x.body === s.body);
        return hit ? { found: true, providerMessageId: `rec_${hit.messageId}`, status: "delivered" } : { found: false };
      },
    },
  };
  return { channels, emails, sms };
}
