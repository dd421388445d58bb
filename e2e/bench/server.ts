import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../ports';

/** A built Kring server (apps/server/dist) serving a web build, in its own process like production. */
export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `node <serverDir>/main.js` with a fresh data directory, the way e2e/playwright.config.ts
 * does, and resolves once /api/health answers. `webDir` picks another web build (a baseline copy).
 */
export async function startServer(serverDir: string, webDir: string | undefined): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-first-load-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [resolve(serverDir, 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(webDir ? { WEB_BUILD_DIR: resolve(webDir) } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A blank session made over HTTP, as the home page does: its participant and facilitator links. */
export async function createSession(
  url: string,
): Promise<{ participantUrl: string; facilitatorUrl: string }> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'First load', hostName: 'Host' }),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}`);
  const body = (await res.json()) as { participantUrl: string; facilitatorUrl: string };
  return { participantUrl: body.participantUrl, facilitatorUrl: body.facilitatorUrl };
}
