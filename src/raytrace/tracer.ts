/**
 * The render loop: BVH traversal, ray–primitive intersection, and the materials of "Ray Tracing in
 * One Weekend" (Lambertian, metal with fuzz, dielectric with Schlick's reflectance and total internal
 * reflection) plus emission and a checker texture. Every quantity lives in a local number or a
 * preallocated typed array: the loop never allocates.
 */
import {
  BOX, DIELECTRIC, EMISSIVE, IMPLICIT, LAMBERTIAN, METAL, MSTRIDE, PLANE, PSTRIDE, QUAD, SPHERE, TEX_CHECKER, TEX_NOISE, TRIANGLE,
  type World,
} from './world.js';
import type { Camera } from './camera.js';
import { Rng } from './rng.js';
import { Perlin } from './perlin.js';

const T_MIN = 0.001;
const TWO_PI = 2 * Math.PI;

export class Tracer {
  /** Rays cast into the scene so far (camera rays and every scattered ray). */
  rays = 0;
  private hitT = 0;
  private hitPrim = -1;
  private readonly stack = new Int32Array(128);
  private readonly grad = new Float64Array(3);
  private readonly perlin = new Perlin();
  private readonly kind: Uint8Array;
  private readonly data: Float64Array;
  private readonly nbox: Float64Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  private readonly axis: Uint8Array;
  private readonly prims: Int32Array;
  /** Linear colour of the last `trace` call. */
  r = 0;
  g = 0;
  b = 0;

  constructor(readonly world: World, readonly rng: Rng) {
    this.kind = world.kind;
    this.data = world.data;
    this.nbox = world.bvh.box;
    this.left = world.bvh.left;
    this.right = world.bvh.right;
    this.start = world.bvh.start;
    this.count = world.bvh.count;
    this.axis = world.bvh.axis;
    this.prims = world.bvh.prims;
  }

