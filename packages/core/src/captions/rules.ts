import { type CaptionLine, type CaptionScope, PLENARY } from '@kring/protocol';
import { roomAccess } from '../breakouts/rules';
import { isFacilitator } from '../roles/kinds';
import type { SessionState } from '../state';

/** Live captions (CA rules in SPEC.md): who captions, where captions go, how the transcript is ordered. */

type PlaceFacts = Pick<SessionState, 'participants' | 'breakouts'>;

/** CA1: captioners and facilitators type captions; participants, observers and removed people do not. */
export function mayCaption(state: Pick<SessionState, 'participants'>, participantId: string): boolean {
  const who = state.participants[participantId];
  return !!who && !who.removed && (who.role === 'captioner' || isFacilitator(who.role));
}

/**
 * CA2: where someone is, for captions, like their floor: the room they are in (members) or visit
 * (facilitators and captioners, BR16) while the rooms are open; else the plenary. Reads only public
 * facts, so a client's copy answers the same.
 */
export function captionScope(state: PlaceFacts, participantId: string): CaptionScope {
  const current = state.breakouts.current;
  if (!current || current.status !== 'open') return PLENARY;
  const room = current.visits[participantId]?.roomId ?? current.assignment[participantId];
  return room && current.rooms.some((r) => r.id === room) ? room : PLENARY;
}

/**
 * CA2: a caption URL made for a room posts into that room while its breakout is open; a plenary URL
 * posts into the plenary any time. Null: the URL has nowhere to post now.
 */
export function sourceScopeNow(state: PlaceFacts, scope: CaptionScope): CaptionScope | null {
  if (scope === PLENARY) return PLENARY;
  const current = state.breakouts.current;
  return current?.status === 'open' && current.rooms.some((r) => r.id === scope) ? scope : null;
}

/**
 * CA3: may this person read a scope's captions (in the transcript, the export)? The plenary's: every
 * member. A room's: whoever may read the room (BR12); rooms of earlier breakouts, every member.
 */
export function mayReadCaptions(state: PlaceFacts, participantId: string, scope: CaptionScope): boolean {
  const who = state.participants[participantId];
  if (!who || who.removed) return false;
  if (scope === PLENARY) return true;
  const current = state.breakouts.current;
  if (current?.rooms.some((r) => r.id === scope)) return roomAccess(state, participantId, scope) !== 'none';
  return true;
}

/** CA7: the whole transcript (every scope, with times) is the facilitators' to download and delete. */
export function mayManageTranscript(
  state: Pick<SessionState, 'participants'>,
  participantId: string,
): boolean {
  const who = state.participants[participantId];
  return !!who && !who.removed && isFacilitator(who.role);
}

/**
 * CA4: where a new line sits in the transcript. Lines sit in the order they arrive: after the
 * session's last line (`lastOrder`, strictly, so two lines in one millisecond keep their order).
 * A caption URL's late line (a retry, or posts overtaking each other) instead takes the place of the
 * first line that URL already sent with a higher `seq` (`laterOrder`, the smallest such order;
 * null when there is none), so each URL's lines read in `seq` order.
 */
export function lineOrder(at: number, laterOrder: number | null, lastOrder: number | null = null): number {
  if (laterOrder !== null) return laterOrder;
  return lastOrder === null || at > lastOrder ? at : lastOrder + ORDER_STEP;
}

/** A binary fraction of a millisecond: exact in a double at today's epoch milliseconds. */
const ORDER_STEP = 1 / 1024;

/** CA4: the transcript's order: `order`, then a URL's `seq`, then id (equal orders come from one URL). */
export function compareLines(a: CaptionLine, b: CaptionLine): number {
  const seqOf = (l: CaptionLine) => (l.by.kind === 'url' ? l.by.seq : 0);
  return a.order - b.order || seqOf(a) - seqOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * CA5: a person corrects their own most recent line in the scope they caption now; nobody corrects
 * another's words, nor a caption URL's (its software sends a new line instead).
 * `latest` is that person's most recent line in that scope (null: none).
 */
export function mayCorrect(
  state: PlaceFacts,
  participantId: string,
  line: CaptionLine,
  latest: CaptionLine | null,
): boolean {
  return (
    mayCaption(state, participantId) &&
    line.by.kind === 'person' &&
    line.by.participantId === participantId &&
    latest?.id === line.id &&
    line.scope === captionScope(state, participantId)
  );
}

/**
 * CA8: a caption URL's body as lines: one per line break, trimmed, empty ones dropped, each cut
 * to `max` characters at a space where one is near (longer ones continue on the next line).
 */
export function splitCaptionText(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let rest = raw.replace(/\s+/g, ' ').trim();
    while (rest.length > max) {
      const space = rest.lastIndexOf(' ', max);
      const cut = space > max / 2 ? space : max;
      lines.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    if (rest) lines.push(rest);
  }
  return lines;
}
