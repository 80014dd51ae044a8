import { describe, expect, it } from 'vitest';
import { parse, ParseError } from '../../src/index.js';
import { Session } from '../../src/lang/index.js';
import { LimitError } from '../../src/ast/limits.js';

/** Runs `f`, requiring it to finish within a second and to throw an error of the given class. */
function failsFast(f: () => unknown, cls: new (...a: never[]) => Error, pattern: RegExp): void {
  const t0 = performance.now();
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(err).toBeInstanceOf(cls);
  expect((err as Error).message).toMatch(pattern);
}

describe('limits give a clear error within a second', () => {
  it('10,000 nested parentheses', () => {
    failsFast(() => parse(`${'('.repeat(10_000)}x${')'.repeat(10_000)}`), ParseError, /nested more than 1,000 deep/);
  });
  it('10,000 nested calls', () => {
    failsFast(() => parse(`${'sin('.repeat(10_000)}x${')'.repeat(10_000)}`), ParseError, /nested more than 1,000 deep/);
  });
  it('deeply nested operators', () => {
    failsFast(() => parse(`${'-'.repeat(5000)}x`), ParseError, /nested more than 1000 levels/);
  });
  it('a 1 MB input', () => {
    failsFast(() => parse('1+'.repeat(500_000)), ParseError, /1,000,000 characters long; the limit is 100,000/);
  });
  it('2^(10^10)', () => {
    failsFast(() => new Session().run('2^(10^10)'), LimitError, /2\^10000000000 is too large to compute exactly/);
  });
  it('10^10!', () => {
    failsFast(() => new Session().run('10^10!'), LimitError, /too large to compute exactly/);
  });
  it('(10^10)!', () => {
    failsFast(() => new Session().run('(10^10)!'), LimitError, /10000000000! is too large/);
  });
  it('moderate nesting still parses', () => {
    expect(parse(`${'('.repeat(500)}x${')'.repeat(500)}`)).toBe(parse('x'));
    expect(parse('x+'.repeat(5000) + '1').kind).toBe('add');
  });
});
