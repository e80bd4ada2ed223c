/**
 * Integer encoding of many prepared profiles, so the batch matcher scores a pair
 * with a few array reads instead of string work. The numbers must equal
 * scorePreparedPair's (peer-score.ts); peers.test.ts checks they do.
 */
import { type PreparedPeer, sizePoints } from "./peer-score";
import { relateTrades } from "./trades";
import { PEER_WEIGHTS, type PeerWeights } from "./weights";

const SAME = 0;
const DIFFERENT = 1;
const COMPLEMENTARY = 2;

export type Encoded = {
  n: number;
  /** The peer weights every score of this encoding uses (hundredths). */
  w: PeerWeights;
  /** Sorted by attendeeId: an index's order is the id order, which breaks ties. */
  peers: PreparedPeer[];
  /** Interned keys, -1 when unknown. */
  company: Int32Array;
  area: Int32Array;
  tier: Int32Array;
  bt: Int32Array;
  size: Float64Array;
  /** Each person's focus area ids, ascending. */
  focus: Int32Array[];
  focusCount: number;
  areaCount: number;
  btCount: number;
  /** btCount² relation codes between business types. */
  btRelation: Uint8Array;
};

function interner() {
  const ids = new Map<string, number>();
  return {
    ids,
    id(key: string): number {
      if (key === "") return -1;
      let v = ids.get(key);
      if (v === undefined) ids.set(key, (v = ids.size));
      return v;
    },
  };
}

export function encodePeers(peers: PreparedPeer[], w: PeerWeights = PEER_WEIGHTS): Encoded {
  const sorted = [...peers].sort((x, y) => (x.profile.attendeeId < y.profile.attendeeId ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].profile.attendeeId === sorted[i - 1].profile.attendeeId) throw new Error(`duplicate attendee ${sorted[i].profile.attendeeId}`);
  }
  const n = sorted.length;
  const [companies, areas, tiers, bts, focusIds] = [interner(), interner(), interner(), interner(), interner()];
  const btPeer: PreparedPeer[] = [];
  const e: Encoded = {
    n,
    w,
    peers: sorted,
    company: new Int32Array(n),
    area: new Int32Array(n),
    tier: new Int32Array(n),
    bt: new Int32Array(n),
    size: new Float64Array(n),
    focus: [],
    focusCount: 0,
    areaCount: 0,
    btCount: 0,
    btRelation: new Uint8Array(0),
  };
  sorted.forEach((p, i) => {
    e.company[i] = companies.id(p.company);
    e.area[i] = areas.id(p.area);
    e.tier[i] = tiers.id(p.tier);
    e.bt[i] = bts.id(p.businessType);
    if (e.bt[i] >= 0 && !btPeer[e.bt[i]]) btPeer[e.bt[i]] = p;
    e.size[i] = p.size;
    e.focus.push(Int32Array.from(p.focusKeys.map((k) => focusIds.id(k))).sort());
  });
  e.focusCount = focusIds.ids.size;
  e.areaCount = areas.ids.size;
  e.btCount = bts.ids.size;
  e.btRelation = new Uint8Array(e.btCount * e.btCount);
  for (let x = 0; x < e.btCount; x++) {
    for (let y = 0; y < e.btCount; y++) {
      const [a, b] = [btPeer[x], btPeer[y]];
      const rel = relateTrades(a.trades, b.trades, a.businessType, b.businessType);
      e.btRelation[x * e.btCount + y] = rel === "same" ? SAME : rel === "complementary" ? COMPLEMENTARY : DIFFERENT;
    }
  }
  return e;
}

export function isComplementary(e: Encoded, btA: number, btB: number): boolean {
  return btA >= 0 && btB >= 0 && e.btRelation[btA * e.btCount + btB] === COMPLEMENTARY;
}

/** isForbiddenPair on the encoding. */
export function forbidden(e: Encoded, i: number, j: number): boolean {
  if (i === j) return true;
  if (e.company[i] >= 0 && e.company[i] === e.company[j]) return true;
  return e.area[i] >= 0 && e.area[i] === e.area[j] && e.bt[i] >= 0 && e.bt[j] >= 0 && e.btRelation[e.bt[i] * e.btCount + e.bt[j]] === SAME;
}

/** Everything but shared focus areas, in hundredths (the pair must not be forbidden). */
export function pointsWithoutFocus(e: Encoded, i: number, j: number): number {
  const W = e.w;
  let p = 0;
  const bi = e.bt[i];
  const bj = e.bt[j];
  if (bi >= 0 && bj >= 0) {
    const rel = e.btRelation[bi * e.btCount + bj];
    if (rel === COMPLEMENTARY) p += W.complementaryTrades;
    else if (rel === DIFFERENT && e.area[i] >= 0 && e.area[i] === e.area[j]) p += W.sameAreaOtherTrade;
  }
  p += sizePoints(e.size[i], e.size[j], W);
  if (e.tier[i] >= 0 && e.tier[i] === e.tier[j]) p += W.sameRevenueTier;
  return p;
}

/** Shared focus areas of two people (sorted id lists). */
export function sharedFocusCount(e: Encoded, i: number, j: number): number {
  const a = e.focus[i];
  const b = e.focus[j];
  let x = 0;
  let y = 0;
  let c = 0;
  while (x < a.length && y < b.length) {
    if (a[x] === b[y]) {
      c++;
      x++;
      y++;
    } else if (a[x] < b[y]) x++;
    else y++;
  }
  return c;
}
