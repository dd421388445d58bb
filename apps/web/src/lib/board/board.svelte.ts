import {
  addNote,
  deleteNote,
  editNoteText,
  observeNotes,
  readNotes,
  setNoteColor,
  type Note,
  type NoteColor,
} from '@kring/board';
import { WS_CLOSE } from '@kring/protocol';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** connected means connected and in sync with the server's copy of the board. */
export type BoardStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

const CLOSE_MESSAGES: Record<number, string> = {
  [WS_CLOSE.unauthorized]: 'The board did not accept this device. Join the session again.',
  [WS_CLOSE.forbidden]: 'You do not have access to this board.',
  [WS_CLOSE.notFound]: 'This board no longer exists.',
  [WS_CLOSE.tooLarge]: 'The last change was too large for the board. Reload the page to continue.',
  [WS_CLOSE.badMessage]: 'The board connection broke off. Reload the page to continue.',
};

/** `ws(s)://host` for the page's own origin. */
export function wsOrigin(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}`;
}

/**
 * One shared board: a Yjs document kept in sync with the server over the stock y-websocket
 * provider (`/yjs/<boardId>?token=…`). Local edits made while offline are sent on reconnect.
 */
export class BoardConnection {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  notes = $state.raw<Note[]>([]);
  status = $state<BoardStatus>('connecting');
  closedMessage = $state<string | null>(null);

  #provider: WebsocketProvider;
  #everSynced = false;
  #unobserve: () => void;

  constructor(boardId: string, token: string, origin: string = wsOrigin()) {
    this.boardId = boardId;
    this.#unobserve = observeNotes(this.doc, (notes) => {
      this.notes = notes;
    });
    this.#provider = new WebsocketProvider(`${origin}/yjs`, boardId, this.doc, {
      params: { token },
      disableBc: true,
    });
    this.#provider.on('status', ({ status }) => {
      if (status !== 'connected') this.status = this.#everSynced ? 'reconnecting' : 'connecting';
    });
    this.#provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.#everSynced = true;
        this.status = 'connected';
        this.notes = readNotes(this.doc);
      } else if (this.status === 'connected') {
        this.status = 'reconnecting';
      }
    });
    this.#provider.on('closed', ({ code }) => {
      this.status = 'closed';
      this.closedMessage = CLOSE_MESSAGES[code] ?? `The board connection was closed (${code}).`;
    });
  }

  /** Tries again after the server closed the connection for good (for example after a lock was lifted). */
  reconnect(): void {
    this.closedMessage = null;
    this.status = this.#everSynced ? 'reconnecting' : 'connecting';
    this.#provider.connect();
  }

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

  destroy(): void {
    this.#unobserve();
    this.#provider.destroy();
    this.doc.destroy();
  }
}
