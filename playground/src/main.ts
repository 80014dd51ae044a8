/**
 * The playground page: an input with a live preview of how it parsed, output cards for each line run by the
 * worker (results, derivations step by step, plots, training), "check my answer", and the session's lines kept
 * in the URL so that a link reproduces the page.
 */
import 'katex/dist/katex.min.css';
import './style.css';
import type { Result } from './protocol.js';
import { Cancelled, LousaClient, LousaError } from './ui/client.js';
import { byId, h } from './ui/dom.js';
import { newCard, showError, showSimple } from './ui/cards.js';
import { EXAMPLES } from './ui/examples.js';
import { History } from './ui/history.js';
import { getLang, setLang } from './ui/lang.js';
import { showPlot } from './ui/plot-view.js';
import { updatePreview } from './ui/preview.js';
import { renderView, type RenderView } from './ui/render-view.js';
import { stateFromHash, writeHash } from './ui/share.js';
import { showSteps } from './ui/steps-view.js';
import { trainView, type TrainView } from './ui/train-view.js';
import { wireCheck } from './ui/check-view.js';

const client = new LousaClient();
const history = new History();
/** The lines that ran without error, in order (the session), and its plots' slider values: what the URL carries. */
const session: string[] = [];
const params = new Map<number, Readonly<Record<string, number>>>();
const saveState = (): void => writeHash({ lines: session, params });

const input = byId<HTMLInputElement>('input');
const parts = { preview: byId('preview'), message: byId('parse-error'), mirror: byId('mirror') };
const output = byId('output');
const runButton = byId<HTMLButtonElement>('run');
const cancelButton = byId<HTMLButtonElement>('cancel');
const busy = byId('busy');

client.onBusy = (b) => {
  cancelButton.disabled = !b;
  busy.hidden = !b;
  document.body.classList.toggle('busy', b);
};

function show(body: HTMLElement, r: Result, index: number, initial?: Readonly<Record<string, number>>): void {
  if (showSimple(body, r)) return;
  if (r.kind === 'steps') showSteps(body, r);
  else if (r.kind === 'plot') {
    showPlot(body, r, client, {
      ...(initial !== undefined ? { initial } : {}),
      onParams: (values) => {
        params.set(index, values);
        saveState();
      },
    });
  }
}

async function runLine(line: string, initial?: Readonly<Record<string, number>>): Promise<void> {
  const { card, body } = newCard(line);
  output.append(card);
  card.scrollIntoView({ block: 'nearest' });
  let train: TrainView | undefined;
  let render: RenderView | undefined;
  try {
    const r = await client.run(line, {
      onProgress: (p) => { (train ??= trainView(body)).update(p); },
      onTile: (t) => { (render ??= renderView(body)).paint(t); },
    });
    const index = session.length;
    session.push(line);
    if (initial !== undefined) params.set(index, initial);
    if (r.kind === 'train') (train ??= trainView(body)).finish(r.summary);
    else show(body, r, index, initial);
    card.classList.add('ok');
    saveState();
  } catch (err) {
    card.classList.add('failed');
    showError(body, err instanceof Cancelled ? 'cancelled' : err instanceof LousaError ? err.message : 'Lousa could not run this line');
  } finally {
    card.setAttribute('aria-busy', 'false');
  }
}

function submit(): void {
  const line = input.value;
  if (line.trim() === '') return;
  history.push(line);
  input.value = '';
  updatePreview('', parts);
  void runLine(line);
}

input.addEventListener('input', () => updatePreview(input.value, parts));
input.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') {
    ev.preventDefault();
    submit();
  } else if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
    const l = history.move(ev.key === 'ArrowUp' ? -1 : 1, input.value);
    if (l !== undefined) {
      ev.preventDefault();
      input.value = l;
      updatePreview(l, parts);
    }
  }
});
input.addEventListener('scroll', () => { parts.mirror.scrollLeft = input.scrollLeft; });
runButton.addEventListener('click', submit);
cancelButton.addEventListener('click', () => client.cancel());
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && client.busy) client.cancel();
});

const examples = byId<HTMLSelectElement>('examples');
for (const e of EXAMPLES) examples.append(h('option', { value: e.line }, `${e.label}: ${e.line}`));
examples.addEventListener('change', () => {
  if (examples.value === '') return;
  input.value = examples.value;
  updatePreview(input.value, parts);
  examples.value = '';
  input.focus();
});

const langButton = byId<HTMLButtonElement>('lang');
const showLang = (): void => {
  langButton.textContent = getLang() === 'en' ? 'EN · pt' : 'en · PT';
  langButton.setAttribute('aria-label', getLang() === 'en' ? 'Language: English (switch to Português)' : 'Idioma: Português (mudar para English)');
};
langButton.addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'pt' : 'en');
  showLang();
});
setLang(getLang());
showLang();

byId<HTMLButtonElement>('clear').addEventListener('click', () => {
  session.length = 0;
  params.clear();
  client.reset();
  output.textContent = '';
  saveState();
});

wireCheck(client);

// A link with lines in its fragment reproduces that page, line by line in order.
void (async () => {
  const shared = stateFromHash(location.hash);
  // Slider values travel with their line, whatever index it gets now.
  for (const [k, line] of shared.lines.entries()) await runLine(line, shared.params.get(k));
  document.body.dataset['ready'] = 'true';
})();
