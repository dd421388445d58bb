import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readAwarenessEntries } from './awareness';
import { BoardCloseError } from './errors';

describe('readAwarenessEntries', () => {
  it('lists the client ids an update speaks for, and which ones it removes', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ name: 'A' });
    const present = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(readAwarenessEntries(present)).toEqual([{ clientId: doc.clientID, removed: false }]);
    awareness.setLocalState(null);
    const gone = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(readAwarenessEntries(gone)).toEqual([{ clientId: doc.clientID, removed: true }]);
    awareness.destroy();
  });

  it('refuses truncated updates and states that are not JSON', () => {
    expect(() => readAwarenessEntries(new Uint8Array([2, 1, 1]))).toThrow(BoardCloseError);
    expect(() => readAwarenessEntries(new Uint8Array([1, 7, 1, 3, 123, 123, 123]))).toThrow(BoardCloseError);
  });
});
