import type { SessionEvent } from '@kring/protocol';
import { evolve } from '../reducer';
import type { SessionState } from '../state';
import { needsSnapshot } from './audience';
import { redactState } from './redact';

/**
 * V5'/V6: how a client keeps its cut copy current. Applies one event it received (already cut for
 * it) and cuts the result again, since access to a room may have shrunk (BR18: moved out, gallery
 * closed) and what the copy still holds of that room must go. `snapshot: true` means the copy cannot
 * follow (its audience changed, or a room became readable): fetch a fresh snapshot instead.
 */
export function evolveCopy(
  copy: SessionState,
  event: SessionEvent,
  you: string,
): { state: SessionState; snapshot: boolean } {
  const next = evolve(copy, event);
  if (needsSnapshot(copy, next, you)) return { state: next, snapshot: true };
  return { state: redactState(next, you), snapshot: false };
}
