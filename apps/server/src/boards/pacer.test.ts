import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';

/** Resolves once `check` holds, polling every event-loop turn (no sleeps). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i++) await new Promise((r) => setImmediate(r));
  expect(check()).toBe(true);
}

describe('Pacer (issue 14: compactions one at a time, the event loop turning between them)', () => {
  it('runs tasks one at a time, in order, and keeps going after one fails', async () => {
    const pacer = new Pacer();
    const trace: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        trace.push(`${name}:start`);
        await Promise.resolve();
        trace.push(`${name}:end`);
        if (fail) throw new Error(name);
      };
    pacer.schedule(task('a'));
    pacer.schedule(task('b', true));
    pacer.schedule(task('c'));
    await until(() => trace.length === 6);
    expect(trace).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('lets I/O that arrived meanwhile run between two tasks (a write waits for one task, not all)', async () => {
    const pacer = new Pacer();
    const trace: string[] = [];
    pacer.schedule(async () => {
      trace.push('first');
      // Something that arrives while the first task runs, as a socket message would (poll phase).
      setImmediate(() => trace.push('io'));
    });
    pacer.schedule(async () => {
      trace.push('second');
    });
    await until(() => trace.includes('second') && trace.includes('io'));
    expect(trace).toEqual(['first', 'io', 'second']);
  });
});
