import { maySpeak, turnInfo } from '@kring/core';
import type { RoundOutcome, Signal, TeamPhase } from '@kring/protocol';
import { asFloorState, type FloorMode, type FloorViewOf } from './floor';
import { listNames, nameFor, nameOf, type People } from './people';
import type { FloorView } from '@kring/protocol';

export const MODE_LABEL: Record<FloorMode, string> = {
  open: 'Open floor',
  round: 'Round',
  piece: 'Talking piece',
  fishbowl: 'Fishbowl',
  reflecting: 'Reflecting team',
};

/** One sentence per mode, in plain words, for everyone. */
export const MODE_HINT: Record<FloorMode, string> = {
  open: 'Raise your hand to ask for the floor. The facilitator gives the floor in the order of the queue.',
  round: 'Everyone gets a turn in order. Passing is always fine.',
  piece: 'Whoever holds the talking piece speaks. They hand it on, or put it back in the centre.',
  fishbowl: 'The people in the inner circle speak; everyone else listens. Step in when a seat is free.',
  reflecting: 'The team reflects aloud while the others listen; then the others respond.',
};

/** In a breakout room the room runs its own floor (BR15): no facilitator hands it out. */
export const ROOM_MODE_HINT: Record<FloorMode, string> = {
  ...MODE_HINT,
  open: 'Raise your hand to ask for the floor. Whoever runs the room’s floor gives it in the order of the queue.',
};

export const PHASE_LABEL: Record<TeamPhase, string> = {
  team: 'The team reflects — others listen',
  others: 'Others respond',
};

/** Neutral words for how a round turn ended: passing is as fine as speaking. */
export const OUTCOME_LABEL: Record<RoundOutcome, string> = {
  spoke: 'spoke',
  passed: 'passed',
  skipped: 'skipped',
};

export const SIGNAL_LABEL: Record<Signal, string> = {
  pause: 'needs a pause',
  notToday: 'asks not to be called on today',
};

export interface FloorSummary {
  /** Who speaks now, in words ("Ana", "Nobody yet", "Ana and Bo"). */
  speaking: string;
  /** Label of the "speaking" line, which differs per mode. */
  speakingLabel: string;
  /** Who comes next, or null where the mode has no "next". */
  next: string | null;
}

/** F-R2/F-Q: who speaks now and who is next, as every screen shows it. */
export function floorSummary(floor: FloorView, people: People, you: string | null): FloorSummary {
  const name = (id: string) => {
    const n = nameFor(people, id, you);
    return n === 'you' ? 'You' : n;
  };
  const speaker = floor.speaker ? name(floor.speaker.participantId) : null;
  const next = floor.next ? name(floor.next) : null;
  switch (floor.mode) {
    case 'open':
      return {
        speakingLabel: 'Speaking now',
        speaking: speaker ?? 'Nobody has been given the floor',
        next: next ?? 'Nobody is waiting',
      };
    case 'round':
      return {
        speakingLabel: 'Speaking now',
        speaking: speaker ?? (floor.turns.length >= floor.order.length ? 'The round is complete' : 'Nobody'),
        next: speaker ? (next ?? 'Nobody: this is the last turn') : null,
      };
    case 'piece':
      return {
        speakingLabel: 'Holding the piece',
        speaking: speaker ?? 'Nobody: the piece is in the centre',
        next: null,
      };
    case 'fishbowl':
      return {
        speakingLabel: 'In the inner circle',
        speaking: innerNames(floor, name) || 'Nobody yet',
        next: null,
      };
    case 'reflecting': {
      const team = floor.team.map(name);
      return {
        speakingLabel: 'May speak now',
        speaking: floor.phase === 'team' ? `The team: ${listNames(team)}` : 'Everyone who is not on the team',
        next: null,
      };
    }
  }
}

const innerNames = (floor: FloorViewOf<'fishbowl'>, name: (id: string) => string) =>
  listNames(floor.inner.map((s) => name(s.participantId)));

export interface YourPlace {
  /** The sentence this person reads first: "It is your turn.", "You are next.", "Please listen now." */
  text: string;
  /** F4: whether they may speak now. */
  maySpeak: boolean;
  /** Whether it is their turn (their name is on the floor): shown with emphasis. */
  yourTurn: boolean;
}

/**
 * F4/F5: this person's place on the floor in one sentence. `takesPart` is false for observers and
 * captioners, who follow the conversation without taking the floor (F3).
 */
export function yourPlace(floor: FloorView, you: string, people: People, takesPart: boolean): YourPlace {
  const state = asFloorState(floor);
  const may = takesPart && maySpeak(state, you);
  const info = takesPart ? turnInfo(state, you) : null;
  if (!takesPart)
    return {
      text: 'You follow the conversation; you do not take the floor.',
      maySpeak: false,
      yourTurn: false,
    };
  const speakerName = floor.speaker ? nameOf(people, floor.speaker.participantId) : null;
  switch (floor.mode) {
    case 'open': {
      if (info === 'speaking')
        return { text: 'It is your turn. You have the floor.', maySpeak: true, yourTurn: true };
      if (info === 'next')
        return {
          text: `You are next. ${speakerName ? `${speakerName} is speaking.` : ''}`.trim(),
          maySpeak: may,
          yourTurn: false,
        };
      if (!floor.speaker)
        return { text: 'The floor is open: anyone may speak.', maySpeak: may, yourTurn: false };
      return { text: `${speakerName} has the floor. Please listen.`, maySpeak: may, yourTurn: false };
    }
    case 'round': {
      if (info === 'speaking')
        return { text: 'It is your turn. Speak, or pass: both are fine.', maySpeak: true, yourTurn: true };
      if (info === 'next')
        return { text: `You are next, after ${speakerName}.`, maySpeak: false, yourTurn: false };
      if (!floor.speaker)
        return { text: 'The round is complete: anyone may speak.', maySpeak: may, yourTurn: false };
      return { text: `${speakerName} is speaking. Please listen.`, maySpeak: may, yourTurn: false };
    }
    case 'piece': {
      if (info === 'speaking')
        return { text: 'It is your turn: you hold the talking piece.', maySpeak: true, yourTurn: true };
      if (!floor.speaker)
        return {
          text: 'The piece is in the centre. Take it when you want to speak.',
          maySpeak: false,
          yourTurn: false,
        };
      return { text: `${speakerName} holds the piece. Please listen.`, maySpeak: false, yourTurn: false };
    }
    case 'fishbowl':
      return may
        ? { text: 'You are in the inner circle: you may speak.', maySpeak: true, yourTurn: true }
        : { text: 'You are listening from the outer circle.', maySpeak: false, yourTurn: false };
    case 'reflecting': {
      const onTeam = floor.team.includes(you);
      if (floor.phase === 'team') {
        return onTeam
          ? {
              text: 'You are on the team: reflect aloud now while the others listen.',
              maySpeak: true,
              yourTurn: true,
            }
          : {
              text: 'The team reflects. Please listen now; you respond afterwards.',
              maySpeak: false,
              yourTurn: false,
            };
      }
      return onTeam
        ? { text: 'The others respond now. Please listen.', maySpeak: false, yourTurn: false }
        : { text: 'Your turn to respond: you may speak now.', maySpeak: true, yourTurn: true };
    }
  }
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
