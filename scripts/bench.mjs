#!/usr/bin/env node
// `pnpm bench [workload…] [--no-write]`: the benchmarks of issue 14 (all, or those named) in turn,
// each side by side with its baseline in the same run, then each printout into its own block of the
// "Latest run" section of docs/benchmarks.md (the sections around it, which explain each figure,
// are written by hand).
// One at a time on purpose: benchmarks that share the machine's cores measure each other.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs/benchmarks.md');
const START = '<!-- bench:latest:start -->';
const END = '<!-- bench:latest:end -->';

/** Each workload: its package's script, what it compares, and whether it needs the built app. */
const WORKLOADS = [
  { name: 'fan-out', pkg: '@kring/server', title: 'Floor event to 1,000 people vs bare socket.io' },
  { name: 'board-storm', pkg: '@kring/server', title: 'Board storms vs the reference y-websocket server' },
  { name: 'board-sync', pkg: '@kring/server', title: 'A 2,000-note board, fresh sync, vs the reference' },
  { name: 'join-storm', pkg: '@kring/server', title: 'Join storm of 1,000 vs bare socket.io' },
  { name: 'memory', pkg: '@kring/server', title: 'Memory per idle participant vs bare socket.io' },
  { name: 'restart', pkg: '@kring/server', title: 'Restart with 1,000 connected vs the baselines' },
  // Builds dist/main.js itself (the server only, esbuild): the nodes are the built server.
  { name: 'cluster', pkg: '@kring/server', title: '3,000 people over three nodes vs one node' },
  { name: 'big-board', pkg: '@kring/e2e', title: 'A 2,000-note board in Chromium', built: true },
  { name: 'first-load', pkg: '@kring/e2e', title: 'First load on a weak phone', built: true },
];

const args = process.argv.slice(2);
const write = !args.includes('--no-write');
const asked = args.filter((a) => !a.startsWith('--'));
const unknown = asked.filter((a) => !WORKLOADS.some((w) => w.name === a));
if (unknown.length > 0) {
  console.error(`unknown workload: ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  process.exit(2);
}
const chosen = asked.length === 0 ? WORKLOADS : WORKLOADS.filter((w) => asked.includes(w.name));

const pnpm = (cmdArgs, opts = {}) => spawnSync('pnpm', cmdArgs, { cwd: ROOT, stdio: 'inherit', ...opts });

if (chosen.some((w) => w.built)) {
  console.log('▸ build (the browser benchmarks run the built server and web app)');
  if (pnpm(['run', 'build']).status !== 0) process.exit(1);
}

/** Runs one workload, its output shown live and kept. */
function runOne(w) {
  return new Promise((resolve) => {
    console.log(`\n▸ ${w.name}: ${w.title}`);
    const started = Date.now();
    const child = spawn('pnpm', ['--silent', '--filter', w.pkg, 'run', `bench:${w.name}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ ...w, code, out, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
for (const w of chosen) results.push(await runOne(w));

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
  cwd: ROOT,
  encoding: 'utf8',
}).stdout.trim();
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');

/** A printout as Markdown: its tables as they are, every other line a paragraph of its own. */
function asMarkdown(out) {
  const lines = out.replace(/\r/g, '').split('\n');
  const blocks = [];
  let table = [];
  for (const line of lines) {
    if (line.startsWith('|')) {
      table.push(line);
      continue;
    }
    if (table.length > 0) {
      blocks.push(table.join('\n'));
      table = [];
    }
    if (line.trim() !== '') blocks.push(line.trim());
  }
  if (table.length > 0) blocks.push(table.join('\n'));
  return blocks.join('\n\n');
}

/** One workload's printout in the "Latest run" section, between markers of its own. */
const block = (r) =>
  [
    `<!-- bench:${r.name} -->`,
    '',
    `### ${r.title} (\`bench:${r.name}\`)`,
    '',
    `${new Date().toISOString().slice(0, 10)}, commit ${commit}: ${availableParallelism()} cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; ${r.seconds.toFixed(0)} s` +
      `${r.code === 0 ? '' : `, exit ${r.code}`}; load average at the end of the suite ${load}.`,
    '',
    asMarkdown(r.out),
    '',
    `<!-- /bench:${r.name} -->`,
  ].join('\n');

if (write) {
  // Each workload run replaces its own block; the others stay as their last run left them.
  let doc = readFileSync(DOC, 'utf8');
  const end = doc.indexOf(END);
  if (doc.indexOf(START) < 0 || end < 0) {
    console.error(`\n${DOC} has no ${START} … ${END} markers; the printout is above.`);
    process.exit(1);
  }
  for (const r of results) {
    const open = `<!-- bench:${r.name} -->`;
    const close = `<!-- /bench:${r.name} -->`;
    const from = doc.indexOf(open);
    const to = doc.indexOf(close);
    doc =
      from >= 0 && to > from
        ? doc.slice(0, from) + block(r) + doc.slice(to + close.length)
        : doc.slice(0, doc.indexOf(END)) + block(r) + '\n\n' + doc.slice(doc.indexOf(END));
  }
  writeFileSync(DOC, doc);
  // The printouts' tables come padded their own way; the repository's format check wants Prettier's.
  pnpm(['exec', 'prettier', '--write', DOC], { stdio: 'ignore' });
  console.log(`\nwritten to docs/benchmarks.md (latest run); check it with git diff`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
