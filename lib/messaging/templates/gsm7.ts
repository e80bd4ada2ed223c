/**
 * GSM 03.38: the 7-bit SMS alphabet. One character outside it switches the whole
 * message to UCS-2 and cuts a segment from 160 to 70 characters, so SMS bodies are
 * folded into it before sending (a curly apostrophe in an event name is enough).
 */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Escape-table characters: allowed, but each costs two septets. */
const EXTENDED = "^{}\\[~]|€";

const BASIC_SET = new Set(BASIC);
const EXTENDED_SET = new Set(EXTENDED);

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
  [/[\u00B7\u2022]/g, "-"],
  [/[\u00A0\u2000-\u200A\u202F\t]/g, " "],
  [/[\u200B-\u200D\uFEFF]/g, ""],
];

function isGsmChar(ch: string): boolean {
  return BASIC_SET.has(ch) || EXTENDED_SET.has(ch);
}

/** Rewrites typographic characters to GSM-7 ones, strips accents GSM lacks, drops the rest (emoji). */
export function toGsm7(text: string): string {
  let s = text;
  for (const [pattern, replacement] of REPLACEMENTS) s = s.replace(pattern, replacement);
  let out = "";
  for (const ch of s) {
    if (isGsmChar(ch)) {
      out += ch;
      continue;
    }
    // "ç" → "c", "ō" → "o": keep the letter, lose the mark GSM can't carry.
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += [...base].filter(isGsmChar).join("");
  }
  return out.replace(/ {2,}/g, " ");
}

export function isGsm7(text: string): boolean {
  return [...text].every(isGsmChar);
}

/** Length in septets (extended characters count twice); Infinity when not GSM-7 at all. */
export function gsm7Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (BASIC_SET.has(ch)) n += 1;
    else if (EXTENDED_SET.has(ch)) n += 2;
    else return Infinity;
  }
  return n;
}

/** Billable segments: 160 septets in one, 153 each when concatenated. */
export function smsSegments(text: string): number {
  const n = gsm7Length(text);
  return n <= 160 ? 1 : Math.ceil(n / 153);
}
