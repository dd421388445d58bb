import { type CommandOf, type EventOf, LIMITS, PLENARY } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import type { SessionState } from '../state';

/** Caption URLs and the transcript's place in the harvest (CA6, CA7): facilitator commands. */

type CaptionCommand = CommandOf<'captions.addSource' | 'captions.revokeSource' | 'captions.setHarvest'>;
export type CaptionEvent = EventOf<
  'captions.sourceAdded' | 'captions.sourceRevoked' | 'captions.harvestChanged'
>;

export function decideCaptions(ctx: Ctx, command: CaptionCommand): Decision {
  const { state, who, now: at } = ctx;
  const captions = state.captions;
  switch (command.type) {
    case 'captions.addSource': {
      const sourceId = command.sourceId;
      if (!sourceId) return refuse('bad_request', 'a new caption URL needs the id the server assigns');
      if (captions.sources[sourceId]) return refuse('conflict', 'a caption URL with this id exists');
      if (Object.keys(captions.sources).length >= LIMITS.captionSourcesMax) {
        return refuse('too_large', `at most ${LIMITS.captionSourcesMax} caption URLs per session`);
      }
      // CA6: a room's URL is made for a room of the current breakout (it posts while the rooms are open).
      const scope = command.scope ?? PLENARY;
      const current = state.breakouts.current;
      if (
        scope !== PLENARY &&
        !(current && current.status !== 'closed' && current.rooms.some((r) => r.id === scope))
      ) {
        return refuse('not_found', 'no such room in the current breakout');
      }
      return accept({ type: 'captions.sourceAdded', at, sourceId, scope, label: command.label, by: who.id });
    }
    case 'captions.revokeSource': {
      const source = captions.sources[command.sourceId];
      if (!source) return refuse('not_found', 'no such caption URL');
      // CA6: revoked for good; revoking again changes nothing.
      if (source.revoked) return unchanged();
      return accept({ type: 'captions.sourceRevoked', at, sourceId: source.id, by: who.id });
    }
    case 'captions.setHarvest':
      if (captions.inHarvest === command.include) return unchanged();
      return accept({ type: 'captions.harvestChanged', at, include: command.include, by: who.id });
  }
}

export function evolveCaptions(state: SessionState, event: CaptionEvent): SessionState {
  const captions = state.captions;
  switch (event.type) {
    case 'captions.sourceAdded':
      return {
        ...state,
        captions: {
          ...captions,
          sources: {
            ...captions.sources,
            [event.sourceId]: {
              id: event.sourceId,
              scope: event.scope,
              label: event.label,
              addedAt: event.at,
              revoked: false,
            },
          },
        },
      };
    case 'captions.sourceRevoked': {
      const source = captions.sources[event.sourceId];
      if (!source) return state;
      return {
        ...state,
        captions: {
          ...captions,
          sources: { ...captions.sources, [source.id]: { ...source, revoked: true } },
        },
      };
    }
    case 'captions.harvestChanged':
      return { ...state, captions: { ...captions, inHarvest: event.include } };
  }
}
