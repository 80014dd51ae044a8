/**
 * The thread that evaluates for the interactive REPL. The prompt stays on the main thread, so Ctrl-C is seen even
 * while a computation runs here; the main thread then ends this thread and starts another with the session's
 * definitions (see engine.ts).
 */
import { writeFileAtomic } from './files.js';
import { parentPort } from 'node:worker_threads';
import '../lang/index.js';
import { Session } from '../lang/session.js';
import { runLine } from './repl.js';
import type { ToWorker, FromWorker } from './engine.js';

const port = parentPort!;
const session = new Session();
let current = 0;
session.onProgress = (line) => port.postMessage({ type: 'progress', id: current, line } satisfies FromWorker);
session.writeFile = writeFileAtomic;

port.on('message', (m: ToWorker) => {
  if (m.type === 'restore') {
    session.latexMode = m.latex;
    for (const l of m.state) runLine(session, l);
    port.postMessage({ type: 'ready' } satisfies FromWorker);
    return;
  }
  current = m.id;
  const result = runLine(session, m.text, m.line);
  port.postMessage({
    type: 'done', id: m.id, result, state: session.snapshot(), latex: session.latexMode, names: session.names(),
  } satisfies FromWorker);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
