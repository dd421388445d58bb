import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

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
