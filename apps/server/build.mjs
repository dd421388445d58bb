// Bundles the server, its workspace packages and its npm packages into dist/main.js and its chunks
// (bundle.mjs says which stay outside and why). dist/ is emptied first: chunk names carry a hash, and
// an earlier build's would otherwise stay beside the new ones.
import { rmSync } from 'node:fs';
import { bundleServer } from './bundle.mjs';

rmSync('dist', { recursive: true, force: true });
await bundleServer({ entry: 'src/main.ts', outdir: 'dist', sourcemap: true });
