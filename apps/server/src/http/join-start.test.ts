import { ADA, BEN, HOST, TestSession } from '@kring/core/testing';
import { redactState } from '@kring/core';
import { LIMITS } from '@kring/protocol';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { type JoinStartDeps, joinStart } from './join-start';

/** A board document holding one note's text, as the board's socket would hold it. */
function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('notes').set('n1', new Y.Map([['text', text]]));
  return doc;
}

function deps(doc: Y.Doc | Error, overrides: Partial<JoinStartDeps> = {}): JoinStartDeps {
  return {
    boards: {
      read: async (_docId, fn) => {
        if (doc instanceof Error) throw doc;
        return fn(doc);
      },
    },
    store: { circleIdForBoard: async () => null },
    online: () => [HOST, ADA],
    log: vi.fn(),
    ...overrides,
  };
}

describe('a join start (issue 14: the session page opens with it)', () => {
  it("carries the newcomer's cut of the state, who is online and the board's whole document", async () => {
    const s = new TestSession();
    const start = await joinStart(deps(docWith('What brought you here?')), s.state, BEN, 'board1');
    // The same cut a welcome's snapshot carries for BEN, nothing more.
    expect(start.state).toEqual(redactState(s.state, BEN));
    expect(start.online).toEqual([HOST, ADA]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from(start.board!, 'base64'));
    expect(copy.getMap<Y.Map<string>>('notes').get('n1')?.get('text')).toBe('What brought you here?');
  });

  it('has no board when none is named, or the session does not list it', async () => {
    const s = new TestSession();
    expect((await joinStart(deps(docWith('x')), s.state, BEN, null)).board).toBeNull();
    expect((await joinStart(deps(docWith('x')), s.state, BEN, 'elsewhere')).board).toBeNull();
  });

  it('leaves out a board too big to travel inside the answer (its socket brings it)', async () => {
    const s = new TestSession();
    const big = docWith('x'.repeat(LIMITS.joinStartBoardBase64Max));
    expect((await joinStart(deps(big), s.state, BEN, 'board1')).board).toBeNull();
  });

  it('still answers when the board cannot be read, and logs the board, not the person', async () => {
    const s = new TestSession();
    const log = vi.fn();
    const start = await joinStart(deps(new Error('disk gone'), { log }), s.state, BEN, 'board1');
    expect(start.board).toBeNull();
    expect(start.state).toEqual(redactState(s.state, BEN));
    expect(log).toHaveBeenCalledWith('warn', 'board for a join start unavailable', {
      boardId: 'board1',
      error: 'Error: disk gone',
    });
  });
});
