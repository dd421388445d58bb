import { SessionEvent, SessionState, SessionView } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { evolve, evolveAll, replay } from '../reducer';
import { emptyState } from '../state';
import { ADA, BEN, CAI, CAPTIONER, COFAC, HOST, OBSERVER, TestSession, ownerKeyOf } from '../testing';
import { randomSession } from './random-session';
import { needsSnapshot } from './audience';
import { redactBatch, redactEvents, redactState } from './redact';
import { viewFor } from './view';

/** Facilitator, participant (who asks anonymously), observer: the three audiences. */
const VIEWERS = [COFAC, ADA, OBSERVER] as const;

/** A session touching every private corner: notes, anonymous questions, votes, hiding, signals, removal. */
function scripted(): TestSession {
  const s = new TestSession();
  s.join('part04', 'Dee');
  s.ok(HOST, {
    type: 'agenda.add',
    segment: { title: 'Welcome', kind: 'talk', plannedMinutes: 5, notes: 'secret' },
  });
  const welcome = s.lastId();
  s.ok(HOST, {
    type: 'agenda.add',
    segment: { title: 'Round', kind: 'round', plannedMinutes: 15, prompt: 'Arrive' },
  });
  s.ok(HOST, { type: 'agenda.update', segmentId: welcome, changes: { notes: 'more secret' } });
  s.ok(HOST, { type: 'agenda.update', segmentId: welcome, changes: { prompt: 'Hello', notes: 'yet more' } });
  s.ok(HOST, { type: 'agenda.next' });
  s.ok(ADA, { type: 'qa.ask', text: 'Anonymous from Ada', anonymous: true, ownerKey: ownerKeyOf(ADA) });
  const adaAnon = s.lastId();
  s.ok(BEN, { type: 'qa.ask', text: 'Named from Ben' });
  const benNamed = s.lastId();
  s.ok(CAI, { type: 'qa.ask', text: 'Anonymous from Cai', anonymous: true });
  const caiAnon = s.lastId();
  s.ok(COFAC, { type: 'qa.ask', text: 'Anonymous from a facilitator', anonymous: true });
  for (const [who, q] of [
    [ADA, benNamed],
    [BEN, adaAnon],
    [CAI, adaAnon],
    [OBSERVER, caiAnon],
    [COFAC, caiAnon],
    [ADA, caiAnon],
  ] as const) {
    s.tick(100).ok(who, { type: 'qa.vote', questionId: q, voted: true });
  }
  s.ok(BEN, { type: 'qa.vote', questionId: adaAnon, voted: false });
  s.ok(HOST, { type: 'qa.mark', questionId: caiAnon, flag: 'hidden', on: true });
  s.ok(COFAC, { type: 'qa.vote', questionId: caiAnon, voted: false });
  s.ok(HOST, { type: 'qa.mark', questionId: caiAnon, flag: 'answered', on: true });
  s.ok(BEN, { type: 'signal.set', signal: 'pause', on: true });
  s.ok(ADA, { type: 'signal.set', signal: 'notToday', on: true });
  s.ok(HOST, { type: 'qa.mark', questionId: caiAnon, flag: 'hidden', on: false });
  s.ok(HOST, { type: 'qa.mark', questionId: benNamed, flag: 'hidden', on: true });
  s.ok(BEN, { type: 'qa.delete', questionId: benNamed }); // hidden from Ben: changes nothing
  s.ok(HOST, { type: 'qa.mark', questionId: benNamed, flag: 'pinned', on: true });
  s.ok(HOST, { type: 'qa.mark', questionId: benNamed, flag: 'hidden', on: false });
  s.ok(ADA, { type: 'hand.raise' });
  s.ok(BEN, { type: 'hand.raise' });
  s.ok(HOST, { type: 'floor.setOptions', quietFirst: true });
  s.ok(HOST, { type: 'floor.give' });
  s.tick(5000).ok(ADA, { type: 'floor.endTurn' });
  s.ok(HOST, { type: 'timer.start', durationMs: 300_000, label: 'Break' });
  s.tick(1000).ok(HOST, { type: 'timer.pause' });
  s.ok(HOST, { type: 'announcement.post', text: 'Back soon' });
  s.ok(HOST, { type: 'participant.remove', participantId: BEN });
  s.ok(HOST, { type: 'participant.setRole', participantId: 'part04', role: 'captioner' });
  s.ok(HOST, { type: 'floor.start', setup: { mode: 'round', orderBy: 'join' } });
  s.ok(ADA, { type: 'round.pass' });
  s.ok(ADA, { type: 'qa.delete', questionId: adaAnon, ownerKey: ownerKeyOf(ADA) });
  s.ok(ADA, { type: 'signal.set', signal: 'notToday', on: false });
  s.ok(CAI, { type: 'signal.set', signal: 'pause', on: true });
  s.ok(HOST, { type: 'agenda.next' });
  return s;
}

/** The server's state before each event (index i: before events[i]) and after all of them. */
function statesOf(events: readonly SessionEvent[]) {
  const states = [emptyState()];
  for (const e of events) states.push(evolve(states[states.length - 1] ?? emptyState(), e));
  return states;
}

/**
 * V5: for every point a client could have taken its snapshot, the snapshot plus the cut events
 * after it give exactly the cut of the server's final state, and the same view.
 */
function expectConsistent(events: readonly SessionEvent[], viewer: string) {
  const states = statesOf(events);
  const final = states[states.length - 1] ?? emptyState();
  const expected = redactState(final, viewer);
  for (let k = 0; k <= events.length; k += 1) {
    const at = states[k] ?? emptyState();
    const client = evolveAll(redactState(at, viewer), redactEvents(at, events.slice(k), viewer));
    expect(client).toEqual(expected);
  }
  expect(viewFor(replay(redactEvents(emptyState(), events, viewer)), viewer)).toEqual(viewFor(final, viewer));
}

