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
  'tidy': { en: 'collect terms', pt: 'agrupar termos' },
});

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
