/** A stage for one surface f(x, y, z) = 0: looked for in the cube [−2.5, 2.5]³, over a checkered floor. */
import type { SceneSpec } from './spec.js';

export const STAGE = 2.5;

export function surfaceScene(f: string): SceneSpec {
  return {
    camera: { lookfrom: [5.5, 4.5, 8.5], lookat: [0, 0, 0], vfov: 36 },
    background: 'sky',
    objects: [
      {
        type: 'plane', point: [0, -STAGE - 0.01, 0], normal: [0, 1, 0],
        material: { type: 'lambertian', texture: { type: 'checker', scale: 1, even: [0.85, 0.85, 0.85], odd: [0.25, 0.3, 0.35] } },
      },
      {
        type: 'implicit', f, bounds: [[-STAGE, -STAGE, -STAGE], [STAGE, STAGE, STAGE]],
        material: { type: 'lambertian', color: [0.85, 0.45, 0.2] },
      },
    ],
  };
}
