/**
 * The browser stand-in for the few Node modules Lousa's data loaders and renderer import (node:fs, node:path,
 * node:module, node:zlib, node:os, node:worker_threads). The page has no disk: a command that needs a file
 * (names.txt, a checkpoint, a dataset, a PNG) fails with this message, and every other command is unaffected; the
 * renderer runs on one thread here.
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
export const rmSync = fail('removing a file');
export const basename = (p: string): string => p.replace(/^.*\//, '');
export const availableParallelism = (): number => 1;
export const parentPort = null;
export const workerData = undefined;
export class Worker {
  constructor() {
    throw new NoDiskError('starting a Node worker thread');
  }
}
export const gunzipSync = fail('unpacking a dataset');
export const createRequire = () => fail('loading a data package');
export const join = (...parts: string[]): string => parts.join('/');
export const resolve = (...parts: string[]): string => parts.join('/');
export const dirname = (p: string): string => p.replace(/\/[^/]*$/, '');

export default {
  existsSync, readFileSync, writeFileSync, renameSync, rmSync, gunzipSync, createRequire, join, resolve, dirname, basename,
  availableParallelism, parentPort, workerData, Worker,
};
