import type { ParticipantState } from '@kring/protocol';
import type { FloorMode, FloorViewOf } from './floor';
import type { People } from './people';

/** What every floor mode component gets from the floor panel, in the plenary or a room. */
export interface ModeProps<M extends FloorMode> {
  floor: FloorViewOf<M>;
  people: People;
  you: string;
  /** This person takes part in the conversation (not an observer or captioner). */
  takesPart: boolean;
  /** The plenary or a room's id (F1). */
  scope: string;
  /** Whether this person runs this floor (facilitators; in a room also its host or members, BR15). */
  runs: boolean;
  /** Who can be given the floor, a seat, the piece or a place on the team here (in a room: its members). */
  takers: readonly ParticipantState[];
}
