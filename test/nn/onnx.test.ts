import { describe, it, expect } from 'vitest';
import * as ort from 'onnxruntime-web';
import { Model } from '../../src/nn/model.js';
import { gptLogits } from '../../src/nn/gpt.js';
import { tensor } from '../../src/nn/tensor.js';
import { compileEval } from '../../src/nn/train.js';
import { exportOnnx } from '../../src/nn/onnx/export.js';
import { onnxType } from '../../src/nn/onnx/schema.js';

describe('ONNX export of a GPT', () => {
  it('onnxruntime-web (WebAssembly) gives the same logits within 1e-4', async () => {
    const m = new Model(3, 'float32');
    const logits = gptLogits(m, { vocab: 7, block: 5, layers: 2, heads: 2, embd: 8 }, tensor('X', [2, 5]));
    for (const p of m.params.values()) for (let i = 0; i < p.data.length; i++) p.data[i] = p.data[i]! * 1.5; // a little beyond PyTorch's initial scale, so every path matters
    const prog = compileEval(m, [logits]);
    const X = [0, 1, 2, 3, 4, 6, 5, 4, 3, 2];
    prog.input('X').set(X);
    prog.run();
    const bytes = exportOnnx(logits, { params: new Map([...m.params.values()].map((p) => [p.name, p.data])) });
    const decoded = onnxType('ModelProto').toObject(onnxType('ModelProto').decode(bytes), { longs: Number }) as { opsetImport: { version: number }[]; irVersion: number };
    expect(decoded.opsetImport[0]!.version).toBe(17);
    expect(decoded.irVersion).toBe(8);
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(bytes);
    const r = await session.run({ X: new ort.Tensor('int64', BigInt64Array.from(X.map(BigInt)), [2, 5]) });
    const got = r['output']!.data as Float32Array;
    expect(got.length).toBe(2 * 5 * 7);
    let spread = 0;
    for (let i = 0; i < got.length; i++) {
      expect(Math.abs(got[i]! - prog.output(0)[i]!)).toBeLessThanOrEqual(1e-4);
      spread = Math.max(spread, Math.abs(got[i]!));
    }
    expect(spread).toBeGreaterThan(0.5); // the logits are not trivially small
  });
});
