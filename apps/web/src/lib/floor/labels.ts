import { maySpeak, turnInfo } from '@kring/core';
import type { RoundOutcome, Signal, TeamPhase } from '@kring/protocol';
import { asFloorState, type FloorMode, type FloorViewOf } from './floor';
import { listNames, nameOf, type People } from './people';
import type { FloorView } from '@kring/protocol';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { wordsOf } from '$lib/i18n/words';

/*
 * The words of the floor come from the `floor` message catalogue. The label records are `wordsOf`
 * records, so `MODE_LABEL[mode]` asks for the message in the page's language each time a
 * template (or a `$derived`) reads it, and a language switch re-renders it in place.
 */

export const MODE_LABEL: Record<FloorMode, string> = wordsOf({
  open: () => m.floor_mode_open(),
  round: () => m.floor_mode_round(),
  piece: () => m.floor_mode_piece(),
  fishbowl: () => m.floor_mode_fishbowl(),
  reflecting: () => m.floor_mode_reflecting(),
});

/** One sentence per mode, in plain words, for everyone. */
export const MODE_HINT: Record<FloorMode, string> = wordsOf({
  open: () => m.floor_mode_hint_open(),
  round: () => m.floor_mode_hint_round(),
  piece: () => m.floor_mode_hint_piece(),
  fishbowl: () => m.floor_mode_hint_fishbowl(),
  reflecting: () => m.floor_mode_hint_reflecting(),
});

/** In a breakout room the room runs its own floor (BR15): no facilitator hands it out. */
export const ROOM_MODE_HINT: Record<FloorMode, string> = wordsOf({
  open: () => m.floor_mode_hint_open_room(),
  round: () => MODE_HINT.round,
  piece: () => MODE_HINT.piece,
  fishbowl: () => MODE_HINT.fishbowl,
  reflecting: () => MODE_HINT.reflecting,
});

export const PHASE_LABEL: Record<TeamPhase, string> = wordsOf({
  team: () => m.floor_phase_team(),
  others: () => m.floor_phase_others(),
});

/** Neutral words for how a round turn ended: passing is as fine as speaking. */
export const OUTCOME_LABEL: Record<RoundOutcome, string> = wordsOf({
  spoke: () => m.floor_status_spoke(),
  passed: () => m.floor_status_passed(),
  skipped: () => m.floor_status_skipped(),
});

export const SIGNAL_LABEL: Record<Signal, string> = wordsOf({
  pause: () => m.floor_signal_pause(),
  notToday: () => m.floor_signal_not_today(),
});

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
  const name = (id: string) => (id === you ? m.floor_you_capital() : nameOf(people, id));
  const speaker = floor.speaker ? name(floor.speaker.participantId) : null;
  const next = floor.next ? name(floor.next) : null;
  switch (floor.mode) {
    case 'open':
      return {
        speakingLabel: m.floor_speaking_now(),
        speaking: speaker ?? m.floor_nobody_given_floor(),
        next: next ?? m.floor_nobody_waiting(),
      };
    case 'round':
      return {
        speakingLabel: m.floor_speaking_now(),
        speaking:
          speaker ??
          (floor.turns.length >= floor.order.length ? m.floor_round_complete_short() : m.floor_nobody()),
        next: speaker ? (next ?? m.floor_nobody_last_turn()) : null,
      };
    case 'piece':
      return {
        speakingLabel: m.floor_holding_piece(),
        speaking: speaker ?? m.floor_nobody_piece_centre(),
        next: null,
      };
    case 'fishbowl':
      return {
        speakingLabel: m.floor_in_inner_circle(),
        speaking: innerNames(floor, name) || m.floor_nobody_yet(),
        next: null,
      };
    case 'reflecting': {
      const team = floor.team.map(name);
      return {
        speakingLabel: m.floor_may_speak_now(),
        speaking:
          floor.phase === 'team'
            ? m.floor_the_team({ names: listNames(team) })
            : m.floor_everyone_not_on_team(),
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
      text: m.floor_place_observer(),
      maySpeak: false,
      yourTurn: false,
    };
  const speakerName = floor.speaker ? nameOf(people, floor.speaker.participantId) : null;
  switch (floor.mode) {
    case 'open': {
      if (info === 'speaking') return { text: m.floor_place_open_yours(), maySpeak: true, yourTurn: true };
      if (info === 'next')
        return {
          text: speakerName ? m.floor_place_next_speaker({ name: speakerName }) : m.floor_you_are_next(),
          maySpeak: may,
          yourTurn: false,
        };
      if (!floor.speaker) return { text: m.floor_place_open_free(), maySpeak: may, yourTurn: false };
      return { text: m.floor_place_open_other({ name: speakerName ?? '' }), maySpeak: may, yourTurn: false };
    }
    case 'round': {
      if (info === 'speaking') return { text: m.floor_place_round_yours(), maySpeak: true, yourTurn: true };
      if (info === 'next')
        return {
          text: m.floor_place_round_next({ name: speakerName ?? '' }),
          maySpeak: false,
          yourTurn: false,
        };
      if (!floor.speaker) return { text: m.floor_place_round_complete(), maySpeak: may, yourTurn: false };
      return { text: m.floor_place_round_other({ name: speakerName ?? '' }), maySpeak: may, yourTurn: false };
    }
    case 'piece': {
      if (info === 'speaking') return { text: m.floor_your_turn_piece(), maySpeak: true, yourTurn: true };
      if (!floor.speaker)
        return {
          text: m.floor_place_piece_centre(),
          maySpeak: false,
          yourTurn: false,
        };
      return {
        text: m.floor_place_piece_other({ name: speakerName ?? '' }),
        maySpeak: false,
        yourTurn: false,
      };
    }
    case 'fishbowl':
      return may
        ? { text: m.floor_inner_may_speak(), maySpeak: true, yourTurn: true }
        : { text: m.floor_place_outer_circle(), maySpeak: false, yourTurn: false };
    case 'reflecting': {
      const onTeam = floor.team.includes(you);
      if (floor.phase === 'team') {
        return onTeam
          ? {
              text: m.floor_place_team_reflect(),
              maySpeak: true,
              yourTurn: true,
            }
          : {
              text: m.floor_place_team_listen(),
              maySpeak: false,
              yourTurn: false,
            };
      }
      return onTeam
        ? { text: m.floor_place_others_respond(), maySpeak: false, yourTurn: false }
        : { text: m.floor_place_your_response(), maySpeak: true, yourTurn: true };
    }
  }
}

/** 1 → "1st", 2 → "2nd", 11 → "11th" (English; see `queuePlace`). */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * Your place in the hand-raise queue as the hint sentence takes it: "2nd" in English, the plain
 * number in Dutch and French ("op plaats 2", "en position 2").
 */
export function queuePlace(n: number): string {
  return getLocale() === 'en' ? ordinal(n) : new Intl.NumberFormat(getLocale()).format(n);
}
