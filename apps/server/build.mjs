// Bundles the server, its workspace packages and its npm packages into dist/main.js and its chunks
// (bundle.mjs says which stay outside and why).
import { bundleServer } from './bundle.mjs';

await bundleServer({ entry: 'src/main.ts', outdir: 'dist', sourcemap: true });
