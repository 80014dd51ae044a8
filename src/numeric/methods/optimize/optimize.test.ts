import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bfgs } from './bfgs.js';
import { gradientDescent } from './gradient-descent.js';
import { heavyBall, nesterov } from './momentum.js';
import { adam } from './adam.js';
import { nelderMead } from './nelder-mead.js';
import { withNumericGradient } from './finite-difference.js';
import { strongWolfe } from './line-search.js';
import type { GradientObjective } from './types.js';
import { InvalidArgumentError } from '../errors.js';

const rosen: GradientObjective = (x, g) => {
  const a = 1 - x[0];
  const b = x[1] - x[0] * x[0];
  g[0] = -2 * a - 400 * x[0] * b;
  g[1] = 200 * b;
  return a * a + 100 * b * b;
};
const rosenF = (x: Float64Array) => rosen(x, new Float64Array(2));

/** f(x) = ½xᵀAx − bᵀx with A = MᵀM + I (symmetric positive definite). */
function quadratic(M: number[][], b: number[]): { fg: GradientObjective; A: number[][]; xstar: number[] } {
  const n = b.length;
  const A = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => M.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? 1 : 0)),
  );
  const fg: GradientObjective = (x, g) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      let Ax = 0;
      for (let j = 0; j < n; j++) Ax += A[i][j] * x[j];
      g[i] = Ax - b[i];
      f += 0.5 * x[i] * Ax - b[i] * x[i];
    }
    return f;
  };
  return { fg, A, xstar: solve(A, b) };
}

