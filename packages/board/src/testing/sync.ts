import * as Y from 'yjs';

/** Test support: wires two docs together the way a relay server would (every update of one goes to the other). */
export function connect(a: Y.Doc, b: Y.Doc): () => void {
  const toB = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote');
  };
  const toA = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
  };
  a.on('update', toB);
  b.on('update', toA);
  return () => {
    a.off('update', toB);
    b.off('update', toA);
  };
}

/** Test support: two docs that were apart exchange only what the other misses (y-websocket sync step 2). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const forA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  const forB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  Y.applyUpdate(a, forA);
  Y.applyUpdate(b, forB);
}

/** Test support: a second doc holding a copy of `doc`. */
export function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
