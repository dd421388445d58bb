import { joinAs, seedBoard, sessionKeys } from './seed';
import { createSession } from './server';

/**
 * A session whose focused board holds `notes` notes over the four columns of the IPS four-tasks
 * template, written the way people write them: `note.add` commands from many participants at once
 * (./seed).
 */
export interface BigBoard {
  boardId: string;
  /** The session page of a participant who has joined (a token in the fragment, as after a join). */
  viewerUrl: string;
  /** The text of the last note of the first column, which scrolling has to reach. */
  lastInFirstColumn: string;
}

export async function seedBigBoard(url: string, notes: number): Promise<BigBoard> {
  const keys = sessionKeys((await createSession(url)).facilitatorUrl);
  const board = await seedBoard(url, keys, { title: 'Four tasks', notes });
  const viewerToken = await joinAs(url, keys.code, 'Viewer');
  return {
    boardId: board.boardId,
    viewerUrl: `${url}/s/${keys.code}#token=${viewerToken}`,
    lastInFirstColumn: board.lastInFirstColumn,
  };
}
