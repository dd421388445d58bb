/** One run's figures by name: kibibytes, counts and seconds. */
export type Figures = Record<string, number>;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

const show = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(1);

/**
 * A Markdown table, one row per figure: the median of each measured column with its runs' range,
 * then the recorded columns as they were written down.
 */
export function printTable(measured: Record<string, Figures[]>, recorded: Record<string, Figures>): void {
  const names = Object.keys(Object.values(measured)[0]?.[0] ?? {});
  const header = ['figure', ...Object.keys(measured), ...Object.keys(recorded)];
  const rows = names.map((name) => [
    name,
    ...Object.values(measured).map((runs) => {
      const xs = runs.map((r) => r[name] ?? NaN);
      const range = xs.length > 1 ? ` (${show(Math.min(...xs))}–${show(Math.max(...xs))})` : '';
      return `${show(median(xs))}${range}`;
    }),
    ...Object.values(recorded).map((figures) => show(figures[name])),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  process.stdout.write(line(header) + line(header.map(() => '---')) + rows.map(line).join(''));
}
