import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In dev the Kring server (apps/server) runs on its own port; everything realtime goes through it.
const api = process.env.KRING_API_URL ?? 'http://localhost:3001';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, changeOrigin: true, ws: true },
      '/yjs': { target: api, changeOrigin: true, ws: true },
    },
  },
});
