import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In dev the Kring server (apps/server) runs on its own port; everything realtime goes through it.
const api = process.env.KRING_API_URL ?? 'http://localhost:3001';

export default defineConfig({
  plugins: [sveltekit()],
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
