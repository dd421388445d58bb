import { describe, expect, it } from 'vitest';
import { boardNotice, type BoardNoticeInput } from './notice';

const open = { locked: false, archived: false, anonymous: false, phase: 'open' as const };
const base: BoardNoticeInput = {
  view: open,
  access: 'write',
  facilitator: false,
  role: 'participant',
  roomNotice: null,
};
const notice = (over: Partial<BoardNoticeInput>) => boardNotice({ ...base, ...over });

describe('boardNotice', () => {
  it('says nothing to a participant who can write', () => {
    expect(notice({})).toBeNull();
  });

  it('never tells a participant writing privately that their role does not write', () => {
    expect(notice({ view: { ...open, phase: 'private' }, access: 'read' })).toBeNull();
  });

  it('says the board is locked, in private writing too', () => {
    expect(notice({ view: { ...open, locked: true }, access: 'read' })?.kind).toBe('locked');
    expect(notice({ view: { ...open, locked: true, phase: 'private' }, access: 'read' })?.text).toMatch(
      /locked/,
    );
    expect(notice({ view: { ...open, archived: true }, access: 'read' })?.kind).toBe('archived');
  });

  it('tells observers and captioners their role reads only, anonymous boards included', () => {
    for (const role of ['observer', 'captioner']) {
      expect(notice({ role, access: 'read' })).toEqual({
        kind: 'role',
        text: 'You can read this board; your role does not write on it.',
      });
      expect(notice({ role, access: 'read', view: { ...open, anonymous: true } })?.kind).toBe('role');
      expect(notice({ role, access: 'read', view: { ...open, phase: 'private' } })?.kind).toBe('role');
    }
  });

  it('puts a room board’s own words first, and spares facilitators the role line', () => {
    expect(notice({ roomNotice: 'Another room’s board', access: 'read' })).toEqual({
      kind: 'room',
      text: 'Another room’s board',
    });
    expect(notice({ facilitator: true, role: 'host', view: { ...open, phase: 'private' } })).toBeNull();
  });
});
