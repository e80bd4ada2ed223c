/**
 * Re-estimating one kind's weights from outcomes (SPEC §9, decision 0185): logistic
 * regression of "acted on" on the score's own features, with a Gaussian prior
 * centred at today's weights. Pure and deterministic: same samples, same weights.
 *
 * 1. Calibrate: P(acted) = σ(a + s · score_default(x)) by maximum likelihood gives
 *    the scale s (log-odds per point of today's score), floored at MIN_SCALE.
 * 2. Re-estimate: P(acted) = σ(b + s · Σ w_j x_j), maximising the log-likelihood
 *    minus Σ (w_j − w0_j)² / (2 (PRIOR_SD · w0_j)²) by Newton's method. A feature
 *    that never varies keeps its default; with little data the prior wins.
 *    The prior's sd is never tighter than PRIOR_SD_FLOOR log-odds per feature unit:
 *    a default of 1 point at a scale of 0.2 would otherwise allow ±0.1 log-odds,
 *    and no number of outcomes could move it (decision 0209).
 * 3. Back to points: negative weights become 0 (a reason never subtracts), the
 *    features that varied are rescaled so that their total is the defaults' total
 *    (ranking depends only on the balance; scores stay on the scale organizers
 *    know), and each weight is bounded by MAX_FACTOR · w0_j, so that one fit cannot
 *    let a single feature swamp the rest.
 * Below MIN_OUTCOMES (or MIN_EACH acted-on and not acted-on) nothing moves.
 */

export const FIT_RULES = {
  minOutcomes: 200,
  minEach: 20,
  /** Prior standard deviation as a fraction of each default weight… */
  priorSd: 0.5,
  /** …but never tighter than this, in log-odds per unit of the feature (decision 0209). */
  priorSdFloor: 1,
  minScale: 0.05,
  maxFactor: 5,
  iterations: 100,
} as const;

export type FitRules = typeof FIT_RULES;
export type Sample = { x: number[]; y: 0 | 1 };

export type FitResult =
  | { moved: false; reason: "too_few_outcomes" | "one_sided"; weights: number[]; n: number; acted: number }
  | {
      moved: true;
      weights: number[];
      n: number;
      acted: number;
      stats: { scale: number; intercept: number; normalization: number; logLikDefault: number; logLikFitted: number; iterations: number; clamped: number[] };
    };

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function logLik(samples: Sample[], b: number, s: number, w: number[]): number {
  let ll = 0;
  for (const { x, y } of samples) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(b + s * dot(w, x))));
    ll += y ? Math.log(p) : Math.log(1 - p);
  }
  return ll;
}

function dot(a: number[], b: number[]): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i] * b[i];
  return t;
}

/** Solves A·x = r (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], r: number[]): number[] {
  const n = r.length;
  const M = A.map((row, i) => [...row, r[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let k = c + 1; k < n; k++) if (Math.abs(M[k][c]) > Math.abs(M[p][c])) p = k;
    [M[c], M[p]] = [M[p], M[c]];
    const d = M[c][c] || 1e-12;
    for (let k = c + 1; k < n; k++) {
      const f = M[k][c] / d;
      for (let j = c; j <= n; j++) M[k][j] -= f * M[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let c = n - 1; c >= 0; c--) {
    let t = M[c][n];
    for (let j = c + 1; j < n; j++) t -= M[c][j] * x[j];
    x[c] = t / (M[c][c] || 1e-12);
  }
  return x;
}

/**
 * Newton on θ = (intercept, v) for P = σ(θ0 + Σ v_j z_j), minimising −LL + ½ Σ prec_j (v_j − mean_j)².
 * prec 0 means a flat prior (the intercept always; the calibration's scale).
 */
function newton(rows: Array<{ z: number[]; y: 0 | 1 }>, start: number[], mean: number[], prec: number[], iterations: number) {
  const d = start.length;
  const theta = [...start];
  let it = 0;
  for (; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { z, y } of rows) {
      let eta = theta[0];
      for (let j = 1; j < d; j++) eta += theta[j] * z[j - 1];
      const p = sigmoid(eta);
      const wgt = Math.max(p * (1 - p), 1e-10);
      for (let j = 0; j < d; j++) {
        const zj = j === 0 ? 1 : z[j - 1];
        g[j] += (p - y) * zj;
        for (let k = j; k < d; k++) H[j][k] += wgt * zj * (k === 0 ? 1 : z[k - 1]);
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) H[j][k] = H[k][j];
      g[j] += prec[j] * (theta[j] - mean[j]);
      H[j][j] += prec[j] + 1e-9;
    }
    const step = solve(H, g);
    let size = 0;
    for (let j = 0; j < d; j++) {
      theta[j] -= step[j];
      size = Math.max(size, Math.abs(step[j]));
    }
    if (size < 1e-10) {
      it++;
      break;
    }
  }
  return { theta, iterations: it };
}

/** Re-estimates weights `w0` (points) from `samples`; see the file comment for the rule. */
export function fitWeights(samples: Sample[], w0: number[], rules: FitRules = FIT_RULES): FitResult {
  const n = samples.length;
  const acted = samples.reduce((t, s) => t + s.y, 0);
  if (n < rules.minOutcomes) return { moved: false, reason: "too_few_outcomes", weights: [...w0], n, acted };
  if (acted < rules.minEach || n - acted < rules.minEach) return { moved: false, reason: "one_sided", weights: [...w0], n, acted };

  // 1. The scale of today's score in log-odds.
  const base = Math.log((acted + 0.5) / (n - acted + 0.5));
  const cal = newton(samples.map((s) => ({ z: [dot(w0, s.x)], y: s.y })), [base, rules.minScale], [0, 0], [0, 0], rules.iterations);
  const scale = Math.max(rules.minScale, cal.theta[1]);

  // 2. The weights, with the prior at today's: work in v = s·w so the features enter as they are.
  const d = w0.length;
  const mean = [0, ...w0.map((w) => scale * w)];
  const prec = [0, ...w0.map((w) => 1 / Math.pow(Math.max(rules.priorSd * w * scale, rules.priorSdFloor, 1e-6), 2))];
  const fit = newton(samples.map((s) => ({ z: s.x, y: s.y })), [cal.theta[0], ...mean.slice(1)], mean, prec, rules.iterations);

  // 3. Back to points, bounded.
  const varied = w0.map((_, j) => samples.some((s) => s.x[j] !== samples[0].x[j]));
  const raw = Array.from({ length: d }, (_, j) => Math.max(fit.theta[j + 1] / scale, 0));
  const rawTotal = raw.reduce((t, w, j) => t + (varied[j] ? w : 0), 0);
  const defaultTotal = w0.reduce((t, w, j) => t + (varied[j] ? w : 0), 0);
  const factor = rawTotal > 0 ? defaultTotal / rawTotal : 1;
  const clamped: number[] = [];
  const weights = Array.from({ length: d }, (_, j) => {
    const w = varied[j] ? raw[j] * factor : raw[j];
    const bounded = Math.min(w, rules.maxFactor * w0[j]);
    if (bounded !== w || fit.theta[j + 1] < 0) clamped.push(j);
    return bounded;
  });
  return {
    moved: true,
    weights,
    n,
    acted,
    stats: {
      scale,
      intercept: fit.theta[0],
      normalization: factor,
      logLikDefault: logLik(samples, cal.theta[0], scale, w0),
      // The fitted model in log-odds: the rescaled weights times the scale they were fitted at.
      logLikFitted: logLik(samples, fit.theta[0], scale / factor, weights),
      iterations: fit.iterations,
      clamped,
    },
  };
}
