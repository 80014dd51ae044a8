/**
 * Evaluation for the interactive REPL on a worker thread, so that Ctrl-C can stop any computation (training, an
 * integral, a plot) at once.
 *
 * Why a thread: JavaScript runs one thing at a time, so while an evaluation is busy on the main thread no signal
 * handler or key press is seen until it finishes. Cooperative checks inside every inner loop would have to reach
 * every algorithm of every area; a thread stops whatever it is doing. The session survives because after each
 * statement the worker reports the session's definitions as lines of the language (`Session.snapshot`): an
 * interrupted worker is ended and a fresh one (started in advance, so the prompt returns at once) replays them.
 */
import { Worker } from 'node:worker_threads';
import type { LineResult } from './repl.js';

export type ToWorker =
  | { readonly type: 'run'; readonly id: number; readonly text: string; readonly line: number }
  | { readonly type: 'restore'; readonly state: readonly string[]; readonly latex: boolean };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly id: number; readonly line: string }
  | {
    readonly type: 'done'; readonly id: number; readonly result: LineResult; readonly state: readonly string[];
    readonly latex: boolean; readonly names: readonly string[];
  };

interface Pending {
  readonly id: number;
  readonly resolve: (r: LineResult) => void;
  readonly onProgress: (line: string) => void;
}

/** The worker's own file: engine-worker.js beside this one (engine-worker.ts when run from the sources). */
const workerUrl = (): URL => new URL(`./engine-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Run from the TypeScript sources (under tsx, as the tests do), a worker does not inherit the loader: a small
 * bootstrap registers tsx in the thread and then imports the worker's file.
 */
function fromSources(url: URL): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

export class Engine {
  private worker: Worker;
  private spare: Worker | undefined;
  private state: readonly string[] = [];
  private latex = false;
  private pending: Pending | undefined;
  private nextId = 1;
  /** Names defined in the session (for completion). */
  names: readonly string[] = [];

  constructor() {
    this.worker = this.start();
    this.spare = this.start();
  }

  private start(): Worker {
    const url = workerUrl();
    const w = url.pathname.endsWith('.ts') ? fromSources(url) : new Worker(url);
    w.unref();
    w.on('message', (m: FromWorker) => this.receive(w, m));
    w.on('error', (err) => {
      if (w !== this.worker) return;
      // A crash of the thread (out of memory) is reported like an interrupt: the session is rebuilt.
      this.replace(`error: the computation stopped (${err instanceof Error ? err.message : String(err)}); the session keeps its definitions`);
    });
    return w;
  }

  private receive(w: Worker, m: FromWorker): void {
    if (w !== this.worker || this.pending === undefined) return;
    if (m.type === 'progress' && m.id === this.pending.id) this.pending.onProgress(m.line);
    else if (m.type === 'done' && m.id === this.pending.id) {
      this.state = m.state;
      this.latex = m.latex;
      this.names = m.names;
      const p = this.pending;
      this.pending = undefined;
      p.resolve(m.result);
    }
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Runs one statement; progress lines arrive through `onProgress` while it runs. */
  run(text: string, line: number, onProgress: (line: string) => void): Promise<LineResult> {
    if (this.pending !== undefined) return Promise.resolve({ err: 'error: a computation is already running' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending = { id, resolve, onProgress };
      this.worker.postMessage({ type: 'run', id, text, line } satisfies ToWorker);
    });
  }

  /** Stops the running computation; the session is as it was before that statement. */
  interrupt(): void {
    if (this.pending !== undefined) this.replace('interrupted; the session keeps its definitions');
  }

  private replace(message: string): void {
    const old = this.worker;
    void old.terminate();
    this.worker = this.spare ?? this.start();
    this.spare = undefined;
    this.worker.postMessage({ type: 'restore', state: this.state, latex: this.latex } satisfies ToWorker);
    // The next spare starts once this one has been handed its work.
    setTimeout(() => {
      if (this.spare === undefined) this.spare = this.start();
    }, 0);
    const p = this.pending;
    this.pending = undefined;
    p?.resolve({ err: message });
  }

  async close(): Promise<void> {
    await Promise.all([this.worker.terminate(), this.spare?.terminate()]);
  }
}
