/**
 * Reading a scene file (JSON). Every malformed part is reported as a SceneError naming its path in the
 * file (`objects[3].radius`) and what is wrong; nothing in a file can crash the reader.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseObj } from './obj.js';
import type { CameraSpec, MaterialRef, MaterialSpec, ObjectSpec, SceneSpec } from './spec.js';
import { SceneError } from './world.js';
import type { Vec3 } from './vec.js';

type Json = unknown;

const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: Json, path: string): Record<string, Json> {
  if (!isObj(v)) throw new SceneError(path, `expected an object, got ${describe(v)}`);
  return v;
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function number(v: Json, path: string, check?: (x: number) => string | undefined): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SceneError(path, `expected a finite number, got ${describe(v)}`);
  const bad = check?.(v);
  if (bad !== undefined) throw new SceneError(path, bad);
  return v;
}

function vec3(v: Json, path: string): Vec3 {
  if (!Array.isArray(v) || v.length !== 3) throw new SceneError(path, `expected three numbers [x, y, z], got ${describe(v)}`);
  return [number(v[0], `${path}[0]`), number(v[1], `${path}[1]`), number(v[2], `${path}[2]`)];
}

function colour(v: Json, path: string): Vec3 {
  const c = vec3(v, path);
  c.forEach((x, k) => {
    if (x < 0) throw new SceneError(`${path}[${k}]`, 'a colour component cannot be negative');
  });
  return c;
}

const positive = (x: number) => (x > 0 ? undefined : 'must be positive');

function known(o: Record<string, Json>, keys: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new SceneError(`${path}.${k}`, `unknown field; expected one of ${keys.join(', ')}`);
}

function material(v: Json, path: string): MaterialSpec {
  const o = obj(v, path);
  known(o, ['type', 'color', 'fuzz', 'ior', 'texture'], path);
  const types = ['lambertian', 'metal', 'dielectric', 'emissive'];
  if (typeof o.type !== 'string' || !types.includes(o.type)) throw new SceneError(`${path}.type`, `expected one of ${types.join(', ')}, got ${describe(o.type)}`);
  const m: { -readonly [K in keyof MaterialSpec]: MaterialSpec[K] } = { type: o.type as MaterialSpec['type'] };
  if (o.color !== undefined) m.color = colour(o.color, `${path}.color`);
  if (o.fuzz !== undefined) m.fuzz = number(o.fuzz, `${path}.fuzz`, (x) => (x >= 0 && x <= 1 ? undefined : 'fuzz must be between 0 and 1'));
  if (o.ior !== undefined) m.ior = number(o.ior, `${path}.ior`, positive);
  if (o.texture !== undefined) {
    const t = obj(o.texture, `${path}.texture`);
    if (t.type === 'noise') {
      known(t, ['type', 'scale'], `${path}.texture`);
      m.texture = { type: 'noise', scale: number(t.scale, `${path}.texture.scale`, positive) };
      return m;
    }
    known(t, ['type', 'scale', 'even', 'odd'], `${path}.texture`);
    if (t.type !== 'checker') throw new SceneError(`${path}.texture.type`, `expected 'checker' or 'noise', got ${describe(t.type)}`);
    m.texture = { type: 'checker', scale: number(t.scale, `${path}.texture.scale`, positive), even: colour(t.even, `${path}.texture.even`), odd: colour(t.odd, `${path}.texture.odd`) };
  }
  return m;
}

function materialRef(v: Json, path: string, names: ReadonlySet<string>): MaterialRef {
  if (typeof v === 'string') {
    if (!names.has(v)) throw new SceneError(path, `no material named '${v}' in "materials"`);
    return v;
  }
  return material(v, path);
}

function object(v: Json, path: string, names: ReadonlySet<string>): ObjectSpec {
  const o = obj(v, path);
  const mat = () => materialRef(o.material, `${path}.material`, names);
  switch (o.type) {
    case 'sphere':
      known(o, ['type', 'center', 'radius', 'material'], path);
      return { type: 'sphere', center: vec3(o.center, `${path}.center`), radius: number(o.radius, `${path}.radius`, positive), material: mat() };
    case 'plane':
      known(o, ['type', 'point', 'normal', 'material'], path);
      return { type: 'plane', point: vec3(o.point, `${path}.point`), normal: nonzero(vec3(o.normal, `${path}.normal`), `${path}.normal`), material: mat() };
    case 'box':
      known(o, ['type', 'min', 'max', 'material'], path);
      return { type: 'box', min: vec3(o.min, `${path}.min`), max: vec3(o.max, `${path}.max`), material: mat() };
    case 'quad':
      known(o, ['type', 'corner', 'u', 'v', 'material'], path);
      return { type: 'quad', corner: vec3(o.corner, `${path}.corner`), u: vec3(o.u, `${path}.u`), v: vec3(o.v, `${path}.v`), material: mat() };
    case 'triangle':
      known(o, ['type', 'a', 'b', 'c', 'material'], path);
      return { type: 'triangle', a: vec3(o.a, `${path}.a`), b: vec3(o.b, `${path}.b`), c: vec3(o.c, `${path}.c`), material: mat() };
    case 'implicit': {
      known(o, ['type', 'f', 'bounds', 'lipschitz', 'material'], path);
      if (typeof o.f !== 'string' || o.f.trim() === '') throw new SceneError(`${path}.f`, `expected the surface as text, e.g. "x^2 + y^2 + z^2 - 1", got ${describe(o.f)}`);
      if (!Array.isArray(o.bounds) || o.bounds.length !== 2) throw new SceneError(`${path}.bounds`, `expected [[xmin, ymin, zmin], [xmax, ymax, zmax]], got ${describe(o.bounds)}`);
      const lo = vec3(o.bounds[0], `${path}.bounds[0]`);
      const hi = vec3(o.bounds[1], `${path}.bounds[1]`);
      const spec: ObjectSpec = { type: 'implicit', f: o.f, bounds: [lo, hi], material: mat() };
      return o.lipschitz === undefined ? spec : { ...spec, lipschitz: number(o.lipschitz, `${path}.lipschitz`, positive) };
    }
    default:
      throw new SceneError(`${path}.type`, `expected one of sphere, plane, box, quad, triangle, mesh, implicit, got ${describe(o.type)}`);
  }
}

function nonzero(v: Vec3, path: string): Vec3 {
  if (v[0] === 0 && v[1] === 0 && v[2] === 0) throw new SceneError(path, 'cannot be the zero vector');
  return v;
}

function camera(v: Json, path: string): CameraSpec {
  const o = obj(v, path);
  known(o, ['lookfrom', 'lookat', 'vup', 'vfov', 'defocusAngle', 'focusDist'], path);
  const lookfrom = vec3(o.lookfrom, `${path}.lookfrom`);
  const lookat = vec3(o.lookat, `${path}.lookat`);
  if (lookfrom.every((x, k) => x === lookat[k])) throw new SceneError(`${path}.lookat`, 'the camera looks at its own position');
  const c: { -readonly [K in keyof CameraSpec]: CameraSpec[K] } = {
    lookfrom, lookat,
    vfov: number(o.vfov, `${path}.vfov`, (x) => (x > 0 && x < 180 ? undefined : 'the field of view must be between 0 and 180 degrees')),
  };
  if (o.vup !== undefined) c.vup = nonzero(vec3(o.vup, `${path}.vup`), `${path}.vup`);
  if (o.defocusAngle !== undefined) c.defocusAngle = number(o.defocusAngle, `${path}.defocusAngle`, (x) => (x >= 0 && x < 180 ? undefined : 'must be between 0 and 180 degrees'));
  if (o.focusDist !== undefined) c.focusDist = number(o.focusDist, `${path}.focusDist`, positive);
  return c;
}

/**
 * A triangle mesh read from an OBJ file (relative to the scene file), scaled then moved:
 * `{ "type": "mesh", "file": "bunny.obj", "scale": 2, "offset": [0, 1, 0], "material": … }`.
 * Degenerate triangles are dropped.
 */
