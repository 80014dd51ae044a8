/** Tone mapping (gamma 2) and PNG output, written atomically: a temp file renamed into place. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type PngModule from 'pngjs';

/** pngjs, loaded on first use: it needs Node's streams, so a browser page that never writes a PNG never loads it. */
let pngjsModule: typeof PngModule | undefined;
function pngjs(): typeof PngModule {
  pngjsModule ??= createRequire(import.meta.url)('pngjs') as typeof PngModule;
  return pngjsModule;
}

/** 8-bit RGBA from linear sums of `samples` samples per pixel, with the book's gamma-2 and clamp. */
export function toRgba(acc: Float64Array, width: number, height: number, samples: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const k = 1 / samples;
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) {
      const v = acc[i * 3 + c]! * k;
      const g = v > 0 ? Math.sqrt(v) : 0;
      out[i * 4 + c] = Math.floor(256 * Math.min(0.999, g));
    }
    out[i * 4 + 3] = 255;
  }
  return out;
}

export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new (pngjs().PNG)({ width, height });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return pngjs().PNG.sync.write(png, { colorType: 2 });
}

export function decodePng(bytes: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const png = pngjs().PNG.sync.read(bytes);
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
}

/**
 * Writes the file whole or not at all: the bytes go to a hidden temp file beside the target, which is
 * renamed over it (rename is atomic on one file system), so an interrupted render leaves no partial PNG.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
