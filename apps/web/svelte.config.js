import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // Output in apps/web/build so the server can import('apps/web/build/handler.js').
    // precompress: every static file also as .br and .gz, which the handler serves to browsers that
    // ask (issue 14: a phone on 400 kbit/s); compressed once at build time, at the highest levels.
    adapter: adapter({ out: 'build', precompress: true }),
    // Style sheets up to 8 kB go inside the page's HTML instead of each being a request: on a
    // phone at 400 ms RTT the join page's five small sheets waited for connections its scripts
    // needed (issue 14). The icon is inlined in app.html for the same reason.
    inlineStyleThreshold: 8192,
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
