export { ERROR_CODES, ErrorCode, ErrorBody, ErrorResponse, httpStatusFor, WS_CLOSE } from './errors';
export { ROLES, Role } from './roles';
export { Id, JoinCode, JOIN_CODE_ALPHABET, PLENARY, Scope } from './ids';
export { LIMITS } from './limits';
export {
  CreateSessionBody,
  CreateSessionResponse,
  JoinSessionBody,
  JoinSessionResponse,
  JoinStart,
  BoardSummary,
  ParticipantSummary,
  SessionSummary,
  BOARD_EXPORT_FORMATS,
  BoardExportFormat,
  SESSION_EXPORT_FORMATS,
  SessionExportFormat,
  LOCALES,
  Locale,
  SESSION_TEMPLATE_IDS,
  SessionTemplateId,
} from './http';
export { SessionEvent, type SessionEventType, type NewSessionEvent, type EventOf } from './events';
export { Command, type CommandType, type CommandOf } from './commands';
export { ParticipantState, DisplayName } from './participants';
export {
  BOARD_SYNC_PROTOCOL,
  BOARD_TOKEN_PROTOCOL_PREFIX,
  boardSyncProtocols,
  BOARD_FRESH_PARAM,
  tokenFromProtocols,
} from './board-sync';
export {
  SEGMENT_KINDS,
  SegmentKind,
  SegmentState,
  AgendaState,
  BREAKOUT_PRESET_IDS,
  BreakoutPresetId,
  SegmentSetup,
  SegmentFloorSetup,
  SegmentBoardSetup,
} from './agenda';
export { TimerState, TIMER_ACTIONS } from './timer';
export {
  FLOOR_MODES,
  FloorMode,
  FloorState,
  FloorSetup,
  Turn,
  Tally,
  Hand,
  RoundTurn,
  RoundOutcome,
  ROUND_OUTCOMES,
  ROUND_ORDERS,
  Seat,
  TeamPhase,
} from './floor';
export { QuestionState, QuestionView, QuestionFlag, QUESTION_FLAGS } from './qa';
export { OwnerKey, OwnerSecret } from './owner-keys';
export { AnnouncementState } from './announcements';
export { SIGNALS, Signal, SignalState } from './signals';
export { SessionState } from './state';
export {
  BREAKOUT_STATUSES,
  BreakoutStatus,
  RoomState,
  BreakoutState,
  BreakoutRecord,
  BreakoutsState,
  roomIdOf,
  roomBoardIdOf,
} from './breakouts';
export {
  TEMPLATE_IDS,
  TemplateId,
  NOTE_COLORS,
  NoteColor,
  REACTION_IDS,
  ReactionId,
  BOARD_PHASES,
  BoardPhase,
  BOARD_ARRANGE,
  BoardArrange,
  NoteId,
  VoteState,
  BoardState,
  VoteView,
  BoardView,
} from './boards';
export { AUDIENCES, Audience, FloorView, SessionView } from './view';
export {
  PROTOCOL_VERSION,
  HandshakeAuth,
  EventBatch,
  PresenceUpdate,
  type Ack,
  type CommandAck,
  type SnapshotAck,
  type SnapshotWire,
  type WelcomeWire,
  type Welcome,
  readSnapshot,
  readWelcome,
  type ClockAck,
  type CaptionAck,
  type CaptionsAck,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './socket';
export { CONTROL_RECONNECT } from './reconnect';
export {
  CaptionScope,
  CaptionLang,
  CaptionSourceState,
  CaptionsState,
  CaptionAuthor,
  CaptionLine,
  CaptionInput,
  CaptionPartial,
  CaptionUpdate,
  CaptionSourceView,
  CaptionSourcesResponse,
  TRANSCRIPT_FORMATS,
  TranscriptFormat,
} from './captions';
export { Retention, EXPORTERS, Exporters, PrivacyState, PrivacyNotice, PrivacySummary } from './privacy';
export {
  LocalDate,
  LocalTime,
  TimeZoneName,
  Weekday,
  SERIES_LIMITS,
  SeriesRepeat,
  SeriesPlan,
  SeriesException,
  SeriesExceptions,
  OCCURRENCE_STATUSES,
  Occurrence,
} from './series';
export {
  CIRCLE_LIMITS,
  CIRCLE_CODE_LENGTH,
  CircleCode,
  CIRCLE_ROLES,
  CircleRole,
  SERIES_VISIBILITIES,
  SeriesVisibility,
  CircleText,
  RetentionDays,
  CircleMember,
  SeriesState,
  CircleState,
  CircleCommand,
  type CircleCommandType,
  type CircleCommandOf,
  CircleEvent,
  type CircleEventType,
  type CircleEventOf,
  type NewCircleEvent,
  CreateCircleBody,
  CreateCircleResponse,
  CircleCommandResponse,
  CircleMemberSummary,
  CircleView,
  EventMeeting,
  SeriesEventData,
  CircleMeeting,
  MeetingOpened,
  MeetingJoined,
  MeetingJoinResponse,
  MeetingOpenPublicResponse,
  RegistrationSettings,
  SetRegistration,
  RegistrationSet,
  CircleBoard,
  AddCircleBoard,
  RemoveCircleBoard,
  CircleBoardAdded,
  CircleBoardRemoved,
  HarvestSummary,
} from './circles';
export {
  REGISTRATION_STATUSES,
  RegistrationStatus,
  RegistrationEmail,
  RegisterBody,
  RegisterResponse,
  RegistrationView,
  RegistrationJoinResponse,
  RegistrationEntry,
  RegistrationList,
} from './registrations';
