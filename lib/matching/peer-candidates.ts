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
    /** Members of a signature in a service area: key sig · areaCount + area. */
    sigArea: groupBy(members, (i) => (sigOf[i] < 0 || e.area[i] < 0 ? -1 : sigOf[i] * e.areaCount + e.area[i])),
    complementsOf,
    byBt: groupBy(members, (i) => e.bt[i]),
    byArea: groupBy(members, (i) => e.area[i]),
    byTier: groupBy(members, (i) => e.tier[i]),
    bySize: Int32Array.from(bySize),
  };
}

type Group = { c: number; kind: "complement" | "area" | "rest"; bound: number };
const groupOrders: Group[][] = [];

/**
 * For c shared focus areas: complementary trades (at most 200c + 450), other trades
 * in the same area (200c + 300), everyone (200c + 200); sorted by that bound.
 */
function groupOrder(maxShared: number): Group[] {
  return (groupOrders[maxShared] ??= Array.from({ length: maxShared + 1 }, (_, c) => [
    { c, kind: "complement" as const, bound: W.sharedFocus * c + PEER_MAX_WITHOUT_FOCUS },
    { c, kind: "area" as const, bound: W.sharedFocus * c + W.sameAreaOtherTrade + SIZE_AND_TIER },
    { c, kind: "rest" as const, bound: W.sharedFocus * c + SIZE_AND_TIER },
  ])
    .flat()
    .sort((x, y) => y.bound - x.bound || y.c - x.c));
}

/** One person's search: the stamps say who was already scored for them. */
class Search {
  readonly heap: TopK;
  readonly stamp: Int32Array;
  i = -1;
  evaluations = 0;

  constructor(
    readonly e: Encoded,
    perPerson: number,
    readonly taken: Set<number> | undefined,
  ) {
    this.heap = new TopK(perPerson);
    this.stamp = new Int32Array(e.n).fill(-1);
  }

  start(i: number): void {
    this.i = i;
    this.heap.reset();
  }

  /** Can nothing scoring at most `bound` get into the list any more? */
  beaten(bound: number): boolean {
    return this.heap.full && bound < this.heap.minPoints;
  }

  visit(j: number, focusPoints: number): void {
    const { e, i } = this;
    if (this.stamp[j] === i) return;
    this.stamp[j] = i;
    this.evaluations++;
    if (forbidden(e, i, j) || (this.taken !== undefined && this.taken.has(i < j ? i * e.n + j : j * e.n + i))) return;
    const p = focusPoints + pointsWithoutFocus(e, i, j);
    if (p > 0) this.heap.offer(p, j);
  }

  visitAll(list: readonly number[] | undefined, focusPoints: number): void {
    if (list === undefined) return;
    for (let k = 0; k < list.length; k++) this.visit(list[k], focusPoints);
  }
}

/**
 * Candidate pairs (i < j by index) with their points: each member's top `perPerson`,
 * leaving out pairs whose key (i·n + j) is in `taken` (matched in an earlier round).
 */
export function topCandidates(e: Encoded, members: Int32Array, perPerson: number, taken?: Set<number>) {
  const ix = buildIndex(e, members);
  const search = new Search(e, perPerson, taken);
  const { heap } = search;
  const overlap = new Int32Array(ix.sigCount);
  const out = { a: [] as number[], b: [] as number[], points: [] as number[], evaluations: 0 };
  const none: number[] = [];
  // Reused for every person: signatures touched, and bucketed by shared count.
  const touched: number[] = [];
  const levels: number[][] = Array.from({ length: Math.max(1, ...members.map((i) => e.focus[i].length)) + 1 }, () => []);

  for (const i of members) {
    search.start(i);
    const bt = e.bt[i];
    const area = e.area[i];
    const complements = bt >= 0 ? ix.complementsOf[bt] : none;

    // Per signature, the focus areas it shares with i; signatures bucketed by that count.
    const maxShared = e.focus[i].length;
    for (let c = 0; c <= maxShared; c++) levels[c].length = 0;
    touched.length = 0;
    for (const f of e.focus[i]) for (const s of ix.sigsByFocus[f]) if (overlap[s]++ === 0) touched.push(s);
    for (const s of touched) levels[overlap[s]].push(s);
    for (const s of touched) overlap[s] = 0;

    // Groups by the most their members could score, highest first. A member of several
    // groups is scored in the first (stamps), which always is the one with its true
    // focus overlap: that group's bound is higher than any c = 0 group it is also in.
    for (const g of groupOrder(maxShared)) {
      if (search.beaten(g.bound)) break;
      const focusPoints = W.sharedFocus * g.c;
      if (g.c > 0) {
        for (const s of levels[g.c]) {
          if (g.kind === "complement") for (const other of complements) search.visitAll(ix.sigBt.get(s * e.btCount + other), focusPoints);
          else if (g.kind === "area") search.visitAll(area >= 0 && bt >= 0 ? ix.sigArea.get(s * e.areaCount + area) : undefined, focusPoints);
          else search.visitAll(ix.sigMembers.get(s), focusPoints);
        }
      } else if (g.kind === "complement") for (const other of complements) search.visitAll(ix.byBt.get(other), 0);
      else if (g.kind === "area") search.visitAll(area >= 0 && bt >= 0 ? ix.byArea.get(area) : undefined, 0);
      else {
        if (e.size[i] > 0) scanSimilarSizes(search, ix.bySize);
        const list = e.tier[i] >= 0 ? (ix.byTier.get(e.tier[i]) ?? none) : none;
        for (let k = 0; k < list.length && k < TAIL_SCAN_CAP && !heap.full; k++) search.visit(list[k], 0);
      }
    }

    for (let k = 0; k < heap.size; k++) {
      const j = heap.index[k];
      out.a.push(Math.min(i, j));
      out.b.push(Math.max(i, j));
      out.points.push(heap.points[k]);
    }
  }
  out.evaluations = search.evaluations;
  return out;
}

/** Walk outward from i's team size, nearest ratio first, while a similar size can still count. */
function scanSimilarSizes(search: Search, bySize: Int32Array) {
  const { e, i } = search;
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
    if (best === 0 || search.beaten(best + W.sameRevenueTier)) return;
    search.visit(upPts >= downPts ? bySize[up++] : bySize[down--], 0);
  }
}
