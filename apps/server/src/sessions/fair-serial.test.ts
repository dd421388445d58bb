import { describe, expect, it } from 'vitest';
import { FairSerial } from './fair-serial';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('FairSerial', () => {
  it('runs one task at a time per key', async () => {
    const serial = new FairSerial();
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };
    await Promise.all(['a', 'b', 'a', 'c', 'b'].map((lane) => serial.run('s', lane, task)));
    expect(most).toBe(1);
  });

  it("takes turns between lanes: one lane's burst waits behind the others' single tasks", async () => {
    const serial = new FairSerial();
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await tick();
    };
    const all = [
      ...[1, 2, 3, 4].map((i) => serial.run('s', 'flooder', task(`f${i}`))),
      serial.run('s', 'ada', task('ada')),
      serial.run('s', 'ben', task('ben')),
    ];
    await Promise.all(all);
    expect(order).toEqual(['f1', 'ada', 'ben', 'f2', 'f3', 'f4']);
  });

  it('keeps the order within a lane, and keys apart', async () => {
    const serial = new FairSerial();
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await tick();
    };
    await Promise.all([
      serial.run('s1', 'ada', task('s1-1')),
      serial.run('s2', 'ada', task('s2-1')),
      serial.run('s1', 'ada', task('s1-2')),
    ]);
    expect(order.filter((n) => n.startsWith('s1'))).toEqual(['s1-1', 's1-2']);
    expect(order.indexOf('s2-1')).toBeLessThan(order.indexOf('s1-2')); // s2 did not wait for s1
  });

  it('a failing task rejects its own caller only; the queue goes on', async () => {
    const serial = new FairSerial();
    const failed = serial.run('s', 'a', () => Promise.reject(new Error('boom')));
    const thrown = serial.run('s', 'b', () => {
      throw new Error('sync boom');
    });
    const fine = serial.run('s', 'c', async () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    expect(await fine).toBe(42);
  });
});
