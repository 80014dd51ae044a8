/**
 * The terminal REPL: a prompt with history and tab completion when stdin is a terminal; otherwise it reads
 * piped input line by line and prints one result per line. `:help`, `:latex`, `:vars` and `:quit` are
 * REPL commands; everything else is the Lousa language.
 */
import { writeFileAtomic } from './files.js';
import * as readline from 'node:readline';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from '../lang/session.js';
import { allCommands } from '../lang/registry.js';
import { FUNCTIONS, CONSTANTS } from '../ast/ops.js';
import { formatError, formatOutput } from './format.js';
import { Engine } from './engine.js';
import { ParseError } from '../parse/errors.js';
import { StatementReader, stripComment, type Statement } from './statements.js';

export interface ReplOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  interactive: boolean;
  historyFile?: string;
}

export function helpText(): string {
  const cmds = allCommands().map((c) => `  ${c.usage.padEnd(28)} ${c.doc}`).join('\n');
  const fns = [...FUNCTIONS.keys()].join(' ');
  return [
    'Lousa — type an expression and press Enter.',
    '  1/3 + 1/6            exact arithmetic           x^2 + 2x + 1     implicit products',
    '  a := 3               assign a variable          f(x) := x^2 + 1  define a function',
    '',
    'Commands of the language:',
    cmds,
    '',
    `Functions: ${fns}`,
    `Constants: ${[...CONSTANTS.keys()].join(' ')}`,
    '',
    'REPL: :help  :latex (toggle LaTeX output)  :vars  :quit',
    '      Ctrl-C stops a running computation (the definitions stay) or clears the line; # starts a comment;',
    '      a line ending in \\ or with an open bracket continues on the next.',
  ].join('\n');
}

export interface LineResult { out?: string; err?: string; quit?: boolean; warn?: string }

/**
 * Runs one statement (a line, or lines joined by a continuation) that starts on line `firstLine` of the input;
 * returns what to print on stdout and on stderr.
 */
export function runLine(session: Session, line: string, firstLine = 1): LineResult {
  const trimmed = stripComment(line).trim();
  if (trimmed === '' || trimmed.startsWith('#')) return {};
  if (trimmed.startsWith(':')) {
    const cmd = trimmed.slice(1).split(/\s+/)[0];
    switch (cmd) {
      case 'help': case 'h': case '?': return { out: helpText() };
      case 'latex':
        session.latexMode = !session.latexMode;
        return { out: `LaTeX output ${session.latexMode ? 'on' : 'off'}` };
      case 'vars': {
        const lines = [...session.vars].map(([k, v]) => `${k} := ${formatOutput({ kind: 'expr', expr: v }, false)}`);
        for (const [k, f] of session.funcs) lines.push(`${k}(${f.params.map((p) => p.name).join(', ')}) := ${formatOutput({ kind: 'expr', expr: f.body }, false)}`);
        return { out: lines.length > 0 ? lines.join('\n') : '(nothing defined yet)' };
      }
      case 'quit': case 'q': case 'exit': return { quit: true };
      default: return { err: `unknown REPL command ':${cmd}' (try :help)` };
    }
  }
  try {
    const shown = formatOutput(session.run(stripComment(line)), session.latexMode);
    const warn = session.warnings.length > 0 ? session.warnings.join('\n') : undefined;
    return { ...(shown === undefined ? {} : { out: shown }), ...(warn === undefined ? {} : { warn }) };
  } catch (err) {
    return { err: formatError(err instanceof ParseError && firstLine !== 1 ? err.startingAt(firstLine) : err) };
  }
}

const PROMPT = 'lousa> ';
const MORE = '...... ';

function completer(defined: () => readonly string[]) {
  return (line: string): [string[], string] => {
    const m = /[A-Za-z_][A-Za-z0-9_]*$/.exec(line);
    const word = m ? m[0] : '';
    const names = [
      ...FUNCTIONS.keys(), ...CONSTANTS.keys(), ...allCommands().map((c) => c.name), ...defined(),
      ':help', ':latex', ':vars', ':quit',
    ];
    const hits = names.filter((n) => n.startsWith(word) && n !== word);
    return [hits.length > 0 ? [...new Set(hits)].sort() : [], word];
  };
}