  /** Closest hit in (tmin, tmax): sets hitT / hitPrim and returns whether anything was hit. */
  hit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tmin: number, tmax: number): boolean {
    this.rays++;
    let closest = tmax;
    let best = -1;
    const data = this.data;
    const unb = this.world.unbounded;
    for (let k = 0; k < unb.length; k++) {
      const p = unb[k]!;
      const t = this.intersect(p, ox, oy, oz, dx, dy, dz, tmin, closest);
      if (t > 0) {
        closest = t;
        best = p;
      }
    }
    if (this.world.bvh.nodeCount > 0) {
      const ix = 1 / dx;
      const iy = 1 / dy;
      const iz = 1 / dz;
      const box = this.nbox;
      const stack = this.stack;
      const kind = this.kind;
      let sp = 0;
      stack[sp++] = 0;
      while (sp > 0) {
        const node = stack[--sp]!;
        const b = node * 6;
        // Slab test against the node's box.
        let t0 = (box[b]! - ox) * ix;
        let t1 = (box[b + 3]! - ox) * ix;
        let lo = t0 < t1 ? t0 : t1;
        let hi = t0 < t1 ? t1 : t0;
        t0 = (box[b + 1]! - oy) * iy;
        t1 = (box[b + 4]! - oy) * iy;
        if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
        if (t0 > lo) lo = t0;
        if (t1 < hi) hi = t1;
        t0 = (box[b + 2]! - oz) * iz;
        t1 = (box[b + 5]! - oz) * iz;
        if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
        if (t0 > lo) lo = t0;
        if (t1 < hi) hi = t1;
        if (lo > hi || hi < tmin || lo > closest) continue;
        const l = this.left[node]!;
        if (l < 0) {
          const s0 = this.start[node]!;
          const s1 = s0 + this.count[node]!;
          for (let s = s0; s < s1; s++) {
            const p = this.prims[s]!;
            let t: number;
            if (kind[p] === SPHERE) {
              const a = p * PSTRIDE;
              const cx = data[a]! - ox;
              const cy = data[a + 1]! - oy;
              const cz = data[a + 2]! - oz;
              const r = data[a + 3]!;
              const aa = dx * dx + dy * dy + dz * dz;
              const h = dx * cx + dy * cy + dz * cz;
              const c = cx * cx + cy * cy + cz * cz - r * r;
              const disc = h * h - aa * c;
              if (disc < 0) continue;
              const sq = Math.sqrt(disc);
              t = (h - sq) / aa;
              if (t <= tmin || t >= closest) {
                t = (h + sq) / aa;
                if (t <= tmin || t >= closest) continue;
              }
            } else {
              t = this.intersect(p, ox, oy, oz, dx, dy, dz, tmin, closest);
              if (t < 0) continue;
            }
            closest = t;
            best = p;
          }
        } else {
          // Push the far child first so the near one is visited next.
          const ax = this.axis[node]!;
          const d = ax === 0 ? dx : ax === 1 ? dy : dz;
          const r = this.right[node]!;
          if (d >= 0) {
            stack[sp++] = r;
            stack[sp++] = l;
          } else {
            stack[sp++] = l;
            stack[sp++] = r;
          }
        }
      }
    }
    this.hitT = closest;
    this.hitPrim = best;
    return best >= 0;
  }

  /** Ray parameter of the hit with primitive p in (tmin, tmax), or −1. */
  private intersect(p: number, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tmin: number, tmax: number): number {
    const d = this.data;
    const a = p * PSTRIDE;
    switch (this.kind[p]) {
      case SPHERE: {
        const cx = d[a]! - ox;
        const cy = d[a + 1]! - oy;
        const cz = d[a + 2]! - oz;
        const r = d[a + 3]!;
        const aa = dx * dx + dy * dy + dz * dz;
        const h = dx * cx + dy * cy + dz * cz;
        const disc = h * h - aa * (cx * cx + cy * cy + cz * cz - r * r);
        if (disc < 0) return -1;
        const sq = Math.sqrt(disc);
        let t = (h - sq) / aa;
        if (t <= tmin || t >= tmax) {
          t = (h + sq) / aa;
          if (t <= tmin || t >= tmax) return -1;
        }
        return t;
      }
      case PLANE: {
        const denom = d[a + 3]! * dx + d[a + 4]! * dy + d[a + 5]! * dz;
        if (Math.abs(denom) < 1e-12) return -1;
        const t = (d[a + 6]! - (d[a + 3]! * ox + d[a + 4]! * oy + d[a + 5]! * oz)) / denom;
        return t > tmin && t < tmax ? t : -1;
      }
      case BOX: {
        let lo = -Infinity;
        let hi = Infinity;
        let inv = 1 / dx;
        let t0 = (d[a]! - ox) * inv, t1 = (d[a + 3]! - ox) * inv;
        if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
        if (t0 > lo) lo = t0;
        if (t1 < hi) hi = t1;
        inv = 1 / dy;
        t0 = (d[a + 1]! - oy) * inv; t1 = (d[a + 4]! - oy) * inv;
        if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
        if (t0 > lo) lo = t0;
        if (t1 < hi) hi = t1;
        inv = 1 / dz;
        t0 = (d[a + 2]! - oz) * inv; t1 = (d[a + 5]! - oz) * inv;
        if (t0 > t1) { const s = t0; t0 = t1; t1 = s; }
        if (t0 > lo) lo = t0;
        if (t1 < hi) hi = t1;
        if (lo > hi) return -1;
        if (lo > tmin && lo < tmax) return lo;
        if (hi > tmin && hi < tmax) return hi;
        return -1;
      }
      case QUAD: {
        const nx = d[a + 9]!, ny = d[a + 10]!, nz = d[a + 11]!;
        const denom = nx * dx + ny * dy + nz * dz;
        if (Math.abs(denom) < 1e-12) return -1;
        const t = (d[a + 12]! - (nx * ox + ny * oy + nz * oz)) / denom;
        if (!(t > tmin && t < tmax)) return -1;
        const px = ox + t * dx - d[a]!, py = oy + t * dy - d[a + 1]!, pz = oz + t * dz - d[a + 2]!;
        const ux = d[a + 3]!, uy = d[a + 4]!, uz = d[a + 5]!;
        const vx = d[a + 6]!, vy = d[a + 7]!, vz = d[a + 8]!;
        const wx = d[a + 13]!, wy = d[a + 14]!, wz = d[a + 15]!;
        // α = w·(p × v), β = w·(u × p)
        const alpha = wx * (py * vz - pz * vy) + wy * (pz * vx - px * vz) + wz * (px * vy - py * vx);
        const beta = wx * (uy * pz - uz * py) + wy * (uz * px - ux * pz) + wz * (ux * py - uy * px);
        return alpha >= 0 && alpha <= 1 && beta >= 0 && beta <= 1 ? t : -1;
      }
      case TRIANGLE: {
        const e1x = d[a + 3]!, e1y = d[a + 4]!, e1z = d[a + 5]!;
        const e2x = d[a + 6]!, e2y = d[a + 7]!, e2z = d[a + 8]!;
        const px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        const det = e1x * px + e1y * py + e1z * pz;
        if (Math.abs(det) < 1e-14) return -1;
        const inv = 1 / det;
        const tx = ox - d[a]!, ty = oy - d[a + 1]!, tz = oz - d[a + 2]!;
        const u = (tx * px + ty * py + tz * pz) * inv;
        if (u < 0 || u > 1) return -1;
        const qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
        const v = (dx * qx + dy * qy + dz * qz) * inv;
        if (v < 0 || u + v > 1) return -1;
        const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
        return t > tmin && t < tmax ? t : -1;
      }
      case IMPLICIT: {
        const t = this.world.implicits[d[a]!]!.hit(ox, oy, oz, dx, dy, dz, tmin, tmax);
        return t > tmin && t < tmax ? t : -1;
      }
      default:
        return -1;
    }
  }

  /** Traces one camera ray through up to maxDepth bounces; the colour is left in r, g, b. */
  trace(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxDepth: number): void {
    const w = this.world;
    const rng = this.rng;
    const mat = w.mat;
    let tr = 1, tg = 1, tb = 1;
    let r = 0, g = 0, b = 0;
    for (let depth = 0; depth < maxDepth; depth++) {
      if (!this.hit(ox, oy, oz, dx, dy, dz, T_MIN, Infinity)) {
        if (w.sky) {
          const a = 0.5 * (dy / Math.sqrt(dx * dx + dy * dy + dz * dz) + 1);
          r += tr * (1 - 0.5 * a);
          g += tg * (1 - 0.3 * a);
          b += tb;
        } else {
          r += tr * w.background[0];
          g += tg * w.background[1];
          b += tb * w.background[2];
        }
        break;
      }
      const t = this.hitT;
      const p = this.hitPrim;
      const px = ox + t * dx, py = oy + t * dy, pz = oz + t * dz;
      // Outward normal of the primitive at the hit point.
      let nx: number, ny: number, nz: number;
      const a = p * PSTRIDE;
      const d = w.data;
      switch (w.kind[p]) {
        case SPHERE: {
          const inv = 1 / d[a + 3]!;
          nx = (px - d[a]!) * inv; ny = (py - d[a + 1]!) * inv; nz = (pz - d[a + 2]!) * inv;
          break;
        }
        case PLANE: nx = d[a + 3]!; ny = d[a + 4]!; nz = d[a + 5]!; break;
        case QUAD: nx = d[a + 9]!; ny = d[a + 10]!; nz = d[a + 11]!; break;
        case TRIANGLE: nx = d[a + 9]!; ny = d[a + 10]!; nz = d[a + 11]!; break;
        case BOX: {
          nx = 0; ny = 0; nz = 0;
          let bestD = Infinity;
          for (let k = 0; k < 6; k++) {
            const c = k % 3;
            const dist = Math.abs((c === 0 ? px : c === 1 ? py : pz) - d[a + k]!);
            if (dist < bestD) {
              bestD = dist;
              const s = k < 3 ? -1 : 1;
              nx = k % 3 === 0 ? s : 0; ny = k % 3 === 1 ? s : 0; nz = k % 3 === 2 ? s : 0;
            }
          }
          break;
        }
        default: {
          const gr = this.grad;
          w.implicits[d[a]!]!.gradient(px, py, pz, gr);
          const len = Math.sqrt(gr[0]! * gr[0]! + gr[1]! * gr[1]! + gr[2]! * gr[2]!);
          const inv = len > 0 ? 1 / len : 0;
          nx = gr[0]! * inv; ny = gr[1]! * inv; nz = gr[2]! * inv;
        }
      }
      const front = dx * nx + dy * ny + dz * nz < 0;
      if (!front) { nx = -nx; ny = -ny; nz = -nz; }
      const m = w.material[p]! * MSTRIDE;
      let cr = mat[m + 1]!, cg = mat[m + 2]!, cb = mat[m + 3]!;
      const tex = mat[m + 6];
      if (tex === TEX_CHECKER) {
        const k = mat[m + 10]!;
        if ((Math.floor(px * k) + Math.floor(py * k) + Math.floor(pz * k)) & 1) {
          cr = mat[m + 7]!; cg = mat[m + 8]!; cb = mat[m + 9]!;
        }
      } else if (tex === TEX_NOISE) {
        const k = mat[m + 10]!;
        const v = 0.5 * (1 + Math.sin(k * pz + 10 * this.perlin.turbulence(k * px, k * py, k * pz)));
        cr *= v; cg *= v; cb *= v;
      }
      const kind = mat[m]!;
      if (kind === EMISSIVE) {
        r += tr * cr; g += tg * cg; b += tb * cb;
        break;
      }
      ox = px; oy = py; oz = pz;
      if (kind === LAMBERTIAN) {
        const z = 1 - 2 * rng.next();
        const phi = TWO_PI * rng.next();
        const s = Math.sqrt(1 - z * z);
        dx = nx + s * Math.cos(phi); dy = ny + s * Math.sin(phi); dz = nz + z;
        if (Math.abs(dx) < 1e-8 && Math.abs(dy) < 1e-8 && Math.abs(dz) < 1e-8) { dx = nx; dy = ny; dz = nz; }
        tr *= cr; tg *= cg; tb *= cb;
      } else if (kind === METAL) {
        const dn = 2 * (dx * nx + dy * ny + dz * nz);
        let rx = dx - dn * nx, ry = dy - dn * ny, rz = dz - dn * nz;
        const inv = 1 / Math.sqrt(rx * rx + ry * ry + rz * rz);
        const fuzz = mat[m + 4]!;
        rx *= inv; ry *= inv; rz *= inv;
        if (fuzz > 0) {
          const z = 1 - 2 * rng.next();
          const phi = TWO_PI * rng.next();
          const s = Math.sqrt(1 - z * z);
          rx += fuzz * s * Math.cos(phi); ry += fuzz * s * Math.sin(phi); rz += fuzz * z;
        }
        if (rx * nx + ry * ny + rz * nz <= 0) break;
        dx = rx; dy = ry; dz = rz;
        tr *= cr; tg *= cg; tb *= cb;
      } else if (kind === DIELECTRIC) {
        const ior = mat[m + 5]!;
        const ri = front ? 1 / ior : ior;
        const inv = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
        const ux = dx * inv, uy = dy * inv, uz = dz * inv;
        const c = Math.min(-(ux * nx + uy * ny + uz * nz), 1);
        const sin = Math.sqrt(1 - c * c);
        let r0 = (1 - ri) / (1 + ri);
        r0 *= r0;
        const schlick = r0 + (1 - r0) * Math.pow(1 - c, 5);
        if (ri * sin > 1 || schlick > rng.next()) {
          const dn = 2 * (ux * nx + uy * ny + uz * nz);
          dx = ux - dn * nx; dy = uy - dn * ny; dz = uz - dn * nz;
        } else {
          const px2 = ri * (ux + c * nx), py2 = ri * (uy + c * ny), pz2 = ri * (uz + c * nz);
          const par = -Math.sqrt(Math.abs(1 - (px2 * px2 + py2 * py2 + pz2 * pz2)));
          dx = px2 + par * nx; dy = py2 + par * ny; dz = pz2 + par * nz;
        }
        tr *= cr; tg *= cg; tb *= cb;
      }
    }
    this.r = r;
    this.g = g;
    this.b = b;
  }

  /**
   * Adds `samples` samples per pixel for rows [y0, y1) into `acc` (linear RGB sums, row-major from
   * row y0), with camera rays jittered inside each pixel and over the defocus disk.
   */
  renderRows(cam: Camera, width: number, y0: number, y1: number, samples: number, maxDepth: number, acc: Float64Array): void {
    const rng = this.rng;
    const cx = cam[0]!, cy = cam[1]!, cz = cam[2]!;
    const defocus = cam[18] === 1;
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < width; x++) {
        let sr = 0, sg = 0, sb = 0;
        for (let s = 0; s < samples; s++) {
          const fx = x + rng.next() - 0.5;
          const fy = y + rng.next() - 0.5;
          const qx = cam[3]! + fx * cam[6]! + fy * cam[9]!;
          const qy = cam[4]! + fx * cam[7]! + fy * cam[10]!;
          const qz = cam[5]! + fx * cam[8]! + fy * cam[11]!;
          let ox = cx, oy = cy, oz = cz;
          if (defocus) {
            let a: number, b: number;
            do {
              a = 2 * rng.next() - 1;
              b = 2 * rng.next() - 1;
            } while (a * a + b * b >= 1);
            ox += a * cam[12]! + b * cam[15]!;
            oy += a * cam[13]! + b * cam[16]!;
            oz += a * cam[14]! + b * cam[17]!;
          }
          this.trace(ox, oy, oz, qx - ox, qy - oy, qz - oz, maxDepth);
          sr += this.r; sg += this.g; sb += this.b;
        }
        const i = ((y - y0) * width + x) * 3;
        acc[i] += sr;
        acc[i + 1] += sg;
        acc[i + 2] += sb;
      }
    }
  }
}
