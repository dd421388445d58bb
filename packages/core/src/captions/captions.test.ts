import { type CaptionLine, PLENARY } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, CAPTIONER, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { redactState } from '../view/redact';
import {
  captionScope,
  compareLines,
  lineOrder,
  mayCaption,
  mayCorrect,
  mayManageTranscript,
  mayReadCaptions,
  sourceScopeNow,
  splitCaptionText,
} from './rules';

/** ADA in room 0; BEN and CAI in room 1; open. */
function openRooms() {
  const s = new TestSession();
  s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
  const [r0, r1] = s.state.breakouts.current!.rooms;
  s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
  s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
  return { s, r0: r0!, r1: r1! };
}

let ids = 0;
function line(over: Partial<CaptionLine> & Pick<CaptionLine, 'order'>): CaptionLine {
  return {
    id: `line${String(++ids).padStart(4, '0')}`,
    scope: PLENARY,
    text: 'words',
    speaker: null,
    lang: null,
    at: over.order,
    by: { kind: 'person', participantId: CAPTIONER },
    editedAt: null,
    ...over,
  };
}

describe('captions (CA)', () => {
  it('CA1: captioners and facilitators caption; participants, observers and removed people do not', () => {
    const s = new TestSession();
    expect([HOST, COFAC, CAPTIONER].map((p) => mayCaption(s.state, p))).toEqual([true, true, true]);
    expect([ADA, OBSERVER, 'nobody01'].map((p) => mayCaption(s.state, p))).toEqual([false, false, false]);
    s.ok(HOST, { type: 'participant.remove', participantId: CAPTIONER });
    expect(mayCaption(s.state, CAPTIONER)).toBe(false);
  });

  it('CA2: captions follow scope like the floor: members in their room, visitors in the room they visit', () => {
    const { s, r0, r1 } = openRooms();
    expect(captionScope(s.state, ADA)).toBe(r0.id);
    expect(captionScope(s.state, BEN)).toBe(r1.id);
    expect(captionScope(s.state, CAPTIONER)).toBe(PLENARY);
    expect(captionScope(s.state, HOST)).toBe(PLENARY);
    // A captioner goes to the room they caption, always seen (never unseen, even when asked).
    expect(s.ok(CAPTIONER, { type: 'breakout.visit', roomId: r1.id, unseen: true })).toMatchObject([
      { type: 'breakout.visited', participantId: CAPTIONER, roomId: r1.id, unseen: false },
    ]);
    expect(captionScope(s.state, CAPTIONER)).toBe(r1.id);
    // They read that room (who has the floor), and no other; participants still may not visit.
    expect(redactState(s.state, CAPTIONER).breakouts.current!.visits[CAPTIONER]).toEqual({
      roomId: r1.id,
      unseen: false,
    });
    expect(mayReadCaptions(s.state, CAPTIONER, r1.id)).toBe(true);
    expect(mayReadCaptions(s.state, CAPTIONER, r0.id)).toBe(false);
    expect(s.refused(ADA, { type: 'breakout.visit', roomId: r1.id })).toBe('forbidden');
    expect(s.refused(OBSERVER, { type: 'breakout.visit', roomId: r1.id })).toBe('forbidden');
    s.ok(HOST, { type: 'breakout.visit', roomId: r0.id });
    expect(captionScope(s.state, HOST)).toBe(r0.id);
    // A captioner made participant stops visiting (and is dealt like a late joiner).
    s.ok(HOST, { type: 'participant.setRole', participantId: CAPTIONER, role: 'observer' });
    expect(s.state.breakouts.current!.visits[CAPTIONER]).toBeUndefined();
    // Once the rooms close, everyone is back in the plenary.
    s.ok(HOST, { type: 'breakout.close' });
    expect([ADA, BEN, HOST].map((p) => captionScope(s.state, p))).toEqual([PLENARY, PLENARY, PLENARY]);
  });

  it('CA2: a room’s caption URL posts while its breakout is open; a plenary URL any time', () => {
    const s = new TestSession();
    expect(sourceScopeNow(s.state, PLENARY)).toBe(PLENARY);
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    const room = s.state.breakouts.current!.rooms[0]!;
    expect(sourceScopeNow(s.state, room.id)).toBeNull(); // drafted
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    expect(sourceScopeNow(s.state, room.id)).toBe(room.id);
    s.ok(HOST, { type: 'breakout.close' });
    expect(sourceScopeNow(s.state, room.id)).toBeNull();
    expect(sourceScopeNow(s.state, 'nosuchroom')).toBeNull();
  });

  it('CA3: the plenary’s captions are every member’s; a room’s, those who may read the room', () => {
    const { s, r0, r1 } = openRooms();
    expect([ADA, BEN, OBSERVER, HOST].every((p) => mayReadCaptions(s.state, p, PLENARY))).toBe(true);
    expect(mayReadCaptions(s.state, ADA, r0.id)).toBe(true);
    expect(mayReadCaptions(s.state, ADA, r1.id)).toBe(false);
    expect(mayReadCaptions(s.state, HOST, r1.id)).toBe(true);
    s.ok(HOST, { type: 'breakout.gallery', open: true });
    expect(mayReadCaptions(s.state, ADA, r1.id)).toBe(true);
    s.ok(HOST, { type: 'breakout.close' });
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 1 } });
    // Rooms of an earlier breakout: every member reads them, like their boards.
    expect(mayReadCaptions(s.state, ADA, r1.id)).toBe(true);
    expect(mayReadCaptions(s.state, 'nobody01', PLENARY)).toBe(false);
  });

  it('CA4: lines sit in arrival order; a URL’s late line goes before the lines it sent with a higher seq', () => {
    expect(lineOrder(5000, null)).toBe(5000);
    expect(lineOrder(5000, 4000)).toBe(4000);
    // Two lines in one millisecond (or a clock that stepped back) still follow each other.
    expect(lineOrder(5000, null, 5000)).toBeGreaterThan(5000);
    expect(lineOrder(4000, null, 5000)).toBeGreaterThan(5000);
    expect(lineOrder(6000, null, 5000)).toBe(6000);
    const url = (seq: number) => ({ kind: 'url' as const, sourceId: 'source01', seq });
    // seq 1 at 1000, seq 3 at 2000 (seq 2 lost on the way), a person's line at 2500, then seq 2 at 3000.
    const one = line({ order: lineOrder(1000, null), by: url(1) });
    const three = line({ order: lineOrder(2000, null), by: url(3) });
    const typed = line({ order: lineOrder(2500, null) });
    const two = line({ order: lineOrder(3000, three.order), at: 3000, by: url(2) });
    // seq 4 and 5 swap on the way: 5 arrives first, then 4 takes its place just before it.
    const five = line({ order: lineOrder(4000, null), by: url(5) });
    const four = line({ order: lineOrder(4100, five.order), at: 4100, by: url(4) });
    const sorted = [typed, five, two, four, one, three].sort(compareLines);
    expect(sorted.map((l) => (l.by.kind === 'url' ? l.by.seq : 'typed'))).toEqual([1, 2, 3, 'typed', 4, 5]);
  });

  it('CA5: people correct their own latest line in the scope they caption now, nothing else', () => {
    const { s, r1 } = openRooms();
    const mine = line({ order: 1 });
    const newer = line({ order: 2 });
    expect(mayCorrect(s.state, CAPTIONER, mine, mine)).toBe(true);
    expect(mayCorrect(s.state, CAPTIONER, mine, newer)).toBe(false); // not the latest
    expect(mayCorrect(s.state, HOST, mine, mine)).toBe(false); // another's words
    const fromUrl = line({ order: 3, by: { kind: 'url', sourceId: 'source01', seq: 1 } });
    expect(mayCorrect(s.state, CAPTIONER, fromUrl, fromUrl)).toBe(false);
    s.ok(CAPTIONER, { type: 'breakout.visit', roomId: r1.id });
    expect(mayCorrect(s.state, CAPTIONER, mine, mine)).toBe(false); // captions another scope now
    s.ok(HOST, { type: 'participant.setRole', participantId: CAPTIONER, role: 'participant' });
    const back = line({ order: 4, scope: captionScope(s.state, CAPTIONER) });
    expect(mayCorrect(s.state, CAPTIONER, back, back)).toBe(false); // no longer captions
  });

  it('CA6: facilitators add caption URLs (plenary, or a room of the current breakout) and revoke them for good', () => {
    const s = new TestSession();
    expect(s.refused(CAPTIONER, { type: 'captions.addSource', label: 'CART' })).toBe('forbidden');
    expect(s.refused(ADA, { type: 'captions.setHarvest', include: true })).toBe('forbidden');
    const [added] = s.ok(HOST, { type: 'captions.addSource', sourceId: 'chosen01', label: 'CART' });
    // The server's id, never the client's.
    expect(added).toMatchObject({ type: 'captions.sourceAdded', scope: PLENARY, label: 'CART' });
    const id = s.lastId();
    expect(s.state.captions.sources[id]).toMatchObject({ id, scope: PLENARY, revoked: false });
    expect(s.refused(HOST, { type: 'captions.addSource', label: 'Room', scope: 'room00001' })).toBe(
      'not_found',
    );
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    const room = s.state.breakouts.current!.rooms[1]!;
    s.ok(COFAC, { type: 'captions.addSource', label: 'Room 2', scope: room.id });
    expect(s.state.captions.sources[s.lastId()]).toMatchObject({ scope: room.id });
    s.ok(HOST, { type: 'captions.revokeSource', sourceId: id });
    expect(s.state.captions.sources[id]!.revoked).toBe(true);
    expect(s.ok(HOST, { type: 'captions.revokeSource', sourceId: id })).toEqual([]);
    expect(s.refused(HOST, { type: 'captions.revokeSource', sourceId: 'nosuch01' })).toBe('not_found');
  });

  it('CA7: the transcript is the facilitators’ to manage; whether it joins the harvest is their choice', () => {
    const s = new TestSession();
    expect([HOST, COFAC].every((p) => mayManageTranscript(s.state, p))).toBe(true);
    expect([ADA, CAPTIONER, OBSERVER].some((p) => mayManageTranscript(s.state, p))).toBe(false);
    expect(s.state.captions.inHarvest).toBe(false);
    s.ok(HOST, { type: 'captions.setHarvest', include: true });
    expect(s.state.captions.inHarvest).toBe(true);
    expect(s.ok(COFAC, { type: 'captions.setHarvest', include: true })).toEqual([]);
  });

  it('CA8: a caption body becomes lines: one per line break, spaces tidied, long lines cut at a space', () => {
    expect(splitCaptionText('  Hello   there\r\n\n>> MARIA: welcome\rall ', 500)).toEqual([
      'Hello there',
      '>> MARIA: welcome',
      'all',
    ]);
    expect(splitCaptionText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitCaptionText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(splitCaptionText(' \n \n', 10)).toEqual([]);
  });
});
