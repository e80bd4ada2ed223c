import { topCandidates } from "@/lib/matching/peer-candidates";
import { encodePeers } from "@/lib/matching/peer-encode";
import { preparePeer } from "@/lib/matching/peer-score";
import { generateProfiles } from "@/lib/matching/synthetic";
import { matchPeersBatch } from "@/lib/matching";
const ps = generateProfiles(10000, 7);
const e = encodePeers(ps.map(preparePeer));
for (const K of [8, 12, 16, 24]) {
  let t = performance.now();
  const c = topCandidates(e, Int32Array.from({ length: e.n }, (_, i) => i), K);
  const ct = performance.now() - t;
  t = performance.now();
  const r = matchPeersBatch(ps, { maxPerPerson: 3, candidatesPerPerson: K });
  console.log(K, "cands", ct.toFixed(0), c.evaluations, "batch", (performance.now() - t).toFixed(0), r.length, r.reduce((s, p) => s + p.score, 0).toFixed(1));
}
