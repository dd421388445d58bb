#!/usr/bin/env node
// The two Quick start commands of the README: `npm start` (install, build, run on SQLite) and
// `npm test` (install, build, every check and every test). They work on a fresh machine that has
// only Node 20.19+: pnpm is used from the PATH when present, otherwise fetched once through npx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '10.34.9';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Kring needs Node 20.19 or newer; this is Node ${process.versions.node}.`);
  process.exit(1);
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const hasPnpm = spawnSync('pnpm', ['--version'], { stdio: 'ignore', env }).status === 0;
const pnpmCmd = hasPnpm ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];

function run(label, args, extraEnv = {}) {
  console.log(`\n▸ ${label}`);
  const [cmd, ...rest] = [...pnpmCmd, ...args];
  const res = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (res.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

const mode = process.argv[2];
run('install dependencies', ['install', '--frozen-lockfile']);
run('build', ['run', 'build']);

if (mode === 'start') {
  run('start the server (Ctrl+C stops it)', ['--filter', '@kring/server', 'start']);
} else if (mode === 'test') {
  run('format check', ['run', 'format:check']);
  run('lint', ['run', 'lint']);
  run('typecheck', ['run', 'typecheck']);
  run('unit and integration tests', ['run', 'test:unit']);
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `\n✗ The browser tests need Chromium at ${chromium}.\n` +
        '  Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  run('browser tests (Playwright, Chromium)', ['run', 'test:e2e']);
  console.log('\n✓ All checks and tests passed.');
} else {
  console.error('usage: node scripts/quickstart.mjs start|test');
  process.exit(2);
}
