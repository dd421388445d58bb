import { WS_CLOSE } from '@kring/protocol';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardCloseError } from './errors';
import {
  EMPTY_STATE_VECTOR,
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  mergeStateVectors,
} from './messages';

const bytes = (...parts: Array<(e: encoding.Encoder) => void>) => {
  const e = encoding.createEncoder();
  for (const part of parts) part(e);
  return encoding.toUint8Array(e);
};
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const arr = (a: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, a);

describe('decodeClientMessage', () => {
  it('reads the y-websocket message kinds', () => {
    const payload = new Uint8Array([1, 2, 3]);
    expect(decodeClientMessage(bytes(uint(0), uint(0), arr(payload)))).toEqual({
      kind: 'syncStep1',
      stateVector: payload,
    });
    expect(decodeClientMessage(bytes(uint(0), uint(1), arr(payload)))).toEqual({
      kind: 'write',
      update: payload,
    });
    expect(decodeClientMessage(bytes(uint(0), uint(2), arr(payload)))).toEqual({
      kind: 'write',
      update: payload,
    });
    expect(decodeClientMessage(bytes(uint(1), arr(payload)))).toEqual({ kind: 'awareness', update: payload });
    expect(decodeClientMessage(bytes(uint(3)))).toEqual({ kind: 'queryAwareness' });
  });

  it.each([
    ['empty', new Uint8Array([])],
    ['unknown type', new Uint8Array([9])],
    ['unknown sync subtype', new Uint8Array([0, 7, 0])],
    ['length past the end', new Uint8Array([0, 2, 50, 1])],
    ['truncated varUint', new Uint8Array([0x80])],
  ])('refuses %s with 4400', (_name, input) => {
    expect(() => decodeClientMessage(input)).toThrow(BoardCloseError);
    try {
      decodeClientMessage(input);
    } catch (err) {
      expect(err instanceof BoardCloseError && err.code).toBe(WS_CLOSE.badMessage);
    }
  });
});

describe('encoders', () => {
  it('produce what the decoder (and y-protocols) read back', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('a', 1);
    const step1 = decodeClientMessage(encodeSyncStep1(doc));
    expect(step1).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
    const step2 = decodeClientMessage(encodeSyncStep2(doc, new Uint8Array([0])));
    const copy = new Y.Doc();
    if (step2.kind !== 'write') throw new Error('expected a write');
    Y.applyUpdate(copy, step2.update);
    expect(copy.getMap('notes').get('a')).toBe(1);
    expect(decodeClientMessage(encodeUpdate(new Uint8Array([4])))).toEqual({
      kind: 'write',
      update: new Uint8Array([4]),
    });
  });

  it('turns a malformed state vector into 4400', () => {
    expect(() => encodeSyncStep2(new Y.Doc(), new Uint8Array([5, 1]))).toThrow(BoardCloseError);
  });
});

describe('mergeStateVectors (issue 14)', () => {
  const sv = (entries: Array<[number, number]>) => Y.encodeStateVector(new Map(entries));

  it('takes the higher clock per client id', () => {
    const merged = mergeStateVectors(
      sv([
        [1, 5],
        [2, 1],
      ]),
      sv([
        [2, 7],
        [3, 4],
      ]),
    );
    expect(Y.decodeStateVector(merged)).toEqual(
      new Map([
        [1, 5],
        [2, 7],
        [3, 4],
      ]),
    );
    expect(Y.decodeStateVector(mergeStateVectors(EMPTY_STATE_VECTOR, sv([[9, 2]])))).toEqual(
      new Map([[9, 2]]),
    );
  });

  it('leaves out of a step 2 what the greeting already sent', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('a', 'x'.repeat(1000));
    const sent = Y.encodeStateVector(doc);
    const rest = encodeSyncStep2(doc, mergeStateVectors(EMPTY_STATE_VECTOR, sent));
    expect(rest.length).toBeLessThan(20);
    expect(encodeSyncStep2(doc, EMPTY_STATE_VECTOR).length).toBeGreaterThan(1000);
  });

  it('turns a malformed client state vector into 4400', () => {
    expect(() => mergeStateVectors(new Uint8Array([5, 1]), EMPTY_STATE_VECTOR)).toThrow(BoardCloseError);
  });
});
