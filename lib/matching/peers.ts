/**
 * Peer matching (SPEC §5.2, §5.4): mutual pairs, nobody in more than
 * `maxPerPerson`, chosen greedily by score. The batch runs over everyone checked in
 * at lunch − 15 min; a later check-in is matched against the pool at once.
 */
import { topCandidates } from "./peer-candidates";
import { encodePeers } from "./peer-encode";
import { pairKey, preparePeer, scorePreparedPair, type PreparedPeer } from "./peer-score";
import type { MatchProfile, PeerOptions, PeerPair } from "./types";

const DEFAULT_CANDIDATES_PER_PERSON = 24;
/** Later rounds re-match only the people left with capacity; a few are enough. */
const MAX_ROUNDS = 3;

/**
 * Accepts candidate pairs by points (desc), then a, then b (indexes in id order),
 * when both still have capacity and the pair is new. Sorting one numeric key per
 * pair keeps 10⁵–10⁶ candidates fast; exact while n² · max points < 2⁵³.
 */
function greedy(c: { a: number[]; b: number[]; points: number[] }, n: number, remaining: Int32Array, taken: Set<number>): Array<[number, number]> {
  let top = 1;
  for (const p of c.points) if (p >= top) top = p + 1;
  const keys = new Float64Array(c.a.length);
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
function explain(peers: PreparedPeer[], [i, j]: [number, number]): PeerPair {
  const r = scorePreparedPair(peers[i], peers[j])!;
  return { a: peers[i].profile.attendeeId, b: peers[j].profile.attendeeId, score: r.points / 100, reasons: r.reasons };
}

/** The batch: candidates from an index (peer-candidates.ts), then greedy; bench/matching.bench.ts measures it. */
export function matchPeersBatch(profiles: MatchProfile[], opts: PeerOptions): PeerPair[] {
  const e = encodePeers(profiles.map(preparePeer));
  const remaining = new Int32Array(e.n).fill(opts.maxPerPerson);
  const taken = new Set<number>();
  const accepted: Array<[number, number]> = [];
  let members = Int32Array.from({ length: e.n }, (_, i) => i);
  for (let round = 0; round < MAX_ROUNDS && members.length >= 2; round++) {
    const candidates = topCandidates(e, members, opts.candidatesPerPerson ?? DEFAULT_CANDIDATES_PER_PERSON, taken);
    const added = greedy(candidates, e.n, remaining, taken);
    if (added.length === 0) break;
    accepted.push(...added);
    // People who filled up are out; the rest may now find each other beyond their first lists.
    members = members.filter((i) => remaining[i] > 0);
  }
  return accepted.map((p) => explain(e.peers, p));
}

/** The obvious O(n²) version (every pair scored with its reasons), for the benchmark and the equivalence test. */
export function naiveAllPairs(profiles: MatchProfile[], opts: PeerOptions): PeerPair[] {
  const peers = profiles.map(preparePeer).sort((x, y) => (x.profile.attendeeId < y.profile.attendeeId ? -1 : 1));
  const c = { a: [] as number[], b: [] as number[], points: [] as number[] };
  for (let i = 0; i < peers.length; i++) {
    for (let j = i + 1; j < peers.length; j++) {
      const r = scorePreparedPair(peers[i], peers[j]);
      if (!r || r.points <= 0) continue;
      c.a.push(i);
      c.b.push(j);
      c.points.push(r.points);
    }
  }
  const remaining = new Int32Array(peers.length).fill(opts.maxPerPerson);
  return greedy(c, peers.length, remaining, new Set()).map((p) => explain(peers, p));
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
  const me = preparePeer(profile);
  const found: Array<{ other: string; points: number; pair: PeerPair }> = [];
  for (const q of pool) {
    const other = q.attendeeId;
    if (other === id || (currentCounts.get(other) ?? 0) >= opts.maxPerPerson || existingPairs.has(pairKey(id, other))) continue;
    const r = scorePreparedPair(me, preparePeer(q));
    if (!r || r.points <= 0) continue;
    const [a, b] = id < other ? [id, other] : [other, id];
    found.push({ other, points: r.points, pair: { a, b, score: r.points / 100, reasons: r.reasons } });
  }
  found.sort((x, y) => y.points - x.points || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0));
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.other) && seen.add(f.other)).slice(0, room).map((f) => f.pair);
}
