import type { ControlStatus } from './session/session.svelte';
import type { BoardStatus } from './board/board.svelte';

export type OverallStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * One status for both channels (socket.io control plane, y-websocket board sync):
 * connected only when both are, "reconnecting" once either was connected before and dropped.
 */
export function overallStatus(control: ControlStatus, board: BoardStatus | null): OverallStatus {
  if (control === 'refused' || board === 'closed') return 'offline';
  const boardUp = board === null || board === 'connected';
  if (control === 'connected' && boardUp) return 'connected';
  if (control === 'reconnecting' || board === 'reconnecting') return 'reconnecting';
  return 'connecting';
}

export const STATUS_LABEL: Record<OverallStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Not connected',
};
