/**
 * The interactive REPL driven for real through a pseudo-terminal (util-linux `script`): Ctrl-C at the prompt clears
 * the line, Ctrl-C during a long computation stops it with the session intact, and progress lines stream as they go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A REPL in a pseudo-terminal, with a way to wait for what it prints. */
class Tty {
  out = '';
  readonly child: ChildProcess;
  constructor() {
    const home = mkdtempSync(join(tmpdir(), 'lousa-home-'));
    const cmd = `${process.execPath} --import tsx src/repl/cli.ts`;
    this.child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, env: { ...process.env, HOME: home, TERM: 'dumb' } });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.out += d.toString('utf8');
    });
  }
  send(s: string): void {
    this.child.stdin!.write(s);
  }
  /** Waits until the output after `from` matches. */
  async waitFor(re: RegExp, from = 0, ms = 60_000): Promise<string> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const seen = this.out.slice(from);
      if (re.test(seen)) return seen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${re}; saw:\n${this.out.slice(from)}`);
  }
  kill(): void {
    this.child.kill('SIGKILL');
  }
}

let tty: Tty | undefined;
afterEach(() => tty?.kill());

describe.skipIf(!hasScript || !existsSync(join(ROOT, 'node_modules/tsx')))('the interactive REPL in a terminal', () => {
  it('Ctrl-C clears the line at the prompt; Ctrl-C stops a computation and keeps the session', async () => {
    tty = new Tty();
    await tty.waitFor(/lousa> /);
    tty.send('a := 5\r');
    // The echo of the typed line, then the result.
    await tty.waitFor(/a := 5[\s\S]*a := 5[\s\S]*lousa> /);
    // A half-typed line, then Ctrl-C: the line is dropped, nothing is evaluated.
    let mark = tty.out.length;
    tty.send('1 + 2 + 3');
    await tty.waitFor(/1 \+ 2 \+ 3/, mark);
    tty.send('\x03');
    await tty.waitFor(/\^C[\s\S]*lousa> /, mark);
    tty.send('a^2\r');
    const after = await tty.waitFor(/25/, mark);
    expect(after).not.toMatch(/\b6\b/);
    // A long training run streams progress lines; Ctrl-C stops it.
    mark = tty.out.length;
    tty.send('nntrain(xor, 2, 3000000)\r');
    await tty.waitFor(/step\s+\d+/, mark);
    tty.send('\x03');
    await tty.waitFor(/interrupted[\s\S]*lousa> /, mark);
    mark = tty.out.length;
    tty.send('a + 1\r');
    await tty.waitFor(/\b6\b/, mark);
    // A statement continued over lines (an open bracket), then a comment.
    mark = tty.out.length;
    tty.send('[a,\r');
    await tty.waitFor(/\.\.\.\.\.\. /, mark);
    tty.send(' 2] # a vector\r');
    await tty.waitFor(/\[5, 2\]/, mark);
    tty.send(':quit\r');
  }, 120_000);
});
