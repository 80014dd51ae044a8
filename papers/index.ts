/**
 * Reproductions of published results: `runPaper(name, args)` runs one and returns its report.
 * Names: bengio2003, rumelhart1986, transformer. Arguments: `--steps N`, `--data <folder or names.txt>`, `--seeds N`.
 */
import { runBengio } from './bengio2003.js';
import { median, runSymmetry, runXor } from './rumelhart1986.js';
import { runTransformer } from './transformer.js';

function flag(args: readonly string[], name: string): string | undefined {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
}
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

export const PAPERS = ['bengio2003', 'rumelhart1986', 'transformer'] as const;

export async function runPaper(name: string, args: readonly string[] = [], log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<string> {
  const lines: string[] = [];
  const say = (l: string): void => { lines.push(l); log(l); };
  if (name === 'bengio2003') {
    const steps = num(flag(args, 'steps'));
    const r = runBengio({ steps, data: flag(args, 'data') ?? process.env['LOUSA_DATA'], log: say });
    say(`paper/makemore: train ≈ 2.126, dev ≈ 2.170; Lousa: train ${r.train.toFixed(4)}, dev ${r.dev.toFixed(4)}`);
  } else if (name === 'rumelhart1986') {
    const seeds = num(flag(args, 'seeds')) ?? 20;
    runXor({ seeds, log: say });
    const runs = runSymmetry({ seeds, log: say });
    const ok = runs.filter((r) => r.sweeps !== null).map((r) => r.sweeps!);
    say(`symmetry 6-2-1: ${ok.length}/${runs.length} seeds converged, median ${median(ok)} sweeps (paper: 1,425)`);
  } else if (name === 'transformer') {
    const dtype = flag(args, 'dtype');
    if (dtype !== undefined && dtype !== 'float32' && dtype !== 'float64') throw new Error(`--dtype is float32 or float64, got ${dtype}`);
    runTransformer({
      steps: num(flag(args, 'steps')), data: flag(args, 'data') ?? process.env['LOUSA_DATA'], log: say,
      layers: num(flag(args, 'layers')), dtype, evalEvery: num(flag(args, 'every')),
    });
  } else {
    throw new Error(`unknown paper '${name}'; known: ${PAPERS.join(', ')}`);
  }
  return lines.join('\n');
}
