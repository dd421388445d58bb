import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { KringMetrics } from './metrics';
import { isLoopback } from './metrics-route';
import { timedStore } from './store-timing';

/** The value of one sample line in the text exposition (undefined: no such line). */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('KringMetrics', () => {
  it('keeps each server’s counts apart and shares the process’s default metrics', async () => {
    const a = new KringMetrics();
    const b = new KringMetrics();
    a.commandDone('note.add', 'ok', 12);
    a.commandDone('note.add', 'forbidden', 3);
    const textA = (await a.exposition()).body;
    const textB = (await b.exposition()).body;
    expect(sample(textA, 'kring_commands_total{type="note.add",outcome="ok"}')).toBe(1);
    expect(sample(textA, 'kring_commands_total{type="note.add",outcome="forbidden"}')).toBe(1);
    expect(sample(textA, 'kring_command_duration_seconds_count{type="note.add"}')).toBe(2);
    expect(sample(textA, 'kring_command_duration_seconds_bucket{le="0.005",type="note.add"}')).toBe(1);
    expect(textB).not.toContain('type="note.add"');
    for (const text of [textA, textB]) {
      expect(text).toContain('nodejs_eventloop_lag_seconds');
      expect(text).toContain('process_resident_memory_bytes');
    }
    expect((await a.exposition()).contentType).toMatch(/^text\/plain/);
  });

  it('reads its gauges from the server at each scrape', async () => {
    const m = new KringMetrics();
    expect(sample((await m.exposition()).body, 'kring_socket_connections')).toBe(0);
    let sockets = 3;
    m.watch({ socketConnections: () => sockets, boards: () => ({ connections: 2, docs: 5 }) });
    m.watch({ loadedSessions: () => 4 });
    let text = (await m.exposition()).body;
    expect(sample(text, 'kring_socket_connections')).toBe(3);
    expect(sample(text, 'kring_board_connections')).toBe(2);
    expect(sample(text, 'kring_board_docs_loaded')).toBe(5);
    expect(sample(text, 'kring_sessions_loaded')).toBe(4);
    sockets = 1;
    text = (await m.exposition()).body;
    expect(sample(text, 'kring_socket_connections')).toBe(1);
  });
});

/** A store with a private field, as the real ones may have: calls must reach it as `this`. */
class FakeStore {
  #rows = 0;
  async appendBoardUpdate(): Promise<number> {
    return ++this.#rows;
  }
  async loadEvents(): Promise<never[]> {
    throw new Error('disk gone');
  }
}

describe('timedStore', () => {
  it('times every operation by name and counts stored board updates only when stored', async () => {
    const metrics = new KringMetrics();
    const store = timedStore(new FakeStore() as unknown as Store, metrics);
    expect(await store.appendBoardUpdate('b', new Uint8Array())).toBe(1);
    expect(await store.appendBoardUpdate('b', new Uint8Array())).toBe(2);
    await expect(store.loadEvents('s')).rejects.toThrow('disk gone');
    const text = (await metrics.exposition()).body;
    expect(sample(text, 'kring_store_operation_duration_seconds_count{operation="appendBoardUpdate"}')).toBe(
      2,
    );
    expect(sample(text, 'kring_store_operation_duration_seconds_count{operation="loadEvents"}')).toBe(1);
    expect(sample(text, 'kring_board_updates_total')).toBe(2);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
