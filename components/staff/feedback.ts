import type { Tone } from "@/lib/checkin/outcome";

/**
 * A distinct sound and buzz for each answer, so staff need not look: green two
 * rising beeps, amber two flat ones, red one long low buzz. Web Audio tones, no
 * asset to load (and nothing to fetch offline).
 */
const SOUNDS: Record<Tone, Array<{ hz: number; ms: number; type: OscillatorType }>> = {
  green: [{ hz: 880, ms: 90, type: "sine" }, { hz: 1320, ms: 140, type: "sine" }],
  amber: [{ hz: 660, ms: 120, type: "triangle" }, { hz: 660, ms: 120, type: "triangle" }],
  red: [{ hz: 196, ms: 450, type: "square" }],
};
const VIBRATION: Record<Tone, number[]> = { green: [80], amber: [80, 80, 80], red: [300, 100, 300] };

let audio: AudioContext | null = null;

export function playFeedback(tone: Tone): void {
  navigator.vibrate?.(VIBRATION[tone]);
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
    let t = audio.currentTime;
    for (const note of SOUNDS[tone]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = note.type;
      osc.frequency.value = note.hz;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + note.ms / 1000);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + note.ms / 1000 + 0.02);
      t += note.ms / 1000 + 0.05;
    }
  } catch {
    // No audio device (or blocked until the first tap): the colour and the buzz still say it.
  }
}
