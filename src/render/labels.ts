/**
 * Labels of rewrite rules, keyed by rule id, in English and Portuguese. Other areas add theirs with
 * `registerLabels`; an id with no label is shown as the id itself.
 */
export type Lang = 'en' | 'pt';
export type Label = Readonly<Record<Lang, string>>;

const LABELS = new Map<string, Label>();

export function registerLabels(table: Readonly<Record<string, Label>>): void {
  for (const [id, l] of Object.entries(table)) LABELS.set(id, l);
}

registerLabels({
  'd/const': { en: 'derivative of a constant', pt: 'derivada de uma constante' },
  'd/var': { en: 'derivative of the variable', pt: 'derivada da variável' },
  'd/list': { en: 'differentiate each entry', pt: 'derivar cada entrada' },
  'd/sum': { en: 'sum rule', pt: 'regra da soma' },
  'd/const-multiple': { en: 'constant multiple rule', pt: 'regra do múltiplo constante' },
  'd/quotient': { en: 'quotient rule', pt: 'regra do quociente' },
  'd/product': { en: 'product rule', pt: 'regra do produto' },
  'd/zero-power': { en: '0^u is 0 where it is differentiable', pt: '0^u vale 0 onde é derivável' },
  'd/power': { en: 'power rule', pt: 'regra da potência' },
  'd/exponential': { en: 'derivative of an exponential', pt: 'derivada da exponencial' },
  'd/general-power': { en: 'general power rule', pt: 'regra da potência geral' },
  'd/chain': { en: 'chain rule', pt: 'regra da cadeia' },
  'd/sin': { en: 'derivative of sine', pt: 'derivada do seno' },
  'd/cos': { en: 'derivative of cosine', pt: 'derivada do cosseno' },
  'd/tan': { en: 'derivative of tangent', pt: 'derivada da tangente' },
  'd/cot': { en: 'derivative of cotangent', pt: 'derivada da cotangente' },
  'd/sec': { en: 'derivative of secant', pt: 'derivada da secante' },
  'd/csc': { en: 'derivative of cosecant', pt: 'derivada da cossecante' },
  'd/asin': { en: 'derivative of arcsine', pt: 'derivada do arco seno' },
  'd/acos': { en: 'derivative of arccosine', pt: 'derivada do arco cosseno' },
  'd/atan': { en: 'derivative of arctangent', pt: 'derivada do arco tangente' },
  'd/cbrt': { en: 'derivative of the real cube root', pt: 'derivada da raiz cúbica real' },
  'd/atan2': { en: 'derivative of atan2', pt: 'derivada de atan2' },
  'd/sinh': { en: 'derivative of hyperbolic sine', pt: 'derivada do seno hiperbólico' },
  'd/cosh': { en: 'derivative of hyperbolic cosine', pt: 'derivada do cosseno hiperbólico' },
  'd/tanh': { en: 'derivative of hyperbolic tangent', pt: 'derivada da tangente hiperbólica' },
  'd/asinh': { en: 'derivative of inverse hyperbolic sine', pt: 'derivada do argumento seno hiperbólico' },
  'd/acosh': { en: 'derivative of inverse hyperbolic cosine', pt: 'derivada do argumento cosseno hiperbólico' },
  'd/atanh': { en: 'derivative of inverse hyperbolic tangent', pt: 'derivada do argumento tangente hiperbólica' },
  'd/exp': { en: 'derivative of the exponential', pt: 'derivada da exponencial' },
  'd/log': { en: 'derivative of the logarithm', pt: 'derivada do logaritmo' },
  'd/abs': { en: 'derivative of the absolute value', pt: 'derivada do valor absoluto' },
  'd/sign': { en: 'derivative of sign (0 away from 0)', pt: 'derivada do sinal (0 fora de 0)' },
  'd/floor': { en: 'derivative of floor (0 between integers)', pt: 'derivada do piso (0 entre inteiros)' },
  'd/ceil': { en: 'derivative of ceiling (0 between integers)', pt: 'derivada do teto (0 entre inteiros)' },
  'd/min': { en: 'derivative of min', pt: 'derivada do mínimo' },
  'd/max': { en: 'derivative of max', pt: 'derivada do máximo' },
  'd/erf': { en: 'derivative of the error function', pt: 'derivada da função erro' },
  'd/gamma': { en: 'derivative of the gamma function', pt: 'derivada da função gama' },
  'd/factorial': { en: 'derivative of the factorial', pt: 'derivada do fatorial' },
  'd/erfc': { en: 'derivative of the complementary error function', pt: 'derivada da função erro complementar' },
  'd/erfcx': { en: 'derivative of the scaled complementary error function', pt: 'derivada da função erro complementar escalada' },
  'd/erfinv': { en: 'derivative of the inverse error function', pt: 'derivada da inversa da função erro' },
  'd/erfcinv': { en: 'derivative of the inverse complementary error function', pt: 'derivada da inversa da função erro complementar' },
  'd/lgamma': { en: 'derivative of log-gamma', pt: 'derivada do log-gama' },
  'd/digamma': { en: 'derivative of digamma', pt: 'derivada da digama' },
  'd/trigamma': { en: 'derivative of trigamma', pt: 'derivada da trigama' },
  'd/log1p': { en: 'derivative of log(1 + u)', pt: 'derivada de log(1 + u)' },
  'd/expm1': { en: 'derivative of e^u - 1', pt: 'derivada de e^u - 1' },
  'd/sigmoid': { en: 'derivative of the sigmoid', pt: 'derivada da sigmoide' },
  'd/relu': { en: 'derivative of relu (a step)', pt: 'derivada da relu (um degrau)' },
  'd/softplus': { en: 'derivative of softplus (the sigmoid)', pt: 'derivada da softplus (a sigmoide)' },
  'd/gelu': { en: 'derivative of GELU', pt: 'derivada da GELU' },
  'd/abstract': { en: 'chain rule for an unknown function', pt: 'regra da cadeia para uma função desconhecida' },
  'tidy': { en: 'collect terms', pt: 'agrupar termos' },
});

