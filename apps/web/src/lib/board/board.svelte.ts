import {
  addColumn,
  addNote,
  createCluster,
  deleteNote,
  editNoteText,
  moveNote,
  observeNotes,
  readNotes,
  removeCluster,
  renameCluster,
  setNoteColor,
  readHiddenWords,
  IMPLICIT_COLUMN_ID,
  type HiddenWords,
  type Note,
  type NoteColor,
} from '@kring/board';
import { BOARD_FRESH_PARAM, WS_CLOSE, boardSyncProtocols } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { WebsocketProvider } from 'y-websocket';
import type { MoveTarget } from './placing';
import { reconnectsAfter } from './reconnect';
import * as Y from 'yjs';

/** connected means connected and in sync with the server's copy of the board. */
export type BoardStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

const CLOSE_MESSAGES: Record<number, () => string> = {
  [WS_CLOSE.unauthorized]: m.board_closed_unauthorized,
  [WS_CLOSE.forbidden]: m.board_closed_forbidden,
  [WS_CLOSE.notFound]: m.board_gone,
  [WS_CLOSE.tooLarge]: m.board_closed_too_large,
  [WS_CLOSE.badMessage]: m.board_closed_bad_message,
};

/** Why the server closed the board connection for good, in the person's language. */
export function closeMessage(code: number): string {
  return CLOSE_MESSAGES[code]?.() ?? m.board_closed_other({ code });
}

