/** Entry point of a data-parallel training worker (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerMain } from './parallel.js';

workerMain(workerData as Parameters<typeof workerMain>[0], (m) => parentPort!.postMessage(m)).catch((e: unknown) => {
  parentPort!.postMessage(e instanceof Error ? e.message : String(e));
});
