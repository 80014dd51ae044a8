/** A World from a scene description, with implicit surfaces compiled from their expressions. */
import { buildWorld, type World } from './world.js';
import { makeImplicitSurface } from './implicit.js';
import type { SceneSpec } from './spec.js';

export function sceneWorld(spec: SceneSpec): World {
  return buildWorld(spec, makeImplicitSurface);
}
