/** Perlin noise: bounded, continuous, zero on the lattice, the same for a seed; the marble texture renders. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Perlin } from '../../src/raytrace/perlin.js';
import { renderSync } from '../../src/raytrace/render.js';

const c = fc.double({ min: -50, max: 50, noNaN: true });

describe('Perlin noise', () => {
  const p = new Perlin();
  it('is bounded by 1, vanishes on lattice points and is continuous', () => {
    fc.assert(
      fc.property(c, c, c, (x, y, z) => {
        expect(Math.abs(p.noise(x, y, z))).toBeLessThanOrEqual(1);
        expect(Math.abs(p.noise(Math.round(x), Math.round(y), Math.round(z)))).toBeLessThan(1e-12);
        // Gradients are unit vectors and the blend is C¹: a step of h changes the value by at most ~3h.
        expect(Math.abs(p.noise(x + 1e-6, y, z) - p.noise(x, y, z))).toBeLessThan(1e-5);
      }),
      { numRuns: 200 },
    );
  });
  it('depends on its seed only', () => {
    expect(new Perlin(3).noise(0.3, 1.7, 2.2)).toBe(new Perlin(3).noise(0.3, 1.7, 2.2));
    expect(new Perlin(3).noise(0.3, 1.7, 2.2)).not.toBe(new Perlin(4).noise(0.3, 1.7, 2.2));
  });
  it('textures a marble sphere with varying shades', () => {
    const r = renderSync(
      {
        camera: { lookfrom: [0, 0, 4], lookat: [0, 0, 0], vfov: 30 },
        background: [1, 1, 1],
        objects: [{ type: 'sphere', center: [0, 0, 0], radius: 1, material: { type: 'emissive', color: [1, 1, 1], texture: { type: 'noise', scale: 4 } } }],
      },
      { width: 16, height: 16, spp: 1, maxDepth: 2, seed: 1 },
    );
    // The centre rows see the sphere: emitted colour = marble shade in [0, 1], and not all equal.
    const shades = Array.from({ length: 6 }, (_, k) => r.acc[((8 * 16) + 5 + k) * 3]!);
    for (const v of shades) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    expect(new Set(shades.map((v) => v.toFixed(3))).size).toBeGreaterThan(2);
  });
});
