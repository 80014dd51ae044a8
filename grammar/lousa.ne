# The Lousa expression language. One parse per input: precedence is encoded by the rule levels below,
# from loosest to tightest, and matches PREC in src/ast/ops.ts (define < rel < add < mul < neg < pow < postfix).
# Postprocessors build a small syntax tree with source offsets; src/parse/build.ts turns it into an Expr.
#
#   main    := rel (':=' rel)?
#   rel     := sum (relop sum)?              non-associative: a = b = c is an error
#   sum     := sum ('+' | '-') term | term
#   term    := term ('*' | '/') signed | term implicit | signed
#   signed  := ('-' | '+') signed | power    so -x^2 is -(x^2)
#   power   := postfix '^' expo | postfix     right-associative
#   expo    := ('-' | '+') expo | power      so 2^-1 and 2^-x^2 work
#   postfix := postfix '!' | primary
#   implicit multiplication: a factor that starts with a name, '(' or '[' (never a number or a sign),
#   so 2x, 3 sin(x), 2(x+1) and (a+b)(a-b) are products while "2 3" is an error.

@preprocessor esmodule

@{%
import moo from 'moo';

const base = moo.compile({
  ws: { match: /[ \t\r\n\u00a0]+/, lineBreaks: true },
  string: /"[^"\n]*"/,
  number: /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/,
  funcname: /[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*'*(?=\()/,
  ident: /[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*/,
  assign: ':=',
  le: '<=', ge: '>=', ne: '!=',
  lt: '<', gt: '>', eq: '=',
  plus: '+', minus: '-', times: '*', divide: '/', caret: '^', bang: '!',
  lparen: '(', rparen: ')', lbrack: '[', rbrack: ']', comma: ',',
  error: moo.error,
});

// The grammar never sees white space: this wrapper drops it from the token stream.
const lexer = {
  reset(chunk, info) { base.reset(chunk, info); },
  next() {
    let t = base.next();
    while (t !== undefined && t.type === 'ws') t = base.next();
    return t;
  },
  save() { return base.save(); },
  formatError(token, message) { return base.formatError(token, message); },
  has(name) { return base.has(name); },
};

const MAX_DEPTH = 1000;
// Depth counts nesting, not length: a chain a + b + c (or a b c) flattens to one node, so the left operand
// of + - * / that is itself such an operator adds no depth.
const FAMILY = new Map([['+', 'add'], ['-', 'add'], ['*', 'mul'], ['/', 'mul']]);
function node(t, at, kids, extra) {
  let d = 0;
  const family = t === 'bin' ? FAMILY.get(extra.op) : undefined;
  kids.forEach((k, i) => {
    const kd = i === 0 && family !== undefined && k.t === 'bin' && FAMILY.get(k.op) === family ? k.d - 1 : k.d;
    if (kd > d) d = kd;
  });
  if (d + 1 > MAX_DEPTH) {
    const err = new Error(`the expression is nested more than ${MAX_DEPTH} levels deep`);
    err.lousaDepth = true;
    err.offset = at;
    throw err;
  }
  return { t, at, kids, d: d + 1, ...extra };
}
function items(chain) {
  const out = [];
  for (let c = chain; c !== null; c = c.prev) out.push(c.item);
  return out.reverse();
}
const bin = (op) => ([a, o, b]) => node('bin', o.offset, [a, b], { op });
const un = (op) => ([o, a]) => node('un', o.offset, [a], { op });
%}

@lexer lexer

main    -> rel                      {% ([a]) => a %}
         | rel %assign rel          {% ([a, o, b]) => node('define', o.offset, [a, b]) %}

rel     -> sum                      {% ([a]) => a %}
         | sum relop sum            {% ([a, o, b]) => node('rel', o.offset, [a, b], { op: o.value }) %}
relop   -> %eq {% id %} | %lt {% id %} | %gt {% id %} | %le {% id %} | %ge {% id %} | %ne {% id %}

sum     -> sum %plus term           {% bin('+') %}
         | sum %minus term          {% bin('-') %}
         | term                     {% ([a]) => a %}

term    -> term %times signed       {% bin('*') %}
         | term %divide signed      {% bin('/') %}
         | term ipower              {% ([a, b]) => node('bin', b.at, [a, b], { op: '*' }) %}
         | signed                   {% ([a]) => a %}

signed  -> %minus signed            {% un('-') %}
         | %plus signed             {% un('+') %}
         | power                    {% ([a]) => a %}

power   -> postfix %caret expo      {% bin('^') %}
         | postfix                  {% ([a]) => a %}

expo    -> %minus expo              {% un('-') %}
         | %plus expo               {% un('+') %}
         | power                    {% ([a]) => a %}

postfix -> postfix %bang            {% ([a, o]) => node('fact', o.offset, [a]) %}
         | primary                  {% ([a]) => a %}

primary -> %number                  {% ([n]) => node('num', n.offset, [], { text: n.value }) %}
         | %string                  {% ([s]) => node('str', s.offset, [], { text: s.value }) %}
         | iprimary                 {% ([a]) => a %}

# A factor of an implicit product: like power, but it may not start with a number.
ipower  -> ipostfix %caret expo     {% bin('^') %}
         | ipostfix                 {% ([a]) => a %}
ipostfix -> ipostfix %bang          {% ([a, o]) => node('fact', o.offset, [a]) %}
         | iprimary                 {% ([a]) => a %}

iprimary -> %ident                  {% ([n]) => node('id', n.offset, [], { name: n.value }) %}
         | %funcname %lparen %rparen        {% ([f]) => node('call', f.offset, [], { name: f.value }) %}
         | %funcname %lparen args %rparen   {% ([f, , a]) => node('call', f.offset, items(a), { name: f.value }) %}
         | %lparen rel %rparen              {% ([, a]) => a %}
         | %lbrack %rbrack                  {% ([b]) => node('list', b.offset, []) %}
         | %lbrack args %rbrack             {% ([b, a]) => node('list', b.offset, items(a)) %}

# Arguments are collected as a chain of cells and turned into an array once the bracket closes: Earley
# parsing shares partial results between alternatives, so they must never be mutated.
args    -> rel                      {% ([a]) => ({ item: a, prev: null }) %}
         | args %comma rel          {% ([p, , a]) => ({ item: a, prev: p }) %}
