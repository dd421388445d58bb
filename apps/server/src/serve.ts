import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import { startKring, storeThreadFailed } from './app';
import { type Config, clusterSettingsOf, mailSettingsOf } from './config';
import type { EarlyServer } from './http/early-listen';
import { createLog } from './log';
import { deferredHandler } from './http/deferred-handler';
import type { PostgresStore } from './store/postgres/postgres-store';

/** Finds the SvelteKit build: WEB_BUILD_DIR, else apps/web/build next to this app. */
async function loadWebHandler(dir: string | undefined): Promise<RequestHandler | undefined> {
  const here = dirname(fileURLToPath(import.meta.url));
  const buildDir = resolve(dir ?? join(here, '../../web/build'));
  const handlerFile = join(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) return undefined;
  const mod = (await import(pathToFileURL(handlerFile).href)) as { handler: RequestHandler };
  return mod.handler;
}

/**
 * The server as the process runs it (main.ts has already read the config and listens): the store,
 * the app, the web pages once it serves, and a graceful stop on SIGINT/SIGTERM.
 */
export async function serve(config: Config, listening: EarlyServer): Promise<void> {
  const log = createLog(config.LOG_LEVEL);
  const webBuild = config.WEB_BUILD_DIR;
  // Loaded once listening: a restart's reconnections do not wait for the pages' module (issue 14).
  const web = deferredHandler(async () => {
    const handler = await loadWebHandler(webBuild);
    if (!handler) log('warn', 'no web build found; serving the API only (run `pnpm build`)');
    return handler;
  });
  const mail = mailSettingsOf(config);
  const cluster = clusterSettingsOf(config);
  // Issue 17: DATABASE_URL chooses PostgreSQL (migrated before anything starts); unset, the store
  // is the SQLite file under DATA_DIR. The error names the setting, never its value (a password).
  let store: PostgresStore | undefined;
  try {
    // Loaded only when asked for: most installations run on the SQLite file.
    if (config.DATABASE_URL) {
      const { PostgresStore } = await import('./store/postgres/postgres-store');
      store = await PostgresStore.open(config.DATABASE_URL, { onThreadError: storeThreadFailed(log) });
    }
  } catch (err) {
    process.stderr.write(`Cannot open the PostgreSQL database of DATABASE_URL: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const server = await startKring({
    dataDir: resolve(config.DATA_DIR),
    listening,
    secret: config.KRING_SECRET,
    publicUrl: config.PUBLIC_URL,
    trustProxy: config.TRUST_PROXY,
    // Optional (issue 16): registration mails when SMTP_URL is set; Kring runs without it.
    ...(mail ? { mail } : {}),
    ...(store ? { store } : {}),
    // Issue 17: REDIS_URL makes this one node of several (config.ts makes sure DATABASE_URL is set).
    ...(cluster ? { cluster } : {}),
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    webHandler: web.handler,
    log,
  });
  void web.start().catch((err: unknown) => log('error', 'web app not loaded', { error: String(err) }));
  log('info', 'kring is running', {
    url: server.url,
    dataDir: resolve(config.DATA_DIR),
    store: store ? 'postgresql' : 'sqlite',
    nodes: cluster ? 'several (redis)' : 'one',
  });
  process.stdout.write(`\n  Kring is running at ${server.url}\n\n`);

  const stop = (signal: string) => {
    log('info', 'shutting down', { signal, drainSeconds: config.SHUTDOWN_DRAIN_SECONDS });
    // Not ready first: a load balancer sends new people elsewhere while this node still serves.
    server.markShuttingDown();
    const drained = new Promise((done) => setTimeout(done, config.SHUTDOWN_DRAIN_SECONDS * 1000));
    drained
      .then(() => server.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
