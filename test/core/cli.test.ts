import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
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
    const r = lousa([], 'sin(x\n1 + 1\n');
    expect(r.stdout).toBe('2\n');
    expect(r.stderr).toBe("sin(x\n   ^\nexpected ')' to close '(' at 1:4\n");
    expect(r.status).toBe(1);
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
