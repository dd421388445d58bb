import { chromium, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server';
import { printTable, type Figures } from './table';

/**
 * What the browser benchmarks share: each measures one build (the repository's, or `--build DIR`)
 * and optionally a second one beside it (`--compare DIR`, a directory holding `dist/` and `web/`),
 * every run on a fresh server, then prints the medians next to a recorded baseline.
 */

const REPO = join(import.meta.dirname, '../..');

export interface Comparison {
  build?: string | undefined;
  compare?: string | undefined;
  runs: number;
  /** The JSON file beside this one holding `{ note, figures }` of the recorded baseline. */
  baselineFile: string;
  /** The line above the table (its conditions); the load average and core count are appended. */
  heading: string;
  /** One run against a fresh server at `url`: its figures. */
  once(browser: Browser, url: string): Promise<Figures>;
}

export async function compareBuilds(c: Comparison): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const columns: Record<string, Figures[]> = {};
    columns[c.build ? `build ${c.build}` : 'this build'] = await measure(browser, c, c.build, 'this build');
    if (c.compare) columns[`build ${c.compare}`] = await measure(browser, c, c.compare, 'compare');
    const recorded = JSON.parse(readFileSync(join(import.meta.dirname, c.baselineFile), 'utf8')) as {
      figures: Figures;
      note: string;
    };
    process.stdout.write(
      `\n${c.heading}; median of ${c.runs} runs (range); ` +
        `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores at the end\n\n`,
    );
    printTable(columns, { [`baseline (${recorded.note})`]: recorded.figures });
  } finally {
    await browser.close();
  }
}

/** One build, `runs` times, each on a fresh server. */
async function measure(
  browser: Browser,
  c: Comparison,
  buildDir: string | undefined,
  label: string,
): Promise<Figures[]> {
  const all: Figures[] = [];
  for (let i = 0; i < c.runs; i++) {
    const server = await startServer(
      buildDir ? join(buildDir, 'dist') : join(REPO, 'apps/server/dist'),
      buildDir ? join(buildDir, 'web') : undefined,
    );
    try {
      const figures = await c.once(browser, server.url);
      all.push(figures);
      process.stderr.write(`${label} run ${i + 1}/${c.runs}: ${JSON.stringify(figures)}\n`);
    } catch (err) {
      // One stuck run (a busy machine) should not cost the other runs' figures; it is reported.
      process.stderr.write(
        `${label} run ${i + 1}/${c.runs} failed: ${err instanceof Error ? err.message : String(err)}\n`,
      );
    } finally {
      await server.stop();
    }
  }
  return all;
}

/** Runs a benchmark's main; a failure prints its stack and exits with 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
