import { NOTE_COLORS, PROTOCOL_VERSION, type CommandAck } from '@kring/protocol';
import { io, type Socket } from 'socket.io-client';
import { createSession } from './server';

/**
 * A session whose focused board holds `notes` notes over the four columns of the IPS four-tasks
 * template, written the way people write them: `note.add` commands from many participants at once.
 * The server's per-person command limit (100 in 10 s) is why there are many writers, not one.
 */
export interface BigBoard {
  boardId: string;
  /** The session page of a participant who has joined (a token in the fragment, as after a join). */
  viewerUrl: string;
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

async function joinAs(url: string, code: string, displayName: string): Promise<string> {
  const res = await fetch(`${url}/api/sessions/${code}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  if (res.status !== 201) throw new Error(`join answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function seedBigBoard(url: string, notes: number): Promise<BigBoard> {
  const links = await createSession(url);
  const facilitator = new URL(links.facilitatorUrl);
  const code = facilitator.pathname.split('/').pop() ?? '';
  const hostToken = new URLSearchParams(facilitator.hash.slice(1)).get('token') ?? '';

  const host = await connect(url, hostToken);
  try {
    await send(host, { type: 'board.add', title: 'Four tasks', templateId: 'ips-four-tasks' });
    const summary = await fetch(`${url}/api/sessions/${code}`, {
      headers: { authorization: `Bearer ${hostToken}` },
    });
    const { boards } = (await summary.json()) as { boards: { id: string; title: string }[] };
    const boardId = boards.find((b) => b.title === 'Four tasks')?.id;
    if (!boardId) throw new Error('the four-tasks board was not added');
    await send(host, { type: 'board.focus', boardId });

    // The last note of each column is written after all the others, so a run knows which note
    // ends the first column; the rest go at once, one writer per NOTES_PER_WRITER notes.
    const tail = Math.min(COLUMNS.length, notes);
    const bulk = notes - tail;
    const writers = Math.max(1, Math.ceil(bulk / NOTES_PER_WRITER));
    const tokens = await Promise.all(
      Array.from({ length: writers }, (_, w) => joinAs(url, code, `Writer ${w + 1}`)),
    );
    const sockets = await Promise.all(tokens.map((token) => connect(url, token)));
    const add = (socket: Socket, i: number) =>
      send(socket, {
        type: 'note.add',
        boardId,
        text: noteText(i),
        color: NOTE_COLORS[i % NOTE_COLORS.length],
        columnId: COLUMNS[i % COLUMNS.length],
      });
    try {
      await Promise.all(
        sockets.map(async (socket, w) => {
          for (let i = w; i < bulk; i += writers) await add(socket, i);
        }),
      );
      for (let i = bulk; i < notes; i++) await add(sockets[0] as Socket, i);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
    const viewerToken = await joinAs(url, code, 'Viewer');
    const lastFirst = notes - 1 - ((notes - 1) % COLUMNS.length);
    return {
      boardId,
      viewerUrl: `${url}/s/${code}#token=${viewerToken}`,
      lastInFirstColumn: noteText(lastFirst),
    };
  } finally {
    host.disconnect();
  }
}