/** The identities of `simplify` (src/simplify/rules.ts). */
registerLabels({
  'simplify/exp-zero': { en: 'exp(0) = 1', pt: 'exp(0) = 1' },
  'simplify/log-one': { en: 'log(1) = 0', pt: 'log(1) = 0' },
  'simplify/exp-log': { en: 'exp undoes log', pt: 'exp desfaz log' },
  'simplify/exp-n-log': { en: 'exp(n log x) = x^n', pt: 'exp(n log x) = x^n' },
  'simplify/exp-log-sum': { en: 'exp(log x + a) = x exp(a)', pt: 'exp(log x + a) = x exp(a)' },
  'simplify/log-exp': { en: 'log undoes exp (real argument)', pt: 'log desfaz exp (argumento real)' },
  'simplify/log-e': { en: 'log(e) = 1', pt: 'log(e) = 1' },
  'simplify/exp-product': { en: 'product of exponentials', pt: 'produto de exponenciais' },
  'simplify/exp-power': { en: 'power of an exponential', pt: 'potência de uma exponencial' },
  'simplify/log-sum': { en: 'sum of logarithms', pt: 'soma de logaritmos' },
  'simplify/log-difference': { en: 'difference of logarithms', pt: 'diferença de logaritmos' },
  'simplify/log-product': { en: 'logarithm of a product', pt: 'logaritmo de um produto' },
  'simplify/log-power': { en: 'logarithm of a power', pt: 'logaritmo de uma potência' },
  'simplify/power-product': { en: 'product of powers of the same base', pt: 'produto de potências de mesma base' },
  'simplify/power-times-base': { en: 'power times its base', pt: 'potência vezes a sua base' },
  'simplify/power-power-nonneg': { en: 'power of a power (base ≥ 0)', pt: 'potência de potência (base ≥ 0)' },
  'simplify/power-power-even': { en: 'power of an even power', pt: 'potência de uma potência par' },
  'simplify/root-of-positive-product': { en: 'root of a product of positive constants, factor by factor', pt: 'raiz de um produto de constantes positivas, fator a fator' },
  'simplify/root-product': { en: 'product of roots of positive numbers as one root', pt: 'produto de raízes de números positivos como uma só raiz' },
  'simplify/abs-nonneg': { en: 'absolute value of a nonnegative quantity', pt: 'valor absoluto de uma quantidade não negativa' },
  'simplify/abs-negative': { en: 'absolute value of a negative quantity', pt: 'valor absoluto de uma quantidade negativa' },
  'simplify/abs-even-power': { en: 'even power of an absolute value', pt: 'potência par de um valor absoluto' },
  'simplify/abs-abs': { en: 'absolute value of an absolute value', pt: 'valor absoluto de um valor absoluto' },
  'simplify/pythagorean': { en: 'Pythagorean identity', pt: 'identidade pitagórica' },
  'simplify/pythagorean-multiple': { en: 'Pythagorean identity (common factor)', pt: 'identidade pitagórica (fator comum)' },
  'simplify/hyperbolic-pythagorean': { en: 'hyperbolic Pythagorean identity', pt: 'identidade pitagórica hiperbólica' },
  'simplify/tan-quotient': { en: 'sin/cos = tan', pt: 'sen/cos = tan' },
  'simplify/tanh-quotient': { en: 'sinh/cosh = tanh', pt: 'senh/cosh = tanh' },
  'simplify/double-angle-sin': { en: 'double-angle formula for sine', pt: 'fórmula do arco duplo do seno' },
  'simplify/double-angle-cos': { en: 'double-angle formula for cosine', pt: 'fórmula do arco duplo do cosseno' },
  'simplify/double-angle-sinh': { en: 'double-argument formula for sinh', pt: 'fórmula do argumento duplo do senh' },
  'simplify/tan-sincos': { en: 'tangent through sine and cosine', pt: 'tangente por seno e cosseno' },
  'simplify/cot-sincos': { en: 'cotangent through sine and cosine', pt: 'cotangente por seno e cosseno' },
  'simplify/sec-cos': { en: 'secant through cosine', pt: 'secante pelo cosseno' },
  'simplify/csc-sin': { en: 'cosecant through sine', pt: 'cossecante pelo seno' },
  'simplify/tanh-sinhcosh': { en: 'tanh through sinh and cosh', pt: 'tanh por senh e cosh' },
  'simplify/sin-power-reduction': { en: 'power reduction for sine', pt: 'redução de potência do seno' },
  'simplify/cos-power-reduction': { en: 'power reduction for cosine', pt: 'redução de potência do cosseno' },
  'simplify/sin-cos-product': { en: 'sin x cos x = sin(2x)/2', pt: 'sen x cos x = sen(2x)/2' },
  'simplify/sin-value': { en: 'exact value of sine', pt: 'valor exato do seno' },
  'simplify/cos-value': { en: 'exact value of cosine', pt: 'valor exato do cosseno' },
  'simplify/tan-value': { en: 'exact value of tangent', pt: 'valor exato da tangente' },
  'simplify/sin-shift': { en: 'sine of an angle shifted by a multiple of π/2', pt: 'seno de um arco deslocado por múltiplo de π/2' },
  'simplify/cos-shift': { en: 'cosine of an angle shifted by a multiple of π/2', pt: 'cosseno de um arco deslocado por múltiplo de π/2' },
  'simplify/tan-shift': { en: 'tangent of an angle shifted by a multiple of π/2', pt: 'tangente de um arco deslocado por múltiplo de π/2' },
  'simplify/abs-multiple': { en: '|c·x| = |c|·|x|', pt: '|c·x| = |c|·|x|' },
});

