/**
 * Each person's best few candidate peers without scoring all n² pairs. Candidates
 * come in groups, in falling order of the most a group's members could score: for
 * c shared focus areas (found through signatures = distinct focus-area sets, c high
 * to low) first the complementary trades then everyone else; then, sharing nothing,
 * complementary trades, other trades in the same area, similar team sizes, the same
 * revenue tier. A group is skipped once the person's list is full and the group's
 * best possible score cannot beat its worst entry, so the lists are exact except
 * for the last two (capped) groups.
 */
import { type Encoded, forbidden, isComplementary, pointsWithoutFocus } from "./peer-encode";
import { sizePoints } from "./peer-score";
import { TopK } from "./top-k";
import { PEER_MAX_WITHOUT_FOCUS, PEER_WEIGHTS as W } from "./weights";

/** Evaluations allowed in each of the two capped groups (size, tier) per person. */
const TAIL_SCAN_CAP = 2000;
const SIZE_AND_TIER = W.similarSize + W.sameRevenueTier;

function groupBy(members: Int32Array, key: (i: number) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const i of members) {
    const k = key(i);
    if (k < 0) continue;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

/** Lookup tables over `members` (everyone, or the people left with capacity). */
function buildIndex(e: Encoded, members: Int32Array) {
  const sigIds = new Map<string, number>();
  const sigOf = new Int32Array(e.n).fill(-1);
  for (const i of members) {
    if (e.focus[i].length === 0) continue;
    const key = e.focus[i].join(",");
    let s = sigIds.get(key);
    if (s === undefined) sigIds.set(key, (s = sigIds.size));
    sigOf[i] = s;
  }
  const sigMembers = groupBy(members, (i) => sigOf[i]);
  const sigsByFocus: number[][] = Array.from({ length: e.focusCount }, () => []);
  for (const [s, list] of sigMembers) for (const f of e.focus[list[0]]) sigsByFocus[f].push(s);
  const complementsOf = Array.from({ length: e.btCount }, (_, x) =>
    Array.from({ length: e.btCount }, (_, y) => y).filter((y) => isComplementary(e, x, y)),
  );
  const bySize = Array.from(members).filter((i) => e.size[i] > 0).sort((a, b) => e.size[a] - e.size[b] || a - b);
  return {
    sigCount: sigIds.size,
    sigMembers,
    sigsByFocus,
    /** Members of a signature with a business type: key sig · btCount + bt. */
    sigBt: groupBy(members, (i) => (sigOf[i] < 0 || e.bt[i] < 0 ? -1 : sigOf[i] * e.btCount + e.bt[i])),
    complementsOf,
    byBt: groupBy(members, (i) => e.bt[i]),
    byArea: groupBy(members, (i) => e.area[i]),
    byTier: groupBy(members, (i) => e.tier[i]),
    bySize: Int32Array.from(bySize),
  };
}

/**
 * Candidate pairs (i < j by index) with their points: each member's top `perPerson`,
 * leaving out pairs whose key (i·n + j) is in `taken` (matched in an earlier round).
 */
export function topCandidates(e: Encoded, members: Int32Array, perPerson: number, taken?: Set<number>) {
  const ix = buildIndex(e, members);
  const heap = new TopK(perPerson);
  const stamp = new Int32Array(e.n).fill(-1);
  const overlap = new Int32Array(ix.sigCount);
  const out = { a: [] as number[], b: [] as number[], points: [] as number[], evaluations: 0 };
  const noGroup: number[] = [];

  for (const i of members) {
    heap.reset();
    const visitAll = (list: readonly number[], focusPoints: number) => {
      for (const j of list) {
        if (stamp[j] === i) continue;
        stamp[j] = i;
        out.evaluations++;
        if (forbidden(e, i, j) || (taken && taken.has(i < j ? i * e.n + j : j * e.n + i))) continue;
        const p = focusPoints + pointsWithoutFocus(e, i, j);
        if (p > 0) heap.offer(p, j);
      }
    };
    const beaten = (bound: number) => heap.full && bound < heap.minPoints;
    const bt = e.bt[i];
    const complements = bt >= 0 ? ix.complementsOf[bt] : noGroup;

    // Per signature, the focus areas it shares with i; signatures bucketed by that count.
    const levels: number[][] = Array.from({ length: e.focus[i].length + 1 }, () => []);
    const touched: number[] = [];
    for (const f of e.focus[i]) for (const s of ix.sigsByFocus[f]) if (overlap[s]++ === 0) touched.push(s);
    for (const s of touched) levels[overlap[s]].push(s);
    for (const s of touched) overlap[s] = 0;
    // Everyone sharing a focus area is stamped here unless a group was beaten, and then
    // every later group is beaten too: the groups below only see zero overlaps.
    for (let c = levels.length - 1; c >= 1; c--) {
      const focusPoints = W.sharedFocus * c;
      if (beaten(focusPoints + PEER_MAX_WITHOUT_FOCUS)) break;
      for (const s of levels[c]) for (const other of complements) visitAll(ix.sigBt.get(s * e.btCount + other) ?? noGroup, focusPoints);
      if (beaten(focusPoints + W.sameAreaOtherTrade + SIZE_AND_TIER)) break;
      for (const s of levels[c]) visitAll(ix.sigMembers.get(s)!, focusPoints);
    }
    if (!beaten(PEER_MAX_WITHOUT_FOCUS)) for (const other of complements) visitAll(ix.byBt.get(other) ?? noGroup, 0);
    if (bt >= 0 && e.area[i] >= 0 && !beaten(W.sameAreaOtherTrade + SIZE_AND_TIER)) visitAll(ix.byArea.get(e.area[i]) ?? noGroup, 0);
    if (e.size[i] > 0) scanSimilarSizes(e, ix.bySize, i, (j) => visitAll([j], 0), beaten);
    if (e.tier[i] >= 0 && !beaten(W.sameRevenueTier)) {
      const list = ix.byTier.get(e.tier[i]) ?? noGroup;
      for (let k = 0; k < list.length && k < TAIL_SCAN_CAP && !heap.full; k++) visitAll([list[k]], 0);
    }

    for (let k = 0; k < heap.size; k++) {
      const j = heap.index[k];
      out.a.push(Math.min(i, j));
      out.b.push(Math.max(i, j));
      out.points.push(heap.points[k]);
    }
  }
  return out;
}

/** Walk outward from i's team size, nearest ratio first, while a similar size can still count. */
function scanSimilarSizes(e: Encoded, bySize: Int32Array, i: number, visit: (j: number) => void, beaten: (bound: number) => boolean) {
  const s = e.size[i];
  let lo = 0;
  let hi = bySize.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.size[bySize[mid]] < s) lo = mid + 1;
    else hi = mid;
  }
  let down = lo - 1;
  let up = lo;
  for (let scanned = 0; scanned < TAIL_SCAN_CAP; scanned++) {
    const upPts = up < bySize.length ? sizePoints(s, e.size[bySize[up]]) : 0;
    const downPts = down >= 0 ? sizePoints(s, e.size[bySize[down]]) : 0;
    const best = Math.max(upPts, downPts);
    if (best === 0 || beaten(best + W.sameRevenueTier)) return;
    visit(upPts >= downPts ? bySize[up++] : bySize[down--]);
  }
}
