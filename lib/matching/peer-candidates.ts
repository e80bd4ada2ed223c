/**
 * Each person's best few candidate peers without scoring all n² pairs. Candidates
 * come in groups, in falling order of the most a group's members could score: for
 * c shared focus areas (c high to low) first the complementary trades, then other
 * trades in the same area, then everyone else; with c = 0 the last group is people
 * of a similar team size or the same revenue tier (capped). The search stops as
 * soon as the person's list is full and nothing left can score more than its worst
 * entry, so the lists are exact up to ties and the capped tail.
 */
import { type Encoded, forbidden, pointsWithoutFocus } from "./peer-encode";
import { buildIndex, competitorKey, type Group, type PeerIndex } from "./peer-index";
import { sizePoints } from "./peer-score";
import { TopK } from "./top-k";
import type { PeerWeights } from "./weights";

/** People scored per person in each capped tail list (similar size, same tier). */
const TAIL_SCAN_CAP = 500;

type Step = { c: number; kind: "complement" | "area" | "rest"; bound: number };
/** Step lists per weights object (a batch uses one), then per maxShared. */
const stepOrders = new WeakMap<PeerWeights, Step[][]>();

/** The groups for up to `maxShared` shared focus areas, by bound (size and tier points excluded: the same for all). */
function stepOrder(W: PeerWeights, maxShared: number): Step[] {
  let orders = stepOrders.get(W);
  if (!orders) stepOrders.set(W, (orders = []));
  const trade = { complement: W.complementaryTrades, area: W.sameAreaOtherTrade, rest: 0 } as const;
  return (orders[maxShared] ??= Array.from({ length: maxShared + 1 }, (_, c) =>
    (["complement", "area", "rest"] as const).map((kind) => ({ c, kind, bound: W.sharedFocus * c + trade[kind] })),
  )
    .flat()
    .sort((x, y) => y.bound - x.bound || y.c - x.c));
}

/** One person's search: stamps mark who was already scored for them. */
class Search {
  readonly heap: TopK;
  readonly stamp: Int32Array;
  i = -1;
  myKey = -1;
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
    this.myKey = competitorKey(this.e, i);
    this.heap.reset();
  }

  /** Nothing scoring at most `bound` can enter the list any more (a tie loses). */
  done(bound: number): boolean {
    return this.heap.full && this.heap.minPoints >= bound;
  }

  visit(j: number, focusPoints: number): void {
    const { e, i } = this;
    if (this.stamp[j] === i) return;
    this.stamp[j] = i;
    this.evaluations++;
    if (forbidden(e, i, j) || (this.taken !== undefined && this.taken.has(i < j ? i * e.n + j : j * e.n + i))) return;
    const p = focusPoints + pointsWithoutFocus(e, i, j);
    // Equal scores go to the nearest index after i (wrapping), not the smallest overall:
    // otherwise with many ties everyone lists the same few people, who fill up at once.
    if (p > 0) this.heap.offer(p, j >= i ? j - i : j - i + e.n);
  }

  /** The kept candidates' indexes (undoing the rotation of visit). */
  candidate(k: number): number {
    const r = this.heap.index[k] + this.i;
    return r >= this.e.n ? r - this.e.n : r;
  }

  /**
   * Everyone in `g` until nothing can beat the list, starting at a place that depends
   * on i (the same reason as the rotation above), skipping runs of i's competitors.
   */
  visitGroup(g: Group | undefined, focusPoints: number, bound: number, limit = Infinity): void {
    if (g === undefined || g.members.length === 0) return;
    const start = this.i % g.members.length;
    const left = this.scan(g, start, g.members.length, focusPoints, bound, limit);
    if (left > 0) this.scan(g, 0, start, focusPoints, bound, left);
  }

  /** Positions [from, to) of g; returns how many more may be scored (0: stop). */
  private scan(g: Group, from: number, to: number, focusPoints: number, bound: number, limit: number): number {
    const { members, key, runEnd } = g;
    for (let k = from; k < to; ) {
      if (this.myKey >= 0 && key[k] === this.myKey) {
        k = runEnd[k];
        continue;
      }
      if (limit <= 0 || this.done(bound)) return 0;
      this.visit(members[k++], focusPoints);
      limit--;
    }
    return limit;
  }
}

