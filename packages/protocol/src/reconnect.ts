/**
 * How a person's control-plane connection comes back after losing the server (socket.io-client's
 * reconnection options), shared by the web app and the restart benchmark's clients so that the
 * benchmark measures what browsers do.
 *
 * socket.io's defaults wait 0.5–1.5 s before the first try, then 1–3 s more: after a restart, a
 * person whose first try came just before the new process listened waited seconds more for nothing
 * (issue 14). Here the first try comes after 125–375 ms and the waits double from there (jittered,
 * so a thousand people do not knock in step) up to the default ceiling; a refused try costs the
 * server nothing, it is not listening yet.
 */
export const CONTROL_RECONNECT = {
  reconnectionDelay: 250,
  randomizationFactor: 0.5,
  reconnectionDelayMax: 5000,
} as const;
