import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sampleFunction, type SampleResult } from './sample.js';
import { PlotError } from './errors.js';

/** Piecewise-linear value of the sampled curve at x, or undefined in a gap. */
function interpolate(r: SampleResult, x: number): number | undefined {
  for (const seg of r.segments) {
    if (seg.length < 2 || x < seg[0].x || x > seg[seg.length - 1].x) continue;
    let lo = 0;
    let hi = seg.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (seg[mid].x <= x) lo = mid;
      else hi = mid;
    }
    const p = seg[lo];
    const q = seg[hi];
    return p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x);
  }
  return undefined;
}

describe('sampleFunction: points hit the curve', () => {
  it('every point is (x, f(x)), points increase in x, and the ends are included', () => {
    const f = (x: number) => Math.sin(x) / x;
    const r = sampleFunction(f, -20, 20);
    expect(r.segments.length).toBe(1);
    const pts = r.segments[0];
    expect(pts[0].x).toBe(-20);
    expect(pts[pts.length - 1].x).toBe(20);
    for (let i = 0; i < pts.length; i++) {
      expect(pts[i].y).toBe(f(pts[i].x));
      if (i > 0) expect(pts[i].x).toBeGreaterThan(pts[i - 1].x);
    }
    expect(r.breaks).toEqual([]);
  });

  it('the polyline stays within a pixel or two of sin(kx) in screen space', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 6, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (k, phase) => {
        const f = (x: number) => Math.sin(k * x + phase);
        const yRange: [number, number] = [-1.2, 1.2];
        const r = sampleFunction(f, -10, 10, { yRange });
        const sy = 80 / 2.4;
        let worst = 0;
        for (let i = 0; i <= 2000; i++) {
          const x = -10 + (20 * i) / 2000;
          const y = interpolate(r, x);
          worst = Math.max(worst, y === undefined ? Number.POSITIVE_INFINITY : Math.abs(y - f(x)) * sy);
        }
        expect(worst).toBeLessThan(1.5);
      }),
      { numRuns: 40 },
    );
  });

  it('continuous functions, however steep, are never cut', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 }), (c) => {
        const p = (x: number) => c.reduce((s, ck) => s * x + ck, 0);
        const r = sampleFunction(p, -3, 3);
        expect(r.breaks).toEqual([]);
        expect(r.segments.length).toBe(1);
      }),
      { numRuns: 100 },
    );
    const steep = sampleFunction((x) => Math.atan(1000 * x), -1, 1);
    expect(steep.breaks).toEqual([]);
    expect(steep.segments.length).toBe(1);
  });
});

describe('sampleFunction: discontinuities', () => {
  it('tan on [−5, 5]: the curve is split at the four poles ±π/2, ±3π/2', () => {
    const poles = [-1.5, -0.5, 0.5, 1.5].map((k) => k * Math.PI);
    const r = sampleFunction(Math.tan, -5, 5);
    expect(r.breaks.map((b) => b.kind)).toEqual(['pole', 'pole', 'pole', 'pole']);
    r.breaks.forEach((b, i) => expect(Math.abs(b.x - poles[i])).toBeLessThan(1e-9));
    expect(r.segments.length).toBe(5);
    for (const seg of r.segments) {
      for (const pole of poles) {
        const sides = new Set(seg.map((p) => Math.sign(p.x - pole)));
        expect(sides.size).toBe(1); // no segment straddles a pole
      }
    }
    // The suggested vertical range ignores the huge values near the poles.
    expect(r.yRange[0]).toBeLessThan(-3);
    expect(r.yRange[1]).toBeGreaterThan(3);
    expect(r.yRange[1] - r.yRange[0]).toBeLessThan(100);
  });

  it('poles of odd and even order: 1/x and 1/x²', () => {
    for (const f of [(x: number) => 1 / x, (x: number) => 1 / (x * x)]) {
      const r = sampleFunction(f, -1, 1);
      expect(r.breaks.length).toBe(1);
      expect(r.breaks[0].kind).toBe('pole');
      expect(Math.abs(r.breaks[0].x)).toBeLessThan(1e-9);
      expect(r.segments.length).toBe(2);
    }
  });

  it('finite jumps of floor are located and classified', () => {
    const r = sampleFunction(Math.floor, 0, 3.5);
    expect(r.breaks.map((b) => b.kind)).toEqual(['jump', 'jump', 'jump']);
    r.breaks.forEach((b, i) => expect(Math.abs(b.x - (i + 1))).toBeLessThan(1e-9));
    // Each segment is flat at its own integer.
    r.segments.forEach((seg, i) => seg.forEach((p) => expect(p.y).toBe(i)));
  });

  it('the edge of the domain is found by bisection (√x on [−1, 1], log on [−1, 2])', () => {
    const s = sampleFunction(Math.sqrt, -1, 1);
    expect(s.segments.length).toBe(1);
    const first = s.segments[0][0];
    expect(first.x).toBeGreaterThanOrEqual(0);
    expect(first.x).toBeLessThan(1e-12);
    expect(s.breaks[0].kind).toBe('undefined');
    const l = sampleFunction(Math.log, -1, 2);
    expect(l.segments.length).toBe(1);
    expect(l.segments[0][0].x).toBeLessThan(1e-12);
    expect(l.segments[0][0].y).toBeLessThan(-20);
  });

  it('rejects bad arguments', () => {
    expect(() => sampleFunction(Math.sin, 1, 1)).toThrow(PlotError);
    expect(() => sampleFunction(Math.sin, 0, Number.NaN)).toThrow(PlotError);
    expect(() => sampleFunction(Math.sin, 0, 1, { initialPoints: 1 })).toThrow(/initialPoints/);
    expect(() => sampleFunction(Math.sin, 0, 1, { yRange: [1, 0] })).toThrow(/yRange/);
  });
});
