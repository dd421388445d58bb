export { type SessionState, emptyState, initialFloor, newBoard } from './state';
export { evolve, evolveAll, replay, VersionGapError } from './reducer';
export {
  decide,
  createSession,
  joinSession,
  decideJoin,
  type Decision,
  type Actor,
  type DecideContext,
} from './decide';
export { mayJoin, facilitatorNamed, tokenEpochOf } from './entry/entry';
export { nameKey, sameName } from './entry/names';
export type { NoteFacts } from './decision';
export { heldForScreening, recordRevealed } from './boards/decide';
export {
  checkVote,
  votesSpent,
  votesLeft,
  tallyVotes,
  byVotes,
  type Ballot,
  type VoteRules,
  type VoteCheck,
  type VoteRefusal,
} from './boards/votes';
export { roomBoardIds, plenaryBoards, roomOfBoard, showableBoards, shownBoardId } from './boards/shown';
export {
  isFacilitator,
  takesTheFloor,
  isMember,
  boardAccess,
  mayContribute,
  draftAccess,
  moderationAccess,
  type BoardAccess,
  FACILITATOR_COMMANDS,
  type FacilitatorCommandType,
  isFacilitatorCommand,
} from './permissions';
export { withVersions } from './versions';
export {
  balancedGroups,
  roomSizeToCount,
  placeLateJoiner,
  roomOf,
  roomAccess,
  roomBoardAccess,
  mayUseScope,
  readableByAll,
  breakoutRemainingMs,
  inWarning,
  isAssignable,
  type RoomAccess,
} from './breakouts/rules';
export { DEFAULT_WARNING_MS, closeWhenDue, lateJoinerEvents } from './breakouts/breakouts';
export { runsFloor, roomMembers, roomHost, ROOM_FLOOR_COMMANDS } from './breakouts/room-floor';
export { assignIds } from './ids';
export { remainingMs, isRunning } from './timer/timer';
export { queueOrder } from './floor/open';
export { pendingIds } from './floor/round';
export {
  maySpeak,
  nextSpeaker,
  turnInfo,
  turnChange,
  turnRemainingMs,
  type TurnInfo,
  type TurnChange,
} from './floor/speaking';
export { balanceAt } from './balance/balance';
export { viewFor } from './view/view';
export { audienceOf, needsSnapshot } from './view/audience';
export { evolveCopy } from './view/copy';
export { hiddenRooms } from './view/rooms';
export { redactState, redactEvent, redactEvents, redactBatch, needsRedaction } from './view/redact';
export {
  SESSION_TEMPLATES,
  findSessionTemplate,
  sessionTemplateIn,
  sessionTemplatesIn,
  plannedMinutesOf,
  boardsKeptClosed,
  setupWithBoards,
  type SessionTemplate,
  type SessionTemplateSegment,
  type SessionTemplateBoard,
  type SessionTemplateSetup,
} from './templates/sessions';
export {
  BREAKOUT_PRESETS,
  findBreakoutPreset,
  breakoutPresetsIn,
  breakoutPresetIn,
  type BreakoutPreset,
} from './templates/breakouts';
export { defaultBoardTitle, defaultHostName, defaultRoomName } from './templates/i18n/defaults';
export { BREAKOUT_PRESET_IDS, type BreakoutPresetId } from './templates/i18n';
export { segmentSteps, tidyUpSteps, type StepFacts, type StepOptions } from './agenda/steps';
export {
  mayCaption,
  captionScope,
  sourceScopeNow,
  mayReadCaptions,
  mayManageTranscript,
  lineOrder,
  compareLines,
  mayCorrect,
  splitCaptionText,
} from './captions/rules';
export { DEFAULT_RETENTION, IDLE_END_MS, endedAt, expiresAt, mayExport } from './privacy/privacy';
export { type Erasure, erasuresOf, applyErasure } from './privacy/erasure';
export {
  SeriesPlanError,
  JOIN_OPENS_BEFORE_MS,
  exceptionProblem,
  joinOpen,
  nextOccurrence,
  occurrences,
  plannedDates,
} from './series/occurrences';
export {
  type CircleDecision,
  type CircleActor,
  emptyCircle,
  withCircleVersions,
  hostsOf,
  isCircleHost,
} from './circles/state';
export { evolveCircle, replayCircle, CircleVersionGapError } from './circles/evolve';
export { decideCircle } from './circles/decide';
export { createCircle, assignCircleIds, timeZoneProblem, type NewCircle } from './circles/create';
export { planProblem, replan, lastMeetingEnd } from './circles/series';
export { circleExpiresAt } from './circles/expiry';
export { membersSeenBy, circleLinkValid } from './circles/view';
export { mayKeepHarvest, mayDeleteHarvest } from './circles/harvests';
export {
  type MeetingCommand,
  type VisitorActor,
  isMeetingCommand,
  meetingIdOf,
  meetingOf,
  firstHostOf,
  meetingRoleOf,
  decideMeeting,
} from './circles/meetings';
