import { joinOpensAt, joinPhase, msUntil, serverClock, type Meeting } from '$lib/circles/times';

/**
 * When a meeting's way in is live (SE7), kept true over time: the server says whether it is open
 * now; otherwise the clock says whether it is to come or over. At the next change (it opens, or
 * the meeting ends) `refresh` asks the server again, and `opened` is called once when it comes
 * alive while the page is open. Used by the event page's join button and the registrant's page,
 * so both open at the same moment. Call it while a component is set up (it holds effects).
 */
export interface JoinTimingSource {
  meeting: Meeting & { joinOpen: boolean };
  /** The server's `now` and when (by this browser's clock) its answer came. */
  server: { now: number; receivedAt: number };
  /** Reads again (the server decides whether the join is live). */
  refresh: () => unknown;
  /** Said when it comes alive while the page is open. */
  opened?: () => void;
}

export type TimedPhase = 'open' | 'waiting' | 'ended' | 'cancelled';

export function joinTiming(source: () => JoinTimingSource): {
  readonly phase: TimedPhase;
  readonly opensAt: number | null;
} {
  const phase = $derived.by((): TimedPhase => {
    const { meeting, server } = source();
    if (meeting.joinOpen) return 'open';
    const p = joinPhase(meeting, serverClock(server, Date.now()));
    return p === 'open' ? 'waiting' : p;
  });
  const opensAt = $derived(joinOpensAt(source().meeting));

  $effect(() => {
    const { meeting, server, refresh } = source();
    const at = phase === 'waiting' ? opensAt : phase === 'open' ? meeting.end : null;
    if (at === null) return;
    // A little after, so the server's clock has surely passed it; at least a second between asks;
    // a day at most (a timer cannot wait longer than about 24 days, and sleeping laptops drift).
    const wait = Math.min(Math.max(msUntil(at, server, Date.now()) + 250, 1000), 86_400_000);
    const timer = setTimeout(() => void refresh(), wait);
    return () => clearTimeout(timer);
  });

  let lastPhase: TimedPhase | undefined;
  $effect(() => {
    if (lastPhase === 'waiting' && phase === 'open') source().opened?.();
    lastPhase = phase;
  });

  return {
    get phase() {
      return phase;
    },
    get opensAt() {
      return opensAt;
    },
  };
}
