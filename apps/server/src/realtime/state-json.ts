import type { SessionState } from '@kring/protocol';

/**
 * A cut of the session state as UTF-8 JSON bytes, for a snapshot (issue 14). Every cut of one
 * version shares the same `participants` object (core `redactState` never cuts people), and at a
 * thousand people that part is most of the bytes: it is written once per version and reused, by
 * identity, for every connection that asks; the rest (each person's own cut) is written per
 * connection. Bytes rather than text: socket.io sends a Buffer as a binary attachment as it is,
 * where a string would be escaped into the packet's JSON again for every connection.
 */
export class StateJson {
  private readonly people = new WeakMap<object, Buffer>();

  of(cut: SessionState): Buffer {
    const { participants, ...rest } = cut;
    let people = this.people.get(participants);
    if (people === undefined) {
      people = Buffer.from(JSON.stringify(participants));
      this.people.set(participants, people);
    }
    // `rest` is never empty (a state has a version), so its text ends in `}` after at least one key.
    const head = JSON.stringify(rest);
    return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"participants":`), people, CLOSE]);
  }
}

const CLOSE = Buffer.from('}');
