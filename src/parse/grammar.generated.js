// Generated automatically by nearley, version 2.20.1
// http://github.com/Hardmath123/nearley
function id(x) { return x[0]; }

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
let Lexer = lexer;
let ParserRules = [
    {"name": "main", "symbols": ["rel"], "postprocess": ([a]) => a},
    {"name": "main", "symbols": ["rel", (lexer.has("assign") ? {type: "assign"} : assign), "rel"], "postprocess": ([a, o, b]) => node('define', o.offset, [a, b])},
    {"name": "rel", "symbols": ["sum"], "postprocess": ([a]) => a},
    {"name": "rel", "symbols": ["sum", "relop", "sum"], "postprocess": ([a, o, b]) => node('rel', o.offset, [a, b], { op: o.value })},
    {"name": "relop", "symbols": [(lexer.has("eq") ? {type: "eq"} : eq)], "postprocess": id},
    {"name": "relop", "symbols": [(lexer.has("lt") ? {type: "lt"} : lt)], "postprocess": id},
    {"name": "relop", "symbols": [(lexer.has("gt") ? {type: "gt"} : gt)], "postprocess": id},
    {"name": "relop", "symbols": [(lexer.has("le") ? {type: "le"} : le)], "postprocess": id},
    {"name": "relop", "symbols": [(lexer.has("ge") ? {type: "ge"} : ge)], "postprocess": id},
    {"name": "relop", "symbols": [(lexer.has("ne") ? {type: "ne"} : ne)], "postprocess": id},
    {"name": "sum", "symbols": ["sum", (lexer.has("plus") ? {type: "plus"} : plus), "term"], "postprocess": bin('+')},
    {"name": "sum", "symbols": ["sum", (lexer.has("minus") ? {type: "minus"} : minus), "term"], "postprocess": bin('-')},
    {"name": "sum", "symbols": ["term"], "postprocess": ([a]) => a},
    {"name": "term", "symbols": ["term", (lexer.has("times") ? {type: "times"} : times), "signed"], "postprocess": bin('*')},
    {"name": "term", "symbols": ["term", (lexer.has("divide") ? {type: "divide"} : divide), "signed"], "postprocess": bin('/')},
    {"name": "term", "symbols": ["term", "ipower"], "postprocess": ([a, b]) => node('bin', b.at, [a, b], { op: '*' })},
    {"name": "term", "symbols": ["signed"], "postprocess": ([a]) => a},
    {"name": "signed", "symbols": [(lexer.has("minus") ? {type: "minus"} : minus), "signed"], "postprocess": un('-')},
    {"name": "signed", "symbols": [(lexer.has("plus") ? {type: "plus"} : plus), "signed"], "postprocess": un('+')},
    {"name": "signed", "symbols": ["power"], "postprocess": ([a]) => a},
    {"name": "power", "symbols": ["postfix", (lexer.has("caret") ? {type: "caret"} : caret), "expo"], "postprocess": bin('^')},
    {"name": "power", "symbols": ["postfix"], "postprocess": ([a]) => a},
    {"name": "expo", "symbols": [(lexer.has("minus") ? {type: "minus"} : minus), "expo"], "postprocess": un('-')},
    {"name": "expo", "symbols": [(lexer.has("plus") ? {type: "plus"} : plus), "expo"], "postprocess": un('+')},
    {"name": "expo", "symbols": ["power"], "postprocess": ([a]) => a},
    {"name": "postfix", "symbols": ["postfix", (lexer.has("bang") ? {type: "bang"} : bang)], "postprocess": ([a, o]) => node('fact', o.offset, [a])},
    {"name": "postfix", "symbols": ["primary"], "postprocess": ([a]) => a},
    {"name": "primary", "symbols": [(lexer.has("number") ? {type: "number"} : number)], "postprocess": ([n]) => node('num', n.offset, [], { text: n.value })},
    {"name": "primary", "symbols": [(lexer.has("string") ? {type: "string"} : string)], "postprocess": ([s]) => node('str', s.offset, [], { text: s.value })},
    {"name": "primary", "symbols": ["iprimary"], "postprocess": ([a]) => a},
    {"name": "ipower", "symbols": ["ipostfix", (lexer.has("caret") ? {type: "caret"} : caret), "expo"], "postprocess": bin('^')},
    {"name": "ipower", "symbols": ["ipostfix"], "postprocess": ([a]) => a},
    {"name": "ipostfix", "symbols": ["ipostfix", (lexer.has("bang") ? {type: "bang"} : bang)], "postprocess": ([a, o]) => node('fact', o.offset, [a])},
    {"name": "ipostfix", "symbols": ["iprimary"], "postprocess": ([a]) => a},
    {"name": "iprimary", "symbols": [(lexer.has("ident") ? {type: "ident"} : ident)], "postprocess": ([n]) => node('id', n.offset, [], { name: n.value })},
    {"name": "iprimary", "symbols": [(lexer.has("funcname") ? {type: "funcname"} : funcname), (lexer.has("lparen") ? {type: "lparen"} : lparen), (lexer.has("rparen") ? {type: "rparen"} : rparen)], "postprocess": ([f]) => node('call', f.offset, [], { name: f.value })},
    {"name": "iprimary", "symbols": [(lexer.has("funcname") ? {type: "funcname"} : funcname), (lexer.has("lparen") ? {type: "lparen"} : lparen), "args", (lexer.has("rparen") ? {type: "rparen"} : rparen)], "postprocess": ([f, , a]) => node('call', f.offset, items(a), { name: f.value })},
    {"name": "iprimary", "symbols": [(lexer.has("lparen") ? {type: "lparen"} : lparen), "rel", (lexer.has("rparen") ? {type: "rparen"} : rparen)], "postprocess": ([, a]) => a},
    {"name": "iprimary", "symbols": [(lexer.has("lbrack") ? {type: "lbrack"} : lbrack), (lexer.has("rbrack") ? {type: "rbrack"} : rbrack)], "postprocess": ([b]) => node('list', b.offset, [])},
    {"name": "iprimary", "symbols": [(lexer.has("lbrack") ? {type: "lbrack"} : lbrack), "args", (lexer.has("rbrack") ? {type: "rbrack"} : rbrack)], "postprocess": ([b, a]) => node('list', b.offset, items(a))},
    {"name": "args", "symbols": ["rel"], "postprocess": ([a]) => ({ item: a, prev: null })},
    {"name": "args", "symbols": ["args", (lexer.has("comma") ? {type: "comma"} : comma), "rel"], "postprocess": ([p, , a]) => ({ item: a, prev: p })}
];
let ParserStart = "main";
export default { Lexer, ParserRules, ParserStart };
