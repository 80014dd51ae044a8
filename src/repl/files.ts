/**
 * Files the language writes (plots as pictures), written atomically: to a temporary file beside the target, then
 * renamed over it, so a reader never sees half a picture and an interrupted write leaves the old file as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import pngjs from 'pngjs';
import { EvalError } from '../eval/errors.js';
import type { FileContent } from '../lang/session.js';

function encode(content: FileContent): Buffer {
  if (content.kind === 'svg') return Buffer.from(content.text, 'utf8');
  const { width, height, data } = content.raster;
  const png = new pngjs.PNG({ width, height });
  png.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return pngjs.PNG.sync.write(png);
}

export function writeFileAtomic(target: string, content: FileContent): void {
  const bytes = encode(content);
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing left to clean.
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new EvalError(`cannot write ${target}: ${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : code ?? 'write failed'}`);
  }
}
