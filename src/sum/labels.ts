/** English and Portuguese labels of the rules of sums and products. */
import { registerLabels } from '../render/labels.js';

registerLabels({
  'sum/empty': { en: 'an empty sum is 0', pt: 'uma soma vazia vale 0' },
  'sum/write-out': { en: 'add the terms one by one', pt: 'somar os termos um a um' },
  'sum/constant': { en: 'a constant summand times the number of terms', pt: 'parcela constante vezes o número de termos' },
  'sum/faulhaber': { en: "Faulhaber's formula for sums of powers", pt: 'fórmula de Faulhaber para somas de potências' },
  'sum/geometric': { en: 'geometric sum', pt: 'soma geométrica' },
  'sum/arithmetico-geometric': { en: 'arithmetico-geometric sum (antidifference Q(k) r^k)', pt: 'soma aritmético-geométrica (antidiferença Q(k) r^k)' },
  'sum/geometric-series': { en: 'geometric series, |r| < 1', pt: 'série geométrica, |r| < 1' },
  'sum/arithmetico-geometric-series': { en: 'arithmetico-geometric series, |r| < 1', pt: 'série aritmético-geométrica, |r| < 1' },
  'sum/exponential-series': { en: 'exponential series Σ x^k/k! = e^x (Touchard polynomials)', pt: 'série exponencial Σ x^k/k! = e^x (polinômios de Touchard)' },
  'sum/binomial': { en: 'binomial theorem and its derivatives', pt: 'teorema binomial e suas derivadas' },
  'sum/telescoping': { en: 'partial fractions that telescope', pt: 'frações parciais telescópicas' },
  'sum/telescoping-series': { en: 'telescoping partial fractions and ζ(2n)', pt: 'frações parciais telescópicas e ζ(2n)' },
  'sum/gosper': { en: "Gosper's algorithm (a hypergeometric antidifference)", pt: 'algoritmo de Gosper (antidiferença hipergeométrica)' },
  'sum/gosper-series': { en: "Gosper's antidifference and its limit", pt: 'antidiferença de Gosper e seu limite' },
  'sum/linearity': { en: 'sum term by term', pt: 'somar termo a termo' },
  'prod/empty': { en: 'an empty product is 1', pt: 'um produto vazio vale 1' },
  'prod/write-out': { en: 'multiply the factors one by one', pt: 'multiplicar os fatores um a um' },
  'prod/constant': { en: 'a constant factor to the number of factors', pt: 'fator constante elevado ao número de fatores' },
  'prod/factors': { en: 'product factor by factor', pt: 'produto fator a fator' },
  'prod/power': { en: 'product of powers is the power of the product', pt: 'produto de potências é a potência do produto' },
  'prod/exponent-sum': { en: 'product of powers of one base: add the exponents', pt: 'produto de potências de mesma base: somar os expoentes' },
  'prod/factorial': { en: 'product of consecutive integers as factorials', pt: 'produto de inteiros consecutivos como fatoriais' },
  'prod/pochhammer': { en: 'Pochhammer symbol as a ratio of gamma functions', pt: 'símbolo de Pochhammer como razão de funções gama' },
});
