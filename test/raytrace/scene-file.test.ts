/** Malformed scene files get an error naming the path in the file and the reason, never a crash. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSceneText, SceneError } from '../../src/raytrace/index.js';
import { buildWorld } from '../../src/raytrace/world.js';
import { makeImplicitSurface } from '../../src/raytrace/implicit.js';

const camera = { lookfrom: [0, 0, 5], lookat: [0, 0, 0], vfov: 40 };
const ok = (objects: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ camera, objects, ...extra });
const sphere = { type: 'sphere', center: [0, 0, 0], radius: 1, material: { type: 'lambertian', color: [0.5, 0.5, 0.5] } };

function errorOf(text: string): string {
  try {
    buildWorld(parseSceneText(text, 'scene.json'), makeImplicitSurface);
  } catch (e) {
    expect(e).toBeInstanceOf(SceneError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('scene files', () => {
  it('accepts a well-formed file', () => {
    const spec = parseSceneText(ok([sphere, { type: 'implicit', f: 'x^2 + y^2 + z^2 - 1', bounds: [[-1, -1, -1], [1, 1, 1]], material: 'm' }], { materials: { m: { type: 'metal', fuzz: 0.1 } } }));
    expect(buildWorld(spec, makeImplicitSurface).count).toBe(2);
  });

  it.each([
    ['{ "camera": ', /scene\.json: not valid JSON/],
    ['[1, 2]', /scene\.json: scene: expected an object, got a list of 2/],
    [JSON.stringify({ camera }), /scene\.json: objects: expected a list of objects/],
    [ok([{ ...sphere, radius: -1 }]), /scene\.json: objects\[0\]\.radius: must be positive/],
    [ok([{ ...sphere, center: [0, 0] }]), /objects\[0\]\.center: expected three numbers/],
    [ok([{ ...sphere, center: [0, 'a', 0] }]), /objects\[0\]\.center\[1\]: expected a finite number, got the text "a"/],
    [ok([sphere, { ...sphere, type: 'cone' }]), /objects\[1\]\.type: expected one of sphere, plane/],
    [ok([{ ...sphere, material: 'gold' }]), /objects\[0\]\.material: no material named 'gold'/],
    [ok([{ ...sphere, material: { type: 'metal', fuzz: 3 } }]), /objects\[0\]\.material\.fuzz: fuzz must be between 0 and 1/],
    [ok([{ ...sphere, colour: [1, 1, 1] }]), /objects\[0\]\.colour: unknown field/],
    [JSON.stringify({ camera: { ...camera, vfov: 200 }, objects: [] }), /camera\.vfov: the field of view must be between 0 and 180/],
    [JSON.stringify({ camera: { ...camera, lookat: [0, 0, 5] }, objects: [] }), /camera\.lookat: the camera looks at its own position/],
    [ok([{ type: 'implicit', f: 'x^2 + q', bounds: [[-1, -1, -1], [1, 1, 1]], material: sphere.material }]), /objects\[0\]: the surface may only use x, y and z, but it uses 'q'/],
    [ok([{ type: 'implicit', f: 'x^2 +', bounds: [[-1, -1, -1], [1, 1, 1]], material: sphere.material }]), /objects\[0\]: cannot read 'x\^2 \+'/],
    [ok([{ type: 'implicit', f: 'x', bounds: [[-1, -1, -1]], material: sphere.material }]), /objects\[0\]\.bounds: expected \[\[xmin/],
    [ok([{ type: 'quad', corner: [0, 0, 0], u: [1, 0, 0], v: [2, 0, 0], material: sphere.material }]), /objects\[0\]: the quad has parallel edges/],
  ])('rejects %s', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('never throws anything but a SceneError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        try {
          parseSceneText(JSON.stringify({ camera, objects: [v] }));
        } catch (e) {
          expect(e).toBeInstanceOf(SceneError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
