/**
 * Lookup tables for the batch matcher's candidate search (peer-candidates.ts), over
 * a set of members: by focus-area signature (the exact set of focus areas), and by
 * signature × business type, signature × area, type, area, tier and team size.
 */
import { type Encoded, isComplementary } from "./peer-encode";

/**
 * A list of people sorted by (business type, area) so that a run of one person's
 * competitors (same type, same area) is skipped in one step: an event of mostly
 * roofers from one city must not cost n² forbidden pairs.
 */
export type Group = {
  members: Int32Array;
  /** type · areaCount + area, or -1 when either is unknown. */
  key: Int32Array;
  /** Where the run of the same key starting at k ends (exclusive). */
  runEnd: Int32Array;
};

export function competitorKey(e: Encoded, i: number): number {
  return e.bt[i] < 0 || e.area[i] < 0 ? -1 : e.bt[i] * e.areaCount + e.area[i];
}

function makeGroup(e: Encoded, list: number[]): Group {
  const members = Int32Array.from(list).sort((a, b) => competitorKey(e, a) - competitorKey(e, b) || a - b);
  const key = members.map((i) => competitorKey(e, i));
  const runEnd = new Int32Array(members.length);
  for (let k = members.length - 1; k >= 0; k--) runEnd[k] = k + 1 < members.length && key[k + 1] === key[k] ? runEnd[k + 1] : k + 1;
  return { members, key, runEnd };
}

function groupBy(e: Encoded, members: Int32Array, keyOf: (i: number) => number): Map<number, Group> {
  const lists = new Map<number, number[]>();
  for (const i of members) {
    const k = keyOf(i);
    if (k < 0) continue;
    const list = lists.get(k);
    if (list) list.push(i);
    else lists.set(k, [i]);
  }
  return new Map([...lists].map(([k, list]) => [k, makeGroup(e, list)]));
}

export type PeerIndex = ReturnType<typeof buildIndex>;

/** Lookup tables over `members` (everyone, or the people left with capacity). */
export function buildIndex(e: Encoded, members: Int32Array) {
  const sigIds = new Map<string, number>();
  const sigOf = new Int32Array(e.n).fill(-1);
  for (const i of members) {
    if (e.focus[i].length === 0) continue;
    const key = e.focus[i].join(",");
    let s = sigIds.get(key);
    if (s === undefined) sigIds.set(key, (s = sigIds.size));
    sigOf[i] = s;
  }
  const sigMembers = groupBy(e, members, (i) => sigOf[i]);
  const sigsByFocus: number[][] = Array.from({ length: e.focusCount }, () => []);
  for (const [s, g] of sigMembers) for (const f of e.focus[g.members[0]]) sigsByFocus[f].push(s);
  const bySize = Array.from(members).filter((i) => e.size[i] > 0).sort((a, b) => e.size[a] - e.size[b] || a - b);
  return {
    sigCount: sigIds.size,
    sigMembers,
    sigsByFocus,
    /** Members of a signature with a business type: key sig · btCount + bt. */
    sigBt: groupBy(e, members, (i) => (sigOf[i] < 0 || e.bt[i] < 0 ? -1 : sigOf[i] * e.btCount + e.bt[i])),
    /** Members of a signature in a service area: key sig · areaCount + area. */
    sigArea: groupBy(e, members, (i) => (sigOf[i] < 0 || e.area[i] < 0 ? -1 : sigOf[i] * e.areaCount + e.area[i])),
    complementsOf: Array.from({ length: e.btCount }, (_, x) => Array.from({ length: e.btCount }, (_, y) => y).filter((y) => isComplementary(e, x, y))),
    byBt: groupBy(e, members, (i) => e.bt[i]),
    byArea: groupBy(e, members, (i) => e.area[i]),
    byTier: groupBy(e, members, (i) => e.tier[i]),
    bySize: Int32Array.from(bySize),
    maxFocus: Math.max(0, ...Array.from(members, (i) => e.focus[i].length)),
  };
}
