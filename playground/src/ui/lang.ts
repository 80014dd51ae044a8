/** The page's language for derivations and its own words (English or Portuguese), remembered in localStorage. */
export type Lang = 'en' | 'pt';

const KEY = 'lousa.lang';
const listeners: ((l: Lang) => void)[] = [];

function stored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'pt' ? 'pt' : 'en';
  } catch {
    return 'en';
  }
}

let current: Lang = stored();

export const getLang = (): Lang => current;

export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // Storage may be unavailable (private windows); the choice then lasts for this page only.
  }
  document.documentElement.lang = l === 'pt' ? 'pt-BR' : 'en';
  for (const f of listeners) f(l);
}

export function onLang(f: (l: Lang) => void): void {
  listeners.push(f);
}

const WORDS = {
  next: { en: 'Next step', pt: 'Próximo passo' },
  all: { en: 'All steps', pt: 'Todos os passos' },
  step: { en: 'Step', pt: 'Passo' },
  of: { en: 'of', pt: 'de' },
  result: { en: 'Result', pt: 'Resultado' },
  exact: { en: 'exact', pt: 'exato' },
  simplified: { en: 'simplified', pt: 'simplificado' },
  numeric: { en: 'numeric', pt: 'numérico' },
  copyTex: { en: 'Copy LaTeX', pt: 'Copiar LaTeX' },
  copyText: { en: 'Copy text', pt: 'Copiar texto' },
  copied: { en: 'copied', pt: 'copiado' },
} as const;

export type Word = keyof typeof WORDS;

export const word = (w: Word): string => WORDS[w][current];
