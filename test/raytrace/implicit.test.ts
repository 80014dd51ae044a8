/**
 * Implicit surfaces: the first hit found from the ray polynomial agrees with brute-force root
 * bracketing of f along the ray, and the compiled symbolic normals agree with finite differences.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile } from '../../src/numeric/compile/index.js';
import { parse } from '../../src/parse/parse.js';
import { makeImplicitSurface } from '../../src/raytrace/implicit.js';
import { PolySolver, horner } from '../../src/raytrace/roots.js';

const SPHERE = 'x^2 + y^2 + z^2 - 1';
const TORUS = '(x^2 + y^2 + z^2 + 1 - 0.4^2)^2 - 4*(x^2 + y^2)';
const BOX = [[-1.5, -1.5, -1.5], [1.5, 1.5, 1.5]] as const;

/** The first sign change of f along o + t d for t in (tmin, tmax), on a fine grid, refined by bisection. */
function bruteFirstRoot(f: (x: number, y: number, z: number) => number, o: number[], d: number[], tmin: number, tmax: number, steps = 20000): number | undefined {
  const at = (t: number) => f(o[0]! + t * d[0]!, o[1]! + t * d[1]!, o[2]! + t * d[2]!);
  let t0 = tmin;
  let f0 = at(t0);
  for (let k = 1; k <= steps; k++) {
    const t1 = tmin + ((tmax - tmin) * k) / steps;
    const f1 = at(t1);
    if (f0 === 0 || (f0 < 0) !== (f1 < 0)) {
      let l = t0, r = t1;
      for (let j = 0; j < 60; j++) {
        const m = (l + r) / 2;
        if ((at(m) < 0) === (f0 < 0)) l = m; else r = m;
      }
      return (l + r) / 2;
    }
    t0 = t1;
    f0 = f1;
  }
  return undefined;
}

const coord = fc.double({ min: -1, max: 1, noNaN: true });
const ray = fc.record({
  // An origin on a sphere of radius 6 and a direction aimed near the object.
  origin: fc.tuple(coord, coord, coord).filter((v) => Math.hypot(...v) > 0.1),
  target: fc.tuple(coord, coord, coord),
  len: fc.double({ min: 0.3, max: 3, noNaN: true }),
});

function check(source: string) {
  const surface = makeImplicitSurface(source, BOX, undefined);
  const f = compile(parse(source), ['x', 'y', 'z']);
  fc.assert(
    fc.property(ray, ({ origin, target, len }) => {
      const n = Math.hypot(...origin);
      const o = origin.map((v) => (6 * v) / n);
      const dir = target.map((v, k) => 1.2 * v - o[k]!);
      const dn = Math.hypot(...dir);
      const d = dir.map((v) => (len * v) / dn);
      const t = surface.hit(o[0]!, o[1]!, o[2]!, d[0]!, d[1]!, d[2]!, 0.001, Infinity);
      const brute = bruteFirstRoot(f, o, d, 0.001, 12 / len);
      if (brute === undefined) {
        // A miss may only disagree with a grazing hit (a double root the grid cannot bracket).
        expect(t).toBe(-1);
      } else {
        expect(t).toBeGreaterThan(0);
        expect(Math.abs(t - brute)).toBeLessThan(1e-6 * Math.max(1, brute));
      }
    }),
    { numRuns: 150 },
  );
}

describe('ray–surface hits against brute-force root bracketing', () => {
  it('sphere (degree 2, closed form)', () => check(SPHERE));
  it('torus (degree 4, isolation through derivative roots)', () => check(TORUS));
  it('rays starting inside the torus tube find the exit', () => {
    const s = makeImplicitSurface(TORUS, BOX, undefined);
    // From the tube's centre circle (radius 1) outwards along x: the tube wall is at x = 1.4.
    expect(s.hit(1, 0, 0, 1, 0, 0, 0.001, Infinity)).toBeCloseTo(0.4, 12);
    // Along the axis of the torus the ray passes through the hole: a miss.
    expect(s.hit(0, 0, 5, 0, 0, -1, 0.001, Infinity)).toBe(-1);
    // Through the tube and across the hole: the first of four roots, at x = −1.4.
    expect(s.hit(-5, 0, 0, 1, 0, 0, 0.001, Infinity)).toBeCloseTo(3.6, 12);
  });
});

