import { LIMITS } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { createSession, decideJoin } from '../decide';
import { replay } from '../reducer';
import { ADA, BEN, CAI, COFAC, HOST, TestSession } from '../testing';
import { withVersions } from '../versions';
import { viewFor } from '../view/view';
import { tokenEpochOf } from './entry';
import { nameKey } from './names';

const joinAs = (s: TestSession, displayName: string, participantId = 'newbie1') =>
  decideJoin(s.state, { participantId, displayName, now: s.now });

const codeOf = (d: ReturnType<typeof decideJoin>) => (d.ok ? 'ok' : d.error.code);

describe('who may come in', () => {
  it('S1: the host starts with the display name they chose', () => {
    const state = replay(
      withVersions(
        0,
        createSession({
          sessionId: 'session1',
          title: 'Check-in',
          joinCode: 'ABCDEF',
          hostId: HOST,
          hostName: 'Hanna',
          boardId: 'board1',
          now: 1,
        }),
      ),
    );
    expect(state.participants[HOST]).toMatchObject({ displayName: 'Hanna', role: 'host' });
    expect(state.doorOpen).toBe(true);
  });

  it('J1: someone new joins as a participant with their display name', () => {
    const s = new TestSession();
    const d = joinAs(s, 'Dee');
    expect(d.ok && d.events).toEqual([
      {
        type: 'participant.joined',
        at: s.now,
        participantId: 'newbie1',
        displayName: 'Dee',
        role: 'participant',
      },
    ]);
  });

  it('J2: while the door is closed nobody new joins; members stay; opening lets people in again', () => {
    const s = new TestSession();
    expect(s.ok(COFAC, { type: 'session.setDoor', open: false })).toEqual([
      { type: 'session.doorChanged', at: s.now, open: false, by: COFAC },
    ]);
    expect(s.state.doorOpen).toBe(false);
    expect(viewFor(s.state, ADA).doorOpen).toBe(false);
    expect(codeOf(joinAs(s, 'Dee'))).toBe('door_closed');
    // C4: closing a closed door records nothing.
    expect(s.ok(HOST, { type: 'session.setDoor', open: false })).toEqual([]);
    // People already in carry on.
    expect(s.ok(ADA, { type: 'hand.raise' })).toHaveLength(1);
    s.ok(HOST, { type: 'session.setDoor', open: true });
    expect(codeOf(joinAs(s, 'Dee'))).toBe('ok');
  });

  it('J2/C2: only facilitators open or close the door', () => {
    const s = new TestSession();
    expect(s.refused(ADA, { type: 'session.setDoor', open: false })).toBe('forbidden');
    expect(s.state.doorOpen).toBe(true);
  });

  it('J3: a session takes at most LIMITS.participantsMax people, removed ones counted', () => {
    const s = new TestSession();
    let n = Object.keys(s.state.participants).length;
    while (n < LIMITS.participantsMax - 1) s.join(`filler${String(n++).padStart(4, '0')}`, `Person ${n}`);
    s.ok(HOST, { type: 'participant.remove', participantId: BEN });
    expect(codeOf(joinAs(s, 'Last one'))).toBe('ok');
    s.join('last0001', 'Last one');
    expect(Object.keys(s.state.participants)).toHaveLength(LIMITS.participantsMax);
    expect(codeOf(joinAs(s, 'One too many'))).toBe('full');
  });

  it('RO8: nobody joins with a facilitator’s name, whatever its case or spacing', () => {
    const s = new TestSession(); // host "Hanna", co-facilitator "Coco"
    for (const name of ['Hanna', 'hanna', 'HAN NA', ' Hanna ', 'Ｈａｎｎａ', 'Han\u200Bna', 'coco']) {
      expect({ name, code: codeOf(joinAs(s, name)) }).toEqual({ name, code: 'name_taken' });
    }
    // Participants' names are not reserved, nor are names that only look a bit alike.
    expect(codeOf(joinAs(s, 'Ada'))).toBe('ok');
    expect(codeOf(joinAs(s, 'Hannah'))).toBe('ok');
  });

  it('RO8: nobody who is not a facilitator is renamed to a facilitator’s name', () => {
    const s = new TestSession();
    expect(s.refused(ADA, { type: 'participant.rename', participantId: ADA, displayName: 'hanna' })).toBe(
      'name_taken',
    );
    expect(s.refused(HOST, { type: 'participant.rename', participantId: BEN, displayName: 'COCO' })).toBe(
      'name_taken',
    );
    // A removed facilitator's name is free again; facilitators choose their own names freely.
    s.ok(HOST, { type: 'participant.remove', participantId: COFAC });
    s.ok(ADA, { type: 'participant.rename', participantId: ADA, displayName: 'Coco' });
    s.ok(HOST, { type: 'participant.rename', participantId: HOST, displayName: 'Cai' });
    expect(s.state.participants[HOST]?.displayName).toBe('Cai');
    expect(s.state.participants[CAI]?.displayName).toBe('Cai');
  });

  it('RO8: names compare without case, spacing or Unicode form', () => {
    expect(nameKey(' Ada  Lovelace ')).toBe(nameKey('adalovelace'));
    expect(nameKey('Ｈａｎｎａ')).toBe('hanna');
    expect(nameKey('Hanna')).not.toBe(nameKey('Hannah'));
  });

  it('J4: a facilitator gives the session a new join code the server drew', () => {
    const s = new TestSession();
    expect(s.ok(HOST, { type: 'session.rotateJoinCode', joinCode: 'QRSTUV' })).toEqual([
      { type: 'session.joinCodeChanged', at: s.now, joinCode: 'QRSTUV', by: HOST },
    ]);
    expect(s.state.joinCode).toBe('QRSTUV');
    expect(viewFor(s.state, ADA).joinCode).toBe('QRSTUV');
    // C5: without the server's code there is nothing to record.
    expect(s.refused(HOST, { type: 'session.rotateJoinCode' })).toBe('bad_request');
    expect(s.refused(HOST, { type: 'session.rotateJoinCode', joinCode: 'QRSTUV' })).toBe('conflict');
    expect(s.refused(ADA, { type: 'session.rotateJoinCode', joinCode: 'WXYZ23' })).toBe('forbidden');
  });

  it('J5: signing everyone else out moves every other member’s token epoch, not the actor’s', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'participant.remove', participantId: CAI });
    const [event] = s.ok(COFAC, { type: 'session.signOutOthers' });
    expect(event).toMatchObject({ type: 'session.signedOut', by: COFAC });
    const others = Object.keys(s.state.participants).filter((id) => id !== COFAC && id !== CAI);
    expect(event?.type === 'session.signedOut' && [...event.participantIds].sort()).toEqual(others.sort());
    for (const id of others) expect(tokenEpochOf(s.state, id)).toBe(1);
    expect(tokenEpochOf(s.state, COFAC)).toBe(0);
    expect(tokenEpochOf(s.state, CAI)).toBe(0); // removed: nothing left to sign out
    s.ok(HOST, { type: 'session.signOutOthers' });
    expect(tokenEpochOf(s.state, ADA)).toBe(2);
    expect(tokenEpochOf(s.state, COFAC)).toBe(1);
    expect(tokenEpochOf(s.state, HOST)).toBe(1);
    expect(s.refused(ADA, { type: 'session.signOutOthers' })).toBe('forbidden');
  });

  it('J5/C4: with nobody else in, signing out records nothing', () => {
    const s = new TestSession();
    for (const id of Object.keys(s.state.participants).filter((id) => id !== HOST)) {
      s.ok(HOST, { type: 'participant.remove', participantId: id });
    }
    expect(s.ok(HOST, { type: 'session.signOutOthers' })).toEqual([]);
  });
});
