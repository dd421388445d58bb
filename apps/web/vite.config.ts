import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';

/** The test file that mocks a module (see `test` below). */
const MOCKS_MODULES = 'src/lib/session/session.test.ts';

// In dev the Kring server (apps/server) runs on its own port; everything realtime goes through it.
const api = process.env.KRING_API_URL ?? 'http://localhost:3001';

export default defineConfig({
  plugins: [
    // Messages (messages/{locale}/*.json) compile into typed, tree-shaken functions in src/lib/paraglide.
    // A person's language: their own choice on this device (cookie), else their browser's, else English.
    // The same strategy as the `i18n` script, which compiles before typecheck and tests; under
    // vitest the plugin is left out (its file watcher would keep the test run from exiting).
    ...(process.env.VITEST
      ? []
      : [
          paraglideVitePlugin({
            project: './project.inlang',
            outdir: './src/lib/paraglide',
            strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
          }),
        ]),
    sveltekit(),
  ],
  build: {
    rollupOptions: {
      // Kring's own packages (protocol, core, board) only declare things: schemas, pure functions,
      // data. Said so, Rollup leaves out their modules a page does not use instead of keeping every
      // module the package index names (zod schema definitions look like calls with effects). The
      // join page then carries the few schemas it reads, not the whole protocol and core (issue 14).
      treeshake: {
        moduleSideEffects: (id) => !/[\\/]packages[\\/](protocol|core|board)[\\/]src[\\/]/.test(id),
      },
      output: {
        // Rollup splits shared code into many tiny chunks (26 files for the join page); on a phone
        // each costs a request, its headers and a slot on one of six connections at 400 ms RTT,
        // and small files compress worse. Chunks under 20 kB merge into a neighbour that is
        // loaded under the same conditions (issue 14).
        experimentalMinChunkSize: 20_000,
      },
    },
  },
  test: {
    // Unit tests share one module graph per worker instead of importing Svelte, the components and
    // Paraglide's messages again for each file: 105 s → 13 s on 2 cores, nearly all of it imports.
    // The one file that replaces a module (vi.mock of socket.io-client) keeps a graph of its own,
    // where the mock cannot leak into other files nor miss an already loaded module.
    projects: [
      {
        extends: true,
        test: { name: 'shared', isolate: false, exclude: [...configDefaults.exclude, MOCKS_MODULES] },
      },
      { extends: true, test: { name: 'isolated', include: [MOCKS_MODULES] } },
    ],
  },
  server: {
    port: 3000,
    // The Host header stays the page's own, so the links the API builds point at this dev server.
    proxy: {
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
      '/yjs': { target: api, ws: true },
    },
  },
});
