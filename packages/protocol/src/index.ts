export { ERROR_CODES, ErrorCode, ErrorBody, ErrorResponse, httpStatusFor, WS_CLOSE } from './errors';
export { ROLES, Role } from './roles';
export { Id, JoinCode, JOIN_CODE_ALPHABET } from './ids';
export {
  LIMITS,
  CreateSessionBody,
  CreateSessionResponse,
  JoinSessionBody,
  JoinSessionResponse,
  BoardSummary,
  ParticipantSummary,
  SessionSummary,
} from './http';
export { SessionEvent, type SessionEventType, type NewSessionEvent } from './events';
export { Command, type CommandType } from './commands';
export {
  PROTOCOL_VERSION,
  HandshakeAuth,
  ParticipantState,
  BoardState,
  SessionView,
  EventBatch,
  PresenceChange,
  type Ack,
  type CommandAck,
  type SnapshotAck,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './socket';
