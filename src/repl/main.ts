/**
 * The `lousa` command: with no arguments the REPL (or, with piped input, a line-by-line evaluator);
 * `lousa -e "expr"` evaluates once; `lousa FILE` runs a file of lines.
 */
import { writeFileAtomic } from './files.js';
import * as fs from 'node:fs';
import '../lang/index.js';
import { Session } from '../lang/session.js';
import { repl, runLine } from './repl.js';
import { formatError } from './format.js';
import { StatementReader, type Statement } from './statements.js';

export const USAGE = `usage: lousa                       start the REPL (reads lines from stdin when it is not a terminal)
       lousa -e EXPR [-e EXPR …]  evaluate each EXPR in order, in one session, and print the results
       lousa FILE …               evaluate files statement by statement (after any -e), in the same session
       lousa render SCENE OUT.png [--width N --spp N …]  ray-trace a JSON scene (or book, surfaces)
       lousa papers NAME          run a paper reproduction (bengio2003, rumelhart1986, transformer; --steps N, --data PATH)
       lousa --version            the version
       lousa --help, -h           this message

In files and piped input a # starts a comment; a line ending in \\ or with an open bracket continues on the next.
Errors name the line they are on; the exit status is 1 when any statement failed.`;

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write('lousa 0.1.0\n');
    return 0;
  }
  if (argv[0] === 'render') {
    const { renderCli } = await import('../raytrace/cli.js');
    return renderCli(argv.slice(1));
  }
  if (argv[0] === 'papers') {
    const { runPaper, PAPERS } = await import('../../papers/index.js');
    const name = argv[1];
    if (name === undefined || !(PAPERS as readonly string[]).includes(name)) {
      process.stderr.write(`lousa papers: name one of ${PAPERS.join(', ')}\n`);
      return 2;
    }
    try {
      await runPaper(name, argv.slice(2));
      return 0;
    } catch (err) {
      process.stderr.write(`${formatError(err)}\n`);
      return 1;
    }
  }
  const exprs: string[] = [];
  const files: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '-e' || a === '--eval') {
      const v = argv[++k];
      if (v === undefined) {
        process.stderr.write(`lousa: ${a} needs an expression\n${USAGE}\n`);
        return 2;
      }
      exprs.push(v);
    } else if (a.startsWith('-')) {
      process.stderr.write(`lousa: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (exprs.length > 0 || files.length > 0) {
    const session = new Session();
    session.onProgress = (line) => process.stdout.write(`${line}\n`);
    session.writeFile = writeFileAtomic;
    const jobs: { where?: string; statement: Statement }[] = exprs.map((e) => ({ statement: { text: e, line: 1 } }));
    for (const f of files) {
      let source: string;
      try {
        source = fs.readFileSync(f, 'utf8');
      } catch (err) {
        process.stderr.write(`lousa: cannot read ${f}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not readable'}\n`);
        return 2;
      }
      const reader = new StatementReader();
      for (const l of source.split(/\r?\n/)) {
        const st = reader.push(l);
        if (st !== undefined) jobs.push({ where: f, statement: st });
      }
      const last = reader.flush();
      if (last !== undefined) jobs.push({ where: f, statement: last });
    }
    let status = 0;
    for (const { where, statement } of jobs) {
      const r = runLine(session, statement.text, statement.line);
      if (r.warn !== undefined) process.stderr.write(`${r.warn}\n`);
      if (r.out !== undefined) process.stdout.write(`${r.out}\n`);
      if (r.err !== undefined) {
        process.stderr.write(`${where === undefined ? '' : `${where}, line ${statement.line}:\n`}${r.err}\n`);
        status = 1;
      }
      if (r.quit === true) break;
    }
    return status;
  }
  const failures = await repl({
    input: process.stdin, output: process.stdout, errors: process.stderr, interactive: process.stdin.isTTY === true,
  });
  return failures > 0 && process.stdin.isTTY !== true ? 1 : 0;
}
