/**
 * The page's handle on the worker that runs Lousa. Requests are answered in order; `cancel()` stops a running
 * computation by terminating the worker, starts a fresh one and replays the lines that built the session
 * (definitions, plots), so the page goes on as if the cancelled line had never been typed.
 */
import type { CheckRequest, CheckResult, PlotData, Reply, Request, Result, Tile, TrainProgress } from '../protocol.js';

export class LousaError extends Error {
  constructor(message: string, readonly column?: number) {
    super(message);
  }
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  onProgress?: (p: TrainProgress) => void;
  onTile?: (t: Tile) => void;
}

export type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;

export class LousaClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Lines replayed into a new worker after a cancel. */
  private readonly replay: string[] = [];
  /** Called when the number of running requests changes. */
  onBusy: (busy: boolean) => void = () => {};

  constructor() {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'lousa' });
    this.worker.addEventListener('message', (ev: MessageEvent<Reply>) => this.receive(ev.data));
    this.worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      this.failAll(new LousaError('the worker running Lousa stopped unexpectedly; it has been restarted'));
      this.restart();
    });
    for (const line of this.replay) this.worker.postMessage({ type: 'run', id: 0, line } satisfies Request);
  }

  private receive(r: Reply): void {
    if (r.type === 'ready') return;
    const p = this.pending.get(r.id);
    if (p === undefined) return;
    switch (r.type) {
      case 'progress': p.onProgress?.(r.progress); return;
      case 'tile': p.onTile?.(r.tile); return;
      case 'error': this.finish(r.id); p.reject(new LousaError(r.message, r.column)); return;
      case 'result': this.finish(r.id); p.resolve(r.result); return;
      case 'plot': this.finish(r.id); p.resolve(r.data); return;
      case 'check': this.finish(r.id); p.resolve(r.result); return;
    }
  }

  private finish(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.onBusy(false);
  }

  private send<T>(req: Distributive<Request>, extra: Partial<Pending> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...extra });
      if (this.pending.size === 1) this.onBusy(true);
      this.worker.postMessage({ ...req, id } as Request);
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  async run(line: string, hooks: { onProgress?: (p: TrainProgress) => void; onTile?: (t: Tile) => void } = {}): Promise<Result> {
    const result = await this.send<Result>({ type: 'run', line }, hooks);
    // Training changes nothing in the session, so it is not replayed.
    if (result.kind !== 'train') this.replay.push(line);
    return result;
  }

  replot(plotId: number, range: readonly [number, number], params: Readonly<Record<string, number>>, show: { df: boolean; int: boolean }): Promise<PlotData> {
    return this.send<PlotData>({ type: 'replot', plotId, range, params, show });
  }

  check(request: CheckRequest): Promise<CheckResult> {
    return this.send<CheckResult>({ type: 'check', request });
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    this.onBusy(false);
    for (const p of all) p.reject(err);
  }

  private restart(): void {
    this.worker.terminate();
    this.start();
  }

  /** Forget the session: a fresh worker with nothing to replay. */
  reset(): void {
    this.failAll(new Cancelled());
    this.replay.length = 0;
    this.restart();
  }

  /** Stop whatever is running: the worker is replaced and the session rebuilt from its lines. */
  cancel(): void {
    if (!this.busy) return;
    this.failAll(new Cancelled());
    this.restart();
  }
}
