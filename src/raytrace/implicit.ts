/**
 * Implicit surfaces f(x, y, z) = 0 typed as expressions. For a polynomial f the ray o + t·d is
 * substituted symbolically and expanded, giving a polynomial in t whose coefficients (expressions in
 * the ray's o and d) are compiled to one kernel; its first root is isolated exactly (roots.ts). For any
 * other f the surface is sphere-traced with a Lipschitz bound. Normals are the symbolic gradient of f,
 * compiled — never finite differences.
 */
import { add, MINUS_ONE, mul, sym, type Expr } from '../ast/expr.js';
import { nodes, substitute } from '../ast/walk.js';
import { parse } from '../parse/parse.js';
import { expand } from '../simplify/expand.js';
import { coeffs } from '../simplify/collect.js';
import { diff } from '../diff/diff.js';
import { compile, type ScalarKernel, type VectorKernel } from '../numeric/compile/index.js';
import type { ImplicitSurface } from './implicit-surface.js';
import { PolySolver } from './roots.js';
import { SceneError } from './world.js';
import type { Vec3 } from './vec.js';

export const MAX_DEGREE = 16;
const XYZ = ['x', 'y', 'z'] as const;
const RAY = ['ox', 'oy', 'oz', 'dx', 'dy', 'dz'] as const;

/** The symbolic pieces of a surface: f, its gradient and (for a polynomial) the ray polynomial in t. */
export interface SurfaceAlgebra {
  readonly f: Expr;
  readonly gradient: readonly [Expr, Expr, Expr];
  /** Coefficients of f(o + t d) from t^0 up, or undefined when f is not a polynomial. */
  readonly rayCoefficients?: readonly Expr[];
}

/** Whether e is a polynomial in x, y, z (sums, products, natural powers, numbers, other symbols). */
export function isPolynomial(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'float':
    case 'sym':
      return true;
    case 'add':
    case 'mul':
      return e.args.every(isPolynomial);
    case 'pow':
      return e.exp.kind === 'num' && e.exp.value[1] === 1n && e.exp.value[0] >= 0n && isPolynomial(e.base);
    default:
      return false;
  }
}

export function surfaceAlgebra(source: string, path = 'surface'): SurfaceAlgebra {
  let f: Expr;
  try {
    f = parse(source);
  } catch (e) {
    throw new SceneError(path, `cannot read '${source}': ${(e as Error).message}`);
  }
  if (f.kind === 'rel' && f.op === '=') f = add(f.lhs, mul(MINUS_ONE, f.rhs));
  for (const n of nodes(f)) {
    if (n.kind === 'sym' && !(XYZ as readonly string[]).includes(n.name) && n.name !== 'pi' && n.name !== 'e') {
      throw new SceneError(path, `the surface may only use x, y and z, but it uses '${n.name}'`);
    }
    if (n.kind === 'rel' || n.kind === 'define' || n.kind === 'list') throw new SceneError(path, `expected an expression f(x, y, z), the surface being f = 0`);
  }
  const gradient = XYZ.map((v) => diff(f, sym(v))) as unknown as [Expr, Expr, Expr];
  if (!isPolynomial(f)) return { f, gradient };
  const t = sym('t');
  const ray = new Map<Expr, Expr>(XYZ.map((v, k) => [sym(v), add(sym(RAY[k]!), mul(t, sym(RAY[k + 3]!)))]));
  const g = expand(substitute(f, ray));
  const list = coeffs(g, t);
  const cs = list.kind === 'list' ? list.items : [list];
  if (cs.length - 1 > MAX_DEGREE) throw new SceneError(path, `the surface has degree ${cs.length - 1}; the limit is ${MAX_DEGREE}`);
  return { f, gradient, rayCoefficients: cs };
}

/** A polynomial surface: compiled ray coefficients and exact first-root isolation. */
/**
 * The part (span[0], span[1]) of (tmin, tmax) where the ray is inside the box [lo, hi]; false when empty.
 */
function clipToBox(lo: Vec3, hi: Vec3, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tmin: number, tmax: number, span: Float64Array): boolean {
  let a = tmin;
  let b = tmax;
  let inv = 1 / dx;
  let t0 = (lo[0] - ox) * inv, t1 = (hi[0] - ox) * inv;
  if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
  if (t0 > a) a = t0;
  if (t1 < b) b = t1;
  inv = 1 / dy;
  t0 = (lo[1] - oy) * inv; t1 = (hi[1] - oy) * inv;
  if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
  if (t0 > a) a = t0;
  if (t1 < b) b = t1;
  inv = 1 / dz;
  t0 = (lo[2] - oz) * inv; t1 = (hi[2] - oz) * inv;
  if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
  if (t0 > a) a = t0;
  if (t1 < b) b = t1;
  span[0] = a;
  span[1] = b;
  return a < b;
}

