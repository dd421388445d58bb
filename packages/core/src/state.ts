import { initialPrivacy } from './privacy/privacy';
import {
  type BoardArrange,
  type BoardState,
  type FloorState,
  PLENARY,
  type SessionState,
  type TemplateId,
} from '@kring/protocol';

/**
 * The session engine's state (its schema lives in protocol, because snapshots carry it). The
 * server holds it whole; each client holds a copy cut for its audience (`redactState`).
 */
export type { SessionState };

/** Every floor starts open, with nobody speaking and no hands up. */
export function initialFloor(): FloorState {
  return { mode: 'open', speaker: null, softTurnMs: null, balance: {}, hands: [], quietFirst: false };
}

export function emptyState(): SessionState {
  return {
    version: 0,
    sessionId: '',
    title: '',
    joinCode: '',
    createdAt: 0,
    doorOpen: true,
    participants: {},
    boards: [],
    focusBoardId: null,
    agenda: { segments: [], currentId: null },
    timers: {},
    floors: { [PLENARY]: initialFloor() },
    questions: {},
    announcements: [],
    signals: {},
    breakouts: { current: null, history: [] },
    captions: { sources: {}, inHarvest: false },
    privacy: initialPrivacy(),
  };
}

/**
 * A new board: open for writing, unlocked, not archived, no vote (S1, BD1); everyone arranges
 * notes and nothing is screened unless it says otherwise (BD16, BD17).
 */
export function newBoard(
  id: string,
  title: string,
  templateId: TemplateId = 'blank',
  anonymous = false,
  rules: {
    arrange?: BoardArrange | undefined;
    screening?: boolean | undefined;
    lasting?: boolean | undefined;
  } = {},
): BoardState {
  return {
    id,
    title,
    locked: false,
    templateId,
    anonymous,
    archived: false,
    phase: 'open',
    vote: null,
    reactions: {},
    authors: {},
    arrange: rules.arrange ?? 'everyone',
    screening: rules.screening ?? false,
    lasting: rules.lasting ?? false,
  };
}
