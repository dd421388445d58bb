import { NOTE_COLORS, PROTOCOL_VERSION, type CommandAck } from '@kring/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * Boards for the benchmarks, written the way people write them: the host adds a board of the IPS
 * four-tasks template and focuses it, then participants send `note.add` commands over socket.io.
 * The server's per-person command limit (100 in 10 s) is why a big board has many writers, not one.
 */

/** What `createSession` (./server) makes: the facilitator link carries both. */
export interface SessionKeys {
  /** The join code, the last step of the session's paths. */
  code: string;
  /** The host's token, in the facilitator link's fragment (`#token=`). */
  hostToken: string;
}

export interface SeededBoard {
  boardId: string;
  /** The text of the note at the top of the first column (written before any other). */
  firstInFirstColumn: string;
  /** The text of the last note of the first column, which scrolling has to reach. */
  lastInFirstColumn: string;
}

/** The template's column keys are the columns' ids (packages/board applyTemplate). */
const COLUMNS = ['connection', 'worldview', 'mutuality', 'moving-towards'] as const;
const NOTES_PER_WRITER = 80;
const WORDS = 'listen ask wait notice wonder share trust name feel offer doubt learn'.split(' ');

/** Notes of varied length (one to four lines on a phone), numbered so a run can find one by text. */
export function noteText(i: number): string {
  const words = Array.from({ length: 6 + ((i * 7) % 24) }, (_, k) => WORDS[(i + k * 5) % WORDS.length]);
  return `Note ${i}: ${words.join(' ')}`;
}

export function sessionKeys(facilitatorUrl: string): SessionKeys {
  const link = new URL(facilitatorUrl);
  return {
    code: link.pathname.split('/').pop() ?? '',
    hostToken: new URLSearchParams(link.hash.slice(1)).get('token') ?? '',
  };
}

/** The protocol version the server under test speaks; learnt from its refusal when it differs. */
let protocolVersion: number = PROTOCOL_VERSION;

/**
 * A socket of one person. A build measured with --compare may speak another protocol version
 * than this checkout: the server names its own when it refuses, and the commands used here are
 * the same in both, so the connection is tried again once with that version.
 */
async function connect(url: string, token: string, retry = true): Promise<Socket> {
  const socket = io(url, {
    auth: { token, protocolVersion },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  } catch (err) {
    socket.disconnect();
    const said = (err as { data?: { message?: string } }).data?.message ?? '';
    const spoken = /speaks protocol (\d+)/.exec(said)?.[1];
    if (!retry || !spoken) throw err;
    protocolVersion = Number(spoken);
    return connect(url, token, false);
  }
}

async function send(socket: Socket, command: Record<string, unknown>): Promise<void> {
  const ack = (await socket.timeout(30_000).emitWithAck('command', command)) as CommandAck;
  if (!ack.ok) throw new Error(`${String(command.type)} refused: ${ack.error.message}`);
}

/** Joins the session as a participant over HTTP, as the join page does: their token. */
export async function joinAs(url: string, code: string, displayName: string): Promise<string> {
  const res = await fetch(`${url}/api/sessions/${code}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  if (res.status !== 201) throw new Error(`join answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The host adds a four-tasks board titled `title` and focuses it, so a newcomer lands on it. */
async function addFocusedBoard(url: string, keys: SessionKeys, title: string): Promise<string> {
  const host = await connect(url, keys.hostToken);
  try {
    await send(host, { type: 'board.add', title, templateId: 'ips-four-tasks' });
    // The command's answer carries no id: the session's summary names the board.
    const summary = await fetch(`${url}/api/sessions/${keys.code}`, {
      headers: { authorization: `Bearer ${keys.hostToken}` },
    });
    const { boards } = (await summary.json()) as { boards: { id: string; title: string }[] };
    const boardId = boards.find((b) => b.title === title)?.id;
    if (!boardId) throw new Error(`the board "${title}" was not added`);
    await send(host, { type: 'board.focus', boardId });
    return boardId;
  } finally {
    host.disconnect();
  }
}

/**
 * Writes notes 0 … notes-1 over the columns in turn. Note 0 goes first, alone, so it tops the first
 * column; the last note of each column goes after all the others, so a run knows which note ends
 * the first column; the rest go at once, one writer per NOTES_PER_WRITER notes.
 */
async function writeNotes(url: string, code: string, boardId: string, notes: number): Promise<void> {
  const head = Math.min(1, notes);
  const tail = Math.min(COLUMNS.length, notes - head);
  const bulkEnd = notes - tail;
  const writers = Math.max(1, Math.ceil((bulkEnd - head) / NOTES_PER_WRITER));
  const tokens = await Promise.all(
    Array.from({ length: writers }, (_, w) => joinAs(url, code, `Writer ${w + 1}`)),
  );
  const sockets = await Promise.all(tokens.map((token) => connect(url, token)));
  const first = sockets[0] as Socket;
  const add = (socket: Socket, i: number) =>
    send(socket, {
      type: 'note.add',
      boardId,
      text: noteText(i),
      color: NOTE_COLORS[i % NOTE_COLORS.length],
      columnId: COLUMNS[i % COLUMNS.length],
    });
  try {
    if (head > 0) await add(first, 0);
    await Promise.all(
      sockets.map(async (socket, w) => {
        for (let i = head + w; i < bulkEnd; i += writers) await add(socket, i);
      }),
    );
    for (let i = bulkEnd; i < notes; i++) await add(first, i);
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

/**
 * A board of `notes` notes over the four columns of the IPS four-tasks template, focused, in the
 * session `keys` opens (its join code and host token).
 */
export async function seedBoard(
  url: string,
  keys: SessionKeys,
  board: { title: string; notes: number },
): Promise<SeededBoard> {
  const boardId = await addFocusedBoard(url, keys, board.title);
  await writeNotes(url, keys.code, boardId, board.notes);
  const lastFirst = board.notes - 1 - ((board.notes - 1) % COLUMNS.length);
  return { boardId, firstInFirstColumn: noteText(0), lastInFirstColumn: noteText(lastFirst) };
}