/** Runs the REPL until input ends; resolves to the number of lines that failed. */
export async function repl(opts: ReplOptions): Promise<number> {
  const session = new Session();
  let failures = 0;
  const write = (s: NodeJS.WritableStream, t: string): void => {
    s.write(t.endsWith('\n') ? t : `${t}\n`);
  };
  if (!opts.interactive) {
    session.onProgress = (l) => write(opts.output, l);
    session.writeFile = writeFileAtomic;
    const rl = readline.createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
    const reader = new StatementReader();
    const run = (st: Statement): boolean => {
      const r = runLine(session, st.text, st.line);
      if (r.warn !== undefined) write(opts.errors, r.warn);
      if (r.out !== undefined) write(opts.output, r.out);
      if (r.err !== undefined) {
        failures++;
        write(opts.errors, r.err);
      }
      return r.quit === true;
    };
    let quit = false;
    for await (const line of rl) {
      const st = reader.push(line);
      if (st !== undefined && run(st)) {
        quit = true;
        break;
      }
    }
    const last = quit ? undefined : reader.flush();
    if (last !== undefined) run(last);
    return failures;
  }
  const historyFile = opts.historyFile ?? path.join(os.homedir(), '.lousa_history');
  let history: string[] = [];
  try {
    history = fs.readFileSync(historyFile, 'utf8').split('\n').filter((l) => l.length > 0).reverse().slice(0, 1000);
  } catch {
    // No history yet.
  }
  const engine = new Engine();
  const rl = readline.createInterface({
    input: opts.input, output: opts.output, terminal: true, history, historySize: 1000,
    completer: completer(() => engine.names), prompt: PROMPT,
  });
  write(opts.output, 'Lousa — :help for help, Ctrl-C stops a computation or clears the line, :quit or Ctrl-D to leave.');
  const reader = new StatementReader();
  const queue: string[] = [];
  let closed = false;
  const prompt = (): void => {
    rl.setPrompt(reader.pending ? MORE : PROMPT);
    rl.prompt();
  };
  const handle = async (line: string): Promise<void> => {
    if (line.trim() !== '') {
      try {
        fs.appendFileSync(historyFile, `${line.replace(/\n/g, ' ')}\n`);
      } catch {
        // A read-only home directory must not stop the session.
      }
    }
    const st = reader.push(line);
    if (st === undefined) return;
    const r = await engine.run(st.text, st.line, (l) => write(opts.output, l));
    if (r.warn !== undefined) write(opts.output, r.warn);
    if (r.out !== undefined) write(opts.output, r.out);
    if (r.err !== undefined) {
      failures++;
      write(opts.output, r.err);
    }
    if (r.quit === true) rl.close();
  };
  // Lines typed while a computation runs wait their turn.
  let draining = false;
  const drain = async (): Promise<void> => {
    draining = true;
    while (queue.length > 0 && !closed) await handle(queue.shift()!);
    draining = false;
    if (!closed) prompt();
  };
  rl.on('SIGINT', () => {
    if (engine.busy) {
      queue.length = 0;
      engine.interrupt();
      return;
    }
    // At the prompt: clear the line (and a statement being continued), as a shell does.
    const hadText = rl.line.length > 0 || reader.pending;
    reader.clear();
    // readline's line buffer is a public field; emptying it (rather than sending editing keys) avoids a redraw.
    const edit = rl as unknown as { line: string; cursor: number };
    edit.line = '';
    edit.cursor = 0;
    opts.output.write(hadText ? '^C\n' : '^C  (:quit or Ctrl-D to leave)\n');
    prompt();
  });
  prompt();
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      queue.push(line);
      if (!draining) void drain();
    });
    rl.on('close', () => {
      closed = true;
      void engine.close().then(() => resolve(failures));
    });
  });
}
