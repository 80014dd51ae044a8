/**
 * Fuzz tests of the language: random strings and random well-formed statements (with names that are JavaScript
 * internals: `constructor`, `toString`, `__proto__`, …) run through a Session. Whatever is typed, the answer is a
 * result or a Lousa error that says what went wrong: never a JavaScript exception, a stack trace or an internal
 * (`[native code]`, `[object Object]`, "Cannot read properties of undefined").
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../../src/lang/index.js';
import { Session } from '../../src/lang/session.js';
import { runLine } from '../../src/repl/repl.js';

const INTERNAL_NAMES = [
  'constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'prototype', 'isPrototypeOf',
  'toLocaleString', 'propertyIsEnumerable', '__defineGetter__', 'length', 'name', 'call', 'apply', 'bind',
];
const NAMES = ['x', 'y', 'a', 'f', 'g', 'A', 'pi', 'e', 'i', 'inf', ...INTERNAL_NAMES];
const FUNCTIONS = ['sin', 'exp', 'log', 'sqrt', 'abs', 'sigmoid', 'relu', 'softmax', 'f', 'g', 'sinn', ...INTERNAL_NAMES];
const COMMANDS = ['N', 'diff', 'simplify', 'expand', 'subs', 'latex', 'text', 'transpose', 'dot', 'clear', 'trace', 'det'];

/** Leaks of the implementation: these must never reach a person. */
const LEAKS = [
  /\[native code\]/, /\[object \w+\]/, /function \w*\(/, /Cannot read propert/, /is not a function/, /is not iterable/,
  /is not defined/, /of undefined/, /of null/, /^(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b/m,
  /\n\s+at .*:\d+:\d+/, /Maximum call stack/, /BigInt/,
];

/** Runs one line in a session; returns what it printed, failing on a leak. */
function check(session: Session, line: string): string {
  let shown: string;
  try {
    const r = runLine(session, line);
    shown = `${r.out ?? ''}${r.err ?? ''}`;
  } catch (err) {
    throw new Error(`runLine threw for ${JSON.stringify(line)}: ${String(err)}`);
  }
  for (const leak of LEAKS) {
    if (leak.test(shown)) throw new Error(`leak ${leak} for ${JSON.stringify(line)}: ${shown}`);
  }
  return shown;
}

const name = fc.constantFrom(...NAMES);
const small = fc.integer({ min: -3, max: 5 }).map(String);

/** Well-formed expressions over numbers, names, operators, calls, lists and commands. */
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    small,
    name,
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', ' '), tie('expr')).map(([a, o, b]) => `(${a})${o}(${b})`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), tie('expr')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom(...COMMANDS), tie('expr'), name).map(([c, a, v]) => (c === 'diff' || c === 'subs' ? `${c}(${a}, ${v}${c === 'subs' ? ', 2' : ''})` : `${c}(${a})`)),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.tuple(tie('expr'), fc.constantFrom('^T', '^-1', '!')).map(([a, s]) => `(${a})${s}`),
  ),
}));

const statement = fc.oneof(
  expr,
  fc.tuple(name, expr).map(([n, e]) => `${n} := ${e}`),
  fc.tuple(fc.constantFrom(...FUNCTIONS), name, expr).map(([f, v, e]) => `${f}(${v}) := ${e}`),
  fc.tuple(expr, fc.constantFrom('=', '<', '!=')).map(([e, r]) => `${e} ${r} 1`),
);

const TOKENS = [
  ...NAMES, ...FUNCTIONS, ...COMMANDS, '(', ')', '[', ']', ',', '+', '-', '*', '/', '^', '!', ':=', '=', '<', '1', '2.5',
  '0', ' ', '#', '\\', '_', '.', 'e10', '$', '"', "'",
];

describe('language fuzz', () => {
  it('random token strings: a result or a Lousa error, never an internal', () => {
    const session = new Session();
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }), (toks) => {
      check(session, toks.join(''));
    }), { numRuns: 4000 });
  });

  it('random characters: a result or a Lousa error', () => {
    const session = new Session();
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      check(session, s);
    }), { numRuns: 2000 });
  });

  it('random well-formed statements with JavaScript-internal names: no crash, no leak', () => {
    const session = new Session();
    fc.assert(fc.property(statement, (s) => {
      check(session, s);
    }), { numRuns: 4000 });
  });

  it('the JavaScript-internal names are ordinary names', () => {
    const session = new Session();
    for (const n of INTERNAL_NAMES.filter((m) => /^[A-Za-z]/.test(m))) {
      expect(check(session, n)).toBe(n);
      expect(check(session, `${n} := 2`)).toBe(`${n} := 2`);
      expect(check(session, `${n} + 1`)).toBe('3');
      expect(check(session, `clear(${n})`)).not.toMatch(/error/);
    }
    expect(check(session, 'constructor(x) := x^2')).toBe('constructor(x) := x^2');
    expect(check(session, 'constructor(3)')).toBe('9');
  });
});
