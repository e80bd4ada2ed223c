"use server";

import { revalidatePath } from "next/cache";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { text } from "@/lib/http/parse";
import { refitOrganizer, revertOrganizer } from "@/lib/learning/store";

export type LearningActionResult = { ok: true; message: string } | { ok: false; message: string };

/** Re-estimates the organizer's matcher weights from their past events (lib/learning, decision 0185). */
export const refitWeightsAction = action(
  { auth: "admin", args: [text(320)], onError: (e): LearningActionResult => ({ ok: false, message: e.message }) },
  async ({ args: [organizer], user }): Promise<LearningActionResult> => {
    const out = await refitOrganizer(await getDb(), organizer.trim().toLowerCase(), now(), user!.id);
    revalidatePath("/admin/learning");
    const moved = out.filter((o) => o.result.moved).map((o) => o.kind);
    return {
      ok: true,
      message: moved.length ? `Re-fitted: ${moved.join(", ")}.` : "Not enough outcomes yet: the weights stay at the defaults.",
    };
  },
);

/** Back to today's constant weights for this organizer; the history stays. */
export const revertWeightsAction = action(
  { auth: "admin", args: [text(320)], onError: (e): LearningActionResult => ({ ok: false, message: e.message }) },
  async ({ args: [organizer], user }): Promise<LearningActionResult> => {
    const n = await revertOrganizer(await getDb(), organizer.trim().toLowerCase(), now(), user!.id);
    revalidatePath("/admin/learning");
    return { ok: true, message: n ? "Reverted to the default weights." : "Already on the default weights." };
  },
);
