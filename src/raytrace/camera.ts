/** The thin-lens camera of "Ray Tracing in One Weekend": field of view, look-at frame, defocus disk. */
import type { CameraSpec } from './spec.js';
import { add, cross, scale, sub, unit, length } from './vec.js';

/** center(3), pixel00(3), du(3), dv(3), diskU(3), diskV(3), defocus flag. */
export type Camera = Float64Array;

export function makeCamera(spec: CameraSpec, width: number, height: number): Camera {
  const vup = spec.vup ?? [0, 1, 0];
  const focus = spec.focusDist ?? length(sub(spec.lookfrom, spec.lookat));
  const h = Math.tan((spec.vfov * Math.PI) / 360);
  const vh = 2 * h * focus;
  const vw = vh * (width / height);
  const w = unit(sub(spec.lookfrom, spec.lookat));
  const u = unit(cross(vup, w));
  const v = cross(w, u);
  const du = scale(u, vw / width);
  const dv = scale(v, -vh / height);
  const upperLeft = sub(sub(sub(spec.lookfrom, scale(w, focus)), scale(u, vw / 2)), scale(v, -vh / 2));
  const p00 = add(upperLeft, scale(add(du, dv), 0.5));
  const angle = spec.defocusAngle ?? 0;
  const radius = focus * Math.tan((angle * Math.PI) / 360);
  return Float64Array.from([
    ...spec.lookfrom, ...p00, ...du, ...dv, ...scale(u, radius), ...scale(v, radius), angle > 0 ? 1 : 0,
  ]);
}
