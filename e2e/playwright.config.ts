import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CI = !!process.env.CI;
const port = Number(process.env.E2E_PORT ?? 4317);
/** Set E2E_BASE_URL to test a server that is already running (e.g. `tsx src/main.ts`); none is started then. */
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;

// A fresh data directory per run. The config is evaluated again in every worker; the env variable
// set here is inherited by them, so all agree on one directory and only one is made.
if (!external) process.env.KRING_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'kring-e2e-'));
const dataDir = process.env.KRING_E2E_DATA_DIR ?? '';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 2 : 0,
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // An action that cannot happen fails in seconds with a clear message instead of at the test timeout.
    actionTimeout: 15_000,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        // The production server (apps/server/dist), which also serves the web build (apps/web/build).
        command: 'node ../apps/server/dist/main.js',
        url: `${baseURL}/`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
        },
      },
});
