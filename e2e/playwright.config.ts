import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CI = !!process.env.CI;
/**
 * Chromium's headless shell (Debian's chromium-headless-shell, what Playwright itself runs headless)
 * when installed: the same engine as the full browser at about 1.6 times less CPU per test on 2 cores,
 * which keeps the suite within CI's time. CHROMIUM_PATH picks another; else the full browser.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const browserPath =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
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
          executablePath: browserPath,
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
