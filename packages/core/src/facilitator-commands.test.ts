import type { Command } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { FACILITATOR_COMMANDS, type FacilitatorCommandType } from './permissions';
import { ADA, CAPTIONER, COFAC, HOST, OBSERVER, TestSession } from './testing';

/** One sample of every facilitator command; the type makes a new one impossible to forget here. */
const SAMPLES: { [T in FacilitatorCommandType]: Extract<Command, { type: T }> } = {
  'board.setLock': { type: 'board.setLock', boardId: 'board1', locked: true },
  'participant.setRole': { type: 'participant.setRole', participantId: ADA, role: 'observer' },
  'participant.remove': { type: 'participant.remove', participantId: ADA },
  'agenda.add': { type: 'agenda.add', segment: { title: 'Welcome', kind: 'talk', plannedMinutes: 5 } },
  'agenda.update': { type: 'agenda.update', segmentId: 'segment1', changes: { title: 'x' } },
  'agenda.remove': { type: 'agenda.remove', segmentId: 'segment1' },
  'agenda.move': { type: 'agenda.move', segmentId: 'segment1', toIndex: 0 },
  'agenda.next': { type: 'agenda.next' },
  'agenda.previous': { type: 'agenda.previous' },
  'agenda.jump': { type: 'agenda.jump', segmentId: null },
  'timer.start': { type: 'timer.start', durationMs: 60_000 },
  'timer.pause': { type: 'timer.pause' },
  'timer.resume': { type: 'timer.resume' },
  'timer.adjust': { type: 'timer.adjust', deltaMs: 1000 },
  'timer.reset': { type: 'timer.reset' },
  'timer.clear': { type: 'timer.clear' },
  'floor.start': { type: 'floor.start', setup: { mode: 'fishbowl', seats: 3 } },
  'floor.setOptions': { type: 'floor.setOptions', quietFirst: true },
  'floor.give': { type: 'floor.give', participantId: ADA },
  'round.skip': { type: 'round.skip' },
  'fishbowl.setSeats': { type: 'fishbowl.setSeats', seats: 2 },
  'fishbowl.invite': { type: 'fishbowl.invite', participantId: ADA },
  'fishbowl.release': { type: 'fishbowl.release', participantId: ADA },
  'reflecting.setTeam': { type: 'reflecting.setTeam', teamIds: [ADA] },
  'reflecting.setPhase': { type: 'reflecting.setPhase', phase: 'others' },
  'qa.mark': { type: 'qa.mark', questionId: 'question1', flag: 'answered', on: true },
  'announcement.post': { type: 'announcement.post', text: 'Hello' },
  'announcement.clear': { type: 'announcement.clear', announcementId: 'announce1' },
};

describe('facilitator commands', () => {
  it('C2: every facilitator command from a participant, observer or captioner is forbidden', () => {
    const s = new TestSession();
    for (const type of FACILITATOR_COMMANDS) {
      for (const who of [ADA, OBSERVER, CAPTIONER]) {
        expect({ type, who, code: s.refused(who, SAMPLES[type]) }).toEqual({ type, who, code: 'forbidden' });
      }
    }
  });

  it('C2: hosts and co-facilitators are never refused as `forbidden` for them', () => {
    for (const who of [HOST, COFAC]) {
      for (const type of FACILITATOR_COMMANDS) {
        const decision = new TestSession().run(who, SAMPLES[type]);
        expect({ type, code: decision.ok ? 'ok' : decision.error.code }).not.toEqual({
          type,
          code: 'forbidden',
        });
      }
    }
  });
});