describe('redaction', () => {
  it('V5: a cut snapshot plus cut events equals a fresh cut snapshot, for all three audiences', () => {
    const s = scripted();
    for (const viewer of VIEWERS) expectConsistent(s.events, viewer);
  });

  it('V4: cut events keep the version chain whole and match the wire schemas', () => {
    const s = scripted();
    for (const viewer of [...VIEWERS, CAI, CAPTIONER]) {
      const cut = redactEvents(emptyState(), s.events, viewer);
      expect(cut.map((e) => e.v)).toEqual(s.events.map((e) => e.v));
      for (const e of cut) expect(SessionEvent.parse(e)).toEqual(e);
      const state = redactState(s.state, viewer);
      expect(SessionState.parse(state)).toEqual(state);
      const view = viewFor(s.state, viewer);
      expect(SessionView.parse(view)).toEqual(view);
    }
  });

  it('Q7/Q8: no copy but the author’s holds an anonymous author; no copy holds another’s vote', () => {
    const s = scripted();
    const anonymous = s.events.filter((e) => e.type === 'question.asked' && e.anonymous);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const viewer of [HOST, COFAC, ADA, CAI, OBSERVER]) {
      const cut = redactEvents(emptyState(), s.events, viewer);
      for (const e of cut) {
        if (e.type === 'question.asked' && e.anonymous) expect([null, viewer]).toContain(e.authorId);
        if (e.type === 'question.voteChanged') expect([null, viewer]).toContain(e.voterId);
        if (e.type === 'question.restored') expect(e.question.voters.every((id) => id === viewer)).toBe(true);
      }
      for (const q of Object.values(redactState(s.state, viewer).questions)) {
        if (q.anonymous) expect([null, viewer]).toContain(q.authorId);
        expect(q.voters.every((id) => id === viewer)).toBe(true);
      }
      for (const q of viewFor(s.state, viewer).questions) if (q.anonymous) expect(q.authorId).toBeNull();
    }
  });

  it('V2/A7: notes, others’ signals and hidden questions never reach a participant or observer', () => {
    const s = new TestSession();
    s.ok(HOST, {
      type: 'agenda.add',
      segment: { title: 'W', kind: 'talk', plannedMinutes: 5, notes: 'private' },
    });
    s.ok(BEN, { type: 'signal.set', signal: 'pause', on: true });
    s.ok(ADA, { type: 'qa.ask', text: 'to be hidden' });
    const hidden = s.lastId();
    s.ok(HOST, { type: 'qa.mark', questionId: hidden, flag: 'hidden', on: true });
    const hiddenAt = s.events.length;
    s.ok(COFAC, { type: 'qa.vote', questionId: hidden, voted: true });
    s.ok(COFAC, { type: 'qa.mark', questionId: hidden, flag: 'answered', on: true });
    for (const viewer of [ADA, OBSERVER, CAPTIONER]) {
      const snapshot = JSON.stringify(redactState(s.state, viewer));
      const stream = JSON.stringify(redactEvents(emptyState(), s.events, viewer));
      expect(snapshot + stream).not.toContain('private');
      // Someone connected when it was asked saw the question; after hiding, it leaves their copy.
      expect(snapshot).not.toContain('to be hidden');
      // Nor does anything about it after it was hidden (not even that it got a vote).
      const states = statesOf(s.events);
      const after = redactEvents(states[hiddenAt] ?? emptyState(), s.events.slice(hiddenAt), viewer);
      expect(JSON.stringify(after)).not.toContain(hidden);
      expect(redactState(s.state, viewer).signals).toEqual({});
    }
    expect(JSON.stringify(redactState(s.state, COFAC))).toContain('private');
    expect(viewFor(s.state, COFAC).signals?.[BEN]?.pause).not.toBeNull();
  });

  it('V6: a client whose own audience changes needs a snapshot; after it, deltas agree again', () => {
    const s = new TestSession();
    s.ok(BEN, { type: 'signal.set', signal: 'pause', on: true });
    const before = s.state;
    s.ok(HOST, { type: 'participant.setRole', participantId: ADA, role: 'cofacilitator' });
    expect(needsSnapshot(before, s.state, ADA)).toBe(true);
    expect(needsSnapshot(before, s.state, CAI)).toBe(false);
    const snapshotAt = s.events.length;
    const snapshot = redactState(s.state, ADA);
    s.ok(CAI, { type: 'signal.set', signal: 'notToday', on: true });
    const client = evolveAll(
      snapshot,
      redactBatch(replay(s.events.slice(0, snapshotAt)), s.events.slice(snapshotAt))(ADA),
    );
    expect(client).toEqual(redactState(s.state, ADA));
    expect(Object.keys(client.signals).sort()).toEqual([BEN, CAI]);
  });

  it('V5: seeded random sessions stay consistent for every audience', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const s = randomSession(seed, 250, VIEWERS);
      for (const viewer of VIEWERS) {
        // Checking every snapshot point of a long session is quadratic; a few points suffice here.
        const states = statesOf(s.events);
        const expected = redactState(s.state, viewer);
        for (const k of [
          0,
          Math.floor(s.events.length / 3),
          Math.floor((2 * s.events.length) / 3),
          s.events.length,
        ]) {
          const at = states[k] ?? emptyState();
          const client = evolveAll(redactState(at, viewer), redactEvents(at, s.events.slice(k), viewer));
          expect({ seed, viewer, k, client }).toEqual({ seed, viewer, k, client: expected });
        }
        expect(viewFor(replay(redactEvents(emptyState(), s.events, viewer)), viewer)).toEqual(
          viewFor(s.state, viewer),
        );
      }
    }
  });
});
