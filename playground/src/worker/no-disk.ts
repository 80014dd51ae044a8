/**
 * The browser stand-in for the few Node modules Lousa's data loaders import (node:fs, node:path, node:module,
 * node:zlib). The page has no disk: a command that needs a file (names.txt, a checkpoint, a dataset) fails with
 * this message, and every other command is unaffected.
 */
class NoDiskError extends Error {
  constructor(what: string) {
    super(`${what} needs files on disk, which the browser page does not have; run it in the terminal (lousa)`);
    this.name = 'EvalError';
  }
}

const fail = (what: string) => (): never => {
  throw new NoDiskError(what);
};

export const existsSync = (): boolean => false;
export const readFileSync = fail('reading a file');
export const writeFileSync = fail('writing a file');
export const renameSync = fail('renaming a file');
export const gunzipSync = fail('unpacking a dataset');
export const createRequire = () => fail('loading a data package');
export const join = (...parts: string[]): string => parts.join('/');
export const resolve = (...parts: string[]): string => parts.join('/');
export const dirname = (p: string): string => p.replace(/\/[^/]*$/, '');

export default { existsSync, readFileSync, writeFileSync, renameSync, gunzipSync, createRequire, join, resolve, dirname };
