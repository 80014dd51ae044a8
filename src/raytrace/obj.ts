/**
 * Triangle meshes from Wavefront OBJ text: `v x y z` vertices and `f i j k …` faces (1-based or negative
 * indices, `i/t/n` forms; polygons split into a fan). Other statements are ignored; errors name the line.
 */
import type { Vec3 } from './vec.js';
import { SceneError } from './world.js';

export function parseObj(text: string, file = 'mesh.obj'): Vec3[][] {
  const verts: Vec3[] = [];
  const tris: Vec3[][] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const [op, ...rest] = line.split(/\s+/);
    const where = `${file}:${k + 1}`;
    if (op === 'v') {
      const xyz = rest.slice(0, 3).map(Number);
      if (xyz.length < 3 || xyz.some((x) => !Number.isFinite(x))) throw new SceneError(where, `a vertex needs three numbers, got '${line}'`);
      verts.push([xyz[0]!, xyz[1]!, xyz[2]!]);
    } else if (op === 'f') {
      if (rest.length < 3) throw new SceneError(where, `a face needs at least three vertices, got '${line}'`);
      const idx = rest.map((r) => {
        const i = Number(r.split('/')[0]);
        const j = i < 0 ? verts.length + i : i - 1;
        if (!Number.isInteger(i) || i === 0 || j < 0 || j >= verts.length) throw new SceneError(where, `no vertex ${r.split('/')[0]} (there are ${verts.length} so far)`);
        return j;
      });
      for (let t = 1; t + 1 < idx.length; t++) tris.push([verts[idx[0]!]!, verts[idx[t]!]!, verts[idx[t + 1]!]!]);
    }
  });
  if (tris.length === 0) throw new SceneError(file, 'the mesh has no faces');
  return tris;
}
