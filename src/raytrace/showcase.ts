/**
 * A scene of surfaces given only as expressions: a torus (quartic), the tanglecube (quartic), a heart
 * (sextic) and a gyroid (not polynomial: sphere-traced), on a checkered floor under the sky.
 */
import type { SceneSpec } from './spec.js';

export function implicitShowcase(): SceneSpec {
  return {
    camera: { lookfrom: [0, 3.2, 9], lookat: [0, 0.6, 0], vfov: 36 },
    background: 'sky',
    objects: [
      {
        type: 'plane', point: [0, -1, 0], normal: [0, 1, 0],
        material: { type: 'lambertian', texture: { type: 'checker', scale: 0.8, even: [0.85, 0.85, 0.85], odd: [0.25, 0.3, 0.35] } },
      },
      {
        type: 'implicit', f: '(x^2 + y^2 + z^2 + 1 - 0.35^2)^2 - 4*(x^2 + z^2)',
        bounds: [[-1.4, -0.4, -1.4], [1.4, 0.4, 1.4]],
        material: { type: 'metal', color: [0.9, 0.75, 0.45], fuzz: 0.05 },
      },
      {
        type: 'implicit', f: '((x+3.2)*2.6)^4 - 5*((x+3.2)*2.6)^2 + (y*2.6)^4 - 5*(y*2.6)^2 + (z*2.6)^4 - 5*(z*2.6)^2 + 11.8',
        bounds: [[-4.2, -1, -1], [-2.2, 1, 1]],
        material: { type: 'lambertian', color: [0.25, 0.55, 0.85] },
      },
      {
        type: 'implicit', f: '(x1^2 + 9/4*z1^2 + y1^2 - 1)^3 - x1^2*y1^3 - 9/80*z1^2*y1^3'
          .replace(/x1/g, '((x-3.2)/1.1)').replace(/y1/g, '((y-0.2)/1.1)').replace(/z1/g, '(z/1.1)'),
        bounds: [[2, -1, -0.9], [4.4, 1.6, 0.9]],
        material: { type: 'lambertian', color: [0.85, 0.12, 0.15] },
      },
      {
        type: 'implicit', f: 'sin(4*x)*cos(4*y) + sin(4*y)*cos(4*z) + sin(4*z)*cos(4*x)',
        bounds: [[-0.8, 1.3, -3.8], [0.8, 2.9, -2.2]],
        material: { type: 'lambertian', color: [0.3, 0.75, 0.35] },
      },
      { type: 'sphere', center: [0, 0.9, 0], radius: 0.5, material: { type: 'dielectric', ior: 1.5 } },
    ],
  };
}
