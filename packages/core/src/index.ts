export { type SessionState, emptyState } from './state';
export { evolve, evolveAll, replay, VersionGapError } from './reducer';
export { decide, createSession, joinSession, type Decision, type Actor } from './decide';
export { isFacilitator, boardAccess, type BoardAccess } from './permissions';
export { withVersions } from './versions';
export { viewFor } from './view';