class PolynomialSurface implements ImplicitSurface {
  private readonly span = new Float64Array(2);
  private readonly c: Float64Array;
  private readonly solver: PolySolver;
  constructor(
    private readonly coefficients: VectorKernel,
    private readonly degree: number,
    private readonly grad: VectorKernel,
    private readonly lo: Vec3,
    private readonly hi: Vec3,
  ) {
    this.c = new Float64Array(degree + 1);
    this.solver = new PolySolver(degree);
  }

  hit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tmin: number, tmax: number): number {
    // Clip to the bounding box, then move the origin to the entry point: the coefficients of the shifted
    // polynomial stay well scaled however far away the ray started.
    const span = this.span;
    if (!clipToBox(this.lo, this.hi, ox, oy, oz, dx, dy, dz, tmin, tmax, span)) return -1;
    const a = span[0]!;
    const b = span[1]!;
    const s0 = a > tmin ? a : tmin;
    this.coefficients.into(this.c, ox + s0 * dx, oy + s0 * dy, oz + s0 * dz, dx, dy, dz);
    const s = this.solver.firstRoot(this.c, this.degree, 0, b - s0);
    return s < 0 ? -1 : s0 + s;
  }

  gradient(x: number, y: number, z: number, out: Float64Array): void {
    this.grad.into(out, x, y, z);
  }
}

/** A non-polynomial surface: sphere tracing with steps |f| / (L |d|), then bisection of the crossing. */
class TracedSurface implements ImplicitSurface {
  private readonly span = new Float64Array(2);
  constructor(
    private readonly f: ScalarKernel,
    private readonly grad: VectorKernel,
    private readonly lipschitz: number,
    private readonly lo: Vec3,
    private readonly hi: Vec3,
  ) {}

  hit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tmin: number, tmax: number): number {
    const span = this.span;
    if (!clipToBox(this.lo, this.hi, ox, oy, oz, dx, dy, dz, tmin, tmax, span)) return -1;
    const a = span[0]!;
    const b = span[1]!;
    const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    const k = 1 / (this.lipschitz * len);
    const eps = 1e-5 * (b - a);
    const f = this.f;
    let t = a;
    let ft = f(ox + t * dx, oy + t * dy, oz + t * dz);
    const sign = ft < 0 ? -1 : 1;
    for (let it = 0; it < 2000 && t < b; it++) {
      const step = Math.max(Math.abs(ft) * k, eps);
      const tn = Math.min(b, t + step);
      const fn = f(ox + tn * dx, oy + tn * dy, oz + tn * dz);
      if (fn === 0) return tn;
      if ((fn < 0 ? -1 : 1) !== sign) {
        // A crossing inside [t, tn]: bisect it.
        let l = t, r = tn;
        for (let j = 0; j < 50; j++) {
          const m = 0.5 * (l + r);
          const fm = f(ox + m * dx, oy + m * dy, oz + m * dz);
          if ((fm < 0 ? -1 : 1) === sign) l = m; else r = m;
        }
        return 0.5 * (l + r);
      }
      t = tn;
      ft = fn;
    }
    return -1;
  }

  gradient(x: number, y: number, z: number, out: Float64Array): void {
    this.grad.into(out, x, y, z);
  }
}

/**
 * An upper estimate of max |∇f| over the box: the compiled gradient's largest norm on a 24³ grid,
 * with a 50 % margin (a bound stated by the user replaces it).
 */
export function estimateLipschitz(grad: VectorKernel, lo: Vec3, hi: Vec3): number {
  const n = 24;
  const g = new Float64Array(3);
  let m = 0;
  for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) for (let k = 0; k <= n; k++) {
    grad.into(g, lo[0] + ((hi[0] - lo[0]) * i) / n, lo[1] + ((hi[1] - lo[1]) * j) / n, lo[2] + ((hi[2] - lo[2]) * k) / n);
    const v = Math.hypot(g[0]!, g[1]!, g[2]!);
    if (v > m) m = v;
  }
  return m > 0 && Number.isFinite(m) ? 1.5 * m : 1;
}

export function makeImplicitSurface(source: string, bounds: readonly [Vec3, Vec3], lipschitz: number | undefined, path = 'surface'): ImplicitSurface {
  const alg = surfaceAlgebra(source, path);
  const lo: Vec3 = [Math.min(bounds[0][0], bounds[1][0]), Math.min(bounds[0][1], bounds[1][1]), Math.min(bounds[0][2], bounds[1][2])];
  const hi: Vec3 = [Math.max(bounds[0][0], bounds[1][0]), Math.max(bounds[0][1], bounds[1][1]), Math.max(bounds[0][2], bounds[1][2])];
  const grad = compile([...alg.gradient], [...XYZ]);
  if (alg.rayCoefficients !== undefined) {
    const cs = alg.rayCoefficients;
    return new PolynomialSurface(compile([...cs], [...RAY]), cs.length - 1, grad, lo, hi);
  }
  if (lipschitz !== undefined && !(lipschitz > 0)) throw new SceneError(`${path}.lipschitz`, 'must be a positive number');
  return new TracedSurface(compile(alg.f, [...XYZ]), grad, lipschitz ?? estimateLipschitz(grad, lo, hi), lo, hi);
}
