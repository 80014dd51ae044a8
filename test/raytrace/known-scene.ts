/** A small scene with every kind of surface and material, for the reference-image test. */
import type { SceneSpec } from '../../src/raytrace/spec.js';

export const KNOWN_SETTINGS = { width: 64, height: 36, spp: 8, maxDepth: 8, seed: 7 } as const;

export const KNOWN_SCENE: SceneSpec = {
  camera: { lookfrom: [0, 1.5, 6], lookat: [0, 0.4, 0], vfov: 40, defocusAngle: 0.3, focusDist: 6 },
  background: 'sky',
  materials: { glass: { type: 'dielectric', ior: 1.5 } },
  objects: [
    { type: 'plane', point: [0, -0.5, 0], normal: [0, 1, 0], material: { type: 'lambertian', texture: { type: 'checker', scale: 0.5, even: [0.9, 0.9, 0.9], odd: [0.2, 0.3, 0.1] } } },
    { type: 'sphere', center: [-1.6, 0.3, 0], radius: 0.8, material: { type: 'lambertian', color: [0.8, 0.2, 0.2] } },
    { type: 'sphere', center: [0, 0.3, 0], radius: 0.8, material: 'glass' },
    { type: 'sphere', center: [1.6, 0.3, 0], radius: 0.8, material: { type: 'metal', color: [0.8, 0.8, 0.9], fuzz: 0.2 } },
    { type: 'box', min: [-2.5, -0.5, -2], max: [-1.8, 0.6, -1.3], material: { type: 'lambertian', color: [0.2, 0.4, 0.8] } },
    { type: 'quad', corner: [-1, 1.6, -2.5], u: [2, 0, 0], v: [0, 0.8, 0], material: { type: 'emissive', color: [4, 4, 3] } },
    { type: 'triangle', a: [1.8, -0.5, -2], b: [2.8, -0.5, -1.5], c: [2.3, 1, -1.8], material: { type: 'lambertian', color: [0.9, 0.7, 0.1] } },
    { type: 'implicit', f: '(x^2 + (y-1.6)^2 + (z+1)^2 + 0.25 - 0.01)^2 - (x^2 + (y-1.6)^2)', bounds: [[-0.7, 0.9, -1.2], [0.7, 2.3, -0.8]], material: { type: 'metal', color: [0.9, 0.6, 0.3], fuzz: 0 } },
  ],
};
