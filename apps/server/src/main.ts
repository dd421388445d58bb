import { loadConfig } from './config';
import { listenEarly } from './http/early-listen';

/**
 * The process's entry: reads the config, listens, and only then loads the rest of the server
 * (serve.ts, a chunk of its own in the build). People reconnecting after a restart meet an open
 * port instead of a refusal while the code loads (http/early-listen.ts, issue 14).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  let listening;
  try {
    listening = await listenEarly(config.PORT, config.HOST);
  } catch (err) {
    process.stderr.write(`Cannot listen on ${config.HOST}:${config.PORT}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const { serve } = await import('./serve');
  await serve(config, listening);
}

void main();