/**
 * Candidate pairs (i < j by index) with their points: each member's top `perPerson`,
 * leaving out pairs whose key (i·n + j) is in `taken` (matched in an earlier round).
 */
export function topCandidates(e: Encoded, members: Int32Array, perPerson: number, taken?: Set<number>) {
  const ix = buildIndex(e, members);
  const search = new Search(e, perPerson, taken);
  const overlap = new Int32Array(ix.sigCount);
  // Reused for every person: signatures touched, and bucketed by the count shared.
  const touched: number[] = [];
  const levels: number[][] = Array.from({ length: ix.maxFocus + 1 }, () => []);
  const out = { a: [] as number[], b: [] as number[], points: [] as number[], evaluations: 0 };

  for (const i of members) {
    search.start(i);
    const maxShared = e.focus[i].length;
    for (let c = 0; c <= maxShared; c++) levels[c].length = 0;
    touched.length = 0;
    for (const f of e.focus[i]) for (const s of ix.sigsByFocus[f]) if (overlap[s]++ === 0) touched.push(s);
    for (const s of touched) levels[overlap[s]].push(s);
    for (const s of touched) overlap[s] = 0;

    // What size and tier can add for this person: nothing when i's own is unknown.
    const tierRoom = e.tier[i] >= 0 ? e.w.sameRevenueTier : 0;
    const room = (e.size[i] > 0 ? e.w.similarSize : 0) + tierRoom;
    for (const step of stepOrder(e.w, maxShared)) {
      const bound = step.bound + room;
      if (search.done(bound)) break;
      visitStep(search, ix, levels, step, bound, tierRoom);
    }

    const { heap } = search;
    for (let k = 0; k < heap.size; k++) {
      const j = search.candidate(k);
      out.a.push(Math.min(i, j));
      out.b.push(Math.max(i, j));
      out.points.push(heap.points[k]);
    }
  }
  out.evaluations = search.evaluations;
  return out;
}

/**
 * One group. Whoever shares focus areas with i is scored in the group of their true
 * count c, never first in a c = 0 group: that group's bound is always lower.
 */
function visitStep(search: Search, ix: PeerIndex, levels: number[][], step: Step, bound: number, tierRoom: number) {
  const { e, i } = search;
  const bt = e.bt[i];
  const area = e.area[i];
  const complements = bt >= 0 ? ix.complementsOf[bt] : [];
  const focusPoints = e.w.sharedFocus * step.c;
  if (step.c > 0) {
    for (const s of levels[step.c]) {
      if (step.kind === "complement") for (const other of complements) search.visitGroup(ix.sigBt.get(s * e.btCount + other), focusPoints, bound);
      else if (step.kind === "area" && bt >= 0 && area >= 0) search.visitGroup(ix.sigArea.get(s * e.areaCount + area), focusPoints, bound);
      else if (step.kind === "rest") search.visitGroup(ix.sigMembers.get(s), focusPoints, bound);
    }
  } else if (step.kind === "complement") for (const other of complements) search.visitGroup(ix.byBt.get(other), 0, bound);
  else if (step.kind === "area" && bt >= 0 && area >= 0) search.visitGroup(ix.byArea.get(area), 0, bound);
  else if (step.kind === "rest") {
    if (e.size[i] > 0) scanSimilarSizes(search, ix.bySize, tierRoom);
    if (tierRoom > 0) search.visitGroup(ix.byTier.get(e.tier[i]), 0, tierRoom, TAIL_SCAN_CAP);
  }
}

/** Walk outward from i's team size, nearest ratio first, while a similar size can still count. */
function scanSimilarSizes(search: Search, bySize: Int32Array, tierRoom: number) {
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
    const upPts = up < bySize.length ? sizePoints(s, e.size[bySize[up]], e.w) : 0;
    const downPts = down >= 0 ? sizePoints(s, e.size[bySize[down]], e.w) : 0;
    const best = Math.max(upPts, downPts);
    if (best === 0 || search.done(best + tierRoom)) return;
    search.visit(upPts >= downPts ? bySize[up++] : bySize[down--], 0);
  }
}
