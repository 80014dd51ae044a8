#!/usr/bin/env node
// The `lousa` command. It runs the compiled sources in dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/repl/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('lousa: dist/ is missing; run `npm ci` (or `npm run build`) in the Lousa folder first\n');
  process.exit(2);
}
await import(entry.href);
