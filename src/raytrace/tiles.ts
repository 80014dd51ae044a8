/**
 * Splitting a render into work items: bands of rows × progressive passes. Each item has its own random
 * stream (seed, band, pass), so an image is the same whichever thread renders which item.
 */
import type { RenderSettings } from './spec.js';

export const BAND = 8;

export interface WorkItem {
  readonly y0: number;
  readonly y1: number;
  readonly pass: number;
  readonly samples: number;
}

/** Samples per pixel of each pass: about four passes, the first ones delivered early. */
export function passSamples(spp: number): number[] {
  const passes = Math.min(spp, 4);
  const out: number[] = [];
  for (let p = 0; p < passes; p++) out.push(Math.floor((spp * (p + 1)) / passes) - Math.floor((spp * p) / passes));
  return out;
}

export function workItems(s: RenderSettings): WorkItem[] {
  const items: WorkItem[] = [];
  passSamples(s.spp).forEach((samples, pass) => {
    for (let y0 = 0; y0 < s.height; y0 += BAND) items.push({ y0, y1: Math.min(s.height, y0 + BAND), pass, samples });
  });
  return items;
}
