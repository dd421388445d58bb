import { m } from '$lib/paraglide/messages';
import { wordsOf } from '$lib/i18n/words';
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

/** The status in words, in the page's language (each label is read when it is shown). */
export const STATUS_LABEL: Readonly<Record<OverallStatus, string>> = wordsOf({
  connecting: () => m.app_status_connecting(),
  connected: () => m.app_status_connected(),
  reconnecting: () => m.app_status_reconnecting(),
  offline: () => m.app_status_offline(),
});
