import { describe, expect, it } from 'vitest';
import { SerialQueue } from './queue';

describe('SerialQueue', () => {
  it('runs tasks strictly one after the other, in order', async () => {
    const q = new SerialQueue();
    const trace: string[] = [];
    const slow = q.run(async () => {
      trace.push('a:start');
      await new Promise((r) => setTimeout(r, 10));
      trace.push('a:end');
      return 1;
    });
    const fast = q.run(() => {
      trace.push('b');
      return 2;
    });
    expect(await Promise.all([slow, fast])).toEqual([1, 2]);
    expect(trace).toEqual(['a:start', 'a:end', 'b']);
  });

  it('keeps going after a failing task, and idle() waits for everything queued', async () => {
    const q = new SerialQueue();
    const failed = q.run(() => {
      throw new Error('boom');
    });
    let ran = false;
    void q.run(async () => {
      await new Promise((r) => setTimeout(r, 5));
      ran = true;
    });
    await expect(failed).rejects.toThrow('boom');
    await q.idle();
    expect(ran).toBe(true);
  });

  it('counts the tasks not yet settled, so a task can tell whether others wait behind it', async () => {
    const q = new SerialQueue();
    const seen: number[] = [];
    const first = q.run(() => seen.push(q.pending));
    const second = q.run(() => seen.push(q.pending));
    expect(q.pending).toBe(2);
    await Promise.all([first, second]);
    await q.idle();
    // The first ran with the second waiting behind it; the second alone.
    expect(seen).toEqual([2, 1]);
    expect(q.pending).toBe(0);
    await q
      .run(() => {
        throw new Error('boom');
      })
      .catch(() => undefined);
    await q.idle();
    expect(q.pending).toBe(0);
  });
});