/** f(−x) = −f(x) and f(−x) = f(x) for the odd and even functions `simplify` knows. */
const FN_NAMES: Readonly<Record<string, Label>> = {
  sin: { en: 'sine', pt: 'seno' },
  tan: { en: 'tangent', pt: 'tangente' },
  sinh: { en: 'hyperbolic sine', pt: 'seno hiperbólico' },
  tanh: { en: 'hyperbolic tangent', pt: 'tangente hiperbólica' },
  asin: { en: 'arcsine', pt: 'arco seno' },
  atan: { en: 'arctangent', pt: 'arco tangente' },
  asinh: { en: 'inverse hyperbolic sine', pt: 'argumento seno hiperbólico' },
  atanh: { en: 'inverse hyperbolic tangent', pt: 'argumento tangente hiperbólica' },
  erf: { en: 'error function', pt: 'função erro' },
  cos: { en: 'cosine', pt: 'cosseno' },
  cosh: { en: 'hyperbolic cosine', pt: 'cosseno hiperbólico' },
};
for (const [f, n] of Object.entries(FN_NAMES)) {
  const odd = f !== 'cos' && f !== 'cosh';
  registerLabels({
    [`simplify/${f}-${odd ? 'odd' : 'even'}`]: odd
      ? { en: `${n.en} is odd`, pt: `${n.pt} é ímpar` }
      : { en: `${n.en} is even`, pt: `${n.pt} é par` },
  });
}

