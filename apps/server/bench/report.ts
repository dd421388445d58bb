/** Percentiles and the printed table of the benchmark. */
import { loadavg } from 'node:os';

/** A sorted copy, smallest first (percentile() wants its input sorted). */
export const sortedOf = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** The median of unsorted figures (of runs, of clients). */
export const median = (xs: readonly number[]): number => percentile(sortedOf(xs), 50);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface StepResult {
  step: string;
  /** Until the command's acknowledgement came back to the sender. */
  ackMs: number;
  /** Per client: from sending the command until that client received the event. */
  latencies: number[];
  /** Snapshots the clients asked for because of this step (V6: a room became readable). */
  snapshots: number;
  /** Until every client had its copy current again (its snapshots answered). */
  settledMs: number;
  /** CPU time the server process spent from sending the command until settled. */
  serverCpuMs: number;
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));

export function table(results: readonly StepResult[]): string {
  const head = [
    'step',
    'clients',
    'ack ms',
    'p50 ms',
    'p95 ms',
    'max ms (last client)',
    'snapshots',
    'settled ms',
    'server CPU ms',
  ];
  const rows = results.map((r) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return [
      r.step,
      String(r.latencies.length),
      ms(r.ackMs),
      ms(percentile(sorted, 50)),
      ms(percentile(sorted, 95)),
      ms(sorted.at(-1) ?? Number.NaN),
      String(r.snapshots),
      ms(r.settledMs),
      ms(r.serverCpuMs),
    ];
  });
  return markdownTable(head, rows, 1);
}

/** A Markdown table, columns padded: the first `leftColumns` are labels (left), the rest figures (right). */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns: number,
): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The machine's load average now, as every benchmark prints it beside its figures. */
export const loadAverage = (when: string): string =>
  `load average ${when}: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

/** Runs a benchmark's main; a failure prints its stack and exits with 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
