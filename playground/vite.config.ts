/**
 * The playground's build: a static page (playground/dist) whose Web Worker runs the whole of Lousa. The library
 * is the same source the REPL runs; the few modules that read files from disk (names.txt, checkpoints, datasets)
 * are given a browser stand-in that fails with a clear message instead of touching a file system.
 *
 *   npx vite build --config playground/vite.config.ts      → playground/dist
 *   npx vite preview --config playground/vite.config.ts    → prints the URL it serves
 *   npx vite --config playground/vite.config.ts            → the dev server (sources served as they are)
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const noDisk = here('./src/worker/no-disk.ts');

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  resolve: {
    alias: [
      { find: /^node:(fs|path|module|zlib|os|worker_threads)$/, replacement: noDisk },
    ],
  },
  worker: { format: 'es' },
  // Declared up front so that the dev server does not discover them on the first visit and reload the page.
  optimizeDeps: { include: ['nearley', 'moo', 'katex', 'uplot'] },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  logLevel: 'info',
});
