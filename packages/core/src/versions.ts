import type { NewSessionEvent, SessionEvent } from '@kring/protocol';

/** Numbers new events after `version`, the way the store does when it appends them. */
export function withVersions(version: number, events: readonly NewSessionEvent[]): SessionEvent[] {
  return events.map((e, i) => ({ ...e, v: version + i + 1 }) as SessionEvent);
}
