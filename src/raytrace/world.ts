/**
 * A scene laid out for the render loop: primitives and materials as struct-of-arrays Float64Arrays
 * (one fixed stride per record), so that hitting and shading never allocate.
 */
import type { MaterialRef, MaterialSpec, SceneSpec } from './spec.js';
import { cross, dot, sub, unit, type Vec3 } from './vec.js';
import { buildBvh, type Bvh } from './bvh.js';
import type { ImplicitSurface } from './implicit-surface.js';

export const SPHERE = 0;
export const PLANE = 1;
export const BOX = 2;
export const QUAD = 3;
export const TRIANGLE = 4;
export const IMPLICIT = 5;

/** Floats per primitive record. */
export const PSTRIDE = 16;
/** Floats per material record. */
export const MSTRIDE = 12;

export const LAMBERTIAN = 0;
export const METAL = 1;
export const DIELECTRIC = 2;
export const EMISSIVE = 3;

export const TEX_SOLID = 0;
export const TEX_CHECKER = 1;
export const TEX_NOISE = 2;

export interface World {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly material: Int32Array;
  readonly data: Float64Array;
  /** Bounding boxes: minx, miny, minz, maxx, maxy, maxz per primitive (unbounded ones are not in the BVH). */
  readonly bounds: Float64Array;
  readonly bvh: Bvh;
  /** Primitives without a finite box (planes), tested against every ray. */
  readonly unbounded: Int32Array;
  readonly mat: Float64Array;
  readonly implicits: readonly ImplicitSurface[];
  readonly sky: boolean;
  readonly background: Vec3;
}

/** A scene error that names where in the description it is. */
export class SceneError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'SceneError';
  }
}

export type ImplicitFactory = (f: string, bounds: readonly [Vec3, Vec3], lipschitz: number | undefined, path: string) => ImplicitSurface;

export function buildWorld(spec: SceneSpec, makeImplicit?: ImplicitFactory): World {
  const n = spec.objects.length;
  const kind = new Uint8Array(n);
  const material = new Int32Array(n);
  const data = new Float64Array(n * PSTRIDE);
  const bounds = new Float64Array(n * 6);
  const mats: MaterialSpec[] = [];
  const named = new Map<string, number>();
  const implicits: ImplicitSurface[] = [];
  const unbounded: number[] = [];
  const finite: number[] = [];

  const materialIndex = (ref: MaterialRef, path: string): number => {
    if (typeof ref === 'string') {
      const found = named.get(ref);
      if (found !== undefined) return found;
      const m = spec.materials?.[ref];
      if (m === undefined) throw new SceneError(path, `no material named '${ref}'`);
      named.set(ref, mats.length);
      mats.push(m);
      return mats.length - 1;
    }
    mats.push(ref);
    return mats.length - 1;
  };

  spec.objects.forEach((o, i) => {
    const path = `objects[${i}]`;
    const at = i * PSTRIDE;
    material[i] = materialIndex(o.material, `${path}.material`);
    const box = (lo: Vec3, hi: Vec3) => {
      bounds.set([lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]], i * 6);
      finite.push(i);
    };
    switch (o.type) {
      case 'sphere': {
        kind[i] = SPHERE;
        const [x, y, z] = o.center;
        const r = o.radius;
        data.set([x, y, z, r], at);
        box([x - r, y - r, z - r], [x + r, y + r, z + r]);
        break;
      }
      case 'plane': {
        kind[i] = PLANE;
        const nn = unit(o.normal);
        data.set([o.point[0], o.point[1], o.point[2], nn[0], nn[1], nn[2], dot(nn, o.point)], at);
        unbounded.push(i);
        break;
      }
      case 'box': {
        kind[i] = BOX;
        const lo: Vec3 = [Math.min(o.min[0], o.max[0]), Math.min(o.min[1], o.max[1]), Math.min(o.min[2], o.max[2])];
        const hi: Vec3 = [Math.max(o.min[0], o.max[0]), Math.max(o.min[1], o.max[1]), Math.max(o.min[2], o.max[2])];
        data.set([...lo, ...hi], at);
        box(lo, hi);
        break;
      }
      case 'quad': {
        kind[i] = QUAD;
        const { corner: q, u, v } = o;
        const nraw = cross(u, v);
        const nn = unit(nraw);
        const nn2 = dot(nraw, nraw);
        if (nn2 === 0) throw new SceneError(path, 'the quad has parallel edges u and v');
        const w: Vec3 = [nraw[0] / nn2, nraw[1] / nn2, nraw[2] / nn2];
        data.set([...q, ...u, ...v, ...nn, dot(nn, q), ...w], at);
        const pts = [q, addv(q, u), addv(q, v), addv(addv(q, u), v)];
        box(minOf(pts, 1e-4, -1), minOf(pts, 1e-4, 1));
        break;
      }
      case 'triangle': {
        kind[i] = TRIANGLE;
        const e1 = sub(o.b, o.a);
        const e2 = sub(o.c, o.a);
        const nn = unit(cross(e1, e2));
        if (dot(cross(e1, e2), cross(e1, e2)) === 0) throw new SceneError(path, 'the triangle is degenerate');
        data.set([...o.a, ...e1, ...e2, ...nn], at);
        const pts = [o.a, o.b, o.c];
        box(minOf(pts, 1e-4, -1), minOf(pts, 1e-4, 1));
        break;
      }
      case 'implicit': {
        kind[i] = IMPLICIT;
        if (makeImplicit === undefined) throw new SceneError(path, 'implicit surfaces need the symbolic compiler');
        data[at] = implicits.length;
        implicits.push(makeImplicit(o.f, o.bounds, o.lipschitz, path));
        box(o.bounds[0], o.bounds[1]);
        break;
      }
    }
  });

  const mat = new Float64Array(Math.max(1, mats.length) * MSTRIDE);
  mats.forEach((m, j) => {
    const c = m.color ?? [0.5, 0.5, 0.5];
    const t = m.texture;
    const k = m.type === 'lambertian' ? LAMBERTIAN : m.type === 'metal' ? METAL : m.type === 'dielectric' ? DIELECTRIC : EMISSIVE;
    mat.set(
      [k, c[0], c[1], c[2], Math.min(1, m.fuzz ?? 0), m.ior ?? 1.5,
        t === undefined ? TEX_SOLID : t.type === 'checker' ? TEX_CHECKER : TEX_NOISE,
        ...(t === undefined ? [0, 0, 0, 1] : t.type === 'checker' ? [t.odd[0], t.odd[1], t.odd[2], 1 / t.scale] : [0, 0, 0, t.scale])],
      j * MSTRIDE,
    );
    if (t !== undefined && t.type === 'checker') mat.set(t.even, j * MSTRIDE + 1);
  });

  const bg = spec.background ?? 'sky';
  return {
    count: n,
    kind,
    material,
    data,
    bounds,
    bvh: buildBvh(bounds, Int32Array.from(finite)),
    unbounded: Int32Array.from(unbounded),
    mat,
    implicits,
    sky: bg === 'sky',
    background: bg === 'sky' ? [0, 0, 0] : bg,
  };
}

const addv = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/** Componentwise min (sign −1) or max (sign +1) of points, padded so flat shapes keep a thick box. */
function minOf(pts: readonly Vec3[], pad: number, sign: number): Vec3 {
  const r = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    let v = pts[0]![k]!;
    for (const p of pts) v = sign < 0 ? Math.min(v, p[k]!) : Math.max(v, p[k]!);
    r[k] = v + sign * pad;
  }
  return [r[0]!, r[1]!, r[2]!];
}
