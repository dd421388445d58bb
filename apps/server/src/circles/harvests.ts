import { type SessionState, mayDeleteHarvest, mayKeepHarvest } from '@kring/core';
import type { ErrorBody, HarvestSummary } from '@kring/protocol';
import type { BoardSync } from '../boards';
import { exportSession } from '../http/session-export';
import { newId } from '../ids';
import type { SessionService } from '../sessions/service';
import type { HarvestStore, StoredHarvest } from '../store/store';
import type { CircleService } from './service';

export interface HarvestDeps {
  circles: CircleService;
  sessions: Pick<SessionService, 'get'>;
  boards: BoardSync;
  store: HarvestStore;
}

type Failure = { ok: false; error: ErrorBody };

/**
 * The reader a kept harvest is cut for: every member of the circle reads it, so it holds what a
 * participant of the meeting could read (no facilitator notes, no hidden notes' words), never
 * more. An id no session gives anyone (ids are at least six characters of [A-Za-z0-9_-]).
 */
const READER_ID = 'harvest-reader';

function asParticipantReader(state: SessionState): SessionState {
  const reader = { id: READER_ID, displayName: '', role: 'participant' as const, joinedAt: state.createdAt };
  return { ...state, participants: { ...state.participants, [READER_ID]: reader } };
}

export const harvestSummary = (h: Omit<StoredHarvest, 'markdown'>): HarvestSummary => ({
  id: h.id,
  seriesId: h.seriesId,
  key: h.key,
  title: h.title,
  keptAt: h.keptAt,
});

/**
 * CI28: a meeting's harvest kept with its circle — the Markdown export of the meeting's session
 * as a participant reads it, at the moment a host keeps it — so the group finds it when the
 * session is long deleted. Decisions are core's (`mayKeepHarvest`); this reads and stores.
 */
export class Harvests {
  constructor(private readonly deps: HarvestDeps) {}

  async keep(
    circleId: string,
    memberId: string,
    meeting: { seriesId: string; key: string },
  ): Promise<{ ok: true; harvest: HarvestSummary } | Failure> {
    const { circles, sessions, boards, store } = this.deps;
    // In the circle's queue: two hosts keeping at once never both pass the count.
    return circles.serialised(circleId, async (turn) => {
      const state = await turn.state();
      if (!state) return { ok: false, error: { code: 'not_found', message: 'no such circle' } };
      const kept = await store.harvests(circleId);
      const again = kept.some((h) => h.seriesId === meeting.seriesId && h.key === meeting.key);
      const verdict = mayKeepHarvest(state, memberId, meeting, { count: kept.length, again });
      if (!verdict.ok) return verdict;
      const session = await sessions.get(verdict.sessionId);
      if (!session) {
        const message = "this meeting's session was deleted: there is no harvest left to keep";
        return { ok: false, error: { code: 'not_found', message } };
      }
      const now = circles.now();
      const file = await exportSession(
        boards,
        asParticipantReader(session),
        READER_ID,
        'md',
        now,
        state.locale,
      );
      const harvest: StoredHarvest = {
        id: newId(),
        circleId,
        seriesId: meeting.seriesId,
        key: meeting.key,
        title: session.title,
        markdown: file.body,
        keptAt: now,
      };
      await store.keepHarvest(harvest);
      return { ok: true, harvest: harvestSummary(harvest) };
    });
  }

  async list(circleId: string): Promise<HarvestSummary[]> {
    return (await this.deps.store.harvests(circleId)).map(harvestSummary);
  }

  read(circleId: string, harvestId: string): Promise<StoredHarvest | null> {
    return this.deps.store.harvest(circleId, harvestId);
  }

  async remove(circleId: string, memberId: string, harvestId: string): Promise<{ ok: true } | Failure> {
    const state = await this.deps.circles.get(circleId);
    if (!state || !mayDeleteHarvest(state, memberId)) {
      return { ok: false, error: { code: 'forbidden', message: 'only the hosts of the circle can do this' } };
    }
    if (!(await this.deps.store.deleteHarvest(circleId, harvestId))) {
      return { ok: false, error: { code: 'not_found', message: 'no such harvest in this circle' } };
    }
    return { ok: true };
  }
}
