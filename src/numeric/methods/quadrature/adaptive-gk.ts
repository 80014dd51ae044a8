import { IntervalHeap } from './interval-heap.js';
import { kronrod15, XGK, type KronrodPiece } from './kronrod-rule.js';
import { target, type Integrand3, type RuleResult } from './types.js';

/**
 * Globally adaptive Gauss–Kronrod integration in the manner of QUADPACK's
 * QAG/QAGS (Piessens et al., 1983): all subintervals live in a priority
 * queue ordered by error estimate; the worst one is bisected until the sum of
 * the error estimates meets the tolerance. (QAGS additionally extrapolates
 * with Wynn's ε-algorithm; Lousa instead hands endpoint singularities to the
 * tanh-sinh rule, see nintegrate.)
 *
 * The state is kept in an object so that a run with a small budget can be
 * resumed later with a larger one.
 */
export class AdaptiveGaussKronrod {
  private readonly heap = new IntervalHeap();
  /** Pieces too narrow to split further in floating point. */
  private readonly frozen: KronrodPiece[] = [];
  private evaluations = 0;
  private subdivisions = 0;

  constructor(
    private readonly f: Integrand3,
    private readonly a: number,
    private readonly b: number,
    private readonly absTol: number,
    private readonly relTol: number,
  ) {
    this.add(kronrod15(f, a, b, a, b));
  }

  private add(p: KronrodPiece): void {
    this.evaluations += 15;
    this.heap.push(p);
  }

  private totals(): { value: number; error: number; absValue: number } {
    let value = 0;
    let error = 0;
    let absValue = 0;
    for (const p of this.heap.all()) {
      value += p.value;
      error += p.error;
      absValue += p.absValue;
    }
    for (const p of this.frozen) {
      value += p.value;
      error += p.error;
      absValue += p.absValue;
    }
    return { value, error, absValue };
  }

  private frozenError(): number {
    let e = 0;
    for (const p of this.frozen) e += p.error;
    return e;
  }

  /** True when the error is at the round-off floor of double precision for this integrand. */
  private atRoundoff(error: number, absValue: number): boolean {
    return error <= 100 * Number.EPSILON * absValue;
  }

  /** Continue subdividing until converged or `maxSubdivisions` bisections in total have been made. */
  run(maxSubdivisions: number): RuleResult & { subdivisions: number } {
    let t = this.totals();
    // Running sums; recomputed exactly from the pieces every 64 steps to avoid drift.
    while (this.subdivisions < maxSubdivisions) {
      if (t.error <= target(this.absTol, this.relTol, t.value) || this.atRoundoff(t.error, t.absValue)) break;
      // Nothing left can help once the unsplittable pieces alone exceed the goal.
      if (this.frozenError() > target(this.absTol, this.relTol, t.value)) break;
      const worst = this.heap.pop();
      if (worst === undefined) break; // everything frozen
      const mid = worst.a + (worst.b - worst.a) / 2;
      // Stop splitting once the children's outer Kronrod nodes would lie
      // within a few ulps of their ends (they would round onto them).
      const scale = Math.max(Math.abs(worst.a), Math.abs(worst.b));
      const outerGap = ((worst.b - worst.a) / 4) * (1 - XGK[0]);
      if (outerGap < 4 * Number.EPSILON * scale || outerGap < 1e3 * Number.MIN_VALUE) {
        this.frozen.push(worst);
        continue;
      }
      const left = kronrod15(this.f, worst.a, mid, this.a, this.b);
      const right = kronrod15(this.f, mid, worst.b, this.a, this.b);
      this.add(left);
      this.add(right);
      this.subdivisions++;
      t.value += left.value + right.value - worst.value;
      t.error += left.error + right.error - worst.error;
      t.absValue += left.absValue + right.absValue - worst.absValue;
      if (this.subdivisions % 64 === 0) t = this.totals();
    }
    t = this.totals();
    const converged = t.error <= target(this.absTol, this.relTol, t.value) || this.atRoundoff(t.error, t.absValue);
    return { value: t.value, error: t.error, evaluations: this.evaluations, converged, subdivisions: this.subdivisions };
  }
}
