/**
 * Messages between the page and the worker that runs Lousa. Everything crossing is plain data (strings, numbers,
 * arrays): the page never receives code, and the worker never receives anything but the user's text and numbers.
 */

/** One form of a value: its LaTeX (for KaTeX) and its text (it reads back as the same expression). */
export interface Form { readonly tex: string; readonly text: string }

export interface StepsLang {
  /** Rows of an aligned derivation, the first being the input; showing rows 0..k reveals k steps. */
  readonly rows: readonly string[];
  /** The rule label of each step, in order. */
  readonly labels: readonly string[];
  /** The whole derivation as the REPL prints it, and as aligned LaTeX (for copying). */
  readonly text: string;
  readonly tex: string;
}

export interface PlotParam { readonly name: string; readonly value: number; readonly min: number; readonly max: number }

export interface PlotPoint { readonly x: number; readonly y: number }

export interface Curve {
  readonly name: string;
  readonly role: 'f' | 'df' | 'int';
  readonly segments: readonly (readonly PlotPoint[])[];
  readonly breaks: readonly { readonly x: number; readonly kind: string }[];
}

export interface PlotData {
  readonly curves: readonly Curve[];
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
}

export type Result =
  | { readonly kind: 'expr'; readonly exact: Form; readonly simplified?: Form; readonly numeric?: Form }
  | { readonly kind: 'define'; readonly exact: Form }
  | { readonly kind: 'text'; readonly text: string; readonly tex?: string }
  | { readonly kind: 'steps'; readonly result: Form; readonly en: StepsLang; readonly pt: StepsLang }
  | { readonly kind: 'plot'; readonly plotId: number; readonly title: Form; readonly variable: string; readonly params: readonly PlotParam[]; readonly data: PlotData }
  | { readonly kind: 'train'; readonly summary: string }
  | { readonly kind: 'none' };

export interface TrainProgress {
  readonly step: number;
  readonly total: number;
  readonly loss: number;
  readonly stepsPerSecond: number;
  /** For 2-D data: the network's output on a grid over `box`, row-major, `size` × `size`. */
  readonly boundary?: { readonly size: number; readonly box: readonly [number, number, number, number]; readonly values: readonly number[] };
  /** For 2-D data: the training points (x, y, label). */
  readonly points?: readonly (readonly [number, number, number])[];
  readonly title: string;
}

export interface CheckRequest {
  readonly mode: 'derivative' | 'antiderivative';
  readonly f: string;
  readonly x: string;
  readonly answer: string;
}

export interface CheckResult {
  readonly equivalent: boolean;
  /** 'symbolic' when the difference simplified to 0 (or a constant for an antiderivative); 'numeric' when it held at sample points. */
  readonly how: 'symbolic' | 'numeric' | 'differs' | 'unknown';
  readonly message: string;
  readonly expected: Form;
  /** Where the answer differs: the point and the two values. */
  readonly where?: { readonly point: string; readonly yours: number; readonly expected: number };
}

export type Request =
  | { readonly type: 'run'; readonly id: number; readonly line: string }
  | { readonly type: 'replot'; readonly id: number; readonly plotId: number; readonly range: readonly [number, number]; readonly params: Readonly<Record<string, number>>; readonly show: { readonly df: boolean; readonly int: boolean } }
  | { readonly type: 'check'; readonly id: number; readonly request: CheckRequest };

export type Reply =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: Result; readonly ms: number }
  | { readonly type: 'plot'; readonly id: number; readonly data: PlotData }
  | { readonly type: 'check'; readonly id: number; readonly result: CheckResult }
  | { readonly type: 'progress'; readonly id: number; readonly progress: TrainProgress }
  | { readonly type: 'tile'; readonly id: number; readonly tile: Tile }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly column?: number };

/**
 * Progressive rendering (for the raytracer, once Lousa has one): the worker sends finished tiles of an image as
 * RGBA bytes, and the page paints each into the card's canvas as it arrives (see ui/render-view.ts).
 */
export interface Tile {
  readonly width: number;
  readonly height: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly rgba: Uint8ClampedArray;
}