function mesh(o: Record<string, Json>, path: string, names: ReadonlySet<string>, baseDir: string): ObjectSpec[] {
  known(o, ['type', 'file', 'scale', 'offset', 'material'], path);
  if (typeof o.file !== 'string') throw new SceneError(`${path}.file`, `expected the path of an OBJ file, got ${describe(o.file)}`);
  const k = o.scale === undefined ? 1 : number(o.scale, `${path}.scale`, positive);
  const off = o.offset === undefined ? ([0, 0, 0] as Vec3) : vec3(o.offset, `${path}.offset`);
  const material = materialRef(o.material, `${path}.material`, names);
  const file = resolve(baseDir, o.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SceneError(`${path}.file`, `cannot read ${o.file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const place = (p: Vec3): Vec3 => [p[0] * k + off[0], p[1] * k + off[1], p[2] * k + off[2]];
  const out: ObjectSpec[] = [];
  for (const [a, b, c] of parseObj(text, o.file)) {
    const e1 = [b![0] - a![0], b![1] - a![1], b![2] - a![2]];
    const e2 = [c![0] - a![0], c![1] - a![1], c![2] - a![2]];
    const n = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!];
    if (n[0] === 0 && n[1] === 0 && n[2] === 0) continue;
    out.push({ type: 'triangle', a: place(a!), b: place(b!), c: place(c!), material });
  }
  return out;
}

/** A scene from parsed JSON, checked field by field; mesh files are looked for under baseDir. */
export function sceneFromJson(v: Json, baseDir = '.'): SceneSpec {
  const o = obj(v, 'scene');
  known(o, ['camera', 'background', 'materials', 'objects'], 'scene');
  const materials: Record<string, MaterialSpec> = {};
  if (o.materials !== undefined) {
    for (const [k, m] of Object.entries(obj(o.materials, 'materials'))) materials[k] = material(m, `materials.${k}`);
  }
  const names = new Set(Object.keys(materials));
  if (!Array.isArray(o.objects)) throw new SceneError('objects', `expected a list of objects, got ${describe(o.objects)}`);
  const objects = o.objects.flatMap((x, i) => (isObj(x) && x.type === 'mesh' ? mesh(x, `objects[${i}]`, names, baseDir) : [object(x, `objects[${i}]`, names)]));
  let background: SceneSpec['background'] = 'sky';
  if (o.background !== undefined && o.background !== 'sky') background = colour(o.background, 'background');
  return { camera: camera(o.camera, 'camera'), background, materials, objects };
}

/** A scene from the text of a JSON file; `file` names it in errors. */
export function parseSceneText(text: string, file = 'scene'): SceneSpec {
  let v: Json;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new SceneError(file, `not valid JSON (${(e as Error).message})`);
  }
  try {
    return sceneFromJson(v, file === 'scene' ? '.' : dirname(file));
  } catch (e) {
    if (e instanceof SceneError) throw new SceneError(`${file}: ${e.path}`, e.message.slice(e.path.length + 2));
    throw e;
  }
}

export function readSceneFile(file: string): SceneSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SceneError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseSceneText(text, file);
}
