// How the server is bundled, for production (build.mjs) and for the benchmarks that restart it
// (bench/bundle.ts): one definition, so that a benchmark times what runs in production.
import { build } from 'esbuild';

/**
 * What stays in node_modules: the SQLite driver (a native addon, found through `bindings`) and
 * `ws`'s optional native helpers. Everything else, npm packages included, goes into the one file.
 * Why (issue 14): resolving and loading some 400 modules from node_modules was most of a start —
 * 370 ms to listen with them outside the bundle against 245 ms inside, CPU 470 against 255 ms — and
 * after a restart everyone waits for the start.
 */
export const EXTERNAL = ['better-sqlite3', 'bufferutil', 'utf-8-validate'];

/**
 * Bundles `entry` into `outdir` as `<its name>.js`, with chunks beside it for what it imports
 * dynamically: the server proper (src/serve.ts, loaded once the entry listens), and what only some
 * processes need (the cluster's code, the PostgreSQL store, nodemailer).
 *
 * @param {{ entry: string, outdir: string, sourcemap?: boolean }} options
 */
export async function bundleServer({ entry, outdir, sourcemap = false }) {
  await build({
    entryPoints: [entry],
    outdir,
    splitting: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap,
    external: EXTERNAL,
    // CommonJS packages inside an ES module still call require() (Node's own modules, and
    // `better-sqlite3` outside the bundle): give them one.
    banner: {
      js: "import { createRequire as __kringCreateRequire } from 'node:module'; const require = __kringCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
