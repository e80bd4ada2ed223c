/**
 * Peer matching (SPEC §5.2, §5.4): mutual pairs, nobody in more than
 * `maxPerPerson`, chosen greedily by score. The batch runs over everyone checked in
 * at lunch − 15 min; a later check-in is matched against the pool at once.
 */
import { topCandidates } from "./peer-candidates";
import { encodePeers } from "./peer-encode";
import { pairKey, pairPoints, prepareMemo, preparePeer, scorePreparedPair, type PreparedPeer } from "./peer-score";
import type { MatchProfile, PeerOptions, PeerPair } from "./types";
import { PEER_WEIGHTS, type PeerWeights } from "./weights";

const DEFAULT_CANDIDATES_PER_PERSON = 24;
/** Later rounds re-match only the people left with capacity; a few are enough. */
const MAX_ROUNDS = 3;

/** Pairs as parallel arrays: indexes a < b (in id order) and points (hundredths). */
type Candidates = { a: ArrayLike<number>; b: ArrayLike<number>; points: ArrayLike<number>; length: number };

/**
 * Accepts candidate pairs by points (desc), then a, then b, when both still have
 * capacity and the pair is new. Sorting one numeric key per pair keeps 10⁵–10⁶
 * candidates fast; exact while n² · max points < 2⁵³ (n up to ~2 million).
 */
function greedy(c: Candidates, n: number, remaining: Int32Array, taken: Set<number>): Array<[number, number]> {
  let top = 1;
  for (let k = 0; k < c.length; k++) if (c.points[k] >= top) top = c.points[k] + 1;
  const keys = new Float64Array(c.length);
  for (let k = 0; k < keys.length; k++) keys[k] = (top - c.points[k]) * n * n + c.a[k] * n + c.b[k];
  keys.sort();
  const accepted: Array<[number, number]> = [];
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && keys[k] === keys[k - 1]) continue;
    const pair = keys[k] % (n * n);
    const a = Math.floor(pair / n);
    const b = pair % n;
    if (remaining[a] === 0 || remaining[b] === 0 || taken.has(pair)) continue;
    remaining[a]--;
    remaining[b]--;
    taken.add(pair);
    accepted.push([a, b]);
  }
  return accepted;
}

/** The output shape; `peers` sorted by id so index order is id order. */
function explain(peers: PreparedPeer[], [i, j]: [number, number], W: PeerWeights): PeerPair {
  const r = scorePreparedPair(peers[i], peers[j], W)!;
  return { a: peers[i].profile.attendeeId, b: peers[j].profile.attendeeId, score: r.points / 100, reasons: r.reasons };
}

/** The batch: candidates from an index (peer-candidates.ts), then greedy; bench/matching.bench.ts measures it. */
export function matchPeersBatch(profiles: MatchProfile[], opts: PeerOptions): PeerPair[] {
  const memo = prepareMemo();
  const W = opts.weights ?? PEER_WEIGHTS;
  const e = encodePeers(profiles.map((p) => preparePeer(p, memo)), W);
  const remaining = new Int32Array(e.n).fill(opts.maxPerPerson);
  const taken = new Set<number>();
  const accepted: Array<[number, number]> = [];
  let members = Int32Array.from({ length: e.n }, (_, i) => i);
  for (let round = 0; round < MAX_ROUNDS && members.length >= 2; round++) {
    const candidates = topCandidates(e, members, opts.candidatesPerPerson ?? DEFAULT_CANDIDATES_PER_PERSON, taken);
    const added = greedy({ ...candidates, length: candidates.a.length }, e.n, remaining, taken);
    if (added.length === 0) break;
    for (const pair of added) accepted.push(pair);
    // People who filled up are out; the rest may now find each other beyond their first lists.
    members = members.filter((i) => remaining[i] > 0);
  }
  return accepted.map((p) => explain(e.peers, p, W));
}

/**
 * The obvious O(n²) version: every pair scored, the same greedy. For the benchmark
 * and the equivalence test. Candidates go to typed arrays so 10,000 people fit in memory.
 */
export function naiveAllPairs(profiles: MatchProfile[], opts: PeerOptions): PeerPair[] {
  const memo = prepareMemo();
  const W = opts.weights ?? PEER_WEIGHTS;
  const peers = profiles.map((p) => preparePeer(p, memo)).sort((x, y) => (x.profile.attendeeId < y.profile.attendeeId ? -1 : 1));
  const n = peers.length;
  let c = { a: new Int32Array(1024), b: new Int32Array(1024), points: new Int32Array(1024), length: 0 };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = pairPoints(peers[i], peers[j], W);
      if (p <= 0) continue;
      if (c.length === c.a.length) c = grow(c);
      c.a[c.length] = i;
      c.b[c.length] = j;
      c.points[c.length++] = p;
    }
  }
  return greedy(c, n, new Int32Array(n).fill(opts.maxPerPerson), new Set()).map((p) => explain(peers, p, W));
}

function grow(c: { a: Int32Array; b: Int32Array; points: Int32Array; length: number }) {
  const size = c.a.length * 2;
  const copy = (x: Int32Array) => {
    const y = new Int32Array(size);
    y.set(x);
    return y;
  };
  return { a: copy(c.a), b: copy(c.b), points: copy(c.points), length: c.length };
}

/**
 * A check-in after the batch: up to maxPerPerson new pairs with checked-in people who
 * still have capacity, never one of `existingPairs` (keys from pairKey).
 */
export function matchLateArrival(
  profile: MatchProfile,
  pool: MatchProfile[],
  currentCounts: Map<string, number>,
  existingPairs: Set<string>,
  opts: PeerOptions,
): PeerPair[] {
  const id = profile.attendeeId;
  const room = opts.maxPerPerson - (currentCounts.get(id) ?? 0);
  if (room <= 0) return [];
  const memo = prepareMemo();
  const W = opts.weights ?? PEER_WEIGHTS;
  const me = preparePeer(profile, memo);
  const found: Array<{ peer: PreparedPeer; points: number }> = [];
  const seen = new Set<string>();
  for (const q of pool) {
    const other = q.attendeeId;
    if (other === id || seen.has(other) || (currentCounts.get(other) ?? 0) >= opts.maxPerPerson || existingPairs.has(pairKey(id, other))) continue;
    seen.add(other);
    const peer = preparePeer(q, memo);
    const points = pairPoints(me, peer, W);
    if (points > 0) found.push({ peer, points });
  }
  const peerId = (f: { peer: PreparedPeer }) => f.peer.profile.attendeeId;
  found.sort((x, y) => y.points - x.points || (peerId(x) < peerId(y) ? -1 : 1));
  return found.slice(0, room).map((f) => {
    const [x, y] = id < peerId(f) ? [me, f.peer] : [f.peer, me];
    return explain([x, y], [0, 1], W);
  });
}
