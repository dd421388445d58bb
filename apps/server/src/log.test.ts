import { describe, expect, it } from 'vitest';
import { REDACTED_FIELDS, createLog } from './log';

/** A log writing into two arrays of raw lines (what stdout and stderr would receive). */
function capture(level: Parameters<typeof createLog>[0] = 'info') {
  const out: string[] = [];
  const err: string[] = [];
  const log = createLog(level, {
    out: { write: (line: string) => void out.push(line) },
    err: { write: (line: string) => void err.push(line) },
  });
  return { log, out, err };
}

const SECRET = 'Ada Lovelace wrote this secret-7f3a';

describe('createLog', () => {
  it('writes one JSON line with level, msg and time', () => {
    const { log, out } = capture();
    log('info', 'kring is running', { port: 3000 });
    expect(out).toHaveLength(1);
    expect(out[0]!.endsWith('\n')).toBe(true);
    const line = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', msg: 'kring is running', port: 3000 });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('sends info to stdout and warn/error to stderr only', () => {
    const { log, out, err } = capture();
    log('info', 'a');
    log('warn', 'b');
    log('error', 'c');
    expect(out.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['a']);
    expect(err.map((l) => JSON.parse(l) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'b' }),
      expect.objectContaining({ level: 'error', msg: 'c' }),
    ]);
  });

  it('honours the level', () => {
    const warnOnly = capture('warn');
    warnOnly.log('info', 'dropped');
    warnOnly.log('warn', 'kept');
    expect(warnOnly.out).toEqual([]);
    expect(warnOnly.err).toHaveLength(1);
    const silent = capture('silent');
    silent.log('error', 'dropped');
    expect([...silent.out, ...silent.err]).toEqual([]);
  });

  it.each(REDACTED_FIELDS)('never writes the value of %s, at the top or nested', (field) => {
    const { log, out, err } = capture();
    log('info', 'top', { [field]: SECRET, sessionId: 's1' });
    log('error', 'nested', { participant: { [field]: SECRET }, req: { headers: { [field]: SECRET } } });
    const all = [...out, ...err].join('');
    expect(all).not.toContain(SECRET);
    expect(JSON.parse(out[0]!)).toMatchObject({ [field]: '[redacted]', sessionId: 's1' });
    expect(JSON.parse(err[0]!)).toMatchObject({
      participant: { [field]: '[redacted]' },
      req: { headers: { [field]: '[redacted]' } },
    });
  });
});
