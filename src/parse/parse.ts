/**
 * Text to expression: the moo lexer and nearley grammar in grammar/lousa.ne (compiled to
 * grammar.generated.js), a bracket check that gives the messages people need most, and the build step that
 * turns the syntax tree into interned expressions.
 */
import nearley from 'nearley';
import compiled from './grammar.generated.js';
import { ParseError, positionAt } from './errors.js';
import { build, type Syntax } from './build.js';
import { LIMITS } from '../ast/limits.js';
import type { Expr } from '../ast/expr.js';

export { ParseError };

/**
 * The parser is fed the tokens `tokenize` already made (lexing once, not twice): this lexer replays them. Parsing
 * is synchronous, so one replay buffer serves every call.
 */
let replay: Token[] = [];
let cursor = 0;
const replayLexer = {
  reset(): void {
    cursor = 0;
  },
  next(): Token | undefined {
    return replay[cursor++];
  },
  save(): Record<string, never> {
    return {};
  },
  formatError(token: Token, message: string): string {
    return `${message} at offset ${token.offset}`;
  },
  has(name: string): boolean {
    return (compiled as unknown as { Lexer: nearley.Lexer & { has(n: string): boolean } }).Lexer.has(name);
  },
};
const grammar = nearley.Grammar.fromCompiled({
  ...(compiled as unknown as nearley.CompiledRules),
  Lexer: replayLexer as unknown as nearley.Lexer,
});

function feed(parser: nearley.Parser, tokens: Token[]): void {
  replay = tokens;
  parser.feed('');
}

interface Token {
  type?: string;
  value: string;
  text: string;
  offset: number;
  line: number;
  col: number;
}

// Lookup tables without a prototype: a name such as 'constructor' or 'valueOf' is not a key of them.
const OPEN: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { '(': ')', '[': ']' });
const CLOSE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { ')': '(', ']': '[' });

const TOKEN_WORDS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  number: 'a number', ident: 'a name', funcname: 'a function name', assign: "':='",
  le: "'<='", ge: "'>='", ne: "'!='", lt: "'<'", gt: "'>'", eq: "'='", plus: "'+'", minus: "'-'",
  times: "'*'", divide: "'/'", caret: "'^'", bang: "'!'", lparen: "'('", rparen: "')'", lbrack: "'['",
  rbrack: "']'", comma: "','",
});

function describe(t: Token): string {
  if (t.type === 'number') return `number ${t.text}`;
  if (t.type === 'ident' || t.type === 'funcname') return `name '${t.text}'`;
  return `'${t.text}'`;
}

/** Tokens of the whole input; lexical errors and unbalanced brackets become ParseErrors here. */
function tokenize(source: string): Token[] {
  const lexer = (compiled as unknown as { Lexer: nearley.Lexer }).Lexer;
  lexer.reset(source);
  const tokens: Token[] = [];
  const stack: Token[] = [];
  for (let t = lexer.next() as Token | undefined; t !== undefined; t = lexer.next() as Token | undefined) {
    if (t.type === 'error') {
      const ch = String.fromCodePoint(t.text.codePointAt(0)!);
      throw new ParseError(`unexpected character '${ch}'`, source, t.offset);
    }
    if (OPEN[t.text] !== undefined) {
      stack.push(t);
      if (stack.length > LIMITS.maxDepth) {
        throw new ParseError(`brackets are nested more than ${LIMITS.maxDepth.toLocaleString('en')} deep`, source, t.offset);
      }
    }
    else if (CLOSE[t.text] !== undefined) {
      const open = stack.pop();
      if (open === undefined) throw new ParseError(`unexpected '${t.text}' with no '${CLOSE[t.text]}' to close`, source, t.offset);
      if (OPEN[open.text] !== t.text) {
        const at = positionAt(source, open.offset);
        throw new ParseError(`expected '${OPEN[open.text]}' to close '${open.text}' from ${at.line}:${at.column}, found '${t.text}'`, source, t.offset, [`'${OPEN[open.text]}'`]);
      }
    }
    tokens.push(t);
  }
  const open = stack.pop();
  if (open !== undefined) throw new ParseError(`expected '${OPEN[open.text]}' to close '${open.text}'`, source, open.offset, [`'${OPEN[open.text]}'`]);
  return tokens;
}

/** Token types summed up as 'an expression' or 'an operator' when listing what was expected. */
const OPERAND_OR_OPERATOR = new Set([
  'number', 'ident', 'funcname', 'lparen', 'lbrack', 'plus', 'minus', 'times', 'divide', 'caret', 'bang',
  'eq', 'lt', 'gt', 'le', 'ge', 'ne', 'assign',
]);

interface EarleyState { rule: { symbols: unknown[] }; dot: number }

/** What terminals the parser could have taken next, in words. */
function expectedAt(parser: nearley.Parser, column: number): string[] {
  const table = (parser as unknown as { table: { states: EarleyState[] }[] }).table;
  const states = table[column]?.states ?? [];
  const types = new Set<string>();
  for (const s of states) {
    const sym = s.rule.symbols[s.dot];
    if (sym !== null && typeof sym === 'object' && 'type' in sym) types.add(String((sym as { type: string }).type));
  }
  const words: string[] = [];
  if (types.has('number')) words.push('an expression');
  if (types.has('times')) words.push('an operator');
  for (const t of types) if (!OPERAND_OR_OPERATOR.has(t)) words.push(TOKEN_WORDS[t] ?? t);
  return words;
}

function sayExpected(words: readonly string[]): string {
  if (words.length === 0) return 'nothing more';
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Raw nearley results for `source` (exposed so tests can check the grammar is unambiguous). */
export function parseResults(source: string): Syntax[] {
  const tokens = tokenize(source);
  const parser = new nearley.Parser(grammar);
  feed(parser, tokens);
  return parser.results as Syntax[];
}

function runParser(source: string): Syntax {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ParseError('expected an expression', source, source.length, ['an expression']);
  const parser = new nearley.Parser(grammar);
  try {
    feed(parser, tokens);
  } catch (err) {
    const e = err as { token?: Token; lousaDepth?: boolean; offset?: number; message?: string };
    if (e.lousaDepth === true) throw new ParseError(String(e.message), source, e.offset ?? 0);
    if (e.token !== undefined) {
      const expected = expectedAt(parser, (parser as unknown as { current: number }).current);
      throw new ParseError(`unexpected ${describe(e.token)}; expected ${sayExpected(expected)}`, source, e.token.offset, expected);
    }
    throw err;
  }
  const results = parser.results as Syntax[];
  if (results.length === 0) {
    const table = (parser as unknown as { table: unknown[] }).table;
    const expected = expectedAt(parser, table.length - 1);
    const last = tokens[tokens.length - 1]!;
    throw new ParseError(`expected ${sayExpected(expected)} after ${describe(last)}`, source, source.trimEnd().length, expected);
  }
  if (results.length > 1) throw new ParseError(`the input can be read ${results.length} ways`, source, 0);
  return results[0]!;
}

/** Parse one expression, equation or definition. Throws `ParseError` (only) for bad input. */
export function parse(source: string): Expr {
  if (typeof source !== 'string') throw new TypeError('parse expects a string');
  if (source.length > LIMITS.maxInputLength) {
    throw new ParseError(`the input is ${source.length.toLocaleString('en')} characters long; the limit is ${LIMITS.maxInputLength.toLocaleString('en')}`, source, LIMITS.maxInputLength);
  }
  const syntax = runParser(source);
  return build(syntax, source);
}