/** Gaussian elimination with partial pivoting (reference solver for the tests). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const m = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= m * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

const quadArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    M: fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    b: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
    x0: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

describe('BFGS', () => {
  it('minimises Rosenbrock from (−1.2, 1) to 1e-8 in x', () => {
    const r = bfgs(rosen, [-1.2, 1], { gradTol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(maxAbsDiff(r.x, [1, 1])).toBeLessThan(1e-8);
    expect(r.iterations).toBeLessThan(60);
  });
  it('minimises Rosenbrock from random starts in [−2, 2]²', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (a, b) => {
        const r = bfgs(rosen, [a, b], { gradTol: 1e-10 });
        expect(maxAbsDiff(r.x, [1, 1])).toBeLessThan(1e-8);
      }),
      { numRuns: 100 },
    );
  });
  it('solves random SPD quadratics: x* = A⁻¹b', () => {
    fc.assert(
      fc.property(quadArb, ({ M, b, x0 }) => {
        const q = quadratic(M, b);
        const r = bfgs(q.fg, x0, { gradTol: 1e-11 });
        expect(r.converged).toBe(true);
        expect(maxAbsDiff(r.x, q.xstar)).toBeLessThan(1e-8);
      }),
      { numRuns: 200 },
    );
  });
  it('works with a central-difference gradient', () => {
    const r = bfgs(withNumericGradient(rosenF), [-1.2, 1], { gradTol: 1e-7 });
    expect(maxAbsDiff(r.x, [1, 1])).toBeLessThan(1e-6);
  });
});

describe('path recording', () => {
  it('records x₀ first, one entry per iteration, with consistent values and gradient norms', () => {
    for (const run of [
      () => bfgs(rosen, [-1.2, 1]),
      () => gradientDescent(rosen, [-1.2, 1], { lineSearch: 'armijo', maxIterations: 300 }),
      () => nesterov(rosen, [-1.2, 1], { step: 1e-4, maxIterations: 300 }),
      () => adam(rosen, [-1.2, 1], { step: 1e-2, maxIterations: 300 }),
    ]) {
      const r = run();
      expect(r.path.length).toBe(r.iterations + 1);
      expect(Array.from(r.path[0].x)).toEqual([-1.2, 1]);
      const g = new Float64Array(2);
      for (const p of r.path) {
        expect(rosen(p.x, g)).toBe(p.value);
        expect(Math.abs(Math.hypot(g[0], g[1]) - (p.gradNorm as number))).toBeLessThan(1e-12 * (1 + Math.hypot(g[0], g[1])));
      }
      expect(Array.from(r.path[r.path.length - 1].x)).toEqual(Array.from(r.x));
    }
  });
  it('recordPath: false leaves the path empty', () => {
    expect(bfgs(rosen, [0, 0], { recordPath: false }).path).toEqual([]);
  });
});

describe('first-order methods follow their defining recursions', () => {
  it('fixed-step descent on a quadratic: x_k − x* = (I − αA)ᵏ(x₀ − x*)', () => {
    fc.assert(
      fc.property(quadArb, ({ M, b, x0 }) => {
        const q = quadratic(M, b);
        const L = q.A.reduce((m, row) => Math.max(m, row.reduce((s, v) => s + Math.abs(v), 0)), 0); // ≥ λ_max
        const alpha = 1 / L;
        const r = gradientDescent(q.fg, x0, { step: alpha, maxIterations: 25, gradTol: 0 });
        let e = x0.map((v, i) => v - q.xstar[i]);
        expect(r.path.length === 26 || r.reason === 'gradient-tolerance').toBe(true);
        for (let k = 0; k < r.path.length; k++) {
          const expected = e.map((v, i) => v + q.xstar[i]);
          expect(maxAbsDiff(r.path[k].x, expected)).toBeLessThan(1e-9 * (1 + Math.max(...expected.map(Math.abs))));
          e = e.map((v, i) => v - alpha * q.A[i].reduce((s, a, j) => s + a * e[j], 0));
        }
      }),
      { numRuns: 100 },
    );
  });
  it('heavy ball and Nesterov match their two-step recursions on f = λx²/2', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0, max: 0.95, noNaN: true }), (lambda, beta) => {
        const fg: GradientObjective = (x, g) => {
          g[0] = lambda * x[0];
          return (lambda * x[0] * x[0]) / 2;
        };
        const alpha = 0.5 / lambda;
        const hb = heavyBall(fg, [1], { step: alpha, beta, maxIterations: 30, gradTol: 0 });
        const nag = nesterov(fg, [1], { step: alpha, beta, maxIterations: 30, gradTol: 0 });
        let [hPrev, h] = [1, 1];
        let [nPrev, nx] = [1, 1];
        for (let k = 0; k <= 30; k++) {
          expect(Math.abs(hb.path[k].x[0] - h)).toBeLessThan(1e-12);
          expect(Math.abs(nag.path[k].x[0] - nx)).toBeLessThan(1e-12);
          [hPrev, h] = [h, h + beta * (h - hPrev) - alpha * lambda * h];
          const y = nx + beta * (nx - nPrev);
          [nPrev, nx] = [nx, y - alpha * lambda * y];
        }
      }),
      { numRuns: 200 },
    );
  });
  it('Adam’s first step moves every coordinate by α against the gradient sign, whatever its scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }).filter((v) => Math.abs(v) > 1e-3), { minLength: 1, maxLength: 5 }),
        (c) => {
          const fg: GradientObjective = (x, g) => {
            let f = 0;
            for (let i = 0; i < x.length; i++) {
              g[i] = c[i];
              f += c[i] * x[i];
            }
            return f;
          };
          const r = adam(fg, new Array(c.length).fill(0), { step: 0.1, maxIterations: 1, gradTol: 0 });
          for (let i = 0; i < c.length; i++) expect(Math.abs(r.path[1].x[i] + 0.1 * Math.sign(c[i]))).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('Armijo descent decreases f (up to round-off) and converges on quadratics', () => {
    fc.assert(
      fc.property(quadArb.filter((q) => q.b.length <= 3), ({ M, b, x0 }) => {
        const q = quadratic(M, b);
        const r = gradientDescent(q.fg, x0, { lineSearch: 'armijo', gradTol: 1e-9, maxIterations: 20_000 });
        for (let k = 1; k < r.path.length; k++) {
          const prev = r.path[k - 1].value;
          expect(r.path[k].value).toBeLessThanOrEqual(prev + 1e-10 * Math.abs(prev));
        }
        expect(r.converged).toBe(true);
        expect(maxAbsDiff(r.x, q.xstar)).toBeLessThan(1e-7);
      }),
      { numRuns: 30 },
    );
  });
  it('momentum methods and Adam reach the minimum of a convex quadratic', () => {
    const q = quadratic([[1, 2], [0, 1]], [1, -1]);
    for (const r of [
      heavyBall(q.fg, [3, 3], { step: 0.05 }),
      nesterov(q.fg, [3, 3], { step: 0.05 }),
      adam(q.fg, [3, 3], { step: 0.01, maxIterations: 50_000 }),
    ]) {
      expect(r.converged).toBe(true);
      expect(maxAbsDiff(r.x, q.xstar)).toBeLessThan(1e-7);
    }
  });
  it('a too-large fixed step diverges and says so', () => {
    const r = gradientDescent((x, g) => {
      g[0] = 100 * x[0];
      return 50 * x[0] * x[0];
    }, [1], { step: 1, maxIterations: 1000 });
    expect(r.reason).toBe('diverged');
    expect(r.converged).toBe(false);
  });
});

describe('strong-Wolfe line search', () => {
  it('accepted steps satisfy both strong Wolfe conditions along steepest descent of Rosenbrock', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 3, noNaN: true }), (a, b) => {
        const x = Float64Array.of(a, b);
        const g = new Float64Array(2);
        const fx = rosen(x, g);
        if (Math.hypot(g[0], g[1]) < 1e-8) return;
        const d = Float64Array.of(-g[0], -g[1]);
        const xn = new Float64Array(2);
        const gn = new Float64Array(2);
        const ls = strongWolfe(rosen, x, fx, g, d, 1 / Math.hypot(d[0], d[1]), xn, gn);
        expect(ls.ok).toBe(true);
        const slope0 = g[0] * d[0] + g[1] * d[1];
        const check = new Float64Array(2);
        const fNew = rosen(Float64Array.of(a + ls.alpha * d[0], b + ls.alpha * d[1]), check);
        const slope = check[0] * d[0] + check[1] * d[1];
        const strong = fNew <= fx + 1e-4 * ls.alpha * slope0 && Math.abs(slope) <= 0.9 * Math.abs(slope0) * (1 + 1e-12);
        // Where f is flat to round-off, the documented fallback is Hager–Zhang's approximate Wolfe test.
        const approx = Math.abs(fNew - fx) <= 1e-10 * Math.abs(fx) && 0.9 * slope0 <= slope && slope <= (2e-4 - 1) * slope0;
        expect(strong || approx).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Nelder–Mead', () => {
  it('minimises Rosenbrock without derivatives', () => {
    const r = nelderMead(rosenF, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(maxAbsDiff(r.x, [1, 1])).toBeLessThan(1e-6);
    for (let k = 1; k < r.path.length; k++) expect(r.path[k].value).toBeLessThanOrEqual(r.path[k - 1].value);
  });
  it('solves random SPD quadratics in up to 4 dimensions', () => {
    fc.assert(
      fc.property(quadArb.filter((q) => q.b.length <= 4), ({ M, b, x0 }) => {
        const q = quadratic(M, b);
        const r = nelderMead((x) => q.fg(x, new Float64Array(x.length)), x0, { xTol: 1e-10, fTol: 1e-14, maxIterations: 20_000 });
        expect(maxAbsDiff(r.x, q.xstar)).toBeLessThan(1e-6);
      }),
      { numRuns: 60 },
    );
  });
});

describe('argument checking', () => {
  it('rejects bad parameters with clear errors', () => {
    expect(() => bfgs(rosen, [])).toThrow(InvalidArgumentError);
    expect(() => bfgs(rosen, [Number.NaN, 0])).toThrow(/not finite/);
    expect(() => gradientDescent(rosen, [0, 0], { step: -1 })).toThrow(InvalidArgumentError);
    expect(() => heavyBall(rosen, [0, 0], { beta: 1 })).toThrow(/beta/);
    expect(() => adam(rosen, [0, 0], { beta2: 1.5 })).toThrow(/beta2/);
    expect(() => nelderMead(rosenF, [0, 0], { initialStep: 0 })).toThrow(/initialStep/);
  });
});