describe('the first root of a polynomial on an interval', () => {
  it('is never missed among clustered real roots', () => {
    const solver = new PolySolver(8);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0.5, max: 3, noNaN: true }), (roots, lead) => {
        // c(t) = lead · Π (t − r_k), expanded.
        let c = [lead];
        for (const r of roots) {
          const next = new Array<number>(c.length + 1).fill(0);
          c.forEach((v, k) => {
            next[k + 1]! += v;
            next[k]! -= r * v;
          });
          c = next;
        }
        const first = Math.min(...roots);
        const t = solver.firstRoot(c, c.length - 1, 0, 6);
        // Repeated roots (grazing rays) are found too; a cluster of k roots is only determined to about ε^(1/k).
        const mult = roots.filter((r) => Math.abs(r - first) < 1e-2).length;
        expect(Math.abs(t - first)).toBeLessThan(mult === 1 ? 1e-9 : 2e-2);
        expect(Math.abs(horner(c, c.length - 1, t))).toBeLessThan(1e-9 * Math.max(1, ...c.map(Math.abs)) * 100);
      }),
      { numRuns: 200 },
    );
  });
});

describe('normals are the compiled symbolic gradient', () => {
  for (const source of [TORUS, '(x^2 + 9/4*y^2 + z^2 - 1)^3 - x^2*z^3 - 9/80*y^2*z^3', 'sin(3*x)*cos(3*y) + sin(3*y)*cos(3*z) + sin(3*z)*cos(3*x)']) {
    it(`agree with central differences for ${source}`, () => {
      const s = makeImplicitSurface(source, BOX, 10);
      const f = compile(parse(source), ['x', 'y', 'z']);
      const g = new Float64Array(3);
      fc.assert(
        fc.property(coord, coord, coord, (x, y, z) => {
          s.gradient(x, y, z, g);
          const h = 1e-5;
          const fd = [
            (f(x + h, y, z) - f(x - h, y, z)) / (2 * h),
            (f(x, y + h, z) - f(x, y - h, z)) / (2 * h),
            (f(x, y, z + h) - f(x, y, z - h)) / (2 * h),
          ];
          const scale = Math.max(1, Math.hypot(...fd));
          for (let k = 0; k < 3; k++) expect(Math.abs(g[k]! - fd[k]!)).toBeLessThan(1e-5 * scale);
        }),
        { numRuns: 100 },
      );
    });
  }
});

describe('sphere tracing a non-polynomial surface', () => {
  it('finds the gyroid crossing that bracketing finds', () => {
    const src = 'sin(4*x)*cos(4*y) + sin(4*y)*cos(4*z) + sin(4*z)*cos(4*x)';
    const s = makeImplicitSurface(src, BOX, undefined);
    const f = compile(parse(src), ['x', 'y', 'z']);
    fc.assert(
      fc.property(ray, ({ origin, target }) => {
        const n = Math.hypot(...origin);
        const o = origin.map((v) => (6 * v) / n);
        const d = target.map((v, k) => v - o[k]!);
        const t = s.hit(o[0]!, o[1]!, o[2]!, d[0]!, d[1]!, d[2]!, 0.001, Infinity);
        // Bracket f only inside the box, where the surface lives.
        let lo = 0.001, hi = Infinity;
        for (let k = 0; k < 3; k++) {
          const t0 = (BOX[0][k] - o[k]!) / d[k]!, t1 = (BOX[1][k] - o[k]!) / d[k]!;
          lo = Math.max(lo, Math.min(t0, t1));
          hi = Math.min(hi, Math.max(t0, t1));
        }
        const brute = lo < hi ? bruteFirstRoot(f, o, d, lo, hi, 40000) : undefined;
        if (brute === undefined) expect(t).toBe(-1);
        else expect(Math.abs(t - brute)).toBeLessThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });
});
