import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { solveOde } from './solve-ode.js';
import { A, B, C, E } from './dormand-prince.js';
import { InvalidArgumentError } from '../errors.js';

describe('Dormand–Prince tableau', () => {
  it('satisfies the row-sum condition and the order conditions up to order 5 (5th-order weights) and 4 (embedded)', () => {
    for (let i = 1; i < 7; i++) expect(Math.abs(A[i].reduce((s, v) => s + v, 0) - C[i])).toBeLessThan(1e-15);
    const bHat = B.map((b, i) => b - E[i]);
    for (const [w, order] of [[B, 5], [bHat, 4]] as const) {
      // Quadrature conditions Σ bᵢ cᵢ^{q−1} = 1/q.
      for (let q = 1; q <= order; q++) {
        const s = w.reduce((acc, b, i) => acc + b * C[i] ** (q - 1), 0);
        expect(Math.abs(s - 1 / q)).toBeLessThan(1e-14);
      }
    }
    // One non-quadrature 4th-order condition: Σ bᵢ cᵢ aᵢⱼ cⱼ = 1/8.
    let s = 0;
    for (let i = 1; i < 7; i++) for (let j = 0; j < i; j++) s += B[i] * C[i] * A[i][j] * C[j];
    expect(Math.abs(s - 1 / 8)).toBeLessThan(1e-14);
  });
});

describe('solveOde against closed forms', () => {
  it('exponential decay y′ = −ky', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (k, y0) => {
        const r = solveOde((_t, y, dy) => {
          dy[0] = -k * y[0];
        }, [0, 2], [y0], { rtol: 1e-10, atol: 1e-12 });
        expect(r.success).toBe(true);
        r.t.forEach((t, i) => expect(Math.abs(r.y[i][0] - y0 * Math.exp(-k * t))).toBeLessThan(1e-8 * (1 + Math.abs(y0))));
      }),
      { numRuns: 100 },
    );
  });

  it('harmonic oscillator: follows cos/sin and conserves energy over 10 periods', () => {
    const w = 3;
    const r = solveOde((_t, y) => [y[1], -w * w * y[0]], [0, 20 * Math.PI / w * 1], [1, 0], { rtol: 1e-10, atol: 1e-12 });
    expect(r.success).toBe(true);
    for (let i = 0; i < r.t.length; i++) {
      const [x, v] = r.y[i];
      expect(Math.abs(x - Math.cos(w * r.t[i]))).toBeLessThan(1e-7);
      expect(Math.abs(v + w * Math.sin(w * r.t[i]))).toBeLessThan(3e-7);
      const energy = (v * v) / 2 + (w * w * x * x) / 2;
      expect(Math.abs(energy - (w * w) / 2)).toBeLessThan(1e-7 * w * w);
    }
  });

  it('logistic equation y′ = r·y(1 − y/K) at requested times', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (rate, K, frac) => {
          const y0 = frac * K;
          const tEval = Array.from({ length: 21 }, (_, i) => i * 0.5);
          const res = solveOde((_t, y, dy) => {
            dy[0] = rate * y[0] * (1 - y[0] / K);
          }, [0, 10], [y0], { rtol: 1e-9, atol: 1e-12, tEval });
          expect(res.t).toEqual(tEval);
          tEval.forEach((t, i) => {
            const exact = K / (1 + (K / y0 - 1) * Math.exp(-rate * t));
            expect(Math.abs(res.y[i][0] - exact)).toBeLessThan(1e-7 * K);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('dense output is accurate between steps (so its coefficients are right)', () => {
    const r = solveOde((t, y, dy) => {
      dy[0] = Math.cos(t) * y[0];
    }, [0, 8], [1], { rtol: 1e-9, atol: 1e-12, dense: true });
    const sol = r.sol as (t: number) => Float64Array;
    let worst = 0;
    for (let i = 0; i <= 1000; i++) {
      const t = (8 * i) / 1000;
      worst = Math.max(worst, Math.abs(sol(t)[0] - Math.exp(Math.sin(t))));
    }
    expect(worst).toBeLessThan(1e-7);
    // Steps are long compared with the sampling, so most samples are interpolated.
    expect(r.acceptedSteps).toBeLessThan(200);
    expect(() => sol(9)).toThrow(InvalidArgumentError);
  });

  it('integrates backwards in time', () => {
    const r = solveOde((_t, y) => [y[0]], [1, 0], [Math.E], { rtol: 1e-10, atol: 1e-12 });
    expect(r.t[r.t.length - 1]).toBe(0);
    expect(Math.abs(r.y[r.y.length - 1][0] - 1)).toBeLessThan(1e-9);
  });

  it('the error shrinks as the tolerance is tightened', () => {
    const err = (rtol: number) => {
      const r = solveOde((_t, y) => [-y[1], y[0]], [0, 10], [1, 0], { rtol, atol: rtol * 1e-3 });
      const y = r.y[r.y.length - 1];
      return { e: Math.hypot(y[0] - Math.cos(10), y[1] - Math.sin(10)), n: r.evaluations };
    };
    const a = err(1e-4);
    const b = err(1e-8);
    expect(b.e).toBeLessThan(a.e / 100);
    expect(b.n).toBeGreaterThan(a.n);
    expect(b.e).toBeLessThan(1e-6);
  });
});

describe('solveOde failures and errors', () => {
  it('reports blow-up of y′ = y² (y = 1/(1 − t)) instead of running on', () => {
    const r = solveOde((_t, y) => [y[0] * y[0]], [0, 2], [1]);
    expect(r.success).toBe(false);
    expect(Math.abs(r.t[r.t.length - 1] - 1)).toBeLessThan(1e-3);
    expect(r.message).toMatch(/t = /);
  });
  it('rejects bad arguments', () => {
    const f = (_t: number, y: Float64Array) => [y[0]];
    expect(() => solveOde(f, [0, 1], [])).toThrow(InvalidArgumentError);
    expect(() => solveOde(f, [0, 1], [1], { rtol: 0 })).toThrow(InvalidArgumentError);
    expect(() => solveOde(f, [0, 1], [1], { tEval: [0.5, 2] })).toThrow(/outside/);
    expect(() => solveOde(f, [0, 1], [1], { tEval: [0.5, 0.2] })).toThrow(/ordered/);
    expect(() => solveOde(() => [1, 2], [0, 1], [1])).toThrow(/components/);
  });
});