/** `ws(s)://host` for the page's own origin. */
export function wsOrigin(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}`;
}

/**
 * One Yjs document kept in sync with the server over the stock y-websocket provider
 * (`/yjs/<room>`; the token rides as a WebSocket subprotocol, never in the URL). Local edits made while offline are sent on reconnect. Sets no awareness:
 * Kring shows no cursors, and on anonymous boards a cursor could name an author (BD9).
 */
class SyncedDoc {
  readonly doc = new Y.Doc();
  notes = $state.raw<Note[]>([]);
  status = $state<BoardStatus>('connecting');
  /** The close code when the server closed the connection for good; null while it is not closed. */
  closedCode = $state<number | null>(null);
  /** Read where it is shown: worded in the page's language at that moment. */
  get closedMessage(): string | null {
    return this.closedCode === null ? null : closeMessage(this.closedCode);
  }
  /** Bumped on every change of the document: read models derive from it. */
  revision = $state(0);
  /**
   * Whether the document has synced with the server at least once (and so holds the board, not
   * the empty document it starts as); stays true across reconnects. Until then a board with 50
   * notes would read as an empty one.
   */
  get loaded(): boolean {
    return this.#loaded;
  }

  #provider: WebsocketProvider;
  #loaded = $state(false);
  #unobserve: () => void;
  #onUpdate = () => {
    this.revision++;
  };

  /**
   * `seed`: the document as the join's answer carried it (`JoinStart.board`): shown at once, and the
   * socket then asks only for what came after, as a reconnect does.
   */
  constructor(room: string, token: string, origin: string, seed?: Uint8Array) {
    this.#unobserve = observeNotes(this.doc, (notes) => {
      this.notes = notes;
    });
    if (seed && applies(this.doc, seed)) {
      this.notes = readNotes(this.doc);
      this.#loaded = true;
    }
    this.doc.on('update', this.#onUpdate);
    this.#provider = new WebsocketProvider(`${origin}/yjs`, room, this.doc, {
      // Offered on every (re)connect; URLs end up in proxy logs, so the token is not in this one.
      protocols: boardSyncProtocols(token),
      // Issue 14: the first connect holds nothing yet, so the server greets it with the whole board
      // at once (apps/server/src/boards/upgrade.ts) instead of a round trip later. Dropped once
      // synced (see 'sync' below): a reconnect holds the board and asks only for what it lacks.
      params: this.#loaded ? {} : { [BOARD_FRESH_PARAM]: '1' },
      disableBc: true,
      // A rate limit (4429) is not final: the status shows "Reconnecting…" until the backoff ends.
      shouldReconnect: (event) => reconnectsAfter(event.code),
    });
    this.#provider.awareness.setLocalState(null);
    this.#provider.on('status', ({ status }) => {
      if (status !== 'connected') this.status = this.#loaded ? 'reconnecting' : 'connecting';
    });
    this.#provider.on('sync', (synced: boolean) => {
      if (synced) {
        if (!this.#loaded) {
          this.#loaded = true;
          // y-websocket 3 builds `url` from `params` on every connect (a getter, and its docs say
          // params may be changed): from now on it connects without `fresh`.
          this.#provider.params = {};
        }
        this.status = 'connected';
        this.notes = readNotes(this.doc);
        this.revision++;
      } else if (this.status === 'connected') {
        this.status = 'reconnecting';
      }
    });
    this.#provider.on('closed', ({ code }) => {
      this.status = 'closed';
      this.closedCode = code;
    });
  }

  /** Tries again after the server closed the connection for good (for example after a lock was lifted). */
  reconnect(): void {
    this.closedCode = null;
    this.status = this.#loaded ? 'reconnecting' : 'connecting';
    this.#provider.connect();
  }

  destroy(): void {
    this.#unobserve();
    this.doc.off('update', this.#onUpdate);
    this.#provider.destroy();
    this.doc.destroy();
  }
}

/** Applies an update that came from elsewhere; false when it does not read as one. */
function applies(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    Y.applyUpdate(doc, update);
    return true;
  } catch {
    // Whatever it left in the doc is the board's too: the fresh greeting merges the whole board in.
    return false;
  }
}

const columnOrNull = (columnId: string) => (columnId === IMPLICIT_COLUMN_ID ? null : columnId);

/**
 * One shared board. Notes are written through commands (see BoardPanel); what has no command —
 * where a note sits, groups, and facilitators' columns — is written here, straight into the
 * document, which the server's write guard allows (core SPEC BD12).
 */
export class BoardConnection extends SyncedDoc {
  readonly boardId: string;

  constructor(boardId: string, token: string, origin: string = wsOrigin(), seed?: Uint8Array) {
    super(boardId, token, origin, seed);
    this.boardId = boardId;
  }

  /** Writes a note in the person's own name (named boards only; the old direct path). */
  add(input: { text: string; color: NoteColor; authorId: string }): Note {
    return addNote(this.doc, input);
  }

  edit(id: string, text: string): boolean {
    return editNoteText(this.doc, id, text);
  }

  recolor(id: string, color: NoteColor): boolean {
    return setNoteColor(this.doc, id, color);
  }

  remove(id: string): boolean {
    return deleteNote(this.doc, id);
  }

  /**
   * One placement change, by drag or keyboard: into a column (`null` or the implicit column's id:
   * the implicit one) or a group, before a note (null: at the end). One document transaction, so
   * two people dragging the same note at once settle the same way everywhere.
   */
  moveNote(noteId: string, to: MoveTarget, before: string | null = null): boolean {
    return moveNote(this.doc, noteId, to, before);
  }

  createGroup(title: string, columnId: string, noteIds: string[] = []): string {
    const column = columnOrNull(columnId);
    return createCluster(this.doc, { title, ...(column ? { columnId: column } : {}), noteIds });
  }

  renameGroup(id: string, title: string): boolean {
    return renameCluster(this.doc, id, title);
  }

  removeGroup(id: string): boolean {
    return removeCluster(this.doc, id);
  }

  /** Facilitators only (the server refuses columns from participants). */
  addColumn(title: string): string {
    return addColumn(this.doc, { title });
  }
}

/**
 * One person's private drafts of a board (BD7): `/yjs/<boardId>/drafts/<participantId>`. Only
 * they can read it; they write while the board is in private writing. The server moves the
 * drafts onto the board when the facilitator reveals them.
 */
export class DraftsConnection extends SyncedDoc {
  constructor(boardId: string, participantId: string, token: string, origin: string = wsOrigin()) {
    super(`${boardId}/drafts/${participantId}`, token, origin);
  }

  add(input: {
    text: string;
    color: NoteColor;
    authorId: string;
    columnId: string;
    ownerKey?: string;
  }): Note {
    const column = columnOrNull(input.columnId);
    return addNote(this.doc, {
      text: input.text,
      color: input.color,
      authorId: input.authorId,
      ...(column ? { columnId: column } : {}),
      ...(input.ownerKey ? { ownerKey: input.ownerKey } : {}),
    });
  }

  edit(id: string, text: string, color: NoteColor): void {
    editNoteText(this.doc, id, text);
    setNoteColor(this.doc, id, color);
  }

  remove(id: string): boolean {
    return deleteNote(this.doc, id);
  }
}

/**
 * A board's moderation document (core SPEC BD14): `/yjs/<boardId>/moderation`, the words of its
 * hidden notes, which leave the board itself while hidden. Facilitators only, read-only (the
 * server is its only writer): pass `hiddenWords` to `readBoard` to see hidden notes with their words.
 */
export class ModerationConnection extends SyncedDoc {
  hiddenWords = $state.raw<HiddenWords>(readHiddenWords(this.doc));

  #onWords = () => {
    this.hiddenWords = readHiddenWords(this.doc);
  };

  constructor(boardId: string, token: string, origin: string = wsOrigin()) {
    super(`${boardId}/moderation`, token, origin);
    this.doc.on('update', this.#onWords);
  }

  override destroy(): void {
    this.doc.off('update', this.#onWords);
    super.destroy();
  }
}
