/**
 * The worker that runs Lousa for the page: one Session (the REPL's), fed the user's lines one at a time. A long
 * computation blocks only this thread; the page cancels it by terminating the worker and starting a new one,
 * to which it replays the earlier lines.
 */
import '../../../src/lang/index.js';
import { Session } from '../../../src/lang/session.js';
import type { Reply, Request } from '../protocol.js';
import { describe } from './errors.js';
import { runLine } from './run-line.js';
import { samplePlot } from './plot.js';
import { checkAnswer, FieldError } from './check.js';

const session = new Session();
const post = (r: Reply): void => postMessage(r);

function handle(req: Request): void {
  const t0 = performance.now();
  try {
    switch (req.type) {
      case 'run': {
        const result = runLine(session, req.line, (progress) => post({ type: 'progress', id: req.id, progress }));
        post({ type: 'result', id: req.id, result, ms: performance.now() - t0 });
        return;
      }
      case 'replot':
        post({ type: 'plot', id: req.id, data: samplePlot(req.plotId, req.range, req.params, req.show) });
        return;
      case 'check':
        post({ type: 'check', id: req.id, result: checkAnswer(session, req.request) });
        return;
    }
  } catch (err) {
    if (err instanceof FieldError) {
      const where = err.column !== undefined ? ` (column ${err.column})` : '';
      post({ type: 'error', id: req.id, message: `${err.field === 'answer' ? 'your answer' : err.field}: ${err.reason}${where}`, ...(err.column !== undefined ? { column: err.column } : {}) });
      return;
    }
    const p = describe(err);
    post({ type: 'error', id: req.id, message: p.message, ...(p.column !== undefined ? { column: p.column } : {}) });
  }
}

addEventListener('message', (ev: MessageEvent<Request>) => handle(ev.data));
post({ type: 'ready' });
