import { performance } from 'node:perf_hooks';
import { NOTE_COLORS, addNote, editNoteText } from '@kring/board';
// Seeded (mulberry32), so both installations get the same schedule in the same run.
import { seeded } from '@kring/core/testing';
import { BoardClient, closeAll, kringBoards, missingNotes, onRemoteNoteText, until } from './board-clients';
import { kringScene } from './board-scenes';
import type { Deployment } from './deployment';

/**
 * The cluster benchmark's board storm, on board-storm.ts's machinery (its lean y-protocols client
 * and its Kring scene): `writers` people on one session board, writer i on node i mod nodes, each
 * adding a note, then rewording it, then the next…, one write per `intervalMs` (each starting at a
 * seeded random moment of the first interval) for `durationMs`. Per write: from the writer's
 * change until the last other writer, whichever node they are on, had it. Afterwards every
 * writer's document, and a fresh client's on the last node, must hold every note with its last
 * text.
 */

export interface StormFigures {
  latencies: number[];
  /** Writes that had not reached every other writer when the wait ended. */
  undelivered: number;
  /** Notes missing or stale in a writer's document or in the fresh client's. */
  lost: number;
  drops: number;
  /** CPU of all nodes during the storm, ms. */
  cpuMs: number;
}

export interface StormPlan {
  writers: number;
  intervalMs: number;
  durationMs: number;
  seed: number;
}

const SETTLE_TIMEOUT_MS = 60_000;

export async function boardStorm(deployment: Deployment, plan: StormPlan): Promise<StormFigures> {
  const { urls } = deployment;
  const scene = await kringScene(urls[0]!, 1, plan.writers);
  const { room, writers: people } = scene.rooms[0]!;
  const expected = new Map<string, string>();
  const pending = new Map<string, { t0: number; waiting: number; last: number }>();
  const latencies: number[] = [];
  const clients = people.map(
    (_, i) => new BoardClient(kringBoards(urls[i % urls.length]!), room, people[i]!.token),
  );
  for (const client of clients) {
    // Each note text is unique, so the text says which write arrived.
    onRemoteNoteText(client, (text, at) => {
      const write = pending.get(text);
      if (!write) return;
      write.last = Math.max(write.last, at);
      if (--write.waiting === 0) {
        latencies.push(write.last - write.t0);
        pending.delete(text);
      }
    });
  }
  await until('every writer to sync', () => clients.every((c) => c.synced));
  await deployment.quiet();

  const write = (i: number, step: number, noteIds: string[]) => {
    const text = `Person ${i}, thought ${step >> 1}${step % 2 ? ' (reworded)' : ''}: more time for questions`;
    pending.set(text, { t0: performance.now(), waiting: clients.length - 1, last: 0 });
    const client = clients[i]!;
    if (step % 2 === 0) {
      const color = NOTE_COLORS[i % NOTE_COLORS.length]!;
      client.write((doc) => {
        noteIds[i] = addNote(doc, { text, color, authorId: people[i]!.authorId }).id;
      });
    } else {
      client.write((doc) => editNoteText(doc, noteIds[i]!, text));
    }
    expected.set(noteIds[i]!, text);
  };

  const rand = seeded(plan.seed);
  const noteIds: string[] = [];
  const cpuBefore = deployment.cpuMs();
  const t0 = performance.now();
  await Promise.all(
    clients.map(
      (_, i) =>
        new Promise<void>((done) => {
          const start = rand() * plan.intervalMs;
          let slot = 0;
          const tick = () => {
            write(i, slot, noteIds);
            // Slots counted from the storm's start: a late write does not push the later ones back.
            const next = start + ++slot * plan.intervalMs;
            if (next < plan.durationMs) setTimeout(tick, Math.max(0, next - (performance.now() - t0)));
            else done();
          };
          setTimeout(tick, start);
        }),
    ),
  );
  await until('every write to arrive', () => pending.size === 0, SETTLE_TIMEOUT_MS).catch(() => {});
  const cpuMs = deployment.cpuMs() - cpuBefore;
  let lost = clients.reduce((n, c) => n + missingNotes(c.doc, expected), 0);
  const drops = clients.reduce((n, c) => n + c.drops, 0);
  await closeAll(clients);
  // What the installation kept: a fresh client on the last node (on the cluster, not the writers'
  // majority node) reads the board the nodes built from each other's relays and the store.
  const fresh = new BoardClient(kringBoards(urls.at(-1)!), room, scene.readerToken);
  await fresh.whenSynced();
  lost += missingNotes(fresh.doc, expected);
  await closeAll([fresh]);
  return { latencies, undelivered: pending.size, lost, drops, cpuMs };
}
