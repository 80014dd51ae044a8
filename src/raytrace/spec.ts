/** The scene description: plain JSON-able data, read from scene files and sent to render workers. */
import type { Vec3 } from './vec.js';

export interface CheckerSpec {
  readonly type: 'checker';
  /** Size of one square in world units. */
  readonly scale: number;
  readonly even: Vec3;
  readonly odd: Vec3;
}

/** Marble: colour × ½(1 + sin(scale·z + 10·turbulence(scale·p))), Perlin turbulence. */
export interface NoiseSpec {
  readonly type: 'noise';
  readonly scale: number;
}

export interface MaterialSpec {
  readonly type: 'lambertian' | 'metal' | 'dielectric' | 'emissive';
  readonly color?: Vec3;
  readonly fuzz?: number;
  /** Index of refraction of a dielectric. */
  readonly ior?: number;
  readonly texture?: CheckerSpec | NoiseSpec;
}

export type MaterialRef = string | MaterialSpec;

export type ObjectSpec =
  | { readonly type: 'sphere'; readonly center: Vec3; readonly radius: number; readonly material: MaterialRef }
  | { readonly type: 'plane'; readonly point: Vec3; readonly normal: Vec3; readonly material: MaterialRef }
  | { readonly type: 'box'; readonly min: Vec3; readonly max: Vec3; readonly material: MaterialRef }
  | { readonly type: 'quad'; readonly corner: Vec3; readonly u: Vec3; readonly v: Vec3; readonly material: MaterialRef }
  | { readonly type: 'triangle'; readonly a: Vec3; readonly b: Vec3; readonly c: Vec3; readonly material: MaterialRef }
  | {
      readonly type: 'implicit';
      /** f(x, y, z) in Lousa syntax; the surface is f = 0. */
      readonly f: string;
      /** The box [min, max] the surface is looked for in. */
      readonly bounds: readonly [Vec3, Vec3];
      /** For a non-polynomial f: a bound on |grad f| inside the box (estimated when absent). */
      readonly lipschitz?: number;
      readonly material: MaterialRef;
    };

export interface CameraSpec {
  readonly lookfrom: Vec3;
  readonly lookat: Vec3;
  readonly vup?: Vec3;
  /** Vertical field of view in degrees. */
  readonly vfov: number;
  /** Aperture cone angle in degrees (0: pinhole). */
  readonly defocusAngle?: number;
  readonly focusDist?: number;
}

export interface SceneSpec {
  readonly camera: CameraSpec;
  /** 'sky' (the white-to-blue gradient) or a constant colour. */
  readonly background?: 'sky' | Vec3;
  readonly materials?: Readonly<Record<string, MaterialSpec>>;
  readonly objects: readonly ObjectSpec[];
}

export interface RenderSettings {
  readonly width: number;
  readonly height: number;
  readonly spp: number;
  readonly maxDepth: number;
  readonly seed: number;
}
