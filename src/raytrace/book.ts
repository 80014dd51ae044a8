/**
 * The final scene of "Ray Tracing in One Weekend", from its published description: a grey ground
 * sphere, a 22 × 22 grid of small spheres (80 % Lambertian, 15 % metal, 5 % glass) jittered in their
 * cells, and three big spheres (glass, brown Lambertian, polished metal).
 */
import { Rng } from './rng.js';
import type { ObjectSpec, SceneSpec } from './spec.js';

export function bookFinalScene(seed = 1): SceneSpec {
  const rng = new Rng(seed);
  const objects: ObjectSpec[] = [
    { type: 'sphere', center: [0, -1000, 0], radius: 1000, material: { type: 'lambertian', color: [0.5, 0.5, 0.5] } },
  ];
  for (let a = -11; a < 11; a++) {
    for (let b = -11; b < 11; b++) {
      const choose = rng.next();
      const x = a + 0.9 * rng.next();
      const z = b + 0.9 * rng.next();
      if (Math.hypot(x - 4, 0, z) <= 0.9) continue;
      const center = [x, 0.2, z] as const;
      if (choose < 0.8) {
        const color = [rng.next() * rng.next(), rng.next() * rng.next(), rng.next() * rng.next()] as const;
        objects.push({ type: 'sphere', center, radius: 0.2, material: { type: 'lambertian', color } });
      } else if (choose < 0.95) {
        const color = [rng.range(0.5, 1), rng.range(0.5, 1), rng.range(0.5, 1)] as const;
        objects.push({ type: 'sphere', center, radius: 0.2, material: { type: 'metal', color, fuzz: rng.range(0, 0.5) } });
      } else {
        objects.push({ type: 'sphere', center, radius: 0.2, material: { type: 'dielectric', ior: 1.5 } });
      }
    }
  }
  objects.push(
    { type: 'sphere', center: [0, 1, 0], radius: 1, material: { type: 'dielectric', ior: 1.5 } },
    { type: 'sphere', center: [-4, 1, 0], radius: 1, material: { type: 'lambertian', color: [0.4, 0.2, 0.1] } },
    { type: 'sphere', center: [4, 1, 0], radius: 1, material: { type: 'metal', color: [0.7, 0.6, 0.5], fuzz: 0 } },
  );
  return {
    camera: { lookfrom: [13, 2, 3], lookat: [0, 0, 0], vup: [0, 1, 0], vfov: 20, defocusAngle: 0.6, focusDist: 10 },
    background: 'sky',
    objects,
  };
}

export const BOOK_SETTINGS = { width: 400, height: 225, spp: 10, maxDepth: 50, seed: 1 } as const;
