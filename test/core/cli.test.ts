import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

function lousa(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/repl/cli.ts', ...args], {
    cwd: ROOT, input: input ?? '', encoding: 'utf8', timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the lousa command', () => {
  it('evaluates piped input line by line, one result per line', () => {
    const r = lousa([], '1/3 + 1/6\n2^10\n\nx := 4\nx^2\n# a comment\n');
    expect(r.stdout).toBe('1/2\n1024\nx := 4\n16\n');
    expect(r.status).toBe(0);
  });

  it('keeps going after an error, which goes to stderr with a caret', () => {
    const r = lousa([], 'sin(x))\n1 + 1\n');
    expect(r.stdout).toBe('2\n');
    expect(r.stderr).toBe("sin(x))\n      ^\nunexpected ')' with no '(' to close at 1:7\n");
    expect(r.status).toBe(1);
  });

  it('an open bracket at the end of the input is reported where it opened', () => {
    const r = lousa([], 'sin(x\n');
    expect(r.stderr).toBe("sin(x\n   ^\nexpected ')' to close '(' at 1:4\n");
  });

  it('reports an error on line 2 at line 2 (piped input and files)', () => {
    const r = lousa([], '1 + 1\n2 +* 3\n');
    expect(r.stderr).toContain('unexpected \'*\'; expected an expression at 2:4');
    const dir = mkdtempSync(join(tmpdir(), 'lousa-'));
    const file = join(dir, 'two.lousa');
    writeFileSync(file, 'a := 1\n\nb := (a +\n  * 2)\n');
    const f = lousa([file]);
    expect(f.stderr).toContain(`${file}, line 3:`);
    expect(f.stderr).toContain('at 4:3');
    expect(f.status).toBe(1);
  });

  it('a trailing # comment and line continuation (a trailing \\ or an open bracket) work', () => {
    const r = lousa([], '1 + 2 # three\n[1,\n 2] + \\\n [3, 4]\nf(x) := x^2 \\\n + 1 # a parabola\nf(2)\n');
    expect(r.stdout).toBe('3\n[4, 6]\nf(x) := x^2 + 1\n5\n');
    expect(r.stderr).toBe('');
  });

  it('-e a -e b run in one session, in order, as --help says', () => {
    const r = lousa(['-e', 'a := 3', '-e', 'a^2']);
    expect(r.stdout).toBe('a := 3\n9\n');
    const h = lousa(['--help']);
    expect(h.stdout).toContain('-e EXPR [-e EXPR …]');
    expect(h.stdout).toContain('in one session');
    expect(lousa(['-h']).stdout).toBe(h.stdout);
  });

  it('x/0 names the division as written', () => {
    expect(lousa(['-e', 'x/0']).stderr).toBe('error: division by zero in x/0\n');
  });

  it('warns about an unknown function with the nearest known names, on stderr', () => {
    const r = lousa(['-e', 'sinn(x)']);
    expect(r.stdout).toBe('sinn(x)\n');
    expect(r.stderr).toContain('did you mean');
    expect(r.stderr).toContain('sin');
    expect(r.status).toBe(0);
  });

  it('-e evaluates once', () => {
    const r = lousa(['-e', '2^100']);
    expect(r.stdout.trim()).toBe((2n ** 100n).toString());
    expect(r.status).toBe(0);
  });

  it('-e with bad input exits 1 with the caret message on stderr', () => {
    const r = lousa(['-e', 'sin(']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("expected ')' to close '(' at 1:4");
    expect(r.stderr).toContain('   ^');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('REPL commands work in piped mode too', () => {
    const r = lousa([], ':latex\nx/2\n:latex\nx/2\n:help\n');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['LaTeX output on', '\\frac{x}{2}', 'LaTeX output off', 'x/2']);
    expect(r.stdout).toContain('REPL: :help');
  });

  it('rejects unknown options', () => {
    const r = lousa(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --frobnicate');
  });

  it('the generated parser is up to date with grammar/lousa.ne', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lousa-')), 'grammar.js');
    const r = spawnSync(join(ROOT, 'node_modules/.bin/nearleyc'), ['grammar/lousa.ne', '-o', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'src/parse/grammar.generated.js'), 'utf8'));
  });
});