/**
 * The strategies `simplify` picks a cheaper form by (src/simplify/simplify.ts): a strategy name, optionally
 * followed by `/pythagorean` and by the shape of the rational form (`/expanded`, `/factored`, `/together`).
 */
registerLabels({
  'simplify/identities': { en: 'apply identities', pt: 'aplicar identidades' },
  'simplify/expand': { en: 'expand', pt: 'expandir' },
  'simplify/radicals': { en: 'radicals in canonical form', pt: 'radicais na forma canônica' },
  'simplify/zero-exact': { en: 'recognised as zero exactly', pt: 'reconhecido como zero exatamente' },
  'simplify/zero-numeric': {
    en: 'recognised as zero: zero at every sample point in high precision',
    pt: 'reconhecido como zero: nulo em todos os pontos de amostra, em alta precisão',
  },
});
const STRATEGIES: Readonly<Record<string, Label>> = {
  rational: { en: 'rational normal form', pt: 'forma racional normal' },
  'multiple-angle': { en: 'expand multiple angles', pt: 'expandir arcos múltiplos' },
  linearize: { en: 'linearise trigonometric powers', pt: 'linearizar potências trigonométricas' },
  'sin-cos': { en: 'write through sine and cosine', pt: 'escrever por seno e cosseno' },
  'log-expand': { en: 'split logarithms', pt: 'separar logaritmos' },
  'gamma-ratios': { en: 'factorials through the smallest one, Γ(x + 1) = x·Γ(x)', pt: 'fatoriais pelo menor deles, Γ(x + 1) = x·Γ(x)' },
};
const VARIANTS: readonly [string, Label][] = [
  ['', { en: '', pt: '' }],
  ['/pythagorean', { en: ', with sin² + cos² = 1', pt: ', com sen² + cos² = 1' }],
];
const SHAPES: readonly [string, Label][] = [
  ['', { en: '', pt: '' }],
  ['/expanded', { en: ', expanded', pt: ', expandida' }],
  ['/factored', { en: ', factored', pt: ', fatorada' }],
  ['/together', { en: ', over a common denominator', pt: ', sobre um denominador comum' }],
];
for (const [s, sl] of Object.entries(STRATEGIES)) {
  for (const [v, vl] of VARIANTS) {
    for (const [k, kl] of SHAPES) {
      registerLabels({ [`simplify/${s}${v}${k}`]: { en: sl.en + vl.en + kl.en, pt: sl.pt + vl.pt + kl.pt } });
    }
  }
}

/** The label of a rule id in a language (the id itself when none is registered). */
export function label(id: string, lang: Lang): string {
  return LABELS.get(id)?.[lang] ?? id;
}

export function hasLabel(id: string): boolean {
  return LABELS.has(id);
}

/** Words the derivation printers use besides rule labels. */
export const WORDS: Readonly<Record<string, Label>> = {
  stopped: { en: 'stopped', pt: 'interrompido' },
  'step-limit': { en: 'step limit reached', pt: 'limite de passos atingido' },
  'time-limit': { en: 'time limit reached', pt: 'limite de tempo atingido' },
  'size-limit': { en: 'size limit reached', pt: 'limite de tamanho atingido' },
  fixpoint: { en: 'done', pt: 'concluído' },
  with: { en: 'with', pt: 'com' },
};
