import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;

function lousa(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/repl/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return r.stdout;
}

describe('algebra from the command line', () => {
  it('factor(x^4 - 1) prints (x - 1)(x + 1)(x^2 + 1) up to order, simplify(sin(x)^2 + cos(x)^2) prints 1', () => {
    const [f, s] = lousa(['-e', 'factor(x^4 - 1)', '-e', 'simplify(sin(x)^2 + cos(x)^2)']).trim().split('\n');
    const parts = f!.match(/\([^()]*\)/g) ?? [];
    expect([...parts].sort()).toEqual(['(x + 1)', '(x - 1)', '(x^2 + 1)'].sort());
    expect(f!.replace(/\([^()]*\)/g, '')).toBe('');
    expect(s).toBe('1');
  });
});
