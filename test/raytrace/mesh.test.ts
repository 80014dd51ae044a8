/** Triangle meshes from OBJ files inside a scene file. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSceneFile, SceneError } from '../../src/raytrace/index.js';
import { parseObj } from '../../src/raytrace/obj.js';
import { buildWorld } from '../../src/raytrace/world.js';
import { Tracer } from '../../src/raytrace/tracer.js';
import { Rng } from '../../src/raytrace/rng.js';

const camera = { lookfrom: [3, 3, 3], lookat: [0, 0, 0], vfov: 40 };

describe('OBJ meshes', () => {
  it('become triangles, scaled and moved, that rays hit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lousa-mesh-'));
    const scene = join(dir, 'scene.json');
    const obj = fileURLToPath(new URL('./fixtures/tetra.obj', import.meta.url));
    writeFileSync(scene, JSON.stringify({ camera, objects: [{ type: 'mesh', file: obj, scale: 2, offset: [1, 0, 0], material: { type: 'lambertian' } }] }));
    const spec = readSceneFile(scene);
    expect(spec.objects).toHaveLength(4);
    const t = new Tracer(buildWorld(spec), new Rng(1));
    // Down the y axis at x = 1.5, z = 0.2: the face y = 0 of the moved tetrahedron is at t = 5, its slanted face first.
    expect(t.hit(1.5, 5, 0.2, 0, -1, 0, 0.001, Infinity)).toBe(true);
    // The slanted face x + y + z = 2 after moving: (x − 1) + y + z = 2 → y = 1.3 at x = 1.5, z = 0.2.
    const hitT = (t as unknown as { hitT: number }).hitT;
    expect(hitT).toBeCloseTo(5 - 1.3, 12);
    expect(t.hit(5, 5, 5, 1, 1, 1, 0.001, Infinity)).toBe(false);
  });

  it('report the line of a malformed OBJ', () => {
    expect(() => parseObj('v 0 0 0\nv 1 0 0\nf 1 2 7\n', 'bad.obj')).toThrow(/bad\.obj:3: no vertex 7/);
    expect(() => parseObj('v 0 0\n', 'bad.obj')).toThrow(SceneError);
    expect(() => parseObj('v 0 0 0\n', 'bad.obj')).toThrow(/no faces/);
  });

  it('report a missing OBJ file by its field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lousa-mesh-'));
    const scene = join(dir, 'scene.json');
    writeFileSync(scene, JSON.stringify({ camera, objects: [{ type: 'mesh', file: 'nope.obj', material: { type: 'lambertian' } }] }));
    expect(() => readSceneFile(scene)).toThrow(/objects\[0\]\.file: cannot read nope\.obj \(ENOENT\)/);
  });
});
